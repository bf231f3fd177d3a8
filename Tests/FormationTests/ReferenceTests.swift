import Formation
import Template
import Testing

/// A bucket and a role that name each other, as static declarations do in blueprints: the
/// bucket's policy exempts the role, the role's policy writes into the bucket.
private enum Mutual {
  static let bucket: Bucket = Bucket(
    "Shared", encryption: .kms(FamilyHarness.key.arn),
    policy: [
      Grant(
        .deny, sid: "OnlyWriter", [.anyone], ["s3:PutObject"],
        on: [Later { Mutual.bucket }.objects],
        when: [.arnNotEquals("aws:PrincipalArn", Later { Mutual.writer }.arn)])
    ])
  static let writer: Role = Role(
    "Writer", name: "writer", description: "w",
    trust: [.assume(by: .service("datasync.amazonaws.com"))],
    policies: [InlinePolicy("Write", [.allow(["s3:PutObject"], on: [bucket.objects])])])
  /// A role without a fixed name: `Later` names it by `Fn::GetAtt`.
  static let unnamed: Role = Role(
    "Unnamed", description: "u", trust: [.assume(by: .service("datasync.amazonaws.com"))])
  static let exemptsUnnamed: Bucket = Bucket(
    "Other", encryption: .kms(FamilyHarness.key.arn),
    policy: [
      Grant(
        .deny, sid: "OnlyUnnamed", [.anyone], ["s3:PutObject"],
        on: [Later { Mutual.exemptsUnnamed }.objects],
        when: [.arnNotEquals("aws:PrincipalArn", Later { Mutual.unnamed }.arn)])
    ])
}

@Suite struct ReferenceTests {
  typealias H = FamilyHarness

  /// The last statement of the bucket policy `id` when `members` render together.
  private func lastStatement(
    of id: String, @StackBuilder in members: () -> [StackMember]
  ) throws -> Value? {
    let policy = try H.resource(id, in: members)
    return try #require(policy.properties["PolicyDocument"]?["Statement"]?.listValue).last
  }

  @Test func laterLetsTwoDeclarationsNameEachOther() throws {
    let statement = try lastStatement(of: "SharedPolicy") {
      H.key
      Mutual.bucket
      Mutual.writer
    }
    #expect(
      statement
        == [
          "Sid": "OnlyWriter", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
          "Resource": .sub("${Shared.Arn}/*"),
          "Condition": [
            "ArnNotEquals": [
              "aws:PrincipalArn": .sub(
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/t-${Environment}-writer")
            ]
          ],
        ])
    let role = try H.resource("Writer") {
      H.key
      Mutual.bucket
      Mutual.writer
    }
    #expect(
      role.properties["Policies"]?.listValue?.first?["PolicyDocument"]?["Statement"]?.listValue?
        .first?["Resource"]
        == .sub("${Shared.Arn}/*"))
  }

  @Test func laterNamesARoleWithoutAFixedNameByItsAttribute() throws {
    let statement = try lastStatement(of: "OtherPolicy") {
      H.key
      Mutual.exemptsUnnamed
      Mutual.unnamed
    }
    #expect(
      statement?["Condition"]
        == ["ArnNotEquals": ["aws:PrincipalArn": .getAtt("Unnamed", "Arn")]])
  }

  @Test func aGrantInTheStackBodyAttachesAPolicyToTheRole() throws {
    let bucket = Bucket("Uploads", encryption: .kms(H.key.arn))
    let role = Role(
      "Worker", name: "worker", description: "w", trust: [.assume(by: .service("glue.amazonaws.com"))])
    let policy = try H.resource("WorkerUploadsRead") {
      H.key
      bucket
      role
      bucket.grant(.read, to: role, under: "incoming/")
    }
    #expect(policy.type == "AWS::IAM::Policy")
    #expect(
      policy.properties
        == [
          "PolicyName": "WorkerUploadsRead", "Roles": [.ref("Worker")],
          "PolicyDocument": [
            "Version": "2012-10-17",
            "Statement": [
              [
                "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                "Resource": .sub("${Uploads.Arn}/incoming/*"),
              ],
              ["Effect": "Allow", "Action": "s3:ListBucket", "Resource": .getAtt("Uploads", "Arn")],
              [
                "Effect": "Allow", "Action": "kms:Decrypt", "Resource": .getAtt("Key", "Arn"),
                "Condition": [
                  "StringEquals": ["kms:ViaService": .sub("s3.${AWS::Region}.amazonaws.com")]
                ],
              ],
            ],
          ],
        ])
    let write = try H.resource("WorkerUploadsWrite") {
      H.key
      bucket
      role
      bucket.grant(.write, to: role)
    }
    let statements = try #require(write.properties["PolicyDocument"]?["Statement"]?.listValue)
    #expect(
      statements.map { $0["Action"] } == [
        ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        ["kms:Decrypt", "kms:GenerateDataKey"],
      ])
    #expect(statements.first?["Resource"] == .sub("${Uploads.Arn}/*"))
  }

  // MARK: - ARN builder

  @Test func arnBuilderWritesEachServicesForm() {
    let bucket = Bucket("Raw", encryption: .kms(H.key.arn))
    let cases: [(Value, String)] = [
      (ARN.s3Object(in: bucket, key: "runs/*").value, "${Raw.Arn}/runs/*"),
      (ARN.s3Bucket(named: "logs-${AWS::AccountId}").value,
       "arn:${AWS::Partition}:s3:::logs-${AWS::AccountId}"),
      (ARN.s3Object(inBucketNamed: "logs", key: "*").value, "arn:${AWS::Partition}:s3:::logs/*"),
      (ARN.logGroup(named: "/app/*").value,
       "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/app/*"),
      (ARN.role(named: "aws-service-role/*").value,
       "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/*"),
      (ARN.table(named: "app-${Environment}-*").value,
       "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/app-${Environment}-*"),
      (ARN.jobDefinition(named: "nf-*").value,
       "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/nf-*"),
      (ARN.alarm(named: "app-*").value,
       "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:app-*"),
      (ARN.awsManagedPolicy("ReadOnlyAccess").value,
       "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"),
      (ARN.resource(of: "datasync", "task/*").value,
       "arn:${AWS::Partition}:datasync:${AWS::Region}:${AWS::AccountId}:task/*"),
      (ARN.accountRoot.value, "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"),
      (ARN<Topic>.build(service: "sns", region: .literal("us-east-1"), resource: "alerts").value,
       "arn:${AWS::Partition}:sns:us-east-1:${AWS::AccountId}:alerts"),
    ]
    for (built, text) in cases {
      #expect(built == .sub(text))
    }
  }
}
