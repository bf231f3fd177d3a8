import Dispatch
import Policy

/// Starts loading what a checking command needs before its first template, on another core,
/// while ArgumentParser reads the command line.
///
/// The rule catalogue, the resource schemas' index and IAM's actions take about as long to
/// load as the command line takes to parse (each a few milliseconds, all of it first-use work
/// in the runtime), and every `lint` and `validate` needs them before it can check anything.
/// Only the subcommand's name is looked at: for any other command line nothing starts, and a
/// command that ends early (bad usage, `--help`) ends with the loading unfinished, which
/// holds nothing the exit waits for.
public enum DataPreloading {
  /// Starts loading for `arguments` (the command line without the executable's name).
  public static func start(for arguments: ArraySlice<String>) {
    let rules: @Sendable () -> [Rule]
    switch arguments.first {
    case "lint", "diff": rules = { Catalogue.all }
    case "validate": rules = { Catalogue.correctness }
    default: return
    }
    DispatchQueue.global().async { Checker.loadData(for: rules()) }
  }
}
