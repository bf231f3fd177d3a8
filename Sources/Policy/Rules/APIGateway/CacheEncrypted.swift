import Semantics
import Template

extension APIGateway {
  /// API004: cached API responses are encrypted.
  static let cacheEncrypted = Rule(
    id: "API004", title: "API Gateway response caches are encrypted", severity: .warning,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment"],
    rationale:
      "A method setting with CachingEnabled keeps responses (often personal data) in the stage's cache cluster; CacheDataEncrypted is false unless set.",
    remediation:
      "Set CacheDataEncrypted: true next to every CachingEnabled: true (MethodSettings entries, or a Deployment's StageDescription)."
  ) { context in
    context.findingsPerResource { logicalID, resource in
      let base =
        resource.type == "AWS::ApiGateway::Deployment"
        ? context.property(logicalID, "StageDescription") : context.properties(of: logicalID)
      let settings = [base] + [base.child("MethodSettings").items()]
      return settings.flatMap { setting in
        setting.child("CachingEnabled").possibilities.filter { $0.bool == true }.flatMap {
          caching in
          context.judge(
            setting.child("CacheDataEncrypted").after(caching), logicalID: logicalID,
            path: "Properties.MethodSettings", question: "the cache is encrypted"
          ) {
            if $0.isAbsent {
              return .fail("caching is enabled without CacheDataEncrypted (defaults to false)")
            }
            return $0.bool == false
              ? .fail("caching is enabled with CacheDataEncrypted: false") : .pass
          }.map { finding in
            var located = finding
            if located.location == context.location(of: logicalID), let place = caching.location {
              located.location = place
            }
            return located
          }
        }
      }
    }
  }
}
