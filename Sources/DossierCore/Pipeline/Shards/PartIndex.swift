/// The index of a part (`dossier-part.json`): what `dossier build --shard K/N` built and everything
/// `dossier merge` needs to check that parts belong together and to interleave their table rows.
///
/// A part is itself a BagIt bag of its shard's documents (payload, manifests) plus this index and its
/// digest (`dossier-part.sha256`). Memory: a few hundred bytes per document.
public struct PartIndex: Codable, Sendable, Equatable {
  /// The format of this file (`dossier-part/1`).
  public static let formatName = "dossier-part/1"
  /// File name of the index at the part's root.
  public static let fileName = "dossier-part.json"
  /// File name of the index's SHA-256 (lowercase hex and a newline).
  public static let digestFileName = "dossier-part.sha256"

  public var format = PartIndex.formatName
  /// The Dossier version that built the part.
  public var version: String
  public var shard: Shard
  /// The export formats, in bag order.
  public var formats: [String]
  /// `Bag-Software-Agent` of the bag.
  public var softwareAgent: String
  /// SHA-256 over the schemas folder's files the build read (schemas, vocabularies, XSDs), so parts
  /// built with other schemas or vocabularies are refused.
  public var configurationDigest: String
  /// False when the shard had errors: the part then holds its diagnostics and no payload.
  public var complete: Bool
  /// Every table file with the length of its first bytes (a TSV header), in bag order.
  public var tables: [Table]
  /// Payload files that do not depend on the documents (`data/tsv/datapackage.json`).
  public var fixedFiles: [String]
  /// The shard's documents, sorted by id.
  public var documents: [Document]
  /// Every diagnostic of the shard except the corpus-wide ones, which `merge` computes.
  public var diagnostics: [Diagnostic]
  /// The document the quoted area labels come from, when the vocabularies name one (checked across
  /// all parts by `merge`), with where the vocabulary names it.
  public var areaSource: AreaSource?

  public struct Table: Codable, Sendable, Equatable {
    public var path: String
    public var headerLength: Int

    public init(path: String, headerLength: Int) {
      self.path = path
      self.headerLength = headerLength
    }
  }

  public struct Document: Codable, Sendable, Equatable {
    public var id: String
    /// The document's own payload files (`data/json/ID.json`, …).
    public var files: [String]
    /// Its rows in each table file: `[offset, length]` by table path (absent: no rows).
    public var rows: [String: [Int]]
    /// Its activity ids, in order, for the corpus-wide uniqueness check.
    public var activities: [Activity]

    public init(id: String, files: [String], rows: [String: [Int]], activities: [Activity]) {
      self.id = id
      self.files = files
      self.rows = rows
      self.activities = activities
    }
  }

  public struct Activity: Codable, Sendable, Equatable {
    public var id: String
    public var pointer: String
    public var location: SourceLocation?

    public init(id: String, pointer: String, location: SourceLocation?) {
      self.id = id
      self.pointer = pointer
      self.location = location
    }
  }

  public struct AreaSource: Codable, Sendable, Equatable {
    public var document: String
    public var location: SourceLocation?

    public init(document: String, location: SourceLocation?) {
      self.document = document
      self.location = location
    }
  }
}
