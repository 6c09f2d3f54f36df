import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's HTML parser (an independent reader of the report's pages), as a
/// plain tree for queries in tests.
final class HTMLNode {
  let name: String
  let attributes: [String: String]
  var children: [HTMLNode] = []
  /// Text of a text node (`name` is `#text`).
  let text: String
  weak var parent: HTMLNode?

  init(name: String, attributes: [String: String], text: String = "") {
    self.name = name
    self.attributes = attributes
    self.text = text
  }

  /// Every element below (and including) this node, in document order.
  var descendants: [HTMLNode] {
    [self] + children.flatMap(\.descendants)
  }

  /// The text content, skipping the subtrees for which `skip` is true.
  func textContent(skipping skip: (HTMLNode) -> Bool = { _ in false }) -> String {
    if name == "#text" { return text }
    return children.filter { !skip($0) }.map { $0.textContent(skipping: skip) }.joined()
  }

  /// The nearest ancestor with a name.
  func ancestor(_ name: String) -> HTMLNode? {
    var node = parent
    while let current = node {
      if current.name == name { return current }
      node = current.parent
    }
    return nil
  }

  /// Parses a page; `nil` when libxml2 cannot build a tree.
  static func parse(_ bytes: [UInt8]) -> HTMLNode? {
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, Int32(buffer.count), "page.html", "UTF-8", options)
      }
    }
    guard let document else { return nil }
    defer { xmlFreeDoc(document) }
    let root = HTMLNode(name: "#document", attributes: [:])
    var child = document.pointee.children
    while let node = child {
      if let converted = convert(node) {
        converted.parent = root
        root.children.append(converted)
      }
      child = node.pointee.next
    }
    return root
  }

  private static func convert(_ node: xmlNodePtr) -> HTMLNode? {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      let content = node.pointee.content.map { String(cString: $0) } ?? ""
      return HTMLNode(name: "#text", attributes: [:], text: content)
    case XML_ELEMENT_NODE:
      var attributes: [String: String] = [:]
      var attribute = node.pointee.properties
      while let current = attribute {
        let name = String(cString: current.pointee.name)
        var value = ""
        var part = current.pointee.children
        while let text = part {
          if let content = text.pointee.content { value += String(cString: content) }
          part = text.pointee.next
        }
        attributes[name] = value
        attribute = current.pointee.next
      }
      let element = HTMLNode(name: String(cString: node.pointee.name), attributes: attributes)
      var child = node.pointee.children
      while let current = child {
        if let converted = convert(current) {
          converted.parent = element
          element.children.append(converted)
        }
        child = current.pointee.next
      }
      return element
    default:
      return nil
    }
  }
}
