import Foundation
import Policy

/// The templates a command line names, after the configuration's excludes and includes and the
/// check that each file a folder search found is a CloudFormation template at all.
///
/// A file named on the command line is always read. Files found in folders are read when they
/// are templates (`TemplateSniff`); the rest, and whatever the excludes keep out, are counted
/// in `skipped`, so a summary can say what was not looked at and why.
struct TemplateScan: Sendable {
  /// A path a folder search left out.
  struct Skipped: Sendable, Hashable {
    enum Reason: Sendable, Hashable {
      /// Matched `exclude` or a default exclude (the pattern).
      case excluded(String)
      /// Not matched by `include`.
      case notIncluded
      /// A YAML or JSON file without `Resources` or `AWSTemplateFormatVersion` at the top.
      case notTemplate
    }

    var path: String
    var isFolder: Bool
    var reason: Reason

    var line: String {
      let shown = isFolder ? path + "/" : path
      switch reason {
      case .excluded(let pattern): return "skipped \(shown): excluded (\(pattern))"
      case .notIncluded: return "skipped \(shown): not matched by include"
      case .notTemplate:
        return "skipped \(shown): not a CloudFormation template (no Resources or AWSTemplateFormatVersion at the top)"
      }
    }
  }

  var files: [String]
  var skipped: [Skipped]

  /// Scans `paths` (the configuration's `paths`, else `.`, when empty).
  static func run(
    _ paths: [String], configuration: ProjectConfiguration, workingDirectory: String
  ) throws(UsageError) -> TemplateScan {
    var named = paths
    if named.isEmpty {
      named =
        configuration.paths.isEmpty
        ? ["."] : configuration.paths.map { configuration.shown($0, from: workingDirectory) }
    }
    let readsStandardInput = named.contains(TemplateSource.standardInput)
    named.removeAll { $0 == TemplateSource.standardInput }
    let explicitFiles = Set(named.filter { !isDirectory($0) })
    var skipped: [Skipped] = []
    let found = try TemplateDiscovery.files(in: named) { path in
      guard let glob = configuration.excludes(path) else { return false }
      let folder = isDirectory(path)
      if folder || TemplateDiscovery.hasTemplateExtension(path) {
        skipped.append(Skipped(path: path, isFolder: folder, reason: .excluded(glob.pattern)))
      }
      return true
    }
    let candidates = found.filter { explicitFiles.contains($0) || configuration.includes($0) }
    for path in found where !explicitFiles.contains(path) && !configuration.includes(path) {
      skipped.append(Skipped(path: path, isFolder: false, reason: .notIncluded))
    }
    let verdicts = candidates.concurrentMap { path in
      explicitFiles.contains(path) || TemplateSniff.isTemplate(atPath: path)
    }
    var files: [String] = []
    for (path, isTemplate) in zip(candidates, verdicts) {
      if isTemplate {
        files.append(path)
      } else {
        skipped.append(Skipped(path: path, isFolder: false, reason: .notTemplate))
      }
    }
    if readsStandardInput { files.insert(TemplateSource.standardInput, at: 0) }
    guard !files.isEmpty else {
      var message =
        "no CloudFormation templates found in \(named.joined(separator: ", "))"
      if !skipped.isEmpty { message += "; skipped \(summaryCounts(skipped))" }
      throw UsageError(message)
    }
    return TemplateScan(files: files, skipped: skipped.sorted { $0.path < $1.path })
  }

  /// One line for the summary, or `nil` when nothing was skipped.
  var summary: String? {
    skipped.isEmpty ? nil : "skipped \(Self.summaryCounts(skipped)); --verbose lists them"
  }

  /// Every skipped path with its reason, one a line.
  var listing: String {
    skipped.map { $0.line + "\n" }.joined()
  }

  /// `6 paths (4 not CloudFormation templates, 2 excluded)`.
  private static func summaryCounts(_ skipped: [Skipped]) -> String {
    let notTemplates = skipped.count { $0.reason == .notTemplate }
    let notIncluded = skipped.count { $0.reason == .notIncluded }
    let excluded = skipped.count - notTemplates - notIncluded
    var parts: [String] = []
    if notTemplates > 0 {
      parts.append(
        notTemplates == 1
          ? "1 not a CloudFormation template" : "\(notTemplates) not CloudFormation templates")
    }
    if excluded > 0 { parts.append("\(excluded) excluded") }
    if notIncluded > 0 { parts.append("\(notIncluded) not included") }
    let total = skipped.count == 1 ? "1 path" : "\(skipped.count) paths"
    return "\(total) (\(parts.joined(separator: ", ")))"
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
