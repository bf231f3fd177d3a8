import Template

/// A resource of any CloudFormation type, written as its properties: the escape hatch for a
/// type no family models (`AWS::Glue::Job`), so a stack never has to leave the DSL for one.
///
/// ```swift
/// RawResource("NightlyJob", type: "AWS::Glue::Job", properties: [
///   "Role": etlRole.arn, "Command": ["Name": "glueetl", "ScriptLocation": "s3://scripts/job.py"],
/// ])
/// ```
///
/// References inside `properties` are values like any other (`bucket.arn`, `key.arn`), so they
/// cross stacks as exports and imports. The type must be `Vendor::Service::Resource` shaped; the
/// application's tags are not added (not every type takes `Tags`, nor in the same shape).
public struct RawResource: ResourceDeclaration {
  public var logicalID: String
  public var type: String
  public var properties: OrderedMap<Value>
  public var dependsOn: [String]
  public var condition: Condition?
  public var deletionPolicy: String?
  public var origin: SourceLocation

  public init(
    _ logicalID: String, type: String, properties: OrderedMap<Value> = [:],
    dependsOn: [any ResourceDeclaration] = [], when condition: Condition? = nil,
    deletionPolicy: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.type = type
    self.properties = properties
    self.dependsOn = dependsOn.map(\.logicalID)
    self.condition = condition
    self.deletionPolicy = deletionPolicy
    self.origin = .blueprint(file, line)
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    let parts = type.split(separator: "::", omittingEmptySubsequences: false)
    context.require(
      parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isLetterOrDigitASCII) },
      .invalidValue,
      "resource '\(logicalID)': type '\(type)' is not of the form Vendor::Service::Resource",
      at: origin)
    if let deletionPolicy {
      context.require(
        ["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"].contains(deletionPolicy),
        .invalidValue,
        "resource '\(logicalID)': DeletionPolicy '\(deletionPolicy)' is not Delete, Retain, RetainExceptOnCreate or Snapshot",
        at: origin)
    }
    let resource = Resource(
      type: type, properties: properties, dependsOn: dependsOn, condition: condition?.name,
      deletionPolicy: deletionPolicy.map { .string($0) })
    return [LoweredResource(logicalID, resource, origin: origin)]
  }
}

extension Character {
  fileprivate var isLetterOrDigitASCII: Bool { isASCII && (isLetter || isNumber) }
}
