import Foundation
import Policy
import Template

/// The findings a repository accepted when it adopted Formation: `lint --write-baseline FILE`
/// records them, `lint --baseline FILE` then fails only on findings that are not in it and
/// reports the ones fixed since.
///
/// The file is JSON, one entry per finding, sorted, so it diffs well in review:
/// ```json
/// {
///   "version": 1,
///   "tool": "formation 0.1.0",
///   "findings": [
///     {"fingerprint": "3f2a...", "rule": "ENC001", "file": "stacks/data.yaml", "logicalId": "Raw", "message": "..."}
///   ]
/// }
/// ```
/// Only the fingerprint is compared (`FindingFingerprint`); the other fields are for people.
/// Files are recorded relative to the baseline's folder, so the same baseline works from any
/// working folder.
struct Baseline: Sendable {
  struct Entry: Sendable, Hashable {
    var fingerprint: FindingFingerprint
    var rule: String
    var file: String
    var logicalID: String?
    var message: String
  }

  static let formatVersion = 1

  var entries: [Entry]
  /// The folder files are relative to.
  var directory: String

  /// The baseline of `findings` (suppressed ones left out: they are accepted already), to be written at `path`.
  init(findings: [Finding], path: String) {
    directory = Self.folder(of: path)
    entries = []
    entries = findings.filter { !$0.isSuppressed }.map { finding in
      let file = relativeFile(finding.location.file)
      return Entry(
        fingerprint: FindingFingerprint(finding, file: file), rule: finding.ruleID, file: file,
        logicalID: finding.logicalID, message: finding.message)
    }.sorted { ($0.file, $0.rule, $0.logicalID ?? "", $0.fingerprint) < ($1.file, $1.rule, $1.logicalID ?? "", $1.fingerprint) }
  }

  /// The file a finding's path is recorded as: relative to the baseline's folder when inside it.
  func relativeFile(_ file: String) -> String {
    guard file != TemplateSource.standardInputName else { return file }
    let absolute = SARIFReporter.resolvedPath(file)
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
  }

  private static func folder(of path: String) -> String {
    SARIFReporter.resolvedPath(
      URL(fileURLWithPath: path).deletingLastPathComponent().path)
  }

  /// The file's JSON.
  var json: String {
    let lines = entries.map { entry in
      let fields: [(String, String)] = [
        ("fingerprint", JSONReporter.quoted(entry.fingerprint.value)),
        ("rule", JSONReporter.quoted(entry.rule)),
        ("file", JSONReporter.quoted(entry.file)),
        ("logicalId", entry.logicalID.map(JSONReporter.quoted) ?? "null"),
        ("message", JSONReporter.quoted(entry.message)),
      ]
      return "    {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
    let findings = lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n  ]"
    return """
      {
        "version": \(Self.formatVersion),
        "tool": "formation \(FormationRelease.version)",
        "findings": \(findings)
      }

      """
  }

  /// Reads a baseline file; a file that is not one is a configuration error at its location.
  init(contentsOf path: String) throws(ConfigurationError) {
    let start = SourceLocation(file: path, line: 1, column: 1)
    let root = try ConfigurationError.parse(path, format: .json, what: "baseline file")
    guard let version = root["version"]?.numberValue?.intValue, version == Self.formatVersion,
      let list = root["findings"]?.listValue
    else {
      throw ConfigurationError(
        .wrongShape,
        "not a Formation baseline (version \(Self.formatVersion), findings); write one with --write-baseline",
        at: root.location ?? start)
    }
    directory = Self.folder(of: path)
    entries = []
    for item in list {
      guard let fingerprint = item["fingerprint"]?.stringValue, let rule = item["rule"]?.stringValue
      else {
        throw ConfigurationError(
          .wrongShape, "a baseline entry needs a fingerprint and a rule", at: item.location ?? start)
      }
      entries.append(
        Entry(
          fingerprint: FindingFingerprint(value: fingerprint), rule: rule,
          file: item["file"]?.stringValue ?? "", logicalID: item["logicalId"]?.stringValue,
          message: item["message"]?.stringValue ?? ""))
    }
  }
}

/// Today's findings against a baseline: the ones it holds are marked suppressed (source
/// `baseline`), so they neither print nor fail; the ones it holds that no longer occur are fixed.
struct BaselineComparison: Sendable {
  var findings: [Finding]
  var newCount: Int
  var baselinedCount: Int
  var fixed: [Baseline.Entry]

  init(_ findings: [Finding], against baseline: Baseline, file: String) {
    var remaining: [FindingFingerprint: [Baseline.Entry]] = Dictionary(
      grouping: baseline.entries, by: \.fingerprint)
    var marked: [Finding] = []
    var newCount = 0
    var baselinedCount = 0
    for var finding in findings {
      if !finding.isSuppressed {
        let fingerprint = FindingFingerprint(finding, file: baseline.relativeFile(finding.location.file))
        if var matches = remaining[fingerprint], !matches.isEmpty {
          matches.removeLast()
          remaining[fingerprint] = matches
          finding.suppression = Suppression(
            ruleID: finding.ruleID, reason: "in the baseline \(file)", source: .baseline)
          baselinedCount += 1
        } else {
          newCount += 1
        }
      }
      marked.append(finding)
    }
    self.findings = marked
    self.newCount = newCount
    self.baselinedCount = baselinedCount
    fixed = remaining.values.flatMap { $0 }.sorted {
      ($0.file, $0.rule, $0.logicalID ?? "", $0.fingerprint) < ($1.file, $1.rule, $1.logicalID ?? "", $1.fingerprint)
    }
  }

  /// `3 new, 12 in the baseline, 2 fixed since` and, one a line, what was fixed.
  var report: String {
    var text = "baseline: \(newCount) new, \(baselinedCount) in the baseline, \(fixed.count) fixed since\n"
    for entry in fixed {
      text += "fixed: \(entry.file): \(entry.rule)\(entry.logicalID.map { " \($0)" } ?? ""): \(entry.message)\n"
    }
    return text
  }
}
