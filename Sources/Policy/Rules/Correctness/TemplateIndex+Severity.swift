import Semantics


extension TemplateIndex {
  /// How sure a check can be that a condition name is undefined: only likely when a loop in
  /// Conditions generates names the index cannot compute.
  public var undefinedConditionSeverity: Severity {
    conditionsHaveExpansions || hasMacroTransform ? .warning : .error
  }

  /// How sure a check can be that an undefined name is a mistake: certain without transforms,
  /// only likely when SAM, a macro or a `Fn::ForEach` loop may add names the file does not show.
  public var undefinedNameSeverity: Severity {
    if isServerless || hasMacroTransform || resourcesHaveExpansions { return .warning }
    return .error
  }
}
