import Blueprints
import Formation
import Template
import Testing

@Suite struct EventsTests {
  typealias H = FamilyHarness

  static let role = Role(
    "FunctionRole", name: "function", description: "r",
    trust: [.assume(by: .service("lambda.amazonaws.com"))])
  static let deadLetters = Queue("DeadLetters", key: H.key.arn)

  static func function(
    code: LambdaFunction.Code = .inline("def handler(event, context):\n    return event\n"),
    handler: String = "index.handler", runtime: LambdaRuntime = .python312,
    timeout: TimeSpan = .seconds(30), memory: Int = 256,
    environment: KeyValuePairs<String, any ValueConvertible> = ["TABLE": "runs"],
    reservedConcurrency: Int? = nil, file: StaticString = #filePath, line: UInt = #line
  ) -> LambdaFunction {
    LambdaFunction(
      "Trigger", name: "trigger", description: "starts runs", runtime: runtime, handler: handler,
      code: code,
      role: role, timeout: timeout, memory: memory, environment: environment,
      environmentKey: H.key.arn,
      deadLetterQueue: deadLetters.arn, reservedConcurrency: reservedConcurrency, logKey: H.key.arn,
      file: file, line: line)
  }

  // MARK: - Event patterns and rules

  @Test func patternNestsDottedFieldsUnderDetail() throws {
    let bucket = Bucket("Raw", encryption: .kms(H.key.arn), eventBridge: true)
    let function = Self.function()
    let rule = EventRule(
      "RunCompleteRule", description: "d",
      matching: EventPattern(
        source: "aws.s3", detailType: "Object Created",
        detail: [
          .field("bucket.name", .equals(bucket.bucketName)),
          .field("object.key", .suffix("RTAComplete.txt")),
        ]),
      targets: [.lambda(function)])
    let resource = try H.resource("RunCompleteRule") {
      H.key
      bucket
      Self.role
      Self.deadLetters
      function
      rule
    }
    #expect(
      resource.properties["EventPattern"]
        == [
          "source": ["aws.s3"], "detail-type": ["Object Created"],
          "detail": [
            "bucket": ["name": [.ref("Raw")]],
            "object": ["key": [["suffix": "RTAComplete.txt"]]],
          ],
        ])
    #expect(resource.properties["State"] == "ENABLED")
  }

  @Test func everyMatcherLowersToItsEventBridgeForm() throws {
    let rule = EventRule(
      "Rule", description: "d",
      matching: EventPattern(
        sources: ["aws.batch"],
        detail: [
          .field("status", .anythingBut(["SUBMITTED"])),
          .field("a", .prefix("x"), .wildcard("y*z")),
          .field("b", .exists(true)), .field("c", .anythingBut(["p", "q"])),
        ]),
      targets: [EventTarget(id: "t", .other("arn:aws:sqs:us-east-1:111122223333:q", role: nil))])
    let resource = try H.resource("Rule") { rule }
    #expect(
      resource.properties["EventPattern"]
        == [
          "source": ["aws.batch"],
          "detail": [
            "status": [["anything-but": "SUBMITTED"]], "a": [["prefix": "x"], ["wildcard": "y*z"]],
            "b": [["exists": true]], "c": [["anything-but": ["p", "q"]]],
          ],
        ])
  }

  @Test func targetWithDeadLetterQueueRetryAndTransformerAndItsPermission() throws {
    let function = Self.function()
    let rule = EventRule(
      "StatusRule", name: "status", description: "job states",
      matching: EventPattern(source: "aws.batch", detailType: "Batch Job State Change"),
      targets: [
        .lambda(
          function, deadLetterQueue: Self.deadLetters.arn,
          retry: .init(attempts: 8, maximumAge: .hours(2)),
          input: .transformer(paths: ["job": "$.detail.jobId"], template: "{\"job\": <job>}"))
      ])
    let (template, errors) = H.render {
      H.key
      Self.role
      Self.deadLetters
      function
      rule
    }
    #expect(errors.isEmpty)
    let resource = try #require(template?.resources["StatusRule"])
    #expect(resource.properties["Name"] == .sub("t-${Environment}-status"))
    #expect(
      resource.properties["Targets"]
        == [
          [
            "Id": "Trigger", "Arn": .getAtt("Trigger", "Arn"),
            "DeadLetterConfig": ["Arn": .getAtt("DeadLetters", "Arn")],
            "RetryPolicy": ["MaximumEventAgeInSeconds": 7200, "MaximumRetryAttempts": 8],
            "InputTransformer": [
              "InputPathsMap": ["job": "$.detail.jobId"], "InputTemplate": "{\"job\": <job>}",
            ],
          ]
        ])
    let permission = try #require(template?.resources["StatusRuleTriggerPermission"])
    #expect(permission.type == "AWS::Lambda::Permission")
    #expect(
      permission.properties
        == [
          "Action": "lambda:InvokeFunction", "FunctionName": .getAtt("Trigger", "Arn"),
          "Principal": "events.amazonaws.com", "SourceAccount": .ref("AWS::AccountId"),
          "SourceArn": .getAtt("StatusRule", "Arn"),
        ])
  }

  @Test func ruleWithoutTargetIsAnError() {
    let line = #line + 1
    let rule = EventRule(
      "Idle", description: "d", matching: EventPattern(source: "aws.s3"), targets: [])
    let errors = H.errors { rule }
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message
        == "event rule 'Idle' has no target: it would match events and do nothing")
  }

  static let anyTarget = EventTarget(
    id: "t", .other("arn:aws:sqs:us-east-1:111122223333:q", role: nil))

  @Test(arguments: [
    (
      EventPattern(sources: []),
      "event rule 'Rule': the pattern needs at least one source (aws.s3, aws.batch, ...)"
    ),
    (
      EventPattern(source: "aws.s3", detail: [.field("object.key", .suffix(""))]),
      "event rule 'Rule': an empty prefix, suffix or wildcard on 'object.key' matches everything; remove it or give the text"
    ),
    (
      EventPattern(
        source: "aws.s3",
        detail: [.field("object", .exists(true)), .field("object.key", .prefix("a"))]),
      "event rule 'Rule': the field 'object.key' overlaps 'object'; match each field once"
    ),
    (
      EventPattern(source: "aws.s3", detail: [.field("object..key", .prefix("a"))]),
      "event rule 'Rule': 'object..key' is not a dotted field path"
    ),
    (
      EventPattern(source: "aws.s3", detail: [.field("object.key")]),
      "event rule 'Rule': the field 'object.key' has no matcher"
    ),
  ])
  func malformedPatternsAreErrors(pattern: EventPattern, message: String) {
    let line = #line + 1
    let rule = EventRule("Rule", description: "d", matching: pattern, targets: [Self.anyTarget])
    let errors = H.errors { rule }
    #expect(errors.map(\.message) == [message])
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(errors.first?.location.line == line)
  }

  @Test(arguments: [
    (
      EventTarget(
        id: "t", .other("arn", role: nil), retry: .init(attempts: 186, maximumAge: .hours(1))),
      "event rule 'Rule': target 't' may retry 0 to 185 times, not 186"
    ),
    (
      EventTarget(
        id: "t", .other("arn", role: nil), retry: .init(attempts: 3, maximumAge: .seconds(30))),
      "event rule 'Rule': target 't' can keep retrying for 1 minute to 24 hours, not 30 seconds"
    ),
    (
      EventTarget(id: "bad id", .other("arn", role: nil)),
      "event rule 'Rule': target id 'bad id' must be 1 to 64 letters, digits, '.', '-' or '_'"
    ),
  ])
  func malformedTargetsAreErrors(target: EventTarget, message: String) {
    let line = #line + 1
    let rule = EventRule(
      "Rule", description: "d", matching: EventPattern(source: "aws.s3"), targets: [target])
    let errors = H.errors { rule }
    #expect(errors.map(\.message) == [message])
    #expect(errors.first?.location.line == line)
  }

  @Test func scheduleMustBeRateOrCron() throws {
    let line = #line + 1
    let rule = EventRule(
      "Nightly", description: "d", schedule: "every night", targets: [Self.anyTarget])
    let errors = H.errors { rule }
    #expect(
      errors.map(\.message) == [
        "event rule 'Nightly': 'every night' is not a schedule: write rate(...) or cron(...)"
      ])
    #expect(errors.first?.location.line == line)
    let good = EventRule(
      "Hourly", description: "d", schedule: "rate(1 hour)", targets: [Self.anyTarget])
    #expect(try H.resource("Hourly") { good }.properties["ScheduleExpression"] == "rate(1 hour)")
  }

  // MARK: - Lambda functions and permissions

  @Test func functionLowersWithItsLogGroupAndExecutionPolicy() throws {
    let function = Self.function()
    let (template, errors) = H.render {
      H.key
      Self.role
      Self.deadLetters
      function
    }
    #expect(errors.isEmpty, "\(errors)")
    let ids = template?.resources.entries.map(\.key) ?? []
    #expect(
      ids == [
        "Key", "FunctionRole", "DeadLetters", "DeadLettersPolicy", "TriggerLogGroup",
        "TriggerExecutionPolicy", "Trigger",
      ])
    let resource = try #require(template?.resources["Trigger"])
    #expect(resource.dependsOn.map(\.value) == ["TriggerExecutionPolicy"])
    var expected = OrderedMap<Value>()
    expected["FunctionName"] = .sub("t-${Environment}-trigger")
    expected["Description"] = "starts runs"
    expected["Runtime"] = "python3.12"
    expected["Handler"] = "index.handler"
    expected["Code"] = ["ZipFile": "def handler(event, context):\n    return event\n"]
    expected["Role"] = .getAtt("FunctionRole", "Arn")
    expected["Architectures"] = ["arm64"]
    expected["Timeout"] = 30
    expected["MemorySize"] = 256
    expected["Environment"] = ["Variables": ["TABLE": "runs"]]
    expected["KmsKeyArn"] = .getAtt("Key", "Arn")
    expected["DeadLetterConfig"] = ["TargetArn": .getAtt("DeadLetters", "Arn")]
    expected["TracingConfig"] = ["Mode": "Active"]
    expected["LoggingConfig"] = ["LogFormat": "Text", "LogGroup": .ref("TriggerLogGroup")]
    #expect(resource.properties == expected)

    let group = try #require(template?.resources["TriggerLogGroup"])
    #expect(group.properties["LogGroupName"] == .sub("/aws/lambda/t-${Environment}-trigger"))
    #expect(group.properties["KmsKeyId"] == .getAtt("Key", "Arn"))
    #expect(group.properties["RetentionInDays"] == 365)

    let policy = try #require(template?.resources["TriggerExecutionPolicy"])
    #expect(policy.type == "AWS::IAM::RolePolicy")
    #expect(policy.properties["RoleName"] == .ref("FunctionRole"))
    #expect(
      policy.properties["PolicyDocument"]?["Statement"]
        == [
          [
            "Sid": "WriteOwnLogs", "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": .getAtt("TriggerLogGroup", "Arn"),
          ],
          [
            "Sid": "SendToDeadLetterQueue", "Effect": "Allow", "Action": "sqs:SendMessage",
            "Resource": .getAtt("DeadLetters", "Arn"),
          ],
          [
            "Sid": "SendTraces", "Effect": "Allow",
            "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            "Resource": "*",
          ],
        ])
  }

  @Test func s3CodeLowersToBucketAndKey() throws {
    let bucket = StackParameter("ArtifactBucket", description: "b")
    let key = StackParameter("ArtifactKey", description: "k")
    let function = Self.function(code: .s3(bucket: bucket, key: key), handler: "packager.handler")
    let resource = try H.resource("Trigger") {
      bucket
      key
      H.key
      Self.role
      Self.deadLetters
      function
    }
    #expect(
      resource.properties["Code"] == [
        "S3Bucket": .ref("ArtifactBucket"), "S3Key": .ref("ArtifactKey"),
      ])
  }

  @Test(arguments: [
    (
      EventsTests.function(handler: "app.handler"),
      "function 'Trigger': inline code is saved as index; the handler must be index.<function>, not 'app.handler'"
    ),
    (
      EventsTests.function(runtime: .java21),
      "function 'Trigger': java21 cannot take inline code; give an S3 location"
    ),
    (
      EventsTests.function(code: .inline(String(repeating: "#", count: 4097))),
      "function 'Trigger': inline code is 4097 bytes; CloudFormation takes at most 4096, so ship it as an S3 package"
    ),
    (
      EventsTests.function(timeout: .minutes(16)),
      "function 'Trigger': the timeout must be 1 second to 15 minutes, not 16 minutes"
    ),
    (
      EventsTests.function(memory: 64), "function 'Trigger': memory must be 128 to 10240 MB, not 64"
    ),
    (
      EventsTests.function(environment: ["AWS_REGION": "x"]),
      "function 'Trigger': Lambda reserves the environment variable 'AWS_REGION'"
    ),
    (
      EventsTests.function(environment: ["1X": "x"]),
      "function 'Trigger': '1X' is not an environment variable name (a letter, then letters, digits or _)"
    ),
    (
      EventsTests.function(reservedConcurrency: 0),
      "function 'Trigger': a reserved concurrency of 0 would stop the function from running; give at least 1"
    ),
  ])
  func functionMistakesAreErrors(function: LambdaFunction, message: String) {
    let errors = H.errors {
      H.key
      Self.role
      Self.deadLetters
      function
    }
    #expect(errors.map(\.message) == [message])
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(errors.first?.location.file.hasSuffix("FormationTests/EventsTests.swift") == true)
  }

  @Test func functionErrorPointsAtItsDeclaration() {
    let line = #line + 1
    let function = Self.function(memory: 100_000)
    let errors = H.errors {
      H.key
      Self.role
      Self.deadLetters
      function
    }
    #expect(errors.first?.location.line == line)
  }

  @Test func permissionNeedsAServicePrincipal() throws {
    let function = Self.function()
    let line = #line + 1
    let permission = LambdaPermission(
      "Invoke", function: function.arn, service: "events",
      sourceARN: "arn:aws:events:us-east-1:111122223333:rule/r")
    let errors = H.errors {
      H.key
      Self.role
      Self.deadLetters
      function
      permission
    }
    #expect(
      errors.map(\.message) == [
        "lambda permission 'Invoke': 'events' is not a service principal (service.amazonaws.com)"
      ])
    #expect(errors.first?.location.line == line)
  }

  // MARK: - Queues and topics

  @Test func queueIsEncryptedAndTLSOnly() throws {
    let queue = Queue(
      "DLQ", name: "dlq", key: H.key.arn,
      policy: [
        Grant(.allow, sid: "EventBridge", [.service("events.amazonaws.com")], ["sqs:SendMessage"])
      ])
    let (template, errors) = H.render {
      H.key
      queue
    }
    #expect(errors.isEmpty)
    let resource = try #require(template?.resources["DLQ"])
    #expect(
      resource.properties
        == [
          "QueueName": .sub("t-${Environment}-dlq"), "KmsMasterKeyId": .getAtt("Key", "Arn"),
          "KmsDataKeyReusePeriodSeconds": 300, "MessageRetentionPeriod": 1_209_600,
          "VisibilityTimeout": 30,
        ])
    #expect(resource.deletionPolicy == "Retain")
    let policy = try #require(template?.resources["DLQPolicy"])
    #expect(
      policy.properties["PolicyDocument"]?["Statement"]
        == [
          [
            "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "sqs:*",
            "Resource": .getAtt("DLQ", "Arn"),
            "Condition": ["Bool": ["aws:SecureTransport": "false"]],
          ],
          [
            "Sid": "EventBridge", "Effect": "Allow",
            "Principal": ["Service": "events.amazonaws.com"],
            "Action": "sqs:SendMessage", "Resource": .getAtt("DLQ", "Arn"),
          ],
        ])
  }

  @Test func queueRetentionOutOfRangeIsAnError() {
    let line = #line + 1
    let queue = Queue("DLQ", key: H.key.arn, retention: .days(15))
    let errors = H.errors {
      H.key
      queue
    }
    #expect(
      errors.map(\.message) == ["queue 'DLQ': SQS keeps messages 1 minute to 14 days, not 15 days"])
    #expect(errors.first?.location.line == line)
  }

  @Test func topicSubscriptionsAreConditionalAndPolicyDeniesPlainHTTP() throws {
    let email = StackParameter("AlertEmail", description: "e", default: "")
    let hasEmail = Condition("HasAlertEmail", .not(.equals(email, "")))
    let topic = Topic(
      "Alerts", name: "alerts", key: H.key.arn,
      subscriptions: [.email("Email", email, when: hasEmail)],
      publishingServices: ["cloudwatch.amazonaws.com"])
    let (template, errors) = H.render {
      email
      hasEmail
      H.key
      topic
    }
    #expect(errors.isEmpty, "\(errors)")
    let resource = try #require(template?.resources["Alerts"])
    #expect(resource.properties["TopicName"] == .sub("t-${Environment}-alerts"))
    #expect(resource.properties["KmsMasterKeyId"] == .getAtt("Key", "Arn"))
    let subscription = try #require(template?.resources["AlertsEmailSubscription"])
    #expect(subscription.condition?.value == "HasAlertEmail")
    #expect(
      subscription.properties == [
        "TopicArn": .ref("Alerts"), "Protocol": "email", "Endpoint": .ref("AlertEmail"),
      ])
    let policy = try #require(template?.resources["AlertsPolicy"])
    #expect(
      policy.properties["PolicyDocument"]?["Statement"]
        == [
          [
            "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
            "Action": "sns:Publish",
            "Resource": .ref("Alerts"), "Condition": ["Bool": ["aws:SecureTransport": "false"]],
          ],
          [
            "Sid": "PublishCloudwatch", "Effect": "Allow",
            "Principal": ["Service": "cloudwatch.amazonaws.com"],
            "Action": "sns:Publish", "Resource": .ref("Alerts"),
            "Condition": ["StringEquals": ["aws:SourceAccount": .ref("AWS::AccountId")]],
          ],
        ])
  }

  @Test func plainHTTPSubscriptionIsAnError() {
    let line = #line + 1
    let topic = Topic(
      "Alerts", key: H.key.arn,
      subscriptions: [.init("Hook", .init(rawValue: "http"), endpoint: "http://x")])
    let errors = H.errors {
      H.key
      topic
    }
    #expect(
      errors.map(\.message) == [
        "topic 'Alerts': subscription 'Hook' uses http; use https so messages are encrypted in transit"
      ])
    #expect(errors.first?.location.line == line)
  }
}


/// The orchestration stack holds the seed's values.
@Suite struct OrchestrationContractTests {
  @Test func rtaCompleteInTheRawBucketTriggersTheTriggerFunction() throws {
    let rule = try Rendered.resource("RunCompleteRule", in: "orchestration")
    #expect(
      rule.properties["EventPattern"]
        == [
          "source": ["aws.s3"], "detail-type": ["Object Created"],
          "detail": [
            "bucket": ["name": [Rendered.importing("storage", "RawBucket", "Ref")]],
            "object": ["key": [["suffix": "RTAComplete.txt"]]],
          ],
        ])
    let target = try #require(rule.properties["Targets"]?.listValue?.first)
    #expect(target["Arn"] == .getAtt("TriggerFunction", "Arn"))
    #expect(target["DeadLetterConfig"] == ["Arn": .getAtt("TriggerDeadLetterQueue", "Arn")])
    #expect(
      target["RetryPolicy"] == ["MaximumEventAgeInSeconds": 86_400, "MaximumRetryAttempts": 185])
    let permission = try Rendered.resource(
      "RunCompleteRuleTriggerFunctionPermission", in: "orchestration")
    #expect(permission.properties["SourceArn"] == .getAtt("RunCompleteRule", "Arn"))
  }

  @Test func triggerSubmitsTheHeadJobOnceAndRecordsStarted() throws {
    let function = try Rendered.resource("TriggerFunction", in: "orchestration")
    let code = try #require(function.properties["Code"]?["ZipFile"]?.stringValue)
    // Arrived on the marker, Started only from Arrived (one winner), on a DataSync success.
    #expect(code.contains("\"attribute_not_exists(RunId) OR #s = :f\""))
    #expect(code.contains("\"#s = :a\""))
    #expect(code.contains("batch.submit_job("))
    #expect(code.contains("if event.get(\"source\") == \"aws.datasync\":"))
    #expect(code.utf8.count <= LambdaFunction.inlineCodeLimit)
    #expect(function.properties["Handler"] == "index.handler")
    #expect(function.properties["Runtime"] == "python3.12")
    let variables = function.properties["Environment"]?["Variables"]
    #expect(variables?["JOB_QUEUE"] == Rendered.importing("compute", "HeadJobQueue", "Ref"))
    // D5: the definition without its revision, from its fixed name: no import to break.
    #expect(
      variables?["JOB_DEFINITION"]
        == .sub(
          "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/genexomics-${Environment}-nextflow-head"
        ))
    #expect(variables?["RUN_STATUS_TABLE"] == Rendered.importing("data", "RunStatusTable", "Ref"))
    #expect(
      function.properties["DeadLetterConfig"] == [
        "TargetArn": .getAtt("TriggerDeadLetterQueue", "Arn")
      ])
    #expect(function.properties["KmsKeyArn"] == Rendered.importing("keys", "MessagingKey", "Arn"))
    #expect(
      function.properties["VpcConfig"]?["SubnetIds"]
        == [
          Rendered.importing("network", "PrivateSubnetA", "Ref"),
          Rendered.importing("network", "PrivateSubnetB", "Ref"),
        ])
  }

  @Test func statusRuleRecordsTheHeadQueuesTransitions() throws {
    let rule = try Rendered.resource("HeadJobStateRule", in: "orchestration")
    #expect(
      rule.properties["EventPattern"]
        == [
          "source": ["aws.batch"], "detail-type": ["Batch Job State Change"],
          "detail": [
            "jobQueue": [Rendered.importing("compute", "HeadJobQueue", "Ref")],
            "status": ["RUNNING", "SUCCEEDED", "FAILED"],
          ],
        ])
    let code = try #require(
      try Rendered.resource("StatusFunction", in: "orchestration").properties["Code"]?["ZipFile"]?
        .stringValue)
    #expect(
      code.contains(
        "{\"RUNNING\": \"Processing\", \"SUCCEEDED\": \"Complete\", \"FAILED\": \"Failed\"}"))
    for status in Data.statuses where !["Arrived", "Started"].contains(status) {
      #expect(code.contains("\"\(status)\""))
    }
  }

  @Test func packagerRunsOnSuccessWithCodeFromParametersAndSecrets() throws {
    let rule = try Rendered.resource("HeadJobSucceededRule", in: "orchestration")
    #expect(rule.properties["EventPattern"]?["detail"]?["status"] == ["SUCCEEDED"])
    #expect(
      rule.properties["Targets"]?.listValue?.first?["Arn"] == .getAtt("PackagerFunction", "Arn"))
    let packager = try Rendered.resource("PackagerFunction", in: "orchestration")
    #expect(
      packager.properties["Code"] == [
        "S3Bucket": .ref("PackagerCodeBucket"), "S3Key": .ref("PackagerCodeKey"),
      ])
    #expect(
      packager.properties["Environment"]?["Variables"]?["BENCHLING_SECRET_ARN"]
        == .ref("BenchlingSecretArn"))
    #expect(
      packager.properties["Environment"]?["Variables"]?["SMARTSHEET_SECRET_ARN"]
        == .ref("SmartsheetSecretArn"))
    #expect(
      packager.metadata?["formation"]?["suppress"]?.listValue?.first?["rule"] == "NET007",
      "the packager runs outside the VPC on purpose, and says so")
    #expect(
      packager.metadata?["checkov"]?["skip"]?.listValue?.compactMap { $0["id"]?.stringValue }
        == ["CKV_AWS_115", "CKV_AWS_117"])
    let statements = try Rendered.statements(of: "PackagerFunctionRole", in: "orchestration")
    #expect(
      statements.contains {
        $0["Action"] == "secretsmanager:GetSecretValue"
          && $0["Resource"] == [.ref("BenchlingSecretArn"), .ref("SmartsheetSecretArn")]
      })
    #expect(
      statements.contains {
        $0["Action"] == ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"]
          && $0["Resource"]
            == .sub(
              "${ResultsBucketArn}/*",
              ["ResultsBucketArn": Rendered.importing("storage", "ResultsBucket", "Arn")])
      })
  }

  @Test func everyFunctionLogsToItsOwnEncryptedGroupAndHasADeadLetterQueue() throws {
    for id in ["TriggerFunction", "StatusFunction", "PackagerFunction"] {
      let function = try Rendered.resource(id, in: "orchestration")
      let group = try Rendered.resource(id + "LogGroup", in: "orchestration")
      let name = try #require(function.properties["FunctionName"]?.intrinsicValue)
      guard case .sub(let functionName) = name,
        case .sub(let groupName)? = group.properties["LogGroupName"]?.intrinsicValue
      else {
        Issue.record("\(id): names are not Fn::Sub")
        continue
      }
      #expect(groupName.template == "/aws/lambda/" + functionName.template, "\(id)")
      #expect(group.properties["KmsKeyId"] == Rendered.importing("keys", "LogsKey", "Arn"))
      #expect(function.properties["LoggingConfig"]?["LogGroup"] == .ref(id + "LogGroup"))
      #expect(function.properties["DeadLetterConfig"] != nil, "\(id)")
      // D3: an account on the new-account quota (10) can reserve nothing.
      #expect(function.properties["ReservedConcurrentExecutions"] == nil, "\(id)")
    }
  }

  /// `*` only for the actions that support no resource-level permission, each named here.
  @Test func rolesAreNamedAndUseWildcardResourcesOnlyWhereIAMRequires() throws {
    let allowedOnAnything: Set<String> = [
      "batch:ListJobs", "ec2:DescribeNetworkInterfaces", "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
    ]
    for role in Orchestration.dataKeyUsers {
      #expect(role.name != nil, "\(role.logicalID)")
      for statement in try Rendered.statements(of: role.logicalID, in: "orchestration")
      where statement["Resource"] == "*" {
        let actions = statement["Action"].map { $0.listValue ?? [$0] } ?? []
        for action in actions {
          #expect(
            allowedOnAnything.contains(action.stringValue ?? ""), "\(role.logicalID): \(action)")
        }
      }
    }
  }
}
