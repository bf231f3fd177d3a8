/// Who makes a request, for statements that have a `Principal` (trust and resource policies).
public enum PrincipalQuery: Sendable, Hashable, CustomStringConvertible {
  /// Any principal at all, including anonymous and other accounts: only wildcard principals
  /// (and `NotPrincipal` lists that do not name it) apply.
  case anyone
  /// An IAM principal, by ARN (`Resolver.arn(of:)` for a role of the template).
  case aws(SymbolicString)
  /// An AWS service principal (`batch.amazonaws.com`).
  case service(String)
  /// A federated identity provider (`cognito-identity.amazonaws.com`, a SAML provider ARN).
  case federated(SymbolicString)

  public var description: String {
    switch self {
    case .anyone: "anyone"
    case .aws(let arn): arn.description
    case .service(let name): name
    case .federated(let provider): provider.description
    }
  }
}

extension PrincipalEntry {
  /// Whether this entry names the principal of `query`.
  ///
  /// `*` names everyone; `{AWS: "*"}` every AWS principal; an account id or an account's
  /// `:root` ARN names every principal of that account; other ARNs are matched as patterns.
  public func matches(_ query: PrincipalQuery) -> Match {
    if kind == .everyone { return .yes }
    switch (kind, query) {
    case (.aws, .anyone), (.canonicalUser, .anyone):
      return isWildcard ? .yes : .no
    case (.aws, .aws(let arn)):
      if isWildcard { return .yes }
      return Glob.match(accountPattern ?? canonical, arn)
    case (.service, .service(let name)):
      return Glob.match(canonical, SymbolicString(name), ignoringCase: true)
    case (.federated, .federated(let provider)):
      return Glob.match(canonical, provider)
    case (_, .aws), (_, .service), (_, .federated), (.federated, .anyone), (.service, .anyone):
      return .no
    case (.everyone, _):
      return .yes
    }
  }

  /// For an account principal (`123456789012`, `arn:aws:iam::123456789012:root`, or their
  /// `Fn::Sub` forms), the pattern of every principal ARN in that account.
  package var accountPattern: SymbolicString? {
    let parts = canonical.parts
    if let literal = canonical.literal, literal.count == 12, literal.allSatisfy(\.isNumber) {
      return SymbolicString([.text("arn:"), .unknown("any partition"), .text(":iam::\(literal):*")])
    }
    if parts.count == 1, case .symbol(.pseudo("AWS::AccountId")) = parts[0] {
      return SymbolicString([
        .text("arn:"), .symbol(.pseudo("AWS::Partition")), .text(":iam::"),
        .symbol(.pseudo("AWS::AccountId")),
        .text(":*"),
      ])
    }
    guard case .text(let last)? = parts.last, last.hasSuffix(":root") else { return nil }
    var prefix = parts
    prefix[prefix.count - 1] = .text(String(last.dropLast("root".count)) + "*")
    return SymbolicString(prefix)
  }

  /// True for `arn:...:iam::ACCOUNT:root` or a bare account id: the whole account (its
  /// administrators decide through IAM), not one principal.
  public var isAccount: Bool { kind == .aws && !isWildcard && accountPattern != nil }
}

extension PrincipalEntry {
  /// The unknown parts of the value that could be `*`, as their reasons: every unknown part,
  /// except a parameter without a default whose `AllowedPattern`, `AllowedValues` or `Number`
  /// type rules `*` out (`arn:aws:iam::${TrustedAccountId}:root` with `AllowedPattern:
  /// ^\d{12}$` is always one named account's root). Empty when the principal is never a
  /// wildcard.
  public func wildcardReasons(_ resolver: Resolver) -> [String] {
    value.unknownReasons.filter { reason in
      guard let parameter = Resolver.parameterWithoutDefault(from: reason) else { return true }
      return resolver.parameter(parameter, accepts: "*")
    }
  }

  /// The value as written, each parameter without a default shown as `${Name}` rather than `${?}`.
  public var spelled: String {
    value.parts.map { part in
      if case .unknown(let reason) = part,
        let parameter = Resolver.parameterWithoutDefault(from: reason)
      {
        return "${\(parameter)}"
      }
      return SymbolicString([part]).description
    }.joined()
  }
}
