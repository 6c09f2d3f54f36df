/// What validating a corpus gave: every diagnostic of every file (sorted by file, line, column), the
/// documents that passed (sorted by id), and the text of every file read, for reporters that show
/// source lines.
public struct CorpusValidation: Sendable {
  public var diagnostics: [Diagnostic]
  public var documents: [ValidatedDocument]
  /// Path → text of each document, annotation and vocabulary file.
  public var sources: [String: String]
  /// A file that could not be read (the run stopped there; an I/O problem, not a validation error).
  public var readError: CorpusSourceError?
  /// Time spent in each stage.
  public var timings = StageTimings()

  public init(diagnostics: [Diagnostic], documents: [ValidatedDocument], sources: [String: String]) {
    self.diagnostics = diagnostics
    self.documents = documents
    self.sources = sources
  }

  /// True when no error was found.
  public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}
