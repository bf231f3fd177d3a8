import Semantics
import Template

extension CloudFront {
  /// CDN005: a distribution is associated with a web ACL.
  static let distributionWAF = Rule(
    id: "CDN005", title: "CloudFront distributions are protected by AWS WAF", severity: .info,
    family: .policy, theme: theme, resourceTypes: [distribution],
    rationale:
      "A web ACL in front of the distribution filters common exploits, bad bots and request floods before they reach the origin. Static sites of public content often need none, hence info.",
    remediation:
      "Set DistributionConfig.WebACLId to the ARN of an AWS::WAFv2::WebACL with Scope CLOUDFRONT (created in us-east-1)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        // A web ACL named by a parameter or an import is one the deployer supplies.
        context.property(logicalID, "DistributionConfig", "WebACLId").filter { !$0.isUnknown },
        logicalID: logicalID,
        path: "Properties.DistributionConfig.WebACLId", question: "the distribution has a web ACL"
      ) { acl in
        acl.isAbsent || acl.text == "" ? .fail("distribution has no web ACL (WebACLId)") : .pass
      }
    }
  }
}
