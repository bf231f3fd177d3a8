/// A `DependencyGraph` as text: Mermaid (which GitHub renders in Markdown) or Graphviz DOT.
extension DependencyGraph {
  /// Edge labels name at most this many exports, then "+N more": a stack that imports twenty
  /// values from another would otherwise draw a label wider than the diagram.
  static let labelItems = 3

  /// A Mermaid flowchart, left to right. Node ids are `n0`, `n1`... in node order; labels are
  /// quoted with `"` written as `#quot;`.
  var mermaid: String {
    let ids = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, "n\($0)") })
    var lines = ["flowchart LR"]
    for (index, node) in nodes.enumerated() {
      lines.append("  n\(index)[\"\(Self.mermaidText(node.label))\"]")
    }
    for edge in edges {
      guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
      lines.append("  \(from) -->|\"\(Self.mermaidText(Self.shortened(edge.label)))\"| \(to)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Graphviz digraph, left to right, boxes for nodes.
  func dot(named name: String) -> String {
    var lines = ["digraph \(Self.dotQuoted(name)) {", "  rankdir=LR;", "  node [shape=box];"]
    for node in nodes {
      lines.append("  \(Self.dotQuoted(node.id)) [label=\(Self.dotQuoted(node.label))];")
    }
    for edge in edges {
      lines.append(
        "  \(Self.dotQuoted(edge.from)) -> \(Self.dotQuoted(edge.to)) [label=\(Self.dotQuoted(Self.shortened(edge.label)))];"
      )
    }
    return lines.joined(separator: "\n") + "\n}\n"
  }

  static func shortened(_ label: String) -> String {
    let items = label.components(separatedBy: ", ")
    guard items.count > labelItems else { return label }
    return items.prefix(labelItems).joined(separator: ", ") + " +\(items.count - labelItems) more"
  }

  private static func mermaidText(_ text: String) -> String {
    text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>")
  }

  private static func dotQuoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }
}
