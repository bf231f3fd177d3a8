/// DynamoDB global tables and DAX clusters (tables themselves are ENC003 and LOG003):
/// recoverable and encrypted with keys the account controls.
public enum DynamoDB {
  public static let theme = "dynamodb"

  public static var rules: [Rule] { [globalTableRecovery, globalTableEncryption, daxEncryption] }
}
