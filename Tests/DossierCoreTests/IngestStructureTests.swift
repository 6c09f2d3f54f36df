import DossierCore
import DossierTestSupport
import Testing

/// Structure rules on documents other than the seeds: bylines, sections, lists, paragraphs,
/// languages, and the bad-input cases.
@Suite struct IngestStructureTests {
  static func ingest(_ text: String, path: String = "t.txt") throws -> IngestedDocument {
    let document = try DocumentIngester().ingest(SourceDocument(path: path, text: text))
    expectInvariants(document)
    return document
  }

  static func ingest(bytes: [UInt8], path: String = "t.txt") throws -> IngestedDocument {
    let document = try DocumentIngester().ingest(SourceDocument(path: path, bytes: bytes))
    expectInvariants(document)
    return document
  }

  /// Spans slice to texts, ids are unique, blocks are in text order and do not overlap.
  static func expectInvariants(_ document: IngestedDocument) {
    let scalars = Array(document.source.text.unicodeScalars)
    func slice(_ span: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[span])) }
    var previousEnd = 0
    for block in document.blocks {
      #expect(block.start >= previousEnd, "\(block.id) overlaps the block before it")
      #expect(slice(block.range) == block.text, "\(block.id)")
      if let terminator = block.terminator {
        #expect(slice(block.end..<(block.end + terminator.unicodeScalars.count)) == terminator)
      }
      if let marker = block.marker {
        let lineStart = document.source.lineIndex.lineStarts[block.startLine - 1]
        #expect(
          slice(lineStart..<block.start).hasPrefix(marker) || slice(lineStart..<block.start).contains(marker))
      }
      previousEnd = block.end
    }
    #expect(Set(document.blocks.map(\.id)).count == document.blocks.count, "block ids are unique")
    for section in document.sections {
      #expect(slice(section.heading.range) == section.heading.text)
      #expect(slice(section.title.range) == section.title.text)
      #expect(section.blockIDs.allSatisfy { document.block(id: $0) != nil })
    }
    if let byline = document.byline {
      for field in [byline.line, byline.source, byline.editor, byline.author, byline.timestamp].compactMap({
        $0
      }) {
        #expect(slice(field.range) == field.text)
      }
    }
  }

  static func ingestErrors(_ bytes: [UInt8]) -> [Diagnostic] {
    do {
      _ = try DocumentIngester().ingest(SourceDocument(path: "t.txt", bytes: bytes))
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch {
      return []
    }
  }

  // MARK: - Byline

  @Test func chineseBylineWithCRLF() throws {
    let text =
      "中国军队参加国际联合演习\r\n\r\n来源：中国军网 编辑：李佳瑶 2022-08-01 09:30:00\r\n\r\n1. 演习概况\r\n\r\n"
      + "本次演习共有十个国家参加。\r\n\r\n2. 主要成果\r\n\r\n演习取得圆满成功。"
    let document = try Self.ingest(text)
    #expect(document.source.normalizedLineEnds == 10)
    #expect(!document.source.text.contains("\r"))
    #expect(document.title?.text == "中国军队参加国际联合演习")
    let byline = try #require(document.byline)
    #expect(byline.source?.text == "中国军网")
    #expect(byline.editor?.text == "李佳瑶")
    #expect(byline.timestamp?.text == "2022-08-01 09:30:00")
    #expect(byline.line.line == 3)
    #expect(byline.source?.start == 12 + 1 + 1 + 3)  // title, LF, blank line, "来源："
    #expect(byline.source?.column == 4)
    #expect(document.sections.map(\.heading.text) == ["1. 演习概况", "2. 主要成果"])
    #expect(document.blocks.map(\.id) == ["title", "byline", "s1", "s1.p1", "s2", "s2.p1"])
    #expect(document.blocks.allSatisfy { $0.language == "zh" })
    #expect(document.languages == ["zh"])
    #expect(document.block(id: "s2.p1")?.startLine == 11)
    #expect(document.diagnostics.isEmpty)
  }

  @Test(
    arguments: [
      (
        "Source:China Military Online Editor:Li Jiayao 2021-12-23 18:03:31", "China Military Online",
        "Li Jiayao", nil,
        "2021-12-23 18:03:31"
      ),
      (
        "Source: China Military Online  Editor: Li Jiayao  2021-12-23 18:03:31", "China Military Online",
        "Li Jiayao",
        nil, "2021-12-23 18:03:31"
      ),
      ("Source：Xinhua Editor：Wang Wei", "Xinhua", "Wang Wei", nil, nil),
      ("SOURCE: Xinhua | AUTHOR: Zhang San | 2022/01/05", "Xinhua", nil, "Zhang San", "2022/01/05"),
      ("2022-01-05 10:00 来源：解放军报 作者：张三 责任编辑：李四", "解放军报", "李四", "张三", "2022-01-05 10:00"),
      ("来源: 中国国防报  编辑: 王五", "中国国防报", "王五", nil, nil),
      ("（责任编辑：赵六）", nil, "赵六", nil, nil),
      ("作者：张三 2021年12月23日", nil, nil, "张三", "2021年12月23日"),
      (
        "Editor:Li Jiayao Source:China Military Online 2021-12-23T18:03:31", "China Military Online",
        "Li Jiayao", nil,
        "2021-12-23T18:03:31"
      ),
      ("Source:Xinhua 2021-12-23 18:03:31 +08:00", "Xinhua", nil, nil, "2021-12-23 18:03:31 +08:00"),
      ("Source:Xinhua 2021-12-23T18:03Z Editor:Li", "Xinhua", "Li", nil, "2021-12-23T18:03Z"),
      ("Source:Xinhua Editor:Li 2021-12-23 18:03 UTC+8", "Xinhua", "Li", nil, "2021-12-23 18:03 UTC+8"),
    ] as [(String, String?, String?, String?, String?)])
  func bylineVariants(line: String, source: String?, editor: String?, author: String?, timestamp: String?)
    throws
  {
    let document = try Self.ingest("A Title\n\(line)\nBody text.")
    let byline = try #require(document.byline, "\(line)")
    #expect(byline.source?.text == source)
    #expect(byline.editor?.text == editor)
    #expect(byline.author?.text == author)
    #expect(byline.timestamp?.text == timestamp)
    #expect(byline.line.text == line)
    #expect(document.block(id: "byline")?.startLine == 2)
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
  }

  @Test(arguments: [
    "Sources say the exercise will start soon.",
    "The editor: a person who edits.",
    "Opened in 2021-12-23 with pomp.",
    "Resource:not a label",
  ])
  func linesThatAreNoByline(line: String) throws {
    let document = try Self.ingest("A Title\n\(line)\nMore text.")
    #expect(document.byline == nil)
    #expect(document.blocks.map(\.kind) == [.title, .paragraph, .paragraph])
  }

  @Test func bylineAtTheEnd() throws {
    let document = try Self.ingest("标题\n正文第一段。\n正文第二段。\n（责任编辑：李佳瑶）")
    #expect(document.byline?.editor?.text == "李佳瑶")
    #expect(document.blocks.map(\.id) == ["title", "s0.p1", "s0.p2", "byline"])
  }

  @Test func bylineAfterASubtitle() throws {
    let document = try Self.ingest(
      "Main Title\nA subtitle that explains more\nSource:Xinhua 2022-01-01\nBody text.")
    #expect(document.byline?.source?.text == "Xinhua")
    #expect(document.blocks.map(\.id) == ["title", "s0.p1", "byline", "s0.p2"])
    #expect(document.blocks.map(\.kind) == [.title, .paragraph, .byline, .paragraph])
  }

  @Test func bylineLanguageIsNotADocumentLanguage() throws {
    let document = try Self.ingest("国际军事合作\nSource:Xinhua Editor:Wang\n中文内容。")
    #expect(document.byline?.editor?.text == "Wang")
    #expect(document.languages == ["zh"])
    #expect(document.versions.isEmpty)
  }

  @Test func bylineProblemsAreWarnings() throws {
    let empty = try Self.ingest("Title\nSource: Editor:Li 2021-12-23 18:03:31\nBody.")
    #expect(empty.byline?.source == nil && empty.byline?.editor?.text == "Li")
    #expect(empty.diagnostics.map(\.code) == [.emptyBylineField])
    #expect(empty.diagnostics.first?.location?.line == 2 && empty.diagnostics.first?.location?.column == 1)

    let repeated = try Self.ingest("Title\nEditor:Li Editor:Wang\nBody.")
    #expect(repeated.byline?.editor?.text == "Li")
    let warning = try #require(repeated.diagnostics.first)
    #expect(warning.code == .repeatedBylineField)
    #expect(warning.location?.column == 11)
    #expect(warning.notes.first?.location?.column == 1)

    let badTime = try Self.ingest("Title\nSource:X 2021-02-30 25:61:00\nBody.")
    #expect(badTime.byline?.timestamp?.text == "2021-02-30 25:61:00")
    #expect(badTime.diagnostics.map(\.code) == [.invalidBylineTimestamp])

    let stray = try Self.ingest("Title\nSource:X 2021-02-03 stray words\nBody.")
    #expect(stray.byline?.source?.text == "X")
    #expect(stray.diagnostics.map(\.code) == [.unlabelledBylineText])
    #expect(stray.diagnostics.first?.message.contains("stray words") == true)
  }

  // MARK: - Sections

  @Test func sectionsWithBlankLinesAndWithout() throws {
    let blank = try Self.ingest("Title\n\n1. One\n\nFirst.\n\nSecond.\n\n2. Two\n\nThird.")
    let tight = try Self.ingest("Title\n1. One\nFirst.\nSecond.\n2. Two\nThird.")
    for document in [blank, tight] {
      #expect(document.blocks.map(\.id) == ["title", "s1", "s1.p1", "s1.p2", "s2", "s2.p1"])
      #expect(document.sections.map(\.blockIDs) == [["s1.p1", "s1.p2"], ["s2.p1"]])
      #expect(document.sections.map(\.title.text) == ["One", "Two"])
      #expect(document.blocks.map(\.section) == [nil, 1, 1, 1, 2, 2])
    }
  }

  @Test func markerForms() throws {
    let document = try Self.ingest(
      "标题\n一、总体情况\n内容。\n二、主要做法\n内容。\n3．第三部分\n内容。\n4、第四部分\n内容。\n５. 第五部分\n内容。\n6.第六部分\n内容。\n7.Seventh\n内容。")
    #expect(document.sections.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
    #expect(document.sections.map(\.marker) == ["一、", "二、", "3．", "4、", "５.", "6.", "7."])
    #expect(
      document.sections.map(\.title.text) == ["总体情况", "主要做法", "第三部分", "第四部分", "第五部分", "第六部分", "Seventh"])
  }

  @Test func romanNumeralHeadings() throws {
    let document = try Self.ingest(
      "Policy\nI. General provisions\nText.\nII. Cooperation\nText.\nIV. Skipped\nIII. Exchanges")
    #expect(document.sections.map(\.number) == [1, 2, 3])
    #expect(document.sections.map(\.marker) == ["I.", "II.", "III."])
    #expect(document.sections.map(\.title.text) == ["General provisions", "Cooperation", "Exchanges"])
    #expect(document.diagnostics.map(\.code) == [.sectionNumberOutOfSequence])
  }

  @Test func numbersThatAreNoHeadings() throws {
    let document = try Self.ingest(
      "Title\n1.5 million troops took part.\n2021. A year of change.\n12) Not a heading\nNo. 1 is not either."
    )
    #expect(document.sections.isEmpty)
    #expect(document.blocks.filter { $0.kind == .paragraph }.count == 4)
    #expect(document.diagnostics.isEmpty)
  }

  @Test func outOfSequenceNumbersStayParagraphs() throws {
    let document = try Self.ingest("Title\n1. One\nText.\n3. Three\nText.\n2. Two\nText.\n2. Again\nText.")
    #expect(document.sections.map(\.number) == [1, 2])
    #expect(document.block(id: "s1.p2")?.text == "3. Three")
    #expect(document.block(id: "s2.p2")?.text == "2. Again")
    #expect(document.diagnostics.map(\.code) == [.sectionNumberOutOfSequence, .sectionNumberOutOfSequence])
    #expect(document.diagnostics.map { $0.location?.line } == [4, 8])
  }

  @Test func firstSectionMustBeOne() throws {
    let document = try Self.ingest("Title\n3. Starts at three\nText.")
    #expect(document.sections.isEmpty)
    #expect(document.diagnostics.isEmpty)
  }

  // MARK: - Lists

  @Test func listRules() throws {
    let document = try Self.ingest(
      "Title\nThe areas are:\n\nalpha;\n\nbeta; or\ngamma.\nAfter the list.\nIt said:\nOne sentence only.")
    let items = document.blocks.filter { $0.kind == .listItem }
    #expect(items.map(\.text) == ["alpha", "beta", "gamma"])
    #expect(items.map(\.terminator) == [";", "; or", "."])
    #expect(items.map(\.id) == ["s0.l1", "s0.l2", "s0.l3"])
    #expect(items.allSatisfy { $0.parent == "s0.p1" })
    #expect(
      document.blocks.map(\.id) == ["title", "s0.p1", "s0.l1", "s0.l2", "s0.l3", "s0.p2", "s0.p3", "s0.p4"])
    #expect(document.block(id: "s0.p4")?.text == "One sentence only.")
    #expect(document.diagnostics.isEmpty)
  }

  @Test func chineseListAndMarkers() throws {
    let document = try Self.ingest(
      "标题\n主要方式包括：\n对话磋商；\n联合演习；\n人员交流。\nAreas:\n- training ;\n2) equipment; and\n(c) exchanges.")
    let items = document.blocks.filter { $0.kind == .listItem }
    #expect(items.map(\.text) == ["对话磋商", "联合演习", "人员交流", "training", "equipment", "exchanges"])
    #expect(items.map(\.terminator) == ["；", "；", "。", " ;", "; and", "."])
    #expect(items.map(\.marker) == [nil, nil, nil, "-", "2)", "(c)"])
    #expect(items.map(\.parent) == ["s0.p1", "s0.p1", "s0.p1", "s0.p2", "s0.p2", "s0.p2"])
  }

  @Test func headingEndingInAColonIntroducesAList() throws {
    let document = try Self.ingest("Title\n1. The areas are:\nfirst;\nsecond.\nText.")
    #expect(document.blocks.map(\.id) == ["title", "s1", "s1.l1", "s1.l2", "s1.p1"])
    #expect(document.blocks.filter { $0.kind == .listItem }.allSatisfy { $0.parent == "s1" })
  }

  @Test func numberedItemsInAListAreNoSections() throws {
    let document = try Self.ingest("Title\nSteps:\n1. plan;\n2. act.\n1. Real section\nText.")
    #expect(document.blocks.filter { $0.kind == .listItem }.map(\.text) == ["plan", "act"])
    #expect(document.sections.map(\.heading.text) == ["1. Real section"])
  }

  @Test func unterminatedListWarns() throws {
    let document = try Self.ingest("Title\nItems:\nfirst;\nsecond;\nThen a paragraph without end")
    #expect(document.blocks.filter { $0.kind == .listItem }.count == 2)
    #expect(document.diagnostics.map(\.code) == [.unterminatedList])
    #expect(document.diagnostics.first?.location?.line == 4)
    let atEnd = try Self.ingest("Title\nItems:\nfirst;\nsecond;")
    #expect(atEnd.diagnostics.map(\.code) == [.unterminatedList])
  }

  // MARK: - Paragraphs

  @Test func softWrappedLinesJoin() throws {
    let text = """
      Report
      The ministry announced on Monday that joint exercises with several
      partner nations would continue through the spring, with additional
      naval drills planned for the summer months.
      Short line
      Another paragraph.
      """
    let document = try Self.ingest(text)
    #expect(document.blocks.map(\.id) == ["title", "s0.p1", "s0.p2", "s0.p3"])
    let wrapped = try #require(document.block(id: "s0.p1"))
    #expect(wrapped.startLine == 2 && wrapped.endLine == 4)
    #expect(wrapped.text.split(separator: "\n").count == 3)
    #expect(wrapped.endColumn == "naval drills planned for the summer months.".count + 1)
    #expect(document.block(id: "s0.p2")?.text == "Short line")
  }

  @Test func onlyHardWrappedTextIsJoined() throws {
    // One paragraph per line, as scraped articles are: a long unpunctuated subheading stays alone.
    let paragraph = String(repeating: "The two militaries held talks on cooperation. ", count: 4)
    let text =
      "Report\nParticipation in the International Army Games and other events of the year\n\(paragraph)\n"
      + "A second long line that ends without any punctuation at all, like a caption\n\(paragraph)"
    let document = try Self.ingest(text)
    #expect(document.blocks.map(\.id) == ["title", "s0.p1", "s0.p2", "s0.p3", "s0.p4"])
    #expect(document.blocks.allSatisfy { $0.startLine == $0.endLine })
  }

  @Test func surroundingWhitespaceIsNotPartOfABlock() throws {
    let document = try Self.ingest("  Title  \n\u{3000}\u{3000}正文内容。\u{3000}\n\t1. Heading \t\n")
    #expect(document.title?.text == "Title" && document.title?.start == 2 && document.title?.column == 3)
    #expect(document.block(id: "s0.p1")?.text == "正文内容。")
    #expect(document.sections.first?.heading.text == "1. Heading")
  }

  // MARK: - Languages

  @Test func chineseVersionAfterEnglishText() throws {
    let document = try Self.ingest(
      "Title\nEnglish text.\n1. Part\nMore English.\n中文标题\n一、第一部分\n中文内容。\n二、第二部分\n更多内容：\n甲；\n乙。")
    #expect(document.languages == ["en", "zh"])
    #expect(
      document.blocks.map(\.id) == [
        "title", "s0.p1", "s1", "s1.p1", "zh.title", "zh.s1", "zh.s1.p1", "zh.s2", "zh.s2.p1", "zh.s2.l1",
        "zh.s2.l2",
      ])
    #expect(document.sections.map(\.id) == ["s1", "zh.s1", "zh.s2"])
    #expect(document.sections.map(\.version) == [nil, "zh", "zh"])
    #expect(document.section(number: 1)?.id == "s1")
    #expect(document.versions.map(\.blockIDs.count) == [7])
    #expect(document.section(number: 1)?.blockIDs == ["s1.p1"])
  }

  @Test func longChineseParagraphIsNoVersion() throws {
    let long = String(repeating: "国际军事合作是中国与外国在军事领域开展的联合行动。", count: 4)
    let document = try Self.ingest("Title\nEnglish text.\n\(long)\n2021")
    #expect(document.versions.isEmpty)
    #expect(document.blocks.map(\.language) == ["en", "en", "zh", "zh"])
    #expect(document.languages == ["en", "zh"])
  }

  @Test func englishVersionAfterChineseText() throws {
    let document = try Self.ingest("国际军事合作\n中文内容。\nInternational Cooperation\nEnglish text.")
    #expect(document.versions.map(\.id) == ["en"])
    #expect(document.blocks.map(\.id) == ["title", "s0.p1", "en.title", "en.p1"])
  }

  @Test func otherScriptsAreUndetermined() throws {
    let document = try Self.ingest("Заголовок\nТекст на русском языке.")
    #expect(document.blocks.map(\.language) == ["und", "und"])
    #expect(document.languages == ["und"])
  }

  // MARK: - Bad input

  @Test(
    arguments: [
      ([], "the file is empty"),
      ([0xEF, 0xBB, 0xBF], "only a byte-order mark"),
      (Array(" \n\n\t \r\n\u{3000}\r".utf8), "only whitespace"),
      (Array("\n\n\n".utf8), "only whitespace"),
    ] as [([UInt8], String)])
  func emptyDocumentsAreErrors(bytes: [UInt8], words: String) throws {
    let errors = Self.ingestErrors(bytes)
    #expect(errors.map(\.code) == [.emptyDocument])
    #expect(errors.first?.message.contains(words) == true)
    #expect(errors.first?.location == SourceLocation(file: "t.txt", line: 1, column: 1))
  }

  @Test func noStructureIsOneParagraph() throws {
    for text in ["just some words", "\n\n  just some words.  \n\n", "Source text without labels"] {
      let document = try Self.ingest(text)
      #expect(document.title == nil && document.byline == nil && document.sections.isEmpty)
      #expect(document.blocks.map(\.id) == ["s0.p1"])
      #expect(document.blocks.first?.kind == .paragraph)
    }
  }

  @Test func longFirstLineIsNoTitle() throws {
    let long = String(repeating: "word ", count: 60) + "end."
    let document = try Self.ingest("\(long)\nSecond paragraph.")
    #expect(document.title == nil)
    #expect(document.blocks.map(\.id) == ["s0.p1", "s0.p2"])
  }

  @Test func hugeSingleLineIsOneParagraph() throws {
    // 4 MB on one line, with multi-byte scalars: one paragraph whose span covers it all.
    let unit = "joint exercise 联合演习 "
    let text = String(repeating: unit, count: 4_000_000 / unit.utf8.count)
    let document = try Self.ingest(text)
    let block = try #require(document.blocks.first)
    #expect(document.blocks.count == 1)
    #expect(block.start == 0 && block.end == text.unicodeScalars.count - 1)
    #expect(block.text.utf8.count == text.utf8.count - 1)
    #expect(block.language == "en")
  }

  @Test func manyLinesAndSections() throws {
    var text = "Title\n"
    for number in 1...2000 { text += "\(number). Heading \(number)\nBody of section \(number).\n" }
    let document = try Self.ingest(text)
    #expect(document.sections.count == 2000)
    #expect(document.blocks.count == 4001)
    #expect(document.section(number: 2000)?.blockIDs == ["s2000.p1"])
  }

  @Test func controlCharacterWarningsReachTheDocument() throws {
    let document = try Self.ingest("Title\nBody\u{1B}text.")
    #expect(document.diagnostics.map(\.code) == [.controlCharacter])
  }

  @Test func generatedDocumentsKeepTheInvariants() throws {
    // Documents assembled from many kinds of lines, with every line-end style.
    let pieces = [
      "Title line", "Source:Agency Editor:Person 2020-01-02 03:04:05", "1. Heading one", "A sentence.",
      "Items:", "first;", "second; and", "third.", "国际军事合作", "中文段落，内容。", "  indented text  ", "",
      "2. Heading two", "- bullet;", "tail text without end", "\u{3000}", "x", "😀 emoji line", "1.5 million",
    ]
    var generator = SplitMix(seed: 42)
    for _ in 0..<200 {
      let count = 1 + Int(generator.next() % 14)
      var lines: [String] = []
      for _ in 0..<count { lines.append(pieces[Int(generator.next() % UInt64(pieces.count))]) }
      let separator = ["\n", "\r\n", "\r"][Int(generator.next() % 3)]
      let text = lines.joined(separator: separator)
      guard text.contains(where: { !$0.isWhitespace }) else { continue }
      let document = try Self.ingest(text)
      #expect(!document.blocks.isEmpty)
    }
  }
}
