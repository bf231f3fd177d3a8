import Template

extension DMS {
  /// Engines whose DMS endpoints connect over a database protocol that SslMode governs.
  static let databaseEngines: Set<String> = [
    "mysql", "mariadb", "aurora", "aurora-postgresql", "postgres", "oracle", "sqlserver", "sybase",
    "db2", "db2-zos", "mongodb", "docdb", "redshift", "redshift-serverless", "azuredb",
    "azure-sql-managed-instance", "babelfish",
  ]

  /// DMS002: a database endpoint encrypts its connection.
  static let endpointUsesTLS = Rule(
    id: "DMS002", title: "DMS database endpoints connect with TLS", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::DMS::Endpoint"],
    rationale:
      "SslMode defaults to none: the migration reads and writes every row of the database, and its credentials, in clear text. Endpoints for S3, DynamoDB, Kinesis and other AWS APIs always use HTTPS and are not checked.",
    remediation: "Set SslMode: verify-full (or require) and CertificateArn for engines that verify the server."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let engines = context.property(logicalID, "EngineName").possibilities
      guard engines.contains(where: { databaseEngines.contains($0.text?.lowercased() ?? "") })
      else { return [] }
      return context.judge(
        context.property(logicalID, "SslMode"), logicalID: logicalID, path: "Properties.SslMode",
        question: "the endpoint connects with TLS"
      ) {
        context.expectNone(
          of: ["none"], $0,
          absent: "endpoint connects without TLS (SslMode is not set and defaults to none)"
        ) { "endpoint connects without TLS (SslMode: \($0))" }
      }
    }
  }
}
