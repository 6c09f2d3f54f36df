import Foundation

/// Remembers what validating each document gave, by the document's input (its text and annotation
/// bytes), so that validating a corpus again re-validates only the documents that changed. `dossier
/// lsp` validates the whole corpus on every keystroke (activity ids are unique across it); with a
/// cache each keystroke costs one document plus the corpus-wide checks. The cache keeps one entry per
/// document of the last corpus validated.
public final class OutcomeCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (input: CorpusDocumentInput, outcome: CorpusValidator.DocumentOutcome)] = [:]

  public init() {}

  /// The outcome of `input` when it was validated before with exactly these bytes.
  func outcome(for input: CorpusDocumentInput) -> CorpusValidator.DocumentOutcome? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = entries[input.id], entry.input == input else { return nil }
    return entry.outcome
  }

  func store(_ outcome: CorpusValidator.DocumentOutcome, for input: CorpusDocumentInput) {
    lock.lock()
    defer { lock.unlock() }
    entries[input.id] = (input, outcome)
  }

  /// Forgets documents that are no longer in the corpus.
  func retain(ids: Set<String>) {
    lock.lock()
    defer { lock.unlock() }
    entries = entries.filter { ids.contains($0.key) }
  }
}
