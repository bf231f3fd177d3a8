import Semantics
import Template
import Testing

/// The evaluator on its own: wildcards, Not*, Deny override, case, conditions, symbolic ARNs,
/// unknowns and branches.
@Suite struct IAMEvaluatorTests {
  func document(_ statements: String, resources: String = "", conditions: String = "") throws -> (
    PolicyDocument, Resolver
  ) {
    let yaml = """
      \(conditions.isEmpty ? "" : "Conditions:\n" + conditions)
      Resources:
      \(resources)
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
      \(statements)
      """
    let template = try Template.parse(yaml, file: "eval.yaml")
    let resolver = Resolver(template)
    let value = try #require(template.resources["Policy"]?.properties["PolicyDocument"])
    return (PolicyDocument(parsing: value, resolver: resolver), resolver)
  }

  @Test func actionWildcards() throws {
    let (everything, _) = try document("          - {Effect: Allow, Action: '*', Resource: '*'}")
    #expect(everything.evaluate(action: "kms:Decrypt").outcome == .allowed)

    let (service, _) = try document("          - {Effect: Allow, Action: 's3:*', Resource: '*'}")
    #expect(service.evaluate(action: "s3:DeleteObject").outcome == .allowed)
    #expect(service.evaluate(action: "s3express:CreateSession").outcome == .notAllowed)

    let (prefix, _) = try document(
      "          - {Effect: Allow, Action: ['s3:Get*', 'logs:Put?etentionPolicy'], Resource: '*'}")
    #expect(prefix.evaluate(action: "s3:GetObject").outcome == .allowed)
    #expect(prefix.evaluate(action: "s3:PutObject").outcome == .notAllowed)
    #expect(prefix.evaluate(action: "logs:PutRetentionPolicy").outcome == .allowed)
    #expect(prefix.evaluate(action: "logs:PutXXetentionPolicy").outcome == .notAllowed)
  }

  @Test func actionsCompareWithoutCase() throws {
    let (doc, _) = try document(
      "          - {Effect: Allow, Action: 'S3:getobject', Resource: '*'}")
    #expect(doc.evaluate(action: "s3:GetObject").outcome == .allowed)
    #expect(doc.evaluate(action: "S3:GETOBJECT").outcome == .allowed)
  }

  @Test func notActionAllowsEverythingElse() throws {
    let (doc, _) = try document(
      "          - {Effect: Allow, NotAction: ['iam:*', 'organizations:*'], Resource: '*'}")
    #expect(doc.evaluate(action: "s3:DeleteObject").outcome == .allowed)
    #expect(doc.evaluate(action: "iam:CreateRole").outcome == .notAllowed)
  }

  @Test func explicitDenyOverridesAllow() throws {
    let (doc, _) = try document(
      """
                - {Effect: Allow, Action: 's3:*', Resource: '*'}
                - {Sid: NoDeletes, Effect: Deny, Action: ['s3:DeleteObject*'], Resource: 'arn:aws:s3:::genexomics-raw/*'}
      """)
    let denied = doc.evaluate(
      action: "s3:DeleteObjectVersion", resource: "arn:aws:s3:::genexomics-raw/run1/x.bcl")
    #expect(denied.outcome == .explicitlyDenied)
    #expect(denied.deniedBy.map(\.label) == ["statement 2 (Sid NoDeletes)"])
    #expect(
      doc.evaluate(action: "s3:DeleteObject", resource: "arn:aws:s3:::genexomics-work/x").outcome
        == .allowed)
  }

  @Test func resourceGlobsAndNotResource() throws {
    let (doc, _) = try document(
      """
                - {Effect: Allow, Action: 's3:GetObject', Resource: 'arn:aws:s3:::genexomics-*/runs/??/*'}
                - {Effect: Allow, Action: 's3:PutObject', NotResource: 'arn:aws:s3:::genexomics-raw/*'}
      """)
    #expect(
      doc.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::genexomics-raw/runs/07/a.fastq")
        .outcome == .allowed)
    #expect(
      doc.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::genexomics-raw/runs/107/a")
        .outcome == .notAllowed)
    #expect(
      doc.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::other/runs/07/a").outcome
        == .notAllowed)
    #expect(
      doc.evaluate(action: "s3:PutObject", resource: "arn:aws:s3:::genexomics-raw/a").outcome
        == .notAllowed)
    #expect(
      doc.evaluate(action: "s3:PutObject", resource: "arn:aws:s3:::genexomics-work/a").outcome
        == .allowed)
    // "on some resource": NotResource leaves others.
    #expect(doc.evaluate(action: "s3:PutObject").outcome == .allowed)
  }

  @Test func conditionsAreReportedNotGuessed() throws {
    let (doc, _) = try document(
      """
                - Effect: Allow
                  Action: s3:PutObject
                  Resource: '*'
                  Condition: {StringEquals: {aws:SourceAccount: '123456789012'}}
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: '*'
                - Effect: Deny
                  Action: s3:GetObject
                  Resource: '*'
                  Condition: {Bool: {aws:SecureTransport: 'false'}}
      """)
    let put = doc.evaluate(action: "s3:PutObject")
    #expect(put.outcome == .conditionallyAllowed)
    #expect(
      put.description
        == "allowed if conditions hold (StringEquals aws:SourceAccount = 123456789012) by statement 1"
    )
    let get = doc.evaluate(action: "s3:GetObject")
    #expect(get.outcome == .conditionallyAllowed)
    #expect(get.description == "allowed by statement 2 unless (Bool aws:SecureTransport = false)")
  }

  @Test func symbolicResourcesMeet() throws {
    let (doc, resolver) = try document(
      """
                - {Effect: Allow, Action: 's3:PutObject', Resource: !Sub '${RawBucket.Arn}/*'}
                - {Effect: Allow, Action: 's3:GetObject', Resource: !Sub 'arn:${AWS::Partition}:s3:::${RawBucket}/*'}
                - {Effect: Allow, Action: 'kms:Decrypt', Resource: !GetAtt DataKey.Arn}
      """,
      resources: """
          RawBucket: {Type: AWS::S3::Bucket}
          ResultsBucket: {Type: AWS::S3::Bucket}
          NamedBucket: {Type: AWS::S3::Bucket, Properties: {BucketName: genexomics-raw}}
          DataKey: {Type: AWS::KMS::Key}
        """)
    let rawObjects =
      try #require(resolver.arn(of: "RawBucket")) + SymbolicString([.text("/"), .any])
    let resultsObjects =
      try #require(resolver.arn(of: "ResultsBucket")) + SymbolicString([.text("/"), .any])
    #expect(rawObjects.description == "arn:${AWS::Partition}:s3:::${RawBucket.Name}/${any}")
    #expect(doc.evaluate(action: "s3:PutObject", resource: rawObjects).outcome == .allowed)
    #expect(doc.evaluate(action: "s3:GetObject", resource: rawObjects).outcome == .allowed)
    #expect(doc.evaluate(action: "s3:PutObject", resource: resultsObjects).outcome == .notAllowed)
    let key = try #require(resolver.arn(of: "DataKey"))
    #expect(doc.evaluate(action: "kms:Decrypt", resource: key).outcome == .allowed)
    // A literal question against a symbolic name: the name is only known at deploy time.
    let literal = doc.evaluate(action: "s3:PutObject", resource: "arn:aws:s3:::genexomics-raw/x")
    #expect(literal.outcome == .unknown)
  }

  @Test func literalBucketNamesAreSpelledOut() throws {
    let (doc, resolver) = try document(
      "          - {Effect: Allow, Action: 's3:DeleteObject', Resource: !Sub '${RawBucket.Arn}/*'}",
      resources: "  RawBucket: {Type: AWS::S3::Bucket, Properties: {BucketName: genexomics-raw}}")
    #expect(
      doc.evaluate(action: "s3:DeleteObject", resource: "arn:aws:s3:::genexomics-raw/run/1").outcome
        == .allowed)
    #expect(
      doc.evaluate(action: "s3:DeleteObject", resource: "arn:aws:s3:::genexomics-work/run/1")
        .outcome == .notAllowed)
    #expect(
      resolver.arn(of: "RawBucket")?.description == "arn:${AWS::Partition}:s3:::genexomics-raw")
  }

  @Test func aKnownNameIsNotAnotherResourcesGeneratedName() throws {
    let (doc, resolver) = try document(
      "          - {Effect: Allow, Action: 's3:PutObject', Resource: !Sub '${WorkBucket.Arn}/*'}",
      resources: """
          RawBucket: {Type: AWS::S3::Bucket, Properties: {BucketName: genexomics-raw}}
          WorkBucket: {Type: AWS::S3::Bucket}
        """)
    let raw = try #require(resolver.arn(of: "RawBucket")) + SymbolicString([.text("/"), .any])
    #expect(doc.evaluate(action: "s3:PutObject", resource: raw).outcome == .notAllowed)
    // A literal from outside the template may still be the generated name.
    #expect(
      doc.evaluate(action: "s3:PutObject", resource: "arn:aws:s3:::genexomics-raw/x").outcome
        == .unknown)
  }

  @Test func unknownResourcesGiveUnknown() throws {
    let (doc, _) = try document(
      "          - {Effect: Allow, Action: 's3:DeleteObject', Resource: !ImportValue shared-bucket-arn}"
    )
    let decision = doc.evaluate(
      action: "s3:DeleteObject", resource: "arn:aws:s3:::genexomics-raw/x")
    #expect(decision.outcome == .unknown)
    #expect(
      decision.unknownReasons == [
        "statement 1 may allow it: imported from another stack with Fn::ImportValue shared-bucket-arn"
      ])
  }

  @Test func branchesAreNamed() throws {
    let (doc, _) = try document(
      """
                - !If
                  - IsProd
                  - {Effect: Allow, Action: 's3:GetObject', Resource: '*'}
                  - {Effect: Allow, Action: 's3:*', Resource: '*'}
      """,
      conditions: "  IsProd: !Equals [!Ref AWS::Region, eu-west-1]")
    let delete = doc.evaluate(action: "s3:DeleteObject")
    #expect(delete.outcome == .allowed)
    #expect(delete.assumptions.description == "when condition IsProd is false")
    #expect(doc.evaluate(action: "s3:GetObject").assumptions.isEmpty)
    #expect(
      doc.evaluateEachBranch(action: "s3:DeleteObject").map(\.outcome) == [.notAllowed, .allowed])
  }

  @Test func principalsAndNotPrincipal() throws {
    let (doc, _) = try document(
      """
                - {Effect: Allow, Principal: {Service: [batch.amazonaws.com]}, Action: 'sts:AssumeRole'}
                - {Effect: Allow, Principal: {AWS: 'arn:aws:iam::123456789012:root'}, Action: 'sts:AssumeRole'}
                - {Effect: Deny, NotPrincipal: {AWS: 'arn:aws:iam::123456789012:role/admin'}, Action: 's3:DeleteBucket', Resource: '*'}
      """)
    #expect(
      doc.evaluate(action: "sts:AssumeRole", principal: .service("batch.amazonaws.com")).outcome
        == .allowed)
    #expect(
      doc.evaluate(action: "sts:AssumeRole", principal: .service("lambda.amazonaws.com")).outcome
        == .notAllowed)
    #expect(
      doc.evaluate(
        action: "sts:AssumeRole", principal: .aws("arn:aws:iam::123456789012:role/pipeline")
      ).outcome
        == .allowed)
    #expect(doc.evaluate(action: "sts:AssumeRole", principal: .anyone).outcome == .notAllowed)
    #expect(
      doc.evaluate(action: "s3:DeleteBucket", principal: .anyone).outcome == .explicitlyDenied)
    #expect(
      doc.evaluate(
        action: "s3:DeleteBucket", principal: .aws("arn:aws:iam::123456789012:role/admin")
      ).outcome
        == .notAllowed)
  }

  @Test func allowedActionsAmongAList() throws {
    let (doc, _) = try document(
      "          - {Effect: Allow, Action: ['logs:Delete*', 'logs:PutLogEvents'], Resource: '*'}")
    let found = doc.allowedActions([
      "logs:DeleteLogGroup", "logs:DeleteLogStream", "logs:CreateLogGroup",
    ])
    #expect(found.map(\.action) == ["logs:DeleteLogGroup", "logs:DeleteLogStream"])
  }
}

@Suite struct IAMPseudoParameterTests {
  @Test func partitionsMeetLiteralArns() {
    let question = SymbolicString([
      .text("arn:"), .symbol(.pseudo("AWS::Partition")), .text(":s3:::raw/x"),
    ])
    #expect(Glob.match("arn:aws:s3:::raw/*", question) == .yes)
    #expect(Glob.match("arn:aws:s3:::work/*", question) == .no)
    let pattern = SymbolicString([
      .text("arn:"), .symbol(.pseudo("AWS::Partition")), .text(":s3:::raw/*"),
    ])
    #expect(Glob.match(pattern, "arn:aws-cn:s3:::raw/x") == .yes)
  }

  @Test func accountsAreNotWildcards() {
    let pattern = SymbolicString([
      .text("arn:aws:iam::"), .symbol(.pseudo("AWS::AccountId")), .text(":role/x"),
    ])
    #expect(
      Glob.match(pattern, "arn:aws:iam::123456789012:role/x")
        == .maybe("AWS::AccountId is only known at deploy time"))
    #expect(Glob.match(pattern, "arn:aws:iam::123456789012:role/y") == .no)
  }
}
