/// The byline of a document: `Source:<name> Editor:<name> YYYY-MM-DD HH:MM:SS` and its variants
/// (full-width colons, the Chinese labels 来源/编辑/责任编辑/作者, spaces after the colons).
///
/// Every field keeps its span in the normalized text. The timestamp is the raw text: it has no time
/// zone, and the annotation supplies one.
public struct Byline: Sendable, Hashable {
  /// The whole byline line (trimmed).
  public var line: SpannedText
  /// The publisher (`Source:` / `来源：`).
  public var source: SpannedText?
  /// The editor (`Editor:` / `编辑：` / `责任编辑：`).
  public var editor: SpannedText?
  /// The author (`Author:` / `作者：`).
  public var author: SpannedText?
  /// The raw timestamp text, e.g. `2021-12-23 18:03:31`.
  public var timestamp: SpannedText?

  /// Creates a byline from its line and fields.
  public init(
    line: SpannedText, source: SpannedText? = nil, editor: SpannedText? = nil, author: SpannedText? = nil,
    timestamp: SpannedText? = nil
  ) {
    self.line = line
    self.source = source
    self.editor = editor
    self.author = author
    self.timestamp = timestamp
  }
}
