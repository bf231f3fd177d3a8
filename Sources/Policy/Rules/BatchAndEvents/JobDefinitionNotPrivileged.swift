import Template

extension BatchAndEvents {
  /// BAT001: Batch job containers do not run privileged.
  static let privilegedJobDefinition = Rule(
    id: "BAT001", title: "Batch job definition does not run privileged containers",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::Batch::JobDefinition"],
    rationale:
      "A privileged container has every capability of the host: it can read other jobs' scratch volumes, the instance role's credentials and the Docker socket. Genomics tools never need it.",
    remediation:
      "Remove Privileged (or set it false) from ContainerProperties, every NodeRangeProperties container and every EKS container's SecurityContext."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let properties = context.properties(of: logicalID)
      let places: [(Reading, String)] = [
        (
          properties.path("ContainerProperties", "Privileged"),
          "Properties.ContainerProperties.Privileged"
        ),
        (
          properties.path("NodeProperties", "NodeRangeProperties").items().path(
            "Container", "Privileged"),
          "Properties.NodeProperties.NodeRangeProperties.Container.Privileged"
        ),
        (
          properties.path("EksProperties", "PodProperties", "Containers").items().path(
            "SecurityContext", "Privileged"),
          "Properties.EksProperties.PodProperties.Containers.SecurityContext.Privileged"
        ),
      ]
      return places.flatMap { reading, path in
        context.judge(
          reading, logicalID: logicalID, path: path, question: "the container is unprivileged"
        ) {
          context.expectNotTrue($0, isTrue: "job definition runs a privileged container")
        }
      }
    }
  }
}
