import Formation

/// Sequencer output from the lab's NAS to the raw bucket: the on-premises DataSync agent reads
/// the NFS export, and an hourly task copies new and changed files to `Storage.rawBucket`,
/// verifying each one and logging every file to an encrypted log group.
///
/// **The only writer of raw data.** The task reaches the bucket through `dataSyncRole`, the one
/// principal the raw bucket's policy lets put objects (`GeneXOmics.RoleName.dataSync`). The
/// role can list the bucket and write objects; it has no delete permission (and the bucket
/// policy denies deletes to everyone anyway).
///
/// **Choices the architecture leaves open.**
/// - Hourly (DataSync's shortest schedule): a run is picked up within an hour of its last
///   file, and an idle hour costs only the listing of the NAS export.
/// - A run starts only after an execution succeeds (see `Orchestration`): DataSync copies
///   files in no set order, so `RTAComplete.txt` arriving in S3 says nothing about the run's
///   other files; a successful execution says every file it listed is in S3 and verified.
/// - A run folder still being written makes an execution fail verification (a file changed
///   while it was copied); the next hour copies it again. That is expected while a sequencer
///   runs, so one failed execution does not alert: the monitoring stack alarms when
///   executions fail several hours in a row.
/// - Transfer mode `CHANGED` with overwrites allowed: a file still being written during one
///   execution is copied again, complete, by the next; the raw bucket's versioning and Object
///   Lock keep every earlier version, so nothing is ever lost by an overwrite.
/// - Files deleted on the NAS are kept in S3 (`PRESERVE`): the NAS is a buffer, S3 the record.
/// - Verification `ONLY_FILES_TRANSFERRED`: each copy's checksum is compared with the source.
///   Checking the whole bucket at every run (`POINT_IN_TIME_CONSISTENT`) would read back
///   objects already in Glacier, which DataSync cannot do.
/// - `TRANSFER` logging: one line per file copied and verified, the provenance record of every
///   raw file, kept a year.
/// - NAS snapshot folders (`.snapshot`, `.zfs`) are excluded: they hold whole copies of the
///   export and would be transferred again and again.
public enum Ingestion {
  // MARK: Parameters (the site, not the architecture)

  public static let agentARN = StackParameter(
    "DataSyncAgentArn",
    description: "ARN of the activated DataSync agent next to the sequencers' NAS.",
    allowedPattern: "^arn:aws[a-z-]*:datasync:[a-z0-9-]+:[0-9]{12}:agent/agent-[0-9a-z]{17}$",
    constraintDescription: "a DataSync agent ARN")
  public static let nasHostname = StackParameter(
    "NasHostname", description: "Host name or IPv4 address of the NAS, as the agent reaches it.",
    allowedPattern: "^(([a-zA-Z0-9-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9-]*[A-Za-z0-9])$",
    constraintDescription: "a host name or an IPv4 address")
  public static let nasExportPath = StackParameter(
    "NasExportPath",
    description: "The NFS export (and folder) where the sequencers write their run folders.",
    allowedPattern: "^/[a-zA-Z0-9_./+()$ -]*$", constraintDescription: "an absolute path")

  // MARK: The role DataSync writes raw data with

  /// DataSync assumes it only for this account's DataSync resources (the confused deputy guard).
  public static let dataSyncRole = Role(
    "DataSyncRawWriterRole", name: GeneXOmics.RoleName.dataSync,
    description:
      "DataSync: write sequencer output into the raw bucket; the only principal that may.",
    trust: [
      .assume(
        by: .service("datasync.amazonaws.com"),
        when: [
          .stringEquals("aws:SourceAccount", AWS.accountID),
          .arnLike(
            "aws:SourceArn",
            Value.sub("arn:${AWS::Partition}:datasync:${AWS::Region}:${AWS::AccountId}:*")),
        ])
    ],
    policies: [
      InlinePolicy(
        "WriteRawRuns",
        [
          .allow(
            ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
            on: [Storage.rawBucket.arn],
            sid: "ListRawBucket"),
          // DataSync's guide ("Providing DataSync access to S3 buckets") lists, for a
          // destination bucket: GetBucketLocation, ListBucket, ListBucketMultipartUploads on the
          // bucket; AbortMultipartUpload, DeleteObject, GetObject, GetObjectTagging,
          // GetObjectVersion, GetObjectVersionTagging, ListMultipartUploadParts, PutObject,
          // PutObjectTagging on its objects. Each one here, and why:
          // - GetObject, GetObjectTagging: compare what is there with the source, and verify.
          // - GetObjectVersion, GetObjectVersionTagging: the raw bucket is versioned, and
          //   DataSync reads and verifies the exact version it wrote (read-only, so granted).
          // - PutObject, PutObjectTagging: write the files and their metadata.
          // - AbortMultipartUpload, ListMultipartUploadParts (and ListBucketMultipartUploads
          //   above): large BCL files go up in parts; a failed execution cleans its parts up.
          // - DeleteObject: not granted. DataSync deletes in a destination only to remove files
          //   deleted at the source (`PRESERVE` here: the task never asks) or, in an
          //   unversioned bucket, to replace an object; the raw bucket's policy denies it to
          //   everyone anyway, so granting it would change nothing but the role's look.
          .allow(
            [
              "s3:AbortMultipartUpload", "s3:GetObject", "s3:GetObjectTagging",
              "s3:GetObjectVersion", "s3:GetObjectVersionTagging", "s3:ListMultipartUploadParts",
              "s3:PutObject", "s3:PutObjectTagging",
            ], on: [Storage.rawBucket.objects], sid: "WriteRawObjects"),
          .allow(
            ["kms:Decrypt", "kms:GenerateDataKey"], on: [Keys.dataKey.arn],
            when: [.stringEquals("kms:ViaService", Value.sub("s3.${AWS::Region}.amazonaws.com"))],
            sid: "UseDataKeyThroughS3"),
        ])
    ])

  public static var dataKeyUsers: [Role] { [dataSyncRole] }
  public static var messagingKeyUsers: [Role] { [] }

  // MARK: Locations, logging and the task

  public static let rawLocation = S3Location(
    "RawBucketLocation", bucket: Storage.rawBucket.arn, role: dataSyncRole.arn)

  public static let nasLocation = NFSLocation(
    "NasLocation", host: nasHostname, path: nasExportPath, agents: [agentARN])

  public static let transferLogGroup = LogGroup(
    "DataSyncLogGroup", name: Value.sub("/genexomics/${Environment}/datasync"),
    key: Keys.logsKey.arn)

  /// DataSync writes task logs with the logs service's resource policy, not a role; only for
  /// this account's tasks, and only into this log group.
  public static let transferLogPolicy = LogResourcePolicy(
    "DataSyncLogPolicy", name: "datasync-logs",
    statements: [
      Grant(
        .allow, sid: "DataSyncWritesTaskLogs", [.service("datasync.amazonaws.com")],
        ["logs:CreateLogStream", "logs:PutLogEvents"], on: [transferLogGroup.arn],
        when: [
          .stringEquals("aws:SourceAccount", AWS.accountID),
          .arnLike(
            "aws:SourceArn",
            Value.sub("arn:${AWS::Partition}:datasync:${AWS::Region}:${AWS::AccountId}:task/*")),
        ])
    ])

  public static let transferTask = DataSyncTask(
    "NasToRawTask", name: "nas-to-raw", from: nasLocation.arn, to: rawLocation.arn,
    verification: .onlyFilesTransferred, transferMode: .changed, overwrite: .always,
    deletedFiles: .preserve,
    logging: .transfer(to: transferLogGroup.arn), schedule: "rate(1 hour)",
    excludes: ["*/.snapshot", "*/.zfs"])

  public static var stack: Stack {
    Stack(
      "ingestion",
      description:
        "GeneXOmics ingestion: DataSync from the sequencers' NAS to the raw bucket, verified and logged."
    ) {
      agentARN
      nasHostname
      nasExportPath
      dataSyncRole
      rawLocation
      nasLocation
      transferLogGroup
      transferLogPolicy
      transferTask
    }
  }
}
