import Template

/// A DataSync task: what to copy from a source location to a destination, how to check it,
/// where to log, and when to run.
///
/// Verification is always on (`VerifyMode` has no `NONE` here): a transfer whose copies are
/// never compared with the source is not evidence that the data arrived. Logging is a level
/// together with its log group, so a level without a group (which DataSync rejects) cannot be
/// written. Filters are lists of DataSync simple patterns (`*/.snapshot`, `/runs`).
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-datasync-task.html>
public struct DataSyncTask: ResourceDeclaration {
  /// How DataSync checks the copies.
  public enum Verification: String, Sendable {
    /// Checksums of the files this execution transferred, compared at the destination. The
    /// only mode that works when older objects have moved to Glacier, where DataSync can't
    /// read them back.
    case onlyFilesTransferred = "ONLY_FILES_TRANSFERRED"
    /// The whole source compared with the whole destination at the end.
    case pointInTimeConsistent = "POINT_IN_TIME_CONSISTENT"
  }

  public enum TransferMode: String, Sendable {
    /// Only what differs from the destination.
    case changed = "CHANGED"
    case all = "ALL"
  }

  public enum Overwrite: String, Sendable {
    case always = "ALWAYS"
    case never = "NEVER"
  }

  public enum DeletedFiles: String, Sendable {
    /// Keep at the destination what was deleted at the source.
    case preserve = "PRESERVE"
    case remove = "REMOVE"
  }

  /// What DataSync logs, and where.
  public enum Logging: Sendable {
    /// Errors and a summary per execution.
    case basic(to: ARN<LogGroup>)
    /// Every file transferred and verified, too: a per-file audit trail.
    case transfer(to: ARN<LogGroup>)

    var level: String {
      switch self {
      case .basic: "BASIC"
      case .transfer: "TRANSFER"
      }
    }
    var group: ARN<LogGroup> {
      switch self {
      case .basic(let group), .transfer(let group): group
      }
    }
  }

  public var logicalID: String
  /// The duty name; the task is `<application>-<environment>-<name>`.
  public var name: String?
  public var source: ARN<DataSyncLocation>
  public var destination: ARN<DataSyncLocation>
  public var verification: Verification
  public var transferMode: TransferMode
  public var overwrite: Overwrite
  public var deletedFiles: DeletedFiles
  /// `nil` turns logging off.
  public var logging: Logging?
  /// `rate(1 hour)` or `cron(...)`; DataSync runs a task at most hourly. `nil`: started by hand or API.
  public var schedule: String?
  public var includes: [String]
  public var excludes: [String]
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String? = nil, from source: ARN<DataSyncLocation>,
    to destination: ARN<DataSyncLocation>, verification: Verification,
    transferMode: TransferMode = .changed, overwrite: Overwrite = .always,
    deletedFiles: DeletedFiles = .preserve, logging: Logging?, schedule: String? = nil,
    includes: [String] = [], excludes: [String] = [], tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.source = source
    self.destination = destination
    self.verification = verification
    self.transferMode = transferMode
    self.overwrite = overwrite
    self.deletedFiles = deletedFiles
    self.logging = logging
    self.schedule = schedule
    self.includes = includes
    self.excludes = excludes
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Ref` of a task is its ARN.
  public var arn: ARN<DataSyncTask> { ARN(ref) }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    for pattern in includes + excludes {
      context.require(
        !pattern.isEmpty && !pattern.contains("|"), .invalidValue,
        "task '\(logicalID)': '\(pattern)' is not one filter pattern; give each pattern separately, without |",
        at: origin)
    }
    if let schedule {
      context.require(
        (schedule.hasPrefix("rate(") || schedule.hasPrefix("cron(")) && schedule.hasSuffix(")")
          && !["minute", "minutes"].contains { schedule.hasSuffix(" \($0))") },
        .invalidValue,
        "task '\(logicalID)': '\(schedule)' is not a DataSync schedule: rate(N hours) or cron(...), at most hourly",
        at: origin)
    }
    var properties = Properties()
    if let name { properties["Name"] = context.physicalName(name) }
    properties["SourceLocationArn"] = source
    properties["DestinationLocationArn"] = destination
    var options = Properties()
    options["VerifyMode"] = verification.rawValue
    options["TransferMode"] = transferMode.rawValue
    options["OverwriteMode"] = overwrite.rawValue
    options["PreserveDeletedFiles"] = deletedFiles.rawValue
    options["LogLevel"] = logging?.level ?? "OFF"
    properties["Options"] = options
    properties.set("CloudWatchLogGroupArn", logging?.group)
    if let schedule {
      properties["Schedule"] = ["ScheduleExpression": .string(schedule)] as Value
    }
    properties.set("Includes", filter(includes))
    properties.set("Excludes", filter(excludes))
    properties.set("Tags", (context.tags + tags).keyValueList)
    return [
      LoweredResource(
        logicalID, Resource(type: "AWS::DataSync::Task", properties: properties.map),
        origin: origin)
    ]
  }

  /// DataSync takes one filter rule whose value joins the patterns with `|`.
  private func filter(_ patterns: [String]) -> Value? {
    guard !patterns.isEmpty else { return nil }
    return [
      ["FilterType": "SIMPLE_PATTERN", "Value": .string(patterns.joined(separator: "|"))]
    ]
  }
}
