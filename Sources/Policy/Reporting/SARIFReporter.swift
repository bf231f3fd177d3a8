import Foundation
import Template

/// Findings as SARIF 2.1.0, the format GitHub code scanning uploads (`github/codeql-action/upload-sarif`).
///
/// One run, whose `tool.driver.rules` describe every rule that ran (id, name, short and full
/// description, help as text and Markdown, default level, tags and a `security-severity` so
/// code scanning ranks the alerts); each result names its rule by id and index, has a level,
/// a message, a physical location (a URI relative to `baseDirectory`, with the start line and
/// column) and the resource as a logical location. A suppressed finding stays in the results
/// with a `suppressions` entry carrying the reason as its justification, so code scanning
/// shows it as dismissed rather than losing it.
///
/// Written by hand, keys in a fixed order, so the same findings give the same bytes.
public struct SARIFReporter: Sendable {
  public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
  public static let informationURI = FormationRelease.projectURL

  /// The rules that ran, described in `tool.driver.rules`.
  public var rules: [Rule]
  /// Paths are written relative to this directory (the repository root in CI); `nil` keeps them as given.
  public var baseDirectory: String?
  public var toolVersion: String

  public init(rules: [Rule], baseDirectory: String? = nil, toolVersion: String = FormationRelease.version) {
    self.rules = rules
    self.baseDirectory = baseDirectory
    self.toolVersion = toolVersion
  }

  /// The SARIF log, pretty-printed, ending in a newline.
  public func report(_ findings: [Finding]) -> String {
    var descriptors = rules.map(Descriptor.init)
    for finding in findings where !descriptors.contains(where: { $0.id == finding.ruleID }) {
      descriptors.append(Descriptor(readerFinding: finding))
    }
    let index = Dictionary(
      descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var out = JSONWriter()
    out.object {
      $0.field("$schema", string: Self.schema)
      $0.field("version", string: "2.1.0")
      $0.array("runs") {
        $0.object {
          $0.object("tool") {
            $0.object("driver") {
              $0.field("name", string: "formation")
              $0.field("informationUri", string: Self.informationURI)
              $0.field("semanticVersion", string: toolVersion)
              $0.array("rules") { writer in
                for descriptor in descriptors { descriptor.write(into: &writer) }
              }
            }
          }
          $0.array("results") { writer in
            for finding in findings {
              write(finding, ruleIndex: index[finding.ruleID], into: &writer)
            }
          }
        }
      }
    }
    return out.text + "\n"
  }

  private func write(_ finding: Finding, ruleIndex: Int?, into writer: inout JSONWriter) {
    writer.object {
      $0.field("ruleId", string: finding.ruleID)
      if let ruleIndex { $0.field("ruleIndex", number: ruleIndex) }
      $0.field("level", string: Self.level(finding.severity))
      $0.object("message") { $0.field("text", string: message(finding)) }
      $0.array("locations") {
        $0.object {
          $0.object("physicalLocation") {
            $0.object("artifactLocation") { $0.field("uri", string: uri(finding.location.file)) }
            $0.object("region") {
              $0.field("startLine", number: max(1, finding.location.line))
              $0.field("startColumn", number: max(1, finding.location.column))
            }
          }
          if let logicalID = finding.logicalID {
            $0.array("logicalLocations") {
              $0.object {
                $0.field("name", string: logicalID)
                $0.field("kind", string: "resource")
              }
            }
          }
        }
      }
      $0.object("partialFingerprints") {
        $0.field("formation/v1", string: fingerprint(finding))
      }
      if finding.severity == .unknown || finding.path != nil {
        $0.object("properties") {
          if let path = finding.path { $0.field("path", string: path) }
          if finding.severity == .unknown { $0.field("formationSeverity", string: "unknown") }
        }
      }
      if let suppression = finding.suppression {
        $0.array("suppressions") {
          $0.object {
            $0.field("kind", string: suppression.source == .baseline ? "external" : "inSource")
            $0.field("status", string: "accepted")
            $0.field("justification", string: suppression.reason)
            if let location = suppression.location {
              $0.object("location") {
                $0.object("physicalLocation") {
                  $0.object("artifactLocation") { $0.field("uri", string: uri(location.file)) }
                  $0.object("region") {
                    $0.field("startLine", number: max(1, location.line))
                    $0.field("startColumn", number: max(1, location.column))
                  }
                }
              }
            }
            $0.object("properties") {
              $0.field("source", string: suppression.source.rawValue)
              if let foreignID = suppression.foreignID {
                $0.field("foreignRuleId", string: foreignID)
              }
            }
          }
        }
      }
    }
  }

  private func message(_ finding: Finding) -> String {
    guard let logicalID = finding.logicalID else { return finding.message }
    return "\(logicalID): \(finding.message)"
  }

  /// A stable identity for the alert across runs: rule, file, resource, path, message; never the line,
  /// so an edit above the resource does not reopen a dismissed alert.
  private func fingerprint(_ finding: Finding) -> String {
    let key = [
      finding.ruleID, uri(finding.location.file), finding.logicalID ?? "", finding.path ?? "",
      finding.message,
    ]
    .joined(separator: "\u{1F}")
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The file as a URI reference relative to `baseDirectory`, `/`-separated, with spaces and
  /// other reserved characters percent-encoded. Both paths are resolved first (the working
  /// folder, `..`, symbolic links), so `../repo/stack.yaml` and `./stack.yaml` give the same
  /// URI; a file outside the base directory gets an absolute `file://` URI.
  public func uri(_ file: String) -> String {
    var path = file
    if let base = baseDirectory {
      let absolute = Self.resolvedPath(file)
      let root = Self.resolvedPath(base)
      let prefix = root.hasSuffix("/") ? root : root + "/"
      path = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
    if path.hasPrefix("./") { path = String(path.dropFirst(2)) }
    let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "%"))
    let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return path.hasPrefix("/") ? "file://" + encoded : encoded
  }

  /// The absolute path with symbolic links and `..` resolved; for a path that does not exist
  /// (a template read from standard input), the absolute path as written.
  public static func resolvedPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// SARIF has no "unknown": an undecidable finding is a warning (its properties say unknown).
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning, .unknown: "warning"
    case .info: "note"
    }
  }

  /// GitHub's `security-severity` (0.0-10.0), which it maps to critical/high/medium/low.
  static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .error: "8.0"
    case .unknown: "5.5"
    case .warning: "5.0"
    case .info: "2.0"
    }
  }

  /// One `reportingDescriptor`.
  struct Descriptor {
    var id: String
    var name: String
    var short: String
    var full: String
    var helpText: String
    var helpMarkdown: String
    var level: String
    var tags: [String]
    var securitySeverity: String
    /// The rule's page (docs/rules/ID.md); none for the reader's own ids.
    var helpURI: String?

    init(_ rule: Rule) {
      id = rule.id
      helpURI = FormationRelease.ruleDocumentationURL(rule.id)
      name = Self.identifier(rule.title)
      short = rule.title
      full = rule.rationale
      let types =
        rule.resourceTypes.isEmpty
        ? "the whole template" : rule.resourceTypes.joined(separator: ", ")
      helpText = "\(rule.rationale)\n\nRemediation: \(rule.remediation)\n\nInspects: \(types)."
      helpMarkdown =
        "**\(rule.id): \(rule.title)** (\(rule.severity.rawValue), \(rule.theme))\n\n\(rule.rationale)\n\n"
        + "**Remediation:** \(rule.remediation)\n\n**Inspects:** "
        + (rule.resourceTypes.isEmpty
          ? "the whole template" : rule.resourceTypes.map { "`\($0)`" }.joined(separator: ", "))
        + "\n\nSuppress with `Metadata: {formation: {suppress: [{rule: \(rule.id), reason: \"...\"}]}}` on the resource."
      level = SARIFReporter.level(rule.severity)
      tags = ["security", rule.family.rawValue, rule.theme]
      securitySeverity = SARIFReporter.securitySeverity(rule.severity)
    }

    /// A descriptor for an id outside the catalogue: the reader's errors and warnings (E0006, W0001).
    init(readerFinding finding: Finding) {
      id = finding.ruleID
      name = "TemplateReading" + finding.ruleID
      short = finding.ruleID.hasPrefix("W") ? "Template reader warning" : "Template cannot be read"
      full =
        "The template reader reported \(finding.ruleID): the file is not a template Formation can check as written."
      helpText = full
      helpMarkdown = full
      level = SARIFReporter.level(finding.severity)
      helpURI = nil
      tags = ["correctness", "template"]
      securitySeverity = SARIFReporter.securitySeverity(finding.severity)
    }

    /// `S3 bucket blocks public access` → `S3BucketBlocksPublicAccess`.
    static func identifier(_ title: String) -> String {
      title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { word in
        word.prefix(1).uppercased() + word.dropFirst()
      }.joined()
    }

    func write(into writer: inout JSONWriter) {
      writer.object {
        $0.field("id", string: id)
        $0.field("name", string: name)
        $0.object("shortDescription") { $0.field("text", string: short) }
        $0.object("fullDescription") { $0.field("text", string: full) }
        if let helpURI { $0.field("helpUri", string: helpURI) }
        $0.object("help") {
          $0.field("text", string: helpText)
          $0.field("markdown", string: helpMarkdown)
        }
        $0.object("defaultConfiguration") { $0.field("level", string: level) }
        $0.object("properties") {
          $0.field("tags", strings: tags)
          $0.field("security-severity", string: securitySeverity)
        }
      }
    }
  }
}

/// A small pretty-printing JSON writer: two-space indentation, keys in the order written.
struct JSONWriter {
  private(set) var text = ""
  private var depth = 0
  private var needsComma = false

  private mutating func begin(_ key: String?) {
    if needsComma { text += "," }
    if !text.isEmpty { text += "\n" + String(repeating: "  ", count: depth) }
    if let key { text += JSONReporter.quoted(key) + ": " }
  }

  mutating func field(_ key: String, string: String) {
    begin(key)
    text += JSONReporter.quoted(string)
    needsComma = true
  }

  mutating func field(_ key: String, number: Int) {
    begin(key)
    text += String(number)
    needsComma = true
  }

  mutating func field(_ key: String, strings: [String]) {
    begin(key)
    text += "[" + strings.map(JSONReporter.quoted).joined(separator: ", ") + "]"
    needsComma = true
  }

  mutating func object(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
    nested(key, open: "{", close: "}", body)
  }

  mutating func array(_ key: String, _ body: (inout JSONWriter) -> Void) {
    nested(key, open: "[", close: "]", body)
  }

  private mutating func nested(
    _ key: String?, open: String, close: String, _ body: (inout JSONWriter) -> Void
  ) {
    begin(key)
    text += open
    depth += 1
    needsComma = false
    let before = text.utf8.count
    body(&self)
    depth -= 1
    if text.utf8.count == before {
      text += close
    } else {
      text += "\n" + String(repeating: "  ", count: depth) + close
    }
    needsComma = true
  }
}
