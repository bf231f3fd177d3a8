import Semantics
import Template

extension LeastPrivilege {
  /// IAM012: a key policy grants `kms:*` to someone other than the account.
  static let keyPolicyFullAccess = Rule(
    id: "IAM012", title: "KMS key policies grant kms:* only to the account", severity: .error,
    family: .policy,
    theme: theme, resourceTypes: ["AWS::KMS::Key", "AWS::KMS::ReplicaKey"],
    rationale:
      "kms:* on a key includes kms:PutKeyPolicy, kms:ScheduleKeyDeletion and kms:Decrypt: whoever has it can lock everyone else out, destroy the key (and with it every object encrypted under it), or read the data. The account root statement delegates to IAM, where administrators are governed; any other principal with kms:* is an unreviewed key administrator.",
    remediation:
      "Keep kms:* for the account root (arn:${AWS::Partition}:iam::${AWS::AccountId}:root) only; give key administrators the kms:Create*, kms:Describe*, kms:Enable*, kms:List*, kms:Put*, kms:Update*, kms:Revoke*, kms:Disable*, kms:Get*, kms:Delete*, kms:TagResource, kms:UntagResource actions and key users kms:Decrypt, kms:Encrypt, kms:GenerateDataKey*, kms:ReEncrypt*, kms:DescribeKey."
  ) { context in
    context.policies.resourcePolicies.filter { $0.resourceType.hasPrefix("AWS::KMS::") }.flatMap {
      source in
      source.findingsPerStatement { statement -> [Finding] in
        guard statement.effect == .allow, let principals = statement.principals else { return [] }
        let everything =
          statement.actions.isNegated
          ? nil
          : statement.actions.elements.first {
            $0.content.isEverything || $0.content.literal?.lowercased() == "kms:*"
          }
        guard let grant = everything else { return [] }
        if principals.isNegated {
          return [
            context.finding(
              "\(statement.label) grants \(grant.content) to every principal except those in NotPrincipal",
              in: source,
              statement: statement, at: principals.location, action: grant.content.description)
          ]
        }
        return principals.elements.compactMap { element -> Finding? in
          guard !element.content.isAccount else { return nil }
          let who =
            element.content.isWildcard
            ? "any principal (\(element.content))" : "\(element.content.value)"
          return context.finding(
            "\(statement.label) grants \(grant.content) to \(who); only the account root should hold every key permission",
            in: source, statement: statement, at: element.location,
            assumptions: element.assumptions,
            parameters: element.parameters, action: grant.content.description)
        }
      }
    }
  }
}
