import Policy
import Testing

/// Secrets: every failing fixture gives exactly these findings, every passing fixture none.
@Suite struct SecretsTests {
  static let theme = "secrets"

  @Test(arguments: Secrets.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test func sec001() throws {
    #expect(
      try LintFixture.lines("SEC001", Self.theme, "SEC001-fail.yaml") == [
        "13:28: error SEC001 Notifier: environment variable PAYMENT_API_KEY holds a hard-coded secret (a high-entropy literal for a secret's name)",
        "14:23: error SEC001 Notifier: environment variable SLACK_HOOK contains a Slack webhook URL in plain text",
        "23:22: error SEC001 Worker: environment variable DATABASE_URL contains a password in a connection string in plain text",
        "29:21: error SEC001 Bastion: UserData contains an AWS access key id (AKIA...) in plain text",
        "38:14: error SEC001 ApiSecret: parameter value of /app/client_secret holds a hard-coded secret (a high-entropy literal for a secret's name)",
        "47:20: error SEC001 Jobs: environment variable SIGNING_KEY contains a private key (PEM) in plain text",
        "56:11: error SEC001 Launcher: UserData assigns a hard-coded secret to DB_PASSWORD (a high-entropy literal)",
        "67:17: error SEC001 Encoded: UserData contains a Stripe secret key in plain text",
      ])
  }

  /// A parameter's Default is part of the template: a token there is reported (NoEcho or not,
  /// by its shape), a NoEcho parameter is not judged by its name.
  @Test func sec001ParameterDefaults() throws {
    #expect(
      try LintFixture.lines("SEC001", Self.theme, "SEC001-parameters.yaml") == [
        "5:14: error SEC001 GitHubToken: the default of parameter GitHubToken contains a GitHub token in plain text"
      ])
  }

  @Test func sec002() throws {
    #expect(
      try LintFixture.lines("SEC002", Self.theme, "SEC002-fail.yaml") == [
        "19:27: error SEC002 Database: MasterUserPassword is written in plain text in the template",
        "25:27: error SEC002 Cluster: MasterUserPassword comes from parameter MasterPassword, which is not NoEcho: DescribeStacks and the console show it",
        "31:17: error SEC002 Directory: Password comes from parameter AdminPassword, whose Default writes it in the template",
        "44:92: error SEC002 Broker: Password reads a plain String SSM parameter ({{resolve:ssm:/mq/password}}); use ssm-secure or secretsmanager (when condition UseSecret is false)",
      ])
  }

  /// Names and values that say where a secret is kept are not secrets; shapes are found
  /// wherever they are written.
  @Test(arguments: [
    ("DB_PASSWORD", "k9Lw2Pz7Qx4M", true),
    ("ApiKey", "9f8Kq2LmZx7TbW4vNc1R", true),
    ("DB_PASSWORD_ARN", "k9Lw2Pz7Qx4M", false),
    ("SECRET_NAME", "prod-db-secret-main", false),
    ("TOKEN_URL", "https://login.example.org/token", false),
    ("PASSWORD", "changeme", false),
    ("PASSWORD", "${DbPassword}", false),
    ("PASSWORD", "{{resolve:secretsmanager:db}}", false),
    ("STAGE", "k9Lw2Pz7Qx4M", false),
  ])
  func secretNamesAndValues(_ name: String, _ value: String, _ secret: Bool) {
    #expect(Secrets.looksLikeSecret(name: name, value: value) == secret)
  }
}
