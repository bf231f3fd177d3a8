import Semantics
import Template

/// Judges security group rules the same way whether they are inline (`SecurityGroupIngress`)
/// or their own resources (`AWS::EC2::SecurityGroupIngress`), with what `SecurityGroupRules`
/// knows of them (the any-address ranges, protocol names), which the diff reads too.
enum SecurityGroupRuleReading {
  /// `all traffic`, `tcp port 22`, `tcp ports 0-65535`, for messages.
  static func ports(of rule: Reading) -> String {
    let text = { (key: String) -> String? in
      let values = rule.child(key).possibilities.map(\.text)
      return values.count == 1 ? values[0] : nil
    }
    let proto = text("IpProtocol") ?? "?"
    if SecurityGroupRules.isAllTraffic(proto) { return "all traffic" }
    let from = text("FromPort") ?? "?"
    let to = text("ToPort") ?? from
    return from == to ? "\(proto) port \(from)" : "\(proto) ports \(from)-\(to)"
  }

  /// Whether the rule opens only `ports` over TCP, in every branch: `tcp port 443`.
  static func opensOnly(_ ports: Set<String>, _ rule: Reading) -> Bool {
    let texts = { (key: String) in rule.child(key).possibilities.map(\.text) }
    let protocols = texts("IpProtocol")
    let from = texts("FromPort")
    let to = texts("ToPort")
    return !protocols.isEmpty && protocols.allSatisfy { $0 == "tcp" || $0 == "6" }
      && from.count == 1 && from == to && from[0].map(ports.contains) == true
  }

  /// Judges one rule: fails when its range is the whole internet. `lesser` may name a reason the
  /// opening is expected (a public load balancer's web ports): the finding then says so, with
  /// that severity.
  static func judgeOpen(
    _ rule: Reading, direction: String, logicalID: String, path: String, in context: RuleContext,
    allowed: (Reading) -> Bool = { _ in false },
    lesser: (Reading) -> (note: String, severity: Severity)? = { _ in nil }
  ) -> [Finding] {
    var findings: [Finding] = []
    // The ports each finding opens (`scope`): a peer check about one port (checkov
    // CKV_AWS_24, port 22) reaches the findings whose range includes it.
    let single = { (key: String) -> String? in
      let values = rule.child(key).possibilities.compactMap(\.text)
      return values.count == 1 ? values[0] : nil
    }
    let allTraffic = single("IpProtocol").map(SecurityGroupRules.isAllTraffic) ?? false
    let fromPort = single("FromPort")
    let toPort = single("ToPort") ?? fromPort
    for (property, cidr) in SecurityGroupRules.anywhere {
      findings += context.judge(
        rule.child(property), logicalID: logicalID, path: path + ".\(property)",
        question: "the \(direction) range is narrower than the internet"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown):
          return context.parameterRulesOut([cidr], in: possibility)
            ? .pass : .unknown(unknown.reason)
        case .success(let range):
          guard range == cidr, !allowed(rule.of(possibility)) else { return .pass }
          let source = direction == "ingress" ? "from" : "to"
          let message = "security group allows \(direction) \(source) \(cidr) on \(ports(of: rule))"
          if let (note, severity) = lesser(rule) {
            return .fail(message + note, severity: severity)
          }
          return .fail(message)
        }
      }.map { finding in
        var finding = finding
        if allTraffic {
          finding.scope["ports"] = "all"
        } else if let fromPort, let toPort {
          finding.scope["fromPort"] = fromPort
          finding.scope["toPort"] = toPort
        }
        return finding
      }
    }
    return findings
  }
}
