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
  /// A resolver sharing its tables with every other rule of the check.
  public var resolver: Resolver { Resolver(template, memo: memo.value(ResolverMemo.self)) }

  /// The resource's `Properties` as a reading; an absent property is located at the logical id.
  public func properties(of logicalID: String) -> Reading {
    let reading = resourceReading
    // What `resolve` makes of a mapping: itself, located where the resource is written. (No
    // empty map is made up front for the usual case: `OrderedMap()` is generic code run
    // unspecialised.)
    guard let position = reading.position(of: logicalID) else {
      return Reading(
        shared: reading.resolver, possibilities: [Resolved(.map(OrderedMap()), location: nil)])
    }
    let (location, properties) = template.resources.entries.withUnsafeBufferPointer { entries in
      (
        entries[position].keyLocation ?? entries[position].value.location,
        entries[position].value.properties
      )
    }
    return Reading(
      shared: reading.resolver, possibilities: [Resolved(.map(properties), location: location)])
  }

  /// Reads `keys` below the resource's `Properties`.
  public func property(_ logicalID: String, _ keys: String...) -> Reading {
    property(logicalID, path: keys)
  }

  /// Reads `keys` below the resource's `Properties`.
  public func property(_ logicalID: String, path keys: [String]) -> Reading {
    keys.reduce(properties(of: logicalID)) { $0.child($1) }
  }

  /// Where the resource `logicalID` is in `template.resources.entries`, from a table the rules
  /// of the check share (see `ResourceReading`).
  func position(of logicalID: String) -> Int? {
    resourceReading.position(of: logicalID)
  }

  /// The logical ids of the resources this rule inspects (`resources`), in template order,
  /// found without copying any resource.
  public var inspectedLogicalIDs: [String] {
    resourceReading.logicalIDs(ofTypes: rule.resourceTypes)
  }

  /// A reading of `possibilities` with the resolver the rules of the check share (see
  /// `ResourceReading`): the same as `Reading(resolver: resolver, possibilities:)`, without
  /// making a resolver.
  func reading(_ possibilities: [Resolved]) -> Reading {
    Reading(shared: resourceReading.resolver, possibilities: possibilities)
  }

  /// The possible values of `value`, resolved by the resolver the rules of the check share
  /// (what `resolver.resolve(value)` gives, without making a resolver).
  func resolved(_ value: Value) -> [Resolved] {
    resourceReading.resolver.resolver.resolve(value)
  }

  /// The findings of `body` for each resource this rule inspects, in template order; the
  /// resources are read in place rather than copied as `resources` does.
  public func findingsPerResource(
    _ body: (_ logicalID: String, _ resource: Resource) -> [Finding]
  ) -> [Finding] {
    let types = rule.resourceTypes
    var findings: [Finding] = []
    template.forEachResource { logicalID, resource in
      guard types.isEmpty || types.contains(resource.type ?? "") else { return }
      findings += body(logicalID, resource)
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
    return resolved(value).compactMap { $0.string?.resourceReference?.logicalID }
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
    template.resources.entries.withUnsafeBufferPointer { entries in
      var result: [(logicalID: String, resource: Resource)] = []
      for position in entries.indices where entries[position].value.type == type {
        result.append((entries[position].key, entries[position].value))
      }
      return result
    }
  }

  /// True when the template declares a resource of `type`.
  public func declares(_ type: String) -> Bool {
    template.resources.entries.withUnsafeBufferPointer { entries in
      entries.indices.contains { entries[$0].value.type == type }
    }
  }

  /// The type of a resource of this template, or of a `stack::LogicalId` another linted
  /// template exports (see `ExportIndex`).
  public func resourceType(_ logicalID: String) -> String? {
    if let position = position(of: logicalID) {
      if let type = template.resources.entries.withUnsafeBufferPointer({
        entries in entries[position].value.type
      }) {
        return type
      }
    }
    return memo.exports.resource(logicalID)?.resource.type
  }

  /// Where the resource's logical id is written, read in place: what `finding` looks up (through
  /// `OrderedMap`'s generic lookup, which copies the resource) for a finding given no location.
  func keyLocation(of logicalID: String) -> SourceLocation? {
    guard let position = position(of: logicalID) else { return nil }
    return template.resources.entries.withUnsafeBufferPointer { entries in
      entries[position].keyLocation
    }
  }

  /// The resource's location: where its logical id is written.
  public func location(of logicalID: String) -> SourceLocation? {
    guard let position = position(of: logicalID) else {
      return nil
    }
    return template.resources.entries.withUnsafeBufferPointer { entries in
      entries[position].keyLocation ?? entries[position].value.location
    }
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
