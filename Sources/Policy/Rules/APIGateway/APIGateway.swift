import Semantics
import Template

/// API Gateway: methods ask who is calling, stages keep access logs, custom domains refuse
/// old TLS, and cached responses are encrypted.
public enum APIGateway {
  public static let theme = "api-gateway"

  public static var rules: [Rule] {
    [methodAuthorization, stageAccessLogging, domainTLSPolicy, cacheEncrypted, stageTracing]
  }
}

extension RuleContext {
  /// The findings of `decide` over the value at the path `paths[type]` of each inspected
  /// resource: one rule reading the same setting from resources that spell it differently
  /// (a REST stage, an HTTP stage, a SAM API).
  func judgeEach(
    at paths: [String: [String]], question: String, _ decide: (Resolved) -> Verdict
  ) -> [Finding] {
    findingsPerResource { logicalID, resource in
      guard let keys = paths[resource.type ?? ""] else { return [] }
      return judge(
        property(logicalID, path: keys), logicalID: logicalID,
        path: "Properties." + keys.joined(separator: "."), question: question, decide)
    }
  }
}
