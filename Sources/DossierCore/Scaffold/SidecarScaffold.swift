/// The annotation sidecar `dossier new` writes for a document: everything the ingest stage already
/// knows, plus commented skeletons for what only a person can code (docs/tutorial.md).
///
/// - the schema comment line and `kind` (`definition` for a document without a byline that has a
///   list, else `news_article`);
/// - `metadata` from the title and byline: `title`, `publisher`, `editor`, `published` (the byline's
///   local time with `Options.utcOffset`, `tz_basis: assumed_source_default`) and `languages`;
/// - for a news article, one commented activity skeleton per numbered section of the main text (or
///   one for section 0 when there is none), whose evidence is the first sentence of the section (an
///   `occurrence` is added when that sentence occurs more than once); for a definition, one commented
///   term skeleton per list item.
///
/// So `dossier validate` on a fresh scaffold reports only the empty `activities` (or `terms`) the
/// annotator must fill; an uncommented skeleton reports only its `TODO` values.
public struct SidecarScaffold: Sendable {
  /// Choices for the scaffold.
  public struct Options: Sendable, Hashable {
    /// The offset added to the byline's local time (`+08:00`: Beijing time, the seed publisher's zone).
    public var utcOffset: String
    /// The longest evidence placeholder, in Unicode scalars (a longer first sentence is cut at a word).
    public var maximumQuoteLength: Int

    public init(utcOffset: String = "+08:00", maximumQuoteLength: Int = 160) {
      self.utcOffset = utcOffset
      self.maximumQuoteLength = maximumQuoteLength
    }
  }

  /// What the scaffold holds, for messages and tests.
  public struct Summary: Sendable, Hashable, CustomStringConvertible {
    /// `news_article` or `definition`.
    public var kind: String
    /// Commented activity (or term) skeletons.
    public var skeletons: Int

    /// `news_article, 3 activity skeletons` or `definition, 1 term skeleton`.
    public var description: String {
      "\(kind), \(skeletons) \(kind == "definition" ? "term" : "activity") skeleton\(skeletons == 1 ? "" : "s")"
    }
  }

  /// The placeholder an annotator replaces.
  public static let placeholder = "TODO"

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// True when `offset` is `Z` or `±HH:MM` with HH ≤ 23 and MM ≤ 59.
  public static func isValidOffset(_ offset: String) -> Bool {
    if offset == "Z" { return true }
    let s = Array(offset.unicodeScalars)
    guard s.count == 6, s[0] == "+" || s[0] == "-", s[3] == ":" else { return false }
    let digits = [s[1], s[2], s[4], s[5]].compactMap { Int(String($0)) }
    guard digits.count == 4 else { return false }
    return digits[0] * 10 + digits[1] <= 23 && digits[2] * 10 + digits[3] <= 59
  }

  /// The kind the scaffold gives a document.
  public static func kind(of document: IngestedDocument) -> String {
    let hasList = document.blocks.contains { $0.kind == .listItem }
    return document.byline == nil && hasList ? "definition" : "news_article"
  }

  /// The RFC 3339 publication time for a byline timestamp `YYYY-MM-DD HH:MM[:SS]`, or `nil` for any
  /// other form (which `published` could not be compared with).
  public func published(from timestamp: String) -> String? {
    let s = Array(timestamp.unicodeScalars)
    guard s.count == 16 || s.count == 19 else { return nil }
    let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15] + (s.count == 19 ? [17, 18] : [])
    guard digitPositions.allSatisfy({ ("0"..."9").contains(s[$0]) }), s[4] == "-", s[7] == "-",
      s[10] == " ", s[13] == ":", s.count == 16 || s[16] == ":"
    else { return nil }
    var local = String(String.UnicodeScalarView(s))
    local = local.replacingOccurrences(of: " ", with: "T")
    if s.count == 16 { local += ":00" }
    return local + options.utcOffset
  }

  /// The YAML text of the scaffold.
  public func render(_ document: IngestedDocument) -> String {
    renderWithSummary(document).text
  }

  /// The YAML text of the scaffold and what it holds.
  public func renderWithSummary(_ document: IngestedDocument) -> (text: String, summary: Summary) {
    var summary = Summary(kind: Self.kind(of: document), skeletons: 0)
    var out = "# yaml-language-server: $schema=../Schemas/annotation.schema.json\n"
    let name = document.source.path.split(separator: "/").last.map(String.init) ?? document.source.path
    out += "# Annotation of \(oneLine(name)), scaffolded by `dossier new`. Uncomment and complete the\n"
    out += "# skeletons below (replace every \(Self.placeholder)), then run `dossier validate`.\n"
    out += "# Format: docs/annotations.md; terms: `dossier vocab`.\n"
    out += "kind: \(summary.kind)\n"
    out += metadata(document)
    let (text, count) = summary.kind == "definition" ? terms(document) : activities(document)
    out += text
    summary.skeletons = count
    return (out, summary)
  }

  // MARK: Metadata

  private func metadata(_ document: IngestedDocument) -> String {
    var out = "metadata:\n"
    if let title = document.title {
      out += "  title: \(YAMLScalarText.scalar(title.text))\n"
    }
    if let byline = document.byline {
      if let source = byline.source, !source.text.isEmpty {
        out += "  publisher: \(YAMLScalarText.scalar(source.text))\n"
      }
      if let editor = byline.editor, !editor.text.isEmpty {
        out += "  editor: \(YAMLScalarText.scalar(editor.text))\n"
      }
      if let author = byline.author, !author.text.isEmpty {
        out += "  # byline author: \(oneLine(author.text)) (not a metadata field; code it where it matters)\n"
      }
      if let stamp = byline.timestamp {
        if let published = published(from: stamp.text) {
          out += "  published: \(YAMLScalarText.quoted(published))"
          out += "  # byline \(oneLine(stamp.text)), offset assumed (dossier new --utc-offset)\n"
          out += "  tz_basis: assumed_source_default\n"
        } else {
          out += "  # published: \"YYYY-MM-DDTHH:MM:SS\(options.utcOffset)\"  # the byline prints "
          out += "\(oneLine(stamp.text)); add a correction (docs/annotations.md §3) to state the time\n"
        }
      }
    }
    let languages = document.languages.filter { $0 != "und" }
    let shown = (languages.isEmpty ? ["en"] : languages).map(YAMLScalarText.scalar)
    out += "  languages: [\(shown.joined(separator: ", "))]\n"
    return out
  }

  // MARK: Activities

  private func activities(_ document: IngestedDocument) -> (String, Int) {
    var out = "activities:  # \(Self.placeholder): uncomment a skeleton per activity and fill it in\n"
    let prefix = Self.idPrefix(document.id)
    let year = document.byline?.timestamp.flatMap { published(from: $0.text) }.map { String($0.prefix(4)) }
    let sections = document.sections.filter { $0.version == nil }
    var count = 0
    func skeleton(number: Int, heading: String?, first: (text: String, scope: [Range<Int>])?) {
      out += "  # ---------------------------------------------------------------------------------\n"
      out +=
        "  # Section \(number)"
        + (heading.map { ": " + oneLine($0) } ?? " (the text outside numbered sections)")
      out += "\n"
      out +=
        "  # - id: \(prefix)-s\(number)-todo  # unique across the corpus: lower-case words and digits joined by -\n"
      out += "  #   section: \(number)\n"
      out += "  #   type: \(Self.placeholder)  # dossier vocab types\n"
      out += "  #   areas: [\(Self.placeholder)]  # dossier vocab areas\n"
      if let year {
        out += "  #   date: {edtf: \"\(year)\", basis: inferred_publication_year}  # or explicit, with raw\n"
      } else {
        out += "  #   date: {edtf: \(Self.placeholder), basis: explicit, raw: \(Self.placeholder)}\n"
      }
      out +=
        "  #   participants:  # roles: host, organizer, participant, observer, donor, provider, recipient, "
      out += "visitor, counterpart, sender\n"
      out += "  #     - {country: \(Self.placeholder), role: participant, raw: \(Self.placeholder)}\n"
      out += "  #   evidence:  # verbatim quotes of the section that report the activity\n"
      if let first {
        out += "  #     - \(evidence(first.text, scope: first.scope, in: document))\n"
      } else {
        out += "  #     - \(Self.placeholder)\n"
      }
      count += 1
    }
    if sections.isEmpty {
      let blocks = document.blocks.filter {
        $0.section == nil && $0.version == nil && ($0.kind == .paragraph || $0.kind == .listItem)
      }
      let first = blocks.first.map { (firstSentence(of: $0.text), blocks.map(\.range)) }
      skeleton(number: 0, heading: nil, first: first)
    }
    for section in sections {
      let body = document.blocks(in: section).first { $0.kind == .paragraph || $0.kind == .listItem }
      let text = body.map { firstSentence(of: $0.text) } ?? section.title.text
      skeleton(
        number: section.number, heading: section.title.text,
        first: text.isEmpty ? nil : (text, [section.start..<section.end]))
    }
    return (out, count)
  }

  // MARK: Terms

  private func terms(_ document: IngestedDocument) -> (String, Int) {
    var out = "terms:  # \(Self.placeholder): uncomment a skeleton per term and fill it in\n"
    var position: [String: Int] = [:]
    var count = 0
    for item in document.blocks where item.kind == .listItem {
      let number = (position[item.language] ?? 0) + 1
      position[item.language] = number
      let language = item.language == "zh" ? "zh" : "en"
      out += "  # - term: \(Self.placeholder)  # dossier vocab areas (or types)\n"
      out += "  #   vocabulary: cooperation-areas  # or activity-types\n"
      out +=
        "  #   \(language): {item: \(number), evidence: \(evidence(item.text, scope: [item.range], in: document, flow: true))}\n"
      count += 1
    }
    return (out, count)
  }

  // MARK: Quotes

  /// The quote as a YAML scalar, with `occurrence: 1` when it is not unique in its scope.
  private func evidence(
    _ quote: String, scope: [Range<Int>], in document: IngestedDocument, flow: Bool = false
  )
    -> String
  {
    let found = scope.reduce(0) {
      $0 + QuoteMatcher(text: document.source.text, scalarRange: $1).occurrences(of: quote).count
    }
    let scalar = flow ? YAMLScalarText.quoted(quote) : YAMLScalarText.scalar(quote)
    return found > 1 ? "{quote: \(YAMLScalarText.quoted(quote)), occurrence: 1}" : scalar
  }

  /// The first sentence of a block's text, at most `maximumQuoteLength` scalars (cut at a space when
  /// there is one), without leading or trailing white space.
  func firstSentence(of text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var end = scalars.count
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if ["。", "！", "？", "；"].contains(scalar) {
        end = index + 1
        break
      }
      if [".", "!", "?"].contains(scalar) {
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        if next == " " || next == "\n" {
          end = index + 1
          break
        }
      }
      index += 1
    }
    if end > options.maximumQuoteLength {
      var cut = options.maximumQuoteLength
      if let space = scalars[0..<cut].lastIndex(of: " "), space > options.maximumQuoteLength / 2 {
        cut = space
      }
      end = cut
      while end > 0, [",", ";", ":", "，", "、"].contains(scalars[end - 1]) || scalars[end - 1] == " " {
        end -= 1
      }
    }
    var sentence = String(String.UnicodeScalarView(scalars[0..<end]))
    while let last = sentence.unicodeScalars.last, last.properties.isWhitespace {
      sentence.unicodeScalars.removeLast()
    }
    while let first = sentence.unicodeScalars.first, first.properties.isWhitespace {
      sentence.unicodeScalars.removeFirst()
    }
    return sentence
  }

  /// The activity-id prefix of a document: its leading number (`003` of `003_9ffac5d15d52c637`), else
  /// its whole id in lower case with every other character run turned into `-`.
  static func idPrefix(_ id: String) -> String {
    let lowered = id.lowercased()
    let head = lowered.split(separator: "_").first.map(String.init) ?? lowered
    var slug = ""
    for scalar in head.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty && !slug.hasSuffix("-") {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "doc" : slug
  }

  /// A text on one comment line (line breaks and control characters shown as spaces).
  private func oneLine(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
  }
}
