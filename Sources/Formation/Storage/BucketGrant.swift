import Template

/// What a role may do with a bucket's objects.
public enum BucketAccess: String, Sendable {
  /// List the bucket, read objects and their versions.
  case read = "Read"
  /// Write objects (in parts too); no delete.
  case write = "Write"
  /// Both.
  case readWrite = "ReadWrite"

  var objectActions: [Action] {
    switch self {
    case .read: ["s3:GetObject", "s3:GetObjectVersion"]
    case .write: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    case .readWrite: BucketAccess.read.objectActions + BucketAccess.write.objectActions
    }
  }

  /// SSE-KMS: reading decrypts; writing makes a data key, and decrypts for multipart uploads.
  var keyActions: [Action] {
    self == .read ? ["kms:Decrypt"] : ["kms:Decrypt", "kms:GenerateDataKey"]
  }
}

/// Access to a bucket given to a role in the stack body, where both already exist:
/// `uploads.grant(.write, to: thumbnailer, under: "thumbnails/")`.
///
/// Neither declaration names the other, so no `static let` initialises another from inside its
/// own initialiser; the grant lowers to an `AWS::IAM::Policy` attached to the role, with the
/// S3 statements and, for a bucket encrypted with a customer-managed key, the key statement
/// S3 needs on the role's behalf (through S3 only, `kms:ViaService`).
public struct BucketGrant: ResourceDeclaration {
  public var bucket: Bucket
  public var role: Role
  public var access: BucketAccess
  /// Objects under this prefix only; empty for every object.
  public var prefix: String
  public var origin: SourceLocation

  /// `<Role><Bucket><Access>`: one grant of a kind per role and bucket.
  public var logicalID: String { role.logicalID + bucket.logicalID + access.rawValue }

  public func lower(into context: inout LoweringContext) -> [LoweredResource] {
    var statements: [Permission] = [
      .allow(access.objectActions, on: [ARN.s3Object(in: bucket, key: prefix + "*")])
    ]
    if access != .write {
      statements.append(.allow(["s3:ListBucket"], on: [bucket.arn]))
    }
    if case .kms(let key) = bucket.encryption {
      statements.append(
        .allow(
          access.keyActions, on: [key],
          when: [.stringEquals("kms:ViaService", Value.sub("s3.${AWS::Region}.amazonaws.com"))]))
    }
    let policy = Resource(
      type: "AWS::IAM::Policy",
      properties: [
        "PolicyName": .string(logicalID), "Roles": [role.roleName.value],
        "PolicyDocument": statements.document(into: &context),
      ])
    return [LoweredResource(logicalID, policy, origin: origin)]
  }
}

extension Bucket {
  /// Lets `role` read or write this bucket's objects (under `prefix`, no leading slash).
  public func grant(
    _ access: BucketAccess, to role: Role, under prefix: String = "",
    file: StaticString = #filePath, line: UInt = #line
  ) -> BucketGrant {
    BucketGrant(
      bucket: self, role: role, access: access, prefix: prefix, origin: .blueprint(file, line))
  }
}
