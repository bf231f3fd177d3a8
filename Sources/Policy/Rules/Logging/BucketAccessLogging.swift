import Semantics
import Template

extension Logging {
  /// LOG001: buckets log access, or document in Metadata what records access instead.
  static let bucketAccessLogging = Rule(
    id: "LOG001", title: "S3 bucket logs access or documents an alternative", severity: .warning,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "Server access logs (or CloudTrail data events) are the only record of who read which object; without either, a leak cannot be scoped. A bucket covered by a CloudTrail data-event trail, or a log bucket that cannot log to itself, says so in its Metadata.",
    remediation:
      "Set LoggingConfiguration.DestinationBucketName to a log bucket, or write the alternative in the bucket's Metadata: `formation: {accessLogging: \"CloudTrail data events in trail OrgTrail\"}` (10 characters at least)."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      if let note = resource.metadata?["formation"]?["accessLogging"]?.stringValue, note.count >= 10
      {
        return []
      }
      return context.judge(
        context.property(logicalID, "LoggingConfiguration"), logicalID: logicalID,
        path: "Properties.LoggingConfiguration",
        question: "access is logged"
      ) { possibility in
        possibility.isAbsent
          ? .fail(
            "bucket has no LoggingConfiguration and its Metadata documents no alternative (formation.accessLogging)"
          )
          : .pass
      }
    }
  }
}
