import Template

extension RuleContext {
  /// The reading of `keys` below the resource's `Properties`.
  public func property(_ logicalID: String, path keys: [String]) -> Reading {
    keys.reduce(properties(of: logicalID)) { $0.child($1) }
  }

  /// `requireTrue(_:_:...)` for every inspected resource.
  public func requireTrue(
    _ keys: String..., question: String, absent: String, isFalse: String
  ) -> [Finding] {
    inspectedLogicalIDs.flatMap {
      requireTrue($0, keys, question: question, absent: absent, isFalse: isFalse)
    }
  }

  /// `forbidTrue(_:_:...)` for every inspected resource.
  public func requireNotTrue(
    _ keys: String..., defaultIsTrue: Bool = false, question: String, isTrue: String
  ) -> [Finding] {
    inspectedLogicalIDs.flatMap {
      forbidTrue($0, keys, question: question, defaultIsTrue: defaultIsTrue, isTrue: isTrue)
    }
  }

  /// The findings of a key reference every inspected resource must set to a customer-managed
  /// KMS key (see `customerManagedKey`).
  public func requireCustomerKey(_ keys: String..., question: String, absent: String)
    -> [Finding]
  {
    inspectedLogicalIDs.flatMap { logicalID in
      judge(
        property(logicalID, path: keys), logicalID: logicalID,
        path: "Properties." + keys.joined(separator: "."), question: question
      ) { customerManagedKey($0, absent: absent) }
    }
  }
}

extension RuleContext {
  /// A setting that must not take one of `forbidden` (compared case-insensitively): a value
  /// that is only known at deploy time is unknown; absence fails with `absent` when the
  /// service's default is itself forbidden, and passes when `absent` is nil.
  public func expectNone(
    of forbidden: [String], _ possibility: Resolved, absent: String? = nil,
    present: (String) -> String
  ) -> Verdict {
    switch literal(possibility) {
    case .failure(let unknown): return .unknown(unknown.reason)
    case .success(nil): return absent.map { .fail($0) } ?? .pass
    case .success(let text?):
      return forbidden.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        ? .fail(present(text)) : .pass
    }
  }
}
