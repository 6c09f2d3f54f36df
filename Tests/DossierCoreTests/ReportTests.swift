import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The HTML report: every evidence record has exactly one highlight linked to its activity card and
/// back (checked by parsing the pages with libxml2's HTML parser), the bytes are deterministic, and
/// the text and every value are escaped.
@Suite struct ReportTests {
  /// One evidence record as the check needs it.
  struct Evidence: Hashable {
    var document: String
    var activity: String
    var id: String
    var quote: String
  }

  static func report(_ corpus: [CorpusDocumentInput]) async throws -> (
    files: [String: [UInt8]], outcome: ReportPipeline.Outcome
  ) {
    let pipeline = try ReportPipeline(schemas: ValidateFixtures.schemaFiles())
    var files: [String: [UInt8]] = [:]
    let outcome = await pipeline.run(corpus) { files[$0.path] = $0.bytes }
    return (files, outcome)
  }

  /// The evidence records of the committed bag (`Exports/data/jsonl/evidence.jsonl`).
  static func committedEvidence() throws -> [Evidence] {
    let url = RepositoryPaths.root.appendingPathComponent("Exports/data/jsonl/evidence.jsonl")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
      return Evidence(
        document: object["document_id"] as? String ?? "", activity: object["activity_id"] as? String ?? "",
        id: object["evidence_id"] as? String ?? "", quote: object["quote"] as? String ?? "")
    }
  }

  /// Checks every evidence record against the parsed pages; returns the number checked.
  @discardableResult
  static func verify(_ files: [String: [UInt8]], evidence: [Evidence]) throws -> Int {
    var pages: [String: HTMLNode] = [:]
    for item in evidence where pages[item.document] == nil {
      let bytes = try #require(files["documents/\(item.document).html"], "no page for \(item.document)")
      let page: HTMLNode = try #require(HTMLNode.parse(bytes))
      pages[item.document] = page
    }
    for item in evidence {
      let page = try #require(pages[item.document])
      let nodes = page.descendants
      var byID: [String: HTMLNode] = [:]
      for node in nodes {
        if let id = node.attributes["id"] {
          #expect(byID[id] == nil, "duplicate id \(id) in \(item.document)")
          byID[id] = node
        }
      }
      // Exactly one highlight holds the record.
      let marks = nodes.filter {
        $0.name == "mark"
          && ($0.attributes["data-evidence"] ?? "").split(separator: " ").contains(Substring(item.id))
      }
      #expect(marks.count == 1, "\(item.id): \(marks.count) highlights")
      guard let mark = marks.first, let markID = mark.attributes["id"] else { continue }
      // Its text (without the reference numbers) is the quote, unless it was split around a boundary.
      let continued = nodes.contains { $0.attributes["data-continues"] == markID }
      if !continued {
        #expect(mark.textContent { $0.name == "sup" } == item.quote, "\(item.id) text")
      }
      // Its link resolves to the card of its activity.
      let links = mark.descendants.filter { $0.name == "a" && $0.attributes["data-evidence"] == item.id }
      #expect(links.count == 1, "\(item.id): \(links.count) links")
      guard let href = links.first?.attributes["href"], href.hasPrefix("#") else { continue }
      let card = byID[String(href.dropFirst())]
      #expect(card?.name == "article", "\(item.id) → \(href) is not a card")
      #expect(card?.attributes["data-activity"] == item.activity, "\(item.id) → wrong card")
      // And the card links back to the highlight.
      let back =
        card?.descendants.filter { $0.name == "a" && $0.attributes["data-evidence"] == item.id } ?? []
      #expect(back.count == 1 && back.first?.attributes["href"] == "#" + markID, "\(item.id): no link back")
    }
    return evidence.count
  }

  @Test func everyEvidenceRecordHasOneLinkedHighlight() async throws {
    let (files, outcome) = try await Self.report(Array(try ValidateFixtures.seedCorpus().values))
    #expect(outcome.produced)
    let evidence = try Self.committedEvidence()
    #expect(evidence.count > 0)
    let checked = try Self.verify(files, evidence: evidence)
    print("report: \(checked) evidence records checked, \(files.count) files")
    #expect(
      files.keys.sorted() == [
        "documents/000_ec6a5abef4a65f2a.html", "documents/003_9ffac5d15d52c637.html", "index.html",
      ])
  }

  @Test func termsOfDefinitionsAreHighlightedAndLinked() async throws {
    let (files, _) = try await Self.report(Array(try ValidateFixtures.seedCorpus().values))
    let bytes = try #require(files["documents/000_ec6a5abef4a65f2a.html"])
    let page = try #require(HTMLNode.parse(bytes))
    let nodes = page.descendants
    let ids = Set(nodes.compactMap { $0.attributes["id"] })
    let marks = nodes.filter { $0.name == "mark" && $0.attributes["data-term"] != nil }
    #expect(marks.count == 20)  // 10 terms in English and Chinese
    for mark in marks {
      let href = mark.descendants.first { $0.name == "a" }?.attributes["href"] ?? ""
      #expect(ids.contains(String(href.dropFirst())), "\(href)")
    }
    // The Chinese text is marked as Chinese.
    #expect(
      nodes.contains {
        $0.name == "span" && $0.attributes["lang"] == "zh" && $0.textContent().contains("国际军事合作")
      })
  }

  @Test func twoRunsGiveTheSameBytes() async throws {
    let corpus = Array(try ValidateFixtures.seedCorpus().values)
    let (first, _) = try await Self.report(corpus)
    let (second, _) = try await Self.report(corpus.reversed())
    #expect(first == second)
  }

  @Test func indexCountsAndCharts() async throws {
    let (files, _) = try await Self.report(Array(try ValidateFixtures.seedCorpus().values))
    let bytes = try #require(files["index.html"])
    let index = try #require(HTMLNode.parse(bytes))
    let nodes = index.descendants
    let svgs = nodes.filter { $0.name == "svg" }
    #expect(svgs.count == 4)
    for svg in svgs {
      #expect(svg.attributes["role"] == "img")
      #expect(svg.children.contains { $0.name == "title" && !$0.textContent().isEmpty })
    }
    let links = nodes.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
    #expect(links.contains("documents/003_9ffac5d15d52c637.html"))
    #expect(!links.contains { $0.hasPrefix("http") })
    let activities = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("Exports/data/jsonl/activities.jsonl"),
      encoding: .utf8
    ).split(separator: "\n").count
    #expect(index.textContent().contains("\(activities) activities"))
  }

  @Test func hostileTextIsEscaped() async throws {
    let text = """
      <script>alert("x")</script> & Co.
      Source:A&B "News" Editor:O'Brien 2021-01-02 03:04:05
      1. Heading <b>bold</b>
      The <i>navies</i> held "Joint Sea-2021" & more.
      """
    let yaml = """
      kind: news_article
      metadata:
        languages: [en]
      activities:
        - id: x-1
          section: 1
          type: exercise
          areas: [joint_exercises_training]
          date: {edtf: "2021", basis: inferred_publication_year}
          participants:
            - {country: China, role: participant, raw: The <i>navies</i>}
          evidence:
            - The <i>navies</i> held "Joint Sea-2021" & more.
      """
    let corpus = [
      CorpusDocumentInput(
        id: "a&b", text: CorpusFile(path: "Input/a&b.txt", bytes: Array(text.utf8)),
        annotation: CorpusFile(path: "Input/a&b.yaml", bytes: Array(yaml.utf8)))
    ]
    let (files, outcome) = try await Self.report(corpus)
    #expect(outcome.produced, "\(outcome.diagnostics.map(\.message))")
    let page = try #require(files["documents/a&b.html"])
    let html = String(decoding: page, as: UTF8.self)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<i>"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    let indexBytes = try #require(files["index.html"])
    let index = String(decoding: indexBytes, as: UTF8.self)
    #expect(index.contains("href=\"documents/a%26b.html\""))
    try Self.verify(
      files,
      evidence: [
        Evidence(
          document: "a&b", activity: "x-1", id: "x-1.e1",
          quote: "The <i>navies</i> held \"Joint Sea-2021\" & more.")
      ])
  }

  @Test func nothingIsProducedWhenTheCorpusHasErrors() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    let id = "003_9ffac5d15d52c637"
    let broken = String(decoding: corpus[id]!.annotation!.bytes, as: UTF8.self)
      .replacingOccurrences(of: "type: exercise", with: "type: exersize")
    corpus[id]!.annotation!.bytes = Array(broken.utf8)
    let (files, outcome) = try await Self.report(Array(corpus.values))
    #expect(!outcome.produced)
    #expect(files.isEmpty)
    #expect(outcome.diagnostics.contains { $0.severity == .error })
  }

  @Test func documentsWithoutAnnotationAreListedWithoutAPage() async throws {
    var corpus = try ValidateFixtures.seedCorpus()
    corpus["zz"] = CorpusDocumentInput(
      id: "zz", text: CorpusFile(path: "Input/zz.txt", bytes: Array("未注释的文章\n\n正文。\n".utf8)), annotation: nil)
    let (files, outcome) = try await Self.report(Array(corpus.values))
    #expect(outcome.produced)
    #expect(files["documents/zz.html"] == nil)
    let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
    #expect(index.contains("<tr><td>zz</td><td>未注释的文章</td><td>not annotated</td>"))
    #expect(index.contains("<code>Input/zz.txt: warning [A008]</code>"))
  }
}
