import Template

/// Which resources of a template some policy rule judges, and which none does.
///
/// A gate that passes what it does not understand gives false assurance, so lint names every
/// resource no rule looks at: each becomes a COV001 finding (info, or error when the run
/// requires coverage) and the summary counts them by type. A resource counts as checked when
/// its type is in the `resourceTypes` of some policy rule that ran: a rule added later is
/// counted by what it declares. Correctness checks (structure, references) do not count.
public struct Coverage: Sendable, Hashable {
  /// A resource no policy rule that ran judges.
  public struct Unchecked: Sendable, Hashable {
    public var logicalID: String
    public var type: String
    public var location: SourceLocation
  }

  /// Types that carry nothing a policy could judge: CloudFormation's own plumbing.
  public static let inertTypes: Set<String> = [
    "AWS::CDK::Metadata", "AWS::CloudFormation::WaitConditionHandle",
    "AWS::CloudFormation::WaitCondition",
  ]

  /// The unchecked resources, in template order.
  public var unchecked: [Unchecked]

  /// The resources of `template` that none of `rules` judges.
  public init(_ template: Template, rules: [Rule]) {
    self.init(template, covered: Self.coveredTypes(by: rules))
  }

  /// The resources of `template` whose types are not in `covered` (`coveredTypes(by:)`, which
  /// a run over many templates works out once).
  public init(_ template: Template, covered: Set<String>) {
    let file = template.file ?? "<template>"
    unchecked = template.resources.entries.compactMap { entry in
      guard let type = entry.value.type, !covered.contains(type), !Self.inertTypes.contains(type)
      else { return nil }
      let location =
        entry.keyLocation ?? entry.value.location ?? SourceLocation(file: file, line: 1, column: 1)
      return Unchecked(logicalID: entry.key, type: type, location: location)
    }
  }

  /// The types some policy rule of `rules` judges.
  public static func coveredTypes(by rules: [Rule]) -> Set<String> {
    var types: Set<String> = []
    for rule in rules where rule.family == .policy { types.formUnion(rule.resourceTypes) }
    return types
  }

  /// One COV001 finding per unchecked resource; the type is in the finding's `scope["type"]`.
  public func findings(severity: Severity) -> [Finding] {
    unchecked.map { resource in
      var finding = Finding(
        ruleID: CoverageRules.unchecked.id, severity: severity,
        message:
          "no policy rule checks \(resource.type); this resource passes unexamined",
        logicalID: resource.logicalID, location: resource.location, path: "Type")
      finding.scope["type"] = resource.type
      return finding
    }
  }

  /// `12 resources of 4 types not checked: AWS::Glue::Job (5), ...` for the COV001 findings
  /// among `findings` that are not suppressed, types by count then name; `nil` when none.
  public static func summary(of findings: [Finding]) -> String? {
    var counts: [String: Int] = [:]
    var total = 0
    // By position: a run has tens of thousands of findings, and a loop variable would copy each.
    let unchecked = CoverageRules.unchecked.id
    for index in findings.indices
    where findings[index].ruleID == unchecked && !findings[index].isSuppressed {
      counts[findings[index].scope["type"] ?? "?", default: 0] += 1
      total += 1
    }
    guard total > 0 else { return nil }
    let types = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    return
      "\(total) \(total == 1 ? "resource" : "resources") of \(types.count) \(types.count == 1 ? "type" : "types") not checked: "
      + types.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
  }
}
