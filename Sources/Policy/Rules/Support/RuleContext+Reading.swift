import Semantics
import Template

/// A rule's judgement of one possibility.
public enum Verdict: Sendable {
  case pass
  /// A violation, described in lower case without the trailing branch; `severity` overrides
  /// the rule's for this finding (a lesser variant of the same problem).
  case fail(String, severity: Severity? = nil)
  /// The value cannot be judged; the reason says why.
  case unknown(String)
}

extension RuleContext {
  /// The resolver every rule of the check shares, with its tables.
  public var resolver: Resolver { store.resolver }

  /// The resource's `Properties` as a reading; an absent property is located at the logical id.
  public func properties(of logicalID: String) -> Reading {
    guard let resource = store.properties(of: logicalID) else {
      return Reading(store: store, possibilities: [Resolved(.map(OrderedMap()), location: nil)])
    }
    return Reading(
      store: store,
      possibilities: [Resolved(.map(resource.properties), location: resource.location)])
  }

  /// Reads `key` of the resource's `Properties`. Rules read one key or two far more often
  /// than more: these forms spare each read the array a variadic call allocates.
  public func property(_ logicalID: String, _ key: String) -> Reading {
    properties(of: logicalID).child(key)
  }

  /// Reads `key`, then `subkey` below it, in the resource's `Properties`.
  public func property(_ logicalID: String, _ key: String, _ subkey: String) -> Reading {
    properties(of: logicalID).child(key).child(subkey)
  }

  /// Reads `keys` below the resource's `Properties`.
  public func property(_ logicalID: String, _ keys: String...) -> Reading {
    property(logicalID, path: keys)
  }

  /// Reads `keys` below the resource's `Properties`.
  public func property(_ logicalID: String, path keys: [String]) -> Reading {
    keys.reduce(properties(of: logicalID)) { $0.child($1) }
  }

  /// The logical ids of the resources this rule inspects (of its `resourceTypes`), in
  /// template order.
  public var inspectedLogicalIDs: [String] {
    store.logicalIDs(ofTypes: rule.resourceTypes)
  }

  /// A reading of `possibilities` with the check's resolver.
  func reading(_ possibilities: [Resolved]) -> Reading {
    Reading(store: store, possibilities: possibilities)
  }

  /// The findings of `body` for each resource this rule inspects, in template order.
  public func findingsPerResource(
    _ body: (_ logicalID: String, _ resource: Resource) -> [Finding]
  ) -> [Finding] {
    // The store's positions by type: a rule about the forty stateful types would otherwise
    // compare every resource's type with each of them.
    let entries = store.resolver.template.resources.entries
    var findings: [Finding] = []
    for position in store.positions(ofTypes: rule.resourceTypes) {
      findings += body(entries[position].key, entries[position].value)
    }
    return findings
  }

  /// The findings of judging every possibility of `reading`: a failure in a conditional
  /// branch names the branch; an unknowable value gives an `unknown` finding with the
  /// reason, never a silent pass.
  public func judge(
    _ reading: Reading, logicalID: String, path: String, question: String,
    _ decide: (Resolved) -> Verdict
  ) -> [Finding] {
    var findings: [Finding] = []
    for possibility in reading.possibilities {
      let verdict: Verdict
      // A parameter whose AllowedValues or AllowedPattern narrow it goes to `decide`, which
      // may know the answer for every value it allows (`parameterRulesOut`).
      if case .unknown(let reason) = possibility.shape, !isConstrainedParameter(reason) {
        verdict = .unknown(reason)
      } else {
        verdict = decide(possibility)
      }
      switch verdict {
      case .pass:
        continue
      case .fail(let message, let severity):
        findings.append(
          finding(
            message + possibility.clause, logicalID: logicalID, at: possibility.location,
            path: path,
            severity: severity))
      case .unknown(let reason):
        findings.append(
          finding(
            "cannot tell whether \(question): \(reason)" + possibility.clause, logicalID: logicalID,
            at: possibility.location, path: path, severity: .unknown))
      }
    }
    return findings.uniqued()
  }

  /// The logical id of the resource a value points at: `!Ref X`, `!GetAtt X.Arn`, `!Sub "${X.Arn}"`,
  /// in any branch of an `Fn::If`.
  public func referencedResources(_ value: Value?) -> [String] {
    guard let value else { return [] }
    return resolver.resolve(value).compactMap { $0.string?.resourceReference?.logicalID }
  }

  /// The resource a resolved value is exactly a reference to.
  public func referencedResource(_ possibility: Resolved) -> String? {
    possibility.string?.resourceReference?.logicalID
  }

  /// True when `value` points at resource `logicalID` in some branch.
  public func refers(_ value: Value?, to logicalID: String) -> Bool {
    referencedResources(value).contains(logicalID)
  }

  /// Every resource of `type`, in template order.
  public func resources(ofType type: String) -> [(logicalID: String, resource: Resource)] {
    store.logicalIDs(ofTypes: [type]).compactMap { logicalID in
      store.resource(logicalID).map { (logicalID, $0.value) }
    }
  }

  /// True when the template declares a resource of `type`.
  public func declares(_ type: String) -> Bool {
    store.declares(type)
  }

  /// The type of a resource of this template, or of a `stack::LogicalId` another linted
  /// template exports (see `ExportIndex`).
  public func resourceType(_ logicalID: String) -> String? {
    if let type = resolver.type(of: logicalID) { return type }
    return memo.exports.resource(logicalID)?.resource.type
  }

  /// The resource's location: where its logical id is written.
  public func location(of logicalID: String) -> SourceLocation? {
    store.location(of: logicalID)
  }
}

extension Array where Element == Finding {
  /// Removes repeats (two branches that fail the same way at the same place), keeping order.
  func uniqued() -> [Finding] {
    // Nearly always none or one: no set to hash them into. A few are compared pairwise.
    if count < 2 { return self }
    if count <= 8 {
      var result: [Finding] = []
      result.reserveCapacity(count)
      for finding in self where !result.contains(finding) { result.append(finding) }
      return result
    }
    var seen = Set<Finding>()
    return filter { seen.insert($0).inserted }
  }
}
