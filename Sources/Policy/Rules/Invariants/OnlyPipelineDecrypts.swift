import Template

extension Invariants {
  /// GXO004: no role but the pipeline's can decrypt with the data key.
  static let onlyPipelineDecrypts = Rule(
    id: "GXO004", title: "No role but the pipeline's can decrypt with the data key",
    severity: .error,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::KMS::Key", "AWS::IAM::Role", "AWS::IAM::User"],
    pack: .genexomics,
    rationale:
      "Sequencing data is protected by the data key as much as by bucket policies: whoever can call kms:Decrypt with it can read every object the raw and results buckets hold, through any path to the bytes. Only the pipeline's roles may: Batch roles, the DataSync role, the roles of Lambda functions that EventBridge rules invoke, and roles marked Metadata formation.role: pipeline. The data key is the key marked formation.role: data-key, or the key the raw and results buckets encrypt with.",
    remediation:
      "Remove kms:Decrypt (and kms:*, \"*\") on the data key from other roles and from the key policy; a role that must read results belongs to the pipeline and is marked so, or reads through a separate results key."
  ) { context in
    let index = context.policies
    let pipeline = pipelineRoles(index)
    var findings: [Finding] = []
    for subject in dataKeySubjects(in: context, index: index) {
      let key = subject.label
      let arn = subject.resource
      let protectedBy = subject.logicalID.map { [$0] } ?? []
      for principal in index.principals where !pipeline.contains(principal) {
        let decision = index.evaluate(
          principal: principal, action: "kms:Decrypt", resource: arn, protectedBy: protectedBy)
        guard decision.mayBeAllowed else { continue }
        findings.append(
          context.violation(
            "\(principal) is not a pipeline role but can decrypt with the data key \(key)",
            principal: principal,
            decision: decision, index: index, action: "kms:Decrypt"))
      }
      guard let keyID = subject.logicalID else { continue }
      findings += context.resourcePolicyViolations(
        { "the key policy lets \($0) decrypt with the data key \(key)" }, protecting: keyID,
        action: "kms:Decrypt",
        resource: arn, except: pipeline, index: index)
    }
    return findings
  }
}
