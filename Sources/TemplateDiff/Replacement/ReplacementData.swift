import EmbeddedData
import Foundation

/// The create-only rules of every resource type, from the CloudFormation registry schemas.
///
/// Loaded from `Data/replacement.tsv`, which `scripts/replacement-data.py` writes from the
/// schemas cfn-lint ships (a test checks the file matches the script). One line per type:
/// the create-only paths, the conditional create-only paths, and the physical-name
/// property, paths with `.` between segments and `*` for every element of a list.
public struct ReplacementData: Sendable {
  /// What the schemas say about one resource type.
  public struct Rules: Sendable, Hashable {
    /// A change to any of these replaces the resource (`createOnlyProperties`).
    public var createOnly: [[String]]
    /// A change to any of these may replace it, depending on other values (`conditionalCreateOnlyProperties`).
    public var conditionalCreateOnly: [[String]]
    /// The property that fixes the physical name (`BucketName`), when the type has one.
    public var physicalName: String?

    public init(createOnly: [[String]], conditionalCreateOnly: [[String]], physicalName: String?) {
      self.createOnly = createOnly
      self.conditionalCreateOnly = conditionalCreateOnly
      self.physicalName = physicalName
    }
  }

  public var types: [String: Rules]
  /// The header line naming the cfn-lint version the data came from.
  public var source: String

  public init(types: [String: Rules], source: String = "") {
    self.types = types
    self.source = source
  }

  /// Parses the data file's text; malformed lines are skipped (the file is generated and tested).
  public init(text: String) {
    var types: [String: Rules] = [:]
    var source = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("#") {
        if source.isEmpty { source = String(line.dropFirst(2)) }
        continue
      }
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard columns.count == 4 else { continue }
      func paths(_ column: Substring) -> [[String]] {
        column.split(separator: ",").map { $0.split(separator: ".").map(String.init) }
      }
      types[String(columns[0])] = Rules(
        createOnly: paths(columns[1]), conditionalCreateOnly: paths(columns[2]),
        physicalName: columns[3].isEmpty ? nil : String(columns[3]))
    }
    self.types = types
    self.source = source
  }

  /// The data compiled into the executable, read once.
  public static let shipped = ReplacementData(text: EmbeddedData.text(of: "replacement.tsv"))

  public subscript(type: String) -> Rules? { types[type] }
}
