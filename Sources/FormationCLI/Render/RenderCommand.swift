import ArgumentParser
import Formation
import Foundation
import Template

/// `render`: writes an application's stacks to an output folder.
///
/// The general `formation` tool carries no application: a package that declares one (this
/// repository's `blueprints/`, or a user's own) has a small `render` executable that calls
/// `RenderCommand.main(rendering:)` with it, as `cdk synth` runs the user's app.
///
/// Everything is rendered in memory first; only when every stack rendered without an error is
/// anything written, each file atomically, and only into a folder render owns (`RenderOutput`).
public struct RenderCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render the application's stacks to CloudFormation templates.",
    discussion: """
      Writes one template per stack (<out>/<stack>.yaml) and <out>/README.md, which lists the \
      stacks in deploy order with their parameters, and records what it wrote, with each \
      file's SHA-256, in <out>/.formation-manifest. Render replaces and removes only files it \
      wrote: it refuses (exit 2, nothing written) when the folder holds any other file, or a \
      file it wrote that was edited since (unless --force). With --check nothing is written: \
      the command exits 1 and names every file that differs from what it would write.

      Exit status: 0 success, 1 render errors or stale files, 2 a folder it may not write \
      into, an I/O error or bad usage.
      """
  )

  @Flag(help: "Write nothing; exit 1 and name the files that are stale.")
  public var check = false

  @Option(name: .customLong("stack"), help: "Render only this stack (repeatable).")
  public var stacks: [String] = []

  @Option(name: .customLong("out"), help: "The output folder.")
  public var outputDirectory = "generated"

  @Option(help: "Template format: yaml or json.")
  public var format: TemplateFormat = .yaml

  @Flag(help: "Replace generated files that were edited by hand since render wrote them.")
  public var force = false

  public init() {}

  /// The entry point of a package's `render` executable: parses the command line, renders
  /// `application` and exits with the command's status.
  public static func main(rendering application: Application) -> Never {
    runAsFormationCommand { (command: RenderCommand) in
      try command.execute(rendering: application).emit()
    }
  }

  /// Renders, then writes or checks; returns what it would print and its exit code.
  public func execute(rendering application: Application) -> CommandResult {
    let rendered: [RenderedStack]
    do {
      rendered = try application.render()
    } catch {
      let count = error.errors.count
      return CommandResult(
        standardError: error.description
          + "\n\(count) render error\(count == 1 ? "" : "s"); nothing was written\n",
        exitCode: 1)
    }
    let unknown = stacks.filter { name in !rendered.contains { $0.name == name } }
    if !unknown.isEmpty {
      let known = rendered.map(\.name).joined(separator: ", ")
      return CommandResult(
        standardError:
          "error: no stack named \(unknown.joined(separator: ", ")); the stacks are \(known)\n",
        exitCode: 2)
    }
    let output = RenderOutput(
      directory: outputDirectory, files: files(of: rendered, application: application.name), isPartial: !stacks.isEmpty,
      replacesEditedFiles: force)
    return check ? output.check() : output.write()
  }

  /// The chosen stacks' templates, and with every stack the folder's README.
  private func files(of rendered: [RenderedStack], application: String) -> [(
    name: String, bytes: [UInt8]
  )] {
    let chosen = stacks.isEmpty ? rendered : rendered.filter { stacks.contains($0.name) }
    var files = chosen.map { stack in
      let text = format == .yaml ? stack.template.yaml() : stack.template.json()
      return (name: "\(stack.name).\(format.rawValue)", bytes: Array(text.utf8))
    }
    if stacks.isEmpty {
      let index = StackIndex(application: application, stacks: rendered, format: format).markdown
      files.append((name: "README.md", bytes: Array(index.utf8)))
    }
    return files
  }
}

extension TemplateFormat: ExpressibleByArgument {}
