extension Template {
  /// The template as a value tree, sections in documented order (the inverse of `init(decoding:)`).
  public var encoded: Value {
    // Placeholder until the encoder lands.
    Value(.map([:]))
  }

  /// Deterministic CloudFormation YAML: the same template gives the same bytes every time.
  public func yaml() -> String { encoded.yaml() }

  /// Deterministic JSON, two-space indentation, keys in model order.
  public func json() -> String { encoded.json() }
}

extension Value {
  /// This value as a YAML document.
  public func yaml() -> String {
    // Placeholder until the YAML writer lands.
    ""
  }

  /// This value as a JSON document.
  public func json() -> String {
    // Placeholder until the JSON writer lands.
    ""
  }
}
