/// Analytics services (MSK, Glue, Athena, Timestream, QLDB): data encrypted at rest and in transit, brokers private, activity logged.
public enum Analytics {
  public static let theme = "analytics"

  public static var rules: [Rule] {
    [mskLogging, mskEncryptionInTransit, mskPrivateBrokers, glueCatalogEncrypted, glueSecurityConfigurationEncrypts, glueUsesSecurityConfiguration, athenaEnforcesConfiguration, timestreamCustomerKey, qldbStandardPermissions, qldbDeletionProtection]
  }
}
