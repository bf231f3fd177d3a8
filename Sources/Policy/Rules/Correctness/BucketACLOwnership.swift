import Semantics
import Template

extension Rule {
  /// SCH024: a bucket with a canned ACL that grants others access, on a bucket whose object
  /// ownership disables ACLs.
  public static let bucketACLWithoutOwnership = Rule(
    id: "SCH024", title: "Bucket ACL with ACLs disabled", severity: .error,
    family: .correctness, theme: "schema", resourceTypes: ["AWS::S3::Bucket"],
    rationale:
      "New buckets are created with object ownership `BucketOwnerEnforced`, which disables ACLs; S3 then rejects an `AccessControl` that grants anyone but the owner (`PublicRead`, `LogDeliveryWrite`, `AuthenticatedRead`...), and the bucket is not created. `Private`, `BucketOwnerRead` and `BucketOwnerFullControl` are accepted.",
    remediation:
      "Grant the access with a bucket policy, or set OwnershipControls with ObjectOwnership ObjectWriter or BucketOwnerPreferred so the ACL applies."
  ) { context in
    context.findingsPerResource { logicalID, _ in
      var findings: [Finding] = []
      for acl in context.property(logicalID, "AccessControl").possibilities
      where acl.parameters.isEmpty {
        guard let name = acl.settledLiteral, !BucketACL.grantsOnlyTheOwner(name) else { continue }
        let ownership = context.property(logicalID, "OwnershipControls").after(acl)
        let enforced = ownership.possibilities.contains { possibility in
          guard !possibility.isAbsent else { return true }
          let rules = ownership.of(possibility).child("Rules").items().child("ObjectOwnership")
          return rules.possibilities.allSatisfy { $0.literal == "BucketOwnerEnforced" }
        }
        guard enforced else { continue }
        findings.append(
          context.finding(
            "bucket '\(logicalID)' sets AccessControl '\(name)', but its object ownership is BucketOwnerEnforced (the default), which disables ACLs; S3 rejects the bucket\(acl.clause)",
            logicalID: logicalID, at: acl.location, path: "Properties.AccessControl"))
      }
      return findings.uniqued()
    }
  }
}

/// The canned ACLs S3 accepts while ACLs are disabled: they grant only the bucket owner.
enum BucketACL {
  static let ownerOnly: Set<String> = ["private", "bucketownerread", "bucketownerfullcontrol"]

  /// Compared without case, as CloudFormation takes the property's values.
  static func grantsOnlyTheOwner(_ name: String) -> Bool { ownerOnly.contains(name.lowercased()) }
}
