import Foundation
import Template
import Testing

@testable import TemplateDiff

/// The shipped replacement data: complete, readable, and what the script writes.
@Suite struct ReplacementDataTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The text `scripts/replacement-data.py --stdout` writes, or why it cannot run here.
  static let scriptOutput: Result<String, Skip> = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", repository.appendingPathComponent("scripts/replacement-data.py").path, "--stdout",
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
    return .success(String(decoding: data, as: UTF8.self))
  }()

  struct Skip: Error { var reason: String }

  static var scriptSkipReason: String? {
    switch scriptOutput {
    case .success(let text):
      // Another cfn-lint version writes other data: say so rather than fail.
      let header = text.split(separator: "\n").first.map(String.init) ?? ""
      return header == "# " + ReplacementData.shipped.source
        ? nil : "installed cfn-lint differs from the one the data was written from: \(header)"
    case .failure(let skip): return skip.reason
    }
  }

  @Test(.enabled(if: scriptSkipReason == nil, Comment(rawValue: scriptSkipReason ?? "")))
  func shippedFileIsWhatTheScriptWrites() throws {
    let shipped = try String(
      contentsOf: Self.repository.appendingPathComponent(
        "Sources/TemplateDiff/Data/replacement.tsv"), encoding: .utf8)
    let written = try Self.scriptOutput.get()
    #expect(shipped == written)
  }

  @Test func everyResourceTypeIsThere() {
    let data = ReplacementData.shipped
    #expect(
      data.source.hasPrefix(
        "Formation replacement data, written by scripts/replacement-data.py from cfn-lint"))
    #expect(data.types.count > 1500)
    #expect(data["AWS::S3::Bucket"]?.physicalName == "BucketName")
    #expect(data["AWS::IAM::Role"]?.createOnly == [["Path"], ["RoleName"]])
    #expect(
      data["AWS::Batch::ComputeEnvironment"]?.createOnly.contains([
        "ComputeResources", "SpotIamFleetRole",
      ]) == true)
    #expect(
      data["AWS::Batch::ComputeEnvironment"]?.conditionalCreateOnly.contains([
        "ComputeResources", "Subnets",
      ]) == true)
    #expect(
      data["AWS::MSK::Replicator"]?.createOnly.contains([
        "ReplicationInfoList", "*", "SourceKafkaClusterArn",
      ]) == true)
    #expect(data["AWS::SQS::Queue"]?.physicalName == "QueueName")
    #expect(data["AWS::KMS::Key"]?.createOnly == [])
  }

  @Test func starPathsMatchListElementsByIdentity() {
    let data = ReplacementData(text: "AWS::Test::Cluster\tGroups.*.InstanceType\t\t\n")
    let analysis = ReplacementAnalysis(data: data, resourceIDs: [])
    let old: Value = ["Groups": [["Name": "a", "InstanceType": "m5"]]]
    let inserted: Value = [
      "Groups": [["Name": "b", "InstanceType": "c5"], ["Name": "a", "InstanceType": "m5"]]
    ]
    let changed: Value = ["Groups": [["Name": "a", "InstanceType": "r5"]]]
    #expect(
      analysis.hits(type: "AWS::Test::Cluster", old: old, new: inserted).map(\.replacement) == [
        .may
      ])
    #expect(
      analysis.hits(type: "AWS::Test::Cluster", old: old, new: changed).map(\.replacement) == [
        .will
      ])
    #expect(
      analysis.hits(type: "AWS::Test::Cluster", old: old, new: changed).map(\.reason) == [
        "Groups[Name=a].InstanceType changes (create-only)"
      ])
  }
}
