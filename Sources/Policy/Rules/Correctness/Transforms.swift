import Semantics
import Template

extension Rule {
  /// TPL030: the template runs through a macro, so the checks that would judge the macro's
  /// output are not run on it (the engine skips them; see `MacroOutput`).
  public static let macroOutputNotChecked = Rule(
    id: "TPL030", title: "Template runs through a macro", severity: .info,
    family: .correctness, theme: "transforms",
    rationale:
      "A macro (`Transform: Count`, the SAM transform, any other) rewrites the template before CloudFormation reads it: macro syntax (`Count: 3`, a `Boto3::` type, a reference to a role SAM generates) is valid input that checks of the plain template would call errors. Those checks are skipped for such a template (under SAM, whose syntax is known, undefined names are only warnings), and this finding says so, once.",
    remediation:
      "Nothing to fix. To check what the macro produces, run `aws cloudformation create-change-set` (or `sam validate`/`sam build` for SAM) and check the processed template."
  ) { context in
    let index = context.facts.index
    let macros = index.transforms.filter { $0 != TemplateIndex.languageExtensionsTransform }
    guard !macros.isEmpty else { return [] }
    let at = context.template.sectionLocations["Transform"] ?? context.fileStart
    guard index.hasMacroTransform else {
      return [
        context.finding(
          "the template runs through the SAM transform, whose output is known only at deployment: names it generates from a serverless resource's logical id are taken as defined, and other undefined names are warnings, not errors",
          at: at)
      ]
    }
    let names = macros.map { "'\($0)'" }.joined(separator: ", ")
    let ids = MacroOutput.blindUnderMacros.sorted().joined(separator: ", ")
    return [
      context.finding(
        "the template runs through \(macros.count == 1 ? "macro" : "macros") \(names), whose output is known only at deployment: \(ids) are not checked here",
        at: at)
    ]
  }

  /// TPL031: what expanding `AWS::LanguageExtensions` assumed (a loop over a parameter's
  /// `Default`) or could not do (a collection known only at deployment).
  public static let languageExtensionsAssumption = Rule(
    id: "TPL031", title: "Fn::ForEach expanded with assumptions", severity: .info,
    family: .correctness, theme: "transforms",
    rationale:
      "Every check reads a template with `AWS::LanguageExtensions` as the transform leaves it, each `Fn::ForEach` expanded. A loop over a list parameter is expanded with the parameter's Default, which a deployment may override; a loop over a value known only at deployment cannot be expanded, so what it generates is not checked.",
    remediation:
      "Nothing to fix; give the parameter a Default that represents real deployments, or loop over a literal list, to have every generated resource checked."
  ) { context in
    context.template.expansionNotes.map { note in
      context.finding(note.message, logicalID: note.loop, at: note.location)
    }
  }
}

/// Which checks cannot judge a template that a macro rewrites.
///
/// Under any macro but the language extensions (which Formation expands itself) and the SAM
/// transform (whose syntax and generated names the checks know), the checks of names, types
/// and attributes see the macro's input, not what CloudFormation deploys: they are skipped.
public enum MacroOutput {
  /// Checks skipped under a macro.
  static let blindUnderMacros: Set<String> = [
    "TPL001", "TPL002", "TPL003", "TPL004", "TPL005", "TPL006", "TPL007", "TPL008", "TPL009",
    "TPL010", "TPL011", "TPL012", "TPL013", "TPL014", "TPL015", "TPL016", "TPL017", "TPL018",
    "TPL020",
  ]

  /// The ids of the checks to skip for `template`: empty for a template without a macro.
  /// Cheap for the common template: no `Transform`, nothing to look at.
  public static func skippedChecks(for template: Template) -> Set<String> {
    guard template.transform != nil else { return [] }
    let macro = TemplateIndex.transformNames(template.transform).contains {
      $0 != TemplateIndex.serverlessTransform && $0 != TemplateIndex.languageExtensionsTransform
    }
    return macro ? blindUnderMacros : []
  }
}
