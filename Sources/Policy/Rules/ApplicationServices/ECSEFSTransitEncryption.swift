import Template

extension ApplicationServices {
  /// ECS002: an ECS task's EFS volumes encrypt in transit.
  static let ecsEFSTransitEncryption = Rule(
    id: "ECS002", title: "ECS task EFS volumes encrypt in transit", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::ECS::TaskDefinition"],
    rationale:
      "An EFS volume mounted without TransitEncryption (DISABLED by default) sends file contents between the task and the file system in clear text.",
    remediation:
      "Set Volumes[].EFSVolumeConfiguration.TransitEncryption: ENABLED."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let volumes = context.property(logicalID, "Volumes").items().child("EFSVolumeConfiguration")
        .filter { !$0.isAbsent }
      return volumes.possibilities.flatMap { volume in
        context.judge(
          volumes.of(volume).child("TransitEncryption"), logicalID: logicalID,
          path: "Properties.Volumes", question: "the EFS volume is encrypted in transit"
        ) {
          context.expectNone(
            of: ["DISABLED"], $0,
            absent: "EFS volume is mounted without encryption in transit (TransitEncryption is not set)"
          ) { "EFS volume is mounted without encryption in transit (TransitEncryption: \($0))" }
        }
      }
    }
  }
}
