import Formation

/// The event-driven heart of the pipeline: a run folder whose `RTAComplete.txt` is in the raw
/// bucket starts the Nextflow head job once the DataSync execution that copied it has
/// succeeded, Batch's job state changes are recorded in the run-status table, a successful run
/// is packaged for Quilt, and a watchdog reports runs that are stuck.
///
/// ```
/// S3 Object Created (raw, */RTAComplete.txt) -> RunCompleteRule -> TriggerFunction -> table "Arrived"
/// DataSync execution SUCCESS (NAS to raw)    -> TransferStateRule -> TriggerFunction -> Batch head queue, table "Started"
/// DataSync execution ERROR                   -> TransferStateRule -> TriggerFunction -> failures in a row, logged
/// Batch Job State Change (head queue)        -> HeadJobStateRule -> StatusFunction -> table Processing/Complete/Failed
/// Batch Job State Change (head, SUCCEEDED)   -> HeadJobSucceededRule -> PackagerFunction -> Quilt package in results
/// every 30 minutes                           -> WatchdogRule -> StatusFunction -> stuck heads and runs, logged
/// ```
///
/// **How the trigger waits for a complete run.** DataSync copies a run folder's files in no
/// particular order, so `RTAComplete.txt` can land in S3 before the run's last BCL files. Of
/// the three ways to wait (a DataSync success event, a manifest of the run's files, Illumina's
/// `CopyComplete.txt`), the success event is the one that needs nothing from the lab: a
/// manifest would have to be written on the NAS by a tool the lab runs, and
/// `CopyComplete.txt` is one more file DataSync may copy early, with the same problem. The
/// sequencer writes `RTAComplete.txt` after every other file of the run, so when an execution
/// that saw the marker succeeds (every file it listed is copied and verified), the run is
/// whole in S3. The marker's arrival is recorded as `Arrived`; each successful execution (one
/// an hour, even when there is nothing new) starts every `Arrived` run. A marker whose S3 event
/// is delivered after its execution's success event waits one hour more, never less.
///
/// **Re-running a run.** A `Failed` run (or one left `Started` without a job) is run again by
/// invoking the trigger with `{"rerun": "<run id>"}`: the run goes back to `Arrived` and starts
/// at once as a new attempt (the job name carries the attempt, so Batch never confuses two).
/// A marker uploaded again for a `Failed` run does the same at the next successful transfer.
///
/// **Failures are never silent.** Each rule target has a dead-letter queue for events
/// EventBridge could not deliver (after retrying for up to a day), and each function has one
/// for invocations that failed all of Lambda's asynchronous retries; the monitoring stack
/// alarms when any of them holds a message, on every function's errors and throttles, on
/// failed runs, on stuck runs and head jobs (the watchdog's lines) and on DataSync executions
/// failing three hours in a row (the trigger's lines).
///
/// **No reserved concurrency.** An account still on the new-account Lambda quota (10
/// concurrent executions) cannot reserve any: Lambda keeps 10 unreserved, so any reservation
/// fails the deployment. The functions need none: the trigger's conditional writes make a
/// burst of events start each run once, and events come a few an hour.
///
/// **Networking.** The trigger and status functions run in the VPC's private subnets with
/// `Network.functionSecurityGroup`: they call only Batch (interface endpoint) and DynamoDB
/// (gateway endpoint). The packager runs outside the VPC, the network stack's decision: it
/// must reach Benchling and SmartSheets over the internet and the VPC has no route out.
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
  /// with the messaging key (`alias/genexomics-<environment>/messaging`), which the packager may decrypt.
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
  static let transferStateRuleARN = Value.getAtt("TransferStateRule", "Arn")
  static let headJobStateRuleARN = Value.getAtt("HeadJobStateRule", "Arn")
  static let watchdogRuleARN = Value.getAtt("WatchdogRule", "Arn")
  static let headJobSucceededRuleARN = Value.getAtt("HeadJobSucceededRule", "Arn")

  /// A dead-letter queue for one function: EventBridge (for its rules only) and the function's
  /// role (Lambda's asynchronous DLQ) send to it.
  static func deadLetterQueue(
    _ logicalID: String, name: String, rules: [Value], file: StaticString = #filePath,
    line: UInt = #line
  ) -> Queue {
    Queue(
      logicalID, name: name, key: Keys.messagingKey.arn,
      policy: [
        Grant(
          .allow, sid: "EventBridgeDeadLetters", [.service("events.amazonaws.com")],
          ["sqs:SendMessage"],
          when: [PolicyCondition("ArnEquals", "aws:SourceArn", rules)])
      ], file: file, line: line)
  }

  public static let triggerDeadLetterQueue = deadLetterQueue(
    "TriggerDeadLetterQueue", name: "trigger-dlq",
    rules: [runCompleteRuleARN, transferStateRuleARN])
  public static let statusDeadLetterQueue = deadLetterQueue(
    "StatusDeadLetterQueue", name: "status-dlq", rules: [headJobStateRuleARN, watchdogRuleARN])
  public static let packagerDeadLetterQueue = deadLetterQueue(
    "PackagerDeadLetterQueue", name: "packager-dlq", rules: [headJobSucceededRuleARN])
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

  /// The head job definition without its revision: submitting it runs the latest revision, and
  /// a new image tag (a new revision) changes nothing this stack imports.
  static let headJobDefinition = GeneXOmics.jobDefinitionARN(Compute.nextflowHeadJobDefinition)

  /// Records arrivals, submits the head job and claims the run in the table; nothing else. The function's own
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
            on: [
              Compute.headJobQueue.arn, headJobDefinition,
              GeneXOmics.jobDefinitionRevisionsARN(Compute.nextflowHeadJobDefinition),
            ],
            sid: "SubmitHeadJob"),
          .allow(
            ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Scan"],
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
          .allow(
            ["dynamodb:UpdateItem", "dynamodb:Scan"], on: [Data.runStatusTable.arn],
            sid: "RecordRunStatus"),
          // ListJobs supports no resource-level permission; the watchdog lists waiting heads.
          .allow(["batch:ListJobs"], on: ["*"], sid: "FindWaitingHeadJobs"),
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

  /// Records a run folder's marker as `Arrived`, starts every `Arrived` run when a DataSync
  /// execution succeeds, counts executions that fail in a row, and re-runs a run on request
  /// (`{"rerun": "<run id>"}`). Every start is a conditional write from `Arrived` to
  /// `Started`, so a redelivered or concurrent event never submits a run twice.
  public static let triggerFunction = LambdaFunction(
    "TriggerFunction", name: "trigger",
    description:
      "Starts the Nextflow pipeline for run folders whose RTAComplete.txt arrived, once DataSync has copied them completely.",
    runtime: .python312, handler: "index.handler",
    code: .inline(
      #"""
      import json, os, re, time
      import boto3
      from boto3.dynamodb.conditions import Attr
      from botocore.exceptions import ClientError

      batch = boto3.client("batch")
      table = boto3.resource("dynamodb").Table(os.environ["RUN_STATUS_TABLE"])
      TRANSFER = {"RunId": "#datasync"}  # counts DataSync executions failed in a row
      N = {"#s": "Status", "#i": "Input"}

      def log(**fields):
          print(json.dumps(fields))

      def update(key, expression, condition=None, **values):
          args = {"Key": {"RunId": key}, "UpdateExpression": expression, "ReturnValues": "ALL_NEW",
                  "ExpressionAttributeValues": {":" + k: v for k, v in values.items()}}
          names = {n: v for n, v in N.items() if n in expression + (condition or "")}
          if names:
              args["ExpressionAttributeNames"] = names
          if condition:
              args["ConditionExpression"] = condition
          try:
              return table.update_item(**args)["Attributes"]
          except ClientError as error:
              if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                  raise
              return None

      def arrived(detail):
          bucket, key = detail["bucket"]["name"], detail["object"]["key"]
          folder, _, name = key.rpartition("/")
          if name != "RTAComplete.txt" or not folder:
              return log(skipped=key)
          run = folder.rsplit("/", 1)[-1]  # <prefix>/<RunFolder>/RTAComplete.txt
          done = update(run, "SET #s = :a, #i = :i, ArrivedAt = :t",
                        "attribute_not_exists(RunId) OR #s = :f",
                        a="Arrived", f="Failed", i=f"s3://{bucket}/{folder}/", t=int(time.time()))
          log(runId=run, runStatus="Arrived" if done else None, duplicate=not done)

      def start(run):
          # Only one invocation gets past this write.
          item = update(run, "SET #s = :s, RunAttempt = if_not_exists(RunAttempt, :z) + :o, "
                        "StartedAt = :t REMOVE JobId", "#s = :a",
                        s="Started", a="Arrived", z=0, o=1, t=int(time.time()))
          if not item:
              return None
          attempt = int(item["RunAttempt"])
          try:
              job = batch.submit_job(
                  jobName=re.sub(r"[^A-Za-z0-9_-]", "-", f"run-{run}-{attempt}")[:128],
                  jobQueue=os.environ["JOB_QUEUE"], jobDefinition=os.environ["JOB_DEFINITION"],
                  parameters={"input": item["Input"],
                              "outdir": f"s3://{os.environ['RESULTS_BUCKET']}/runs/{run}/"},
                  containerOverrides={"environment": [{"name": "GENEXOMICS_RUN_ID", "value": run}]},
              )["jobId"]
          except Exception:
              # Give the run back for a retried invocation or the next transfer.
              update(run, "SET #s = :a", "#s = :s AND RunAttempt = :n", a="Arrived", s="Started", n=attempt)
              raise
          update(run, "SET JobId = :j", j=job)
          log(runId=run, jobId=job, runStatus="Started", attempt=attempt)
          return job

      def transferred(event):
          state, execution = event["detail"]["State"], event["resources"][0]
          if state == "ERROR":
              item = update(TRANSFER["RunId"], "ADD FailedInARow :o SET LastExecution = :e", o=1, e=execution)
              return log(datasyncState=state, execution=execution,
                         consecutiveFailures=int(item["FailedInARow"]))
          table.put_item(Item={**TRANSFER, "FailedInARow": 0, "LastExecution": execution})
          scan, runs = {"FilterExpression": Attr("Status").eq("Arrived")}, []
          while True:
              page = table.scan(**scan)
              runs += [item["RunId"] for item in page["Items"]]
              if "LastEvaluatedKey" not in page:
                  break
              scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]
          return [run for run in runs if start(run)]

      def handler(event, context):
          if "rerun" in event:
              run = str(event["rerun"])
              again = update(run, "SET #s = :a", "#s = :f OR (#s = :s AND attribute_not_exists(JobId))",
                             a="Arrived", f="Failed", s="Started")
              return {"runId": run, "jobId": start(run) if again else None}
          if event.get("source") == "aws.s3":
              return arrived(event["detail"])
          if event.get("source") == "aws.datasync":
              return {"started": transferred(event)}
      """#),
    role: triggerRole, timeout: .minutes(5), memory: 256,
    environment: [
      "RUN_STATUS_TABLE": Data.runStatusTable.tableName,
      "JOB_QUEUE": Compute.headJobQueue.arn,
      "JOB_DEFINITION": headJobDefinition,
      "RESULTS_BUCKET": Storage.resultsBucket.bucketName,
    ],
    environmentKey: Keys.messagingKey.arn, vpc: inVPC, deadLetterQueue: triggerDeadLetterQueue.arn,
    logKey: Keys.logsKey.arn, suppressions: [noReservedConcurrency])

  /// Said once for the three functions: see the type's comment.
  static let noReservedConcurrency = Suppression(
    checkov: "CKV_AWS_115",
    reason:
      "No reserved concurrency: an account on the new-account Lambda quota (10) cannot reserve any, and a few events an hour need none."
  )

  /// Maps the head job's Batch states to the table's: RUNNING → Processing, SUCCEEDED →
  /// Complete, FAILED → Failed (Batch reports FAILED only after the last retry attempt).
  ///
  /// Every 30 minutes it is also the watchdog: a head job RUNNABLE for more than an hour (the
  /// usual sign that instances cannot join ECS: no route to an endpoint, a bad AMI, no
  /// capacity) and a run `Started` for more than two hours without reaching `Processing`
  /// each give one `{"stuck": true, ...}` line, which the monitoring stack alarms on.
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

      from boto3.dynamodb.conditions import Attr

      batch = boto3.client("batch")
      table = boto3.resource("dynamodb").Table(os.environ["RUN_STATUS_TABLE"])
      STATUSES = {"RUNNING": "Processing", "SUCCEEDED": "Complete", "FAILED": "Failed"}
      RUNNABLE_LIMIT_SECONDS = 3600
      STARTED_LIMIT_SECONDS = 7200


      def watch():
          now = int(time.time())
          stuck = []
          pages = batch.get_paginator("list_jobs").paginate(
              jobQueue=os.environ["JOB_QUEUE"], jobStatus="RUNNABLE")
          for page in pages:
              for job in page["jobSummaryList"]:
                  waited = now - job.get("createdAt", now * 1000) // 1000
                  if waited > RUNNABLE_LIMIT_SECONDS:
                      stuck.append({"jobId": job["jobId"], "jobName": job.get("jobName"),
                                    "batchStatus": "RUNNABLE", "waitedSeconds": waited})
          scan = {"FilterExpression": Attr("Status").eq("Started")}
          while True:
              page = table.scan(**scan)
              for item in page.get("Items", []):
                  waited = now - int(item.get("StartedAt", now))
                  if waited > STARTED_LIMIT_SECONDS:
                      stuck.append({"runId": item["RunId"], "jobId": item.get("JobId"),
                                    "runStatus": "Started", "waitedSeconds": waited})
              if "LastEvaluatedKey" not in page:
                  break
              scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]
          for entry in stuck:
              print(json.dumps({"stuck": True, **entry}))
          return {"stuck": len(stuck)}


      def run_id_of(job):
          for variable in job.get("container", {}).get("environment", []):
              if variable.get("name") == "GENEXOMICS_RUN_ID":
                  return variable.get("value")
          # Fallback: the trigger sets outdir to s3://<results>/runs/<RunId>/.
          outdir = job.get("parameters", {}).get("outdir", "")
          return outdir.rstrip("/").rsplit("/", 1)[-1] or None


      def handler(event, context):
          if event.get("detail-type") == "Scheduled Event":
              return watch()
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
    role: statusRole, timeout: .seconds(60), memory: 256,
    environment: [
      "RUN_STATUS_TABLE": Data.runStatusTable.tableName, "JOB_QUEUE": Compute.headJobQueue.arn,
    ],
    environmentKey: Keys.messagingKey.arn, vpc: inVPC, deadLetterQueue: statusDeadLetterQueue.arn,
    logKey: Keys.logsKey.arn, suppressions: [noReservedConcurrency])

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
    logKey: Keys.logsKey.arn,
    suppressions: [
      noReservedConcurrency,
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

  /// A run's marker arrived: `Object Created` in the raw bucket for a key ending
  /// `RTAComplete.txt`. The run is recorded, and starts with the next successful transfer.
  public static let runCompleteRule = EventRule(
    "RunCompleteRule", name: "run-complete",
    description: "A run folder's RTAComplete.txt is in the raw bucket: record the run as Arrived.",
    matching: EventPattern(
      source: "aws.s3", detailType: "Object Created",
      detail: [
        .field("bucket.name", .equals(Storage.rawBucket.bucketName)),
        .field("object.key", .suffix("RTAComplete.txt")),
      ]),
    targets: [
      .lambda(triggerFunction, deadLetterQueue: triggerDeadLetterQueue.arn, retry: deliverForADay)
    ])

  /// A NAS-to-raw execution ended: on success every file it listed is in S3 and verified, so
  /// the runs whose marker has arrived are complete and start; on error the trigger counts it.
  public static let transferStateRule = EventRule(
    "TransferStateRule", name: "transfer-state",
    description: "A NAS-to-raw DataSync execution ended: start complete runs, or count the failure.",
    matching: EventPattern(
      source: "aws.datasync", detailType: "DataSync Task Execution State Change",
      resources: [.prefix(Ingestion.transferTask.arn)],
      detail: [.field("State", .equals("SUCCESS"), .equals("ERROR"))]),
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

  /// Every 30 minutes: look for head jobs and runs that are stuck.
  public static let watchdogRule = EventRule(
    "WatchdogRule", name: "watchdog",
    description: "Look for Nextflow head jobs stuck RUNNABLE and runs left Started.",
    schedule: "rate(30 minutes)",
    targets: [
      .lambda(statusFunction, deadLetterQueue: statusDeadLetterQueue.arn, retry: deliverForADay)
    ])

  public static var functions: [LambdaFunction] {
    [triggerFunction, statusFunction, packagerFunction]
  }

  public static var stack: Stack {
    Stack(
      "orchestration",
      description:
        "GeneXOmics orchestration: the trigger that waits for complete runs, run-status recording, the watchdog and Quilt packaging."
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
      transferStateRule
      headJobStateRule
      headJobSucceededRule
      watchdogRule
    }
  }
}
