import Template

extension Cognito {
  /// COG001: an identity pool gives no credentials to unauthenticated visitors.
  static let identityPoolNoGuests = Rule(
    id: "COG001", title: "Cognito identity pools do not allow unauthenticated identities",
    severity: .warning, family: .policy, theme: theme,
    resourceTypes: ["AWS::Cognito::IdentityPool"],
    rationale:
      "AllowUnauthenticatedIdentities: true hands temporary AWS credentials for the pool's unauthenticated role to anyone who asks; whatever that role may do, the whole internet may do.",
    remediation:
      "Set AllowUnauthenticatedIdentities: false; if guest access is intended, keep the unauthenticated role's policy to the few read actions it needs and suppress with a reason."
  ) { context in
    context.requireNotTrue(
      "AllowUnauthenticatedIdentities", question: "the pool requires sign-in",
      isTrue: "identity pool gives AWS credentials to unauthenticated guests (AllowUnauthenticatedIdentities: true)")
  }
}
