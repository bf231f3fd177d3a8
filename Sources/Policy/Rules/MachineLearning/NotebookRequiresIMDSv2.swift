import Template

extension MachineLearning {
  /// SGM006: sageMaker notebook instances require IMDSv2.
  static let notebookRequiresIMDSv2 = Rule(
    id: "SGM006", title: "SageMaker notebook instances require IMDSv2", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::SageMaker::NotebookInstance"],
    rationale:
      "IMDSv1 answers any request from the instance, so a server-side request forgery in notebook code hands out the instance role's credentials; IMDSv2 needs a session token.",
    remediation:
      "Set InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion: \"2\"."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "InstanceMetadataServiceConfiguration", "MinimumInstanceMetadataServiceVersion"), logicalID: logicalID,
        path: "Properties.InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion", question: "the notebook requires IMDSv2"
      ) {
        context.expectNone(of: ["1"], $0, absent: "notebook accepts IMDSv1 (MinimumInstanceMetadataServiceVersion is not set)") {
          "notebook accepts IMDSv1 (MinimumInstanceMetadataServiceVersion: \($0))"
        }
      }
    }
  }
}
