import Formation

/// The event-driven heart of the pipeline: a run folder's `RTAComplete.txt` landing in the raw
/// bucket starts the Nextflow head job, Batch's job state changes are recorded in the
/// run-status table, and a successful run is packaged for Quilt.
///
/// ```
/// S3 Object Created (raw, */RTAComplete.txt) -> RunCompleteRule -> TriggerFunction -> Batch head queue + table "Started"
/// Batch Job State Change (head queue)        -> HeadJobStateRule -> StatusFunction -> table Processing/Complete/Failed
/// Batch Job State Change (head, SUCCEEDED)   -> HeadJobSucceededRule -> PackagerFunction -> Quilt package in results
/// ```
///
/// **Failures are never silent.** Each rule target has a dead-letter queue for events
/// EventBridge could not deliver (after retrying for up to a day), and each function has one
/// for invocations that failed all of Lambda's asynchronous retries; the monitoring stack
/// alarms when any of them holds a message, and on every function's errors and throttles.
///
/// **Networking.** The trigger and status functions run in the VPC's private subnets with
/// `Network.functionSecurityGroup`: they call only Batch (interface endpoint) and DynamoDB
/// (gateway endpoint). The packager runs outside the VPC, the network stack's decision: it
/// must reach Benchling and SmartSheets over the internet and the VPC has no route out.
///
/// **A known limit of the seed's trigger.** DataSync copies a run folder's files in no
/// particular order, so within one transfer `RTAComplete.txt` can land before the last BCL
/// files. The sequencer writes the marker last on the NAS, and the hourly task copies a
/// finished run in one execution that usually completes before the head job's first task
/// reads the data; a run started too early fails its demultiplexing step, is recorded
/// `Failed` and alarms, and is rerun by deleting its table item and re-sending the event.
public enum Orchestration {
  // MARK: Parameters

  /// The packager's deployment package: built and uploaded by the packager's own CI, so the
  /// code can change without a template change (a new key is a new version).
  public static let packagerCodeBucket = StackParameter(
    "PackagerCodeBucket",
    description: "S3 bucket holding the packager Lambda's deployment package.",
    allowedPattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
    constraintDescription: "an S3 bucket name")
  public static let packagerCodeKey = StackParameter(
    "PackagerCodeKey",
    description: "S3 key of the packager's zip (handler packager.handler, Python 3.12).",
    default: "packager/packager.zip", allowedPattern: "^[^/].*\\.zip$",
    constraintDescription: "the key of a .zip file")

  /// Benchling and SmartSheets API credentials live in Secrets Manager, created and rotated
  /// by the people who own those accounts; the stack only names them. Create them encrypted
  /// with the messaging key (`alias/genexomics/messaging`), which the packager may decrypt.
  public static let benchlingSecret = StackParameter(
    "BenchlingSecretArn",
    description: "ARN of the Secrets Manager secret with the Benchling API credentials.",
    allowedPattern: secretPattern, constraintDescription: "a Secrets Manager secret ARN")
  public static let smartsheetSecret = StackParameter(
    "SmartsheetSecretArn",
    description: "ARN of the Secrets Manager secret with the SmartSheets API token.",
    allowedPattern: secretPattern, constraintDescription: "a Secrets Manager secret ARN")
  static let secretPattern = "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$"

  // MARK: Rule ARNs, spelled out

  /// The rules' ARNs by logical id: each dead-letter queue's policy names its rule while the
  /// rule names the queue, and two static values must not initialise each other.
  static let runCompleteRuleARN = Value.getAtt("RunCompleteRule", "Arn")
  static let headJobStateRuleARN = Value.getAtt("HeadJobStateRule", "Arn")
  static let headJobSucceededRuleARN = Value.getAtt("HeadJobSucceededRule", "Arn")

  /// A dead-letter queue for one function: EventBridge (for its rule only) and the function's
  /// role (Lambda's asynchronous DLQ) send to it.
  static func deadLetterQueue(
    _ logicalID: String, name: String, rule: Value, file: StaticString = #filePath,
    line: UInt = #line
  ) -> Queue {
    Queue(
      logicalID, name: name, key: Keys.messagingKey.arn,
      policy: [
        Grant(
          .allow, sid: "EventBridgeDeadLetters", [.service("events.amazonaws.com")],
          ["sqs:SendMessage"],
          when: [.arnEquals("aws:SourceArn", rule)])
      ], file: file, line: line)
  }

  public static let triggerDeadLetterQueue = deadLetterQueue(
    "TriggerDeadLetterQueue", name: "trigger-dlq", rule: runCompleteRuleARN)
  public static let statusDeadLetterQueue = deadLetterQueue(
    "StatusDeadLetterQueue", name: "status-dlq", rule: headJobStateRuleARN)
  public static let packagerDeadLetterQueue = deadLetterQueue(
    "PackagerDeadLetterQueue", name: "packager-dlq", rule: headJobSucceededRuleARN)
  public static var deadLetterQueues: [Queue] {
    [triggerDeadLetterQueue, statusDeadLetterQueue, packagerDeadLetterQueue]
  }

  // MARK: Roles

  static let lambdaTrust = Grant.assume(by: .service("lambda.amazonaws.com"))

  /// The run-status table is encrypted with the data key; DynamoDB uses it on the caller's behalf.
  static let useDataKeyThroughDynamoDB = Permission.allow(
    ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], on: [Keys.dataKey.arn],
    when: [.stringEquals("kms:ViaService", Value.sub("dynamodb.${AWS::Region}.amazonaws.com"))],
    sid: "UseDataKeyThroughDynamoDB")

  /// Environment variables and the dead-letter queues are encrypted with the messaging key.
  static let useMessagingKey = Permission.allow(
    ["kms:Decrypt", "kms:GenerateDataKey"], on: [Keys.messagingKey.arn], sid: "UseMessagingKey")

  /// Submits the head job and claims the run in the table; nothing else. The function's own
  /// log, dead-letter, network and tracing permissions come with the function.
  public static let triggerRole = Role(
    "TriggerFunctionRole", name: "trigger-function",
    description: "Trigger function: submit the Nextflow head job and record the run as Started.",
    trust: [lambdaTrust],
    policies: [
      InlinePolicy(
        "StartRun",
        [
          .allow(
            ["batch:SubmitJob"],
            on: [Compute.headJobQueue.arn, Compute.nextflowHeadJobDefinition.arn],
            sid: "SubmitHeadJob"),
          // ListJobs supports no resource-level permission; it finds a job an earlier attempt submitted.
          .allow(["batch:ListJobs"], on: ["*"], sid: "FindSubmittedHeadJob"),
          .allow(
            ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"],
            on: [Data.runStatusTable.arn],
            sid: "ClaimRun"),
          useDataKeyThroughDynamoDB,
          useMessagingKey,
        ])
    ])

  public static let statusRole = Role(
    "StatusFunctionRole", name: "status-function",
    description: "Status function: record Processing, Complete or Failed for a run.",
    trust: [lambdaTrust],
    policies: [
      InlinePolicy(
        "RecordStatus",
        [
          .allow(["dynamodb:UpdateItem"], on: [Data.runStatusTable.arn], sid: "RecordRunStatus"),
          useDataKeyThroughDynamoDB,
          useMessagingKey,
        ])
    ])

  /// Reads the two API secrets and the run's results, writes the Quilt package (objects and
  /// `.quilt/` manifests) to the results bucket, and notes the package on the run's item.
  public static let packagerRole = Role(
    "PackagerFunctionRole", name: "packager-function",
    description:
      "Packager function: read Benchling and SmartSheets credentials and the run's results, write its Quilt package.",
    trust: [lambdaTrust],
    policies: [
      InlinePolicy(
        "PackageRun",
        [
          .allow(
            ["secretsmanager:GetSecretValue"], on: [benchlingSecret, smartsheetSecret],
            sid: "ReadApiCredentials"),
          .allow(
            ["s3:ListBucket", "s3:ListBucketVersions"], on: [Storage.resultsBucket.arn],
            sid: "ListResults"),
          .allow(
            ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
            on: [Storage.resultsBucket.objects],
            sid: "ReadResultsWritePackage"),
          .allow(
            ["kms:Decrypt", "kms:GenerateDataKey"], on: [Keys.dataKey.arn],
            when: [.stringEquals("kms:ViaService", Value.sub("s3.${AWS::Region}.amazonaws.com"))],
            sid: "UseDataKeyThroughS3"),
          .allow(
            ["dynamodb:GetItem", "dynamodb:UpdateItem"], on: [Data.runStatusTable.arn],
            sid: "NotePackage"),
          useDataKeyThroughDynamoDB,
          useMessagingKey,
        ])
    ])

  public static var dataKeyUsers: [Role] { [triggerRole, statusRole, packagerRole] }
  public static var messagingKeyUsers: [Role] { [triggerRole, statusRole, packagerRole] }

  // MARK: Functions

  static let inVPC = LambdaFunction.VPC(
    subnets: Network.privateSubnets.map(\.id), securityGroups: [Network.functionSecurityGroup.id])

  /// Parses the S3 event, claims the run in the table (a conditional put, so a redelivered
  /// event never submits twice) and submits the head job with the run folder as `input`.
  /// Reserved concurrency 5: a burst of markers can't flood Batch or the table, and the
  /// function can't starve other functions of the account's concurrency.
  public static let triggerFunction = LambdaFunction(
    "TriggerFunction", name: "trigger",
    description: "Starts the Nextflow pipeline for a run folder whose RTAComplete.txt arrived.",
    runtime: .python312, handler: "index.handler",
    code: .inline(
      #"""
      import json
      import os
      import re
      import time

      import boto3
      from botocore.exceptions import ClientError

      batch = boto3.client("batch")
      table = boto3.resource("dynamodb").Table(os.environ["RUN_STATUS_TABLE"])
      MARKER = "RTAComplete.txt"
      # Longer than the function's timeout: a claim older than this was left by a crashed attempt.
      STALE_CLAIM_SECONDS = 300


      def conflict(error):
          return error.response["Error"]["Code"] == "ConditionalCheckFailedException"


      def submitted_job(name):
          # A job already submitted under this run's name (an earlier attempt that died before
          # recording it): reuse it instead of starting the pipeline twice.
          jobs = batch.list_jobs(
              jobQueue=os.environ["JOB_QUEUE"], filters=[{"name": "JOB_NAME", "values": [name]}]
          )["jobSummaryList"]
          return jobs[0]["jobId"] if jobs else None


      def handler(event, context):
          detail = event.get("detail", {})
          bucket = detail.get("bucket", {}).get("name", "")
          key = detail.get("object", {}).get("key", "")
          folder, _, name = key.rpartition("/")
          if name != MARKER or not folder:
              print(json.dumps({"skipped": key, "reason": "not a run folder's " + MARKER}))
              return {"skipped": key}
          # The run id is the run folder's name: <prefix>/<RunFolder>/RTAComplete.txt.
          run_id = folder.rsplit("/", 1)[-1]
          job_name = re.sub(r"[^A-Za-z0-9_-]", "-", "run-" + run_id)[:128]
          now = int(time.time())
          try:
              # Claim the run: only the first delivery of this event gets past here.
              table.put_item(
                  Item={"RunId": run_id, "Status": "Started", "Input": f"s3://{bucket}/{folder}/",
                        "StartedAt": now, "EventId": event.get("id", "")},
                  ConditionExpression="attribute_not_exists(RunId)")
          except ClientError as error:
              if not conflict(error):
                  raise
              item = table.get_item(Key={"RunId": run_id}, ConsistentRead=True).get("Item", {})
              if item.get("JobId") or item.get("Status") != "Started":
                  print(json.dumps({"runId": run_id, "duplicate": True, "jobId": item.get("JobId")}))
                  return {"runId": run_id, "jobId": item.get("JobId"), "duplicate": True}
              if now - int(item.get("StartedAt", 0)) < STALE_CLAIM_SECONDS:
                  # Another invocation is submitting this run right now; fail so Lambda retries later.
                  raise RuntimeError(f"run {run_id} is being submitted by another invocation")
          job_id = submitted_job(job_name) or batch.submit_job(
              jobName=job_name,
              jobQueue=os.environ["JOB_QUEUE"],
              jobDefinition=os.environ["JOB_DEFINITION"],
              parameters={"input": f"s3://{bucket}/{folder}/",
                          "outdir": f"s3://{os.environ['RESULTS_BUCKET']}/runs/{run_id}/"},
              containerOverrides={"environment": [{"name": "GENEXOMICS_RUN_ID", "value": run_id}]},
          )["jobId"]
          try:
              table.update_item(
                  Key={"RunId": run_id}, UpdateExpression="SET JobId = :job",
                  ConditionExpression="attribute_not_exists(JobId)",
                  ExpressionAttributeValues={":job": job_id})
          except ClientError as error:
              if not conflict(error):
                  raise
          print(json.dumps({"runId": run_id, "jobId": job_id, "runStatus": "Started"}))
          return {"runId": run_id, "jobId": job_id}
      """#),
    role: triggerRole, timeout: .seconds(60), memory: 256,
    environment: [
      "RUN_STATUS_TABLE": Data.runStatusTable.tableName,
      "JOB_QUEUE": Compute.headJobQueue.arn,
      "JOB_DEFINITION": Compute.nextflowHeadJobDefinition.arn,
      "RESULTS_BUCKET": Storage.resultsBucket.bucketName,
    ],
    environmentKey: Keys.messagingKey.arn, vpc: inVPC, deadLetterQueue: triggerDeadLetterQueue.arn,
    reservedConcurrency: 5, logKey: Keys.logsKey.arn)

  /// Maps the head job's Batch states to the table's: RUNNING → Processing, SUCCEEDED →
  /// Complete, FAILED → Failed (Batch reports FAILED only after the last retry attempt).
  public static let statusFunction = LambdaFunction(
    "StatusFunction", name: "status",
    description: "Records the Nextflow head job's state changes in the run-status table.",
    runtime: .python312, handler: "index.handler",
    code: .inline(
      #"""
      import json
      import os
      import time

      import boto3
      from botocore.exceptions import ClientError

      table = boto3.resource("dynamodb").Table(os.environ["RUN_STATUS_TABLE"])
      STATUSES = {"RUNNING": "Processing", "SUCCEEDED": "Complete", "FAILED": "Failed"}


      def run_id_of(job):
          for variable in job.get("container", {}).get("environment", []):
              if variable.get("name") == "GENEXOMICS_RUN_ID":
                  return variable.get("value")
          # Fallback: the trigger sets outdir to s3://<results>/runs/<RunId>/.
          outdir = job.get("parameters", {}).get("outdir", "")
          return outdir.rstrip("/").rsplit("/", 1)[-1] or None


      def handler(event, context):
          job = event.get("detail", {})
          status = STATUSES.get(job.get("status"))
          run_id = run_id_of(job)
          if not status or not run_id:
              print(json.dumps({"skipped": job.get("jobId"), "batchStatus": job.get("status")}))
              return {"skipped": job.get("jobId")}
          # One JSON line per transition, recorded or not: the monitoring stack's metric filter
          # counts {"runStatus": "Failed"} lines, so a failed run alarms even if recording fails.
          print(json.dumps({"runId": run_id, "jobId": job.get("jobId"), "runStatus": status,
                            "reason": job.get("statusReason", "")}))
          values = {":status": status, ":job": job.get("jobId"), ":now": int(time.time())}
          condition = "attribute_exists(RunId) AND (attribute_not_exists(JobId) OR JobId = :job)"
          if status == "Processing":
              # Events may arrive out of order: never move a finished run back to Processing.
              condition += " AND NOT #status IN (:complete, :failed)"
              values.update({":complete": "Complete", ":failed": "Failed"})
          try:
              table.update_item(
                  Key={"RunId": run_id},
                  UpdateExpression="SET #status = :status, JobId = :job, UpdatedAt = :now",
                  ConditionExpression=condition,
                  ExpressionAttributeNames={"#status": "Status"},
                  ExpressionAttributeValues=values)
          except ClientError as error:
              if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                  raise
              print(json.dumps({"runId": run_id, "ignored": status, "reason": "stale or foreign job"}))
              return {"runId": run_id, "ignored": status}
          return {"runId": run_id, "status": status}
      """#),
    role: statusRole, timeout: .seconds(30), memory: 256,
    environment: ["RUN_STATUS_TABLE": Data.runStatusTable.tableName],
    environmentKey: Keys.messagingKey.arn, vpc: inVPC, deadLetterQueue: statusDeadLetterQueue.arn,
    reservedConcurrency: 5, logKey: Keys.logsKey.arn)

  /// Builds the run's Quilt package from its results and the Benchling and SmartSheets
  /// metadata. It receives the head job's SUCCEEDED event (the run id is its
  /// `GENEXOMICS_RUN_ID` variable); the same event may arrive twice, so the package
  /// push must be idempotent (Quilt packages are content-addressed). Fifteen minutes and
  /// 1 GB: it hashes every result file.
  public static let packagerFunction = LambdaFunction(
    "PackagerFunction", name: "packager",
    description:
      "Packages a completed run's results with Benchling and SmartSheets metadata as a Quilt package.",
    runtime: .python312, handler: "packager.handler",
    code: .s3(bucket: packagerCodeBucket, key: packagerCodeKey),
    role: packagerRole, timeout: .minutes(15), memory: 1024,
    environment: [
      "RUN_STATUS_TABLE": Data.runStatusTable.tableName,
      "RESULTS_BUCKET": Storage.resultsBucket.bucketName,
      "QUILT_REGISTRY": sub("s3://${Bucket}", ["Bucket": Storage.resultsBucket.bucketName]),
      "QUILT_PACKAGE_PREFIX": "genexomics",
      "BENCHLING_SECRET_ARN": benchlingSecret,
      "SMARTSHEET_SECRET_ARN": smartsheetSecret,
    ],
    environmentKey: Keys.messagingKey.arn, deadLetterQueue: packagerDeadLetterQueue.arn,
    reservedConcurrency: 2, logKey: Keys.logsKey.arn,
    suppressions: [
      Suppression(
        "NET007", checkov: "CKV_AWS_117",
        reason:
          "Runs outside the VPC by design: it calls the Benchling and SmartSheets APIs on the internet and the VPC has no route out (see blueprints/Network.swift)."
      )
    ])

  // MARK: Rules

  /// EventBridge retries a failed delivery (throttling, the function unavailable) for up to a
  /// day before the dead-letter queue: a sequencing run must not be lost to a brief outage.
  static let deliverForADay = EventTarget.RetryPolicy(attempts: 185, maximumAge: .hours(24))

  /// The seed's trigger: `Object Created` in the raw bucket for a key ending `RTAComplete.txt`.
  public static let runCompleteRule = EventRule(
    "RunCompleteRule", name: "run-complete",
    description: "A sequencing run finished uploading: start its pipeline.",
    matching: EventPattern(
      source: "aws.s3", detailType: "Object Created",
      detail: [
        .field("bucket.name", .equals(Storage.rawBucket.bucketName)),
        .field("object.key", .suffix("RTAComplete.txt")),
      ]),
    targets: [
      .lambda(triggerFunction, deadLetterQueue: triggerDeadLetterQueue.arn, retry: deliverForADay)
    ])

  /// The head job's transitions that change a run's status; SUBMITTED, PENDING, RUNNABLE and
  /// STARTING leave it at Started.
  public static let headJobStateRule = EventRule(
    "HeadJobStateRule", name: "head-job-state",
    description: "The Nextflow head job changed state: record it.",
    matching: EventPattern(
      source: "aws.batch", detailType: "Batch Job State Change",
      detail: [
        .field("jobQueue", .equals(Compute.headJobQueue.arn)),
        .field("status", .equals("RUNNING"), .equals("SUCCEEDED"), .equals("FAILED")),
      ]),
    targets: [
      .lambda(statusFunction, deadLetterQueue: statusDeadLetterQueue.arn, retry: deliverForADay)
    ])

  public static let headJobSucceededRule = EventRule(
    "HeadJobSucceededRule", name: "head-job-succeeded",
    description: "A run's pipeline succeeded: package its results.",
    matching: EventPattern(
      source: "aws.batch", detailType: "Batch Job State Change",
      detail: [
        .field("jobQueue", .equals(Compute.headJobQueue.arn)),
        .field("status", .equals("SUCCEEDED")),
      ]),
    targets: [
      .lambda(packagerFunction, deadLetterQueue: packagerDeadLetterQueue.arn, retry: deliverForADay)
    ])

  public static var functions: [LambdaFunction] {
    [triggerFunction, statusFunction, packagerFunction]
  }

  public static var stack: Stack {
    Stack(
      "orchestration",
      description:
        "GeneXOmics orchestration: the RTAComplete.txt trigger, run-status recording and Quilt packaging."
    ) {
      packagerCodeBucket
      packagerCodeKey
      benchlingSecret
      smartsheetSecret
      deadLetterQueues
      triggerRole
      statusRole
      packagerRole
      functions
      runCompleteRule
      headJobStateRule
      headJobSucceededRule
    }
  }
}
