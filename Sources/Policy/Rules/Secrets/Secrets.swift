/// Secrets: credentials are referenced, never written into the template.
///
/// A template is read by everyone who can see the repository, the stack's console page
/// (`GetTemplate`), CloudFormation's change sets and every log that prints it; a value written
/// there is no longer secret. Secrets Manager and SSM SecureString values reach a resource
/// through `{{resolve:...}}` dynamic references or a `NoEcho` parameter instead.
public enum Secrets {
  public static let theme = "secrets"

  public static var rules: [Rule] { [hardCodedSecrets, plainTextPasswords] }
}

extension Secrets {
  /// Whether `value`, assigned to `name`, would be reported as a hard-coded secret by name.
  public static func looksLikeSecret(name: String, value: String) -> Bool {
    SecretShapes.isSecretName(name) && SecretShapes.isSecretValue(value)
  }
}
