import Semantics
import Template

/// Lifecycle and data protection: data expires when it should, and survives when a stack does not.
public enum DataProtection {
  public static let theme = "data-protection"

  public static var rules: [Rule] {
    [bucketLifecycle, statefulDeletionPolicy, statefulReplacePolicy]
  }

  /// The resource types whose deletion loses data or makes data unreadable (a key): the list
  /// `formation diff` warns about too (see `StatefulTypes`).
  static let statefulTypes = StatefulTypes.all.sorted()

  /// Judges a `DeletionPolicy` or `UpdateReplacePolicy` value, absent meaning `Delete`.
  static func judgeRetention(
    _ value: Value?, attribute: String, event: String, logicalID: String, type: String?,
    in context: RuleContext
  ) -> [Finding] {
    let keeping = StatefulTypes.keepingPolicies(of: type ?? "")
    let type = type ?? "resource"
    guard let value else {
      // Absent, the usual case: the one finding `judge` makes of an absent value (no branch,
      // no parameter), made directly.
      return [
        context.finding(
          "\(type) is deleted \(event): \(attribute) is not set (Delete); set \(keeping)",
          logicalID: logicalID, at: context.location(of: logicalID), path: attribute)
      ]
    }
    let reading = context.reading(context.resolver.resolve(value))
    return context.judge(
      reading, logicalID: logicalID, path: attribute, question: "the resource is retained"
    ) { possibility in
      switch context.literal(possibility) {
      case .failure(let unknown): return .unknown(unknown.reason)
      case .success(let policy?) where StatefulTypes.keepsData(policy: policy, type: type):
        return .pass
      case .success(let policy):
        return .fail(
          "\(type) is deleted \(event): \(attribute) is \(policy ?? "not set (Delete)"); set \(keeping)"
        )
      }
    }
  }
}
