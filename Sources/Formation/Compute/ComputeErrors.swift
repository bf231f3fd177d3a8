import Template

extension RenderError.ID {
  /// An ECR lifecycle rule that can never apply, or rules whose order ECR rejects (a rule for
  /// any tag status that is not the last).
  public static let invalidImageLifecycle = RenderError.ID(rawValue: "R035")
  /// An AWS Batch retry rule whose pattern Batch rejects.
  public static let invalidRetryRule = RenderError.ID(rawValue: "R036")
}
