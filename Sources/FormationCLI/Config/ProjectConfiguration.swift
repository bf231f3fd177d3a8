import Foundation
import Policy
import Semantics
import Template

/// A repository's `.formation.yaml`: what `formation lint` reads and checks when run there.
///
/// ```yaml
/// paths: [generated]            # what `formation lint` with no path reads
/// rules: [ENC, IAM]             # ids, id prefixes or themes; all when absent
/// skip-rules: [LOG006]
/// severity: warning             # lowest severity that fails the run
/// include: ["**/*.yaml"]        # of the files a folder search finds, read only these
/// exclude: [examples/insecure]  # added to node_modules, cdk.out, .build, .git
/// packs: [genexomics]           # opt-in rule packs (gxo is an alias)
/// parameters:                   # parameter file per template glob; the first match wins
///   "stacks/prod-*.yaml": params/prod.json
/// ```
///
/// Paths and globs are relative to the file's folder. The command line wins over the file:
/// `--rules` replaces `rules`, `--severity` replaces `severity`, paths given replace `paths`.
/// Every key is checked: an unknown key or rule is an error at its line and column, never ignored.
struct ProjectConfiguration: Sendable {
  /// The name searched for from the working folder upwards.
  static let fileName = ".formation.yaml"

  /// Folders no search descends into, whatever the configuration says: dependencies, build
  /// output and version control hold copies of templates, not the templates under review.
  static let defaultExcludes = ["node_modules", "cdk.out", ".build", ".git"].map(PathGlob.init)

  /// The file read, or `nil` for the defaults.
  var file: String?
  /// The folder paths and globs are relative to.
  var directory: String
  var paths: [String] = []
  var rules: [String]?
  var skipRules: [String] = []
  var severity: Severity?
  var include: [PathGlob] = []
  var exclude: [PathGlob] = []
  var packs: [RulePack] = []
  var parameterFiles: [(templates: PathGlob, file: String)] = []

  /// No file: defaults, relative to `directory`.
  init(directory: String) {
    self.directory = directory
  }

  /// The configuration for a run: `explicit` when given, else the nearest `.formation.yaml`
  /// from `workingDirectory` upwards, else the defaults.
  static func load(explicit: String?, from workingDirectory: String) throws(ConfigurationError)
    -> ProjectConfiguration
  {
    if let explicit { return try read(contentsOf: explicit) }
    let start = URL(fileURLWithPath: workingDirectory).standardizedFileURL
    var directory = start
    while true {
      let candidate = directory.appendingPathComponent(fileName).path
      if FileManager.default.fileExists(atPath: candidate) {
        // Named as the user would type it when it is in the working folder itself.
        let here = directory == start && workingDirectory == FileManager.default.currentDirectoryPath
        return try read(contentsOf: here ? fileName : candidate)
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    return ProjectConfiguration(directory: workingDirectory)
  }

  /// Reads and checks one configuration file.
  static func read(contentsOf file: String) throws(ConfigurationError) -> ProjectConfiguration {
    let start = SourceLocation(file: file, line: 1, column: 1)
    let root = try ConfigurationError.parse(file, format: .yaml, what: "configuration file")
    let directory = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    var configuration = ProjectConfiguration(directory: directory)
    configuration.file = file
    if root.isNull { return configuration }
    guard let map = root.mapValue else {
      throw ConfigurationError(
        .wrongShape, "the configuration must be a mapping of keys (paths, rules, ...)",
        at: root.location ?? start)
    }
    for entry in map.entries {
      try configuration.apply(entry, start: start)
    }
    return configuration
  }

  /// The keys, for the error that names a misspelt one.
  static let keys = [
    "paths", "rules", "skip-rules", "severity", "include", "exclude", "packs", "parameters",
  ]

  private mutating func apply(_ entry: OrderedMap<Value>.Entry, start: SourceLocation)
    throws(ConfigurationError)
  {
    let value = entry.value
    let at = value.location ?? entry.keyLocation ?? start
    switch entry.key {
    case "paths": paths = try Self.strings(value, key: entry.key, at: at)
    case "rules":
      rules = try Self.ruleSelectors(value, key: entry.key, at: at)
    case "skip-rules":
      skipRules = try Self.ruleSelectors(value, key: entry.key, at: at)
    case "severity":
      guard let text = value.stringValue, let threshold = LintCommand.Threshold(rawValue: text)
      else {
        throw ConfigurationError(
          .unknownName, "severity must be info, warning, unknown or error", at: at)
      }
      severity = threshold.severity
    case "include": include = try Self.strings(value, key: entry.key, at: at).map(PathGlob.init)
    case "exclude": exclude = try Self.strings(value, key: entry.key, at: at).map(PathGlob.init)
    case "packs":
      packs = []
      for item in try Self.located(value, key: entry.key, at: at) {
        guard let pack = RulePack.named(item.text) else {
          let known = RulePack.all.map(\.rawValue).joined(separator: ", ")
          throw ConfigurationError(
            .unknownName, "'\(item.text)' is no rule pack; the packs are \(known)", at: item.at)
        }
        packs.append(pack)
      }
    case "parameters":
      guard let mapping = value.mapValue else {
        throw ConfigurationError(
          .wrongShape, "parameters must map template globs to parameter files", at: at)
      }
      for item in mapping.entries {
        guard let path = item.value.stringValue else {
          throw ConfigurationError(
            .wrongShape, "the parameter file for '\(item.key)' must be a path",
            at: item.value.location ?? at)
        }
        parameterFiles.append((PathGlob(item.key), resolve(path)))
      }
    default:
      throw ConfigurationError(
        .unknownKey,
        "unknown key '\(entry.key)'; the keys are \(Self.keys.joined(separator: ", "))",
        at: entry.keyLocation ?? at)
    }
  }

  /// A string or a list of strings (a comma list in one string is split like `--rules`).
  private static func located(_ value: Value, key: String, at: SourceLocation)
    throws(ConfigurationError) -> [(text: String, at: SourceLocation)]
  {
    if let text = value.stringValue {
      return text.split(separator: ",").map {
        (String($0.trimmingCharacters(in: .whitespaces)), at)
      }.filter { !$0.text.isEmpty }
    }
    guard let list = value.listValue else {
      throw ConfigurationError(.wrongShape, "\(key) must be a list of strings", at: at)
    }
    var items: [(text: String, at: SourceLocation)] = []
    for item in list {
      guard let text = item.stringValue else {
        throw ConfigurationError(
          .wrongShape, "\(key) must be a list of strings", at: item.location ?? at)
      }
      items.append((text, item.location ?? at))
    }
    return items
  }

  private static func strings(_ value: Value, key: String, at: SourceLocation)
    throws(ConfigurationError) -> [String]
  {
    try located(value, key: key, at: at).map(\.text)
  }

  private static func ruleSelectors(_ value: Value, key: String, at: SourceLocation)
    throws(ConfigurationError) -> [String]
  {
    let items = try located(value, key: key, at: at)
    for item in items where !Catalogue.all.contains(where: { RuleSelection.matches(item.text, $0) }) {
      throw ConfigurationError(
        .unknownName,
        "'\(item.text)' is no rule id, id prefix, theme or family; see `formation lint --list-rules`",
        at: item.at)
    }
    return items.map(\.text)
  }

  /// A path from the file, relative to its folder.
  func resolve(_ path: String) -> String {
    path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
  }

  /// A path from the file as the working folder sees it: relative when under it, so findings
  /// print `generated/x.yaml` when run from the repository root.
  func shown(_ path: String, from workingDirectory: String) -> String {
    let absolute = URL(fileURLWithPath: resolve(path)).standardizedFileURL.path
    let base = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
    // Relative paths are read from the process's folder: only shorten against that one.
    guard base == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    else { return absolute }
    if absolute == base { return "." }
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
  }

  /// `path` relative to the configuration's folder, `/`-separated; `nil` when outside it.
  func relativePath(of path: String) -> String? {
    let absolute = PathText.standardized(path)
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : nil
  }

  /// Whether a folder search skips `path`: under a default exclude, or matched by `exclude`.
  func excludes(_ path: String) -> PathGlob? {
    let name = PathText.lastComponent(path)
    if let glob = Self.defaultExcludes.first(where: { $0.matches(name) }) { return glob }
    guard !exclude.isEmpty, let relative = relativePath(of: path) else { return nil }
    return exclude.first { $0.matches(relative) }
  }

  /// Whether `include` (when given) lets a folder search read the file at `path`.
  func includes(_ path: String) -> Bool {
    guard !include.isEmpty else { return true }
    guard let relative = relativePath(of: path) else { return true }
    return include.contains { $0.matches(relative) }
  }

  /// The templates `files` as inputs, each with the parameter values it is deployed with:
  /// those of `explicit` (`--parameters`) for all, else the file `parameters` gives its glob.
  func inputs(_ files: [String], parameters explicit: String?) throws(ConfigurationError)
    -> [LintInput]
  {
    var read: [String: ParameterValues] = [:]
    var inputs: [LintInput] = []
    for file in files {
      var input = LintInput(path: file)
      if let parameterFile = explicit ?? parameterFile(for: file) {
        if read[parameterFile] == nil { read[parameterFile] = try ParameterFile.read(parameterFile) }
        input.parameters = read[parameterFile]
      }
      inputs.append(input)
    }
    return inputs
  }

  /// The parameter file for a template, from `parameters`; the first matching glob wins.
  func parameterFile(for template: String) -> String? {
    guard !parameterFiles.isEmpty, let relative = relativePath(of: template) else { return nil }
    return parameterFiles.first { $0.templates.matches(relative) }?.file
  }
}
