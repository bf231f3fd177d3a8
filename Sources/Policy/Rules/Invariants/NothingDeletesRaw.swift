import Template

extension Invariants {
  /// The actions that delete objects or their versions.
  static let objectDeletions = ["s3:DeleteObject", "s3:DeleteObjectVersion"]

  /// GXO003: nothing can delete from the raw bucket.
  static let nothingDeletesRaw = Rule(
    id: "GXO003", title: "Nothing can delete objects from the raw bucket", severity: .error,
    family: .policy,
    theme: theme,
    resourceTypes: rawBucketAccessTypes,
    pack: .genexomics,
    rationale:
      "Raw sequencing data cannot be produced again; GeneXOmics keeps it immutable. No role, user or bucket-policy principal, DataSync's included, may delete objects or object versions. A bucket policy that denies the deletes to every principal satisfies the rule by itself.",
    remediation:
      "Remove s3:DeleteObject and s3:DeleteObjectVersion (and wildcards that include them) from grants on the raw bucket, or add a bucket policy statement: Effect Deny, Principal \"*\", Action [s3:DeleteObject, s3:DeleteObjectVersion], Resource the bucket's objects."
  ) { context in
    context.rawBucketViolations("delete from", actions: objectDeletions, except: [])
  }
}
