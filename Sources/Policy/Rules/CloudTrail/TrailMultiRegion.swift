import Template

extension CloudTrail {
  /// TRL003: a trail records every region.
  static let trailMultiRegion = Rule(
    id: "TRL003", title: "CloudTrail trails record every region", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::CloudTrail::Trail"],
    rationale:
      "A single-region trail misses what happens in the other regions, which is where an intruder starts instances or creates keys nobody watches; it also misses global-service events delivered to us-east-1.",
    remediation:
      "Set IsMultiRegionTrail: true (and IncludeGlobalServiceEvents: true, the default)."
  ) { context in
    context.requireTrue(
      "IsMultiRegionTrail", question: "the trail records every region",
      absent: "trail records one region only: IsMultiRegionTrail is not set and defaults to false",
      isFalse: "trail records one region only (IsMultiRegionTrail: false)")
  }
}
