import Semantics
import Template

extension Resolved {
  /// The literal text, unless it is (or holds) a dynamic reference (`{{resolve:ssm:/name}}`),
  /// which CloudFormation replaces at deployment: its written form is not the value.
  var settledLiteral: String? {
    guard let literal, !DynamicReference.appears(in: literal) else { return nil }
    return literal
  }

  /// The value as a whole number, when it is one written literally (`30` or `"30"`).
  var wholeNumber: Int? { text.flatMap { Int($0) } }
}

/// `{{resolve:service:key}}`, which CloudFormation replaces with a parameter's or a secret's value.
enum DynamicReference {
  static func appears(in text: String) -> Bool { text.contains("{{resolve:") }
}
