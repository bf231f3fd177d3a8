import Template

extension RuleContext {
  /// The reading of `keys` below the resource's `Properties`.
  public func property(_ logicalID: String, path keys: [String]) -> Reading {
    keys.reduce(properties(of: logicalID)) { $0.child($1) }
  }

  /// The findings of a setting every inspected resource must turn on: the flag at `keys`
  /// below `Properties` is judged in each branch; absent and false fail with their messages.
  public func requireTrue(
    _ keys: String..., question: String, absent: String, isFalse: String
  ) -> [Finding] {
    inspectedLogicalIDs.flatMap { logicalID in
      judge(
        property(logicalID, path: keys), logicalID: logicalID,
        path: "Properties." + keys.joined(separator: "."), question: question
      ) { expectTrue($0, absent: absent, isFalse: isFalse) }
    }
  }

  /// The findings of a setting every inspected resource must leave off: `true` fails,
  /// and so does absence when the service's default is on (`defaultIsTrue`).
  public func requireNotTrue(
    _ keys: String..., defaultIsTrue: Bool = false, question: String, isTrue: String
  ) -> [Finding] {
    inspectedLogicalIDs.flatMap { logicalID in
      judge(
        property(logicalID, path: keys), logicalID: logicalID,
        path: "Properties." + keys.joined(separator: "."), question: question
      ) { expectNotTrue($0, defaultIsTrue: defaultIsTrue, isTrue: isTrue) }
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
