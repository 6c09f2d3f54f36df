/// A numbered section: a `N. Heading` line and the blocks up to the next heading.
public struct Section: Sendable, Hashable {
  /// The block id of the heading (`s3`, or `zh.s3` inside a parallel version).
  public var id: String
  /// The section number as printed (`3` for `3. Donation …`).
  public var number: Int
  /// The number marker as printed (`3.`).
  public var marker: String
  /// The whole heading line, marker included (`3. Donation of COVID-19 vaccines …`).
  public var heading: SpannedText
  /// The heading without its marker (`Donation of COVID-19 vaccines …`).
  public var title: SpannedText
  /// Language of the heading.
  public var language: String
  /// The parallel version holding the section (`zh`), or `nil` in the main text.
  public var version: String?
  /// Scalar offset of the heading start.
  public var start: Int
  /// Scalar offset after the last block of the section (the heading end when the body is empty).
  public var end: Int
  /// Scalar offset of the first body block, or `nil` when the section has no body.
  public var bodyStart: Int?
  /// Scalar offset after the last body block, or `nil` when the section has no body.
  public var bodyEnd: Int?
  /// Ids of the body blocks in order (the heading block not included).
  public var blockIDs: [String]

  /// Creates a section.
  public init(
    id: String, number: Int, marker: String, heading: SpannedText, title: SpannedText, language: String,
    version: String? = nil, start: Int, end: Int, bodyStart: Int? = nil, bodyEnd: Int? = nil,
    blockIDs: [String] = []
  ) {
    self.id = id
    self.number = number
    self.marker = marker
    self.heading = heading
    self.title = title
    self.language = language
    self.version = version
    self.start = start
    self.end = end
    self.bodyStart = bodyStart
    self.bodyEnd = bodyEnd
    self.blockIDs = blockIDs
  }
}
