import Template

extension EncryptionAtRest {
  /// ENC003: DynamoDB tables encrypt with a customer-managed key.
  static let tableEncryption = Rule(
    id: "ENC003", title: "DynamoDB table encrypts with a customer-managed KMS key",
    severity: .error,
    family: .policy, theme: theme, resourceTypes: ["AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"],
    rationale:
      "A table without SSESpecification is encrypted with an AWS owned key, and SSEEnabled without KMSMasterKeyId uses the AWS managed aws/dynamodb key: neither lets a key policy limit who can read the data, nor shows decryptions in CloudTrail.",
    remediation:
      "Set SSESpecification with SSEEnabled: true, SSEType: KMS and KMSMasterKeyId naming a customer-managed key (!GetAtt Key.Arn)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      // A SAM SimpleTable takes SSEEnabled alone: it cannot name a customer-managed key.
      if context.resolver.type(of: logicalID) == "AWS::Serverless::SimpleTable" {
        return [
          context.finding(
            "a SAM SimpleTable cannot use a customer-managed key (its SSESpecification takes SSEEnabled alone); declare an AWS::DynamoDB::Table with SSESpecification.KMSMasterKeyId",
            logicalID: logicalID, at: context.location(of: logicalID),
            path: "Properties.SSESpecification")
        ]
      }
      return context.requireCustomerKey(
        logicalID, flag: context.property(logicalID, "SSESpecification", "SSEEnabled"),
        flagPath: "Properties.SSESpecification.SSEEnabled",
        key: context.property(logicalID, "SSESpecification", "KMSMasterKeyId"),
        keyPath: "Properties.SSESpecification.KMSMasterKeyId",
        question: "the table uses a customer-managed key",
        absent:
          "table is encrypted with an AWS owned key; set SSESpecification with a customer-managed key",
        isFalse: "table is encrypted with an AWS owned key (SSEEnabled: false)",
        keyAbsent:
          "table uses the AWS managed key aws/dynamodb; set KMSMasterKeyId to a customer-managed key"
      )
    }
  }
}
