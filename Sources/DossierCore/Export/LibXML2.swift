import CLibXML2
import Foundation

/// Serialized access to libxml2, whose error handlers and entity loader are process-global.
///
/// Every libxml2 call of the export stage runs inside `LibXML2.run`, which initializes the library once,
/// installs a loader that resolves schema locations from an in-memory `XMLSchemaBundle` (and refuses
/// everything else: no network, no disk), routes structured errors to a sink, and restores the previous
/// handlers afterwards.
enum LibXML2 {
  /// One problem reported by libxml2.
  struct Issue: Hashable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var level: Int
    var message: String
  }

  /// Collects libxml2's structured errors and resolves external resources from a bundle.
  final class Session: @unchecked Sendable {
    var issues: [Issue] = []
    /// Absolute URL → bytes of every resource the loader may hand out.
    private var resources: [String: UnsafeMutableBufferPointer<CChar>] = [:]

    init() {}

    func provide(url: String, bytes: [UInt8]) {
      let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
      for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
      resources[url].map { $0.deallocate() }
      resources[url] = UnsafeMutableBufferPointer(rebasing: buffer[0..<bytes.count])
    }

    func resource(_ url: String) -> UnsafeMutableBufferPointer<CChar>? { resources[url] }

    deinit {
      for buffer in resources.values { buffer.baseAddress.map { $0.deallocate() } }
    }
  }

  /// Virtual base URL of bundle files.
  static let bundleBase = "file:///dossier-schemas/"

  private static let lock = NSLock()
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()
  nonisolated(unsafe) private static var current: Session?

  /// Runs `body` with exclusive use of libxml2, `session` receiving errors and serving resources.
  static func run<T>(_ session: Session, _ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    _ = initialized
    current = session
    let previousLoader = xmlGetExternalEntityLoader()
    xmlSetExternalEntityLoader(dossierEntityLoader)
    let context = Unmanaged.passUnretained(session).toOpaque()
    xmlSetStructuredErrorFunc(context, dossierStructuredError)
    defer {
      xmlSetStructuredErrorFunc(nil, nil)
      xmlSetExternalEntityLoader(previousLoader)
      current = nil
    }
    return try body()
  }

  /// Runs `body` without the global lock, its errors going to `session` through this thread's own
  /// structured error handler (libxml2 keeps it per thread). The entity loader is not installed, so
  /// `body` must load nothing external: parse only documents without a DOCTYPE (`hasDoctype`).
  /// Compiled schemas may be shared by concurrent validations, each with its own context.
  static func runConcurrently<T>(_ session: Session, _ body: () throws -> T) rethrows -> T {
    _ = initialized
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(session).toOpaque(), dossierStructuredError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    return try body()
  }

  /// True when the bytes hold `<!DOCTYPE` anywhere (a document type declaration, or text that only
  /// looks like one: either way the document is refused before libxml2 sees it).
  static func hasDoctype(_ bytes: [UInt8]) -> Bool {
    !ByteSearch.offsets(of: doctypeMarker, in: bytes, firstOnly: true).isEmpty
  }

  private static let doctypeMarker: [UInt8] = Array("<!DOCTYPE".utf8)

  /// The session of the running `run` call (only read from libxml2 callbacks inside it).
  static var activeSession: Session? { current }
}

/// libxml2 structured error callback (C convention): records the error in the session.
func dossierStructuredError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let userData, let error else { return }
  let session = Unmanaged<LibXML2.Session>.fromOpaque(userData).takeUnretainedValue()
  let e = error.pointee
  var message = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
  while message.hasSuffix("\n") { message.removeLast() }
  session.issues.append(
    LibXML2.Issue(
      file: e.file.map { String(cString: $0) } ?? "", line: Int(e.line), column: Int(e.int2),
      level: Int(e.level.rawValue), message: message))
}

/// libxml2 external entity loader (C convention): serves bundle resources, refuses everything else.
func dossierEntityLoader(
  _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
  guard let url, let session = LibXML2.activeSession else { return nil }
  let name = String(cString: url)
  guard let resource = session.resource(name), let base = resource.baseAddress else {
    session.issues.append(
      LibXML2.Issue(
        file: name, line: 0, column: 0, level: 2,
        message: "refused to load '\(name)': not in the schema bundle or its catalog (no network, no disk)"))
    return nil
  }
  guard let buffer = xmlParserInputBufferCreateMem(base, Int32(resource.count), XML_CHAR_ENCODING_NONE) else {
    return nil
  }
  guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
    xmlFreeParserInputBuffer(buffer)
    return nil
  }
  if let copy = xmlStrdup(UnsafeRawPointer(url).assumingMemoryBound(to: xmlChar.self)) {
    input.pointee.filename = UnsafePointer(UnsafeRawPointer(copy).assumingMemoryBound(to: CChar.self))
  }
  return input
}

extension LibXML2 {
  /// Element children of a node.
  static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
    var result: [xmlNodePtr] = []
    var child = node.pointee.children
    while let c = child {
      if c.pointee.type == XML_ELEMENT_NODE { result.append(c) }
      child = c.pointee.next
    }
    return result
  }

  /// Local name of a node.
  static func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "" }

  /// Namespace URI of a node, or "".
  static func namespace(_ node: xmlNodePtr) -> String {
    node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } ?? ""
  }

  /// Concatenated text and CDATA children of a node (character references already decoded).
  static func text(_ node: xmlNodePtr) -> String {
    var bytes: [UInt8] = []
    var child = node.pointee.children
    while let c = child {
      if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE,
        let content = c.pointee.content
      {
        var p = content
        while p.pointee != 0 {
          bytes.append(p.pointee)
          p += 1
        }
      }
      child = c.pointee.next
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// True when the node has children other than elements and whitespace-only text.
  static func hasNonWhitespaceText(_ node: xmlNodePtr) -> Bool {
    var child = node.pointee.children
    while let c = child {
      if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
        if text(of: c).unicodeScalars.contains(where: { !" \t\n\r".unicodeScalars.contains($0) }) {
          return true
        }
      } else if c.pointee.type != XML_ELEMENT_NODE && c.pointee.type != XML_COMMENT_NODE {
        return true
      }
      child = c.pointee.next
    }
    return false
  }

  private static func text(of textNode: xmlNodePtr) -> String {
    guard let content = textNode.pointee.content else { return "" }
    return String(cString: content)
  }

  /// Value of an attribute (`namespace` nil for an unqualified attribute).
  static func attribute(_ node: xmlNodePtr, _ name: String, namespace: String? = nil) -> String? {
    var attribute = node.pointee.properties
    while let a = attribute {
      let attributeName = a.pointee.name.map { String(cString: $0) } ?? ""
      let attributeNamespace = a.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
      if attributeName == name && attributeNamespace == namespace {
        var bytes: [UInt8] = []
        var child = a.pointee.children
        while let c = child {
          if let content = c.pointee.content {
            var p = content
            while p.pointee != 0 {
              bytes.append(p.pointee)
              p += 1
            }
          }
          child = c.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
      }
      attribute = a.pointee.next
    }
    return nil
  }

  /// All attributes of a node as (namespace or nil, local name).
  static func attributeNames(_ node: xmlNodePtr) -> [(String?, String)] {
    var result: [(String?, String)] = []
    var attribute = node.pointee.properties
    while let a = attribute {
      result.append(
        (
          a.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
          a.pointee.name.map { String(cString: $0) } ?? ""
        ))
      attribute = a.pointee.next
    }
    return result
  }

  /// Parses a document from memory with `XML_PARSE_NONET | XML_PARSE_BIG_LINES` (no entity expansion,
  /// no DTD loading) and refuses documents with a DOCTYPE. Call inside `run`.
  static func parse(_ bytes: [UInt8], fileName: String, session: Session) -> xmlDocPtr? {
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
    let doc = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          xmlReadMemory($0, Int32(buffer.count), fileName, "UTF-8", options)
        }
      }
    }
    guard let doc else {
      if !session.issues.contains(where: { $0.level >= 2 }) {
        session.issues.append(
          Issue(file: fileName, line: 1, column: 1, level: 3, message: "the document is empty"))
      }
      return nil
    }
    if doc.pointee.intSubset != nil {
      session.issues.append(
        Issue(
          file: fileName, line: 1, column: 1, level: 3, message: "a DOCTYPE is not allowed in an export file")
      )
      xmlFreeDoc(doc)
      return nil
    }
    return doc
  }
}
