import ArgumentParser
import Foundation
import Policy

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ParsableCommand {
  /// Runs the command like `main()`, but ends bad usage with exit status 2, as every Formation
  /// command documents (0 success, 1 findings or changes, 2 bad input or bad usage), instead of
  /// ArgumentParser's 64.
  public static func runAsFormationCommand() -> Never {
    runAsFormationCommand { (command: inout ParsableCommand) in try command.run() }
  }

  /// Parses the command line as this command and runs `body` with it, ending as
  /// `runAsFormationCommand()` does; for commands that need a value from their executable.
  public static func runAsFormationCommand(_ body: (Self) throws -> Void) -> Never {
    runAsFormationCommand { (command: inout ParsableCommand) in
      guard let command = command as? Self else { return try command.run() }
      try body(command)
    }
  }

  private static func runAsFormationCommand(_ body: (inout ParsableCommand) throws -> Void)
    -> Never
  {
    do {
      var command = try parseAsRootShorteningPaths(Array(CommandLine.arguments.dropFirst()))
      // The process ends when the command has printed: what a run drops at the end (the
      // templates read, the findings) is left for the exit to take back.
      keepReleasedValuesUntilExit()
      try body(&command)
      Glibc.exit(0)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        let message = fullMessage(for: error)
        writeToStandardError(message.hasSuffix("\n") ? message : message + "\n")
        Glibc.exit(2)
      }
      self.exit(withError: error)
    }
  }
}
