import Template

/// SAM's `Globals` section applied to the resources it sets defaults for, so the rules judge
/// a function as SAM deploys it: a `KmsKeyArn`, `VpcConfig` or `DeadLetterQueue` written once
/// under `Globals.Function` belongs to every `AWS::Serverless::Function`.
///
/// A property the resource sets itself wins; mappings are merged key by key, as SAM merges
/// them. Values keep their locations, so a finding about a global setting points at the line
/// in `Globals`.
enum SAMGlobals {
  /// The `Globals` keys and the resource types they apply to.
  static let sections = [
    "Function": "AWS::Serverless::Function", "Api": "AWS::Serverless::Api",
    "HttpApi": "AWS::Serverless::HttpApi", "SimpleTable": "AWS::Serverless::SimpleTable",
    "StateMachine": "AWS::Serverless::StateMachine",
  ]

  /// The template with its globals applied, or the template itself when it has none.
  static func applied(to template: Template) -> Template {
    guard let globals = template.unknownSections["Globals"]?.mapValue else { return template }
    var result = template
    for entry in result.resources.entries {
      guard let type = entry.value.type,
        let section = sections.first(where: { $0.value == type })?.key,
        let defaults = globals[section]?.mapValue
      else { continue }
      var resource = entry.value
      resource.properties = merged(resource.properties, over: defaults)
      result.resources[entry.key] = resource
    }
    return result
  }

  /// `own` with each key of `defaults` it lacks added, mappings merged recursively.
  private static func merged(_ own: OrderedMap<Value>, over defaults: OrderedMap<Value>)
    -> OrderedMap<Value>
  {
    var result = own
    for entry in defaults.entries {
      guard let mine = own[entry.key] else {
        result.insert(entry)
        continue
      }
      if let mineMap = mine.mapValue, let theirs = entry.value.mapValue {
        result[entry.key] = Value(.map(merged(mineMap, over: theirs)), at: mine.location)
      }
    }
    return result
  }
}
