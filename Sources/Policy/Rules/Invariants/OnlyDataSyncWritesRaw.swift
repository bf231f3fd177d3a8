import Template

extension Invariants {
  /// The actions that write objects into a bucket.
  static let objectWrites = ["s3:PutObject", "s3:PutObjectAcl", "s3:ReplicateObject"]

  /// GXO002: only the DataSync role can write to the raw bucket.
  static let onlyDataSyncWritesRaw = Rule(
    id: "GXO002", title: "Only the DataSync role can write to the raw bucket", severity: .error,
    family: .policy,
    theme: theme,
    resourceTypes: rawBucketAccessTypes,
    pack: .genexomics,
    rationale:
      "The raw bucket holds the sequencer's output exactly as DataSync transferred it; it is the input of every analysis and must stay immutable. Any other writer (a pipeline job, a Lambda function, another account through the bucket policy) could overwrite a run. The raw bucket is the bucket marked Metadata formation.role: raw, or, when none is marked, the bucket with raw as a word of its name.",
    remediation:
      "Grant s3:PutObject on the raw bucket only to the role assumed by datasync.amazonaws.com; give other roles read access, and write their outputs to the work or results buckets."
  ) { context in
    context.rawBucketViolations("write to", actions: objectWrites, except: Set(context.policies.dataSyncRoles()))
  }
}
