import Semantics
import Template

extension EncryptionAtRest {
  /// ENC002: symmetric customer-managed keys rotate their key material.
  static let keyRotation = Rule(
    id: "ENC002", title: "KMS key rotation is enabled", severity: .warning, family: .policy,
    theme: theme,
    resourceTypes: ["AWS::KMS::Key"],
    rationale:
      "Automatic rotation limits how much data one version of key material protects and is required by most compliance baselines; CloudFormation leaves it off unless EnableKeyRotation is true.",
    remediation:
      "Set EnableKeyRotation: true (and RotationPeriodInDays if a period other than 365 days is required). Asymmetric, HMAC and imported keys cannot rotate automatically and are not checked."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let spec = context.property(logicalID, "KeySpec").possibilities.map(\.text)
      let origin = context.property(logicalID, "Origin").possibilities.map(\.text)
      let symmetric = spec.contains { $0 == nil || $0 == "SYMMETRIC_DEFAULT" }
      let generated = origin.contains { $0 == nil || $0 == "AWS_KMS" }
      guard symmetric, generated else { return [] }
      return context.judge(
        context.property(logicalID, "EnableKeyRotation"), logicalID: logicalID,
        path: "Properties.EnableKeyRotation",
        question: "the key rotates"
      ) {
        context.expectTrue(
          $0, absent: "key does not rotate: EnableKeyRotation is not set and defaults to false",
          isFalse: "key rotation is disabled (EnableKeyRotation: false)")
      }
    }
  }
}
