import Formation

/// The four buckets of the architecture, and nothing else. All are SSE-KMS with the data key and an
/// S3 bucket key, private (all public access blocks, ACLs off), TLS 1.2+ only (the `Bucket`
/// defaults), and retained when the stack is deleted.
///
/// Names are `<prefix>-<purpose>-<environment>-<account id>`: S3 names are global, so the
/// environment keeps deployments of one account apart, the account id keeps other accounts'
/// buckets from colliding with these, and `BucketNamePrefix` lets an operator pick other names
/// if one is taken all the same (a taken name fails the whole stack).
public enum Storage {
  /// The first word of every bucket name, `genexomics` unless those names are taken.
  public static let bucketNamePrefix = StackParameter(
    "BucketNamePrefix",
    description:
      "First word of the bucket names (<prefix>-raw-<environment>-<account id>); change it only if a name is taken.",
    default: "genexomics", allowedPattern: "^[a-z0-9][a-z0-9-]{1,18}[a-z0-9]$",
    constraintDescription: "3 to 20 lowercase letters, digits and hyphens")

  static func bucketName(_ purpose: String) -> BucketName {
    .unique(purpose, prefix: bucketNamePrefix, environment: GeneXOmics.environment)
  }

  /// Immutable raw BCL/FASTQ from the sequencers, written only by DataSync.
  ///
  /// Immutability twice over: the bucket policy denies object deletion to everyone, and
  /// Object Lock in governance mode keeps every version for a year even if that policy is
  /// edited (governance, not compliance, so a legal deletion request can still be honoured
  /// by an administrator with `s3:BypassGovernanceRetention`). Runs go to Glacier Flexible
  /// Retrieval after 30 days, as the architecture says: a rerun after a month is rare and can wait hours.
  public static let rawBucket = Bucket(
    "RawBucket", name: bucketName("raw"),
    encryption: .kms(Keys.dataKey.arn),
    versioning: true, objectLock: .governance(.days(365)),
    lifecycle: [
      LifecycleRule(
        "ArchiveRawRunsToGlacier", transitions: [.to(.glacier, after: .days(30))],
        noncurrentVersionTransitions: [.to(.glacier, after: .days(30))],
        abortIncompleteUploads: .days(7))
    ],
    eventBridge: true,
    policy: [
      Grant(
        .deny, sid: "DenyDeletingRawData", [.anyone],
        ["s3:DeleteObject", "s3:DeleteObjectVersion"],
        on: [rawObjects]),
      Grant(
        .deny, sid: "OnlyDataSyncWrites", [.anyone], ["s3:PutObject"], on: [rawObjects],
        when: [
          PolicyCondition(
            "ArnNotEquals", "aws:PrincipalArn",
            [GeneXOmics.roleARN(named: GeneXOmics.RoleName.dataSync)])
        ]),
    ],
    suppressions: [
      accessLogging,
      Suppression(
        "DEP006",
        reason:
          "Object Lock is decided for good: raw sequencing data is kept immutable from the first deployment, and the bucket is never meant to be replaced."
      ),
    ])

  /// Nextflow's scratch directory: intermediate files live a week at most. Not versioned
  /// (overwritten scratch has no value, and old versions would outlive the 7-day expiry).
  public static let workBucket = Bucket(
    "WorkBucket", name: bucketName("work"),
    encryption: .kms(Keys.dataKey.arn),
    versioning: false,
    lifecycle: [
      LifecycleRule(
        "ExpireScratchAfterSevenDays", expiration: .after(.days(7)),
        abortIncompleteUploads: .days(1))
    ],
    suppressions: [
      accessLogging,
      Suppression(
        "LOG002", checkov: "CKV_AWS_21",
        reason:
          "Nextflow scratch is recomputable and expires after 7 days; versions of overwritten scratch would only add cost."
      ),
    ])

  /// Genome indices (GRCh38): read by every run, rewritten rarely. Intelligent-Tiering from
  /// day 0 moves untouched indices to cheaper tiers with no retrieval fee when a run needs them.
  public static let referencesBucket = Bucket(
    "ReferencesBucket", name: bucketName("references"),
    encryption: .kms(Keys.dataKey.arn), versioning: true,
    lifecycle: [
      LifecycleRule(
        "IntelligentTieringForIndices", transitions: [.to(.intelligentTiering, after: .days(0))],
        noncurrentVersionExpiration: .days(90), abortIncompleteUploads: .days(7))
    ],
    suppressions: [accessLogging])

  /// Final outputs (matrices, reports) and the Quilt packages: versioned and kept long-term;
  /// superseded versions move to Glacier after 90 days rather than being deleted.
  public static let resultsBucket = Bucket(
    "ResultsBucket", name: bucketName("results"),
    encryption: .kms(Keys.dataKey.arn), versioning: true,
    lifecycle: [
      LifecycleRule(
        "ArchiveSupersededResults", noncurrentVersionTransitions: [.to(.glacier, after: .days(90))],
        abortIncompleteUploads: .days(7))
    ],
    suppressions: [accessLogging])

  /// The raw bucket's objects, spelled out: the bucket's own policy can't read `rawBucket`
  /// while `rawBucket` is being initialised.
  static let rawObjects = Value.sub("${RawBucket.Arn}/*")

  /// S3 server access logs can only be delivered to an SSE-S3 bucket, which would be a fifth
  /// bucket with weaker encryption; object-level access is audited by CloudTrail data events
  /// in the organization trail instead. Said once, here, for every bucket.
  static let accessLogging = Suppression(
    "LOG001", checkov: "CKV_AWS_18",
    reason:
      "Object access is audited by the organization's CloudTrail S3 data events; S3 server access logs would need a fifth, SSE-S3 bucket."
  )

  public static var stack: Stack {
    Stack(
      "storage", description: "GeneXOmics storage: the raw, work, references and results buckets."
    ) {
      bucketNamePrefix
      rawBucket
      workBucket
      referencesBucket
      resultsBucket
    }
  }
}
