import EmbeddedData
import Foundation

/// What Formation knows about IAM actions: which support resource-level permissions (from
/// the AWS Service Authorization Reference, shipped as `Data/iam-actions.tsv`, regenerated
/// by `scripts/iam-actions-data.py`), and which let a principal raise its own privileges.
public enum ActionKnowledge {
  /// Actions that accept no resource but `*` (a small built-in list, used when the data file
  /// cannot be loaded, and documented here as examples).
  public static let unscopedExamples: [String] = [
    "s3:ListAllMyBuckets", "ec2:Describe*", "logs:DescribeLogGroups", "ecr:GetAuthorizationToken",
    "sts:GetCallerIdentity", "cloudwatch:PutMetricData", "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "batch:Describe*", "batch:ListJobs", "kms:ListAliases", "kms:ListKeys", "kms:CreateKey",
    "kms:GenerateRandom",
    "sns:ListTopics", "sqs:ListQueues", "dynamodb:ListTables", "lambda:ListFunctions",
    "secretsmanager:GetRandomPassword", "secretsmanager:ListSecrets", "ecs:RegisterTaskDefinition",
    "ecs:DescribeTaskDefinition", "ecs:DeregisterTaskDefinition", "tag:GetResources",
    "ssm:DescribeParameters",
    "cloudformation:ValidateTemplate", "iam:ListRoles", "iam:ListPolicies", "datasync:List*",
  ]

  /// Actions that let a principal give itself (or a principal it controls) more permissions
  /// when granted on `*` or on principals it does not own.
  public static let privilegeEscalation: [String] = [
    "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AttachRolePolicy",
    "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:UpdateAssumeRolePolicy",
    "iam:AddUserToGroup",
    "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
    "iam:PutUserPermissionsBoundary",
    "iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
    "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "glue:UpdateDevEndpoint",
  ]

  /// Actions that, together with `iam:PassRole` on a privileged role, run code as that role.
  public static let passRoleCompanions: [String] = [
    "lambda:CreateFunction", "ec2:RunInstances", "cloudformation:CreateStack",
    "cloudformation:UpdateStack",
    "glue:CreateDevEndpoint", "glue:CreateJob", "ecs:RunTask", "ecs:StartTask",
    "ecs:RegisterTaskDefinition",
    "batch:SubmitJob", "batch:RegisterJobDefinition", "sagemaker:CreateNotebookInstance",
    "sagemaker:CreateTrainingJob",
    "datapipeline:CreatePipeline", "states:CreateStateMachine", "codebuild:CreateProject",
  ]

  /// Whether `action` (concrete, `service:Name`) supports resource-level permissions; `nil`
  /// when the action is not in the reference.
  public static func supportsResourceScoping(_ action: String) -> Bool? {
    let (service, name) = split(action)
    guard let entry = table[service] else { return fallback(action) }
    if entry.scoped.contains(name) { return true }
    if entry.unscoped.contains(name) { return false }
    return nil
  }

  /// The actions of the reference `pattern` matches (lower-cased `service:name`), in order.
  /// Empty for a pattern with unknown parts or an unknown service.
  public static func actions(matching pattern: ActionPattern) -> [String] {
    guard let literal = pattern.literal?.lowercased() else { return [] }
    let (service, _) = split(literal)
    let services: [String] =
      service.contains("*") || service.contains("?")
      ? table.services.filter { Glob.match(service, $0) }.sorted() : [service]
    var result: [String] = []
    for name in services {
      guard let entry = table[name] else { continue }
      for action in entry.all where Glob.match(literal, "\(name):\(action)") {
        result.append("\(name):\(action)")
      }
    }
    return result
  }

  /// The actions `pattern` matches that support resource-level permissions: for these, a `*`
  /// resource grants more than needed. A concrete action missing from the reference counts as
  /// scoped (an action AWS added after the data was generated most likely has resources).
  public static func scopedActions(matching pattern: ActionPattern) -> [String] {
    guard let literal = pattern.literal else { return [] }
    if !literal.contains("*"), !literal.contains("?") {
      return supportsResourceScoping(literal) == false ? [] : [literal.lowercased()]
    }
    // Read-only families the examples list as a whole (ec2:Describe*, batch:Describe*) stay fine
    // even though a few members accept resources: the pattern is the documented way to grant them.
    if fallbackCovers(pattern) { return [] }
    let matched = actions(matching: pattern)
    if matched.isEmpty { return fallbackCovers(pattern) ? [] : [literal.lowercased()] }
    return matched.filter { supportsResourceScoping($0) != false }
  }

  /// Whether the reference knows the service prefix.
  public static func knowsService(_ service: String) -> Bool {
    table[service.lowercased()] != nil
  }

  // MARK: - Data

  package struct Entry: Sendable {
    package var scoped: Set<String>
    package var unscoped: Set<String>
    package var all: [String]
  }

  /// The data file, split by service but not parsed further until a service is asked about:
  /// loading finds the line of each service in the bytes compiled into the executable, so a
  /// small template does not pay for ec2's 800 actions, nor for a copy of the file.
  package final class Table: @unchecked Sendable {
    private let bytes: UnsafeRawBufferPointer
    /// Each service's two lists, as byte ranges of `bytes`.
    private let lines: [String: (scoped: Range<Int>, unscoped: Range<Int>)]
    private var parsed: [String: Entry] = [:]
    private let lock = NSLock()

    /// Indexes `bytes` (a tab-separated file: service, scoped actions, unscoped actions;
    /// `#` starts a comment line), which must outlive the table.
    package init(bytes: UnsafeRawBufferPointer) {
      self.bytes = bytes
      var lines: [String: (Range<Int>, Range<Int>)] = [:]
      var lineStart = 0
      while lineStart < bytes.count {
        let lineEnd = Self.offset(
          of: UInt8(ascii: "\n"), in: bytes, from: lineStart, to: bytes.count)
        if bytes[lineStart] != UInt8(ascii: "#") {
          let firstTab = Self.offset(
            of: UInt8(ascii: "\t"), in: bytes, from: lineStart, to: lineEnd)
          let secondTab = Self.offset(
            of: UInt8(ascii: "\t"), in: bytes, from: min(firstTab + 1, lineEnd), to: lineEnd)
          if secondTab < lineEnd,
            Self.offset(of: UInt8(ascii: "\t"), in: bytes, from: secondTab + 1, to: lineEnd)
              == lineEnd
          {
            let service = String(
              decoding: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<firstTab]), as: UTF8.self
            )
            lines[service] = ((firstTab + 1)..<secondTab, (secondTab + 1)..<lineEnd)
          }
        }
        lineStart = lineEnd + 1
      }
      self.lines = lines
    }

    /// Where the first `byte` at or after `start` is, or `end` when there is none before it.
    private static func offset(
      of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
    ) -> Int {
      guard start < end, let base = bytes.baseAddress,
        let found = memchr(base + start, Int32(byte), end - start)
      else { return end }
      return UnsafeRawPointer(found) - base
    }

    package var services: [String] { Array(lines.keys) }

    package subscript(service: String) -> Entry? {
      lock.lock()
      defer { lock.unlock() }
      if let entry = parsed[service] { return entry }
      guard let line = lines[service] else { return nil }
      let scoped = names(in: line.scoped)
      let unscoped = names(in: line.unscoped)
      let entry = Entry(
        scoped: Set(scoped), unscoped: Set(unscoped), all: (scoped + unscoped).sorted())
      parsed[service] = entry
      return entry
    }

    /// The comma-separated names in `range`.
    private func names(in range: Range<Int>) -> [String] {
      UnsafeRawBufferPointer(rebasing: bytes[range]).split(separator: UInt8(ascii: ",")).map {
        String(decoding: $0, as: UTF8.self)
      }
    }
  }

  package static let table = Table(
    bytes: EmbeddedData.contents(of: "iam-actions.tsv")
      ?? UnsafeRawBufferPointer(start: nil, count: 0))

  package static func split(_ action: String) -> (service: String, name: String) {
    let lower = action.lowercased()
    guard let colon = lower.firstIndex(of: ":") else { return (lower, "") }
    return (String(lower[..<colon]), String(lower[lower.index(after: colon)...]))
  }

  private static func fallback(_ action: String) -> Bool? {
    unscopedExamples.contains { Glob.match($0, action, ignoringCase: true) } ? false : nil
  }

  private static func fallbackCovers(_ pattern: ActionPattern) -> Bool {
    unscopedExamples.contains { pattern.isCovered(by: $0) }
  }
}
