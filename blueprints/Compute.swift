import Formation

/// AWS Batch for the Nextflow pipeline: a small On-Demand environment for the Nextflow head
/// job, a Spot environment of c5 and r5 instances for the workers, one queue each, the head's
/// job definition, the images' ECR repositories, and one least-privilege role per duty.
///
/// **How a run executes.** The trigger submits the head job to `headJobQueue` with the
/// parameters `input` (the run folder in the raw bucket) and `outdir` (its prefix in the
/// results bucket). The head writes the AWS settings Nextflow needs to a config file and runs
/// `nextflow run` with the pipeline baked into its image (`headCommand`), registers one job
/// definition per container (`nf-...`) and submits the tasks to `workerJobQueue`.
/// Intermediate files go to the work bucket (`NXF_WORK`).
///
/// **What the templates supply and what the images must carry.** The settings that name this
/// deployment's resources come from the job definition, so no image is built per environment:
/// `process.queue` (the worker queue), `aws.batch.jobRole` (the worker role: the metadata hop
/// limit of 1 keeps containers from the instance role, so tasks need a role of their own),
/// `aws.batch.logsGroup` (the one group the instance role may write; Batch's default
/// `/aws/batch/job` would be refused) and `workDir`. The head image must carry Nextflow, the
/// pipeline at `/opt/genexomics/main.nf` and the `nf-amazon` plugin (`NXF_OFFLINE` is true:
/// the VPC has no route to the plugin registry); each task image must carry the AWS CLI
/// (`aws` on the `PATH`), which Nextflow uses to stage files from and to S3. The operator's
/// guide (`docs/genexomics.md`) lists them with the commands that check an image.
///
/// **Why no `ServiceRole`.** Both environments use Batch's service-linked role
/// (`AWSServiceRoleForBatch`): AWS maintains it, nobody can widen it, and no role here needs
/// `iam:PassRole` to a broad service role. No Spot Fleet role either: capacity-optimized
/// allocation launches Spot through EC2 Fleet under that service-linked role.
///
/// **Why a scoped inline policy for the instance role instead of
/// `AmazonEC2ContainerServiceforEC2Role`.** The managed policy has no deletes, but it allows
/// pulling every ECR repository and writing every log group in the account (`Resource: *`),
/// and it can change under us. The inline policy allows the ECS agent's actions only on this
/// environment's Batch clusters (named `<compute environment>_Batch_<uuid>`), pulls only
/// these four repositories and writes only the Batch job log group; the few actions IAM
/// cannot scope are listed apart, with the reason.
public enum Compute {
  /// The Spot ceiling: the most vCPUs the workers may use at once, so a runaway pipeline has
  /// a bounded cost. 256 vCPUs run about 16 Cell Ranger samples side by side.
  public static let workerMaxvCpus = StackParameter(
    "WorkerMaxvCpus", .number,
    description: "Most vCPUs the Spot worker environment may run at once.",
    default: 256, minValue: 16, maxValue: 4096)

  /// The Nextflow head image to run; tags are immutable, so a tag names exactly one image.
  public static let nextflowImageTag = StackParameter(
    "NextflowImageTag", description: "Tag of the Nextflow head image in the nextflow repository.",
    default: "24.10.4", allowedPattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$",
    constraintDescription: "a Docker image tag")

  // MARK: Logs and images

  /// Every Batch container's output, the head's and the workers', encrypted with the logs key
  /// and kept a year. Not Batch's default `/aws/batch/job`, which would be unencrypted.
  public static let jobLogGroup = LogGroup(
    "BatchJobLogGroup", name: Value.sub("/genexomics/${Environment}/batch-jobs"),
    key: Keys.logsKey.arn)

  /// Untagged images (failed or superseded pushes) go after a week; the newest 100 images are
  /// kept, years of tool releases, so old runs stay reproducible with the exact image they used.
  static let imageLifecycle: [ImageLifecycleRule] = [
    .expireUntagged(after: .days(7)), .keepLast(100),
  ]

  public static let cellrangerRepository = EcrRepository(
    "CellrangerRepository", name: "cellranger", key: Keys.dataKey.arn, lifecycle: imageLifecycle)
  public static let bcl2fastqRepository = EcrRepository(
    "Bcl2fastqRepository", name: "bcl2fastq", key: Keys.dataKey.arn, lifecycle: imageLifecycle)
  public static let scanpyRepository = EcrRepository(
    "ScanpyRepository", name: "scanpy", key: Keys.dataKey.arn, lifecycle: imageLifecycle)
  public static let nextflowRepository = EcrRepository(
    "NextflowRepository", name: "nextflow", key: Keys.dataKey.arn, lifecycle: imageLifecycle)
  public static var repositories: [EcrRepository] {
    [cellrangerRepository, bcl2fastqRepository, scanpyRepository, nextflowRepository]
  }

  // MARK: Instances

  /// Workers' root volume, which also holds Docker's images and every task's scratch, shared
  /// by all the tasks Batch packs on one instance: Nextflow stages a task's inputs locally, so
  /// demultiplexing a NovaSeq run (up to about 1.5 TB of BCL in, as much FASTQ out) needs
  /// twice the run on one disk. 4 TiB of gp3, encrypted with the data key; it exists only
  /// while an instance runs (about USD 0.45 an hour). IMDSv2 only, hop limit 1 (the
  /// `LaunchTemplate` defaults): jobs can't reach the instance role.
  public static let workerLaunchTemplate = LaunchTemplate(
    "WorkerLaunchTemplate", name: "batch-workers",
    volumes: [.init(sizeGiB: 4096, key: Keys.dataKey.arn)])

  /// The head only runs Nextflow (a JVM and its cache): 100 GiB is ample.
  public static let headLaunchTemplate = LaunchTemplate(
    "HeadLaunchTemplate", name: "batch-head",
    volumes: [.init(sizeGiB: 100, key: Keys.dataKey.arn)])

  /// The ECS agent on every Batch instance. See the type's comment for why it is inline.
  public static let instanceRole = Role(
    "BatchInstanceRole", name: "batch-instance",
    description:
      "ECS agent on GeneXOmics Batch instances: register, pull the pipeline images, write job logs.",
    trust: [.assume(by: .service("ec2.amazonaws.com"))],
    policies: [
      InlinePolicy(
        "EcsAgent",
        [
          .allow(
            [
              "ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance",
              "ecs:UpdateContainerInstancesState",
              "ecs:SubmitContainerStateChange", "ecs:SubmitTaskStateChange",
              "ecs:SubmitAttachmentStateChanges",
              "ecs:Poll", "ecs:StartTelemetrySession",
            ],
            on: [
              Value.sub(
                "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/genexomics-${Environment}-*"
              ),
              Value.sub(
                "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/genexomics-${Environment}-*"
              ),
            ], sid: "EcsAgentOnPipelineClusters"),
          // These three support no resource-level permissions: IAM only accepts `*` for them.
          .allow(
            ["ecs:DiscoverPollEndpoint", "ec2:DescribeTags", "ecr:GetAuthorizationToken"],
            on: ["*"],
            sid: "ActionsWithoutResourceTypes"),
          .allow(
            ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            on: [
              cellrangerRepository.arn, bcl2fastqRepository.arn, scanpyRepository.arn,
              nextflowRepository.arn,
            ],
            sid: "PullPipelineImages"),
          .allow(
            ["logs:CreateLogStream", "logs:PutLogEvents"], on: [jobLogGroup.arn],
            sid: "WriteJobLogs"),
        ])
    ],
    instanceProfile: true)

  /// Batch runs job containers as ECS tasks, so job roles trust ECS tasks, and only on behalf
  /// of this account's ECS resources (the confused deputy guard).
  static let ecsTaskTrust = Grant.assume(
    by: .service("ecs-tasks.amazonaws.com"),
    when: [
      .stringEquals("aws:SourceAccount", AWS.accountID),
      .arnLike(
        "aws:SourceArn", Value.sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*")),
    ])

  /// Reading and writing the pipeline's objects needs the data key: S3 encrypts with it.
  static let useDataKey = Permission.allow(
    ["kms:Decrypt", "kms:GenerateDataKey"], on: [Keys.dataKey.arn], sid: "UseDataKeyForS3")

  /// What every pipeline task does: read the run, the references and the scratch; write
  /// scratch and results. No delete anywhere, no other bucket.
  public static let workerJobRole = Role(
    "WorkerJobRole", name: "pipeline-worker-job",
    description:
      "Pipeline tasks (bcl2fastq, Cell Ranger, Scanpy): read inputs and references, write work and results.",
    trust: [ecsTaskTrust],
    policies: [
      InlinePolicy(
        "PipelineWorker",
        [
          .allow(
            ["s3:ListBucket", "s3:GetBucketLocation"],
            on: [
              Storage.rawBucket.arn, Storage.referencesBucket.arn, Storage.workBucket.arn,
              Storage.resultsBucket.arn,
            ],
            sid: "ListPipelineBuckets"),
          .allow(
            ["s3:GetObject"],
            on: [
              Storage.rawBucket.objects, Storage.referencesBucket.objects,
              Storage.workBucket.objects,
            ],
            sid: "ReadInputsReferencesAndWork"),
          .allow(
            ["s3:PutObject", "s3:AbortMultipartUpload"],
            on: [Storage.workBucket.objects, Storage.resultsBucket.objects],
            sid: "WriteWorkAndResults"),
          useDataKey,
        ])
    ])

  /// The Nextflow head: everything a worker reads, plus driving Batch. It may register only
  /// Nextflow's own job definitions (`nf-*`), hand them only the worker role, submit only to
  /// the worker queue, and stop only jobs; it may read its tasks' logs, never delete them.
  public static let headJobRole = Role(
    "NextflowHeadJobRole", name: "nextflow-head-job",
    description:
      "Nextflow head job: submit and watch worker jobs, read inputs, read and write work and results.",
    trust: [ecsTaskTrust],
    policies: [
      InlinePolicy(
        "NextflowHead",
        [
          .allow(
            ["batch:RegisterJobDefinition"],
            on: [
              Value.sub(
                "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/nf-*")
            ],
            sid: "RegisterNextflowJobDefinitions"),
          .allow(
            ["batch:SubmitJob"],
            on: [
              workerJobQueue.arn,
              Value.sub(
                "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/nf-*"),
            ], sid: "SubmitToWorkerQueue"),
          .allow(
            ["batch:TerminateJob", "batch:CancelJob"],
            on: [Value.sub("arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job/*")],
            sid: "StopWorkerJobs"),
          // Batch's Describe and List actions support no resource-level permissions.
          .allow(
            [
              "batch:DescribeJobs", "batch:ListJobs", "batch:DescribeJobDefinitions",
              "batch:DescribeJobQueues",
              "batch:DescribeComputeEnvironments",
            ], on: ["*"], sid: "DescribeBatch"),
          .allow(
            ["iam:PassRole"], on: [workerJobRole.arn],
            when: [
              .stringEquals("iam:PassedToService", "batch.amazonaws.com", "ecs-tasks.amazonaws.com")
            ],
            sid: "PassOnlyTheWorkerRole"),
          .allow(
            ["s3:ListBucket", "s3:GetBucketLocation"],
            on: [
              Storage.rawBucket.arn, Storage.referencesBucket.arn, Storage.workBucket.arn,
              Storage.resultsBucket.arn,
            ],
            sid: "ListPipelineBuckets"),
          .allow(
            ["s3:GetObject"],
            on: [
              Storage.rawBucket.objects, Storage.referencesBucket.objects,
              Storage.workBucket.objects,
              Storage.resultsBucket.objects,
            ], sid: "ReadPipelineObjects"),
          .allow(
            ["s3:PutObject", "s3:AbortMultipartUpload"],
            on: [Storage.workBucket.objects, Storage.resultsBucket.objects],
            sid: "WriteWorkAndResults"),
          // Nextflow removes a finished run's scratch (`cleanup`); only the work bucket.
          .allow(["s3:DeleteObject"], on: [Storage.workBucket.objects], sid: "CleanUpScratch"),
          .allow(["logs:GetLogEvents"], on: [jobLogGroup.arn], sid: "ReadTaskLogs"),
          useDataKey,
        ])
    ])

  // MARK: Environments and queues

  /// Workers: Spot, capacity-optimized (the pools least likely to be interrupted mid-task),
  /// c5 for CPU-bound steps (bcl2fastq) and r5 for memory-bound ones (Cell Ranger, Scanpy),
  /// scaling to zero between runs.
  public static let workerComputeEnvironment = ComputeEnvironment(
    "WorkerComputeEnvironment", name: "workers-spot", capacity: .spot(.capacityOptimized),
    instanceTypes: ["c5", "r5"], minvCpus: 0, maxvCpus: workerMaxvCpus,
    subnets: Network.privateSubnets.map(\.id), securityGroups: [Network.batchSecurityGroup.id],
    instanceProfile: instanceRole.instanceProfileARN, launchTemplate: workerLaunchTemplate)

  /// The head: On-Demand, because an interrupted head loses the run's orchestration state;
  /// small general-purpose instances, at most four heads at once.
  public static let headComputeEnvironment = ComputeEnvironment(
    "HeadComputeEnvironment", name: "head-on-demand", capacity: .onDemand(.bestFitProgressive),
    instanceTypes: ["m5"], minvCpus: 0, maxvCpus: 8,
    subnets: Network.privateSubnets.map(\.id), securityGroups: [Network.batchSecurityGroup.id],
    instanceProfile: instanceRole.instanceProfileARN, launchTemplate: headLaunchTemplate)

  /// The queues use separate environments, so priority only matters if they ever share one;
  /// then heads go first, since a waiting head holds up a whole run.
  public static let headJobQueue = JobQueue(
    "HeadJobQueue", name: "nextflow-head", priority: 100,
    computeEnvironments: [headComputeEnvironment])
  public static let workerJobQueue = JobQueue(
    "WorkerJobQueue", name: "pipeline-workers", priority: 10,
    computeEnvironments: [workerComputeEnvironment])

  // MARK: The head job

  /// The head's command: write the deployment's AWS settings for Nextflow (from the job
  /// definition's environment) and run the pipeline. `$1`..`$3` are the job's `pipeline`,
  /// `input` and `outdir` parameters, which Batch substitutes for the `Ref::` arguments.
  static let headCommand = #"""
    set -euo pipefail
    cat > /tmp/genexomics-aws.config <<CONFIG
    process.executor = 'awsbatch'
    process.queue = '${GENEXOMICS_WORKER_QUEUE}'
    workDir = '${NXF_WORK}'
    aws.region = '${AWS_REGION}'
    aws.batch.jobRole = '${GENEXOMICS_WORKER_JOB_ROLE}'
    aws.batch.logsGroup = '${GENEXOMICS_LOG_GROUP}'
    CONFIG
    exec nextflow run "$1" -c /tmp/genexomics-aws.config --input "$2" --outdir "$3"
    """#

  /// The Nextflow head. Retries: an attempt that ends because its instance went away (status
  /// reason `Host EC2 (instance i-...) terminated.`) is retried, up to 3 attempts; any other
  /// failure is the pipeline's and ends the job. At most 3 days per attempt.
  public static let nextflowHeadJobDefinition = JobDefinition(
    "NextflowHeadJobDefinition", name: "nextflow-head",
    container: .init(
      image: nextflowRepository.image(tag: nextflowImageTag),
      command: ["bash", "-c", headCommand, "nextflow-head", "Ref::pipeline", "Ref::input", "Ref::outdir"],
      vcpus: 2, memory: .mebibytes(4096), jobRole: headJobRole.arn,
      environment: [
        .init("NXF_WORK", sub("s3://${Bucket}/work", ["Bucket": Storage.workBucket.bucketName])),
        // No internet: plugins and the pipeline are in the image; never try to download.
        .init("NXF_OFFLINE", "true"),
        .init("NXF_ANSI_LOG", "false"),
        .init("NXF_OPTS", "-Xms1g -Xmx3g"),
        .init("AWS_REGION", AWS.region),
        .init("GENEXOMICS_WORKER_QUEUE", workerJobQueue.arn),
        .init("GENEXOMICS_WORKER_JOB_ROLE", workerJobRole.arn),
        .init("GENEXOMICS_LOG_GROUP", jobLogGroup.logGroupName),
      ],
      logGroup: jobLogGroup, logStreamPrefix: "nextflow-head"),
    parameters: [("pipeline", "/opt/genexomics/main.nf")],
    retry: RetryStrategy(
      attempts: 3, rules: [.retry(whenStatusReason: "Host EC2*"), .exit(whenReason: "*")]),
    timeout: .hours(72))

  /// Both job roles read and write SSE-KMS objects.
  public static var dataKeyUsers: [Role] { [headJobRole, workerJobRole] }
  public static var messagingKeyUsers: [Role] { [] }

  public static var stack: Stack {
    Stack(
      "compute",
      description:
        "GeneXOmics compute: AWS Batch Spot workers and On-Demand Nextflow head, queues, job definition, ECR repositories."
    ) {
      workerMaxvCpus
      nextflowImageTag
      jobLogGroup
      repositories.map { $0 as any ResourceDeclaration }
      workerLaunchTemplate
      headLaunchTemplate
      instanceRole
      workerJobRole
      headJobRole
      workerComputeEnvironment
      headComputeEnvironment
      headJobQueue
      workerJobQueue
      nextflowHeadJobDefinition
    }
  }
}
