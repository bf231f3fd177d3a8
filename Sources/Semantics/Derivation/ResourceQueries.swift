import Template

extension Template {
  /// The logical ids of the resources of `type`, in template order.
  package func logicalIDs(ofType type: String) -> [String] {
    resources.entries.compactMap { $0.value.type == type ? $0.key : nil }
  }

  /// The logical ids of the resources whose type is one of `types` (every resource when
  /// `types` is empty), in template order.
  package func logicalIDs(ofTypes types: [String]) -> [String] {
    resources.entries.compactMap { entry in
      types.isEmpty || types.contains(entry.value.type ?? "") ? entry.key : nil
    }
  }

  /// The resource's property `name` as written; read in place, without copying the resource
  /// (see `OrderedMap.reading`).
  package func property(_ name: String, of logicalID: String) -> Value? {
    resources.reading(logicalID) { $0.properties[name] } ?? nil
  }
}

extension Resource {
  /// `Properties` as one value, located where the mapping is written (else at the resource):
  /// what a path lookup starts from (`Resolver.lookup`).
  package var propertiesValue: Value {
    Value(.map(properties), at: propertiesLocation ?? location)
  }
}
