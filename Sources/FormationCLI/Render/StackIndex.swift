import Formation
import Foundation
import Template

/// The output folder's `README.md`: the stacks in deploy order, what each imports, and its
/// parameters, so whoever deploys by hand or wires a pipeline knows the order without reading Swift.
struct StackIndex {
  var application: String
  var stacks: [RenderedStack]
  var format: TemplateFormat

  var markdown: String {
    var lines = [
      "# Generated stacks",
      "",
      "Rendered by `swift run render` from the application `\(application)`; do not edit by hand.",
      "`.formation-manifest` records each file render wrote with its SHA-256: render replaces only",
      "those files, refuses to replace one edited since, and `swift run render --check` fails when",
      "any differs from what the application renders.",
      "",
      "Deploy in this order (each stack imports only from stacks above it):",
      "",
      "| # | stack | file | resources | imports from |",
      "|---|---|---|---|---|",
    ]
    for (index, stack) in stacks.enumerated() {
      let imports = stack.dependencies.isEmpty ? "—" : stack.dependencies.joined(separator: ", ")
      lines.append(
        "| \(index + 1) | \(stack.name) | `\(stack.name).\(format.rawValue)` | \(stack.template.resources.count) | \(imports) |"
      )
    }
    let graph = DependencyGraph.stacks(stacks.map { ($0.name, $0.template) })
    lines += [
      "", "## Stacks and imports", "",
      "An arrow goes from the stack that exports a value to each stack that imports it (`formation graph generated`).",
      "", "```mermaid", graph.mermaid.trimmingCharacters(in: .newlines), "```",
    ]
    for stack in stacks {
      lines += ["", "## \(stack.name)", "", stack.template.description ?? "", ""]
      if stack.template.parameters.isEmpty {
        lines.append("No parameters.")
        continue
      }
      lines += ["| parameter | type | default | description |", "|---|---|---|---|"]
      for entry in stack.template.parameters {
        let parameter = entry.value
        let defaultText = parameter.defaultValue.map(Self.describe) ?? "(required)"
        lines.append(
          "| \(entry.key) | \(parameter.type ?? "") | \(defaultText) | \(parameter.description ?? "") |"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func describe(_ value: Value) -> String {
    switch value.kind {
    case .string(let text): return text.isEmpty ? "`\"\"`" : "`\(text)`"
    case .number(let number): return "`\(number.literal)`"
    case .bool(let flag): return "`\(flag)`"
    default: return "(expression)"
    }
  }
}
