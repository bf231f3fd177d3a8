import Template

extension ErrorID where Domain == RenderDomain {
  /// An ECR lifecycle rule that can never apply, or rules whose order ECR rejects (a rule for
  /// any tag status that is not the last).
  public static let invalidImageLifecycle = Self(rawValue: "R035")
  /// An AWS Batch retry rule whose pattern Batch rejects.
  public static let invalidRetryRule = Self(rawValue: "R036")
}
