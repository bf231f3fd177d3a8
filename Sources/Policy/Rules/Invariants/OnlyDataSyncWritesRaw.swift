import Template

extension Invariants {
  /// The actions that write objects into a bucket.
  static let objectWrites = ["s3:PutObject", "s3:PutObjectAcl", "s3:ReplicateObject"]

  /// GXO002: only the DataSync role can write to the raw bucket.
  static let onlyDataSyncWritesRaw = Rule(
    id: "GXO002", title: "Only the DataSync role can write to the raw bucket", severity: .error,
    family: .policy,
    theme: theme,
    resourceTypes: [
      "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::IAM::Role", "AWS::IAM::User",
    ],
    pack: .genexomics,
    rationale:
      "The raw bucket holds the sequencer's output exactly as DataSync transferred it; it is the input of every analysis and must stay immutable. Any other writer (a pipeline job, a Lambda function, another account through the bucket policy) could overwrite a run. The raw bucket is the bucket marked Metadata formation.role: raw, or, when none is marked, the bucket with raw as a word of its name.",
    remediation:
      "Grant s3:PutObject on the raw bucket only to the role assumed by datasync.amazonaws.com; give other roles read access, and write their outputs to the work or results buckets."
  ) { context in
    let index = context.policies
    let writers = Set(index.dataSyncRoles())
    var findings: [Finding] = []
    for subject in rawBucketObjects(in: context, index: index) {
      let bucket = subject.label
      let objects = subject.resource
      let protectedBy = subject.logicalID.map { [$0] } ?? []
      for principal in index.principals where !writers.contains(principal) {
        for action in objectWrites {
          let decision = index.evaluate(
            principal: principal, action: action, resource: objects, protectedBy: protectedBy)
          guard decision.mayBeAllowed else { continue }
          findings.append(
            context.violation(
              "\(principal) can write to the raw bucket \(bucket) (\(action))",
              principal: principal,
              decision: decision, index: index, action: action))
        }
      }
      guard let bucketID = subject.logicalID else { continue }
      for action in objectWrites {
        findings += context.resourcePolicyViolations(
          { "the bucket policy lets \($0) write to the raw bucket \(bucket) (\(action))" },
          protecting: bucketID,
          action: action, resource: objects, except: writers, index: index)
      }
    }
    return findings
  }
}
