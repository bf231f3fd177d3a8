import Blueprints
import Formation
import Template
import Testing

@Suite struct MonitoringTests {
  typealias H = FamilyHarness

  static let topic = Topic("Alerts", key: H.key.arn)

  // MARK: - Log groups

  @Test func logGroupIsEncryptedKeptAYearAndRetained() throws {
    let group = LogGroup("Flow", name: "/genexomics/flow", key: H.key.arn)
    let resource = try H.resource("Flow") {
      H.key
      group
    }
    #expect(
      resource.properties
        == [
          "LogGroupName": "/genexomics/flow", "KmsKeyId": .getAtt("Key", "Arn"),
          "RetentionInDays": 365,
        ])
    #expect(resource.deletionPolicy == "Retain")
    #expect(resource.updateReplacePolicy == "Retain")
  }

  @Test(arguments: [1, 3, 30, 731, 3653]) func everyAllowedRetentionRenders(days: Int) throws {
    let group = LogGroup("Logs", key: H.key.arn, retention: .days(days))
    #expect(
      try H.resource("Logs") {
        H.key
        group
      }.properties["RetentionInDays"] == .number(days))
  }

  @Test(arguments: [Duration.days(2), .days(366), .days(730), .hours(36)])
  func retentionCloudWatchRejectsIsAnError(retention: Duration) {
    let line = #line + 1
    let group = LogGroup("Logs", key: H.key.arn, retention: retention)
    let errors = H.errors {
      H.key
      group
    }
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(
      errors.first?.message
        == "log group 'Logs': CloudWatch Logs cannot keep events for \(retention); use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days"
    )
    #expect(errors.first?.location.line == line)
  }

  // MARK: - Metric filters

  @Test func metricFilterCountsMatchesWithZeroDefault() throws {
    let group = LogGroup("Logs", key: H.key.arn)
    let filter = MetricFilter(
      "FailedRuns", logGroup: group.logGroupName, pattern: "{ $.runStatus = \"Failed\" }",
      namespace: "GeneXOmics/Pipeline", metricName: "RunsFailed")
    let resource = try H.resource("FailedRuns") {
      H.key
      group
      filter
    }
    #expect(
      resource.properties
        == [
          "LogGroupName": .ref("Logs"), "FilterPattern": "{ $.runStatus = \"Failed\" }",
          "MetricTransformations": [
            [
              "MetricNamespace": "GeneXOmics/Pipeline", "MetricName": "RunsFailed",
              "MetricValue": "1", "DefaultValue": 0,
            ]
          ],
        ])
    #expect(filter.metric.namespace == "GeneXOmics/Pipeline")
    #expect(filter.metric.name == "RunsFailed")
  }

  @Test(arguments: [
    (
      "AWS/Lambda", "Runs", "1", "",
      "metric filter 'Filter': 'AWS/Lambda' is not a custom namespace (letters, digits, . - _ / #, not starting with AWS/)"
    ),
    (
      "Custom", "Runs:Failed", "1", "",
      "metric filter 'Filter': 'Runs:Failed' is not a metric name (1 to 255 ASCII characters, no : * $)"
    ),
    (
      "Custom", "Runs", "one", "",
      "metric filter 'Filter': the metric value must be a number or a $.field, not 'one'"
    ),
    (
      "Custom", "Runs", "1", "   ",
      "metric filter 'Filter': the filter pattern must be 1 to 1024 characters; an empty one counts every event"
    ),
  ])
  func malformedMetricFiltersAreErrors(
    namespace: String, name: String, value: String, pattern: String, message: String
  ) {
    let line = #line + 1
    let filter = MetricFilter(
      "Filter", logGroup: .external("g"), pattern: pattern.isEmpty ? "ERROR" : pattern,
      namespace: namespace,
      metricName: name, metricValue: value)
    let errors = H.errors { filter }
    #expect(errors.map(\.message) == [message])
    #expect(errors.first?.location.line == line)
  }

  // MARK: - Alarms

  static func lambda() -> (Role, LambdaFunction) {
    let role = Role(
      "R", name: "r", description: "r", trust: [.assume(by: .service("lambda.amazonaws.com"))])
    let function = LambdaFunction(
      "Fn", name: "fn", description: "d", runtime: .python312, handler: "index.handler",
      code: .inline("def handler(e, c): pass"), role: role, environmentKey: H.key.arn,
      logKey: H.key.arn)
    return (role, function)
  }

  @Test func alarmOnLambdaErrorsLowersEveryField() throws {
    let (role, function) = Self.lambda()
    let alarm = Alarm(
      "FnErrors", name: "fn-errors", description: "the function failed",
      metric: .lambda(.errors, of: function),
      statistic: .sum, period: .minutes(5), threshold: 1, comparison: .greaterThanOrEqual,
      actions: [Self.topic.arn])
    let resource = try H.resource("FnErrors") {
      H.key
      role
      function
      Self.topic
      alarm
    }
    var expected = OrderedMap<Value>()
    expected["AlarmName"] = .sub("t-${Environment}-fn-errors")
    expected["AlarmDescription"] = "the function failed"
    expected["Namespace"] = "AWS/Lambda"
    expected["MetricName"] = "Errors"
    expected["Dimensions"] = [["Name": "FunctionName", "Value": .ref("Fn")]]
    expected["Statistic"] = "Sum"
    expected["Period"] = 300
    expected["EvaluationPeriods"] = 1
    expected["Threshold"] = 1
    expected["ComparisonOperator"] = "GreaterThanOrEqualToThreshold"
    expected["TreatMissingData"] = "notBreaching"
    expected["AlarmActions"] = [.ref("Alerts")]
    expected["OKActions"] = [.ref("Alerts")]
    #expect(resource.properties == expected)
  }

  @Test func queueAndRuleMetricsUseTheirNameDimensions() {
    let queue = Queue("DLQ", key: H.key.arn)
    let rule = EventRule(
      "Rule", description: "d", matching: EventPattern(source: "aws.s3"),
      targets: [EventTarget(id: "t", .queue(queue.arn))])
    let depth = Metric.sqs(.visibleMessages, of: queue)
    #expect(depth.namespace == "AWS/SQS")
    #expect(depth.name == "ApproximateNumberOfMessagesVisible")
    #expect(depth.dimensions.map(\.name) == ["QueueName"])
    #expect(depth.dimensions.map(\.value) == [.getAtt("DLQ", "QueueName")])
    let failed = Metric.events(.failedInvocations, of: rule)
    #expect(failed.namespace == "AWS/Events")
    #expect(failed.dimensions.map(\.value) == [.ref("Rule")])
  }

  @Test func fractionalThresholdKeepsItsFraction() throws {
    let alarm = Alarm(
      "Slow", description: "d", metric: Metric(namespace: "Custom", name: "Latency"),
      statistic: .average,
      period: .minutes(1), threshold: 0.5, comparison: .greaterThan, actions: [Self.topic.arn],
      notifyOnRecovery: false)
    let resource = try H.resource("Slow") {
      H.key
      Self.topic
      alarm
    }
    #expect(resource.properties["Threshold"] == Value(.number(Number(literal: "0.5"))))
    #expect(resource.properties["OKActions"] == nil)
  }

  @Test func alarmWithoutActionIsAnError() {
    let line = #line + 1
    let alarm = Alarm(
      "Silent", description: "d", metric: Metric(namespace: "Custom", name: "X"), statistic: .sum,
      period: .minutes(5), threshold: 1, comparison: .greaterThanOrEqual, actions: [])
    let errors = H.errors { alarm }
    #expect(errors.map(\.id) == [.invalidValue])
    #expect(
      errors.map(\.message) == [
        "alarm 'Silent' has no alarm action: it would change state and tell nobody; give it a topic"
      ])
    #expect(errors.first?.location.line == line)
  }

  @Test(arguments: [
    (
      Duration.seconds(45), 1, nil as Int?,
      "alarm 'A': the period must be 10 seconds, 30 seconds or a whole number of minutes, not 45 seconds"
    ),
    (
      Duration.hours(6), 5, nil,
      "alarm 'A': 5 periods of 6 hours must be at least one period and span at most one day"
    ),
    (Duration.minutes(5), 3, 4, "alarm 'A': 4 datapoints to alarm out of 3 evaluation periods"),
  ])
  func alarmShapesCloudWatchRejectsAreErrors(
    period: Duration, evaluations: Int, datapoints: Int?, message: String
  ) {
    let line = #line + 1
    let alarm = Alarm(
      "A", description: "d", metric: Metric(namespace: "Custom", name: "X"), statistic: .sum,
      period: period,
      evaluationPeriods: evaluations, datapointsToAlarm: datapoints, threshold: 1,
      comparison: .greaterThanOrEqual,
      actions: [Self.topic.arn])
    let errors = H.errors {
      H.key
      Self.topic
      alarm
    }
    #expect(errors.map(\.message) == [message])
    #expect(errors.first?.location.line == line)
  }

  // MARK: - Log resource policies and Slack

  @Test func logResourcePolicyLowersAnObjectDocument() throws {
    let policy = LogResourcePolicy(
      "DataSyncLogs", name: "datasync-logs",
      statements: [
        Grant(
          .allow, sid: "DataSyncWrites", [.service("datasync.amazonaws.com")],
          ["logs:PutLogEvents"],
          on: ["arn:aws:logs:us-east-1:111122223333:log-group:x:*"])
      ])
    let resource = try H.resource("DataSyncLogs") { policy }
    #expect(resource.properties["PolicyName"] == .sub("t-${Environment}-datasync-logs"))
    #expect(
      resource.properties["PolicyDocument"]?["Statement"]
        == [
          [
            "Sid": "DataSyncWrites", "Effect": "Allow",
            "Principal": ["Service": "datasync.amazonaws.com"],
            "Action": "logs:PutLogEvents",
            "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:x:*",
          ]
        ])
  }

  @Test func logResourcePolicyStatementWithoutResourceIsAnError() {
    let line = #line + 1
    let policy = LogResourcePolicy(
      "P", name: "p",
      statements: [Grant(.allow, [.service("datasync.amazonaws.com")], ["logs:PutLogEvents"])])
    let errors = H.errors { policy }
    #expect(
      errors.map(\.message) == [
        "log resource policy 'P': every statement must name the log groups it covers"
      ])
    #expect(errors.first?.location.line == line)
  }

  @Test func slackChannelIsConditionalWithReadOnlyGuardrail() throws {
    let workspace = StackParameter("SlackWorkspaceId", description: "w", default: "")
    let channel = StackParameter("SlackChannelId", description: "c", default: "")
    let useSlack = Condition("UseSlack", .not(.equals(workspace, "")))
    let role = Role(
      "ChatRole", name: "chat", description: "c",
      trust: [.assume(by: .service("chatbot.amazonaws.com"))])
    let slack = SlackChannel(
      "Slack", name: "alerts", workspaceID: workspace, channelID: channel, role: role.arn,
      topics: [Self.topic.arn],
      when: useSlack)
    let resource = try H.resource("Slack") {
      workspace
      channel
      useSlack
      H.key
      Self.topic
      role
      slack
    }
    #expect(resource.condition?.value == "UseSlack")
    var expected = OrderedMap<Value>()
    expected["ConfigurationName"] = .sub("t-${Environment}-alerts")
    expected["IamRoleArn"] = .getAtt("ChatRole", "Arn")
    expected["SlackWorkspaceId"] = .ref("SlackWorkspaceId")
    expected["SlackChannelId"] = .ref("SlackChannelId")
    expected["SnsTopicArns"] = [.ref("Alerts")]
    expected["GuardrailPolicies"] = [
      .sub("arn:${AWS::Partition}:iam::aws:policy/CloudWatchReadOnlyAccess")
    ]
    expected["LoggingLevel"] = "ERROR"
    expected["UserRoleRequired"] = false
    #expect(resource.properties == expected)
  }

  @Test func slackChannelWithoutTopicIsAnError() {
    let line = #line + 1
    let slack = SlackChannel(
      "Slack", name: "s", workspaceID: "T1", channelID: "C1", role: .external("arn"), topics: [])
    let errors = H.errors { slack }
    #expect(
      errors.map(\.message) == [
        "slack channel 'Slack' follows no topic: it would never post anything"
      ])
    #expect(errors.first?.location.line == line)
  }
}

/// The monitoring stack holds the seed's values.
@Suite struct MonitoringContractTests {
  func alarms() throws -> [String: Resource] {
    var alarms: [String: Resource] = [:]
    for entry in try Rendered.stack("monitoring").resources.entries
    where entry.value.type == "AWS::CloudWatch::Alarm" {
      alarms[entry.key] = entry.value
    }
    return alarms
  }

  @Test func topicIsEncryptedTLSOnlyAndSubscriptionsAreOptional() throws {
    let topic = try Rendered.resource("AlertsTopic", in: "monitoring")
    #expect(topic.properties["KmsMasterKeyId"] == Rendered.importing("keys", "MessagingKey", "Arn"))
    let policy = try Rendered.resource("AlertsTopicPolicy", in: "monitoring")
    let statements = policy.properties["PolicyDocument"]?["Statement"]?.listValue ?? []
    #expect(statements.first?["Condition"] == ["Bool": ["aws:SecureTransport": "false"]])
    #expect(
      statements.compactMap { $0["Principal"]?["Service"] } == ["cloudwatch.amazonaws.com"])
    #expect(
      try Rendered.resource("AlertsTopicEmailSubscription", in: "monitoring").condition?.value
        == "HasAlertEmail")
    let slack = try Rendered.resource("AlertsSlackChannel", in: "monitoring")
    #expect(slack.condition?.value == "UseSlack")
    #expect(slack.properties["SnsTopicArns"] == [.ref("AlertsTopic")])
    #expect(
      try Rendered.resource("ChatbotRole", in: "monitoring").condition?.value == "UseSlack",
      "the Chatbot role exists only with the channel")
  }

  @Test func everyAlarmNotifiesTheTopic() throws {
    let alarms = try alarms()
    #expect(alarms.count == 12)
    for (id, alarm) in alarms {
      #expect(alarm.properties["AlarmActions"] == [.ref("AlertsTopic")], "\(id)")
    }
  }

  @Test func failedRunsFunctionsAndDeadLettersAlarm() throws {
    let alarms = try alarms()
    for function in ["TriggerFunction", "StatusFunction", "PackagerFunction"] {
      let errors = try #require(alarms[function + "ErrorsAlarm"])
      #expect(errors.properties["MetricName"] == "Errors")
      #expect(
        errors.properties["Dimensions"]
          == [
            ["Name": "FunctionName", "Value": Rendered.importing("orchestration", function, "Ref")]
          ])
      #expect(alarms[function + "ThrottlesAlarm"]?.properties["MetricName"] == "Throttles")
    }
    for queue in ["TriggerDeadLetterQueue", "StatusDeadLetterQueue", "PackagerDeadLetterQueue"] {
      let depth = try #require(alarms[queue + "DepthAlarm"])
      #expect(depth.properties["MetricName"] == "ApproximateNumberOfMessagesVisible")
      #expect(depth.properties["ComparisonOperator"] == "GreaterThanThreshold")
      #expect(depth.properties["Threshold"] == 0)
      #expect(
        depth.properties["Dimensions"]
          == [
            ["Name": "QueueName", "Value": Rendered.importing("orchestration", queue, "QueueName")]
          ])
    }
    let runFailed = try #require(alarms["RunFailedAlarm"])
    #expect(runFailed.properties["Namespace"] == .sub("GeneXOmics/${Environment}"))
    #expect(runFailed.properties["MetricName"] == "RunsFailed")
    let filter = try Rendered.resource("RunFailedMetricFilter", in: "monitoring")
    #expect(
      filter.properties["LogGroupName"]
        == Rendered.importing("orchestration", "StatusFunctionLogGroup", "Ref"))
    #expect(filter.properties["FilterPattern"] == "{ $.runStatus = \"Failed\" }")
  }

  /// R4 and R3: DataSync failures reach Slack as an alarm (which Chatbot renders), and only
  /// when executions fail three hours in a row; no event rule sends plain text to the topic.
  @Test func failingTransfersAlarmInsteadOfPostingPlainText() throws {
    let monitoring = try Rendered.stack("monitoring")
    #expect(monitoring.resources.entries.allSatisfy { $0.value.type != "AWS::Events::Rule" })
    let filter = try Rendered.resource("TransferFailingMetricFilter", in: "monitoring")
    #expect(
      filter.properties["LogGroupName"]
        == Rendered.importing("orchestration", "TriggerFunctionLogGroup", "Ref"))
    #expect(filter.properties["FilterPattern"] == "{ $.consecutiveFailures >= 3 }")
    let alarm = try #require(try alarms()["TransferFailingAlarm"])
    #expect(alarm.properties["MetricName"] == "TransfersFailingInARow")
    #expect(alarm.properties["AlarmActions"] == [.ref("AlertsTopic")])
  }

  /// R7: the watchdog's stuck lines alarm.
  @Test func stuckRunsAndHeadJobsAlarm() throws {
    let filter = try Rendered.resource("StuckMetricFilter", in: "monitoring")
    #expect(
      filter.properties["LogGroupName"]
        == Rendered.importing("orchestration", "StatusFunctionLogGroup", "Ref"))
    #expect(filter.properties["FilterPattern"] == "{ $.stuck IS TRUE }")
    let alarm = try #require(try alarms()["StuckAlarm"])
    #expect(alarm.properties["MetricName"] == "StuckRunsOrHeadJobs")
    #expect(alarm.properties["Period"] == 1800)
  }
}
