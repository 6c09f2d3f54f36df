import Foundation

extension PartIndex {
  /// The index of a shard that was built (`complete`) or failed (diagnostics only).
  ///
  /// - Parameters:
  ///   - recorder: the sink wrapper that saw the shard's bag (nil for a failed shard);
  ///   - result: the shard's build result (diagnostics, activity ids, area source).
  public init(
    version: String, shard: Shard, formats: [ExportFormat], softwareAgent: String,
    configurationDigest: String, recorder: PartRecorder?, result: BuildResult
  ) {
    self.version = version
    self.shard = shard
    self.formats = formats.map(\.rawValue)
    self.softwareAgent = softwareAgent
    self.configurationDigest = configurationDigest
    complete = recorder != nil && result.exported
    tables = complete ? recorder?.tables ?? [] : []
    fixedFiles = complete ? recorder?.fixedFiles ?? [] : []
    if complete {
      documents = (recorder?.documents ?? []).map { document in
        var document = document
        document.activities = result.activities[document.id] ?? []
        return document
      }
    } else {
      documents = result.activities.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
        Document(id: $0, files: [], rows: [:], activities: result.activities[$0] ?? [])
      }
    }
    diagnostics = result.diagnostics
    areaSource = result.areaSource
  }

  /// The index file and its digest file, to write at the part's root.
  public func files() throws -> [ExportFile] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let bytes = [UInt8](try encoder.encode(self)) + [0x0A]
    return [
      ExportFile(path: Self.fileName, bytes: bytes),
      ExportFile(path: Self.digestFileName, text: Digest.sha256Hex(bytes) + "\n"),
    ]
  }

  /// SHA-256 over everything a build reads from the schemas folder (annotation schema, vocabularies,
  /// `records.schema.json`, XSDs and catalog), so parts built with other ones can be told apart.
  public static func configurationDigest(
    schemas: SchemaFiles, recordsSchema: CorpusFile, xmlSchemas: XMLSchemaBundle
  ) -> String {
    var files: [(path: String, bytes: [UInt8])] = [
      ("annotation.schema.json", schemas.annotationSchema.bytes),
      ("records.schema.json", recordsSchema.bytes),
    ]
    for kind in VocabularyKind.allCases {
      if let vocabulary = schemas.vocabularies[kind] {
        files.append((kind.dataPath, vocabulary.data.bytes))
        files.append((kind.schemaPath, vocabulary.schema.bytes))
      }
    }
    files += xmlSchemas.files.map { (path: $0.key, bytes: $0.value) }
    return configurationDigest(files)
  }

  /// SHA-256 over files given by relative path and bytes (sorted by path).
  public static func configurationDigest(_ files: [(path: String, bytes: [UInt8])]) -> String {
    var all: [UInt8] = []
    for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      all += Array(file.path.utf8) + [0] + Array(Digest.sha256Hex(file.bytes).utf8) + [0x0A]
    }
    return Digest.sha256Hex(all)
  }
}
