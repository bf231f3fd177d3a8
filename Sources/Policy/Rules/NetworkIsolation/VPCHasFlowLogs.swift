import Template

extension NetworkIsolation {
  /// NET008: every VPC has a flow log.
  static let vpcFlowLogs = Rule(
    id: "NET008", title: "VPC has flow logs", severity: .warning, family: .policy, theme: theme,
    resourceTypes: ["AWS::EC2::VPC"],
    rationale:
      "Flow logs are the only record of which addresses a workload talked to; without them an exfiltration or a misrouted pipeline cannot be reconstructed.",
    remediation:
      "Add an AWS::EC2::FlowLog with ResourceType VPC, ResourceId !Ref the VPC and TrafficType ALL."
  ) { context in
    let flowLogs = context.resources(ofType: "AWS::EC2::FlowLog")
    return context.inspectedLogicalIDs.compactMap { logicalID in
      let logged = flowLogs.contains {
        context.refers($0.resource.properties["ResourceId"], to: logicalID)
      }
      return logged ? nil : context.finding("VPC has no AWS::EC2::FlowLog", logicalID: logicalID)
    }
  }
}
