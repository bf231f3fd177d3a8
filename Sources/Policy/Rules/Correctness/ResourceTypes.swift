import Semantics
import Template

extension Rule {
  /// TPL003: a resource without `Type`.
  public static let resourceWithoutType = Rule(
    id: "TPL003", title: "Resource without Type", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "CloudFormation needs a resource's Type to know what to create; a resource without one fails validation.",
    remediation: "Add `Type:` with the resource type, for example `Type: AWS::S3::Bucket`."
  ) { context in
    context.template.resources.entries.compactMap { entry in
      guard entry.value.type == nil, !TemplateIndex.isExpansion(entry.key) else {
        return nil
      }
      return context.finding(
        "resource '\(entry.key)' has no Type", logicalID: entry.key,
        at: entry.value.location ?? entry.keyLocation)
    }
  }

  /// TPL004: a type name that is not `Namespace::Service::Resource`, `Custom::Name` or a module.
  public static let malformedResourceType = Rule(
    id: "TPL004", title: "Malformed resource type name", severity: .error, family: .correctness,
    theme: "structure",
    rationale:
      "Resource types are `Namespace::Service::Resource` (`AWS::S3::Bucket`, `Alexa::ASK::Skill`, a registry type), `Custom::Name` for custom resources, or `Namespace::Service::Name::MODULE`; anything else (`AWS::S3:Bucket`, `Aws::S3::Bucket`, a trailing space) is rejected at deploy time.",
    remediation:
      "Correct the type name; the CloudFormation resource type reference lists the exact spelling."
  ) { context in
    // A template repeats a few types many times: each is judged once.
    var problems: [String: String?] = [:]
    var findings: [Finding] = []
    context.template.resources.entries.withUnsafeBufferPointer { entries in
      for position in entries.indices {
        guard let type = entries[position].value.type else { continue }
        let problem: String?
        if let known = problems[type] {
          problem = known
        } else {
          problem = ResourceTypeName.problem(with: type)
          problems[type] = .some(problem)
        }
        guard let problem else { continue }
        let entry = entries[position]
        findings.append(
          context.finding(
            "resource '\(entry.key)' has a malformed type '\(type)': \(problem)",
            logicalID: entry.key,
            at: entry.value.typeLocation ?? entry.value.location ?? entry.keyLocation, path: "Type")
        )
      }
    }
    return findings
  }
}

/// The shape CloudFormation requires of a resource type name.
enum ResourceTypeName {
  /// What is wrong with `type`, or `nil` when it is well formed.
  static func problem(with type: String) -> String? {
    let segments = parts(of: type)
    if segments.first == "Custom" {
      guard segments.count == 2, let name = segments.last, (1...60).contains(name.count),
        name.unicodeScalars.allSatisfy({ isAlphanumeric($0) || "_@-".unicodeScalars.contains($0) })
      else {
        return "a custom resource type is `Custom::` followed by 1 to 60 letters, digits or `_@-`"
      }
      return nil
    }
    let expected =
      "expected `Namespace::Service::Resource` (like `AWS::S3::Bucket`) or `Custom::Name`"
    let isModule = segments.count == 4 && segments.last == "MODULE"
    guard segments.count == 3 || isModule else { return expected }
    guard segments.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAlphanumeric) })
    else {
      return "each part must be letters and digits only; \(expected)"
    }
    if segments[0] != "AWS" && segments[0].uppercased() == "AWS" {
      return "the namespace is spelled `AWS`"
    }
    if segments[0] == "AWS" && segments.count == 3 && segments[1] != "Serverless"
      && segments[1].first?.isLowercase == true
    {
      return "AWS service names start with a capital letter"
    }
    return nil
  }

  /// The parts of `type` between `::`, empty ones kept (`AWS::S3:::Bucket` has `:Bucket`), as
  /// `split(separator: "::", omittingEmptySubsequences: false)` cuts them: cut from the bytes,
  /// because the generic split cost more than the rest of the check, for every type of every
  /// template.
  private static func parts(of type: String) -> [Substring] {
    let bytes = type.utf8
    var parts: [Substring] = []
    var start = bytes.startIndex
    var index = start
    while index != bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] == UInt8(ascii: ":"), next != bytes.endIndex, bytes[next] == UInt8(ascii: ":")
      {
        parts.append(type[start..<index])
        index = bytes.index(after: next)
        start = index
      } else {
        index = next
      }
    }
    parts.append(type[start...])
    return parts
  }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
