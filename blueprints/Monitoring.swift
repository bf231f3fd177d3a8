import Formation

/// Alerts for the pipeline: one encrypted SNS topic that email and Slack (AWS Chatbot)
/// subscribe to, and every signal of a failure routed to it.
///
/// **What alerts, and how.**
/// - *A run failed* (the Nextflow head job ended FAILED): Batch publishes no failure metric,
///   so the status function writes one JSON line per transition (`{"runStatus": "Failed", ...}`)
///   and a metric filter on its log group counts them into `GeneXOmics/<environment>
///   RunsFailed`; an alarm fires on the first one. An alarm (rather than a second EventBridge
///   rule straight to SNS) keeps one source of truth with the run-status table, has a state
///   and history in the console, and notifies again on recovery. If the status function
///   itself fails, its error alarm below fires instead.
/// - *A function failed or was throttled*: the `Errors` and `Throttles` metrics of each
///   orchestration function.
/// - *An event or invocation was given up*: any message in a dead-letter queue.
/// - *A run or head job is stuck*: the watchdog (the status function, every 30 minutes) writes
///   a `{"stuck": true, ...}` line for a head job RUNNABLE over an hour or a run `Started` over
///   two hours; a metric filter counts them and an alarm fires on the first.
/// - *DataSync keeps failing*: one failed execution is expected while a run folder is still
///   being written (a file changes while it is copied; the next hour copies it again), so the
///   trigger counts executions failed in a row and the alarm fires at three. An alarm, not
///   the raw DataSync event, goes to the topic: AWS Chatbot renders alarms in Slack, while an
///   event rewritten by an input transformer is plain text Chatbot does not post.
///
/// **Subscriptions are optional parameters.** An empty email address or Slack id creates no
/// subscription (conditions), so the stack deploys before anyone has decided where alerts go.
/// Slack goes through AWS Chatbot (the workspace must be authorised in the Chatbot console
/// once); Chatbot reads SNS directly, so no https endpoint or webhook secret is involved.
///
/// **Keys.** The topic uses `Keys.messagingKey`, whose policy lets `cloudwatch.amazonaws.com`
/// (alarm actions) use it for this account.
public enum Monitoring {
  // MARK: Parameters

  public static let alertEmail = StackParameter(
    "AlertEmail", description: "Email address for pipeline alerts; empty for none.", default: "",
    allowedPattern: "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
    constraintDescription: "an email address or empty")
  public static let slackWorkspaceID = StackParameter(
    "SlackWorkspaceId",
    description: "Slack workspace (team) id authorised in AWS Chatbot; empty for no Slack.",
    default: "", allowedPattern: "^$|^[0-9A-Z]{1,255}$",
    constraintDescription: "a Slack workspace id or empty")
  public static let slackChannelID = StackParameter(
    "SlackChannelId", description: "Slack channel id for pipeline alerts; empty for no Slack.",
    default: "",
    allowedPattern: "^$|^[A-Za-z0-9]+$", constraintDescription: "a Slack channel id or empty")

  public static let hasAlertEmail = Condition("HasAlertEmail", .not(.equals(alertEmail, "")))
  public static let useSlack = Condition(
    "UseSlack", .and([.not(.equals(slackWorkspaceID, "")), .not(.equals(slackChannelID, ""))]))

  // MARK: The topic and who reads it

  public static let alertsTopic = Topic(
    "AlertsTopic", name: "alerts", displayName: "GeneXOmics pipeline alerts",
    key: Keys.messagingKey.arn,
    subscriptions: [.email("Email", alertEmail, when: hasAlertEmail)],
    publishingServices: ["cloudwatch.amazonaws.com"])

  /// The role AWS Chatbot uses for the channel: enough to show the alarms it posts, nothing else.
  /// Only created with the channel: a role nobody can use is one more thing to audit.
  public static let chatbotRole = Role(
    "ChatbotRole", name: "chatbot-alerts",
    description: "AWS Chatbot: read the pipeline's alarms to post them to Slack.",
    trust: [.assume(by: .service("chatbot.amazonaws.com"))],
    policies: [
      InlinePolicy(
        "ReadAlarms",
        [
          .allow(
            ["cloudwatch:DescribeAlarms"],
            on: [
              Value.sub(
                "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:genexomics-${Environment}-*"
              )
            ],
            sid: "DescribePipelineAlarms"),
          // Metric data and graph images support no resource-level permission.
          .allow(
            ["cloudwatch:GetMetricData", "cloudwatch:GetMetricWidgetImage"], on: ["*"],
            sid: "GraphAlarmMetrics"),
        ])
    ], when: useSlack)

  public static let slackChannel = SlackChannel(
    "AlertsSlackChannel", name: "alerts", workspaceID: slackWorkspaceID, channelID: slackChannelID,
    role: chatbotRole.arn, topics: [alertsTopic.arn], when: useSlack)

  // MARK: Run failures

  /// An alarm on the first log line of a function that matches `pattern`: the functions write
  /// one JSON line per event worth an alert, a metric filter counts them, the alarm fires on one.
  static func alarm(
    _ id: String, name: String, on function: LambdaFunction, pattern: String, metric: String,
    period: Duration, description: String, file: StaticString = #filePath, line: UInt = #line
  ) -> (filter: MetricFilter, alarm: Alarm) {
    let filter = MetricFilter(
      id + "MetricFilter", logGroup: function.logGroupName, pattern: pattern,
      namespace: "GeneXOmics/${Environment}", metricName: metric, file: file, line: line)
    let alarm = Alarm(
      id + "Alarm", name: name, description: description, metric: filter.metric, statistic: .sum,
      period: period, threshold: 1, comparison: .greaterThanOrEqual, actions: [alertsTopic.arn],
      file: file, line: line)
    return (filter, alarm)
  }

  public static let runFailed = alarm(
    "RunFailed", name: "run-failed", on: Orchestration.statusFunction,
    pattern: "{ $.runStatus = \"Failed\" }", metric: "RunsFailed", period: .minutes(5),
    description:
      "A sequencing run's Nextflow head job failed; see the status function's log for the run id and reason."
  )

  // MARK: Functions and dead letters

  /// Errors and throttles of every orchestration function: any one is worth a look.
  public static var functionAlarms: [Alarm] {
    Orchestration.functions.flatMap { function in
      [
        Alarm(
          function.logicalID + "ErrorsAlarm", name: function.name + "-errors",
          description: "The \(function.name) function failed; see its log group.",
          metric: .lambda(.errors, of: function), statistic: .sum, period: .minutes(5),
          threshold: 1,
          comparison: .greaterThanOrEqual, actions: [alertsTopic.arn]),
        Alarm(
          function.logicalID + "ThrottlesAlarm", name: function.name + "-throttles",
          description:
            "The \(function.name) function was throttled: more events than its reserved concurrency.",
          metric: .lambda(.throttles, of: function), statistic: .sum, period: .minutes(5),
          threshold: 1,
          comparison: .greaterThanOrEqual, actions: [alertsTopic.arn]),
      ]
    }
  }

  public static var deadLetterAlarms: [Alarm] {
    Orchestration.deadLetterQueues.map { queue in
      Alarm(
        queue.logicalID + "DepthAlarm", name: (queue.name ?? queue.logicalID) + "-depth",
        description:
          "\(queue.logicalID) holds messages: events or invocations that failed every retry. Inspect and redrive them.",
        metric: .sqs(.visibleMessages, of: queue), statistic: .maximum, period: .minutes(5),
        threshold: 0,
        comparison: .greaterThan, actions: [alertsTopic.arn])
    }
  }

  // MARK: Stuck runs and failing transfers

  public static let stuck = alarm(
    "Stuck", name: "run-stuck", on: Orchestration.statusFunction, pattern: "{ $.stuck IS TRUE }",
    metric: "StuckRunsOrHeadJobs", period: .minutes(30),
    description:
      "A Nextflow head job has waited RUNNABLE over an hour, or a run has been Started over two hours: see the status function's log and the runbook."
  )

  public static let transferFailing = alarm(
    "TransferFailing", name: "datasync-failing", on: Orchestration.triggerFunction,
    pattern: "{ $.consecutiveFailures >= 3 }", metric: "TransfersFailingInARow", period: .hours(1),
    description:
      "Three or more NAS-to-raw DataSync executions failed in a row: see the DataSync log group and the trigger's log for the execution."
  )

  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }

  public static var stack: Stack {
    Stack(
      "monitoring",
      description:
        "GeneXOmics monitoring: the alerts topic (email, Slack), alarms on failed and stuck runs, functions, dead letters and failing transfers."
    ) {
      alertEmail
      slackWorkspaceID
      slackChannelID
      hasAlertEmail
      useSlack
      alertsTopic
      chatbotRole
      slackChannel
      runFailed.filter
      runFailed.alarm
      functionAlarms
      deadLetterAlarms
      stuck.filter
      stuck.alarm
      transferFailing.filter
      transferFailing.alarm
    }
  }
}
