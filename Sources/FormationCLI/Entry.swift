import ArgumentParser
import Foundation

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
    do {
      var command = try parseAsRoot()
      try command.run()
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
