/// One pass of the ingester over one document: a line-by-line state machine (see `docs/ingest.md`).
struct IngestRun {
  let source: SourceDocument
  let buffer: TextBuffer
  let options: DocumentIngester.Options

  private var blocks: [Block] = []
  private var sections: [Section] = []
  private var versions: [ParallelVersion] = []
  private var diagnostics: [Diagnostic] = []
  private var title: SpannedText?
  private var byline: Byline?

  /// The parallel version being read (`nil` in the main text), as an index into `versions`.
  private var versionIndex: Int?
  /// The section being read, as an index into `sections`.
  private var sectionIndex: Int?
  /// Sections found so far in the current version (or in the main text).
  private var sectionsInScope = 0
  /// The number the next section heading must carry.
  private var expectedSection = 1
  /// Id prefix of the blocks being read (`s0`, `s3`, `zh`, `zh.s1`).
  private var prefix = "s0"
  private var paragraphCount = 0
  private var itemCount = 0
  /// Language of the last block with letters.
  private var currentLanguage: String?
  /// A paragraph being read (it may continue on the next line when that is a soft wrap).
  private var pending: Pending?
  /// A list being read.
  private var list: ListState?
  /// Whether the text looks hard-wrapped (almost all lines are short), so soft wraps are joined.
  private var isHardWrapped = false

  private struct Pending {
    var first: TextLine
    var last: TextLine
    var counts: ScriptCounts
    var lastTail: [Unicode.Scalar]
  }

  private struct ListState {
    /// Id of the paragraph that introduces the list.
    var introID: String
    /// The last item read (`nil` right after the intro).
    var lastItem: TextLine?
  }

  init(source: SourceDocument, buffer: TextBuffer, options: DocumentIngester.Options) {
    self.source = source
    self.buffer = buffer
    self.options = options
  }

  mutating func run() -> Result<IngestedDocument, DiagnosticError> {
    let lines = buffer.lines().filter { !$0.isBlank }
    guard !lines.isEmpty else { return .failure(DiagnosticError(emptyDocumentError())) }
    diagnostics = source.diagnostics
    let longLines = lines.count { $0.counts.width > options.maximumWrappedLineWidth }
    isHardWrapped = longLines * 20 <= lines.count

    var next = 0
    if lines.count >= 2, isTitleLike(lines[0]) {
      emitTitle(lines[0])
      next = 1
    }
    // The byline: one of the three lines after the title, or else the last line.
    var bylineAt: (index: Int, match: BylineParser.Match)?
    for index in next..<min(next + 3, lines.count) {
      if let match = parseByline(lines[index]) {
        bylineAt = (index, match)
        break
      }
    }
    if bylineAt == nil, lines.count - 1 >= next + 3, let match = parseByline(lines[lines.count - 1]) {
      bylineAt = (lines.count - 1, match)
    }
    let lastBodyIndex = bylineAt?.index == lines.count - 1 ? lines.count - 2 : lines.count - 1
    var previousLine = next > 0 ? lines[next - 1].number : 0
    for index in next..<lines.count {
      let line = lines[index]
      defer { previousLine = line.number }
      if let bylineAt, bylineAt.index == index {
        flushParagraph()
        closeList()
        emitByline(line, bylineAt.match)
        continue
      }
      process(line, blankBefore: line.number > previousLine + 1, isLast: index == lastBodyIndex)
    }
    flushParagraph()
    closeList()
    return .success(finish())
  }

  // MARK: - Lines

  private mutating func process(_ line: TextLine, blankBefore: Bool, isLast: Bool) {
    if blankBefore { flushParagraph() }
    let tail = buffer.tail(of: line, limit: ListTerminator.lookback)
    let tailScalars = tail.map(\.scalar)

    // 1. A list item, when a list is open.
    if let state = list {
      if let terminator = ListTerminator.parse(tailScalars), !terminator.isFinal || state.lastItem != nil {
        emitListItem(line, tail: tail, terminator: terminator, introID: state.introID)
        list = terminator.isFinal ? nil : ListState(introID: state.introID, lastItem: line)
        return
      }
      closeList()
    }

    // 2. A section heading with the expected number.
    let head = buffer.head(of: line, limit: HeadingMarker.lookahead)
    if let marker = HeadingMarker.parse(head.map(\.scalar)) {
      if marker.number == expectedSection {
        flushParagraph()
        startSection(line, marker: marker, head: head)
        if Punctuation.endsWithColon(tailScalars) { list = ListState(introID: prefix, lastItem: nil) }
        return
      }
      if sectionsInScope > 0 && line.length - marker.titleOffset <= options.maximumTitleLength {
        let markerText = buffer.string(line.byteStart..<head[marker.markerLength].byte)
        diagnostics.append(
          .warning(
            .sectionNumberOutOfSequence,
            "numbered line '\(markerText)' does not continue the section numbering (expected \(expectedSection)); "
              + "it is kept as a paragraph",
            at: source.location(of: line.start, end: line.start + marker.markerLength),
            help: "renumber the section headings 1, 2, 3, …"))
      }
    }

    // 3. A short line in another script starts a parallel version.
    if !isLast, startsVersion(line, tail: tailScalars) {
      flushParagraph()
      startVersion(line)
      return
    }

    // 4. A paragraph line: continues the pending paragraph when that one was soft-wrapped.
    if var paragraph = pending, canJoin(paragraph, line) {
      paragraph.last = line
      paragraph.counts.merge(line.counts)
      paragraph.lastTail = tailScalars
      pending = paragraph
    } else {
      flushParagraph()
      pending = Pending(first: line, last: line, counts: line.counts, lastTail: tailScalars)
    }
    if Punctuation.endsWithColon(tailScalars) {
      let introID = flushParagraph()
      if let introID { list = ListState(introID: introID, lastItem: nil) }
    }
  }

  private func isTitleLike(_ line: TextLine) -> Bool {
    guard line.length <= options.maximumTitleLength else { return false }
    let head = buffer.head(of: line, limit: HeadingMarker.lookahead).map(\.scalar)
    if HeadingMarker.parse(head)?.number == 1 { return false }
    if parseByline(line) != nil { return false }
    return !Punctuation.endsWithColon(buffer.tail(of: line, limit: 1).map(\.scalar))
  }

  private func startsVersion(_ line: TextLine, tail: [Unicode.Scalar]) -> Bool {
    guard let language = line.counts.language, language != Language.undetermined,
      let current = pending?.counts.language ?? currentLanguage, current != language, !blocks.isEmpty,
      line.counts.width <= options.maximumVersionTitleWidth
    else { return false }
    return !Punctuation.endsWithTerminal(tail)
  }

  private func canJoin(_ paragraph: Pending, _ line: TextLine) -> Bool {
    guard isHardWrapped, paragraph.last.counts.width >= options.minimumWrappedLineWidth,
      !Punctuation.endsWithTerminal(paragraph.lastTail)
    else { return false }
    guard let language = line.counts.language, let previous = paragraph.counts.language else { return true }
    return language == previous
  }

  private func parseByline(_ line: TextLine) -> BylineParser.Match? {
    guard line.length <= BylineParser.maximumLength else { return nil }
    return BylineParser.parse(buffer.scalars(of: line))
  }

  // MARK: - Blocks

  private mutating func emitTitle(_ line: TextLine) {
    let block = makeBlock(
      id: "title", kind: .title, line.start, line.end, line.byteStart, line.byteEnd, line.counts)
    title = spanned(block)
    append(block, inBody: false)
  }

  private mutating func emitByline(_ line: TextLine, _ match: BylineParser.Match) {
    let scalars = buffer.scalars(of: line)
    let block = makeBlock(
      id: "byline", kind: .byline, line.start, line.end, line.byteStart, line.byteEnd, line.counts)
    func field(_ range: Range<Int>) -> SpannedText {
      let start = line.start + range.lowerBound
      let position = source.lineIndex.position(of: start)
      return SpannedText(
        text: String(String.UnicodeScalarView(scalars[range])), start: start,
        end: line.start + range.upperBound,
        line: position.line, column: position.column)
    }
    var result = Byline(line: spanned(block))
    var seen: [BylineParser.Key: BylineParser.Field] = [:]
    for entry in match.fields {
      let label = field(entry.label)
      if let first = seen[entry.key] {
        diagnostics.append(
          .warning(
            .repeatedBylineField, "byline gives the \(entry.key.rawValue) twice; the first value is kept",
            at: source.location(of: label.start, end: label.end),
            notes: [.init("first given here", at: source.location(of: line.start + first.label.lowerBound))],
            help: "remove the repeated '\(label.text)' field"))
        continue
      }
      seen[entry.key] = entry
      guard !entry.value.isEmpty else {
        diagnostics.append(
          .warning(
            .emptyBylineField, "byline label '\(label.text)' has no value",
            at: source.location(of: label.start, end: label.end),
            help: "write the \(entry.key.rawValue) after the colon, or remove the label"))
        continue
      }
      let value = field(entry.value)
      switch entry.key {
      case .source: result.source = value
      case .editor: result.editor = value
      case .author: result.author = value
      }
    }
    for (position, stamp) in match.timestamps.enumerated() {
      let value = field(stamp.range)
      if position > 0 {
        diagnostics.append(
          .warning(
            .repeatedBylineField, "byline gives a second timestamp '\(value.text)'; the first is kept",
            at: source.location(of: value.start, end: value.end),
            notes: [.init("first given here", at: result.timestamp.map { source.location(of: $0.start) })]))
        continue
      }
      if !stamp.isValid {
        diagnostics.append(
          .warning(
            .invalidBylineTimestamp, "byline timestamp '\(value.text)' is not a real date and time",
            at: source.location(of: value.start, end: value.end),
            help: "write the timestamp as YYYY-MM-DD HH:MM:SS with a valid month, day and time"))
      }
      result.timestamp = value
    }
    for range in match.unlabelled {
      let value = field(range)
      diagnostics.append(
        .warning(
          .unlabelledBylineText,
          "byline text '\(value.text)' after the timestamp belongs to no field and is left out",
          at: source.location(of: value.start, end: value.end),
          help: "put a label such as 'Source:' or 'Editor:' before it"))
    }
    byline = result
    append(block, inBody: false)
  }

  private mutating func startSection(
    _ line: TextLine, marker: HeadingMarker, head: [(scalar: Unicode.Scalar, byte: Int)]
  ) {
    let versionID = versionIndex.map { versions[$0].id }
    let id = versionID.map { "\($0).s\(marker.number)" } ?? "s\(marker.number)"
    sectionIndex = nil
    let block = makeBlock(
      id: id, kind: .heading, line.start, line.end, line.byteStart, line.byteEnd, line.counts,
      section: marker.number)
    let heading = spanned(block)
    let titleStart = line.start + marker.titleOffset
    let titlePosition = source.lineIndex.position(of: titleStart)
    let sectionTitle = SpannedText(
      text: buffer.string(head[marker.titleOffset].byte..<line.byteEnd), start: titleStart, end: line.end,
      line: titlePosition.line, column: titlePosition.column)
    let markerText = buffer.string(line.byteStart..<head[marker.markerLength].byte)
    append(block, inBody: true)
    sections.append(
      Section(
        id: id, number: marker.number, marker: markerText, heading: heading, title: sectionTitle,
        language: block.language, version: versionID, start: line.start, end: line.end))
    sectionIndex = sections.count - 1
    sectionsInScope += 1
    expectedSection = marker.number + 1
    prefix = id
    paragraphCount = 0
    itemCount = 0
  }

  private mutating func startVersion(_ line: TextLine) {
    let language = line.counts.language ?? Language.undetermined
    var id = language
    var suffix = 1
    while versions.contains(where: { $0.id == id }) {
      suffix += 1
      id = "\(language)\(suffix)"
    }
    sectionIndex = nil
    versionIndex = nil
    let block = makeBlock(
      id: "\(id).title", kind: .title, line.start, line.end, line.byteStart, line.byteEnd, line.counts)
    versions.append(
      ParallelVersion(
        id: id, language: block.language, title: spanned(block), start: block.start, end: block.end,
        blockIDs: []))
    versionIndex = versions.count - 1
    sectionsInScope = 0
    expectedSection = 1
    prefix = id
    paragraphCount = 0
    itemCount = 0
    append(block, inBody: true)
  }

  private mutating func emitListItem(
    _ line: TextLine, tail: [(scalar: Unicode.Scalar, byte: Int)], terminator: ListTerminator, introID: String
  ) {
    let terminatorLength = tail.count - terminator.tailIndex
    let itemEnd = line.end - terminatorLength
    let itemByteEnd = tail[terminator.tailIndex].byte
    var itemStart = line.start
    var itemByteStart = line.byteStart
    var markerText: String?
    let head = buffer.head(of: line, limit: ListMarker.lookahead)
    if let marker = ListMarker.parse(head.map(\.scalar)), line.start + marker.textOffset < itemEnd {
      markerText = buffer.string(line.byteStart..<head[marker.markerLength].byte)
      itemStart = line.start + marker.textOffset
      itemByteStart = head[marker.textOffset].byte
    }
    itemCount += 1
    var block = makeBlock(
      id: "\(prefix).l\(itemCount)", kind: .listItem, itemStart, itemEnd, itemByteStart, itemByteEnd,
      line.counts)
    block.parent = introID
    block.terminator = buffer.string(itemByteEnd..<line.byteEnd)
    block.marker = markerText
    append(block, inBody: true)
  }

  /// Emits the pending paragraph; returns its id.
  @discardableResult
  private mutating func flushParagraph() -> String? {
    guard let paragraph = pending else { return nil }
    pending = nil
    paragraphCount += 1
    let block = makeBlock(
      id: "\(prefix).p\(paragraphCount)", kind: .paragraph, paragraph.first.start, paragraph.last.end,
      paragraph.first.byteStart, paragraph.last.byteEnd, paragraph.counts)
    append(block, inBody: true)
    return block.id
  }

  /// Ends an open list; warns when items were read but none ended it with `.`.
  private mutating func closeList() {
    guard let state = list else { return }
    list = nil
    guard let last = state.lastItem else { return }
    diagnostics.append(
      .warning(
        .unterminatedList, "list introduced by block \(state.introID) ends without a last item ending in '.'",
        at: source.location(of: last.start, end: last.end),
        help: "end the last item with '.', or check that no item is missing"))
  }

  private func makeBlock(
    id: String, kind: Block.Kind, _ start: Int, _ end: Int, _ byteStart: Int, _ byteEnd: Int,
    _ counts: ScriptCounts,
    section: Int? = nil
  ) -> Block {
    let first = source.lineIndex.position(of: start)
    let last = source.lineIndex.position(of: max(start, end - 1))
    return Block(
      id: id, kind: kind, language: counts.language ?? currentLanguage ?? Language.undetermined, start: start,
      end: end, startLine: first.line, startColumn: first.column, endLine: last.line,
      endColumn: end > start ? last.column + 1 : first.column, text: buffer.string(byteStart..<byteEnd),
      section: section)
  }

  /// Adds a block; `inBody` blocks join the current section and version.
  private mutating func append(_ block: Block, inBody: Bool) {
    var block = block
    if inBody {
      if let sectionIndex {
        block.section = sections[sectionIndex].number
        if block.kind != .heading {
          sections[sectionIndex].blockIDs.append(block.id)
          sections[sectionIndex].bodyStart = sections[sectionIndex].bodyStart ?? block.start
          sections[sectionIndex].bodyEnd = block.end
          sections[sectionIndex].end = block.end
        }
      }
      if let versionIndex {
        block.version = versions[versionIndex].id
        versions[versionIndex].blockIDs.append(block.id)
        versions[versionIndex].end = block.end
      }
    }
    if block.kind != .byline, block.language != Language.undetermined {
      currentLanguage = block.language
    }
    blocks.append(block)
  }

  private func spanned(_ block: Block) -> SpannedText {
    SpannedText(
      text: block.text, start: block.start, end: block.end, line: block.startLine, column: block.startColumn)
  }

  // MARK: - Result

  private func finish() -> IngestedDocument {
    var languages: [String] = []
    for block in blocks
    where block.kind != .byline && !languages.contains(block.language)
      && block.language != Language.undetermined
    {
      languages.append(block.language)
    }
    if languages.isEmpty { languages = [Language.undetermined] }
    let ordered = blocks.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
      .map(\.element)
    return IngestedDocument(
      source: source, title: title, byline: byline, sections: sections, blocks: ordered, languages: languages,
      versions: versions, diagnostics: diagnostics.sorted())
  }

  private func emptyDocumentError() -> Diagnostic {
    let message: String
    if source.bytes.isEmpty {
      message = "the file is empty"
    } else if source.scalarCount == 0 {
      message = "the file holds only a byte-order mark"
    } else {
      message = "the file holds only whitespace"
    }
    return .error(
      .emptyDocument, message + "; there is nothing to ingest",
      at: SourceLocation(file: source.path, line: 1, column: 1),
      help: "add the document text, or remove the file from the input folder")
  }
}

extension ScriptCounts {
  /// Adds the counts of another run of text.
  mutating func merge(_ other: ScriptCounts) {
    han += other.han
    latin += other.latin
    otherLetters += other.otherLetters
    width += other.width
  }
}
