/// Where a corpus comes from, one document at a time: the ids, sorted, are known up
/// front; each document's files are read only when the engine asks for them, so memory never holds
/// the corpus. The CLI reads a folder; tests use `InMemoryCorpusSource`.
///
/// `load(_:)` may be called from several tasks at once and more than once for the same index (the
/// engine re-reads a document whose text a late diagnostic needs).
public protocol CorpusSource: Sendable {
  /// The document ids, sorted by their UTF-8 bytes (the export order), without repeats.
  var documentIDs: [String] { get }
  /// Reads the document at `index` of `documentIDs`.
  ///
  /// - Throws: `CorpusSourceError` when a file cannot be read (an I/O problem, exit status 2).
  func load(_ index: Int) throws(CorpusSourceError) -> CorpusDocumentInput
}

/// A file of the corpus could not be read.
public struct CorpusSourceError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, naming the file (`cannot read 'Input/a.txt': Permission denied`).
  public var description: String

  public init(_ description: String) { self.description = description }
}

/// A corpus given as values (tests, the language server, `validate` with named files).
public struct InMemoryCorpusSource: CorpusSource {
  public let documents: [CorpusDocumentInput]

  /// Sorts `documents` by id (UTF-8 bytes); a repeated id keeps its first document.
  public init(_ documents: [CorpusDocumentInput]) {
    var seen: Set<String> = []
    self.documents = documents.filter { seen.insert($0.id).inserted }
      .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
  }

  public var documentIDs: [String] { documents.map(\.id) }

  public func load(_ index: Int) throws(CorpusSourceError) -> CorpusDocumentInput { documents[index] }
}
