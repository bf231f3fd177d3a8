import ArgumentParser
import Blueprints
import Formation
import Foundation
import Template

/// `formation render` / `swift run render`: writes the blueprints' stacks to `generated/`.
///
/// Everything is rendered in memory first; only when every stack rendered without an error is
/// anything written, each file atomically, so a failed render leaves `generated/` as it was.
public struct RenderCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render the GeneXOmics blueprints to CloudFormation templates in generated/.",
    discussion: """
      Writes one template per stack (generated/<stack>.yaml) and generated/README.md, which lists
      the stacks in deploy order with their parameters. With --check nothing is written: the
      command exits 1 and names every file that differs from what it would write (CI runs it).
      Exit status: 0 success, 1 render errors or stale files, 2 bad usage.
      """
  )

  @Flag(help: "Write nothing; exit 1 and name the files that are stale.")
  public var check = false

  @Option(name: .customLong("stack"), help: "Render only this stack (repeatable).")
  public var stacks: [String] = []

  @Option(name: .customLong("out"), help: "The output directory.")
  public var outputDirectory = "generated"

  @Option(help: "Template format: yaml or json.")
  public var format: TemplateFormat = .yaml

  public init() {}

  public func run() throws {
    try execute().emit()
  }

  /// Renders, then writes or checks; returns what it would print and its exit code.
  public func execute() -> CommandResult {
    let rendered: [RenderedStack]
    do {
      rendered = try GeneXOmics.application.render()
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
    let files = RenderedFiles(
      stacks: rendered, selected: stacks, format: format, directory: outputDirectory)
    return check ? files.check() : files.write()
  }
}

extension TemplateFormat: ExpressibleByArgument {}

/// The files a render produces, by path, with the bytes each should hold.
struct RenderedFiles {
  var contents: [(path: String, text: String)]
  /// Files in the directory that a full render would not produce (a stack that was removed).
  var extraneous: [String]

  init(stacks: [RenderedStack], selected: [String], format: TemplateFormat, directory: String) {
    let chosen = selected.isEmpty ? stacks : stacks.filter { selected.contains($0.name) }
    contents = chosen.map { stack in
      let text = format == .yaml ? stack.template.yaml() : stack.template.json()
      return ("\(directory)/\(stack.name).\(format.rawValue)", text)
    }
    extraneous = []
    guard selected.isEmpty else { return }
    contents.append(("\(directory)/README.md", Manifest(stacks: stacks, format: format).markdown))
    let produced = Set(contents.map(\.path))
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    extraneous = existing.sorted().map { "\(directory)/\($0)" }.filter {
      ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) && !produced.contains($0)
    }
  }

  /// Names every file whose bytes differ from the rendering, every missing one and every extra one.
  func check() -> CommandResult {
    var stale: [String] = []
    for (path, text) in contents
    where FileManager.default.contents(atPath: path) != Foundation.Data(text.utf8) {
      stale.append(
        FileManager.default.fileExists(atPath: path) ? "\(path): stale" : "\(path): missing")
    }
    stale += extraneous.map { "\($0): not produced by any stack" }
    if stale.isEmpty {
      return CommandResult(standardError: "\(contents.count) files are current\n", exitCode: 0)
    }
    return CommandResult(
      standardError: stale.joined(separator: "\n")
        + "\ngenerated files are out of date: run `swift run render` and commit the result\n",
      exitCode: 1)
  }

  /// Writes every file atomically and removes the extraneous ones; reports each change.
  func write() -> CommandResult {
    var report: [String] = []
    for (path, text) in contents {
      let directory = (path as NSString).deletingLastPathComponent
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
        let unchanged = FileManager.default.contents(atPath: path) == Foundation.Data(text.utf8)
        if !unchanged { try AtomicFile.write(text, to: path) }
        report.append("\(unchanged ? "unchanged" : "wrote    ") \(path)")
      } catch {
        return CommandResult(
          standardOutput: report.joined(separator: "\n"), standardError: "error: \(error)\n",
          exitCode: 1)
      }
    }
    for path in extraneous {
      try? FileManager.default.removeItem(atPath: path)
      report.append("removed   \(path)")
    }
    return CommandResult(standardOutput: report.joined(separator: "\n") + "\n", exitCode: 0)
  }
}
