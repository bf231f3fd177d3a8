import ArgumentParser
import Blueprints
import Formation
import Foundation
import Policy
import Template
import TemplateDiff

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `formation diff`: what a proposed template changes against the deployed one, with
/// replacement, data-loss and security impact. Exit 0 no changes, 1 changes, 2 error.
public struct DiffCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract:
      "Compare proposed templates with deployed ones: changes, replacements, data loss, security.",
    discussion: """
      formation diff DEPLOYED PROPOSED      two files, or two folders matched by file name
      formation diff DEPLOYED               a file or folder against the blueprints rendered now
      formation diff --stack NAME [PROPOSED]
                                            a live stack (GetTemplate) against a file, or against
                                            the blueprint stack of that name
      formation diff --stack-prefix P       every blueprint stack against live stack P<name>

      Exit status: 0 no changes, 1 changes (see --fail-on), 2 error.
      The report goes to standard output, the summary line to standard error.
      """
  )

  @Argument(
    help: ArgumentHelp("The deployed and proposed templates: files or folders.", valueName: "path"))
  public var paths: [String] = []

  @Option(
    help:
      "Compare the live stack of this name (GetTemplate, TemplateStage Original) as the deployed side."
  )
  public var stack: String?

  @Option(help: "Prefix that maps a blueprint stack name to its deployed stack name.")
  public var stackPrefix: String = ""

  @Option(help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
  public var region: String?

  @Option(
    help: "Profile of ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE, then default).")
  public var profile: String?

  @Option(help: "CloudFormation endpoint, for local emulators (http://127.0.0.1:5000).")
  public var endpointURL: String?

  @Option(help: "Output format: text or json.")
  public var format: DiffFormat = .text

  @Flag(help: "Show only the security section.")
  public var securityOnly = false

  @Flag(help: "Print only the summary line.")
  public var quiet = false

  @Option(help: "What makes the exit status 1: any, replacement, security or data-loss.")
  public var failOn: FailOnOption = .any

  /// Reads both sides and stops: what `scripts/bench-diff.sh` measures as "reading alone".
  @Flag(help: .hidden)
  public var benchmarkReadOnly = false

  /// Skips running the policy catalogue on both sides (the "Policy findings" part).
  @Flag(
    help: "Do not run the policy checker on both sides to report findings introduced and fixed.")
  public var noFindings = false

  public init() {}

  /// The blueprints' stacks as rendered now: the proposed side when none is given.
  ///
  /// Integration point with the DSL: `GeneXOmics.application.render()` from the Blueprints
  /// module. A closure, so another application can be plugged in.
  public static let blueprintStacks: @Sendable () throws -> [(name: String, template: Template)] = {
    try GeneXOmics.application.render().map { ($0.name, $0.template) }
  }

  public func run() throws {
    let result = execute()
    FileHandle.standardOutput.write(Data(result.output.utf8))
    FileHandle.standardError.write(Data(result.error.utf8))
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }

  /// What the command prints and its exit status, without touching the process.
  public func execute(environment: AWSEnvironment? = nil, color: Bool? = nil) -> (
    output: String, error: String, exitCode: Int32
  ) {
    let diffs: [StackDiff]
    do {
      diffs = try compare(environment: environment ?? AWSEnvironment.current())
    } catch let error as AWSError {
      return ("", "formation diff: \(error.description)\n", 2)
    } catch let error as TemplateError {
      return ("", "formation diff: \(error.description)\n", 2)
    } catch let error as DiffInputError {
      return ("", "formation diff: \(error.description)\n", 2)
    } catch let error as RenderErrors {
      return ("", "formation diff: the blueprints do not render:\n\(error.description)\n", 2)
    } catch {
      return ("", "formation diff: error: \(error)\n", 2)
    }
    let exit: Int32 = failOn.value.trips(diffs, securityOnly: securityOnly) ? 1 : 0
    let summary = "formation diff: " + DiffSummary(diffs).line + "\n"
    switch format {
    case .json:
      return (JSONReporter(securityOnly: securityOnly).report(diffs), "", exit)
    case .text:
      if quiet { return ("", summary, exit) }
      let reporter = TextReporter(color: color ?? Self.wantsColor(), securityOnly: securityOnly)
      let report = diffs.map(reporter.report).filter { !$0.isEmpty }.joined(separator: "\n")
      return (report, summary, exit)
    }
  }

  /// Colour on a terminal, unless `NO_COLOR` is set to anything (no-color.org).
  static func wantsColor() -> Bool {
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    return isatty(STDOUT_FILENO) != 0
  }

  private func compare(environment: AWSEnvironment) throws -> [StackDiff] {
    let differ = Differ(rules: noFindings || benchmarkReadOnly ? [] : Catalogue.all)
    if let stack {
      guard paths.count <= 1 else {
        throw DiffInputError("with --stack, give at most one path: the proposed template")
      }
      let deployed = try LiveStack.template(named: stack, client: try client(environment))
      let proposed: Template
      let proposedSource: String
      if let path = paths.first {
        proposed = try Template.read(contentsOf: path).template
        proposedSource = path
      } else {
        let name = stack.hasPrefix(stackPrefix) ? String(stack.dropFirst(stackPrefix.count)) : stack
        guard
          let match = try Self.blueprintStacks().first(where: {
            $0.name == name || $0.name == stack
          })
        else {
          throw DiffInputError(
            "no blueprint stack is named \(name); pass the proposed template as a path")
        }
        proposed = match.template
        proposedSource = "blueprint \(match.name)"
      }
      return [
        differ.compare(
          deployed: deployed, proposed: proposed, name: stack, deployedSource: "stack:\(stack)",
          proposedSource: proposedSource)
      ]
    }
    switch paths.count {
    case 2:
      if benchmarkReadOnly {
        for pair in try StackPairing.pairs(deployed: paths[0], proposed: paths[1]) {
          _ = try pair.deployed.map { try Template.read(contentsOf: $0).template }
          _ = try pair.proposed.map { try Template.read(contentsOf: $0).template }
        }
        return []
      }
      // Compared as a set, so an export one stack changes is checked against the others' imports.
      let members = try StackPairing.pairs(deployed: paths[0], proposed: paths[1]).map { pair in
        let deployed = try pair.deployed.map { try Template.read(contentsOf: $0).template }
        let proposed = try pair.proposed.map { try Template.read(contentsOf: $0).template }
        return ImportedExports.Member(
          diff: differ.compare(
            deployed: deployed, proposed: proposed, name: pair.name,
            deployedSource: pair.deployed, proposedSource: pair.proposed),
          deployed: deployed, proposed: proposed)
      }
      return ImportedExports.warn(members)
    case 1:
      return try compareWithBlueprints(deployedPath: paths[0], differ: differ)
    case 0:
      let client = try client(environment)
      return try Self.blueprintStacks().map { rendered in
        let name = stackPrefix + rendered.name
        let deployed: Template?
        do {
          deployed = try LiveStack.template(named: name, client: client)
        } catch let error as AWSError where error.id == .stackNotFound {
          deployed = nil
        }
        return differ.compare(
          deployed: deployed, proposed: rendered.template, name: name,
          deployedSource: deployed == nil ? nil : "stack:\(name)",
          proposedSource: "blueprint \(rendered.name)")
      }
    default:
      throw DiffInputError(
        "give two paths (deployed, proposed), one (deployed, against the blueprints) or --stack")
    }
  }

  /// A deployed file or folder against the blueprints rendered now, matched by stack name.
  private func compareWithBlueprints(deployedPath: String, differ: Differ) throws -> [StackDiff] {
    let rendered = try Self.blueprintStacks()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: deployedPath, isDirectory: &isDirectory) else {
      throw DiffInputError("no such file or folder: \(deployedPath)")
    }
    if !isDirectory.boolValue {
      let name = StackPairing.stackName(deployedPath)
      guard let match = rendered.first(where: { stackPrefix + $0.name == name || $0.name == name })
      else {
        throw DiffInputError("no blueprint stack is named \(name)")
      }
      return [
        differ.compare(
          deployed: try Template.read(contentsOf: deployedPath).template, proposed: match.template,
          name: name,
          deployedSource: deployedPath, proposedSource: "blueprint \(match.name)")
      ]
    }
    let files = try StackPairing.pairs(deployed: deployedPath, proposed: deployedPath).compactMap(
      \.deployed)
    var deployedByName: [String: String] = [:]
    for file in files { deployedByName[StackPairing.stackName(file)] = file }
    var diffs: [StackDiff] = []
    for stack in rendered {
      let name = stackPrefix + stack.name
      let file =
        deployedByName.removeValue(forKey: name) ?? deployedByName.removeValue(forKey: stack.name)
      diffs.append(
        differ.compare(
          deployed: try file.map { try Template.read(contentsOf: $0).template },
          proposed: stack.template, name: name,
          deployedSource: file, proposedSource: "blueprint \(stack.name)"))
    }
    for (name, file) in deployedByName.sorted(by: { $0.key < $1.key }) {
      diffs.append(
        differ.compare(
          deployed: try Template.read(contentsOf: file).template, proposed: nil, name: name,
          deployedSource: file,
          proposedSource: nil))
    }
    return diffs
  }

  private func client(_ environment: AWSEnvironment) throws -> CloudFormationClient {
    var endpoint: Foundation.URL?
    if let endpointURL {
      guard let url = Foundation.URL(string: endpointURL),
        url.scheme == "http" || url.scheme == "https", url.host != nil
      else {
        throw AWSError(
          .badEndpoint, "--endpoint-url \(endpointURL) is not an http:// or https:// URL")
      }
      endpoint = url
    }
    let credentials = try environment.credentials(profile: profile)
    let region = try environment.region(explicit: region, profile: profile)
    return CloudFormationClient(region: region, credentials: credentials, endpoint: endpoint)
  }
}

/// `--format` of `formation diff`.
public enum DiffFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text
  case json
}

/// `--fail-on` of `formation diff`.
public struct FailOnOption: ExpressibleByArgument, Sendable {
  public var value: FailOn
  public init(_ value: FailOn) { self.value = value }
  public init?(argument: String) {
    guard let value = FailOn(rawValue: argument) else { return nil }
    self.value = value
  }
  public static let any = FailOnOption(.any)
  public static var allValueStrings: [String] { FailOn.allCases.map(\.rawValue) }
  public var defaultValueDescription: String { value.rawValue }
}
