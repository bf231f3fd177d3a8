import Template

extension CloudFront {
  /// CDN003: a distribution writes standard (access) logs.
  static let distributionLogging = Rule(
    id: "CDN003", title: "CloudFront distributions write access logs", severity: .warning,
    family: .policy, theme: theme, resourceTypes: [distribution],
    rationale:
      "Access logs record each viewer request (client address, URI, status, TLS protocol); without them abuse of the distribution and of its origins cannot be traced. Either legacy logging (DistributionConfig.Logging.Bucket) or standard logging v2 (an AWS::Logs::DeliverySource whose ResourceArn is the distribution) counts.",
    remediation:
      "Set DistributionConfig.Logging: {Bucket: logs-bucket.s3.amazonaws.com, Prefix: cdn/}, or declare an AWS::Logs::DeliverySource with LogType ACCESS_LOGS for the distribution and a Delivery to a destination."
  ) { context in
    let deliveredSources = context.resources(ofType: "AWS::Logs::DeliverySource").flatMap {
      $0.resource.properties["ResourceArn"].map { arn in
        context.resolver.resolve(arn).flatMap { $0.string?.referencedResources ?? [] }
      } ?? []
    }
    return context.inspectedLogicalIDs.filter { !deliveredSources.contains($0) }.flatMap {
      logicalID in
      context.judge(
        context.property(logicalID, "DistributionConfig", "Logging", "Bucket"),
        logicalID: logicalID, path: "Properties.DistributionConfig.Logging",
        question: "the distribution writes access logs"
      ) { bucket in
        bucket.isAbsent ? .fail("distribution writes no access logs (DistributionConfig.Logging)") : .pass
      }
    }
  }
}
