/// The XSDs and the XML catalog, as values: the files of the `Schemas/` folder that XML validation
/// needs, keyed by their path relative to that folder.
///
/// Validation resolves every schema location through `catalog.xml` to a file of the bundle, so it never
/// reads the disk or the network. The CLI reads `requiredPaths` from `--schemas` and passes them in.
public struct XMLSchemaBundle: Hashable, Sendable {
  /// The record XSD.
  public static let recordSchemaPath = "xml/dossier-record.xsd"
  /// The OAI Dublin Core XSD (vendored).
  public static let dublinCoreSchemaPath = "xml/vendor/oai_dc.xsd"
  /// The OASIS XML catalog mapping remote schema locations to bundle files.
  public static let catalogPath = "catalog.xml"
  /// Every file validation needs, relative to the `Schemas/` folder.
  public static let requiredPaths = [
    catalogPath, recordSchemaPath, dublinCoreSchemaPath, "xml/vendor/simpledc20021212.xsd",
    "xml/vendor/xml.xsd",
  ]

  /// File contents by path relative to the `Schemas/` folder (`/` separators).
  public var files: [String: [UInt8]]

  public init(files: [String: [UInt8]]) {
    self.files = files
  }

  /// SHA-256 of the files the record XSD imports, as this version vendors them; a change to one of
  /// them is a change of the record schema's meaning (a test compares them with `Schemas/`).
  static let recordSchemaImports: [(path: String, sha256: String)] = [
    (catalogPath, "0fa019d69104441ceb5dd8fd7e536c33d8ca38ca6786201ce86a62671158c7e0"),
    ("xml/vendor/simpledc20021212.xsd", "c996017cd1701467bb3ccfab9e7bce4e0fbc9808ba2fc30db4b2866db82a4376"),
    ("xml/vendor/xml.xsd", "87557312725ea4a6615729711f9e841b9edf3445ab03c9765e65127ba4ffb529"),
  ]

  /// True when the record XSD is byte for byte the one this version generates from the record tables
  /// (`RecordSchemas.recordXSD`) and the files it imports are the vendored ones. Then every constraint
  /// of the XSD is one the record checks (`RecordSetChecker`, the XML `Char` check) already enforce on
  /// the rows the writer renders, so a record XML file is valid by construction and the build does not
  /// re-validate each one (docs/exports.md, "Validity by construction"). An edited or older XSD is
  /// validated against file by file.
  public var recordSchemaIsGenerated: Bool {
    guard files[Self.recordSchemaPath] == Array(RecordSchemas.recordXSD.utf8) else { return false }
    return Self.recordSchemaImports.allSatisfy { path, sha256 in
      files[path].map(Digest.sha256Hex) == sha256
    }
  }
}
