import Template

extension Secrets {
  /// SEC001: a credential is written in plain text into an environment, user data, an SSM
  /// parameter's value or a parameter's default.
  static let hardCodedSecrets = Rule(
    id: "SEC001", title: "No hard-coded secrets in plain-text values", severity: .error,
    family: .policy, theme: theme, resourceTypes: PlainTextValue.resourceTypes,
    rationale:
      "Environment variables, user data and String SSM parameters are shown in plain text by the console, by Describe and Get calls any reader role may make, and by the template itself; a parameter's Default is part of the template. A credential there is readable by everyone who can read the stack. Lint recognises credential shapes (AWS access key ids, private keys, GitHub, GitLab, Slack, Stripe, Google and SendGrid tokens, passwords in connection strings) anywhere in these values, and high-entropy values assigned to names that say they are secret (DB_PASSWORD, ApiKey, client_secret). References are never reported: a NoEcho parameter, {{resolve:secretsmanager:...}} and {{resolve:ssm-secure:...}}, ARNs and names of secrets.",
    remediation:
      "Keep the secret in Secrets Manager (or an SSM SecureString) and pass a reference: {{resolve:secretsmanager:name:SecretString:key}} in the template, or the secret's ARN in the environment for the code to read at run time (Lambda, Batch and ECS can also inject secrets with Secrets/ValueFrom). Rotate any credential that has been committed."
  ) { context in
    var findings: [Finding] = []
    for entry in context.template.parameters.entries {
      let (name, parameter) = (entry.key, entry.value)
      guard let value = parameter.defaultValue else { continue }
      let plain = PlainTextValue(
        label: "the default of parameter \(name)", name: parameter.noEcho ? nil : name,
        value: value, path: "Parameters.\(name).Default")
      if let (message, location) = secret(in: plain) {
        findings.append(
          context.finding(message, logicalID: name, at: location, path: plain.path))
      }
    }
    findings += context.findingsPerResource { logicalID, resource in
      PlainTextValue.values(of: resource).compactMap { plain -> Finding? in
        guard let (message, location) = secret(in: plain) else { return nil }
        return context.finding(message, logicalID: logicalID, at: location, path: plain.path)
      }
    }
    return findings
  }

  /// The first secret in a plain-text value: a known credential shape in any text written in
  /// it, else a secret-looking value for its secret-looking name, else a secret-looking
  /// assignment inside a script. Every `Fn::If` branch is read: a secret written in one
  /// branch is in the template whichever branch deploys.
  static func secret(in plain: PlainTextValue) -> (String, SourceLocation?)? {
    let texts = plain.value.writtenTexts
    for (text, location) in texts {
      if let shape = SecretShapes.credential(in: text) {
        return ("\(plain.label) contains \(shape) in plain text", location)
      }
    }
    if let name = plain.name, SecretShapes.isSecretName(name),
      let literal = plain.value.stringValue ?? plain.value.numberValue?.literal,
      SecretShapes.isSecretValue(literal)
    {
      return (
        "\(plain.label) holds a hard-coded secret (a high-entropy literal for a secret's name)",
        plain.value.location
      )
    }
    for (text, location) in texts {
      if let assigned = SecretShapes.assignment(in: text) {
        return (
          "\(plain.label) assigns a hard-coded secret to \(assigned) (a high-entropy literal)",
          location
        )
      }
    }
    return nil
  }
}
