import Semantics
import Template

extension MQ {
  /// MQ004: a broker encrypts its messages with a customer-managed key.
  static let brokerCustomerKey = Rule(
    id: "MQ004", title: "Amazon MQ brokers encrypt with a customer-managed KMS key",
    severity: .warning, family: .policy, theme: theme, resourceTypes: [broker],
    rationale:
      "Without EncryptionOptions a broker encrypts its stored messages with a key AWS owns (UseAwsOwnedKey defaults to true): no key policy or CloudTrail record stands between the data and whoever can read the broker's storage.",
    remediation:
      "Set EncryptionOptions: {UseAwsOwnedKey: false, KmsKeyId: !Ref BrokerKey} with a customer-managed key."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let options = context.property(logicalID, "EncryptionOptions")
      var findings: [Finding] = []
      var ownKey: [Resolved] = []
      findings += context.judge(
        options.child("UseAwsOwnedKey"), logicalID: logicalID,
        path: "Properties.EncryptionOptions", question: "the broker uses a customer-managed key"
      ) { owned in
        if owned.isAbsent || owned.bool == true {
          return .fail("broker encrypts with a key AWS owns (EncryptionOptions.UseAwsOwnedKey is not false)")
        }
        guard owned.bool == false else { return .unknown(owned.unknowableReason) }
        ownKey.append(owned)
        return .pass
      }
      for owned in ownKey {
        findings += context.judge(
          options.child("KmsKeyId").after(owned), logicalID: logicalID,
          path: "Properties.EncryptionOptions.KmsKeyId",
          question: "the broker uses a customer-managed key"
        ) {
          context.customerManagedKey(
            $0, absent: "broker encrypts with the AWS managed key aws/mq (no KmsKeyId)")
        }
      }
      return findings
    }
  }
}
