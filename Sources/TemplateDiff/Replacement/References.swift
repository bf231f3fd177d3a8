import Template

/// The resources a value refers to, for replacement that travels along references: when a
/// resource is replaced its physical id changes, so a create-only property of another
/// resource that refers to it changes too, and that resource is replaced in turn.
enum References {
  /// A reference: `Ref X` (attribute `nil`), `!GetAtt X.Arn`, or `${X}` / `${X.Arn}` in a `Fn::Sub`.
  struct Reference: Hashable {
    var resource: String
    var attribute: String?
  }

  static func of(_ value: Value) -> [Reference] {
    var result: [Reference] = []
    value.forEachDescendant { node in
      guard case .intrinsic(let function) = node.kind else { return }
      switch function {
      case .ref(let name):
        result.append(Reference(resource: name, attribute: nil))
      case .getAtt(let resource, let attribute):
        result.append(Reference(resource: resource, attribute: attribute))
      case .sub(let sub):
        let variables = Set(sub.variables?.keys ?? [])
        for name in sub.references where !variables.contains(name) {
          if let dot = name.firstIndex(of: ".") {
            result.append(
              Reference(
                resource: String(name[..<dot]), attribute: String(name[name.index(after: dot)...])))
          } else {
            result.append(Reference(resource: name, attribute: nil))
          }
        }
      default:
        break
      }
    }
    return result
  }
}
