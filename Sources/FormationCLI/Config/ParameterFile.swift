import Policy
import Semantics
import Template

/// A parameter file as the AWS CLI takes it (`aws cloudformation deploy --parameter-overrides
/// file://...`, `create-stack --parameters file://...`), in either of its two JSON forms:
///
/// ```json
/// [{"ParameterKey": "Stage", "ParameterValue": "prod"}]
/// {"Parameters": {"Stage": "prod"}}
/// ```
/// Entries with `UsePreviousValue` and no value are skipped: the deployed value is not known here.
enum ParameterFile {
  static func read(_ path: String) throws(ConfigurationError) -> ParameterValues {
    let root = try ConfigurationError.parse(path, format: .json, what: "parameter file")
    let start = SourceLocation(file: path, line: 1, column: 1)
    var values: [String: String] = [:]
    if let list = root.listValue {
      for item in list {
        let at = item.location ?? start
        guard let key = item["ParameterKey"]?.stringValue else {
          throw ConfigurationError(.wrongShape, "each entry needs a ParameterKey string", at: at)
        }
        guard let value = item["ParameterValue"] else {
          if item["UsePreviousValue"]?.boolValue == true { continue }
          throw ConfigurationError(
            .wrongShape, "parameter \(key) has no ParameterValue", at: at)
        }
        values[key] = try text(of: value, key: key, at: value.location ?? at)
      }
    } else if let parameters = root["Parameters"]?.mapValue {
      for entry in parameters.entries {
        values[entry.key] = try text(
          of: entry.value, key: entry.key, at: entry.value.location ?? start)
      }
    } else {
      throw ConfigurationError(
        .wrongShape,
        #"a parameter file is a list of {"ParameterKey": ..., "ParameterValue": ...} or {"Parameters": {"Key": "value"}}"#,
        at: root.location ?? start)
    }
    return ParameterValues(values)
  }

  /// A value as CloudFormation receives it: a string, a number's literal, a list joined by commas.
  private static func text(of value: Value, key: String, at: SourceLocation)
    throws(ConfigurationError) -> String
  {
    if let string = value.stringValue { return string }
    if let number = value.numberValue { return number.literal }
    if let flag = value.boolValue { return flag ? "true" : "false" }
    if let list = value.listValue {
      var items: [String] = []
      for item in list { items.append(try text(of: item, key: key, at: item.location ?? at)) }
      return items.joined(separator: ",")
    }
    throw ConfigurationError(
      .wrongShape, "the value of parameter \(key) must be a string, number or list", at: at)
  }
}
