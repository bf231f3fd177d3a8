/// Lambda: functions run on supported runtimes, with bounded concurrency, and their URLs do not invite every origin.
public enum Lambda {
  public static let theme = "lambda"

  public static var rules: [Rule] {
    [supportedRuntime, reservedConcurrency, functionURLOpenCORS]
  }
}
