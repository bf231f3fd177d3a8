import Semantics
import Template
import Testing

/// `PolicyDocuments` reads every document as written; `PolicyIndex` spells out what they name
/// and must end up exactly where reading with spelling would.
@Suite struct PolicyDocumentsTests {
  static let yaml = """
    Resources:
      Raw:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: genexomics-raw
      Reader:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal: {AWS: !GetAtt Caller.Arn, Service: lambda.amazonaws.com}
                Action: sts:AssumeRole
          Policies:
            - PolicyName: read
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: [!Sub '${Raw.Arn}/*', !GetAtt Raw.Arn, 'arn:aws:s3:::other/*']
      Caller:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Statement: {Effect: Allow, Principal: {Service: batch.amazonaws.com}, Action: sts:AssumeRole}
    """

  func read() throws -> (PolicyDocuments, PolicyIndex, Resolver) {
    let resolver = Resolver(try Template.parse(Self.yaml, file: "documents.yaml"))
    let documents = PolicyDocuments(resolver: resolver)
    return (documents, PolicyIndex(documents), resolver)
  }

  @Test func documentsKeepWhatTheyNameAsWritten() throws {
    let (documents, _, _) = try read()
    let policy = try #require(documents.sources.first { $0.path == "Policies.0.PolicyDocument" })
    let resources = try #require(policy.document.statements.first?.resources?.elements)
    #expect(resources.map(\.content.canonical) == resources.map(\.content.written))
    #expect(resources.map(\.content.written.description).contains("${Raw.Arn}"))
    let trust = try #require(
      documents.sources.first { $0.kind == .trust && $0.logicalID == "Reader" })
    let principals = try #require(trust.document.statements.first?.principals?.elements)
    #expect(principals.map(\.content.canonical) == principals.map(\.content.value))
  }

  @Test func theIndexSpellsOutWhatReadingWithSpellingWould() throws {
    let (documents, index, resolver) = try read()
    #expect(index.sources.map(\.path) == documents.sources.map(\.path))
    for source in index.sources {
      let properties = try #require(resolver.template.resources[source.logicalID]?.properties)
      let value =
        source.path == "Policies.0.PolicyDocument"
        ? properties["Policies"]?.listValue?.first?["PolicyDocument"] : properties[source.path]
      let direct = PolicyDocument(parsing: try #require(value), resolver: resolver)
      #expect(source.document.statements.map(\.resources) == direct.statements.map(\.resources))
      #expect(source.document.statements.map(\.principals) == direct.statements.map(\.principals))
    }
    let policy = try #require(index.sources.first { $0.path == "Policies.0.PolicyDocument" })
    let canonical = policy.document.statements.first?.resources?.elements.map {
      $0.content.canonical.description
    }
    #expect(
      canonical == [
        "arn:${AWS::Partition}:s3:::genexomics-raw/*", "arn:${AWS::Partition}:s3:::genexomics-raw",
        "arn:aws:s3:::other/*",
      ])
  }

  @Test func theIndexAnswersFromTheSpelledOutDocuments() throws {
    let (_, index, _) = try read()
    let raw: SymbolicString = "arn:aws:s3:::genexomics-raw/run1.bam"
    #expect(
      index.evaluate(principal: "Reader", action: "s3:GetObject", resource: raw).outcome == .allowed
    )
    #expect(
      index.evaluate(principal: "Reader", action: "s3:PutObject", resource: raw).outcome
        == .notAllowed)
    #expect(index.isAssumable("Reader", by: "lambda.amazonaws.com"))
  }

  @Test func aPatternReadAsWrittenStillMatchesAsWritten() throws {
    let (documents, _, _) = try read()
    let policy = try #require(documents.sources.first { $0.path == "Policies.0.PolicyDocument" })
    let other: SymbolicString = "arn:aws:s3:::other/key"
    #expect(policy.document.evaluate(action: "s3:GetObject", resource: other).outcome == .allowed)
  }
}
