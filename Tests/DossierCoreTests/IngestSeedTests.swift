import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The two seed documents, block by block: kind, language, text and span, each checked against the
/// source lines computed independently of the ingester.
@Suite struct IngestSeedTests {
  /// A line of a file: its text and the scalar offset where it starts.
  struct SourceLine {
    let start: Int
    let text: String
    var end: Int { start + text.unicodeScalars.count }
  }

  static func load(_ name: String) throws -> (SourceDocument, IngestedDocument, [SourceLine]) {
    let url = RepositoryPaths.input.appendingPathComponent(name)
    let bytes = try [UInt8](Data(contentsOf: url))
    let source = try SourceDocument(path: "Input/\(name)", bytes: bytes)
    let document = try DocumentIngester().ingest(source)
    // Lines computed without the ingester: the seeds use LF only.
    var lines: [SourceLine] = []
    var offset = 0
    for line in String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lines.append(SourceLine(start: offset, text: String(line)))
      offset += line.unicodeScalars.count + 1
    }
    return (source, document, lines)
  }

  /// Slicing the text at every span gives the text stored with it.
  static func expectSpansSliceToText(_ source: SourceDocument, _ document: IngestedDocument) {
    let scalars = Array(source.text.unicodeScalars)
    func slice(_ start: Int, _ end: Int) -> String {
      String(String.UnicodeScalarView(scalars[start..<end]))
    }
    for block in document.blocks {
      #expect(slice(block.start, block.end) == block.text, "block \(block.id)")
      #expect(source.text(in: block.range) == block.text, "block \(block.id)")
      #expect(source.lineIndex.position(of: block.start).line == block.startLine, "block \(block.id)")
      #expect(source.lineIndex.position(of: block.end - 1).line == block.endLine, "block \(block.id)")
    }
    for section in document.sections {
      #expect(slice(section.heading.start, section.heading.end) == section.heading.text)
      #expect(slice(section.title.start, section.title.end) == section.title.text)
    }
    var fields: [SpannedText] = []
    if let title = document.title { fields.append(title) }
    if let byline = document.byline {
      fields += [byline.line, byline.source, byline.editor, byline.author, byline.timestamp].compactMap { $0 }
    }
    for field in fields {
      #expect(slice(field.start, field.end) == field.text)
      #expect(source.lineIndex.position(of: field.start) == (field.line, field.column))
    }
  }

  @Test func doc003EveryBlock() throws {
    let (source, document, lines) = try Self.load("003_9ffac5d15d52c637.txt")
    #expect(lines.count == 31)
    // (id, kind, 1-based line): every non-blank line is one block.
    var expected: [(String, Block.Kind, Int)] = [("title", .title, 1), ("byline", .byline, 3)]
    for number in 1...7 {
      expected.append(("s\(number)", .heading, 1 + 4 * number))
      expected.append(("s\(number).p1", .paragraph, 3 + 4 * number))
    }
    #expect(document.blocks.map(\.id) == expected.map(\.0))
    for (block, (id, kind, lineNumber)) in zip(document.blocks, expected) {
      let line = lines[lineNumber - 1]
      #expect(block.id == id)
      #expect(block.kind == kind, "\(id)")
      #expect(block.language == "en", "\(id)")
      #expect(block.text == line.text, "\(id)")
      #expect(block.start == line.start && block.end == line.end, "\(id)")
      #expect(block.startLine == lineNumber && block.endLine == lineNumber, "\(id)")
      #expect(block.startColumn == 1 && block.endColumn == line.text.unicodeScalars.count + 1, "\(id)")
      #expect(block.section == (id.hasPrefix("s") ? Int(id.dropFirst().prefix(1)) : nil), "\(id)")
      #expect(block.version == nil && block.parent == nil && block.terminator == nil && block.marker == nil)
    }
    Self.expectSpansSliceToText(source, document)
  }

  @Test func doc003TitleBylineAndSections() throws {
    let (_, document, lines) = try Self.load("003_9ffac5d15d52c637.txt")
    #expect(document.id == "003_9ffac5d15d52c637")
    #expect(document.title?.text == "Highlights of China's international military cooperation in 2021")
    #expect(document.title?.start == 0 && document.title?.end == 64)
    let byline = try #require(document.byline)
    #expect(byline.source?.text == "China Military Online")
    #expect(byline.editor?.text == "Li Jiayao")
    #expect(byline.timestamp?.text == "2021-12-23 18:03:31")
    #expect(byline.author == nil)
    // Spans of the byline fields inside line 3 ("Source:" is 7 scalars, "Editor:" 7).
    let bylineStart = lines[2].start
    #expect(byline.source?.start == bylineStart + 7 && byline.source?.end == bylineStart + 28)
    #expect(byline.editor?.start == bylineStart + 36 && byline.editor?.end == bylineStart + 45)
    #expect(byline.timestamp?.start == bylineStart + 46 && byline.timestamp?.end == lines[2].end)
    #expect(byline.line.line == 3 && byline.source?.line == 3 && byline.source?.column == 8)

    #expect(document.sections.count == 7)
    for (index, section) in document.sections.enumerated() {
      let headingLine = lines[4 + 4 * index]
      let bodyLine = lines[6 + 4 * index]
      #expect(section.number == index + 1)
      #expect(section.id == "s\(index + 1)")
      #expect(section.marker == "\(index + 1).")
      #expect(section.heading.text == headingLine.text)
      #expect(section.heading.start == headingLine.start && section.heading.end == headingLine.end)
      #expect(section.title.text == String(headingLine.text.dropFirst(3)))
      #expect(section.title.start == headingLine.start + 3)
      #expect(section.blockIDs == ["s\(index + 1).p1"])
      #expect(section.bodyStart == bodyLine.start && section.bodyEnd == bodyLine.end)
      #expect(section.start == headingLine.start && section.end == bodyLine.end)
      #expect(section.version == nil && section.language == "en")
    }
    // The spans published in the domain model for section 3.
    let third = try #require(document.section(number: 3))
    #expect(third.heading.range == 1514..<1567)
    #expect(third.bodyStart == 1569 && third.bodyEnd == 2013)
    #expect(document.blocks(in: third).map(\.id) == ["s3.p1"])
    #expect(document.languages == ["en"])
    #expect(document.versions.isEmpty)
    #expect(document.diagnostics.isEmpty)
  }

  static let doc000Items = [
    "security dialog and consultation",
    "joint international military operations including counter-terrorism operations",
    "joint military exercises and training",
    "military equipment and technology cooperation",
    "personnel exchanges",
    "international arms control",
    "providing international public security goods, including UN peacekeeping operations, naval escort "
      + "missions, and humanitarian assistance and disaster relief (HADR) operations",
  ]

  @Test func doc000EveryBlock() throws {
    let (source, document, lines) = try Self.load("000_ec6a5abef4a65f2a.txt")
    #expect(lines.count == 13)
    let expected: [(String, Block.Kind, String, Int)] = [
      ("title", .title, "en", 1), ("s0.p1", .paragraph, "en", 2),
      ("s0.l1", .listItem, "en", 3), ("s0.l2", .listItem, "en", 4), ("s0.l3", .listItem, "en", 5),
      ("s0.l4", .listItem, "en", 6), ("s0.l5", .listItem, "en", 7), ("s0.l6", .listItem, "en", 8),
      ("s0.l7", .listItem, "en", 9), ("s0.p2", .paragraph, "en", 10), ("s0.p3", .paragraph, "en", 11),
      ("zh.title", .title, "zh", 12), ("zh.p1", .paragraph, "zh", 13),
    ]
    #expect(document.blocks.map(\.id) == expected.map(\.0))
    let terminators = [";", ";", ";", ";", ";", "; and", "."]
    for (block, (id, kind, language, lineNumber)) in zip(document.blocks, expected) {
      let line = lines[lineNumber - 1]
      #expect(block.kind == kind, "\(id)")
      #expect(block.language == language, "\(id)")
      #expect(block.startLine == lineNumber && block.endLine == lineNumber, "\(id)")
      #expect(block.start == line.start, "\(id)")
      #expect(block.section == nil, "\(id)")
      if kind == .listItem {
        let item = Int(id.dropFirst(4))! - 1
        #expect(block.text == Self.doc000Items[item])
        #expect(block.terminator == terminators[item])
        #expect(block.text + block.terminator! == line.text)
        #expect(block.end == line.end - terminators[item].unicodeScalars.count)
        #expect(block.parent == "s0.p1")
        #expect(block.marker == nil)
      } else {
        #expect(block.text == line.text, "\(id)")
        #expect(block.end == line.end, "\(id)")
        #expect(block.terminator == nil && block.parent == nil)
      }
      #expect(block.version == (language == "zh" ? "zh" : nil), "\(id)")
    }
    Self.expectSpansSliceToText(source, document)
  }

  @Test func doc000TitleListAndChineseVersion() throws {
    let (_, document, lines) = try Self.load("000_ec6a5abef4a65f2a.txt")
    #expect(document.title?.text == "International Military Cooperation")
    #expect(document.byline == nil)
    #expect(document.sections.isEmpty)
    #expect(document.languages == ["en", "zh"])
    let items = document.blocks.filter { $0.kind == .listItem }
    #expect(items.map(\.text) == Self.doc000Items)
    // Spans from the domain model's table of cooperation areas.
    #expect(items[0].range == 459..<491)
    #expect(items[5].range == 680..<706)
    #expect(items[6].start == 712)
    #expect(document.block(id: "s0.p1")?.text.hasSuffix("Areas of cooperation include:") == true)

    let version = try #require(document.versions.first)
    #expect(document.versions.count == 1)
    #expect(version.id == "zh" && version.language == "zh")
    #expect(version.title.text == "国际军事合作")
    #expect(version.title.line == 12)
    #expect(version.blockIDs == ["zh.title", "zh.p1"])
    #expect(version.start == lines[11].start && version.end == lines[12].end)
    let paragraph = try #require(document.block(id: "zh.p1"))
    #expect(paragraph.text.hasPrefix("开展军事交流与合作是中国《国防法》的明确规定。"))
    #expect(paragraph.text.hasSuffix("构建起全方位、宽领域、多层次的国际军事合作新格局。"))
    #expect(document.diagnostics.isEmpty)
  }
}
