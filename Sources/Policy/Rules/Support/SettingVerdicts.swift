import Semantics
import Template

extension RuleContext {
  /// Findings for a flag below the resource's `Properties` that must be `true`: absent and
  /// `false` fail with their own messages, a value known only at deploy time is `unknown`.
  public func requireTrue(
    _ logicalID: String, _ keys: [String], question: String, absent: String, isFalse: String
  ) -> [Finding] {
    judge(
      property(logicalID, path: keys), logicalID: logicalID,
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
      property(logicalID, path: keys), logicalID: logicalID,
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
    property(logicalID, path: keys).possibilities.contains { !$0.isAbsent }
  }

  /// The literal texts `keys` below the resource's `Properties` can take (`nil` for absent,
  /// and for a value known only at deploy time).
  public func literals(_ logicalID: String, _ keys: String...) -> [String?] {
    property(logicalID, path: keys).possibilities.map(\.text)
  }
}

extension RuleContext {
  /// A backup retention in days (`BackupRetentionPeriod`) of at least `minimum`; absence means
  /// the service default of `defaultDays`, and 0 turns automated backups off.
  public func backupRetention(
    _ possibility: Resolved, of noun: String, minimum: Int = 7, defaultDays: Int = 1
  ) -> Verdict {
    switch integer(possibility) {
    case .failure(let unknown): return .unknown(unknown.reason)
    case .success(nil) where defaultDays < minimum:
      return .fail(
        "\(noun) keeps automated backups \(defaultDays) day\(defaultDays == 1 ? "" : "s"): BackupRetentionPeriod is not set"
      )
    case .success(0?):
      return .fail("\(noun) has automated backups turned off (BackupRetentionPeriod: 0)")
    case .success(let days?) where days < minimum:
      return .fail(
        "\(noun) keeps automated backups only \(days) day\(days == 1 ? "" : "s"); keep at least \(minimum)"
      )
    case .success: return .pass
    }
  }
}

extension RuleContext {
  /// Findings for a setting below the resource's `Properties` that must be present (a logging
  /// configuration, a subnet group); its content is not judged.
  public func requirePresent(
    _ logicalID: String, _ keys: [String], question: String, absent: String
  ) -> [Finding] {
    judge(
      property(logicalID, path: keys), logicalID: logicalID,
      path: (["Properties"] + keys).joined(separator: "."), question: question
    ) { $0.isAbsent ? .fail(absent) : .pass }
  }

  /// Findings for encryption that a flag turns on and a key names: the flag must be `true`
  /// (`absent`, `isFalse`), and wherever it is, every possible key must be customer managed
  /// (`keyAbsent` when none is named).
  public func requireCustomerKey(
    _ logicalID: String, flag: Reading, flagPath: String, key: Reading, keyPath: String,
    question: String, absent: String, isFalse: String, keyAbsent: String
  ) -> [Finding] {
    var enabled: [Resolved] = []
    var findings = judge(flag, logicalID: logicalID, path: flagPath, question: question) {
      possibility in
      let verdict = expectTrue(possibility, absent: absent, isFalse: isFalse)
      if case .pass = verdict { enabled.append(possibility) }
      return verdict
    }
    for choice in enabled {
      findings += judge(
        key.after(choice), logicalID: logicalID, path: keyPath, question: question
      ) { customerManagedKey($0, absent: keyAbsent) }
    }
    return findings
  }
}

extension RuleContext {
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
