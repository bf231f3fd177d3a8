import Template

extension EncryptionAtRest {
  /// ENC008: Lambda functions with environment variables encrypt them with a customer-managed key.
  static let functionEnvironmentEncryption = Rule(
    id: "ENC008",
    title: "Lambda environment variables are encrypted with a customer-managed KMS key",
    severity: .warning, family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
    rationale:
      "Environment variables hold bucket names, table names and too often credentials; without KmsKeyArn they are encrypted with the AWS managed aws/lambda key, which anyone with lambda:GetFunctionConfiguration can have decrypted.",
    remediation:
      "Set KmsKeyArn to a customer-managed key (!GetAtt Key.Arn) on every function that has Environment.Variables."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      let withVariables = context.property(logicalID, "Environment", "Variables").possibilities
        .filter {
          !($0.map?.isEmpty ?? true) || $0.isUnknown
        }
      return withVariables.flatMap { variables in
        context.judge(
          context.property(logicalID, "KmsKeyArn").after(variables), logicalID: logicalID,
          path: "Properties.KmsKeyArn",
          question: "the environment uses a customer-managed key"
        ) {
          context.customerManagedKey(
            $0,
            absent:
              "function has environment variables but no KmsKeyArn; they are encrypted with the AWS managed key aws/lambda"
          )
        }
      }
    }
  }
}
