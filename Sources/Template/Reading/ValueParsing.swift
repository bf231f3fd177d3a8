extension Value {
  /// Parses a YAML or JSON document into a value tree with intrinsic functions decoded and
  /// every node located. Throws, never traps, on any input.
  public static func parse(_ bytes: [UInt8], file: String, format: TemplateFormat) throws(TemplateError) -> Value {
    // Placeholder until the YAML and JSON readers land.
    throw TemplateError(.yamlSyntax, "reader not implemented", at: SourceLocation(file: file, line: 1, column: 1))
  }
}

extension Template {
  /// Decodes the sections of a template from its root value.
  public init(decoding root: Value) throws(TemplateError) {
    // Placeholder until the section decoder lands.
    throw TemplateError(.rootNotMapping, "decoder not implemented", at: root.location ?? SourceLocation(file: "", line: 1, column: 1))
  }
}
