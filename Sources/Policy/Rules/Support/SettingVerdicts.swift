import Template

extension RuleContext {
  /// Findings for a flag below the resource's `Properties` that must be `true`: absent and
  /// `false` fail with their own messages, a value known only at deploy time is `unknown`.
  public func requireTrue(
    _ logicalID: String, _ keys: [String], question: String, absent: String, isFalse: String
  ) -> [Finding] {
    judge(
      keys.reduce(properties(of: logicalID)) { $0.child($1) }, logicalID: logicalID,
      path: (["Properties"] + keys).joined(separator: "."), question: question
    ) { expectTrue($0, absent: absent, isFalse: isFalse) }
  }

  /// Findings for a flag below the resource's `Properties` that must not be `true`;
  /// `defaultIsTrue` says what its absence means.
  public func forbidTrue(
    _ logicalID: String, _ keys: [String], question: String, defaultIsTrue: Bool = false,
    isTrue: String
  ) -> [Finding] {
    judge(
      keys.reduce(properties(of: logicalID)) { $0.child($1) }, logicalID: logicalID,
      path: (["Properties"] + keys).joined(separator: "."), question: question
    ) { expectNotTrue($0, defaultIsTrue: defaultIsTrue, isTrue: isTrue) }
  }

  /// A whole number (a retention in days, an interval in seconds); absence and anything that
  /// is not a whole number are the caller's to judge.
  public func integer(_ possibility: Resolved) -> Result<Int?, LiteralUnknown> {
    literal(possibility).flatMap { text in
      guard let text else { return .success(nil) }
      guard let number = Int(text) else {
        return .failure(LiteralUnknown(reason: "\(text) is not a whole number"))
      }
      return .success(number)
    }
  }

  /// True when `keys` below the resource's `Properties` is set in some deployed variant.
  public func sets(_ logicalID: String, _ keys: String...) -> Bool {
    keys.reduce(properties(of: logicalID)) { $0.child($1) }.possibilities.contains { !$0.isAbsent }
  }

  /// The literal texts `keys` below the resource's `Properties` can take (`nil` for absent,
  /// and for a value known only at deploy time).
  public func literals(_ logicalID: String, _ keys: String...) -> [String?] {
    keys.reduce(properties(of: logicalID)) { $0.child($1) }.possibilities.map(\.text)
  }
}
