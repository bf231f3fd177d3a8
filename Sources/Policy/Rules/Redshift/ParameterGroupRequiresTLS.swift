import Template

extension RedshiftClusters {
  /// RSH005: cluster parameter groups refuse connections without TLS.
  static let requireTLS = Rule(
    id: "RSH005", title: "Redshift cluster parameter group requires TLS (require_ssl)",
    severity: .warning, family: .policy, theme: theme,
    resourceTypes: ["AWS::Redshift::ClusterParameterGroup"],
    rationale:
      "Unless require_ssl is true, clients may connect without TLS and send credentials and query results in plain text.",
    remediation: "Add {ParameterName: require_ssl, ParameterValue: \"true\"} to Parameters."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let parameters = context.property(logicalID, "Parameters").items()
      let requireSSL = parameters.filter {
        context.reading([$0]).child("ParameterName").possibilities.contains {
          $0.text == "require_ssl"
        }
      }
      if requireSSL.possibilities.isEmpty {
        return [
          context.finding(
            "parameter group does not set require_ssl, so clients may connect without TLS",
            logicalID: logicalID, at: context.location(of: logicalID), path: "Properties.Parameters"
          )
        ]
      }
      return context.judge(
        requireSSL.child("ParameterValue"), logicalID: logicalID,
        path: "Properties.Parameters.ParameterValue", question: "TLS is required"
      ) {
        context.expectTrue(
          $0, absent: "require_ssl has no ParameterValue",
          isFalse: "parameter group lets clients connect without TLS (require_ssl: false)")
      }
    }
  }
}
