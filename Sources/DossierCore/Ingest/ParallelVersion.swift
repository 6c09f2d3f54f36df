/// A parallel version of the document in another language: it starts at a short line in another
/// script after text (doc 000: the Chinese title 国际军事合作 after the English text) and runs to the
/// next such switch or the end.
public struct ParallelVersion: Sendable, Hashable {
  /// The id, used as block-id prefix: the language code (`zh`), with a number appended when the same
  /// language starts a second version (`zh2`).
  public var id: String
  /// BCP 47 language of the version.
  public var language: String
  /// The version's title line.
  public var title: SpannedText
  /// Scalar offset of the title start.
  public var start: Int
  /// Scalar offset after the last block of the version.
  public var end: Int
  /// Ids of all blocks of the version in order, title first.
  public var blockIDs: [String]

  /// Creates a parallel version.
  public init(id: String, language: String, title: SpannedText, start: Int, end: Int, blockIDs: [String]) {
    self.id = id
    self.language = language
    self.title = title
    self.start = start
    self.end = end
    self.blockIDs = blockIDs
  }
}
