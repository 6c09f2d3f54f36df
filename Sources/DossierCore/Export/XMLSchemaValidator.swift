import CLibXML2
import Foundation

/// Validates XML documents against one XSD of an `XMLSchemaBundle` with libxml2.
///
/// Schema locations (`xs:import`, `xs:include`) are resolved through the bundle's `catalog.xml` to
/// bundle files; anything else is refused, so validation never touches the network or the disk.
/// Documents are parsed with `XML_PARSE_NONET`, no entity expansion and no DTD loading; a document with
/// a DOCTYPE is rejected. Errors are collected through libxml2's structured error callback.
public final class XMLSchemaValidator: @unchecked Sendable {
  /// One validation problem: 1-based line (column 0 when libxml2 gives none) and libxml2's message.
  public struct Issue: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
  }

  /// The schema's path within the bundle.
  public let schemaPath: String
  private let schema: xmlSchemaPtr
  /// Validation contexts not in use: a context is reused across documents (libxml2 resets it at
  /// each validation), which spares allocating and freeing its tables for every file.
  private var idle: [xmlSchemaValidCtxtPtr] = []
  private let idleLock = NSLock()

  /// Compiles the schema at `schemaPath`; a missing file or a compile error is an `X003` error.
  public init(bundle: XMLSchemaBundle, schemaPath: String) throws(DiagnosticError) {
    self.schemaPath = schemaPath
    let session = LibXML2.Session()
    var problems: [String] = []
    for path in XMLSchemaBundle.requiredPaths where bundle.files[path] == nil {
      problems.append("the schema bundle has no '\(path)'")
    }
    if problems.isEmpty {
      for (path, bytes) in bundle.files { session.provide(url: LibXML2.bundleBase + path, bytes: bytes) }
    }
    let compiled: xmlSchemaPtr? =
      problems.isEmpty
      ? LibXML2.run(session) { () -> xmlSchemaPtr? in
        // Map the catalog's remote locations to bundle files.
        let catalogBytes = bundle.files[XMLSchemaBundle.catalogPath] ?? []
        guard
          let catalog = LibXML2.parse(catalogBytes, fileName: XMLSchemaBundle.catalogPath, session: session),
          let root = xmlDocGetRootElement(catalog)
        else {
          problems.append("'\(XMLSchemaBundle.catalogPath)' is not well-formed XML")
          return nil
        }
        defer { xmlFreeDoc(catalog) }
        for entry in LibXML2.elements(of: root) {
          let kind = LibXML2.name(entry)
          let remote = kind == "uri" ? LibXML2.attribute(entry, "name") : LibXML2.attribute(entry, "systemId")
          guard kind == "uri" || kind == "system", let remote, let target = LibXML2.attribute(entry, "uri")
          else {
            continue
          }
          guard let bytes = bundle.files[target] else {
            problems.append("catalog entry '\(remote)' points to '\(target)', which the bundle lacks")
            continue
          }
          session.provide(url: remote, bytes: bytes)
        }
        guard bundle.files[schemaPath] != nil else {
          problems.append("the schema bundle has no '\(schemaPath)'")
          return nil
        }
        guard let parser = xmlSchemaNewParserCtxt(LibXML2.bundleBase + schemaPath) else { return nil }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(
          parser, dossierStructuredError, Unmanaged.passUnretained(session).toOpaque())
        return xmlSchemaParse(parser)
      } : nil
    problems += session.issues.filter { $0.level >= 2 }.map { issue in
      let file =
        issue.file.hasPrefix(LibXML2.bundleBase)
        ? String(issue.file.dropFirst(LibXML2.bundleBase.count)) : issue.file
      return "\(file):\(issue.line): \(issue.message)"
    }
    guard let compiled, problems.isEmpty else {
      if let compiled { xmlSchemaFree(compiled) }
      throw DiagnosticError(
        .error(
          .xmlSchemaUnavailable, "cannot compile the XML schema '\(schemaPath)'",
          notes: problems.map { Diagnostic.Note($0) }))
    }
    self.schema = compiled
  }

  deinit {
    let schema = self.schema
    let contexts = idle
    LibXML2.run(LibXML2.Session()) {
      for context in contexts { xmlSchemaFreeValidCtxt(context) }
      xmlSchemaFree(schema)
    }
  }

  /// Parses and validates a document; returns its problems (empty when it is well-formed and valid).
  ///
  /// A document with a DOCTYPE is refused before parsing; every other one is validated as it is parsed
  /// (libxml2's streaming validation: no tree is built), without libxml2's global lock (nothing external
  /// can be loaded), so workers validate at once.
  public func validate(_ bytes: [UInt8], fileName: String) -> [Issue] {
    if LibXML2.hasDoctype(bytes) {
      return [Issue(line: 1, column: 1, message: "a DOCTYPE is not allowed in an export file")]
    }
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
      let problem = bytes.isEmpty ? "the document is empty" : "the document is too large"
      return [Issue(line: 1, column: 1, message: problem)]
    }
    let session = LibXML2.Session()
    return LibXML2.runConcurrently(session) { () -> [Issue] in
      validating(session) { context in
        bytes.withUnsafeBufferPointer { buffer -> Int32 in
          // libxml2 copies the bytes (2.9 static buffers are unsafe); xmlSchemaValidateStream frees them.
          let input = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlParserInputBufferCreateMem($0, Int32(buffer.count), XML_CHAR_ENCODING_UTF8)
          }
          guard let input else { return -1 }
          return xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_UTF8, nil, nil)
        }
      }
    }
  }

  /// Validates a parsed document. Call inside `LibXML2.run` with the session given.
  func validate(document: xmlDocPtr, session: LibXML2.Session) -> [Issue] {
    validating(session) { xmlSchemaValidateDoc($0, document) }
  }

  /// Runs `validate` with a fresh validation context whose errors go to `session`; the problems, or
  /// one naming libxml2's code when it failed without saying why.
  private func validating(_ session: LibXML2.Session, _ validate: (xmlSchemaValidCtxtPtr) -> Int32) -> [Issue]
  {
    guard let context = idleLock.withLock({ idle.popLast() }) ?? xmlSchemaNewValidCtxt(schema) else {
      return [Issue(line: 0, column: 0, message: "cannot create a validation context")]
    }
    xmlSchemaSetValidStructuredErrors(
      context, dossierStructuredError, Unmanaged.passUnretained(session).toOpaque())
    let result = validate(context)
    xmlSchemaSetValidStructuredErrors(context, nil, nil)
    idleLock.withLock { idle.append(context) }
    var issues = Self.issues(session)
    if result != 0 && issues.isEmpty {
      issues.append(Issue(line: 0, column: 0, message: "validation failed (libxml2 code \(result))"))
    }
    return issues
  }

  private static func issues(_ session: LibXML2.Session) -> [Issue] {
    session.issues.filter { $0.level >= 2 }.map {
      Issue(line: $0.line, column: $0.column, message: $0.message)
    }
  }
}
