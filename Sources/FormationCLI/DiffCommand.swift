import AWSClient
import ArgumentParser
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
      `formation diff DEPLOYED PROPOSED` compares two files, or two folders matched by file \
      name; `formation diff --stack NAME PROPOSED` compares a live stack (GetTemplate) with a \
      file; `formation diff --stack-prefix P DIR` compares every template in DIR with the \
      live stack P<name>, where <name> is the file name without its extension.

      Exit status: 0 no changes, 1 changes (see --fail-on), 2 error. The report goes to \
      standard output, the summary line to standard error.

      --fail-on security-worse fails only when security gets worse: a statement or network \
      rule that allows more, a protection turned off, a finding introduced; tightening (point-in-time \
      recovery turned on, an action removed) passes.
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

  @Option(
    help:
      "Compare every template of a folder with the live stack named this prefix and the file's name."
  )
  public var stackPrefix: String?

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

  @Option(
    help: ArgumentHelp(
      "What makes the exit status 1: any (the default), replacement, security, security-worse or data-loss; repeat the option or give a comma list to fail on any of several.",
      valueName: "gate"))
  public var failOn: [FailOnList] = []

  /// Reads both sides and stops: what `scripts/bench-diff.sh` measures as "reading alone".
  @Flag(help: .hidden)
  public var benchmarkReadOnly = false

  /// Skips running the policy catalogue on both sides (the "Policy findings" part).
  @Flag(
    help: "Do not run the policy checker on both sides to report findings introduced and fixed.")
  public var noFindings = false

  public init() {}

  public func run() throws {
    let result = execute()
    FileHandle.standardOutput.write(Data(result.output.utf8))
    writeToStandardError(result.error)
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
    } catch {
      return ("", "formation diff: error: \(error)\n", 2)
    }
    let exit: Int32 = failOn.flatMap(\.gates).trips(diffs, securityOnly: securityOnly) ? 1 : 0
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
    // The core rules: opt-in packs (GeneXOmics) and coverage notes are lint's business.
    let differ = Differ(
      rules: noFindings || benchmarkReadOnly
        ? [] : LintOptions().enabled(Catalogue.all).filter { $0.theme != CoverageRules.theme })
    if let stack {
      guard paths.count == 1, stackPrefix == nil else {
        throw DiffInputError(
          "with --stack, give exactly one path: the proposed template (and no --stack-prefix)")
      }
      let deployed = try LiveStack.template(named: stack, client: try client(environment))
      let proposed = try Template.read(contentsOf: paths[0]).template
      let proposedSource = paths[0]
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
      // Compared as a set: imports resolve to the set's exports as lint resolves them, and an
      // export one stack changes is checked against the others' imports.
      let pairs = try StackPairing.pairs(deployed: paths[0], proposed: paths[1]).map { pair in
        (
          pair: pair, deployed: try pair.deployed.map { try Template.read(contentsOf: $0).template },
          proposed: try pair.proposed.map { try Template.read(contentsOf: $0).template }
        )
      }
      let differ = differ.comparingSet(
        deployed: pairs.compactMap(\.deployed), proposed: pairs.compactMap(\.proposed))
      return ImportedExports.warn(
        pairs.map { read in
          ImportedExports.Member(
            diff: differ.compare(
              deployed: read.deployed, proposed: read.proposed, name: read.pair.name,
              deployedSource: read.pair.deployed, proposedSource: read.pair.proposed),
            deployed: read.deployed, proposed: read.proposed)
        })
    case 1 where stackPrefix != nil:
      return try compareWithLiveStacks(
        proposedFolder: paths[0], client: try client(environment), differ: differ)
    default:
      throw DiffInputError(
        "give two paths (deployed, proposed), --stack NAME with the proposed template, or --stack-prefix P with a folder of proposed templates"
      )
    }
  }

  /// Every template of a folder against the live stack of its name, `--stack-prefix` first: a
  /// stack that does not exist yet is reported as created.
  private func compareWithLiveStacks(
    proposedFolder: String, client: CloudFormationClient, differ: Differ
  ) throws -> [StackDiff]
  {
    let files = try StackPairing.pairs(deployed: proposedFolder, proposed: proposedFolder)
      .compactMap(\.proposed)
    let stacks = try files.map { file in
      let name = (stackPrefix ?? "") + StackPairing.stackName(file)
      let deployed: Template?
      do {
        deployed = try LiveStack.template(named: name, client: client)
      } catch let error as AWSError where error.id == .stackNotFound {
        deployed = nil
      }
      return (name: name, file: file, deployed: deployed,
        proposed: try Template.read(contentsOf: file).template)
    }
    let differ = differ.comparingSet(
      deployed: stacks.compactMap(\.deployed), proposed: stacks.map(\.proposed))
    return stacks.map { stack in
      differ.compare(
        deployed: stack.deployed, proposed: stack.proposed, name: stack.name,
        deployedSource: stack.deployed == nil ? nil : "stack:\(stack.name)",
        proposedSource: stack.file)
    }
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

/// One `--fail-on` value of `formation diff`: a gate, or a comma list of them (`replacement,data-loss`).
public struct FailOnList: ExpressibleByArgument, Sendable {
  public var gates: [FailOn]

  public init(_ gates: [FailOn]) { self.gates = gates }

  public init?(argument: String) {
    var gates: [FailOn] = []
    for name in argument.split(separator: ",") {
      guard let gate = FailOn(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
        return nil
      }
      gates.append(gate)
    }
    guard !gates.isEmpty else { return nil }
    self.gates = gates
  }

  public static var allValueStrings: [String] { FailOn.allCases.map(\.rawValue) }
}
