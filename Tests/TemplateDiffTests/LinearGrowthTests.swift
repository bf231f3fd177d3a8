import Foundation
import Policy
import Semantics
import Template
import Testing

@testable import TemplateDiff

/// Every stage of every command grows linearly on the adversarial shapes: at ten times the
/// size, each stage takes at most 15 times as long (a quadratic one would take about 100).
///
/// Times are the CPU time of the test's own thread (other processes and other tests running at
/// the same time do not count), the best of three runs, at sizes where the work itself, not
/// the fixed cost of a check, dominates. The checks run their rules in turn on that thread.
@Suite(.serialized) struct LinearGrowthTests {
  /// The base size of each shape (the test runs it and ten times it).
  static let sizes: [(AdversarialShape, Int)] = [
    (.deepConditions, 300), (.wideJoin, 200), (.wideSubIf, 200), (.longWildcard, 100),
    (.manyStatements, 100), (.manySubVariables, 400), (.unbalancedSub, 2_000),
    (.longDependsOn, 300), (.bigCycle, 300), (.longFlowLine, 2_000),
  ]

  /// The stages of the commands: read, validate, lint, diff against a changed copy, convert.
  static func stages(_ text: String) throws -> [(String, () -> Void)] {
    let template = try Template.parse(text)
    var changed = template
    changed.resources = OrderedMap(Array(template.resources.entries.dropFirst()))
    return [
      ("read", { _ = try? Template.parse(text) }),
      (
        "validate",
        { _ = Engine(rules: Catalogue.correctness).check(template, rulesConcurrently: false) }
      ),
      ("lint", { _ = Engine(rules: Catalogue.all).check(template, rulesConcurrently: false) }),
      (
        "diff",
        {
          // Without the policy findings, which are lint's work above (and run concurrently).
          let diff = Differ().compare(deployed: template, proposed: changed, name: "shape")
          _ = TextReporter().report(diff)
        }
      ),
      ("convert", { _ = (template.yaml(), template.json()) }),
    ]
  }

  static func bestOfThree(_ work: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let start = threadTime()
      work()
      best = min(best, threadTime() - start)
    }
    return best
  }

  /// Seconds of CPU time this thread has used.
  static func threadTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  @Test(arguments: sizes.map(\.0))
  func growsLinearly(_ shape: AdversarialShape) throws {
    let n = try #require(Self.sizes.first { $0.0 == shape }?.1)
    let small = try Self.stages(shape.template(n))
    let large = try Self.stages(shape.template(10 * n))
    for ((stage, smallWork), (_, largeWork)) in zip(small, large) {
      let before = Self.bestOfThree(smallWork)
      let after = Self.bestOfThree(largeWork)
      // Under a millisecond at ten times the size is too small to compare, and fast enough.
      guard after > 0.001 else { continue }
      #expect(
        after <= 15 * max(before, 0.0002),
        "\(shape) \(stage): \(before) s at \(n), \(after) s at \(10 * n)")
    }
  }

  /// The big cycle's finding names ten resources and counts the rest.
  @Test func cycleFindingIsBounded() throws {
    let template = try Template.parse(AdversarialShape.bigCycle.template(5_000))
    let findings = Engine(rules: [.dependencyCycle]).check(template)
    #expect(findings.map(\.message) == [
      "dependency cycle: R0 -> R1 -> R2 -> R3 -> R4 -> R5 -> R6 -> R7 -> R8 -> R9 -> (4990 more) -> R0"
    ])
  }

  /// Past the budget of combinations, a join of branches on different conditions is unknown
  /// with the reason, and the check goes on.
  @Test func combinationBudgetGivesUnknownWithItsReason() throws {
    let conditions = (0..<8).map { #""C\#($0)": {"Fn::Equals": [{"Ref": "Flag"}, "\#($0)"]}"# }
    let pieces = (0..<8).map { #"{"Fn::If": ["C\#($0)", "a", "b"]}"# }
    let text = """
      {"Parameters": {"Flag": {"Type": "String", "Default": "0"}},
       "Conditions": {\(conditions.joined(separator: ", "))},
       "Resources": {"Topic": {"Type": "AWS::SNS::Topic",
         "Properties": {"TopicName": {"Fn::Join": ["", [\(pieces.joined(separator: ", "))]]}}}}}
      """
    let template = try Template.parse(text)
    let value = try #require(template.resources["Topic"]?.properties["TopicName"])
    let resolved = Resolver(template).resolve(value)
    #expect(resolved.count == 1)
    #expect(
      Set(resolved.flatMap(\.unknownReasons))
        == ["more than 64 combinations of Fn::If branches to resolve"])
  }

  /// A statement that gains thousands of actions names twenty in its detail and counts the rest.
  @Test func statementDetailsAreBounded() {
    let actions = (0..<3_000).map { "s3:Action\($0)" }
    #expect(
      StatementComparison.listed(actions, separator: ", ")
        == (0..<20).map { "s3:Action\($0)" }.joined(separator: ", ") + " and 2980 more")
    #expect(StatementComparison.listed(["a", "b"], separator: "; ") == "a; b")
  }

  /// Covering thousands of actions by thousands of patterns stops at the match budget and
  /// answers "not covered" (a possible widening) instead of matching ten million pairs.
  @Test func coverageHasABudget() {
    let patterns = (0..<3_000).map { "s3:Get\($0)*" }
    let actions = (0..<3_000).map { "s3:Get\($0)Object" }
    #expect(!PatternCoverage.coversAll(actions, by: patterns))
    #expect(PatternCoverage.coversAll(Array(actions.prefix(30)), by: patterns))
    // Texts written the same on both sides are covered without a match.
    #expect(PatternCoverage.coversAll(patterns, by: patterns))
  }
}
