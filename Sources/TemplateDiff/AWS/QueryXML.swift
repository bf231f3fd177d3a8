import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a Query API response: its name, text and children. Responses are small
/// (a template body is at most 1 MB), so the whole tree is built and then navigated.
public struct XMLElement: Sendable, Hashable {
  public var name: String
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
  public static func parse(_ data: Data) -> XMLElement? {
    let builder = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else { return nil }
    return root
  }

  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLElement] = []
    var root: XMLElement?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      stack.append(XMLElement(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].text += string
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      guard let element = stack.popLast() else { return }
      if stack.isEmpty {
        root = element
      } else {
        stack[stack.count - 1].children.append(element)
      }
    }
  }
}
