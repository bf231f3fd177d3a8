import Foundation

/// An element of a Query API response: its name, text and children. Responses are small
/// (a template body is at most 1 MB), so the whole tree is built and then navigated.
public struct XMLElement: Sendable, Hashable {
  public var name: String
  /// The character data directly inside the element (not its children's), entities decoded.
  public var text: String
  public var children: [XMLElement]

  public init(name: String, text: String = "", children: [XMLElement] = []) {
    self.name = name
    self.text = text
    self.children = children
  }

  public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

  /// The element at a path of names below this one: `element["GetTemplateResult", "TemplateBody"]`.
  public subscript(path: String...) -> XMLElement? {
    var current: XMLElement? = self
    for name in path { current = current?.child(name) }
    return current
  }

  /// Parses a document; `nil` when it is not well-formed XML.
  ///
  /// A reader of its own rather than FoundationXML's `XMLParser`: that one brings libxml2 and
  /// FoundationXML into every start of `formation`, to read two kinds of small answers. This
  /// reads what the Query API sends (a declaration, elements with attributes, character data,
  /// the five named entities and character references, CDATA, comments) and rejects
  /// mismatched or unclosed tags, unknown entities and text outside the root.
  public static func parse(_ data: Data) -> XMLElement? {
    var reader = QueryXMLReader(bytes: [UInt8](data))
    return reader.document()
  }

  /// The deepest nesting read. Query API answers are six levels deep; a limit keeps the tree,
  /// whose values are freed one level inside the other, from exhausting the stack.
  public static let maximumDepth = 64
}

/// The cursor of `XMLElement.parse`.
private struct QueryXMLReader {
  let bytes: [UInt8]
  var position = 0
  var stack: [XMLElement] = []
  var root: XMLElement?

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func document() -> XMLElement? {
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "<") {
        guard markup() else { return nil }
      } else {
        guard let text = characterData() else { return nil }
        if stack.isEmpty {
          // Outside the root only white space may appear.
          guard text.allSatisfy(\.isWhitespace) else { return nil }
        } else {
          stack[stack.count - 1].text += text
        }
      }
    }
    return stack.isEmpty ? root : nil
  }

  /// One `<...>` construct at `position`; false when it is malformed.
  private mutating func markup() -> Bool {
    if starts(with: "<?") { return skip(past: "?>") }
    if starts(with: "<!--") { return skip(past: "-->") }
    if starts(with: "<![CDATA[") {
      let start = position + 9
      guard skip(past: "]]>"), !stack.isEmpty else { return false }
      stack[stack.count - 1].text += String(decoding: bytes[start..<(position - 3)], as: UTF8.self)
      return true
    }
    if starts(with: "<!") { return skip(past: ">") }
    let closing = starts(with: "</")
    let nameStart = position + (closing ? 2 : 1)
    guard let end = tagEnd(from: nameStart) else { return false }
    var nameEnd = nameStart
    while nameEnd < end, !Self.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: "/") {
      nameEnd += 1
    }
    guard nameEnd > nameStart else { return false }
    let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
    let selfClosing = !closing && bytes[end - 1] == UInt8(ascii: "/")
    position = end + 1
    if closing {
      guard let element = stack.popLast(), element.name == name else { return false }
      close(element)
    } else if selfClosing {
      guard root == nil || !stack.isEmpty else { return false }
      close(XMLElement(name: name))
    } else {
      guard root == nil || !stack.isEmpty, stack.count < XMLElement.maximumDepth else {
        return false
      }
      stack.append(XMLElement(name: name))
    }
    return true
  }

  private mutating func close(_ element: XMLElement) {
    if stack.isEmpty {
      root = element
    } else {
      stack[stack.count - 1].children.append(element)
    }
  }

  /// The position of the `>` that ends the tag starting before `start`, skipping quoted
  /// attribute values (which may hold `>`).
  private func tagEnd(from start: Int) -> Int? {
    var index = start
    var quote: UInt8?
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Character data up to the next `<`, with entities decoded; nil on an unknown entity.
  private mutating func characterData() -> String? {
    var decoded: [UInt8] = []
    while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
      if bytes[position] == UInt8(ascii: "&") {
        guard let semicolon = bytes[position...].firstIndex(of: UInt8(ascii: ";")),
          let scalar = Self.entity(
            String(decoding: bytes[(position + 1)..<semicolon], as: UTF8.self))
        else { return nil }
        decoded += Array(String(Character(scalar)).utf8)
        position = semicolon + 1
      } else if bytes[position] == 0x0D {
        // Line ends are normalised to a line feed, as every XML processor does.
        decoded.append(0x0A)
        position += 1
        if position < bytes.count, bytes[position] == 0x0A { position += 1 }
      } else {
        decoded.append(bytes[position])
        position += 1
      }
    }
    return String(decoding: decoded, as: UTF8.self)
  }

  private static func entity(_ name: String) -> Unicode.Scalar? {
    switch name {
    case "lt": return "<"
    case "gt": return ">"
    case "amp": return "&"
    case "quot": return "\""
    case "apos": return "'"
    default:
      let number: UInt32?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        number = UInt32(name.dropFirst(2), radix: 16)
      } else if name.hasPrefix("#") {
        number = UInt32(name.dropFirst(), radix: 10)
      } else {
        number = nil
      }
      return number.flatMap(Unicode.Scalar.init)
    }
  }

  private func starts(with prefix: String) -> Bool {
    let utf8 = Array(prefix.utf8)
    return position + utf8.count <= bytes.count
      && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
  }

  /// Moves past the next `terminator`; false when there is none.
  private mutating func skip(past terminator: String) -> Bool {
    let utf8 = Array(terminator.utf8)
    var index = position
    while index + utf8.count <= bytes.count {
      if bytes[index..<(index + utf8.count)].elementsEqual(utf8) {
        position = index + utf8.count
        return true
      }
      index += 1
    }
    return false
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
