import Dispatch
import Schemas
import Semantics
import Template

/// The one way every command checks templates: read them, index their exports, run the rules
/// with that index, apply each template's suppressions.
///
/// `lint`, `validate`, `diff` and the tests all check through it, so a finding is the same
/// finding whichever command reports it: `diff` calls a suppressed finding of a new resource
/// suppressed, as `lint` does, and resolves imports between the stacks it compares as `lint`
/// resolves them between the files of a run.
public struct Checker: Sendable {
  /// The rules that run; suppressions of other rules are neither applied nor judged unused.
  public let rules: [Rule]
  /// How strict the run is (see `LintOptions`).
  public let options: LintOptions

  /// Applies suppressions; knows every rule id once, not once per template.
  private let suppressions: SuppressionPass

  public init(rules: [Rule], options: LintOptions = LintOptions()) {
    self.rules = rules
    self.options = options
    suppressions = SuppressionPass(
      knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(rules.map(\.id)))
  }

  /// One input's outcome: its findings (reader warnings, rule findings, suppressions applied,
  /// in stable order), or the error that kept it from being read.
  public enum Outcome: Sendable {
    case checked([Finding])
    case unreadable(TemplateError)

    public var isUnreadable: Bool {
      if case .unreadable = self { true } else { false }
    }

    /// The findings, or the reader's error as a finding.
    public var findings: [Finding] {
      switch self {
      case .checked(let findings): findings
      case .unreadable(let error): [Finding(error)]
      }
    }
  }

  /// Reads and checks the files of one run, on every core; the outcomes keep the order of
  /// `paths`. The files are checked together: an import in one resolves to another's export.
  /// `reading` reads one path (the default reads files; a command may read `-` as standard input).
  public func check(
    files paths: [String],
    reading: @Sendable (String) throws(TemplateError) -> ParsedTemplate = {
      (path: String) throws(TemplateError) in try Template.read(contentsOf: path)
    }
  ) -> [Outcome] {
    // The tables the rules load on first use are loaded on a core of their own while the
    // templates are read: a run of one template reads it on one core and would then load them.
    let loading = DispatchGroup()
    DispatchQueue.global().async(group: loading) { [rules] in Self.loadData(for: rules) }
    let read = paths.concurrentMap { path -> Result<ParsedTemplate, TemplateError> in
      Result { () throws(TemplateError) in try reading(path) }
    }
    loading.wait()
    let checked = check(read.compactMap { try? $0.get() })
    var next = checked.makeIterator()
    let outcomes = read.map { result -> Outcome in
      switch result {
      case .success: .checked(next.next() ?? [])
      case .failure(let error): .unreadable(error)
      }
    }
    releaseInBackground(consume read)
    return outcomes
  }

  /// Loads what `rules` read from the executable's data: the resource schemas' index (the
  /// correctness checks) and IAM's actions (the policy checks). Each is loaded once; a call
  /// while another loads waits for it.
  public static func loadData(for rules: [Rule]) {
    let families = Set(rules.map(\.family))
    if families.contains(.correctness) { _ = ResourceSchemas.shipped }
    if families.contains(.policy) { _ = ActionKnowledge.table }
  }

  /// Checks templates read together; their findings, in the order given.
  public func check(_ templates: [ParsedTemplate]) -> [[Finding]] {
    // Templates with `AWS::LanguageExtensions` are expanded once, here: the suppressions in a
    // `Fn::ForEach` body's Metadata then cover the resources it generates, and the outputs it
    // generates are exports other templates of the run can import.
    let templates = templates.map { parsed in
      var parsed = parsed
      parsed.template = parsed.template.expandingLanguageExtensions()
      return parsed
    }
    let exports = ExportIndex(templates.map(\.template))
    let findings = Engine(rules: rules, options: options).check(
      templates.map(\.template), exports: exports)
    return Array(zip(templates, findings)).concurrentMap { parsed, findings in
      suppressions.apply(
        to: parsed.warnings.isEmpty ? findings : parsed.warnings.map(Finding.init) + findings,
        of: parsed.template)
    }
  }

  /// Checks one template on its own, its rules on every core.
  public func check(_ template: ParsedTemplate) -> [Finding] {
    check([template])[0]
  }

  /// Checks a template that is one of a set whose exports are `exports` (a stack `diff`
  /// compares among others), its rules on every core.
  public func check(_ template: Template, exports: ExportIndex) -> [Finding] {
    let findings = Engine(rules: rules, options: options).check(template, exports: exports)
    return suppressions.apply(to: findings, of: template)
  }
}

extension Array where Element == Checker.Outcome {
  /// The findings of every outcome, in order. A single outcome's list is shared rather than
  /// copied; many are copied into one array on every core: a copy retains each finding's
  /// text, which the core that made it is likelier to have at hand, and the report waits
  /// for it.
  public var findings: [Finding] {
    if count == 1 { return self[0].findings }
    let lists = map(\.findings)
    let (offsets, total) = lists.map(\.count).layout()
    return [Finding](unsafeUninitializedCapacity: total) { buffer, initialized in
      let base = buffer.baseAddress.map { UnsafeSendablePointer(address: $0) }
      DispatchQueue.concurrentPerform(iterations: lists.count) { list in
        // Each list is copied into its own part of the buffer.
        lists[list].withUnsafeBufferPointer { findings in
          guard let source = findings.baseAddress, let target = base?.address else { return }
          (target + offsets[list]).initialize(from: source, count: findings.count)
        }
      }
      initialized = total
    }
  }
}
