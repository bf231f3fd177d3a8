import Template

/// Applies the suppressions of a template to its findings.
///
/// Runs after the engine: each finding a valid suppression covers is kept and marked with
/// the suppression (reporters show it as suppressed, with its reason); each valid
/// suppression of a rule that ran and covered nothing becomes a SUP001 finding (info for
/// cfn_nag and checkov entries, which may still be in use by those tools; none for
/// cfn-guard's SuppressedRules); each invalid
/// entry a SUP002 finding. Suppressions never hide SUP findings.
public struct SuppressionPass: Sendable {
  /// Rule ids a suppression may name.
  public var knownRules: Set<String>
  /// Rule ids that ran: only their suppressions can be judged unused.
  public var rulesRun: Set<String>

  public init(knownRules: Set<String>, rulesRun: Set<String>) {
    self.knownRules = knownRules
    self.rulesRun = rulesRun
  }

  /// The findings with suppressions applied, plus SUP001/SUP002 findings, in stable order.
  public func apply(to findings: [Finding], of template: Template) -> [Finding] {
    let reading = SuppressionReading(template, knownRules: knownRules)
    // Most templates suppress nothing: their findings are taken as they are, not copied one
    // by one into a new list.
    if reading.suppressions.isEmpty && reading.problems.isEmpty {
      return Self.inStableOrder(findings)
    }
    var byResource: [String: [Int]] = [:]
    for (index, suppression) in reading.suppressions.enumerated() {
      byResource[suppression.logicalID, default: []].append(index)
    }
    var used = Set<Int>()
    var result: [Finding] = []
    for var finding in findings {
      // Every suppression that covers the finding is in use (a Formation entry and its
      // checkov twin for the same rule both are); the first one written is shown.
      let candidates =
        finding.ruleID.hasPrefix("SUP") ? [] : finding.logicalID.flatMap { byResource[$0] } ?? []
      let covering = candidates.filter { reading.suppressions[$0].covers(finding) }
      if let first = covering.first {
        finding.suppression = reading.suppressions[first].suppression
        used.formUnion(covering)
      }
      result.append(finding)
    }
    // cfn-guard's SuppressedRules is the list a guard run skips, often written before any
    // finding (AWS's samples list the same names on every bucket): not judged as unused.
    for (index, suppression) in reading.suppressions.enumerated()
    where !used.contains(index) && suppression.source != .cfnGuard
      && rulesRun.contains(suppression.ruleID)
      && rulesRun.contains(SuppressionRules.unused.id)
    {
      // A checkov or cfn_nag entry is written for that tool too: Formation can say only that
      // none of its own findings needed it, not that the entry is dead.
      let foreign = suppression.source != .formation
      let advice =
        foreign
        ? "keep it only if \(suppression.source.rawValue) still reports it"
        : "remove it or fix its scope"
      result.append(
        Finding(
          ruleID: SuppressionRules.unused.id,
          severity: foreign ? .info : SuppressionRules.unused.severity,
          message:
            "suppression of \(suppression.label) matches no finding of \(suppression.logicalID); \(advice)",
          logicalID: suppression.logicalID, location: suppression.location, path: "Metadata"))
    }
    if rulesRun.contains(SuppressionRules.invalid.id) {
      for problem in reading.problems {
        result.append(
          Finding(
            ruleID: SuppressionRules.invalid.id, severity: SuppressionRules.invalid.severity,
            message: problem.message,
            logicalID: problem.logicalID, location: problem.location, path: "Metadata"))
      }
    }
    return Self.inStableOrder(result)
  }

  /// `findings` sorted by `Finding.stableOrder`; as they are when they already are (the
  /// engine's findings are, and a template's reader warnings and suppression findings are
  /// few), which is checked by reading them in place rather than by sorting a copy.
  private static func inStableOrder(_ findings: [Finding]) -> [Finding] {
    let isSorted = findings.withUnsafeBufferPointer { findings in
      findings.indices.dropFirst().allSatisfy {
        !Finding.stableOrder(findings[$0], findings[$0 - 1])
      }
    }
    return isSorted ? findings : findings.sorted(by: Finding.stableOrder)
  }
}
