import ArgumentParser
import Policy

/// `--baseline FILE` and `--write-baseline FILE` of `formation lint`.
public struct BaselineOptions: ParsableArguments {
  @Option(
    name: .customLong("baseline"),
    help: ArgumentHelp(
      "Fail only on findings not in this baseline file; report the ones fixed since.",
      valueName: "file"))
  public var file: String?

  @Option(
    name: .customLong("write-baseline"),
    help: ArgumentHelp(
      "Record today's findings in this file (then exit 0), to adopt Formation on an existing repository.",
      valueName: "file"))
  public var output: String?

  public init() {}

  public func validate() throws {
    if file != nil && output != nil {
      throw ValidationError("give --baseline or --write-baseline, not both")
    }
  }

  /// What the baseline does to a run.
  enum Step {
    /// No baseline: the findings as they are.
    case unchanged
    /// Compared with a baseline: findings in it marked, and what to say about it.
    case compared(BaselineComparison)
    /// The baseline was written (or could not be): the run ends with this.
    case finished(CommandResult)
  }

  func apply(to findings: [Finding], summary: @autoclosure () -> String) -> Step {
    if let output {
      let baseline = Baseline(findings: findings, path: output)
      do {
        try AtomicFile.write(baseline.json, to: output)
      } catch {
        return .finished(CommandResult(standardError: "error: \(error)\n", exitCode: 2))
      }
      let count = baseline.entries.count
      return .finished(
        CommandResult(
          standardError:
            "\(summary())\nwrote \(count) \(count == 1 ? "finding" : "findings") to the baseline \(output)\n",
          exitCode: 0))
    }
    guard let file else { return .unchanged }
    do {
      let baseline = try Baseline(contentsOf: file)
      return .compared(BaselineComparison(findings, against: baseline, file: file))
    } catch {
      return .finished(CommandResult(standardError: "\(error)\n", exitCode: 2))
    }
  }
}
