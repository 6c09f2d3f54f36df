/// The files of the schemas folder the pipeline needs, as values: the annotation schema and every
/// vocabulary with its schema (see `VocabularyKind` for the relative paths).
public struct SchemaFiles: Sendable {
  /// A vocabulary data file and its schema.
  public struct Vocabulary: Sendable {
    public var data: CorpusFile
    public var schema: CorpusFile
    public init(data: CorpusFile, schema: CorpusFile) {
      self.data = data
      self.schema = schema
    }
  }

  public var annotationSchema: CorpusFile
  public var vocabularies: [VocabularyKind: Vocabulary]

  public init(annotationSchema: CorpusFile, vocabularies: [VocabularyKind: Vocabulary]) {
    self.annotationSchema = annotationSchema
    self.vocabularies = vocabularies
  }

  /// The relative paths (inside the schemas folder) of every file needed, annotation schema first.
  public static var requiredPaths: [String] {
    ["annotation.schema.json"] + VocabularyKind.allCases.flatMap { [$0.dataPath, $0.schemaPath] }
  }

  /// Assembles the files from a lookup by relative path; `nil` names the first missing one.
  public static func assemble(_ files: [String: CorpusFile]) -> Result<SchemaFiles, MissingFile> {
    guard let annotation = files["annotation.schema.json"] else {
      return .failure(MissingFile(path: "annotation.schema.json"))
    }
    var vocabularies: [VocabularyKind: Vocabulary] = [:]
    for kind in VocabularyKind.allCases {
      guard let data = files[kind.dataPath] else { return .failure(MissingFile(path: kind.dataPath)) }
      guard let schema = files[kind.schemaPath] else { return .failure(MissingFile(path: kind.schemaPath)) }
      vocabularies[kind] = Vocabulary(data: data, schema: schema)
    }
    return .success(SchemaFiles(annotationSchema: annotation, vocabularies: vocabularies))
  }

  /// A required file that was not given.
  public struct MissingFile: Error, Sendable {
    public var path: String
  }
}
