import Template

/// Who a trust or resource policy statement is about.
public enum Principal: Sendable {
  /// An AWS service, `batch.amazonaws.com`; `${AWS::Region}` is allowed (`logs.${AWS::Region}.amazonaws.com`).
  case service(String)
  /// An IAM ARN (role, user, account root), typed or from a parameter.
  case aws(any ValueConvertible)
  /// The account this stack is deployed in (`arn:...:iam::ACCOUNT:root`): IAM policies of the
  /// account then decide, the usual way to delegate a key or bucket policy to IAM.
  case account
  /// Everyone. Only meaningful in `Deny` statements (TLS enforcement) or with a restricting condition.
  case anyone

  /// A role of these blueprints.
  public static func role(_ role: Role) -> Principal { .aws(role.arn) }

  var key: String {
    switch self {
    case .service: "Service"
    case .aws, .account: "AWS"
    case .anyone: "*"
    }
  }

  var argument: Value {
    switch self {
    case .service(let name): name.contains("${") ? .sub(name) : .string(name)
    case .aws(let arn): arn.value
    case .account: AWS.accountRoot
    case .anyone: .string("*")
    }
  }
}

extension Array where Element == Principal {
  /// `Principal: {Service: [...], AWS: [...]}`, or `"*"` for anyone; single values unwrapped.
  var value: Value {
    if contains(where: { if case .anyone = $0 { true } else { false } }) { return "*" }
    var map = OrderedMap<Value>()
    for key in ["AWS", "Service"] {
      let values = filter { $0.key == key }.map(\.argument)
      if values.count == 1 {
        map[key] = values[0]
      } else if !values.isEmpty {
        map[key] = .list(values)
      }
    }
    return .map(map)
  }
}
