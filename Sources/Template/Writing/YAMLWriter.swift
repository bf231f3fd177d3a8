internal import CYAML

/// Writes a `Value` as one YAML document through libyaml's emitter: every libyaml emitter
/// call of Formation is in this file.
///
/// The output is deterministic (the same value gives the same bytes): block style, two-space
/// indentation, no document markers, no line folding, UTF-8 text unescaped. Intrinsic functions
/// are written in their short form (`!Ref X`, `!GetAtt A.B`, `!If [Cond, a, b]`) wherever
/// CloudFormation accepts it. An intrinsic's argument list is written in flow style
/// (`[a, b]`) when it holds only one-line scalars, short-form scalar functions and such
/// lists, and fits in `flowWidthLimit` characters; otherwise it is a block list. String
/// styles are chosen by `ScalarStyle`.
///
/// The emitter state lives on the heap (libyaml keeps pointers into it) and is freed in
/// `deinit`.
final class YAMLWriter {
  /// The widest flow list the writer produces, in characters, before it switches to block style.
  static let flowWidthLimit = 80

  private let emitter: UnsafeMutablePointer<yaml_emitter_t>
  private let sink = Sink()

  /// Receives libyaml's output; a class, so the C callback can reach it through a pointer.
  private final class Sink {
    var bytes: [UInt8] = []
  }

  private init() {
    emitter = .allocate(capacity: 1)
    emitter.initialize(to: yaml_emitter_t())
    guard yaml_emitter_initialize(emitter) != 0 else {
      preconditionFailure("libyaml could not allocate an emitter")
    }
    yaml_emitter_set_output(
      emitter,
      { context, buffer, size in
        guard let context, let buffer else { return 0 }
        let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
        return 1
      },
      Unmanaged.passUnretained(sink).toOpaque())
    yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
    yaml_emitter_set_indent(emitter, 2)
    yaml_emitter_set_width(emitter, -1)
    yaml_emitter_set_unicode(emitter, 1)
    yaml_emitter_set_break(emitter, YAML_LN_BREAK)
  }

  deinit {
    yaml_emitter_delete(emitter)
    emitter.deinitialize(count: 1)
    emitter.deallocate()
  }

  /// The YAML document for `value`, ending with exactly one newline.
  static func document(_ value: Value) -> [UInt8] {
    let writer = YAMLWriter()
    writer.sink.bytes.reserveCapacity(4096)
    writer.emit { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
    writer.emit { yaml_document_start_event_initialize($0, nil, nil, nil, 1) }
    writer.write(value, flowCandidate: false)
    writer.emit { yaml_document_end_event_initialize($0, 1) }
    writer.emit { yaml_stream_end_event_initialize($0) }
    var bytes = writer.sink.bytes
    while bytes.count > 1, bytes[bytes.count - 1] == 0x0A, bytes[bytes.count - 2] == 0x0A {
      bytes.removeLast()
    }
    if bytes.last != 0x0A { bytes.append(0x0A) }
    return bytes
  }

  // MARK: - Values

  private func write(_ value: Value, tag: String? = nil, flowCandidate: Bool) {
    switch value.kind {
    case .string(let string):
      scalar(string, tag: tag, style: ScalarStyle.of(string))
    case .number(let number):
      // A literal that no YAML reader takes for a number would read back as a string anyway;
      // quoting it at least keeps the document well-formed.
      let numeric = ScalarStyle.looksNumeric(number.literal)
      scalar(number.literal, tag: tag, style: numeric ? .plain : .doubleQuoted)
    case .bool(let bool):
      scalar(bool ? "true" : "false", tag: tag, style: .plain)
    case .null:
      scalar("null", tag: tag, style: .plain)
    case .list(let items):
      let flow = flowCandidate && Self.flowWidth(value, budget: Self.flowWidthLimit) != nil
      startSequence(tag: tag, flow: flow)
      for item in items { write(item, flowCandidate: flowCandidate) }
      emit { yaml_sequence_end_event_initialize($0) }
    case .map(let map):
      startMapping(tag: tag)
      for entry in map {
        scalar(entry.key, tag: nil, style: ScalarStyle.ofKey(entry.key))
        write(entry.value, flowCandidate: false)
      }
      emit { yaml_mapping_end_event_initialize($0) }
    case .intrinsic(let function):
      // A tagged value can never carry a second tag; callers only pass tags for arguments
      // that are not themselves functions (see `Intrinsic.shortForm`).
      if let short = function.shortForm {
        write(short.argument, tag: short.tag, flowCandidate: true)
      } else {
        startMapping(tag: tag)
        scalar(function.name, tag: nil, style: .plain)
        write(function.longFormArgument, flowCandidate: true)
        emit { yaml_mapping_end_event_initialize($0) }
      }
    }
  }

  /// The width of `value` written in flow style, or `nil` when it cannot be written in flow
  /// style or exceeds `budget` (checked as it goes, so long lists cost no more than the budget).
  static func flowWidth(_ value: Value, budget: Int) -> Int? {
    var width: Int
    switch value.kind {
    case .string(let string):
      if string.utf8.contains(0x0A) { return nil }
      width = string.utf8.count + 2
    case .number(let number):
      width = number.literal.utf8.count
    case .bool, .null:
      width = 5
    case .list(let items):
      width = 2
      for item in items {
        guard let itemWidth = flowWidth(item, budget: budget - width) else { return nil }
        width += itemWidth + 2
        if width > budget { return nil }
      }
    case .map:
      return nil
    case .intrinsic(let function):
      guard let short = function.shortForm, short.argument.mapValue == nil,
        let argumentWidth = flowWidth(short.argument, budget: budget - short.tag.utf8.count - 1)
      else { return nil }
      width = short.tag.utf8.count + 1 + argumentWidth
    }
    return width <= budget ? width : nil
  }

  // MARK: - Events

  private func scalar(_ text: String, tag: String?, style: ScalarStyle) {
    let cStyle: yaml_scalar_style_t =
      switch style {
      case .plain: YAML_PLAIN_SCALAR_STYLE
      case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
      case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
      case .literal: YAML_LITERAL_SCALAR_STYLE
      }
    let implicit: Int32 = tag == nil ? 1 : 0
    var text = text
    text.withUTF8 { utf8 in
      withTag(tag) { tagPointer in
        // libyaml rejects a NULL value pointer, which an empty buffer may have.
        withUnsafePointer(to: 0 as UInt8) { empty in
          let value = utf8.baseAddress ?? empty
          emit {
            yaml_scalar_event_initialize(
              $0, nil, tagPointer, value, Int32(utf8.count), implicit, implicit, cStyle)
          }
        }
      }
    }
  }

  private func startSequence(tag: String?, flow: Bool) {
    let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
    withTag(tag) { tagPointer in
      emit { yaml_sequence_start_event_initialize($0, nil, tagPointer, tag == nil ? 1 : 0, style) }
    }
  }

  private func startMapping(tag: String?) {
    withTag(tag) { tagPointer in
      emit {
        yaml_mapping_start_event_initialize(
          $0, nil, tagPointer, tag == nil ? 1 : 0, YAML_BLOCK_MAPPING_STYLE)
      }
    }
  }

  private func withTag(_ tag: String?, _ body: (UnsafePointer<yaml_char_t>?) -> Void) {
    guard let tag else { return body(nil) }
    tag.withCString { pointer in
      pointer.withMemoryRebound(to: yaml_char_t.self, capacity: tag.utf8.count + 1) { body($0) }
    }
  }

  /// Builds one event with `initialize` and hands it to the emitter, which frees it.
  ///
  /// The writer only builds well-formed event sequences from valid UTF-8 strings, so a
  /// failure here is a bug in this file or an out-of-memory condition, never bad input.
  private func emit(_ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) {
    var event = yaml_event_t()
    guard initialize(&event) != 0 else {
      preconditionFailure("libyaml rejected an event the YAML writer built")
    }
    guard yaml_emitter_emit(emitter, &event) != 0 else {
      let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
      preconditionFailure("libyaml emitter failed: \(problem)")
    }
  }
}
