import Foundation
import Testing

@testable import Policy
@testable import Schemas

/// The shipped resource schemas: complete, readable, and what the script writes.
@Suite struct ResourceSchemaDataTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The bytes `scripts/resource-schema-data.py --stdout` writes, or why it cannot run here.
  static let scriptOutput: Result<Data, Skip> = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", repository.appendingPathComponent("scripts/resource-schema-data.py").path,
      "--stdout",
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { return .failure(Skip(reason: "python3 cannot run: \(error)")) }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return .failure(
        Skip(reason: "cfn-lint is not importable: \(message.split(separator: "\n").last ?? "")"))
    }
    return .success(data)
  }()

  struct Skip: Error { var reason: String }

  static var scriptSkipReason: String? {
    switch scriptOutput {
    case .success(let data):
      // Another cfn-lint version writes other data: say so rather than fail.
      let header = String(decoding: data.prefix(while: { $0 != 10 }), as: UTF8.self)
      return header == "# " + ResourceSchemas.shipped.source
        ? nil : "installed cfn-lint differs from the one the data was written from: \(header)"
    case .failure(let skip): return skip.reason
    }
  }

  @Test(.enabled(if: scriptSkipReason == nil, Comment(rawValue: scriptSkipReason ?? "")))
  func shippedFileIsWhatTheScriptWrites() throws {
    let shipped = try Data(
      contentsOf: Self.repository.appendingPathComponent(
        "Sources/Schemas/Data/resource-schemas.txt"))
    let written = try Self.scriptOutput.get()
    #expect(shipped == written)
  }

  @Test func everyResourceTypeIsThere() throws {
    let schemas = ResourceSchemas.shipped
    #expect(
      schemas.source.hasPrefix(
        "Formation resource schemas, written by scripts/resource-schema-data.py from cfn-lint"))
    #expect(schemas.typeNames.count > 1580)
    let queue = try #require(schemas["AWS::SQS::Queue"])
    let timeout = try #require(queue.properties.properties["VisibilityTimeout"])
    #expect(queue.nodes[timeout].maximum == 43200)
    #expect(queue.nodes[timeout].types == .integer)
    #expect(queue.hasAttribute("Arn") && !queue.hasAttribute("Nope"))
    #expect(queue.readOnly == ["Arn", "QueueUrl"])
    let function = try #require(schemas["AWS::Lambda::Function"])
    #expect(function.properties.required == ["Code", "Role"])
    #expect(schemas.runtimes["python2.7"]?.createBlocked == "2021-07-15")
    let stack = try #require(schemas["AWS::CloudFormation::Stack"])
    #expect(stack.hasAttribute("Outputs.BucketName") && !stack.hasAttribute("Outputs."))
    #expect(schemas["AWS::S3::Buckett"] == nil && !schemas.knows("AWS::S3::Buckett"))
  }

  /// `dbclass` lines: one per engine and set of classes, `-` for "LicenseModel not set", license
  /// models that share the classes on one line.
  @Test func instanceClassLinesAreRead() {
    let header = """
      # test data
      dbclass\tmysql\t-,general-public-license\tdb.m5.large,db.t3.micro
      dbclass\toracle-se2\tlicense-included\tdb.m5.large
      dbclass\toracle-se2\tbring-your-own-license\tdb.m5.large,db.x1e.xlarge
      dbclass\tbroken\t-

      """
    let schemas = ResourceSchemas(bytes: Array(header.utf8))
    #expect(
      schemas.instanceClasses(engine: "mysql", license: nil) == ["db.m5.large", "db.t3.micro"])
    #expect(
      schemas.instanceClasses(engine: "MySQL", license: "general-public-license")
        == ["db.m5.large", "db.t3.micro"])
    #expect(
      schemas.instanceClasses(engine: "oracle-se2", license: "license-included") == ["db.m5.large"])
    #expect(
      schemas.instanceClasses(engine: "oracle-se2", license: "bring-your-own-license")
        == ["db.m5.large", "db.x1e.xlarge"])
    #expect(schemas.instanceClasses(engine: "oracle-se2", license: nil) == nil)
    #expect(schemas.instanceClasses(engine: "mysql", license: "license-included") == nil)
    #expect(schemas.instanceClasses(engine: "mysql", license: "General-Public-License") == nil)
    #expect(schemas.instanceClasses(engine: "mysql", license: "-") == nil)
    #expect(schemas.instanceClasses(engine: "broken", license: nil) == nil)
    #expect(schemas.instanceClasses(engine: "bad-ee", license: nil) == nil)
  }

  /// The shipped classes are cfn-lint's union over regions: Aurora MySQL is offered on no
  /// `db.m4` class and no micro class in any region.
  @Test func shippedInstanceClasses() throws {
    let aurora = try #require(
      ResourceSchemas.shipped.instanceClasses(engine: "aurora-mysql", license: nil))
    #expect(aurora.contains("db.r5.large") && aurora.contains("db.serverless"))
    #expect(!aurora.contains("db.m4.xlarge") && !aurora.contains("db.t3.micro"))
    let included = try #require(
      ResourceSchemas.shipped.instanceClasses(engine: "oracle-se2", license: "license-included"))
    let ownLicense = try #require(
      ResourceSchemas.shipped.instanceClasses(
        engine: "oracle-se2", license: "bring-your-own-license"))
    #expect(!included.contains("db.x1e.xlarge") && ownLicense.contains("db.x1e.xlarge"))
  }

  /// Case-insensitive enums are marked as cfn-lint marks them.
  @Test func caseInsensitiveEnumsAreMarked() throws {
    let environment = try #require(ResourceSchemas.shipped["AWS::Batch::ComputeEnvironment"])
    let resources = environment.nodes[try #require(environment.properties.properties["ComputeResources"])]
    let strategy = environment.nodes[try #require(resources.properties["AllocationStrategy"])]
    #expect(strategy.allowedValuesIgnoreCase)
    #expect(strategy.allowedValues?.contains("spot_capacity_optimized") == true)
  }

  /// Runtime dates are compared with today's, worked out by calendar arithmetic: the epoch,
  /// a leap day, the day after it, the turn of a century that is not a leap year.
  @Test func todayIsTheCalendarDateOfTheClock() {
    #expect(DeprecatedRuntime.date(daysSinceEpoch: 0) == "1970-01-01")
    #expect(DeprecatedRuntime.date(daysSinceEpoch: 11_016) == "2000-02-29")
    #expect(DeprecatedRuntime.date(daysSinceEpoch: 11_017) == "2000-03-01")
    #expect(DeprecatedRuntime.date(daysSinceEpoch: 47_541) == "2100-03-01")
    #expect(DeprecatedRuntime.date(daysSinceEpoch: 20_454) == "2026-01-01")
    #expect(DeprecatedRuntime.date(daysSinceEpoch: -1) == "1969-12-31")
  }

  /// The schema reader's own JSON parser reads every type's schema as Foundation's does.
  @Test func everySchemaReadsAsFoundationReadsIt() throws {
    let schemas = ResourceSchemas.shipped
    var compared = 0
    for type in schemas.typeNames {
      let text = try #require(schemas.schemaText(of: type))
      let expected = try JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])
      let parsed = try #require(SchemaJSON.parse(text), "\(type) does not parse")
      #expect((Self.foundation(parsed) as! NSObject).isEqual(expected), "\(type)")
      compared += 1
    }
    #expect(compared > 1_500)
  }

  @Test(arguments: [
    #"{"a":1"#, #"{"a" 1}"#, #"[1,]"#, #""\q""#, #""\ud800""#, "nul", #"{"a":1} x"#, "\"tab\tin\"",
  ])
  func malformedJSONIsNil(_ text: String) {
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { SchemaJSON.parse($0) } == nil)
  }

  @Test func escapesAndNumbersRead() throws {
    let text = #"{"s":"a\"b\\c\/\n\u00e9\ud83d\ude00","n":[-2.5e2,0,12]}"#
    let json = try #require(Array(text.utf8).withUnsafeBytes { SchemaJSON.parse($0) })
    #expect(json["s"]?.string == "a\"b\\c/\n\u{e9}\u{1F600}")
    #expect(json["n"]?.array?.map(\.double) == [-250, 0, 12])
    #expect(json["n"]?.array?.map(\.int) == [-250, 0, 12])
  }

  /// `json` as Foundation's JSON reader gives it.
  static func foundation(_ json: SchemaJSON) -> Any {
    switch json {
    case .object(let members):
      NSDictionary(dictionary: Dictionary(members.map { ($0.key, foundation($0.value)) }) { $1 })
    case .array(let items): NSArray(array: items.map(foundation))
    case .string(let text): NSString(string: text)
    case .number(let number): NSNumber(value: number)
    case .bool(let bool): NSNumber(value: bool)
    case .null: NSNull()
    }
  }
}
