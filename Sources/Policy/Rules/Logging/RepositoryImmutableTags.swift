import Template

extension Logging {
  /// LOG006: ECR image tags cannot be moved to other images.
  static let repositoryImmutableTags = Rule(
    id: "LOG006", title: "ECR repository has immutable image tags", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::ECR::Repository"],
    rationale:
      "With mutable tags a push can silently replace the image a job definition names, so what ran cannot be told from the record; a pipeline's results must be reproducible from the tag it logged.",
    remediation: "Set ImageTagMutability: IMMUTABLE."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "ImageTagMutability"), logicalID: logicalID,
        path: "Properties.ImageTagMutability",
        question: "tags are immutable"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(let value?) where value.hasPrefix("IMMUTABLE"): return .pass
        case .success(let value):
          return .fail(
            "repository tags are mutable (ImageTagMutability \(value ?? "defaults to MUTABLE"))")
        }
      }
    }
  }
}
