import Semantics
import Template

extension Rule {
  /// SCH023: a CloudFront alternate domain name that is not a host name.
  public static let distributionAliases = Rule(
    id: "SCH023", title: "CloudFront alias is not a domain name", severity: .error,
    family: .correctness, theme: "schema", resourceTypes: ["AWS::CloudFront::Distribution"],
    rationale:
      "CloudFront rejects an alternate domain name (`Aliases`) that is not a host name: labels of letters, digits, hyphens and underscores that neither start nor end with a hyphen, a top-level domain of at least two characters, and a wildcard only as the whole first label (`*.example.com`). The schema types the aliases as strings.",
    remediation: "Write each alias as a domain name (`www.example.com`, `*.example.com`)."
  ) { context in
    context.findingsPerResource { logicalID, _ in
      var findings: [Finding] = []
      let aliases = context.property(logicalID, "DistributionConfig", "Aliases").items()
      for alias in aliases.possibilities where alias.parameters.isEmpty {
        guard let name = alias.settledLiteral, let problem = HostName.problem(name) else { continue }
        findings.append(
          context.finding(
            "distribution '\(logicalID)' has alias '\(name)', which is not a domain name: \(problem)\(alias.clause)",
            logicalID: logicalID, at: alias.location, path: "Properties.DistributionConfig.Aliases"))
      }
      return findings.uniqued()
    }
  }
}

/// A DNS host name as CloudFront takes it for an alternate domain name.
enum HostName {
  static func problem(_ name: String) -> String? {
    // A fully qualified name's trailing dot names the root, not an empty label.
    let name = name.hasSuffix(".") ? String(name.dropLast()) : name
    guard name.count <= 253 else { return "it is longer than 253 characters" }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return "it has no top-level domain" }
    for (index, label) in labels.enumerated() {
      if label == "*" {
        if index == 0 { continue }
        return "a wildcard may only be the first label"
      }
      guard !label.isEmpty else { return "it has an empty label" }
      guard label.count <= 63 else { return "the label '\(label)' is longer than 63 characters" }
      guard label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
      else {
        return "the label '\(label)' has a character other than a letter, a digit, a hyphen or an underscore"
      }
      guard label.first != "-", label.last != "-" else {
        return "the label '\(label)' starts or ends with a hyphen"
      }
    }
    guard let last = labels.last, last.count >= 2 else {
      return "its top-level domain has a single character"
    }
    return nil
  }
}
