import Template

/// Cognito: identity pools hand AWS credentials only to signed-in users.
public enum Cognito {
  public static let theme = "cognito"

  public static var rules: [Rule] { [identityPoolNoGuests] }
}
