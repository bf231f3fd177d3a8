import ArgumentParser
import Foundation
import Policy
import Semantics
import Template

/// `formation graph [FILE|DIR...]`: a picture of the stacks and the imports between them, or of
/// the resources of one stack, as Mermaid or Graphviz DOT.
public struct GraphCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Draw the stacks and their imports, or one stack's resources, as Mermaid or DOT.",
    discussion: """
      Each template is a stack, named by its file; an arrow goes from the stack that exports a \
      value (Outputs ... Export Name) to each stack that imports it (Fn::ImportValue), \
      labelled with the export names. An import no template exports starts at a node of its \
      own. With --resources, the one template's resources and an arrow for each Ref, \
      Fn::GetAtt, ${...} in Fn::Sub and DependsOn, from the resource that needs another to \
      the one it needs.

      Mermaid renders in GitHub Markdown (put it in a ```mermaid block); DOT renders with \
      `dot -Tsvg`. The output depends only on the templates: the same files give the same text.
      """
  )

  /// The output formats of `graph`.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case mermaid, dot
  }

  @Argument(
    help: ArgumentHelp(
      "Template files or folders; none reads the paths of .formation.yaml, else the current folder.",
      valueName: "path"))
  public var paths: [String] = []

  @Option(help: "Output format: mermaid or dot.")
  public var format: Format = .mermaid

  @Flag(help: "Draw the resources of one template instead of the stacks.")
  public var resources = false

  @OptionGroup public var configuration: ConfigurationOptions

  @Option(
    help: ArgumentHelp(
      "Parameter values, as for lint: they resolve export names computed from parameters.",
      valueName: "file"))
  public var parameters: String?

  public init() {}

  public func run() throws {
    try execute().emit()
  }

  public func execute(workingDirectory: String = FileManager.default.currentDirectoryPath)
    -> CommandResult
  {
    let templates: [Template]
    do {
      let project = try configuration.load(from: workingDirectory)
      let scan = try TemplateScan.run(
        paths, configuration: project, workingDirectory: workingDirectory)
      templates = try project.inputs(scan.files, parameters: parameters).map {
        input throws(TemplateError) in try input.read().template
      }
    } catch {
      return CommandResult(standardError: "\(error)\n", exitCode: 2)
    }
    let graph: DependencyGraph
    if resources {
      guard templates.count == 1, let template = templates.first else {
        return CommandResult(
          standardError:
            "error: --resources draws one template; \(templates.count) were given or found\n",
          exitCode: 2)
      }
      graph = .resources(of: template)
    } else {
      graph = .stacks(
        templates.map { (ExportIndex.stackName($0.file ?? "template"), $0) })
    }
    let name = resources ? "resources" : "stacks"
    return CommandResult(
      standardOutput: format == .mermaid ? graph.mermaid : graph.dot(named: name), exitCode: 0)
  }
}
