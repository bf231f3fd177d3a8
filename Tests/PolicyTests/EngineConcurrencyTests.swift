import Foundation
import Policy
import Semantics
import Template
import Testing

/// The engine runs the rules of one template, and the templates of a run, on every core: the
/// findings must be exactly those of running everything in turn, and what rules share must be
/// derived once.
@Suite struct EngineConcurrencyTests {
  /// Counts how often it is derived; the memo must build it once however many threads ask.
  final class Counted: TemplateDerivation, @unchecked Sendable {
    static let lock = NSLock()
    nonisolated(unsafe) static var derivations: [String: Int] = [:]
    let resources: Int

    init(deriving memo: TemplateMemo) {
      // Slow enough that the other threads arrive while it is being derived.
      Thread.sleep(forTimeInterval: 0.02)
      resources = memo.template.resources.count
      let file = memo.template.file ?? ""
      Self.lock.withLock { Self.derivations[file, default: 0] += 1 }
    }
  }

  @Test func aSharedValueIsDerivedOnceWhenManyRulesAskAtOnce() {
    var template = Template(resources: ["Topic": Resource(type: "AWS::SNS::Topic")])
    template.file = "memo-once.yaml"
    let memo = TemplateMemo(template)
    let answers = Array(0..<16).concurrentMap { _ in memo.value(Counted.self).resources }
    #expect(answers == Array(repeating: 1, count: 16))
    #expect(Counted.lock.withLock { Counted.derivations["memo-once.yaml"] } == 1)
  }

  @Test func concurrentMapKeepsTheOrderOfTheElements() {
    let numbers = Array(0..<1000)
    #expect(numbers.concurrentMap { $0 * 3 } == numbers.map { $0 * 3 })
    #expect([Int]().concurrentMap { $0 } == [])
    #expect([7].concurrentMap { $0 + 1 } == [8])
  }

  /// Every insecure example (findings of every theme), checked with its rules on every core,
  /// the templates side by side, and everything in turn: the same findings in the same order.
  @Test func concurrentChecksFindExactlyWhatSequentialChecksFind() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../examples/insecure").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".yaml")
    }.sorted()
    #expect(files.count >= 9)
    let templates = try files.map {
      try Template.read(contentsOf: folder.appendingPathComponent($0).path).template
    }
    let engine = Engine(rules: Catalogue.all)
    let sequential = templates.map { engine.check($0, rulesConcurrently: false) }
    #expect(sequential.allSatisfy { !$0.isEmpty })
    #expect(templates.map { engine.check($0) } == sequential)
    #expect(engine.check(templates) == sequential)
  }
}

/// `releaseInBackground` frees what it is handed, and not on the caller's thread.
@Suite struct BackgroundReleaseTests {
  final class Witness: @unchecked Sendable {
    let freed: DispatchSemaphore
    let callersThread: pthread_t
    nonisolated(unsafe) static var freedOnCallersThread: Bool?

    init(freed: DispatchSemaphore) {
      self.freed = freed
      callersThread = pthread_self()
    }

    deinit {
      Self.freedOnCallersThread = pthread_equal(pthread_self(), callersThread) != 0
      freed.signal()
    }
  }

  @Test func theValueIsFreedOnAnotherThread() {
    let freed = DispatchSemaphore(value: 0)
    var values = [Witness(freed: freed)]
    releaseInBackground(consume values)
    values = []
    #expect(freed.wait(timeout: .now() + 10) == .success)
    #expect(Witness.freedOnCallersThread == false)
  }
}

/// Which shared values a run derives ahead of its rules, each on a core of its own.
@Suite struct SharedDerivationTests {
  @Test func validateReadsThePolicyDocumentsAndLintTheIndexThatBuildsOnThem() {
    let validate = SharedDerivation.wanted(by: Catalogue.correctness).map(\.name)
    #expect(validate.contains("(policy documents)"))
    #expect(!validate.contains("(policy index)"))
    // The index derives the documents itself: a second core waiting for them would idle.
    let lint = SharedDerivation.wanted(by: Catalogue.all).map(\.name)
    #expect(lint.contains("(policy index)"))
    #expect(!lint.contains("(policy documents)"))
  }
}
