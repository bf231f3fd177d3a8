import Semantics
import Template

extension Lambda {
  /// LMB001: lambda functions use a supported runtime.
  static let supportedRuntime = Rule(
    id: "LMB001", title: "Lambda functions use a supported runtime", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Function"],
    rationale:
      "A deprecated runtime gets no security patches for its language and OS, and Lambda eventually blocks creating and updating functions on it.",
    remediation:
      "Move to a supported runtime (python3.12+, nodejs20.x+, java21, dotnet8, ruby3.3+, provided.al2023)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Runtime"), logicalID: logicalID,
        path: "Properties.Runtime", question: "the runtime is supported"
      ) {
        context.expectNone(of: ["dotnetcore3.1", "nodejs12.x", "python3.6", "python2.7", "dotnet5.0", "dotnetcore2.1", "ruby2.5", "nodejs10.x", "nodejs8.10", "nodejs4.3", "nodejs6.10", "dotnetcore1.0", "dotnetcore2.0", "nodejs4.3-edge", "nodejs", "java8", "python3.7", "go1.x", "provided", "ruby2.7", "nodejs14.x", "nodejs16.x", "python3.8", "python3.9", "dotnet7", "dotnet6"], $0, absent: nil) {
          "function runs on the deprecated runtime \($0)"
        }
      }
    }
  }
}
