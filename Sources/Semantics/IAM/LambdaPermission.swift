import Template

extension Statement {
  /// The statement an `AWS::Lambda::Permission` adds to its function's resource policy, one
  /// per possible `Principal`: the permission is a resource-policy statement written as
  /// properties, and the checker and the diff both read it as that statement.
  ///
  /// `SourceArn`, `SourceAccount`, `PrincipalOrgID`, `EventSourceToken` and
  /// `FunctionUrlAuthType` become the conditions Lambda writes for them.
  package static func lambdaPermission(
    _ properties: Value, resolver: Resolver, at location: SourceLocation?
  ) -> [Statement] {
    var statements: [Statement] = []
    for principal in resolver.lookup("Principal", in: properties) where !principal.isAbsent {
      guard let text = resolver.stringified(principal).string else { continue }
      let kind: PrincipalEntry.Kind =
        text.literal == "*" ? .everyone : (text.isServicePrincipal ? .service : .aws)
      var conditions: [ConditionClause] = []
      for (property, key, op) in conditionProperties {
        for value in resolver.lookup(property, in: properties) {
          guard let string = resolver.stringified(value).string else { continue }
          conditions.append(
            ConditionClause(operator: op, key: key, values: [string], location: value.location))
        }
      }
      let actions = resolver.lookup("Action", in: properties).compactMap {
        item -> PolicyElement<ActionPattern>? in
        guard let string = item.string else { return nil }
        return PolicyElement(
          ActionPattern(string), assumptions: item.assumptions, location: item.location)
      }
      let functions = resolver.lookup("FunctionName", in: properties).compactMap {
        item -> PolicyElement<ResourcePattern>? in
        guard let string = item.string else { return nil }
        return PolicyElement(
          ResourcePattern(written: string, canonical: resolver.canonical(string)),
          location: item.location)
      }
      statements.append(
        Statement(
          index: 0, effect: .allow, actions: ElementList(elements: actions),
          resources: ElementList(elements: functions),
          principals: ElementList(
            elements: [
              PolicyElement(
                PrincipalEntry(kind: kind, value: text, canonical: resolver.canonical(text)),
                assumptions: principal.assumptions, parameters: principal.parameters,
                location: principal.location)
            ]),
          conditions: conditions, assumptions: principal.assumptions, location: location))
    }
    return statements
  }

  /// The permission's properties that narrow who may invoke, as the condition each becomes.
  static let conditionProperties: [(property: String, key: String, operator: String)] = [
    ("SourceArn", "aws:SourceArn", "ArnLike"),
    ("SourceAccount", "aws:SourceAccount", "StringEquals"),
    ("PrincipalOrgID", "aws:PrincipalOrgID", "StringEquals"),
    ("EventSourceToken", "lambda:EventSourceToken", "StringEquals"),
    ("FunctionUrlAuthType", "lambda:FunctionUrlAuthType", "StringEquals"),
  ]
}

extension SymbolicString {
  /// Whether the principal names an AWS service (`events.amazonaws.com`, the China regions'
  /// `.amazonaws.com.cn`, `alexa-appkit.amazon.com`, or `!Sub "s3.${AWS::URLSuffix}"`)
  /// rather than an account, a role or everyone.
  package var isServicePrincipal: Bool {
    if case .symbol(.pseudo("AWS::URLSuffix"))? = parts.last { return true }
    guard case .text(let last)? = parts.last else { return false }
    return last.isServicePrincipal
  }
}

extension String {
  /// Whether the text ends as a service principal does (see `SymbolicString.isServicePrincipal`).
  package var isServicePrincipal: Bool {
    let text = lowercased()
    return text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn")
      || text.hasSuffix(".amazon.com")
  }
}
