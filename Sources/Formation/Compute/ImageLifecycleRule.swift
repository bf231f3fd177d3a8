import Template

/// One rule of an ECR lifecycle policy, typed: which images it looks at and when they expire.
///
/// ```swift
/// .expireUntagged(after: .days(7))
/// .keepLast(100)                        // any tag status: must be the last rule
/// .keepLast(20, taggedWith: ["release-"])
/// ```
/// `EcrRepository` numbers the rules in the order written (`rulePriority` 1, 2, ...) and
/// writes the policy's JSON text, so the blueprint never holds hand-written JSON.
public enum ImageLifecycleRule: Sendable {
  /// Untagged images (failed pushes, superseded layers) expire this long after their push.
  case expireUntagged(after: TimeSpan)
  /// Keep only the newest `count` images whose tags start with one of the prefixes.
  case keepLastTagged(Int, prefixes: [String])
  /// Keep only the newest `count` images, tagged or not. ECR requires such a rule to come last.
  case keepLast(Int)

  /// `keepLastTagged` with a more readable call site.
  public static func keepLast(_ count: Int, taggedWith prefixes: [String]) -> ImageLifecycleRule {
    .keepLastTagged(count, prefixes: prefixes)
  }

  var isAnyTagStatus: Bool { if case .keepLast = self { true } else { false } }

  func lower(
    priority: Int, in owner: String, at origin: SourceLocation, into context: inout LoweringContext
  )
    -> Value
  {
    var selection = OrderedMap<Value>()
    let description: String
    switch self {
    case .expireUntagged(let age):
      context.require(
        age.isWholeDays && age.days >= 1, .invalidImageLifecycle,
        "repository '\(owner)': ECR counts image age in whole days (at least 1), not \(age)",
        at: origin)
      selection["tagStatus"] = "untagged"
      selection["countType"] = "sinceImagePushed"
      selection["countUnit"] = "days"
      selection["countNumber"] = .number(age.days)
      description = "Expire untagged images \(age.days) days after push"
    case .keepLastTagged(let count, let prefixes):
      context.require(
        count >= 1, .invalidImageLifecycle,
        "repository '\(owner)': a keep-last rule must keep at least 1 image, not \(count)",
        at: origin)
      context.require(
        !prefixes.isEmpty && prefixes.allSatisfy { !$0.isEmpty }, .invalidImageLifecycle,
        "repository '\(owner)': a tagged keep-last rule needs non-empty tag prefixes", at: origin)
      selection["tagStatus"] = "tagged"
      selection["tagPrefixList"] = .list(prefixes.map { .string($0) })
      selection["countType"] = "imageCountMoreThan"
      selection["countNumber"] = .number(count)
      description = "Keep the newest \(count) images tagged \(prefixes.joined(separator: ", "))"
    case .keepLast(let count):
      context.require(
        count >= 1, .invalidImageLifecycle,
        "repository '\(owner)': a keep-last rule must keep at least 1 image, not \(count)",
        at: origin)
      selection["tagStatus"] = "any"
      selection["countType"] = "imageCountMoreThan"
      selection["countNumber"] = .number(count)
      description = "Keep the newest \(count) images"
    }
    return [
      "rulePriority": .number(priority), "description": .string(description),
      "selection": .map(selection), "action": ["type": "expire"],
    ]
  }
}
