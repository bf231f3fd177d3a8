import Blueprints
import Formation
import Template
import Testing

/// The compute family: exact lowering of every type, and each render-time error with its
/// message and the line that caused it.
@Suite struct ComputeTests {
  static let dataKey = KMSKey("DataKey", description: "data")
  static let logsKey = KMSKey("LogsKey", description: "logs")
  static let vpc = Vpc("Vpc", cidr: "10.20.0.0/16")
  static let subnet = Subnet("Subnet", vpc: vpc, cidr: .literal("10.20.0.0/20"), zone: .index(0))
  static let group = SecurityGroup("Workers", vpc: vpc, description: "workers")
  static let instanceRole = Role(
    "InstanceRole", name: "batch-instance", description: "ECS agent",
    trust: [.assume(by: .service("ec2.amazonaws.com"))],
    instanceProfile: true)
  static let launchTemplate = LaunchTemplate(
    "BatchLaunchTemplate", name: "batch", volumes: [.init(sizeGiB: 200, key: dataKey.arn)])
  static let spot = ComputeEnvironment(
    "Spot", name: "workers", capacity: .spot(), instanceTypes: ["c5", "r5"],
    maxvCpus: Value.ref("WorkerMaxvCpus"),
    subnets: [subnet.id], securityGroups: [group.id],
    instanceProfile: instanceRole.instanceProfileARN,
    launchTemplate: launchTemplate)

  private func lower(_ declaration: any ResourceDeclaration) -> (
    resources: [LoweredResource], errors: [RenderError]
  ) {
    var context = LoweringContext(applicationName: "app")
    let resources = declaration.lower(into: &context)
    return (resources, context.errors)
  }

  private func properties(_ declaration: any ResourceDeclaration) -> Value {
    lower(declaration).resources.first.map { .map($0.resource.properties) } ?? nil
  }

  @Test func launchTemplateEncryptsVolumesAndRequiresIMDSv2() {
    let (resources, errors) = lower(Self.launchTemplate)
    #expect(errors.isEmpty)
    #expect(resources.first?.resource.type == "AWS::EC2::LaunchTemplate")
    #expect(
      properties(Self.launchTemplate) == [
        "LaunchTemplateName": .sub("app-${Environment}-batch"),
        "LaunchTemplateData": [
          "BlockDeviceMappings": [
            [
              "DeviceName": "/dev/xvda",
              "Ebs": [
                "VolumeSize": 200, "VolumeType": "gp3", "Encrypted": true,
                "KmsKeyId": .getAtt("DataKey", "Arn"),
                "DeleteOnTermination": true,
              ],
            ]
          ],
          "MetadataOptions": [
            "HttpEndpoint": "enabled", "HttpTokens": "required", "HttpPutResponseHopLimit": 1,
          ],
        ],
      ])
  }

  @Test func launchTemplateChecksItsVolumesAndHopLimit() {
    let line = #line + 1
    let template = LaunchTemplate(
      "Broken", name: "broken", volumes: [.init(sizeGiB: 0, key: Self.dataKey.arn)],
      metadataHopLimit: 0)
    let errors = lower(template).errors
    #expect(errors.map(\.id) == [.invalidValue, .invalidValue])
    #expect(errors.map(\.location.line) == [line, line])
    #expect(
      errors.map(\.message) == [
        "launch template 'Broken': the metadata hop limit must be 1 to 64, not 0",
        "launch template 'Broken': volume /dev/xvda must be 1 to 16384 GiB, not 0",
      ])
  }

  @Test func spotComputeEnvironmentScalesToZeroWithTheServiceLinkedRole() {
    let (resources, errors) = lower(Self.spot)
    #expect(errors.isEmpty)
    #expect(resources.first?.resource.type == "AWS::Batch::ComputeEnvironment")
    #expect(
      properties(Self.spot) == [
        "Type": "MANAGED",
        "ComputeEnvironmentName": .sub("app-${Environment}-workers"),
        "State": "ENABLED",
        "ComputeResources": [
          "Type": "SPOT", "AllocationStrategy": "SPOT_CAPACITY_OPTIMIZED", "MinvCpus": 0,
          "MaxvCpus": .ref("WorkerMaxvCpus"), "InstanceTypes": ["c5", "r5"],
          "Subnets": [.ref("Subnet")],
          "SecurityGroupIds": [.getAtt("Workers", "GroupId")],
          "InstanceRole": .getAtt("InstanceRoleInstanceProfile", "Arn"),
          "LaunchTemplate": [
            "LaunchTemplateId": .ref("BatchLaunchTemplate"),
            "Version": .getAtt("BatchLaunchTemplate", "LatestVersionNumber"),
          ],
          "Ec2Configuration": [["ImageType": "ECS_AL2023"]],
        ],
        "ReplaceComputeEnvironment": false,
        "UpdatePolicy": ["TerminateJobsOnUpdate": false, "JobExecutionTimeoutMinutes": 30],
      ])
  }

  @Test func onDemandComputeEnvironmentUsesBestFitProgressive() {
    let head = ComputeEnvironment(
      "Head", name: "head", capacity: .onDemand(), instanceTypes: ["m5"], maxvCpus: 8,
      subnets: [Self.subnet.id],
      securityGroups: [Self.group.id], instanceProfile: Self.instanceRole.instanceProfileARN)
    let resources = properties(head)["ComputeResources"]
    #expect(resources?["Type"] == "EC2")
    #expect(resources?["AllocationStrategy"] == "BEST_FIT_PROGRESSIVE")
    #expect(resources?["MaxvCpus"] == 8)
    #expect(resources?["LaunchTemplate"] == nil)
  }

  @Test func computeEnvironmentLimitsAreChecked() {
    let line = #line + 1
    let broken = ComputeEnvironment(
      "Broken", name: "broken", capacity: .spot(.priceCapacityOptimized), instanceTypes: [],
      minvCpus: 16,
      maxvCpus: 8, subnets: [], securityGroups: [],
      instanceProfile: Self.instanceRole.instanceProfileARN)
    let errors = lower(broken).errors
    #expect(errors.map(\.id) == [.invalidValue, .invalidValue, .invalidValue, .invalidValue])
    #expect(Set(errors.map(\.location.line)) == [line])
    #expect(
      errors.map(\.message) == [
        "compute environment 'Broken': maxvCpus 8 must be at least 1 and at least minvCpus 16",
        "compute environment 'Broken' lists no instance types; name families (c5) or types (m5.large)",
        "compute environment 'Broken' has no subnets",
        "compute environment 'Broken' has no security group; instances would get the VPC's default group",
      ])
  }

  @Test func jobQueueOrdersItsComputeEnvironments() {
    let queue = JobQueue("Workers", name: "workers", priority: 10, computeEnvironments: [Self.spot])
    #expect(lower(queue).errors.isEmpty)
    #expect(
      properties(queue) == [
        "JobQueueName": .sub("app-${Environment}-workers"), "Priority": 10, "State": "ENABLED",
        "ComputeEnvironmentOrder": [["Order": 1, "ComputeEnvironment": .ref("Spot")]],
      ])
    let line = #line + 1
    let broken = JobQueue("Broken", name: "broken", priority: 1001, computeEnvironments: [])
    #expect(
      lower(broken).errors.map(\.message) == [
        "job queue 'Broken': priority must be 0 to 1000, not 1001",
        "job queue 'Broken' needs 1 to 3 compute environments, not 0",
      ])
    #expect(lower(broken).errors.map(\.location.line) == [line, line])
  }

  static let repository = EcrRepository(
    "NextflowRepository", name: "nextflow", key: dataKey.arn,
    lifecycle: [.expireUntagged(after: .days(7)), .keepLast(100)])

  @Test func repositoryIsImmutableScannedEncryptedAndRetained() throws {
    let (resources, errors) = lower(Self.repository)
    #expect(errors.isEmpty)
    let repository = try #require(resources.first?.resource)
    #expect(repository.type == "AWS::ECR::Repository")
    #expect(repository.deletionPolicy == "Retain")
    #expect(repository.updateReplacePolicy == "Retain")
    let properties = Value.map(repository.properties)
    #expect(properties["RepositoryName"] == .sub("app-${Environment}-nextflow"))
    #expect(properties["ImageTagMutability"] == "IMMUTABLE")
    #expect(properties["ImageScanningConfiguration"] == ["ScanOnPush": true])
    #expect(
      properties["EncryptionConfiguration"] == [
        "EncryptionType": "KMS", "KmsKey": .getAtt("DataKey", "Arn"),
      ])
    #expect(properties["EmptyOnDelete"] == false)
    #expect(
      properties.mapValue?.keys == [
        "RepositoryName", "ImageTagMutability", "ImageScanningConfiguration",
        "EncryptionConfiguration",
        "LifecyclePolicy", "EmptyOnDelete",
      ])
  }

  @Test func lifecyclePolicyTextIsGeneratedFromTypedRules() throws {
    let text = try #require(
      properties(Self.repository)["LifecyclePolicy"]?["LifecyclePolicyText"]?.stringValue)
    let policy = try Value.parse(Array(text.utf8), file: "policy.json", format: .json)
    #expect(
      policy == [
        "rules": [
          [
            "rulePriority": 1, "description": "Expire untagged images 7 days after push",
            "selection": [
              "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days",
              "countNumber": 7,
            ],
            "action": ["type": "expire"],
          ],
          [
            "rulePriority": 2, "description": "Keep the newest 100 images",
            "selection": [
              "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 100,
            ],
            "action": ["type": "expire"],
          ],
        ]
      ])
  }

  @Test func anyTagStatusRuleMustBeLast() {
    let line = #line + 1
    let repository = EcrRepository(
      "Broken", name: "broken", key: Self.dataKey.arn,
      lifecycle: [.keepLast(10), .expireUntagged(after: .hours(12))])
    let errors = lower(repository).errors
    #expect(errors.map(\.id) == [.invalidImageLifecycle, .invalidImageLifecycle])
    #expect(errors.map(\.location.line) == [line, line])
    #expect(
      errors.map(\.message) == [
        "repository 'Broken': the keep-last rule for any tag status must be the last rule; ECR rejects rules after it",
        "repository 'Broken': ECR counts image age in whole days (at least 1), not 12 hours",
      ])
  }

  @Test func repositoryNamesAreChecked() {
    let line = #line + 1
    let repository = EcrRepository(
      "Bad", name: "Cell_Ranger/", key: Self.dataKey.arn, lifecycle: [.keepLast(1)])
    let errors = lower(repository).errors
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(errors.map(\.location.line) == [line])
  }

  @Test func imageURIsNameTheirTag() {
    #expect(
      Self.repository.image(tag: "24.10.4") == .sub("${NextflowRepository.RepositoryUri}:24.10.4"))
    #expect(
      Self.repository.image(tag: Value.ref("ImageTag"))
        == .sub("${NextflowRepository.RepositoryUri}:${ImageTag}"))
  }

  static let logs = LogGroup("JobLogs", key: logsKey.arn)
  static let jobRole = Role(
    "JobRole", name: "job", description: "job",
    trust: [.assume(by: .service("ecs-tasks.amazonaws.com"))])

  @Test func jobDefinitionLowersEveryContainerSetting() {
    let definition = JobDefinition(
      "Head", name: "head",
      container: .init(
        image: Self.repository.image(tag: "1.0"), command: ["nextflow", "run", "Ref::input"],
        vcpus: 2,
        memory: .gibibytes(4), jobRole: Self.jobRole.arn,
        environment: [.init("NXF_WORK", "s3://work/work")],
        logGroup: Self.logs, logStreamPrefix: "head"),
      parameters: [("input", "s3://raw/run")],
      retry: RetryStrategy(
        attempts: 3, rules: [.retry(whenStatusReason: "Host EC2*"), .exit(whenReason: "*")]),
      timeout: .hours(48))
    #expect(lower(definition).errors.isEmpty)
    #expect(
      properties(definition) == [
        "Type": "container",
        "JobDefinitionName": .sub("app-${Environment}-head"),
        "PlatformCapabilities": ["EC2"],
        "Parameters": ["input": "s3://raw/run"],
        "ContainerProperties": [
          "Image": .sub("${NextflowRepository.RepositoryUri}:1.0"),
          "Command": ["nextflow", "run", "Ref::input"],
          "ResourceRequirements": [
            ["Type": "VCPU", "Value": "2"], ["Type": "MEMORY", "Value": "4096"],
          ],
          "JobRoleArn": .getAtt("JobRole", "Arn"),
          "Environment": [["Name": "NXF_WORK", "Value": "s3://work/work"]],
          "Privileged": false,
          "ReadonlyRootFilesystem": false,
          "LogConfiguration": [
            "LogDriver": "awslogs",
            "Options": [
              "awslogs-group": .ref("JobLogs"), "awslogs-region": .ref("AWS::Region"),
              "awslogs-stream-prefix": "head",
            ],
          ],
        ],
        "RetryStrategy": [
          "Attempts": 3,
          "EvaluateOnExit": [
            ["OnStatusReason": "Host EC2*", "Action": "RETRY"],
            ["OnReason": "*", "Action": "EXIT"],
          ],
        ],
        "Timeout": ["AttemptDurationSeconds": 172_800],
        "PropagateTags": true,
      ])
  }

  @Test func jobDefinitionErrorsPointAtTheDeclaration() {
    let line = #line + 1
    let definition = JobDefinition(
      "Broken", name: "broken",
      container: .init(
        image: "busybox", command: ["echo"], vcpus: 0, memory: .mebibytes(2),
        environment: [.init("AWS_BATCH_JOB_ID", "x")]),
      parameters: [("unused", "")],
      retry: RetryStrategy(
        attempts: 11, rules: [.retry(whenStatusReason: "Host EC2 (i-*"), .exit(whenExitCode: "1a")]),
      timeout: .seconds(30))
    let errors = lower(definition).errors
    #expect(
      errors.map(\.id) == [
        .invalidValue, .invalidValue, .invalidValue, .invalidValue, .invalidValue, .invalidValue,
        .invalidRetryRule,
        .invalidRetryRule,
      ])
    #expect(Set(errors.map(\.location.line)) == [line])
    #expect(
      errors.map(\.message) == [
        "job definition 'Broken': a job needs at least 1 vCPU, not 0",
        "job definition 'Broken': Batch needs at least 4 MiB of memory, not 2",
        "job definition 'Broken': Batch timeouts are at least 60 seconds, not 30 seconds",
        "job definition 'Broken': environment variable AWS_BATCH_JOB_ID is reserved by Batch (AWS_BATCH*)",
        "job definition 'Broken': parameter 'unused' is not used as Ref::unused in the command",
        "job definition 'Broken': retry attempts must be 1 to 10, not 11",
        "job definition 'Broken': the status reason pattern 'Host EC2 (i-*' may contain only letters, digits, periods, colons and spaces, optionally ending with *",
        "job definition 'Broken': the exit code pattern '1a' must be digits, optionally ending with *",
      ])
  }
}

/// The seed's compute, as the blueprints render it.
@Suite struct ComputeBlueprintTests {
  static let stacks: [RenderedStack] = (try? GeneXOmics.application.render()) ?? []

  func compute() throws -> Template {
    try #require(Self.stacks.first { $0.name == "compute" }?.template)
  }

  func resources(_ type: String) throws -> [(id: String, resource: Resource)] {
    try compute().resources.entries.filter { $0.value.type == type }.map { ($0.key, $0.value) }
  }

  @Test func fourImmutableScannedEncryptedRepositories() throws {
    let repositories = try resources("AWS::ECR::Repository")
    #expect(
      repositories.map { $0.resource.properties["RepositoryName"] } == [
        .sub("genexomics-${Environment}-cellranger"), .sub("genexomics-${Environment}-bcl2fastq"),
        .sub("genexomics-${Environment}-scanpy"), .sub("genexomics-${Environment}-nextflow"),
      ])
    for (id, repository) in repositories {
      #expect(repository.properties["ImageTagMutability"] == "IMMUTABLE", "\(id)")
      #expect(repository.properties["ImageScanningConfiguration"] == ["ScanOnPush": true], "\(id)")
      #expect(repository.properties["EncryptionConfiguration"]?["EncryptionType"] == "KMS", "\(id)")
      #expect(repository.properties["LifecyclePolicy"]?["LifecyclePolicyText"] != nil, "\(id)")
    }
  }

  @Test func spotWorkersAndOnDemandHeadUseTheServiceLinkedRole() throws {
    let environments = try resources("AWS::Batch::ComputeEnvironment")
    #expect(environments.map(\.id) == ["WorkerComputeEnvironment", "HeadComputeEnvironment"])
    let workers = environments[0].resource.properties["ComputeResources"]
    #expect(workers?["Type"] == "SPOT")
    #expect(workers?["AllocationStrategy"] == "SPOT_CAPACITY_OPTIMIZED")
    #expect(workers?["InstanceTypes"] == ["c5", "r5"])
    #expect(workers?["MinvCpus"] == 0)
    #expect(workers?["MaxvCpus"] == .ref("WorkerMaxvCpus"))
    let head = environments[1].resource.properties["ComputeResources"]
    #expect(head?["Type"] == "EC2")
    #expect(head?["MinvCpus"] == 0)
    for ((id, environment), template) in zip(environments, ["WorkerLaunchTemplate", "HeadLaunchTemplate"]) {
      #expect(environment.properties["ServiceRole"] == nil, "\(id)")
      #expect(
        environment.properties["ComputeResources"]?["LaunchTemplate"]?["LaunchTemplateId"]
          == .ref(template), "\(id)")
    }
  }

  /// R2: the workers' disk holds a NovaSeq run staged twice (BCL in, FASTQ out), the head's only
  /// Nextflow; both encrypted with the data key, and (with the instances) tagged.
  @Test func workersHaveRoomForADemultiplexedRun() throws {
    let templates = try resources("AWS::EC2::LaunchTemplate")
    #expect(templates.map(\.id) == ["WorkerLaunchTemplate", "HeadLaunchTemplate"])
    for ((id, template), size) in zip(templates, [4096, 100]) {
      let data = template.properties["LaunchTemplateData"]
      let volume = data?["BlockDeviceMappings"]?.listValue?.first?["Ebs"]
      #expect(volume?["VolumeSize"] == .number(size), "\(id)")
      #expect(volume?["Encrypted"] == true, "\(id)")
      let tagged = data?["TagSpecifications"]?.listValue?.compactMap { $0["ResourceType"] }
      #expect(tagged == ["instance", "volume"], "\(id)")
      let tags = data?["TagSpecifications"]?.listValue?.first?["Tags"]?.listValue ?? []
      #expect(
        tags.compactMap { $0["Key"]?.stringValue }
          == ["Project", "Environment", "Owner", "CostCenter", "ManagedBy"], "\(id)")
      #expect(tags.first { $0["Key"] == "Environment" }?["Value"] == .ref("Environment"), "\(id)")
    }
  }

  /// R5: the head job writes Nextflow's AWS settings from the job definition's environment, so
  /// tasks run with the worker role and log to the one group the instance role may write.
  @Test func headJobSuppliesNextflowsAWSSettings() throws {
    let definition = try #require(try resources("AWS::Batch::JobDefinition").first?.resource)
    let container = definition.properties["ContainerProperties"]
    let command = container?["Command"]?.listValue?.compactMap(\.stringValue) ?? []
    #expect(command.prefix(2) == ["bash", "-c"])
    #expect(command.suffix(4) == ["nextflow-head", "Ref::pipeline", "Ref::input", "Ref::outdir"])
    let script = command.count > 2 ? command[2] : ""
    for setting in [
      "process.executor = 'awsbatch'", "process.queue = '${GENEXOMICS_WORKER_QUEUE}'",
      "aws.batch.jobRole = '${GENEXOMICS_WORKER_JOB_ROLE}'",
      "aws.batch.logsGroup = '${GENEXOMICS_LOG_GROUP}'", "workDir = '${NXF_WORK}'",
    ] {
      #expect(script.contains(setting), "\(setting)")
    }
    let variables = Dictionary(
      uniqueKeysWithValues: (container?["Environment"]?.listValue ?? []).compactMap {
        entry -> (String, Value)? in
        guard let name = entry["Name"]?.stringValue, let value = entry["Value"] else { return nil }
        return (name, value)
      })
    #expect(variables["GENEXOMICS_WORKER_JOB_ROLE"] == .getAtt("WorkerJobRole", "Arn"))
    #expect(variables["GENEXOMICS_LOG_GROUP"] == .ref("BatchJobLogGroup"))
    #expect(variables["NXF_OFFLINE"] == "true")
  }

  /// D5: the job definition's revisioned ARN is exported to nobody, and the trigger may submit
  /// any revision of it by name.
  @Test func noStackImportsTheRevisionedJobDefinition() throws {
    for stack in Self.stacks {
      for (name, output) in stack.template.outputs.entries.map({ ($0.key, $0.value) }) {
        #expect(output.value != .ref("NextflowHeadJobDefinition"), "\(stack.name) \(name)")
      }
    }
  }

  @Test func queuesRunHeadsBeforeWorkers() throws {
    let queues = try resources("AWS::Batch::JobQueue")
    #expect(queues.map(\.id) == ["HeadJobQueue", "WorkerJobQueue"])
    #expect(queues.map { $0.resource.properties["Priority"] } == [100, 10])
    #expect(
      queues.map { $0.resource.properties["ComputeEnvironmentOrder"] } == [
        [["Order": 1, "ComputeEnvironment": .ref("HeadComputeEnvironment")]],
        [["Order": 1, "ComputeEnvironment": .ref("WorkerComputeEnvironment")]],
      ])
  }

  @Test func headJobWorksOnTheWorkBucketAndRetriesSpotInterruptions() throws {
    let definition = try #require(try resources("AWS::Batch::JobDefinition").first?.resource)
    let container = definition.properties["ContainerProperties"]
    #expect(container?["Image"] == .sub("${NextflowRepository.RepositoryUri}:${NextflowImageTag}"))
    let environment = container?["Environment"]?.listValue ?? []
    let work = environment.first { $0["Name"] == "NXF_WORK" }?["Value"]
    #expect(
      work
        == .sub(
          "s3://${Bucket}/work",
          [
            "Bucket": .intrinsic(
              .importValue(.sub("genexomics-${Environment}-storage-WorkBucket-Ref")))
          ]))
    #expect(container?["Privileged"] == false)
    #expect(container?["JobRoleArn"] == .getAtt("NextflowHeadJobRole", "Arn"))
    #expect(
      definition.properties["RetryStrategy"] == [
        "Attempts": 3,
        "EvaluateOnExit": [
          ["OnStatusReason": "Host EC2*", "Action": "RETRY"], ["OnReason": "*", "Action": "EXIT"],
        ],
      ])
  }

  @Test func volumesAreEncryptedWithTheDataKeyAndIMDSv2IsRequired() throws {
    let template = try #require(try resources("AWS::EC2::LaunchTemplate").first?.resource)
    let data = template.properties["LaunchTemplateData"]
    #expect(
      data?["BlockDeviceMappings"]?.listValue?.map { $0["Ebs"]?["KmsKeyId"] } == [
        .intrinsic(.importValue(.sub("genexomics-${Environment}-keys-DataKey-Arn")))
      ])
    #expect(data?["MetadataOptions"]?["HttpTokens"] == "required")
    #expect(data?["MetadataOptions"]?["HttpPutResponseHopLimit"] == 1)
  }

  /// Every action of every statement of a role's inline policies, with the statement.
  func statements(of roleID: String) throws -> [Value] {
    let role = try #require(try compute().resources[roleID])
    return (role.properties["Policies"]?.listValue ?? []).flatMap {
      $0["PolicyDocument"]?["Statement"]?.listValue ?? []
    }
  }

  func actions(_ statement: Value) -> [String] {
    let action = statement["Action"]
    return (action?.listValue ?? action.map { [$0] } ?? []).compactMap(\.stringValue)
  }

  @Test func noComputeRoleCanDeleteLogsOrUseWildcardActions() throws {
    for role in ["BatchInstanceRole", "WorkerJobRole", "NextflowHeadJobRole"] {
      let all = try statements(of: role).flatMap(actions)
      #expect(!all.isEmpty, "\(role)")
      #expect(
        !all.contains { $0.hasPrefix("logs:Delete") || $0 == "*" || $0.hasSuffix(":*") }, "\(role)")
      #expect(try compute().resources[role]?.properties["ManagedPolicyArns"] == nil, "\(role)")
    }
  }

  @Test func theHeadPassesOnlyTheWorkerRoleToBatch() throws {
    let passRole = try statements(of: "NextflowHeadJobRole").filter {
      actions($0).contains("iam:PassRole")
    }
    #expect(
      passRole == [
        [
          "Sid": "PassOnlyTheWorkerRole", "Effect": "Allow", "Action": "iam:PassRole",
          "Resource": .getAtt("WorkerJobRole", "Arn"),
          "Condition": [
            "StringEquals": [
              "iam:PassedToService": ["batch.amazonaws.com", "ecs-tasks.amazonaws.com"]
            ]
          ],
        ]
      ])
    let submit = try statements(of: "NextflowHeadJobRole").first {
      actions($0) == ["batch:SubmitJob"]
    }
    #expect(submit?["Resource"]?.listValue?.first == .ref("WorkerJobQueue"))
  }

  @Test func jobRolesAreTheDataKeyUsers() {
    #expect(Compute.dataKeyUsers.map(\.logicalID) == ["NextflowHeadJobRole", "WorkerJobRole"])
    #expect(Compute.dataKeyUsers.map(\.name) == ["nextflow-head-job", "pipeline-worker-job"])
    #expect(Compute.messagingKeyUsers.isEmpty)
  }
}
