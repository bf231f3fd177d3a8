import Semantics
import Template
import Schemas

/// One intrinsic function met in a template, with where it was met.
///
/// A class, so the checks that go through every use of a template (ten of them, over tens of
/// thousands of uses) share each one instead of copying its function, value and path.
final class IntrinsicUse: Sendable {
  let function: Intrinsic
  let visit: ValueVisit

  init(function: Intrinsic, visit: ValueVisit) {
    self.function = function
    self.visit = visit
  }

  var scope: WalkScope { visit.scope }
  var isInForEach: Bool { visit.isInForEach }
  var location: SourceLocation? { visit.value.location }
}

extension RuleContext {
  /// Where the entry a scope belongs to was written: a resource's, output's, condition's or rule's key.
  func location(of scope: WalkScope) -> SourceLocation? {
    guard let name = scope.logicalID else {
      return template.sectionLocations[scope.section.rawValue]
    }
    switch scope.section {
    case .resources:
      return template.resources.entry(name).flatMap { $0.value.location ?? $0.keyLocation }
    case .outputs:
      return template.outputs.entry(name).flatMap { $0.value.location ?? $0.keyLocation }
    case .conditions: return template.conditions.entry(name)?.keyLocation
    case .rules: return template.rules.entry(name)?.keyLocation
    case .metadata, .globals: return template.sectionLocations[scope.section.rawValue]
    }
  }

  /// A finding about an intrinsic function: at the function, about the entry it is in, with its path.
  func finding(_ message: String, about use: IntrinsicUse, severity: Severity? = nil) -> Finding {
    finding(
      message, logicalID: use.scope.logicalID, at: use.location ?? location(of: use.scope),
      path: use.visit.path.description, severity: severity)
  }

  /// The top of the file, for findings about the template as a whole.
  var fileStart: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }
}

/// Suggestions cost a scan of every name; a template with thousands of undefined names (one run
/// through an unknown macro, say) gets suggestions for the first ones only.
struct SuggestionBudget {
  private var remaining = 100

  mutating func phrase(for name: String, in candidates: @autoclosure () -> [String]) -> String {
    guard remaining > 0 else { return "" }
    remaining -= 1
    return Suggestion.phrase(for: name, in: candidates())
  }
}
