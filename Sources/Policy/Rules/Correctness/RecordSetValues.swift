import Semantics
import Template

extension Rule {
  /// SCH022: a Route 53 record whose values do not fit its type, or an alias with a TTL or records.
  public static let recordSetValues = Rule(
    id: "SCH022", title: "DNS record value does not fit its type", severity: .error,
    family: .correctness, theme: "schema",
    resourceTypes: ["AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup"],
    rationale:
      "Route 53 checks each record's values against its type and rejects the change: an A record takes IPv4 addresses, AAAA IPv6 addresses, MX a priority and a host, TXT and SPF quoted strings, a CNAME a single value; an alias record (AliasTarget) takes neither TTL nor ResourceRecords. The schema types them all as strings.",
    remediation: "Write each value in the form its record type takes, or make the record an alias or a plain record, not both."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      let sets =
        resource.type == "AWS::Route53::RecordSetGroup"
        ? context.property(logicalID, "RecordSets").items()
        : context.properties(of: logicalID)
      let prefix = resource.type == "AWS::Route53::RecordSetGroup" ? "Properties.RecordSets" : "Properties"
      var findings: [Finding] = []
      for record in sets.possibilities {
        let one = sets.of(record)
        for alias in one.child("AliasTarget").possibilities where !alias.isAbsent {
          for key in ["TTL", "ResourceRecords"] {
            for value in one.child(key).after(alias).possibilities where !value.isAbsent {
              findings.append(
                context.finding(
                  "record set in '\(logicalID)' is an alias (AliasTarget) and also sets \(key); Route 53 takes one or the other\(value.clause)",
                  logicalID: logicalID, at: value.location, path: "\(prefix).\(key)"))
            }
          }
        }
        for type in one.child("Type").possibilities where type.parameters.isEmpty {
          guard let name = type.settledLiteral?.uppercased() else { continue }
          let records = one.child("ResourceRecords").after(type)
          if name == "CNAME" {
            for list in records.possibilities where list.parameters.isEmpty {
              guard let count = list.list?.count, count > 1 else { continue }
              findings.append(
                context.finding(
                  "CNAME record set in '\(logicalID)' has \(count) values; a CNAME takes exactly one\(list.clause)",
                  logicalID: logicalID, at: list.location, path: "\(prefix).ResourceRecords"))
            }
          }
          for value in records.items().possibilities where value.parameters.isEmpty {
            guard let text = value.settledLiteral, let problem = RecordValue.problem(text, type: name)
            else { continue }
            findings.append(
              context.finding(
                "\(name) record in '\(logicalID)' has value '\(text)', \(problem)\(value.clause)",
                logicalID: logicalID, at: value.location, path: "\(prefix).ResourceRecords"))
          }
        }
      }
      return findings.uniqued()
    }
  }
}

/// The form Route 53 takes for a record value of each type it checks.
enum RecordValue {
  /// What is wrong with `value` as a record of `type`, or `nil`.
  static func problem(_ value: String, type: String) -> String? {
    switch type {
    case "A":
      return isIPv4(value) ? nil : "which is not an IPv4 address"
    case "AAAA":
      return isIPv6(value) ? nil : "which is not an IPv6 address"
    case "MX":
      let parts = value.split(separator: " ", omittingEmptySubsequences: true)
      guard parts.count == 2, let priority = Int(parts[0]), (0...65535).contains(priority) else {
        return "which is not a priority (0 to 65535) and a mail server host"
      }
      return nil
    case "TXT", "SPF":
      guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
        return "which is not enclosed in quotation marks"
      }
      return nil
    default:
      return nil
    }
  }

  /// Four decimal numbers from 0 to 255, separated by dots, nothing else.
  static func isIPv4(_ text: some StringProtocol) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber }
          && Int(part).map { $0 <= 255 } == true
      }
  }

  /// Eight groups of one to four hex digits separated by colons, one `::` standing for one or
  /// more groups of zeros, and an IPv4 address for the last two groups.
  static func isIPv6(_ text: String) -> Bool {
    let halves = text.components(separatedBy: "::")
    guard halves.count <= 2 else { return false }
    var groups = 0
    for (index, half) in halves.enumerated() where !half.isEmpty {
      let parts = half.split(separator: ":", omittingEmptySubsequences: false)
      for (position, part) in parts.enumerated() {
        let isLast = index == halves.count - 1 && position == parts.count - 1
        if isLast && part.contains(".") {
          guard isIPv4(part) else { return false }
          groups += 2
          continue
        }
        guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
        groups += 1
      }
    }
    return halves.count == 2 ? groups < 8 : groups == 8
  }
}
