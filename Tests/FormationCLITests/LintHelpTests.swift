import Foundation
import Testing

@testable import FormationCLI

/// `formation lint --help`: the discussion is written as paragraphs that ArgumentParser wraps,
/// never with line breaks in mid-sentence.
@Suite struct LintHelpTests {
  @Test func discussionWrapsAsParagraphs() {
    let help = LintCommand.helpMessage(columns: 80)
    let discussion = help.components(separatedBy: "\nUSAGE:").first ?? help
    #expect(
      discussion == """
        OVERVIEW: Check templates for least privilege, encryption, network isolation,
        logging and correctness.

        With no path, lints the `paths` of the nearest .formation.yaml, else the
        current folder. Folders are searched recursively for .yaml, .yml, .json and
        .template files that are CloudFormation templates (a mapping with Resources or
        AWSTemplateFormatVersion at the top), leaving out node_modules, cdk.out,
        .build, .git and the configuration's excludes; the summary says how many files
        were skipped.

        Text output is one line per finding, `file:line:col: severity ID LogicalId:
        message`, in a stable order, and a summary on standard error; suppressed
        findings are hidden unless --show-suppressed, and always kept (marked, with
        their reason) in json and sarif output.

        Exit status: 0 no finding at or above --severity, 1 findings at or above it, 2
        a file that cannot be read or a wrong command line.

        """)
  }
}
