/// A numbered section: a `N. Heading` line and the blocks up to the next heading.
public struct Section: Sendable, Hashable, Codable {
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

  private enum CodingKeys: String, CodingKey {
    case id, number, marker, heading, title, language, version, start, end
    case bodyStart = "body_start"
    case bodyEnd = "body_end"
    case blockIDs = "blocks"
  }

  /// Decodes the JSON form written by `encode(to:)`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    number = try container.decode(Int.self, forKey: .number)
    marker = try container.decode(String.self, forKey: .marker)
    heading = try container.decode(SpannedText.self, forKey: .heading)
    title = try container.decode(SpannedText.self, forKey: .title)
    language = try container.decode(String.self, forKey: .language)
    version = try container.decodeIfPresent(String.self, forKey: .version)
    start = try container.decode(Int.self, forKey: .start)
    end = try container.decode(Int.self, forKey: .end)
    bodyStart = try container.decodeIfPresent(Int.self, forKey: .bodyStart)
    bodyEnd = try container.decodeIfPresent(Int.self, forKey: .bodyEnd)
    blockIDs = try container.decode([String].self, forKey: .blockIDs)
  }

  /// Encodes every key; absent values as `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(number, forKey: .number)
    try container.encode(marker, forKey: .marker)
    try container.encode(heading, forKey: .heading)
    try container.encode(title, forKey: .title)
    try container.encode(language, forKey: .language)
    try container.encode(version, forKey: .version)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
    try container.encode(bodyStart, forKey: .bodyStart)
    try container.encode(bodyEnd, forKey: .bodyEnd)
    try container.encode(blockIDs, forKey: .blockIDs)
  }
}
