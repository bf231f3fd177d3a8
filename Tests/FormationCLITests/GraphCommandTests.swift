import Foundation
import Testing

@testable import FormationCLI

/// `formation graph`: stacks and imports, or one stack's resources, as Mermaid and DOT,
/// compared whole.
@Suite struct GraphCommandTests {
  static let stacks = [
    "keys.yaml": """
    Resources:
      DataKey:
        Type: AWS::KMS::Key
    Outputs:
      DataKeyArn:
        Value: !GetAtt DataKey.Arn
        Export: {Name: app-keys-DataKey-Arn}
      Unused:
        Value: x
        Export: {Name: !Sub "${AWS::StackName}-Unused"}
    """,
    "storage.yaml": """
    Parameters:
      Stage: {Type: String, Default: prod}
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "raw-${Stage}"
          BucketEncryption:
            ServerSideEncryptionConfiguration:
              - ServerSideEncryptionByDefault:
                  KMSMasterKeyID: !ImportValue app-keys-DataKey-Arn
                  SSEAlgorithm: aws:kms
      Policy:
        Type: AWS::S3::BucketPolicy
        DependsOn: [Bucket]
        Properties:
          Bucket: !Ref Bucket
          PolicyDocument:
            Statement:
              - Effect: Deny
                Principal: "*"
                Action: "s3:*"
                Resource: !Sub "${Bucket.Arn}/*"
                Condition: {Bool: {"aws:SecureTransport": false}}
      Alarm:
        Type: AWS::CloudWatch::Alarm
        Properties:
          AlarmActions: [!ImportValue shared-alerts-Topic]
          Dimensions: [{Name: BucketName, Value: !Ref Bucket}]
    """,
  ]

  static func graph(_ arguments: [String]) throws -> (CommandResult, String) {
    let root = try ScratchFolder.make(stacks)
    let result = try GraphCommand.parse(
      ["--no-config"] + arguments.map { $0.replacingOccurrences(of: "<root>", with: root) }
    ).execute(workingDirectory: root)
    return (result, root)
  }

  @Test func stacksAsMermaid() throws {
    let (result, _) = try Self.graph(["<root>"])
    #expect(
      result.standardOutput == """
        flowchart LR
          n0["keys"]
          n1["storage"]
          n2["import: shared-alerts-Topic"]
          n2 -->|"shared-alerts-Topic"| n1
          n0 -->|"DataKey-Arn"| n1

        """)
    #expect(result.exitCode == 0)
  }

  @Test func stacksAsDOT() throws {
    let (result, _) = try Self.graph(["--format", "dot", "<root>"])
    #expect(
      result.standardOutput == """
        digraph "stacks" {
          rankdir=LR;
          node [shape=box];
          "keys" [label="keys"];
          "storage" [label="storage"];
          "import: shared-alerts-Topic" [label="import: shared-alerts-Topic"];
          "import: shared-alerts-Topic" -> "storage" [label="shared-alerts-Topic"];
          "keys" -> "storage" [label="DataKey-Arn"];
        }

        """)
  }

  @Test func resourcesOfOneStack() throws {
    let (result, _) = try Self.graph(["--resources", "<root>/storage.yaml"])
    #expect(
      result.standardOutput == """
        flowchart LR
          n0["Bucket<br/>AWS::S3::Bucket"]
          n1["Policy<br/>AWS::S3::BucketPolicy"]
          n2["Alarm<br/>AWS::CloudWatch::Alarm"]
          n2 -->|"Ref"| n0
          n1 -->|"DependsOn"| n0
          n1 -->|"GetAtt Arn"| n0
          n1 -->|"Ref"| n0

        """)
    let several = try Self.graph(["--resources", "<root>"]).0
    #expect(several.standardError == "error: --resources draws one template; 2 were given or found\n")
    #expect(several.exitCode == 2)
  }

  @Test func sameTemplatesGiveTheSameText() throws {
    let first = try Self.graph(["<root>"]).0.standardOutput
    let second = try Self.graph(["<root>"]).0.standardOutput
    #expect(first == second)
  }

  @Test func longLabelsAreShortened() {
    #expect(DependencyGraph.shortened("a, b, c") == "a, b, c")
    #expect(DependencyGraph.shortened("a, b, c, d, e") == "a, b, c +2 more")
    #expect(DependencyGraph.shortName("genexomics-prod-keys-DataKey-Arn", exportedBy: "keys") == "DataKey-Arn")
    #expect(DependencyGraph.shortName("shared-alerts-Topic", exportedBy: "keys") == "shared-alerts-Topic")
  }
}
