extension Template {
  /// Deterministic CloudFormation YAML: the same template gives the same bytes every time.
  ///
  /// Sections in `Template.sectionOrder`, short-form intrinsics, ambiguous strings quoted;
  /// see `YAMLWriter` and `ScalarStyle` for the rules. Ends with exactly one newline.
  public func yaml() -> String { encoded.yaml() }

  /// Deterministic JSON, two-space indentation, keys in model order, intrinsics in long form.
  /// Ends with exactly one newline.
  public func json() -> String { encoded.json() }
}

extension Value {
  /// This value as a YAML document, ending with exactly one newline.
  public func yaml() -> String { String(decoding: YAMLWriter.document(self), as: UTF8.self) }

  /// This value as a JSON document, ending with exactly one newline.
  public func json() -> String { String(decoding: JSONWriter.document(self), as: UTF8.self) }
}
