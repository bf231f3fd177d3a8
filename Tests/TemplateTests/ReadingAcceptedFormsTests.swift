import Foundation
import Testing

@testable import Template

/// Forms CloudFormation accepts that a reader might take for mistakes: the functions of the
/// `Rules` section, `Fn::Transform` as a list, arguments a macro computes, and `Properties` or a
/// whole resource written as one `Fn::If`.
@Suite struct ReadingAcceptedFormsTests {
  static func fixture(_ name: String) throws -> Template {
    let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return try Template.read(contentsOf: root.appendingPathComponent("good/\(name)").path).template
  }

  @Test func ruleFunctionsReadInShortForm() throws {
    let template = try Self.fixture("rule-functions.yaml")
    let assertions = try #require(template.rules["SubnetsInVpc"]?["Assertions"]?.listValue)
    #expect(
      assertions[0]["Assert"]?.intrinsicValue
        == .rule(.eachMemberEquals, [.intrinsic(.rule(.valueOf, ["Subnets", "VpcId"])), .ref("Vpc")]))
    #expect(
      assertions[1]["Assert"]?.intrinsicValue
        == .rule(
          .eachMemberIn,
          [
            .intrinsic(.rule(.valueOfAll, ["AWS::EC2::Subnet::Id", "VpcId"])),
            .intrinsic(.rule(.refAll, "AWS::EC2::VPC::Id")),
          ]))
    let condition = try #require(template.rules["ProdOnly"]?["RuleCondition"]?.intrinsicValue)
    guard case .and(let operands) = condition else {
      Issue.record("RuleCondition is \(condition.name), not Fn::And")
      return
    }
    #expect(
      operands[1].intrinsicValue
        == .not(.intrinsic(.rule(.contains, [["a", "b"], .ref("Environment")]))))
  }

  @Test func ruleFunctionsReadTheSameInLongForm() throws {
    let template = try Self.fixture("rule-functions-long.json")
    let assertions = try #require(template.rules["SubnetsInVpc"]?["Assertions"]?.listValue)
    #expect(
      assertions[0]["Assert"]?.intrinsicValue
        == .rule(.eachMemberEquals, [.intrinsic(.rule(.valueOf, ["Subnets", "VpcId"])), .ref("Vpc")]))
    #expect(assertions[2]["Assert"]?.intrinsicValue?.name == "Fn::Not")
  }

  @Test func ruleFunctionsAreWrittenInShortForm() throws {
    let yaml = try Self.fixture("rule-functions.yaml").yaml()
    #expect(yaml.contains("!ValueOf"))
    #expect(!yaml.contains("Fn::ValueOf"))
    #expect(yaml.contains("!RefAll 'AWS::EC2::VPC::Id'"))
    #expect(yaml.contains("!EachMemberEquals [!ValueOf [Subnets, VpcId], !Ref Vpc]"))
  }

  @Test func transformListKeepsEveryMacroCallInOrder() throws {
    let template = try Self.fixture("transform-list.yaml")
    let definitions = try #require(
      template.resources["Table"]?.properties["AttributeDefinitions"]?.intrinsicValue)
    guard case .transforms(let calls) = definitions else {
      Issue.record("AttributeDefinitions is \(definitions.name) with the wrong case")
      return
    }
    #expect(calls.map(\.name) == ["AWS::Include", "Uppercase"])
    #expect(calls[1].parameters == nil)
    #expect(template.json().contains("\"Fn::Transform\": ["))
  }

  /// `Fn::Sub` of a macro's output: the macro runs first, so the `Fn::Sub` is kept as written.
  @Test func functionOfAMacroIsKeptAsWritten() throws {
    let template = try Self.fixture("transform-list.yaml")
    let userData = try #require(template.resources["Instance"]?.properties["UserData"])
    guard case .base64(let argument) = userData.intrinsicValue,
      case .map(let sub) = argument.kind, case .transform(let name, _)? = sub["Fn::Sub"]?.intrinsicValue
    else {
      Issue.record("UserData is \(userData.kindDescription)")
      return
    }
    #expect(name == "UserDataFromFile")
  }

  /// `Properties: !If` spelled out per property: a property one branch lacks is `AWS::NoValue`
  /// located at that branch, so checks read it like any conditional property.
  @Test func conditionalPropertiesAreSpelledOutPerProperty() throws {
    let template = try Self.fixture("conditional-properties.yaml")
    let secret = try #require(template.resources["Secret"])
    #expect(secret.properties.keys == ["Description", "KmsKeyId"])
    guard
      case .if(let condition, let then, let otherwise)? = secret.properties["KmsKeyId"]?
        .intrinsicValue
    else {
      Issue.record("KmsKeyId is not spelled out as an Fn::If")
      return
    }
    #expect(condition == "HasKey")
    #expect(then == .ref("KeyArn"))
    #expect(otherwise == .ref("AWS::NoValue"))
    #expect(otherwise.location?.line == 15)
    #expect(otherwise.location?.column == 9)
    #expect(
      secret.properties["Description"]?.intrinsicValue
        == .if(
          condition: "HasKey", then: "encrypted with the given key",
          else: "encrypted with the default key"))
    #expect(secret.propertiesFunction?.intrinsicValue?.name == "Fn::If")
  }

  @Test func propertiesAbsentInABranchAreNoValue() throws {
    let queue = try #require(try Self.fixture("conditional-properties.yaml").resources["Queue"])
    #expect(
      queue.properties["KmsMasterKeyId"]?.intrinsicValue
        == .if(condition: "HasKey", then: .ref("KeyArn"), else: .ref("AWS::NoValue")))
    #expect(queue.metadata?.intrinsicValue?.name == "Fn::If")
  }

  @Test func conditionalResourceBodyIsSpelledOutPerAttribute() throws {
    let bucket = try #require(try Self.fixture("conditional-properties.yaml").resources["Bucket"])
    #expect(bucket.type == "AWS::S3::Bucket")
    #expect(bucket.typeLocation?.line == 25)
    #expect(bucket.dependsOn.map(\.value) == ["Queue"])
    #expect(
      bucket.properties["BucketName"]?.intrinsicValue
        == .if(condition: "HasKey", then: "keyed", else: .ref("AWS::NoValue")))
    #expect(
      bucket.deletionPolicy?.intrinsicValue
        == .if(condition: "HasKey", then: "Retain", else: .ref("AWS::NoValue")))
    #expect(bucket.bodyFunction != nil)
  }

  /// The writer writes the `Fn::If` the author wrote, not the spelled-out properties.
  @Test func conditionalFormsAreWrittenAsWritten() throws {
    let template = try Self.fixture("conditional-properties.yaml")
    let yaml = template.yaml()
    #expect(yaml.contains("Properties: !If"))
    #expect(yaml.contains("Bucket: !If"))
    let again = try Template.parse(yaml)
    #expect(again == template)
    #expect(again.resources["Secret"]?.properties == template.resources["Secret"]?.properties)
  }
}
