import Foundation
import Template

/// One value of a template that is deployed as plain text: an environment variable, a
/// user-data script, an SSM parameter's value, a parameter's default.
struct PlainTextValue {
  /// What the value is, for messages: `environment variable API_KEY`, `UserData`.
  var label: String
  /// The name the value is assigned to, when it has one (judged with `isSecretName`).
  var name: String?
  var value: Value
  var path: String

  /// The plain-text values of a resource that lint scans for secrets.
  static func values(of resource: Resource) -> [PlainTextValue] {
    let properties = Value(.map(resource.properties))
    switch resource.type ?? "" {
    case "AWS::Lambda::Function", "AWS::Serverless::Function":
      return variables(properties.at("Environment", "Variables"), path: "Properties.Environment.Variables")
    case "AWS::ECS::TaskDefinition":
      return items(properties.at("ContainerDefinitions")).enumerated().flatMap { index, container in
        pairs(container.at("Environment"), path: "Properties.ContainerDefinitions.\(index).Environment")
      }
    case "AWS::Batch::JobDefinition":
      let nodes = items(properties.at("NodeProperties", "NodeRangeProperties"))
      return pairs(
        properties.at("ContainerProperties", "Environment"),
        path: "Properties.ContainerProperties.Environment")
        + nodes.enumerated().flatMap { index, node in
          pairs(
            node.at("Container", "Environment"),
            path: "Properties.NodeProperties.NodeRangeProperties.\(index).Container.Environment")
        }
    case "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration":
      return properties.at("UserData").map {
        [PlainTextValue(label: "UserData", value: $0, path: "Properties.UserData")]
      } ?? []
    case "AWS::EC2::LaunchTemplate":
      return properties.at("LaunchTemplateData", "UserData").map {
        [
          PlainTextValue(
            label: "UserData", value: $0, path: "Properties.LaunchTemplateData.UserData")
        ]
      } ?? []
    case "AWS::SSM::Parameter":
      guard let value = properties.at("Value") else { return [] }
      let name = properties.at("Name")?.stringValue
      return [
        PlainTextValue(
          label: "parameter value\(name.map { " of \($0)" } ?? "")", name: name, value: value,
          path: "Properties.Value")
      ]
    default:
      return []
    }
  }

  /// The resource types `values(of:)` reads.
  static let resourceTypes = [
    "AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::ECS::TaskDefinition",
    "AWS::Batch::JobDefinition", "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration",
    "AWS::EC2::LaunchTemplate", "AWS::SSM::Parameter",
  ]

  /// `Variables: {NAME: value}`.
  private static func variables(_ value: Value?, path: String) -> [PlainTextValue] {
    guard let value else { return [] }
    guard let map = value.mapValue else {
      return [PlainTextValue(label: "environment", value: value, path: path)]
    }
    return map.entries.map { entry in
      PlainTextValue(
        label: "environment variable \(entry.key)", name: entry.key, value: entry.value,
        path: "\(path).\(entry.key)")
    }
  }

  /// `Environment: [{Name: NAME, Value: value}]`.
  private static func pairs(_ value: Value?, path: String) -> [PlainTextValue] {
    items(value).enumerated().compactMap { index, pair in
      guard let value = pair.at("Value") else { return nil }
      let name = pair.at("Name")?.stringValue
      return PlainTextValue(
        label: "environment variable \(name ?? String(index + 1))", name: name, value: value,
        path: "\(path).\(index).Value")
    }
  }

  /// The elements of a list (nothing for anything else).
  private static func items(_ value: Value?) -> [Value] { value?.listValue ?? [] }
}

extension Value {
  /// The member reached by `keys` through mappings, or nil.
  func at(_ keys: String...) -> Value? {
    var current: Value? = self
    for key in keys { current = current?.mapValue?[key] }
    return current
  }

  /// The text pieces of this value that are written in the template: every string scalar and
  /// `Fn::Sub` template below it (references kept as `${Name}`), each with its location, and
  /// the whole value rendered as one text when it is built with `Fn::Join`, `Fn::Sub` or
  /// `Fn::Base64` (so `"DB_PASSWORD=", "s3cr3t..."` pieces of a join are read together).
  var writtenTexts: [(text: String, location: SourceLocation?)] {
    var texts: [(text: String, location: SourceLocation?)] = []
    forEachDescendant { value in
      switch value.kind {
      case .string(let string):
        texts.append((string, value.location))
        if let decoded = Self.decodedBase64(string) { texts.append((decoded, value.location)) }
      case .intrinsic(.sub(let sub)): texts.append((sub.template, value.location))
      default: break
      }
    }
    if case .intrinsic = kind { texts.append((rendered, location)) }
    return texts
  }

  /// The text a base64 string encodes, when it is one (at least 16 characters of the base64
  /// alphabet, decoding to UTF-8).
  static func decodedBase64(_ text: String) -> String? {
    let compact = text.filter { !$0.isNewline }
    guard compact.count >= 16, compact.count % 4 == 0,
      compact.utf8.allSatisfy({
        ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 43
          || $0 == 47 || $0 == 61
      }),
      let data = Data(base64Encoded: compact)
    else { return nil }
    return String(data: data, encoding: .utf8)
  }

  /// The value as text, with what is only known at deploy time shown as `${}`.
  private var rendered: String {
    switch kind {
    case .string(let string): return string
    case .number(let number): return number.literal
    case .bool(let bool): return bool ? "true" : "false"
    case .intrinsic(.sub(let sub)): return sub.template
    case .intrinsic(.base64(let inner)): return inner.rendered
    case .intrinsic(.join(let delimiter, let values)):
      return (values.listValue ?? []).map(\.rendered).joined(separator: delimiter)
    default: return "${}"
    }
  }
}
