import Semantics
import Template

extension RelationalDatabases {
  /// RDS006: MySQL, MariaDB and PostgreSQL databases accept IAM authentication.
  static let iamAuthentication = Rule(
    id: "RDS006", title: "RDS DB instance or cluster enables IAM database authentication",
    severity: .warning, family: .policy, theme: theme, resourceTypes: types,
    rationale:
      "With IAM database authentication, applications connect with short-lived tokens granted by rds-db:connect instead of long-lived passwords kept in configuration, and access is revoked by changing a policy. Only MySQL, MariaDB and PostgreSQL engines (Aurora included) support it; other engines are not checked.",
    remediation:
      "Set EnableIAMDatabaseAuthentication: true (on the cluster for its members) and grant rds-db:connect to the roles that connect."
  ) { context in
    context.inspectedLogicalIDs.filter { context.databaseRole($0) != .clusterMember }.flatMap {
      logicalID -> [Finding] in
      let engines = context.property(logicalID, "Engine")
      var findings = context.judge(
        engines.filter { $0.text == nil && !$0.isAbsent }, logicalID: logicalID,
        path: "Properties.Engine", question: "the engine supports IAM authentication"
      ) { .unknown($0.unknowableReason) }
      for engine in engines.possibilities where RelationalDatabases.supportsIAM(engine.text) {
        let noun = context.databaseNoun(logicalID)
        findings += context.judge(
          context.property(logicalID, "EnableIAMDatabaseAuthentication").after(engine),
          logicalID: logicalID, path: "Properties.EnableIAMDatabaseAuthentication",
          question: "IAM database authentication is on"
        ) {
          context.expectTrue(
            $0,
            absent: "\(noun) accepts only passwords: EnableIAMDatabaseAuthentication is not set",
            isFalse: "\(noun) accepts only passwords (EnableIAMDatabaseAuthentication: false)")
        }
      }
      return findings
    }
  }

  static func supportsIAM(_ engine: String?) -> Bool {
    guard let engine = engine?.lowercased() else { return false }
    return ["mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"]
      .contains(engine)
  }
}
