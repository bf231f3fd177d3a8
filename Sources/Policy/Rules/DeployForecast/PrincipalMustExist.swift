import Semantics
import Template

extension DeployForecast {
  /// DEP004: key and resource policies name no principal that may not exist when they are set.
  static let principalMustExist = Rule(
    id: "DEP004", title: "Policy principal exists when the policy is created", severity: .error,
    family: .policy, theme: theme,
    resourceTypes: [
      "AWS::KMS::Key", "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy",
      "AWS::ECR::Repository", "AWS::SecretsManager::ResourcePolicy", "AWS::Events::EventBus",
      "AWS::SNS::TopicInlinePolicy", "AWS::SQS::QueueInlinePolicy", "AWS::KMS::ReplicaKey",
    ],
    rationale:
      "KMS, S3, SNS, SQS and ECR check that every IAM role or user a policy names as a principal exists, and reject the whole policy when one does not. A service-linked role (role/aws-service-role/...) exists only once its service has created it in the account, so a template naming one fails in a fresh account; a role made by a later stack fails the same way.",
    remediation:
      "Name the principal in a condition instead (Principal: AWS: account or *, with aws:PrincipalArn and, for keys, kms:CallerAccount and kms:ViaService), which is not checked for existence; or create the role in the same template so CloudFormation orders them."
  ) { context in
    let policies = context.memo.value(PolicyIndex.self)
    let inspected = Set(context.inspectedLogicalIDs)
    return policies.resourcePolicies.filter { inspected.contains($0.logicalID) }.flatMap {
      source -> [Finding] in
      source.document.statements.flatMap { statement -> [Finding] in
        (statement.principals?.elements ?? []).compactMap { element -> Finding? in
          let principal = element.content
          guard principal.kind == .aws else { return nil }
          let text = principal.value.description
          let location = element.location ?? statement.location ?? source.location
          if text.contains(":role/aws-service-role/") {
            return context.finding(
              "policy names the service-linked role \(text.split(separator: "/").last ?? "") as a principal: it exists only after its service first created it, so the policy is rejected in a fresh account; name it in an aws:PrincipalArn condition instead",
              logicalID: source.logicalID, at: location, path: source.path)
          }
          if text.contains(":role/") || text.contains(":user/") {
            return context.finding(
              "policy names \(text) as a principal: the policy is rejected unless it exists when the policy is set, and nothing in this template creates it first; name it in an aws:PrincipalArn condition or create it here",
              logicalID: source.logicalID, at: location, path: source.path,
              severity: .warning)
          }
          return nil
        }
      }
    }
  }
}
