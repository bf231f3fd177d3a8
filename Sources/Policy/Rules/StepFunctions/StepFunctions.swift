import Template

/// Step Functions: state machines record their executions.
public enum StepFunctions {
  public static let theme = "step-functions"

  public static var rules: [Rule] { [stateMachineLogging] }
}
