import ArgumentParser

/// A command whose positional arguments are a list of paths (`lint`, `validate`, `graph`).
protocol PathListCommand: ParsableCommand {
  var paths: [String] { get set }
}

extension LintCommand: PathListCommand {}
extension GraphCommand: PathListCommand {}

extension ValidateCommand: PathListCommand {
  var paths: [String] {
    get { input.paths }
    set { input.paths = newValue }
  }
}

/// A command line with its long runs of paths handed to ArgumentParser as one stand-in each.
///
/// ArgumentParser stores each value of an array argument by copying the array so far, and
/// removes each parsed input from the list of those left: a pre-commit hook or a CI job that
/// passes 300 templates spent 6 ms parsing them, 3,000 took 250 ms. The parser is given each
/// run of plain arguments (no leading `-`) cut to its first two: the first stays (it may be the
/// value of the option before it), the second becomes a stand-in for the rest of the run,
/// which can only be paths (no option of these commands takes more than one value). The
/// parsed paths then have each stand-in replaced by the paths it stands for, in order.
///
/// A stand-in holds a NUL, which no argument of a process can: it never meets a real path.
struct PathListArguments {
  /// Runs shorter than this are left to the parser (what they cost it is negligible), so a
  /// command line of a few arguments is parsed exactly as written.
  static let shortestShortenedRun = 16

  /// The command line as the parser gets it.
  let shortened: [String]
  /// What each stand-in stands for.
  private let runs: [String: ArraySlice<String>]

  /// `nil` when the command line has no run long enough to shorten.
  init?(_ arguments: [String]) {
    var shortened: [String] = []
    var runs: [String: ArraySlice<String>] = [:]
    var start = arguments.startIndex
    while start < arguments.endIndex {
      guard Self.isPlain(arguments[start]) else {
        shortened.append(arguments[start])
        start += 1
        continue
      }
      var end = start
      while end < arguments.endIndex, Self.isPlain(arguments[end]) { end += 1 }
      if end - start >= Self.shortestShortenedRun {
        let standIn = "\u{0}paths \(runs.count)"
        runs[standIn] = arguments[(start + 1)..<end]
        shortened += [arguments[start], standIn]
      } else {
        shortened += arguments[start..<end]
      }
      start = end
    }
    guard !runs.isEmpty else { return nil }
    self.shortened = shortened
    self.runs = runs
  }

  /// `paths` as parsed from `shortened`, each stand-in replaced by the paths it stands for;
  /// `nil` when a stand-in is missing (the parser did not take it as a path).
  func expanding(_ paths: [String]) -> [String]? {
    var expanded: [String] = []
    var found = 0
    for path in paths {
      if let run = runs[path] {
        expanded += run
        found += 1
      } else {
        expanded.append(path)
      }
    }
    return found == runs.count ? expanded : nil
  }

  /// An argument that is a value, not an option: `-` alone (standard input) is a value.
  private static func isPlain(_ argument: String) -> Bool {
    argument == "-" || !argument.hasPrefix("-")
  }
}

extension ParsableCommand {
  /// `parseAsRoot(arguments)`, with long runs of paths parsed as one (see
  /// `PathListArguments`). Anything else (another command, an error, help) is parsed from the
  /// command line as written, so its messages name what the user typed.
  static func parseAsRootShorteningPaths(_ arguments: [String]) throws -> ParsableCommand {
    if let list = PathListArguments(arguments),
      var command = try? parseAsRoot(list.shortened) as? any PathListCommand,
      let paths = list.expanding(command.paths)
    {
      command.paths = paths
      return command
    }
    return try parseAsRoot(arguments)
  }
}
