/// Writes one simple Dublin Core record per document (`oai_dc/<document>.xml`), valid against the OAI
/// `oai_dc.xsd` (checked with libxml2 before it is accepted).
///
/// Mapping (lossy by design): title → `dc:title` (with `xml:lang`), publisher → `dc:publisher`, editor →
/// `dc:contributor`, publication time → `dc:date` (the raw text when no normalized time exists),
/// cooperation areas → `dc:subject` (the area id, then its English and Chinese labels with `xml:lang`), a summary → `dc:description`, `Text` → `dc:type`, `text/plain` →
/// `dc:format`, document id → `dc:identifier`, source file → `dc:source`, languages → `dc:language`,
/// participant and location countries (ISO 3166-1 alpha-3) → `dc:coverage`.
public struct DublinCoreExporter: RecordExporter {
  /// The OAI Dublin Core namespace.
  public static let namespace = "http://www.openarchives.org/OAI/2.0/oai_dc/"
  /// The canonical location of `oai_dc.xsd`, used in `xsi:schemaLocation`.
  public static let schemaLocation = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

  public let options: ExportOptions
  public var format: ExportFormat { .oaiDC }

  public init(options: ExportOptions = ExportOptions()) { self.options = options }

  public func export(_ records: RecordSet) throws -> [ExportFile] {
    try XMLSchemaExport.exportPerDocument(
      records, options: options, schemaPath: XMLSchemaBundle.dublinCoreSchemaPath, directory: format.directory
    ) { (part: RecordSet, document: DocumentRecord) throws(XMLWriter.InvalidCharacter) in
      try Self.record(part, document: document, labels: options.subjectLabels)
    }
  }

  static func record(
    _ records: RecordSet, document: DocumentRecord, labels: [String: [String: String]] = [:]
  ) throws(XMLWriter.InvalidCharacter) -> [UInt8] {
    func unique(_ values: [String]) -> [String] {
      Array(Set(values)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
    var writer = XMLWriter()
    try writer.start(
      "oai_dc:dc",
      attributes: [
        ("xmlns:oai_dc", namespace), ("xmlns:dc", RecordXML.dublinCoreNamespace),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ("xsi:schemaLocation", "\(namespace) \(schemaLocation)"),
      ])
    try writer.leaf("dc:title", attributes: [("xml:lang", document.titleLanguage)], text: document.title)
    // Each area: its id (for archives that index the controlled term), then its labels with xml:lang.
    for area in unique(records.activities.flatMap(\.areas)) {
      try writer.leaf("dc:subject", text: area)
      for (language, label) in (labels[area] ?? [:]).sorted(by: { $0.key < $1.key }) {
        try writer.leaf("dc:subject", attributes: [("xml:lang", language)], text: label)
      }
    }
    let count = records.activities.count
    try writer.leaf(
      "dc:description",
      text: "Document kind: \(document.kind). Coded activities: \(count)."
        + " Normalized records: data/xml/\(document.id).xml.")
    if let publisher = document.publisher { try writer.leaf("dc:publisher", text: publisher) }
    if let editor = document.editor { try writer.leaf("dc:contributor", text: editor) }
    if let date = document.published ?? document.publishedRaw { try writer.leaf("dc:date", text: date) }
    try writer.leaf("dc:type", text: "Text")
    try writer.leaf("dc:format", text: "text/plain")
    try writer.leaf("dc:identifier", text: document.id)
    try writer.leaf("dc:source", text: document.sourceFile)
    for language in document.languages { try writer.leaf("dc:language", text: language) }
    let countries =
      records.participants.compactMap(\.countryISO3) + records.activities.compactMap(\.locationISO3)
    for country in unique(countries) { try writer.leaf("dc:coverage", text: country) }
    writer.end()
    return writer.bytes
  }
}
