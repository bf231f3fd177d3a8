import Template

extension Invariants {
  /// The log actions a Batch role must not have: deleting groups or streams, or shortening retention.
  static let logDeletions = [
    "logs:DeleteLogGroup", "logs:DeleteLogStream", "logs:PutRetentionPolicy",
  ]

  /// GXO001: no Batch role can delete CloudWatch logs.
  static let batchCannotDeleteLogs = Rule(
    id: "GXO001", title: "No Batch role can delete CloudWatch logs or log groups", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::IAM::Role"],
    pack: .genexomics,
    rationale:
      "The pipeline's container logs are the record of what ran on which sample; a job that can delete its log group or streams (or shorten their retention with logs:PutRetentionPolicy) can erase that record, by mistake or when compromised. GeneXOmics requires that Batch roles cannot delete logs.",
    remediation:
      "Grant Batch job, execution and instance roles only logs:CreateLogStream and logs:PutLogEvents (and logs:CreateLogGroup where needed) on their log groups; keep deletion and retention changes with the deployment role."
  ) { context in
    context.batchRoleViolations(of: logDeletions)
  }
}
