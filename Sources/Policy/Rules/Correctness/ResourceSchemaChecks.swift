import Foundation
import Schemas
import Semantics
import Template

extension Rule {
  /// SCH001: a resource type the CloudFormation registry does not have (`AWS::S3::Buckett`).
  public static let unknownResourceType = Rule(
    id: "SCH001", title: "Unknown resource type", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "CloudFormation rejects a template whose resource type is not in its registry; a misspelled type fails the whole deployment. Custom resources (`Custom::*`), modules, SAM types and third-party registry types are not checked.",
    remediation:
      "Correct the type name; the did-you-mean names the closest type the registry has."
  ) { context in
    let schemas = ResourceSchemas.shipped
    guard !context.facts.index.hasMacroTransform else { return [] }
    var budget = SuggestionBudget()
    var findings: [Finding] = []
    // A template repeats a few types many times: each is judged once.
    var isUnknown: [String: Bool] = [:]
    for entry in context.template.resources.entries where !TemplateIndex.isExpansion(entry.key) {
      guard let type = entry.value.type else { continue }
      let unknown =
        isUnknown[type]
        ?? {
          let unknown =
            !SchemaFacts.isUnchecked(type) && ResourceTypeName.problem(with: type) == nil
            && !schemas.knows(type)
          isUnknown[type] = unknown
          return unknown
        }()
      guard unknown else { continue }
      let hint = budget.phrase(for: type, in: schemas.typeNames)
      findings.append(
        context.finding(
          "resource '\(entry.key)' has type '\(type)', which is not a CloudFormation resource type\(hint)",
          logicalID: entry.key,
          at: entry.value.typeLocation ?? entry.value.location ?? entry.keyLocation, path: "Type"))
    }
    return findings
  }

  /// SCH002: a property the resource type (or the nested type) does not have, at any depth.
  public static let unknownProperty = Rule(
    id: "SCH002", title: "Unknown property", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "CloudFormation rejects a property its resource type does not define; a misspelled property (`VisibiltyTimeout`, a lifecycle `TransitionInDay`) fails the deployment.",
    remediation: "Fix the spelling or the nesting; the did-you-mean names the closest property."
  ) { context in context.schemaFindings(.unknownProperty) }

  /// SCH003: a required property that is not set.
  public static let missingRequiredProperty = Rule(
    id: "SCH003", title: "Missing required property", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "A resource (or a nested setting) without a property its type requires is rejected when the stack is created, for example a Lambda function without `Role`.",
    remediation: "Set the property."
  ) { context in context.schemaFindings(.missingProperty) }

  /// SCH004: a `oneOf`/`anyOf`/`requiredXor`/`dependentRequired` requirement that is not met.
  public static let unmetRequirementGroup = Rule(
    id: "SCH004", title: "Requirement group not met", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "Some types need one of several properties (exactly one, or at least one), or a property that only makes sense with another; CloudFormation rejects a resource that breaks the rule.",
    remediation: "Set the properties the message names, or remove the one that conflicts."
  ) { context in context.schemaFindings(.requirementGroup) }

  /// SCH005: a value of the wrong JSON type, after CloudFormation's coercions.
  public static let wrongPropertyType = Rule(
    id: "SCH005", title: "Property value of the wrong type", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "CloudFormation converts `\"5\"` to an integer and `\"true\"` to a boolean, but a word where a number is expected (`MessageRetentionPeriod: lots`), a list where a string is expected or a string where a list is expected fails the deployment. A path or S3 URI where `aws cloudformation package` makes the object (a function's `Code`) is a warning to package the template first.",
    remediation: "Write the value with the type the property takes."
  ) { context in context.schemaFindings(.wrongType) }

  /// SCH006: a value that is not one of the property's allowed values.
  public static let valueNotAllowed = Rule(
    id: "SCH006", title: "Value not allowed", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "Properties with a fixed set of values (`BillingMode`, `AllocationStrategy`, `Runtime`) reject anything else at deploy time. Some are compared case-insensitively, as cfn-lint does. A parameter's allowed value the property rejects is a warning when another allowed value works (the stack can be created with it), an error when none does.",
    remediation: "Use one of the listed values."
  ) { context in context.schemaFindings(.notAllowed) }

  /// SCH007: a number below the property's minimum or above its maximum.
  public static let valueOutOfRange = Rule(
    id: "SCH007", title: "Value out of range", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "A number outside the range the type documents (`VisibilityTimeout: 999999`, beyond 43,200 seconds) is rejected when the resource is created.",
    remediation: "Use a value within the range the message gives."
  ) { context in context.schemaFindings(.outOfRange) }

  /// SCH008: a string or list of the wrong length.
  public static let valueLength = Rule(
    id: "SCH008", title: "Value of the wrong length", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "Strings and lists with a documented minimum or maximum length (names, descriptions, subnet lists) are rejected at deploy time when too short or too long.",
    remediation: "Shorten or lengthen the value to fit the bounds the message gives."
  ) { context in context.schemaFindings(.wrongLength) }

  /// SCH009: a string that does not match the property's pattern.
  public static let patternMismatch = Rule(
    id: "SCH009", title: "Value does not match the pattern", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "Properties with a documented pattern (ARNs, identifiers, names) reject a value that does not match it.",
    remediation: "Write the value in the form the pattern describes."
  ) { context in context.schemaFindings(.patternMismatch) }

  /// SCH010: `Fn::GetAtt` of an attribute the resource type does not have.
  public static let unknownGetAttAttribute = Rule(
    id: "SCH010", title: "GetAtt of an unknown attribute", severity: .error,
    family: .correctness, theme: "schema",
    rationale:
      "`Fn::GetAtt` (and `${Resource.Attribute}` in `Fn::Sub`) can only read the attributes a resource type returns; any other name fails the stack's validation.",
    remediation: "Use one of the type's attributes; the did-you-mean names the closest."
  ) { context in
    let index = context.facts.index
    guard !index.hasMacroTransform else { return [] }
    var findings: [Finding] = []
    func check(_ resource: String, _ attribute: String, _ use: IntrinsicUse) {
      guard let type = context.resolver.type(of: resource), !SchemaFacts.isUnchecked(type),
        let schema = ResourceSchemas.shipped[type], !attribute.isEmpty,
        !schema.hasAttribute(attribute)
      else { return }
      let hint = Suggestion.phrase(for: attribute, in: schema.attributes)
      let known =
        schema.attributes.isEmpty
        ? "; '\(type)' has no attributes"
        : hint.isEmpty
          ? "; '\(type)' has \(schema.attributes.prefix(8).joined(separator: ", "))\(schema.attributes.count > 8 ? ", ..." : "")"
          : hint
      findings.append(
        context.finding(
          "Fn::GetAtt reads '\(resource).\(attribute)', but \(type) has no attribute '\(attribute)'\(known)",
          about: use))
    }
    for use in context.facts.uses where References.isChecked(use) {
      switch use.function {
      case .getAtt(let resource, let attribute):
        check(resource, attribute, use)
      case .sub(let sub):
        let variables = Set(sub.variables?.keys ?? [])
        for name in sub.references where !variables.contains(name) {
          guard let (resource, attribute) = References.splitAttribute(name) else { continue }
          check(resource, attribute, use)
        }
      default: continue
      }
    }
    return findings
  }

  /// SCH011: a Lambda function on a runtime AWS has deprecated.
  public static let deprecatedLambdaRuntime = Rule(
    id: "SCH011", title: "Deprecated Lambda runtime", severity: .error, family: .correctness,
    theme: "schema", resourceTypes: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
    rationale:
      "AWS stops creating functions on a runtime some months after deprecating it (`python2.7`, `nodejs12.x`); a template that still names one fails on its next deployment. A deprecated runtime that can still be used is a warning. SAM functions inherit `Globals.Function.Runtime`.",
    remediation: "Move the function to the successor runtime the message names."
  ) { context in
    let today = DeprecatedRuntime.today
    let globalRuntime = context.template.unknownSections["Globals"]?["Function"]?["Runtime"]
    var findings: [Finding] = []
    for logicalID in context.inspectedLogicalIDs {
      guard let resource = context.template.resources[logicalID] else { continue }
      let own = resource.properties.entry("Runtime")?.value
      let inherited = resource.type == "AWS::Serverless::Function" ? globalRuntime : nil
      guard let value = own ?? inherited else { continue }
      for (name, location) in DeprecatedRuntime.literals(in: value) {
        guard let runtime = ResourceSchemas.shipped.runtimes[name], !runtime.deprecated.isEmpty,
          runtime.deprecated <= today
        else { continue }
        let blocked = !runtime.createBlocked.isEmpty && runtime.createBlocked <= today
        let successor = runtime.successor.isEmpty ? "" : "; use \(runtime.successor)"
        let when = blocked ? "since" : "from"
        let source = own == nil ? " (from Globals)" : ""
        findings.append(
          context.finding(
            "resource '\(logicalID)' uses runtime '\(name)'\(source), deprecated since \(runtime.deprecated); functions cannot be created with it \(when) \(runtime.createBlocked)\(successor)",
            logicalID: logicalID, at: own == nil ? resource.location : location,
            path: "Properties.Runtime", severity: blocked ? .error : .warning))
      }
    }
    return findings
  }

  /// SCH012: a read-only property (one CloudFormation sets, like `Arn`) written in the template.
  public static let readOnlyProperty = Rule(
    id: "SCH012", title: "Read-only property set", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "Read-only properties (`Arn`, `QueueUrl`) are returned by CloudFormation, not accepted from the template; setting one is rejected.",
    remediation: "Remove the property; read it with `Fn::GetAtt` instead."
  ) { context in context.schemaFindings(.readOnly) }
}

/// The runtimes a `Runtime` value names, with where each is written.
enum DeprecatedRuntime {
  static func literals(in value: Value) -> [(String, SourceLocation?)] {
    switch value.kind {
    case .string(let name): return [(name, value.location)]
    case .intrinsic(.if(_, let then, let otherwise)):
      return literals(in: then) + literals(in: otherwise)
    default: return []
    }
  }

  /// Today as `YYYY-MM-DD` in UTC, as the data writes dates; worked out once per process
  /// from the clock by calendar arithmetic (a date formatter loads ICU, which costs more than
  /// checking a small template).
  static let today: String = date(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))

  /// The proleptic Gregorian date `days` days after 1970-01-01, as `YYYY-MM-DD`.
  static func date(daysSinceEpoch days: Int) -> String {
    // Howard Hinnant's civil_from_days: eras of 400 years, years starting in March.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func padded(_ number: Int, _ width: Int) -> String {
      let digits = String(number)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }
}

extension Rule {
  /// SCH016: a list whose elements must be unique (managed policy ARNs, subnet ids) repeats one.
  public static let duplicateListItem = Rule(
    id: "SCH016", title: "Duplicate list element", severity: .error, family: .correctness,
    theme: "schema",
    rationale:
      "Lists the type declares unique (`ManagedPolicyArns`, security group ids) are rejected when an element appears twice.",
    remediation: "Remove the repeated element."
  ) { context in context.schemaFindings(.duplicateItem) }
}
