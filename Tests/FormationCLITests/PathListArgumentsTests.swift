import ArgumentParser
import Testing

@testable import FormationCLI

/// Long lists of paths are parsed as one stand-in each (`PathListArguments`): the command that
/// comes out, or the error, is the one ArgumentParser makes of the command line as written.
@Suite struct PathListArgumentsTests {
  /// `count` distinct template paths.
  static func paths(_ count: Int, named prefix: String = "stacks/t") -> [String] {
    (1...count).map { "\(prefix)\($0).yaml" }
  }

  static let commandLines: [[String]] = [
    ["lint"] + paths(40),
    ["lint", "--format", "json"] + paths(40) + ["--no-config"] + paths(20, named: "more/t"),
    ["validate", "--no-config"] + paths(40),
    ["validate", "--format", "json"] + paths(17),
    // The first of the run is the option's value, the rest are paths.
    ["lint", "--rules", "TPL"] + paths(40),
    ["lint", "--format=json", "--pack", "genexomics"] + paths(30),
    // After `--` a dash starts a path; `-` alone is standard input.
    ["lint", "--", "-odd.yaml"] + paths(30),
    ["lint", "-"] + paths(30),
    ["graph", "--format", "dot"] + paths(25),
    // A run just long enough, and one just too short to shorten.
    ["lint"] + paths(15),
    ["lint"] + paths(14),
  ]

  @Test(arguments: commandLines)
  func parsesAsTheCommandLineAsWritten(_ arguments: [String]) throws {
    let expected = try FormationCommand.parseAsRoot(arguments)
    let parsed = try FormationCommand.parseAsRootShorteningPaths(arguments)
    #expect(type(of: parsed) == type(of: expected))
    #expect(String(describing: parsed) == String(describing: expected))
    let paths = try #require((parsed as? any PathListCommand)?.paths)
    #expect(paths == (expected as? any PathListCommand)?.paths)
  }

  @Test func shortensEachLongRunToItsFirstTwo() throws {
    let arguments = ["lint", "--format", "json"] + Self.paths(40) + ["--verbose"] + Self.paths(3)
    let list = try #require(PathListArguments(arguments))
    #expect(list.shortened.count == 2 + 2 + 1 + 3)
    #expect(list.shortened[0...2] == ["lint", "--format", "json"])
    #expect(list.shortened[3].contains("\u{0}"))
    #expect(list.expanding(["\(list.shortened[3])"]) == Self.paths(40))
    // A stand-in the parser did not return as a path: the caller parses as written.
    #expect(list.expanding([]) == nil)
  }

  @Test func leavesShortCommandLinesAlone() {
    #expect(PathListArguments(["lint", "a.yaml", "b.yaml"]) == nil)
    #expect(PathListArguments(["diff", "old.yaml", "new.yaml", "--format", "json"]) == nil)
    #expect(PathListArguments(["lint"] + Self.paths(14)) == nil)
  }

  /// Commands without a path list, and command lines the parser rejects, are parsed as
  /// written: the same command, or the same message naming what the user typed.
  @Test(arguments: [
    ["convert"] + paths(40),
    ["diff"] + paths(40),
    ["explain"] + paths(40),
    ["lint", "--nope"] + paths(40),
    ["lint", "--format", "yaml"] + paths(40),
    ["validate", "--help"] + paths(40),
  ])
  func otherCommandLinesGiveTheSameOutcome(_ arguments: [String]) {
    let expected = Result { try FormationCommand.parseAsRoot(arguments) }
    let parsed = Result { try FormationCommand.parseAsRootShorteningPaths(arguments) }
    switch (expected, parsed) {
    case (.success(let expected), .success(let parsed)):
      #expect(String(describing: parsed) == String(describing: expected))
    case (.failure(let expected), .failure(let parsed)):
      #expect(
        FormationCommand.fullMessage(for: parsed) == FormationCommand.fullMessage(for: expected))
      #expect(!FormationCommand.fullMessage(for: parsed).contains("\u{0}"))
    default:
      Issue.record("one parse succeeded, the other failed: \(expected) / \(parsed)")
    }
  }
}
