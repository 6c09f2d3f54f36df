/// The ingest stage: finds the structure of a `SourceDocument` (title, byline, numbered sections,
/// paragraphs, list items, parallel language versions) and returns it as an `IngestedDocument`.
///
/// The rules are documented in `docs/ingest.md`. Ingest is pure (no I/O) and linear in the size of
/// the text. Problems that leave nothing to ingest are thrown; oddities that do not stop it are
/// returned as warnings in `IngestedDocument.diagnostics`.
public struct DocumentIngester: Sendable {
  /// Limits of the structure rules.
  public struct Options: Sendable, Hashable {
    /// The first line is the title only if it has at most this many scalars.
    public var maximumTitleLength: Int
    /// A line in another script starts a parallel version only if its display width (Han characters
    /// count 2) is at most this.
    public var maximumVersionTitleWidth: Int
    /// A line without final punctuation is joined with the next (soft wrap) only if its display width
    /// is at least this.
    public var minimumWrappedLineWidth: Int
    /// Soft wraps are joined only in hard-wrapped text: when at most 5% of the non-blank lines are
    /// wider than this. Text with one paragraph per line (the seeds) is never joined.
    public var maximumWrappedLineWidth: Int

    /// Creates options; the defaults are the rules documented in `docs/ingest.md`.
    public init(
      maximumTitleLength: Int = 200, maximumVersionTitleWidth: Int = 80, minimumWrappedLineWidth: Int = 60,
      maximumWrappedLineWidth: Int = 100
    ) {
      self.maximumTitleLength = maximumTitleLength
      self.maximumVersionTitleWidth = maximumVersionTitleWidth
      self.minimumWrappedLineWidth = minimumWrappedLineWidth
      self.maximumWrappedLineWidth = maximumWrappedLineWidth
    }
  }

  /// The limits used by this ingester.
  public var options: Options

  /// Creates an ingester with the given limits.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// Ingests a document.
  ///
  /// - Throws: `DiagnosticError` with code `I002` when the document is empty or holds only whitespace,
  ///   `L004` when it has more blocks than `InputLimits.current.maxBlocks`.
  public func ingest(_ source: SourceDocument) throws -> IngestedDocument {
    var text = source.text
    let result = text.withUTF8 { bytes in
      var run = IngestRun(
        source: source, buffer: TextBuffer(bytes: bytes, lineIndex: source.lineIndex), options: options)
      return run.run()
    }
    switch result {
    case .success(let document):
      let limits = InputLimits.current
      if document.blocks.count > limits.maxBlocks,
        let problem = limits.blockProblem(
          document.blocks.count, file: source.path, at: document.blocks[limits.maxBlocks].startLine)
      {
        throw DiagnosticError([problem])
      }
      return document
    case .failure(let error): throw error
    }
  }
}

/// Ingests a document with the default options (see `DocumentIngester`).
public func ingest(_ source: SourceDocument) throws -> IngestedDocument {
  try DocumentIngester().ingest(source)
}
