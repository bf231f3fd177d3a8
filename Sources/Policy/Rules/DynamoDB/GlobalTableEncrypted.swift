import Template

extension DynamoDB {
  /// DDB002: global tables encrypt every replica with a customer-managed key.
  static let globalTableEncryption = Rule(
    id: "DDB002", title: "DynamoDB global table encrypts with customer-managed KMS keys",
    severity: .error, family: .policy, theme: theme, resourceTypes: ["AWS::DynamoDB::GlobalTable"],
    rationale:
      "Without SSESpecification a global table is encrypted with an AWS owned key, and SSEType KMS without a replica KMSMasterKeyId uses the AWS managed aws/dynamodb key: neither lets a key policy limit who reads the data in any region.",
    remediation:
      "Set SSESpecification: {SSEEnabled: true, SSEType: KMS} and, on every replica, ReplicaSSESpecification.KMSMasterKeyId naming a customer-managed key of that region."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.requireCustomerKey(
        logicalID, flag: context.property(logicalID, "SSESpecification", "SSEEnabled"),
        flagPath: "Properties.SSESpecification.SSEEnabled",
        key: context.property(logicalID, "Replicas").items().child("ReplicaSSESpecification")
          .child("KMSMasterKeyId"),
        keyPath: "Properties.Replicas.ReplicaSSESpecification.KMSMasterKeyId",
        question: "the table uses a customer-managed key",
        absent:
          "global table is encrypted with an AWS owned key; set SSESpecification with customer-managed keys",
        isFalse: "global table is encrypted with an AWS owned key (SSEEnabled: false)",
        keyAbsent:
          "global table replica uses the AWS managed key aws/dynamodb; set ReplicaSSESpecification.KMSMasterKeyId"
      )
    }
  }
}
