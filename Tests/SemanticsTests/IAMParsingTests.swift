import Semantics
import Template
import Testing

/// Every shape IAM accepts reads; every shape it does not gives a located problem.
@Suite struct IAMParsingTests {
  func documents(_ yaml: String) throws -> [String: PolicyDocument] {
    let template = try Template.parse(yaml, file: "shapes.yaml")
    let resolver = Resolver(template)
    var result: [String: PolicyDocument] = [:]
    for entry in template.resources.entries {
      if let value = entry.value.properties["PolicyDocument"] {
        result[entry.key] = PolicyDocument(parsing: value, resolver: resolver)
      }
    }
    return result
  }

  @Test func singleStatementAndStringElements() throws {
    let docs = try documents(
      """
      Resources:
        One:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement: {Effect: Allow, Action: s3:GetObject, Resource: '*', Principal: '*'}
      """)
    let statement = try #require(docs["One"]?.statements.first)
    #expect(statement.actions.elements.map(\.content.description) == ["s3:GetObject"])
    #expect(statement.resources?.elements.map(\.content.isEverything) == [true])
    #expect(statement.principals?.elements.map(\.content.isWildcard) == [true])
    #expect(docs["One"]?.problems == [])
  }

  @Test func badShapesAreLocatedProblems() throws {
    let docs = try documents(
      """
      Resources:
        AsString:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument: '{"Statement": []}'
        StatementNumber:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement: 42
        NoEffect:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement:
                - {Action: s3:GetObject, Resource: '*', NotResource: x}
                - Allow
                - {Effect: allow, Action: [s3:GetObject, {Ref: AWS::Region}, [nested]], Resource: '*', Principal: {Aws: x}}
      """)
    func problems(_ id: String) -> [String] {
      docs[id]?.problems.map {
        "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)"
      } ?? []
    }
    #expect(
      problems("AsString") == [
        "5:23 the policy document is a JSON string; it is checked, but findings inside it can only point at the string: write it as a mapping"
      ])
    #expect(
      problems("StatementNumber") == [
        "10:20 Statement is a number; expected a mapping or a list of mappings"
      ])
    #expect(
      problems("NoEffect") == [
        "16:51 statement 1 has both Resource and NotResource",
        "16:13 statement 1 has no Effect",
        "17:13 statement 2 is a string; expected a mapping",
        "18:72 Action of statement 3 is a list; expected a string or a list of strings",
        "18:110 Principal of statement 3 has an unknown principal type Aws; expected AWS, Service, Federated or CanonicalUser",
        "18:22 the Effect of statement 3 is allow; expected Allow or Deny",
      ])
  }
}

@Suite struct IAMEmbeddedJSONTests {
  @Test func aJSONStringDocumentIsReadAndLocatedAtTheString() throws {
    let template = try Template.parse(
      """
      Resources:
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}'
      """, file: "json.yaml")
    let document = PolicyDocument(
      parsing: try #require(template.resources["Policy"]?.properties["PolicyDocument"]),
      resolver: Resolver(template))
    #expect(document.problems.map(\.kind) == [.embeddedJSON])
    #expect(document.evaluate(action: "s3:DeleteObject").outcome == .allowed)
    #expect(
      document.statements.first?.actions.elements.first?.location?.description == "json.yaml:5:23")
  }
}
