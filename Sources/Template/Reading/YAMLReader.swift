internal import CYAML

/// Reads a YAML document into a `Value`: with `BlockYAMLReader` when the file is written in
/// the forms it reads (most templates), else through libyaml's event parser.
///
/// This file holds every libyaml parser call in Formation. libyaml is event based and keeps
/// its own state on the heap, so it does not recurse on nesting; the Swift side builds values
/// with `ValueBuilder`'s explicit stack, bounds depth and alias expansion, and turns every
/// libyaml failure into one `TemplateError` with a 1-based line and column.
///
/// Anchors and aliases are supported (an alias shares its anchor's value, counted against
/// `ReadingLimits.aliasExpansion` and the depth limit); the merge key `<<` is an ordinary
/// key, as CloudFormation does not merge. Tags are CloudFormation's short forms plus the
/// YAML core tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`.
struct YAMLReader {
  let file: String
  let limits: ReadingLimits

  /// An anchored node: its value, how many nodes an alias to it expands to, how much nesting
  /// it adds, and its text when it is a scalar (so an alias can be a mapping key).
  private struct Anchor {
    var value: Value
    var nodes: Int
    var height = 0
    var keyText: String?
  }

  func read(_ input: UnsafeBufferPointer<UInt8>) throws(TemplateError) -> Value {
    let fileID = SourceFiles.shared.id(of: file)
    if let value = BlockYAMLReader.read(input, fileID: fileID, maxDepth: limits.maxDepth) {
      return value
    }
    return try readEvents(input)
  }

  /// Reads `input` through libyaml's events: any YAML, and every error with libyaml's account
  /// of it.
  func readEvents(_ input: UnsafeBufferPointer<UInt8>) throws(TemplateError) -> Value {
    let parser = EventParser(input)
    var builder = ValueBuilder(maxDepth: limits.maxDepth)
    let strings = StringTable()
    var anchors: [String: Anchor] = [:]
    var expanded = 0
    var documents = 0
    var event = yaml_event_t()

    let fileID = SourceFiles.shared.id(of: file)
    func location(_ mark: yaml_mark_t) -> SourceLocation {
      SourceLocation(fileID: fileID, line: mark.line + 1, column: mark.column + 1)
    }

    loop: while true {
      guard yaml_parser_parse(parser.pointer, &event) == 1 else {
        throw parser.error(file: file, input: input)
      }
      defer { yaml_event_delete(&event) }
      switch event.type {
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let at = location(event.start_mark)
        let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        let tag = scalar.tag.map { String(cString: $0) }
        let anchor = scalar.anchor.map { String(cString: $0) }
        if builder.expectsKey {
          if let tag, !Self.isStringTag(tag) {
            throw TemplateError(
              .complexKey,
              "a mapping key cannot be tagged with \(tag); write the key as plain text", at: at)
          }
          let text = strings.string(bytes)
          try builder.key(text, at: at)
          if let anchor {
            anchors[anchor] = Anchor(value: Value(.string(text), at: at), nodes: 1, keyText: text)
          }
          continue loop
        }
        let value = try Self.scalar(
          bytes, tag: tag, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, at: at, strings: strings)
        if documents == 1, builder.depth == 0, tag == nil, bytes.isEmpty,
          scalar.style == YAML_PLAIN_SCALAR_STYLE
        {
          throw TemplateError(
            .emptyDocument, "the document is empty; a template needs at least a Resources section",
            at: at)
        }
        builder.add(value)
        if let anchor {
          anchors[anchor] = Anchor(
            value: value, nodes: 1, keyText: value.stringValue ?? IntrinsicDecoding.literal(value))
        }

      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let at = location(event.start_mark)
        let rawTag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        let rawAnchor =
          isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        if builder.expectsKey {
          throw TemplateError(
            .complexKey, "a mapping key must be a scalar, not a \(isMapping ? "mapping" : "list")",
            at: at)
        }
        let tag = rawTag.map { String(cString: $0) }
        let function = try Self.function(ofCollectionTag: tag, mapping: isMapping, at: at)
        try builder.open(
          mapping: isMapping, at: at, function: function, tag: tag,
          anchor: rawAnchor.map { String(cString: $0) })

      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        if let closed = try builder.close() {
          anchors[closed.anchor] = Anchor(
            value: closed.value, nodes: closed.nodes, height: closed.height, keyText: nil)
        }

      case YAML_ALIAS_EVENT:
        let at = location(event.start_mark)
        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
        guard let target = anchors[name] else {
          throw TemplateError(
            .unknownAlias, "the alias *\(name) names no anchor defined before it (&\(name))", at: at
          )
        }
        if builder.expectsKey {
          guard let text = target.keyText else {
            throw TemplateError(
              .complexKey, "the alias *\(name) is used as a mapping key but is not a scalar", at: at
            )
          }
          try builder.key(text, at: at)
          continue loop
        }
        expanded += target.nodes
        if expanded > limits.aliasExpansion {
          throw TemplateError(
            .aliasExpansion,
            "aliases expand to more than \(limits.aliasExpansion) nodes (an alias bomb?); the reader stops here",
            at: at)
        }
        // An alias is a copy: nesting it inside itself, level after level, must not build a
        // tree deeper than the reader would accept written out.
        if builder.depth + target.height > limits.maxDepth {
          throw TemplateError(
            .tooDeep,
            "the alias *\(name) nests its anchor deeper than \(limits.maxDepth) levels; no CloudFormation template needs that many",
            at: at)
        }
        var value = target.value
        value.location = at
        builder.add(value, nodes: target.nodes, height: target.height)

      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          throw TemplateError(
            .multipleDocuments,
            "a second YAML document starts here; a template file holds exactly one document",
            at: location(event.start_mark))
        }

      case YAML_STREAM_END_EVENT:
        break loop

      default:
        continue loop
      }
    }
    guard let root = builder.root else {
      throw TemplateError(
        .emptyDocument,
        "the file has no YAML document; a template needs at least a Resources section",
        at: SourceLocation(file: file, line: 1, column: 1))
    }
    return root
  }

  static let strTag = "tag:yaml.org,2002:str"
  static let seqTag = "tag:yaml.org,2002:seq"
  static let mapTag = "tag:yaml.org,2002:map"

  private static func isStringTag(_ tag: String) -> Bool { tag == "!" || tag == strTag }

  /// A scalar in value position, as both YAML sources hand it over: tagged (a short-form
  /// function or a standard tag), plain (typed: `5`, `true`, `null`) or quoted (a string).
  static func scalar(
    _ bytes: UnsafeBufferPointer<UInt8>, tag: String?, plain: Bool, at location: SourceLocation,
    strings: StringTable
  ) throws(TemplateError) -> Value {
    if let tag {
      return try tagged(tag, text: strings.string(bytes), plain: plain, at: location)
    }
    if plain { return Value(PlainScalar.resolve(bytes) { strings.string(bytes) }, at: location) }
    return Value(.string(strings.string(bytes)), at: location)
  }

  /// The long-form function a list's or mapping's tag applies (`!If` → `Fn::If`), `nil` for
  /// none or a standard tag of its kind; any other tag is an error.
  static func function(ofCollectionTag tag: String?, mapping: Bool, at location: SourceLocation)
    throws(TemplateError) -> String?
  {
    guard let tag else { return nil }
    if let name = IntrinsicDecoding.functionName(forTag: tag) { return name }
    guard tag == "!" || tag == (mapping ? mapTag : seqTag) else {
      throw unknownTag(tag, at: location)
    }
    return nil
  }

  /// A tagged scalar: a short-form function (`!Ref X`), or a YAML standard tag.
  private static func tagged(_ tag: String, text: String, plain: Bool, at location: SourceLocation)
    throws(TemplateError)
    -> Value
  {
    if let function = IntrinsicDecoding.functionName(forTag: tag) {
      return try IntrinsicDecoding.decode(
        function, argument: Value(.string(text), at: location), at: location, written: tag)
    }
    switch tag {
    case "!", strTag:
      return Value(.string(text), at: location)
    case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
      let kind = Array(text.utf8).withUnsafeBufferPointer { PlainScalar.resolve($0) { text } }
      guard case .number = kind else {
        throw TemplateError(
          .unknownTag, "\(tag) is applied to '\(text)', which is not a number", at: location)
      }
      return Value(kind, at: location)
    case "tag:yaml.org,2002:bool":
      let kind = Array(text.utf8).withUnsafeBufferPointer { PlainScalar.resolve($0) { text } }
      guard case .bool = kind else {
        throw TemplateError(
          .unknownTag, "\(tag) is applied to '\(text)', which is not a boolean", at: location)
      }
      return Value(kind, at: location)
    case "tag:yaml.org,2002:null":
      return Value(.null, at: location)
    default:
      throw unknownTag(tag, at: location)
    }
  }

  private static func unknownTag(_ tag: String, at location: SourceLocation) -> TemplateError {
    if tag.hasPrefix("!" + IntrinsicDecoding.rainPrefix) {
      return IntrinsicDecoding.rainDirective(tag, at: location)
    }
    let shown =
      tag.hasPrefix("tag:yaml.org,2002:")
      ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag[...]
    return TemplateError(
      .unknownTag,
      "\(shown) is not a CloudFormation intrinsic function; short forms are !Ref, !GetAtt, !Sub, !Join, !If, ...",
      at: location)
  }
}

/// libyaml's parser state, kept on the heap (libyaml holds pointers into it) and freed in `deinit`.
private final class EventParser {
  let pointer: UnsafeMutablePointer<yaml_parser_t>
  private let initialized: Bool

  init(_ input: UnsafeBufferPointer<UInt8>) {
    pointer = .allocate(capacity: 1)
    initialized = yaml_parser_initialize(pointer) == 1
    if initialized, let base = input.baseAddress {
      yaml_parser_set_encoding(pointer, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(pointer, base, input.count)
    }
  }

  deinit {
    if initialized { yaml_parser_delete(pointer) }
    pointer.deallocate()
  }

  /// The parser's failure as a `TemplateError`: libyaml's problem, made a sentence, at its 1-based mark.
  func error(file: String, input: UnsafeBufferPointer<UInt8>) -> TemplateError {
    guard initialized else {
      return TemplateError(
        .yamlSyntax, "the YAML parser could not start (out of memory)",
        at: SourceLocation(file: file, line: 1, column: 1))
    }
    let parser = pointer.pointee
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    switch parser.error {
    case YAML_READER_ERROR:
      let location = SourceText.location(ofByte: parser.problem_offset, in: input, file: file)
      return TemplateError(
        .yamlSyntax,
        "\(problem) (byte 0x\(String(UInt8(truncatingIfNeeded: parser.problem_value), radix: 16)))",
        at: location)
    case YAML_MEMORY_ERROR:
      return TemplateError(
        .yamlSyntax, "the YAML parser ran out of memory",
        at: SourceLocation(file: file, line: 1, column: 1))
    default:
      let mark = parser.problem_mark
      let location = SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
      var message = problem
      if SourceText.character(atLine: mark.line, column: mark.column, in: input)
        == UInt8(ascii: "\t"),
        problem.contains("tab") || problem.contains("cannot start any token")
      {
        message = "a tab character cannot indent YAML; indent with spaces"
      } else if let context = parser.context.map({ String(cString: $0) }) {
        let contextMark = parser.context_mark
        message +=
          " (\(context) that starts at line \(contextMark.line + 1), column \(contextMark.column + 1))"
      }
      return TemplateError(.yamlSyntax, message, at: location)
    }
  }
}
