import Semantics
import Template

extension Analytics {
  /// MSK002: an MSK cluster encrypts client and broker traffic.
  static let mskEncryptionInTransit = Rule(
    id: "MSK002", title: "MSK clusters encrypt traffic in transit", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::MSK::Cluster"],
    rationale:
      "ClientBroker PLAINTEXT or TLS_PLAINTEXT lets clients send and read records in clear text; InCluster: false sends replication traffic between brokers in clear text.",
    remediation:
      "Leave EncryptionInfo.EncryptionInTransit at its defaults (ClientBroker TLS, InCluster true) or set them explicitly."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let transit = context.property(logicalID, "EncryptionInfo", "EncryptionInTransit")
      return context.judge(
        transit.child("ClientBroker"), logicalID: logicalID,
        path: "Properties.EncryptionInfo.EncryptionInTransit.ClientBroker",
        question: "clients connect with TLS only"
      ) {
        context.expectNone(of: ["PLAINTEXT", "TLS_PLAINTEXT"], $0) {
          "cluster accepts clear-text clients (ClientBroker: \($0))"
        }
      }
        + context.judge(
          transit.child("InCluster"), logicalID: logicalID,
          path: "Properties.EncryptionInfo.EncryptionInTransit.InCluster",
          question: "brokers encrypt their replication traffic"
        ) {
          $0.bool == false
            ? .fail("brokers replicate in clear text (InCluster: false)") : .pass
        }
    }
  }
}
