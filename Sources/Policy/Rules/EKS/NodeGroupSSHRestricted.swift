import Template

extension KubernetesClusters {
  /// EKS003: node groups with an SSH key say who may connect.
  static let nodeGroupSSH = Rule(
    id: "EKS003", title: "EKS node group does not open SSH to the world", severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::EKS::Nodegroup"],
    rationale:
      "RemoteAccess with an Ec2SshKey but no SourceSecurityGroups makes EKS open port 22 of every node to 0.0.0.0/0.",
    remediation:
      "Set RemoteAccess.SourceSecurityGroups to the bastion's security group, or drop RemoteAccess and use SSM Session Manager."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let access = context.property(logicalID, "RemoteAccess").filter { !$0.isAbsent }
      return access.possibilities.flatMap { remote -> [Finding] in
        guard access.of(remote).child("Ec2SshKey").possibilities.contains(where: { !$0.isAbsent })
        else { return [] }
        return context.judge(
          access.of(remote).child("SourceSecurityGroups"), logicalID: logicalID,
          path: "Properties.RemoteAccess.SourceSecurityGroups", question: "SSH is restricted"
        ) { groups in
          groups.isAbsent || (groups.list?.isEmpty ?? false)
            ? .fail(
              "node group opens SSH (port 22) to 0.0.0.0/0: RemoteAccess has an Ec2SshKey but no SourceSecurityGroups"
            ) : .pass
        }
      }
    }
  }
}
