import Semantics
import Template

extension RuleContext {
  /// A flag that must be `true`: absent and `false` fail with their own messages.
  public func expectTrue(_ possibility: Resolved, absent: String, isFalse: String) -> Verdict {
    if possibility.isAbsent { return .fail(absent) }
    guard let flag = possibility.bool else { return .unknown(possibility.unknowableReason) }
    return flag ? .pass : .fail(isFalse)
  }

  /// A flag that must not be `true`; `defaultIsTrue` says what absence means.
  public func expectNotTrue(_ possibility: Resolved, defaultIsTrue: Bool = false, isTrue: String)
    -> Verdict
  {
    if possibility.isAbsent { return defaultIsTrue ? .fail(isTrue) : .pass }
    guard let flag = possibility.bool else { return .unknown(possibility.unknowableReason) }
    return flag ? .fail(isTrue) : .pass
  }

  /// Judges a key reference: a key or alias resource of this template, a key ARN or id, or a
  /// customer alias is customer managed; `alias/aws/...` is an AWS managed key; a parameter
  /// without a default or an import is unknown. Absence fails with `absent`.
  public func customerManagedKey(_ possibility: Resolved, absent: String) -> Verdict {
    if possibility.isAbsent { return .fail(absent) }
    if parameterRulesOut(Self.notCustomerKeys, in: possibility) { return .pass }
    guard let string = possibility.string else { return .unknown(possibility.unknowableReason) }
    if let text = string.literal {
      if text.isEmpty { return .fail(absent) }
      return Self.isAWSManagedAlias(text)
        ? .fail("uses the AWS managed key \(text), not a customer-managed key") : .pass
    }
    if let target = string.resourceReference?.logicalID, let type = resourceType(target) {
      if Self.keyTypes.contains(type) { return .pass }
      if type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource" {
        return .unknown("the key comes from custom resource \(target)")
      }
      return .fail("names \(target), a \(type), where a KMS key is expected")
    }
    if string.containsText("alias/aws/") {
      return .fail("uses an AWS managed key (\(string)), not a customer-managed key")
    }
    if string.referencedResources.contains(where: {
      Self.keyTypes.contains(resourceType($0) ?? "")
    }) {
      return .pass
    }
    if string.isFullyKnown, string.containsText(":key/") || string.containsText(":alias/") {
      return .pass
    }
    // `arn:...:key/${KeyId}`: whatever the id, a key ARN names a key, never an AWS managed alias.
    if string.containsText(":key/") { return .pass }
    return .unknown(possibility.unknowableReason)
  }

  /// `judge` with `customerManagedKey`, the findings that the key is missing marked
  /// `scope["key"] = "absent"`: a peer check that asks only for some key (checkov CKV_AWS_26)
  /// reaches those and not the AWS managed key ones.
  func judgeCustomerKey(
    _ reading: Reading, logicalID: String, path: String, question: String, absent: String
  ) -> [Finding] {
    var missing = judge(reading.filter(\.isAbsent), logicalID: logicalID, path: path, question: question) {
      customerManagedKey($0, absent: absent)
    }
    for index in missing.indices { missing[index].scope["key"] = "absent" }
    return missing
      + judge(reading.filter { !$0.isAbsent }, logicalID: logicalID, path: path, question: question) {
        customerManagedKey($0, absent: absent)
      }
  }

  /// Values a parameter that guarantees a customer-managed key must refuse: nothing, an AWS
  /// managed alias (by name and by ARN), a wildcard, a word.
  static let notCustomerKeys = [
    "", "alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs", "*", "none",
  ]

  /// True when `possibility` is a parameter without a default whose `AllowedValues`,
  /// `AllowedPattern` or `Number` type refuses every one of `values`: the deployer cannot
  /// choose them, so a rule asking "is it one of these?" has its answer (a CIDR parameter
  /// limited to /16-/28 is never 0.0.0.0/0).
  public func parameterRulesOut(_ values: [String], in possibility: Resolved) -> Bool {
    let reason: String
    switch possibility.shape {
    case .unknown(let whole): reason = whole
    case .string(let string):
      guard string.parts.count == 1, case .unknown(let part) = string.parts[0] else {
        return false
      }
      reason = part
    default: return false
    }
    guard isConstrainedParameter(reason), let name = Resolver.parameterWithoutDefault(from: reason)
    else { return false }
    return values.allSatisfy { !resolver.parameter(name, accepts: $0) }
  }

  /// True when `reason` is a parameter without a default that `AllowedValues`,
  /// `AllowedPattern` or the `Number` type narrows.
  func isConstrainedParameter(_ reason: String) -> Bool {
    guard let name = Resolver.parameterWithoutDefault(from: reason),
      let parameter = template.parameters[name]
    else { return false }
    return parameter.attributes["AllowedValues"] != nil
      || parameter.attributes["AllowedPattern"] != nil || parameter.type == "Number"
  }

  /// KMS resource types whose `Ref`/`Arn` is a customer-managed key.
  static let keyTypes: Set<String> = ["AWS::KMS::Key", "AWS::KMS::Alias", "AWS::KMS::ReplicaKey"]

  static func isAWSManagedAlias(_ text: String) -> Bool {
    text.hasPrefix("alias/aws/") || text.contains(":alias/aws/")
  }
}

extension RuleContext {
  /// The literal text of a possibility (`nil` when absent), or the reason it has none.
  public func literal(_ possibility: Resolved) -> Result<String?, LiteralUnknown> {
    if possibility.isAbsent { return .success(nil) }
    if let text = possibility.text { return .success(text) }
    return .failure(LiteralUnknown(reason: possibility.unknowableReason))
  }
}

/// Why a value has no literal text.
public struct LiteralUnknown: Error, Sendable {
  public var reason: String
}
