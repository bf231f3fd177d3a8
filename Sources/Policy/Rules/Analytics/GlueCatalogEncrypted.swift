import Template

extension Analytics {
  /// GLU001: the Glue Data Catalog encrypts its metadata and connection passwords.
  static let glueCatalogEncrypted = Rule(
    id: "GLU001", title: "Glue Data Catalogs encrypt metadata and connection passwords", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Glue::DataCatalogEncryptionSettings"],
    rationale:
      "Without CatalogEncryptionMode SSE-KMS the catalog's table definitions are stored unencrypted by a key the account controls, and without ReturnConnectionPasswordEncrypted connection passwords are returned in clear text to anyone who may call GetConnection.",
    remediation:
      "Set DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode: SSE-KMS (with SseAwsKmsKeyId) and ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted: true."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let settings = context.property(logicalID, "DataCatalogEncryptionSettings")
      return context.judge(
        settings.path("EncryptionAtRest", "CatalogEncryptionMode"), logicalID: logicalID,
        path: "Properties.DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode",
        question: "the catalog is encrypted"
      ) {
        context.expectNone(
          of: ["DISABLED"], $0, absent: "catalog metadata is not encrypted (no CatalogEncryptionMode)"
        ) { "catalog metadata is not encrypted (CatalogEncryptionMode: \($0))" }
      }
        + context.judge(
          settings.path("ConnectionPasswordEncryption", "ReturnConnectionPasswordEncrypted"),
          logicalID: logicalID,
          path: "Properties.DataCatalogEncryptionSettings.ConnectionPasswordEncryption",
          question: "connection passwords are encrypted"
        ) {
          context.expectTrue(
            $0, absent: "connection passwords are returned in clear text (ReturnConnectionPasswordEncrypted is not set)",
            isFalse: "connection passwords are returned in clear text (ReturnConnectionPasswordEncrypted: false)")
        }
    }
  }
}
