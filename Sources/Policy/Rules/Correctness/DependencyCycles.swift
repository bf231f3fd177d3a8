import Semantics
import Template

extension Rule {
  /// TPL015: resources that depend on each other in a loop, through Ref, GetAtt, Sub or DependsOn.
  public static let dependencyCycle = Rule(
    id: "TPL015", title: "Dependency cycle between resources", severity: .error,
    family: .correctness,
    theme: "references",
    rationale:
      "CloudFormation creates a resource after every resource it references (`Ref`, `Fn::GetAtt`, `${}` in `Fn::Sub`) or depends on (`DependsOn`); resources that reach themselves through these references can never be created.",
    remediation:
      "Break the loop: move the reference into a separate resource (a security group ingress rule instead of an inline rule, a bucket policy instead of a policy on the role), or drop a DependsOn that is not needed."
  ) { context in
    let graph = context.facts.graph
    let resources = context.template.resources.entries
    return graph.cycles().map { cycle in
      var message = "dependency cycle: " + DependencyGraph.loopText(cycle.path.map { resources[$0].key })
      let onPath = Set(cycle.path)
      let others = cycle.members.filter { !onPath.contains($0) }.map { resources[$0].key }
      if !others.isEmpty {
        let shown = others.prefix(10).joined(separator: ", ")
        message +=
          " (the cycle also involves \(shown)\(others.count > 10 ? " and \(others.count - 10) more" : ""))"
      }
      let start = resources[cycle.path[0]]
      return context.finding(
        message, logicalID: start.key, at: start.value.location ?? start.keyLocation)
    }
  }
}

/// Which resource needs which, by template position (or, for TPL022, which condition).
///
/// Edges come from `Ref`, `Fn::GetAtt` and `${}` references in a resource's Properties,
/// Metadata and policies, and from `DependsOn` (a resource that depends on itself is TPL010's).
struct DependencyGraph: Sendable {
  /// Successors of each resource, in first-reference order, without repeats.
  let edges: [[Int]]

  /// A graph of given successor lists (repeats allowed).
  init(edges: [[Int]]) {
    self.edges = Self.withoutRepeats(edges)
  }

  /// The graph of `template`, from its intrinsic functions (in document order) and DependsOn.
  init(_ template: Template, index: TemplateIndex, uses: [IntrinsicUse]) {
    var edges = [[Int]](repeating: [], count: template.resources.count)
    // Repeats are dropped when the lists are complete (`withoutRepeats`), so a resource that
    // depends on a hundred thousand others costs one pass, not a search per dependency.
    func add(_ name: Substring, from source: Int) {
      guard let target = index.resourceOrder[String(name)] else { return }
      edges[source].append(target)
    }
    for use in uses where use.scope.section == .resources {
      guard let source = use.scope.logicalID.flatMap({ index.resourceOrder[$0] }) else { continue }
      switch use.function {
      case .ref(let name): add(Substring(name), from: source)
      case .getAtt(let resource, _): add(Substring(resource), from: source)
      case .sub(let sub):
        let variables = sub.variables
        for name in sub.references where variables?.contains(name) != true {
          add(Self.resourceName(in: name), from: source)
        }
      default: break
      }
    }
    var source = 0
    for entry in template.resources.entries {
      for dependency in entry.value.dependsOn where dependency.value != entry.key {
        add(Substring(dependency.value), from: source)
      }
      source += 1
    }
    self.edges = Self.withoutRepeats(edges)
  }

  /// Each list without its repeats, in first-occurrence order: a target is kept when the
  /// source it was last seen from is not this one.
  private static func withoutRepeats(_ edges: [[Int]]) -> [[Int]] {
    var lastSeenFrom = [Int](repeating: -1, count: edges.count)
    return edges.indices.map { source in
      edges[source].filter { target in
        defer { lastSeenFrom[target] = source }
        return lastSeenFrom[target] != source
      }
    }
  }

  /// The resource a `${}` reference names: the part before the first dot, found in the UTF-8
  /// view. The same as `name.split(separator: ".", maxSplits: 1).first ?? name`, which drops
  /// an empty part before or after the dot.
  static func resourceName(in name: String) -> Substring {
    guard let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) else { return Substring(name) }
    let head = name[..<dot]
    if !head.isEmpty { return head }
    let tail = name[name.utf8.index(after: dot)...]
    return tail.isEmpty ? Substring(name) : tail
  }

  /// The resources of a loop joined by arrows, at most `shownInLoop` of them and then how many
  /// more before the loop closes: a loop through a hundred thousand resources stays one line a
  /// person can read.
  static func loopText(_ names: [String]) -> String {
    guard names.count > shownInLoop + 1 else { return names.joined(separator: " -> ") }
    let hidden = names.count - shownInLoop - 1
    return (names.prefix(shownInLoop) + ["(\(hidden) more)", names[names.count - 1]])
      .joined(separator: " -> ")
  }

  /// How many resources of a loop a finding names before it says how many more there are.
  static let shownInLoop = 10

  /// A strongly connected set of resources with one loop through its first member.
  struct Cycle {
    /// The members in template order.
    let members: [Int]
    /// The shortest loop from the first member back to it, both ends included.
    let path: [Int]
  }

  /// Every loop, once per strongly connected set of resources, ordered by the set's first resource.
  func cycles() -> [Cycle] {
    stronglyConnectedComponents().compactMap { component in
      let members = component.sorted()
      guard let start = members.first else { return nil }
      if members.count == 1 && !edges[start].contains(start) { return nil }
      return Cycle(members: members, path: shortestLoop(from: start, within: Set(members)))
    }.sorted { $0.members[0] < $1.members[0] }
  }

  /// Breadth-first search from `start` back to itself, staying inside `members`.
  private func shortestLoop(from start: Int, within members: Set<Int>) -> [Int] {
    var parent: [Int: Int] = [:]
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for next in edges[node] where members.contains(next) {
        if next == start {
          var path = [start]
          var current = node
          while current != start {
            path.append(current)
            current = parent[current] ?? start
          }
          return [start] + path.dropFirst().reversed() + [start]
        }
        if parent[next] == nil {
          parent[next] = node
          queue.append(next)
        }
      }
    }
    return [start, start]
  }

  /// Tarjan's algorithm with an explicit stack, so long chains of references cannot overflow.
  private func stronglyConnectedComponents() -> [[Int]] {
    let count = edges.count
    var order = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    var counter = 0
    var components: [[Int]] = []
    for root in 0..<count where order[root] == -1 {
      var work: [(node: Int, edge: Int)] = []
      func enter(_ node: Int) {
        order[node] = counter
        low[node] = counter
        counter += 1
        stack.append(node)
        onStack[node] = true
        work.append((node, 0))
      }
      enter(root)
      while let (node, edge) = work.last {
        if edge < edges[node].count {
          work[work.count - 1].edge += 1
          let next = edges[node][edge]
          if order[next] == -1 {
            enter(next)
          } else if onStack[next] {
            low[node] = min(low[node], order[next])
          }
          continue
        }
        work.removeLast()
        if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
        guard low[node] == order[node] else { continue }
        var component: [Int] = []
        while let member = stack.popLast() {
          onStack[member] = false
          component.append(member)
          if member == node { break }
        }
        components.append(component)
      }
    }
    return components
  }
}
