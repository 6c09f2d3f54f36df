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
}
