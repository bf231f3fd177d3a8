import Semantics
import Template

/// What the correctness checks need to know about one template, computed in one walk.
///
/// Ten checks look at the template's intrinsic functions; walking a 5,000-resource template
/// once per check cost more than reading it, so the rules of one check share the facts
/// through their `TemplateMemo`.
final class CorrectnessFacts: Sendable {
  let index: TemplateIndex
  /// Every intrinsic function, in document order.
  let uses: [IntrinsicUse]
  let used: UsedNames
  let graph: DependencyGraph

  init(_ template: Template) {
    index = TemplateIndex(template)
    var uses: [IntrinsicUse] = []
    ValueWalker.walkIntrinsics(template) { function, visit in
      uses.append(IntrinsicUse(function: function, visit: visit))
    }
    self.uses = uses
    used = UsedNames(template, uses: uses)
    graph = DependencyGraph(template, index: index, uses: uses)
  }
}

extension CorrectnessFacts: TemplateDerivation {
  convenience init(deriving memo: TemplateMemo) { self.init(memo.template) }
}

extension RuleContext {
  /// The facts of this context's template, shared by every rule of the check.
  var facts: CorrectnessFacts { memo.value(CorrectnessFacts.self) }
}
