import Semantics
import Template

extension Analytics {
  /// MSK003: mSK brokers have no public addresses.
  static let mskPrivateBrokers = Rule(
    id: "MSK003", title: "MSK brokers have no public addresses", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::MSK::Cluster"],
    rationale:
      "PublicAccess SERVICE_PROVIDED_EIPS gives every broker an internet address; the cluster is then reachable from anywhere its security groups allow.",
    remediation:
      "Leave BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type at DISABLED and reach the cluster through the VPC or PrivateLink."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "BrokerNodeGroupInfo", "ConnectivityInfo", "PublicAccess", "Type"), logicalID: logicalID,
        path: "Properties.BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type", question: "the brokers are private"
      ) {
        context.expectNone(of: ["SERVICE_PROVIDED_EIPS"], $0, absent: nil) {
          "brokers have public addresses (PublicAccess.Type: \($0))"
        }
      }
    }
  }
}
