import Semantics
import Template

extension LeastPrivilege {
  /// IAM007: a principal has an AWS managed policy that makes it an administrator.
  static let administratorManagedPolicy = Rule(
    id: "IAM007", title: "No AdministratorAccess, PowerUserAccess or IAMFullAccess managed policy",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
      + PolicyIndex.samPrincipalTypes.sorted(),
    rationale:
      "AdministratorAccess and PowerUserAccess grant nearly every action on every resource; IAMFullAccess lets the principal grant itself the rest. A workload role with one of them turns any flaw in the workload into account takeover.",
    remediation:
      "Replace the managed policy with an inline or customer-managed policy that lists the actions and resources the principal uses."
  ) { context in
    context.findingsPerResource { logicalID, resource -> [Finding] in
      let resolver = context.resolver
      // A SAM resource's managed policies are names or ARNs in `Policies`, read by the index.
      let sam = PolicyIndex.samPrincipalTypes.contains(resource.type ?? "")
      let path = sam ? "Properties.Policies" : "Properties.ManagedPolicyArns"
      let arns =
        sam
        ? context.policies.managedPolicyArns[logicalID] ?? []
        : resolver.property("ManagedPolicyArns", of: resource).flatMap {
          resolver.elements(of: $0)
        }
      return arns.compactMap {
        arn -> Finding? in
        let clause = arn.branchDescription.isEmpty ? "" : " " + arn.branchDescription
        guard let string = arn.string, string.isFullyKnown else {
          guard arn.isUnknown else { return nil }
          return context.finding(
            "cannot tell which managed policy is attached: \(arn.unknownReasons.first ?? "")\(clause)",
            logicalID: logicalID, at: arn.location, path: path, severity: .unknown)
        }
        guard let name = ManagedPolicies.awsManagedName(string),
          ManagedPolicies.administrative.contains(name)
        else {
          return nil
        }
        let parameters =
          arn.parameters.isEmpty
          ? "" : " (parameter \(arn.parameters.joined(separator: ", ")) at its default)"
        var finding = context.finding(
          "attaches the AWS managed policy \(name), which grants administrator-level access\(clause)\(parameters)",
          logicalID: logicalID, at: arn.location, path: path)
        finding.scope["policy"] = name
        return finding
      }
    }
  }
}
