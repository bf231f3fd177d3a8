import Foundation
import Testing

@testable import Template

/// The real-world check: every template of `examples/real-world` (hand-written in the styles of
/// AWS documentation and public repositories, each valid for cfn-lint) reads without a warning,
/// and YAML → JSON → YAML keeps the model and the bytes of the YAML.
///
/// Templates that trip a known reader bug are listed in `knownBugs`, left out of the
/// parameterised tests, and kept as disabled tests below so their owners can turn them on.
@Suite struct RealWorldTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples/real-world")

  /// File name → the bug it trips. A file leaves this table when its bug is fixed.
  static let knownBugs: [String: String] = [:]

  /// Every template of the folder, sorted by name.
  static let allFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
  }()

  /// The templates the parameterised tests run over.
  static let files = allFiles.filter { knownBugs[$0] == nil }

  static func read(_ name: String) throws -> ParsedTemplate {
    try Template.read(contentsOf: folder.appendingPathComponent(name).path)
  }

  // MARK: - Properties of every template

  @Test(arguments: files) func readsWithoutWarnings(_ name: String) throws {
    let parsed = try Self.read(name)
    #expect(parsed.warnings == [])
    #expect(!parsed.template.resources.isEmpty)
  }

  /// `read(json(read(f))) == read(f)`, and the YAML written from the JSON's model is the YAML
  /// written from the original, byte for byte.
  @Test(arguments: files) func jsonRoundTripKeepsTheModelAndTheYAML(_ name: String) throws {
    let original = try Self.read(name).template
    let json = original.json()
    let fromJSON = try Template.parse(json, file: name + ".json", format: .json)
    RoundTripSupport.expectEqual(fromJSON, original, "\(name) through JSON")
    #expect(fromJSON.yaml() == original.yaml(), "\(name): YAML written via JSON differs")
  }

  /// `read(yaml(read(f))) == read(f)`, and writing again gives the same bytes.
  @Test(arguments: files) func yamlRoundTripIsStable(_ name: String) throws {
    let original = try Self.read(name).template
    let yaml = original.yaml()
    let again = try Template.parse(yaml, file: name + ".yaml", format: .yaml)
    RoundTripSupport.expectEqual(again, original, "\(name) through YAML")
    #expect(again.yaml() == yaml, "\(name): YAML output is not stable")
  }

  // MARK: - The folder

  /// At least 25 templates, YAML and JSON, and the README lists exactly the files of the folder.
  @Test func readmeListsEveryTemplate() throws {
    #expect(Self.allFiles.count >= 25)
    #expect(Self.allFiles.filter { $0.hasSuffix(".json") }.count >= 5)
    let readme = try String(
      contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
    let listed = readme.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else {
        return nil
      }
      return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
    }
    #expect(listed.sorted() == Self.allFiles)
  }

  // MARK: - Exact values the styles depend on

  /// Tab-indented JSON: locations count a tab as one column.
  @Test func tabIndentedJSONKeepsLocations() throws {
    let template = try Self.read("vpc-three-tier.json").template
    let database = try #require(template.resources["Database"])
    #expect(database.location?.line == 406)
    #expect(database.location?.column == 3)
    let subnetGroup = try #require(database.properties["DBSubnetGroupName"])
    #expect(subnetGroup == .ref("DBSubnetGroup"))
    #expect(subnetGroup.location?.line == 420)
  }

  /// `\/`, `\u00e9` and the surrogate pair `\ud83d\ude80` decode to their characters.
  @Test func jsonEscapesDecode() throws {
    let template = try Self.read("unicode-static-site.json").template
    let description = try #require(template.description)
    #expect(description.hasPrefix("https://www.example.com/ \u{2014} site statique"))
    #expect(description.contains("caf\u{E9}, na\u{EF}ve"))
    #expect(description.contains("\u{0420}\u{043E}\u{0441}\u{0441}\u{0438}\u{044F} \u{1F680})"))
    let tags = template.resources["SiteBucket"]?.properties["Tags"]
    #expect(
      tags
        == [
          [
            "Key": "Beschreibung",
            "Value": "Gr\u{FC}\u{DF}e aus M\u{FC}nchen \u{2603} \u{2764}\u{FE0F} \u{1F30D}",
          ],
          [
            "Key": "emoji-raw",
            "Value":
              "\u{1F680} d\u{E9}j\u{E0} vu \u{2014} \u{201C}quoted\u{201D} \u{2018}single\u{2019}",
          ],
        ])
  }

  /// An unquoted `AWSTemplateFormatVersion: 2010-09-09` is the string, not a date.
  @Test func unquotedVersionDateStaysAString() throws {
    let template = try Self.read("autoscaling-policies.yaml").template
    #expect(template.formatVersion == "2010-09-09")
    #expect(template.yaml().hasPrefix("AWSTemplateFormatVersion: '2010-09-09'\n"))
  }

  /// Quoted numbers and booleans stay strings; unquoted ones stay numbers and booleans.
  @Test func quotedScalarsStayStrings() throws {
    let template = try Self.read("quoted-scalars.yaml").template
    let queue = try #require(template.resources["Queue"])
    #expect(queue.properties["DelaySeconds"] == .string("5"))
    #expect(queue.properties["FifoQueue"] == .string("true"))
    #expect(queue.properties["ContentBasedDeduplication"] == .bool(true))
    #expect(template.parameters["FeatureFlag"]?.defaultValue == .string("on"))
    let written = template.yaml()
    for line in [
      "      - Key: enabled\n        Value: 'yes'\n", "      - Key: 'y'\n        Value: 'Y'\n",
      "        Value: '2010-09-09'\n", "        Value: '12:30:00'\n", "        Value: '1e3'\n",
      "        Value: '0x1F'\n", "        octal: '012'\n", "        dot-inf: '.inf'\n",
      "        underscore: '1_000'\n", "      DelaySeconds: '5'\n",
    ] {
      #expect(written.contains(line), "missing \(line.debugDescription)")
    }
  }

  /// Aliases are copies of their anchors.
  @Test func anchorsExpandToCopies() throws {
    let template = try Self.read("yaml-anchors.yaml").template
    let ingest = try #require(template.resources["IngestQueue"])
    let export = try #require(template.resources["ExportQueue"])
    #expect(ingest.properties == export.properties)
    #expect(template.resources["ExportFunction"]?.properties["Runtime"] == .string("python3.12"))
  }

  /// Dotted attributes stay one attribute, in short and long form.
  @Test func dottedGetAttKeepsTheAttribute() throws {
    let aurora = try Self.read("aurora-secrets.yaml").template
    #expect(aurora.outputs["ReaderEndpoint"]?.value == .getAtt("Cluster", "ReadEndpoint.Address"))
    let vpc = try Self.read("vpc-three-tier.json").template
    #expect(
      vpc.outputs["DatabaseSecretArn"]?.value == .getAtt("Database", "MasterUserSecret.SecretArn"))
  }
}
