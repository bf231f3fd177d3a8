import Template

/// A private ECR repository: images scanned on push, tags immutable, encrypted with a
/// customer-managed key, old images expired by typed lifecycle rules, and the repository
/// kept when the stack is deleted.
///
/// Immutable tags are what make a pipeline run reproducible: `cellranger:7.2.0` can never
/// silently become different bytes. KMS encryption is fixed at creation (ECR cannot change it
/// later), so the key is required. ECR uses grants on the key for pushes and pulls; the roles
/// that pull images need no KMS permission of their own.
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecr-repository.html>
public struct EcrRepository: ResourceDeclaration {
  public var logicalID: String
  /// The duty name; the repository is `<application>-<environment>-<name>`.
  public var name: String
  public var key: ARN<KMSKey>
  public var lifecycle: [ImageLifecycleRule]
  public var retention: RetentionPolicy
  public var tags: [Tag]
  public var origin: SourceLocation

  public init(
    _ logicalID: String, name: String, key: ARN<KMSKey>, lifecycle: [ImageLifecycleRule],
    retention: RetentionPolicy = .retain, tags: [Tag] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    self.logicalID = logicalID
    self.name = name
    self.key = key
    self.lifecycle = lifecycle
    self.retention = retention
    self.tags = tags
    self.origin = .blueprint(file, line)
  }

  /// `Fn::GetAtt Arn`.
  public var arn: ARN<EcrRepository> { ARN(attribute("Arn")) }
  /// `Ref`: the repository name.
  public var repositoryName: Name<EcrRepository> { Name(ref) }
  /// `Fn::GetAtt RepositoryUri`: `<account>.dkr.ecr.<region>.amazonaws.com/<name>`.
  public var uri: Value { attribute("RepositoryUri") }
  /// The URI of one tagged image, `<uri>:<tag>`; the tag may be a parameter.
  public func image(tag: any ValueConvertible) -> Value {
    switch tag.value.kind {
    case .string(let literal): return .sub("${\(logicalID).RepositoryUri}:\(literal)")
    case .intrinsic(.ref(let parameter)):
      return .sub("${\(logicalID).RepositoryUri}:${\(parameter)}")
    default: return .sub("${\(logicalID).RepositoryUri}:${Tag}", ["Tag": tag.value])
    }
  }

  /// The lifecycle policy's JSON text, rules numbered in the order written.
  func lifecyclePolicyText(into context: inout LoweringContext) -> String {
    let rules = lifecycle.enumerated().map { offset, rule in
      rule.lower(priority: offset + 1, in: logicalID, at: origin, into: &context)
    }
    let document: Value = ["rules": .list(rules)]
    var text = document.json()
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    let segment = name.split(separator: "/", omittingEmptySubsequences: false)
    context.require(
      !name.isEmpty
        && segment.allSatisfy { part in
          !part.isEmpty && part.first.map { $0.isLowercase || $0.isNumber } == true
            && part.last.map { $0.isLowercase || $0.isNumber } == true
            && part.allSatisfy {
              $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0))
            }
        }, .invalidValue,
      "repository '\(logicalID)': '\(name)' is not a repository name: lowercase letters, digits, and . _ - / between them",
      at: origin)
    context.require(
      !lifecycle.isEmpty, .invalidImageLifecycle,
      "repository '\(logicalID)' has no lifecycle rule; untagged images would accumulate forever",
      at: origin)
    for (offset, rule) in lifecycle.enumerated()
    where rule.isAnyTagStatus && offset != lifecycle.count - 1 {
      context.fail(
        .invalidImageLifecycle,
        "repository '\(logicalID)': the keep-last rule for any tag status must be the last rule; ECR rejects rules after it",
        at: origin)
    }
    var properties = Properties()
    properties["RepositoryName"] = context.physicalName(name)
    properties["ImageTagMutability"] = "IMMUTABLE"
    properties["ImageScanningConfiguration"] = ["ScanOnPush": true] as Value
    properties["EncryptionConfiguration"] = ["EncryptionType": "KMS", "KmsKey": key.value] as Value
    if !lifecycle.isEmpty {
      properties["LifecyclePolicy"] =
        ["LifecyclePolicyText": .string(lifecyclePolicyText(into: &context))] as Value
    }
    properties["EmptyOnDelete"] = false
    properties.set("Tags", (context.tags + tags).keyValueList)
    var repository = Resource(type: "AWS::ECR::Repository", properties: properties.map)
    repository.retain(retention)
    return [LoweredResource(logicalID, repository, origin: origin)]
  }
}
