import Template

/// A DynamoDB table, on-demand, encrypted with a customer-managed key, with point-in-time
/// recovery and deletion protection on, retained when the stack goes.
public struct Table: ResourceDeclaration {
  /// A key attribute's type.
  public enum AttributeType: String, Sendable {
    case string = "S"
    case number = "N"
    case binary = "B"
  }

  /// A key attribute: its name and type.
  public struct Key: Sendable {
    public var name: String
    public var type: AttributeType
    public static func string(_ name: String) -> Key { Key(name: name, type: .string) }
    public static func number(_ name: String) -> Key { Key(name: name, type: .number) }
  }

  public var logicalID: String
  /// The duty name; the physical name is `<application>-<environment>-<name>`, so roles in
  /// other stacks can name the table in their policies.
  public var name: String
  public var partitionKey: Key
  public var sortKey: Key?
  public var encryptionKey: ARN<KMSKey>
  /// The attribute holding an expiry epoch, for DynamoDB to delete expired items.
  public var timeToLiveAttribute: String?
  public var retention: RetentionPolicy
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, partitionKey: Key, sortKey: Key? = nil,
    encryptionKey: ARN<KMSKey>,
    timeToLiveAttribute: String? = nil, retention: RetentionPolicy = .retain, tags: [Tag] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.partitionKey = partitionKey
    self.sortKey = sortKey
    self.encryptionKey = encryptionKey
    self.timeToLiveAttribute = timeToLiveAttribute
    self.retention = retention
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  public var arn: ARN<Table> { ARN(attribute("Arn")) }
  public var tableName: Name<Table> { Name(ref) }

  /// The table's ARN built from its fixed name: no dependency on the stack that creates it.
  public func arnFromName(in context: LoweringContext) -> Value {
    ARN.table(named: "\(context.applicationName)-${\(context.environmentParameter)}-\(name)").value
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    let keys = [partitionKey] + (sortKey.map { [$0] } ?? [])
    var properties = Properties()
    properties["TableName"] = context.physicalName(name)
    properties["BillingMode"] = "PAY_PER_REQUEST"
    properties["AttributeDefinitions"] = Value.list(
      keys.map { ["AttributeName": .string($0.name), "AttributeType": .string($0.type.rawValue)] })
    properties["KeySchema"] = Value.list(
      zip(keys, ["HASH", "RANGE"]).map {
        ["AttributeName": .string($0.name), "KeyType": .string($1)]
      })
    properties["PointInTimeRecoverySpecification"] = ["PointInTimeRecoveryEnabled": true] as Value
    properties["SSESpecification"] =
      [
        "SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": encryptionKey.value,
      ] as Value
    properties["DeletionProtectionEnabled"] = true
    if let timeToLiveAttribute {
      properties["TimeToLiveSpecification"] =
        ["AttributeName": .string(timeToLiveAttribute), "Enabled": true] as Value
    }
    properties.set("Tags", (context.tags + tags).keyValueList)
    var table = Resource(type: "AWS::DynamoDB::Table", properties: properties.map)
    table.retain(retention == .delete ? .delete : .retain)
    return [LoweredResource(logicalID, table, origin: origin)]
  }
}
