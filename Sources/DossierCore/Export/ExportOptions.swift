/// Settings shared by the exporters.
public struct ExportOptions: Sendable {
  /// The XSDs and catalog the XML exporters validate against; required for `xml` and `oai_dc`.
  public var schemas: XMLSchemaBundle?
  /// Maps a record column back to where its value was written (e.g. the annotation's line and column),
  /// so a bad value is reported at its source. Without it, diagnostics name the file only.
  public var locator: (@Sendable (RecordFieldReference) -> SourceLocation?)?
  /// `Bag-Software-Agent` of the BagIt bag.
  public var softwareAgent: String
  /// Labels of the cooperation areas (area id → language → label), written as `dc:subject` with
  /// `xml:lang` beside the area id in the Dublin Core records.
  public var subjectLabels: [String: [String: String]] = [:]

  public init(
    schemas: XMLSchemaBundle? = nil, locator: (@Sendable (RecordFieldReference) -> SourceLocation?)? = nil,
    softwareAgent: String = "dossier"
  ) {
    self.schemas = schemas
    self.locator = locator
    self.softwareAgent = softwareAgent
  }

  /// A locator backed by a table of known locations, e.g. built by the transform from the annotation's
  /// JSON-pointer → line:column map. A reference is looked up exactly, then with an empty `column`
  /// (the location of the whole record).
  public static func locator(
    from locations: [RecordFieldReference: SourceLocation]
  ) -> @Sendable (RecordFieldReference) -> SourceLocation? {
    { reference in
      if let exact = locations[reference] { return exact }
      var record = reference
      record.column = ""
      return locations[record]
    }
  }
}
