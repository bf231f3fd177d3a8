import Semantics
import Template

extension ApplicationServices {
  /// ECS001: an ECS cluster has Container Insights.
  static let ecsContainerInsights = Rule(
    id: "ECS001", title: "ECS clusters have Container Insights", severity: .info,
    family: .policy, theme: theme, resourceTypes: ["AWS::ECS::Cluster"],
    rationale:
      "Container Insights collects per-task metrics and events that show a runaway or hijacked task (a crypto miner's CPU, unexpected network traffic).",
    remediation:
      "Add ClusterSettings [{Name: containerInsights, Value: enabled}] (or enhanced)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let settings = context.property(logicalID, "ClusterSettings").items()
      let insights = settings.possibilities.flatMap { setting in
        settings.of(setting).child("Name").possibilities.filter { $0.text == "containerInsights" }
          .flatMap { settings.of(setting).child("Value").after($0).possibilities }
      }
      return context.judge(
        context.reading(insights.isEmpty ? [Resolved(.absent)] : insights), logicalID: logicalID,
        path: "Properties.ClusterSettings", question: "Container Insights is on"
      ) {
        context.expectNone(
          of: ["disabled"], $0, absent: "cluster has no Container Insights (containerInsights is not set)"
        ) { "cluster has no Container Insights (containerInsights: \($0))" }
      }
    }
  }
}
