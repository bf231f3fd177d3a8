import Semantics
import Template
import Testing

@Suite struct ResolverTests {
  let template: Template
  let resolver: Resolver

  init() throws {
    template = try Template.parse(
      """
      Parameters:
        Env: {Type: String, Default: prod}
        Secret: {Type: String}
        Subnets: {Type: CommaDelimitedList, Default: "subnet-1, subnet-2"}
        Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/ami}
      Mappings:
        Sizes:
          prod: {Memory: 4096}
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        DataKey: {Type: AWS::KMS::Key}
        RawBucket:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: !Sub genexomics-${Env}-raw
            BucketEncryption:
              ServerSideEncryptionConfiguration:
                - ServerSideEncryptionByDefault: !If
                    - IsProd
                    - {SSEAlgorithm: aws:kms, KMSMasterKeyID: !GetAtt DataKey.Arn}
                    - {SSEAlgorithm: AES256}
            Tags: !If [IsProd, [{Key: a, Value: b}], !Ref AWS::NoValue]
        Values:
          Type: Custom::Values
          Properties:
            Arn: !Sub arn:${AWS::Partition}:s3:::${RawBucket}/*
            Joined: !Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Ref RawBucket]]
            Memory: !FindInMap [Sizes, !Ref Env, Memory]
            ByRegion: !FindInMap [Sizes, !Ref AWS::Region, Memory]
            Imported: !ImportValue network-vpc
            NoDefault: !Ref Secret
            Image: !Ref Ami
            Second: !Select [1, !Ref Subnets]
            Parts: !Split [',', 'a,b']
            Sub2: !Sub ['${Name}-x', {Name: !Ref Env}]
      """, file: "resolve.yaml")
    resolver = Resolver(template)
  }

  func value(_ key: String) -> [Resolved] { resolver.property(key, of: "Values") }

  @Test func parametersResolveToTheirDefaultAndAreNoted() throws {
    let name = resolver.property("BucketName", of: "RawBucket")
    #expect(name.map(\.literal) == ["genexomics-prod-raw"])
    #expect(name.map(\.parameters) == [["Env"]])
    #expect(value("NoDefault").map(\.unknownReasons) == [["parameter Secret has no default"]])
    #expect(
      value("Image").map(\.unknownReasons) == [
        ["parameter Ami is read from SSM Parameter Store at deploy time"]
      ])
    #expect(value("Second").map(\.literal) == ["subnet-2"])
  }

  @Test func subAndJoinKeepSymbols() {
    #expect(
      value("Arn").map { $0.string?.description } == ["arn:${AWS::Partition}:s3:::${RawBucket}/*"])
    #expect(
      value("Joined").map { $0.string?.description } == ["arn:${AWS::Partition}:s3:::${RawBucket}"])
    #expect(value("Sub2").map(\.literal) == ["prod-x"])
    #expect(value("Parts").first?.list?.map(\.stringValue) == ["a", "b"])
    let canonical = value("Arn").first?.string.map { resolver.canonical($0) }
    #expect(canonical?.description == "arn:${AWS::Partition}:s3:::genexomics-prod-raw/*")
  }

  @Test func findInMapWithFixedKeys() {
    #expect(value("Memory").map { $0.shape } == [.number(Number(4096))])
    #expect(
      value("ByRegion").map(\.unknownReasons) == [
        ["Fn::FindInMap key ${AWS::Region} is only known at deploy time"]
      ])
  }

  @Test func importsAreUnknownWithAReason() {
    #expect(
      value("Imported").map(\.unknownReasons) == [
        ["imported from another stack with Fn::ImportValue network-vpc"]
      ])
  }

  @Test func ifGivesBothBranchesThroughAPath() throws {
    let keys = resolver.property(
      "BucketEncryption.ServerSideEncryptionConfiguration.*.ServerSideEncryptionByDefault.KMSMasterKeyID",
      of: "RawBucket")
    #expect(keys.count == 2)
    #expect(keys[0].string?.resourceReference?.logicalID == "DataKey")
    #expect(keys[0].string?.resourceReference?.attribute == "Arn")
    #expect(keys[0].branchDescription == "when condition IsProd is true")
    #expect(keys[1].isAbsent)
    #expect(keys[1].branchDescription == "when condition IsProd is false")
    #expect(keys[0].location?.description == "resolve.yaml:21:57")
  }

  @Test func noValueIsAbsent() {
    let tags = resolver.property("Tags", of: "RawBucket")
    #expect(tags.map(\.isAbsent) == [false, true])
    #expect(
      tags.map(\.assumptions.description) == [
        "when condition IsProd is true", "when condition IsProd is false",
      ])
  }

  /// A key from a parameter without a default gives one value per key it can take, each
  /// assuming the choice; choices of one parameter never mix.
  @Test func findInMapOverAParameterWithoutDefault() throws {
    let template = try Template.parse(
      """
      Parameters:
        Env: {Type: String, AllowedValues: [dev, prod]}
        Size: {Type: String}
      Mappings:
        Settings:
          dev: {Memory: 512, small: 1}
          prod: {Memory: 4096, large: 2}
      Resources:
        Values:
          Type: Custom::Values
          Properties:
            Memory: !FindInMap [Settings, !Ref Env, Memory]
            Pair: !Join ['-', [!FindInMap [Settings, !Ref Env, Memory], !FindInMap [Settings, !Ref Env, Memory]]]
            BySize: !FindInMap [Settings, prod, !Ref Size]
      """, file: "choices.yaml")
    let resolver = Resolver(template)
    let memory = resolver.property("Memory", of: "Values")
    #expect(memory.map(\.shape) == [.number(Number(512)), .number(Number(4096))])
    #expect(
      memory.map(\.assumptions.description) == [
        "when parameter Env is dev", "when parameter Env is prod",
      ])
    #expect(resolver.property("Pair", of: "Values").map(\.literal) == ["512-512", "4096-4096"])
    let bySize = resolver.property("BySize", of: "Values")
    #expect(
      bySize.map(\.unknownReasons) == [
        [], ["mapping Settings has no value for prod.small"], [],
      ])
    #expect(bySize.map(\.assumptions.description).last == "when parameter Size is large")
  }

  /// What a deployer may give a parameter: AllowedValues, AllowedPattern (whole value) and
  /// the Number type rule values out.
  @Test func parameterConstraints() throws {
    let template = try Template.parse(
      """
      Parameters:
        Account: {Type: String, AllowedPattern: '^\\d{12}$'}
        Env: {Type: String, AllowedValues: [dev, prod]}
        Count: {Type: Number}
        Free: {Type: String}
      Resources:
        Topic: {Type: AWS::SNS::Topic}
      """, file: "parameters.yaml")
    let resolver = Resolver(template)
    #expect(resolver.parameter("Account", accepts: "111122223333"))
    #expect(!resolver.parameter("Account", accepts: "*"))
    #expect(!resolver.parameter("Account", accepts: "1111222233334"))
    #expect(!resolver.parameter("Env", accepts: "*"))
    #expect(!resolver.parameter("Count", accepts: "*"))
    #expect(resolver.parameter("Free", accepts: "*"))
    #expect(Resolver.parameterWithoutDefault(from: "parameter Free has no default") == "Free")
    #expect(Resolver.parameterWithoutDefault(from: "imported from another stack") == nil)
  }
}
