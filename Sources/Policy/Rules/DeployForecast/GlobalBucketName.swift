import Template

extension DeployForecast {
  /// DEP002: a bucket name, unique in all of AWS, is one only this account is likely to hold.
  static let globalBucketName = Rule(
    id: "DEP002", title: "Bucket name cannot be taken by another account", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "S3 bucket names are unique across every AWS account. A fixed name, or one built only from words and an environment, may already belong to someone else (or be squatted on purpose); then the stack fails, and nothing in the template lets an operator choose another name.",
    remediation:
      "Include ${AWS::AccountId} (and the environment) in BucketName, or a parameter an operator can change, or leave BucketName out and let CloudFormation generate a unique name."
  ) { context in
    let unique: Set<String> = ["AWS::AccountId", "AWS::StackId"]
    return context.inspectedLogicalIDs.compactMap { logicalID -> Finding? in
      guard let name = context.template.property("BucketName", of: logicalID),
        referencedNames(in: name).isDisjoint(with: unique)
      else { return nil }
      return context.finding(
        "bucket name '\(spelled(name))' must be unique in all of AWS and has no account id in it: if any account holds it the stack fails; add ${AWS::AccountId} or leave BucketName out",
        logicalID: logicalID, at: name.location ?? context.location(of: logicalID),
        path: "Properties.BucketName")
    }
  }
}
