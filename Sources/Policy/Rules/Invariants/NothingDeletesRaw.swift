import Template

extension Invariants {
  /// The actions that delete objects or their versions.
  static let objectDeletions = ["s3:DeleteObject", "s3:DeleteObjectVersion"]

  /// GXO003: nothing can delete from the raw bucket.
  static let nothingDeletesRaw = Rule(
    id: "GXO003", title: "Nothing can delete objects from the raw bucket", severity: .error,
    family: .policy,
    theme: theme,
    resourceTypes: [
      "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::IAM::Role", "AWS::IAM::User",
    ],
    pack: .genexomics,
    rationale:
      "Raw sequencing data cannot be produced again; GeneXOmics keeps it immutable. No role, user or bucket-policy principal, DataSync's included, may delete objects or object versions. A bucket policy that denies the deletes to every principal satisfies the rule by itself.",
    remediation:
      "Remove s3:DeleteObject and s3:DeleteObjectVersion (and wildcards that include them) from grants on the raw bucket, or add a bucket policy statement: Effect Deny, Principal \"*\", Action [s3:DeleteObject, s3:DeleteObjectVersion], Resource the bucket's objects."
  ) { context in
    let index = context.policies
    var findings: [Finding] = []
    for subject in rawBucketObjects(in: context, index: index) {
      let bucket = subject.label
      let objects = subject.resource
      let protectedBy = subject.logicalID.map { [$0] } ?? []
      for principal in index.principals {
        for action in objectDeletions {
          let decision = index.evaluate(
            principal: principal, action: action, resource: objects, protectedBy: protectedBy)
          guard decision.mayBeAllowed else { continue }
          findings.append(
            context.violation(
              "\(principal) can delete from the raw bucket \(bucket) (\(action))",
              principal: principal,
              decision: decision, index: index, action: action))
        }
      }
      guard let bucketID = subject.logicalID else { continue }
      for action in objectDeletions {
        findings += context.resourcePolicyViolations(
          { "the bucket policy lets \($0) delete from the raw bucket \(bucket) (\(action))" },
          protecting: bucketID,
          action: action, resource: objects, except: [], index: index)
      }
    }
    return findings
  }
}
