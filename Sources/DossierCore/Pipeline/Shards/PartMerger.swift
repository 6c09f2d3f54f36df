import Foundation

/// `dossier merge` as a value API: checks that parts written by `dossier build --shard K/N` belong
/// together and are intact, runs the checks across documents that each shard left out (activity ids
/// unique across the corpus, the area labels' source document present), and streams the bag into a
/// sink: byte for byte the bag `dossier build` writes for the whole corpus (documents in id order,
/// each table's rows interleaved in that order). If anything is wrong, the sink receives nothing
/// more and `exported` is false: the caller discards what it holds. No disk I/O.
public struct PartMerger: Sendable {
  public init() {}

  /// What a merge gave.
  public struct Result: Sendable {
    /// Every diagnostic: the parts' own and the merge's, sorted by location.
    public var diagnostics: [Diagnostic] = []
    /// True when the bag is complete.
    public var exported = false
    /// Files in the bag when `exported`.
    public var fileCount = 0
    /// The documents merged, in id order.
    public var documentIDs: [String] = []
    /// A part could not be read or the sink failed (an I/O problem, exit status 2).
    public var ioError: String?
  }

  /// A part with its index and its manifest.
  struct Loaded {
    var store: any PartStore
    var index: PartIndex
    /// `data/…` path → SHA-256, from `manifest-sha256.txt`.
    var manifest: [String: String] = [:]
  }

  /// Merges `parts` into `sink`; see the type's documentation.
  public func merge(_ parts: [any PartStore], into sink: some BagSink, strict: Bool = false) -> Result {
    var result = Result()
    do {
      var problems: [Diagnostic] = []
      var loaded = try load(parts, problems: &problems)
      if problems.isEmpty { problems += belonging(loaded) }
      if problems.isEmpty {
        for i in loaded.indices where loaded[i].index.complete {
          problems += try verify(&loaded[i])
        }
      }
      guard problems.isEmpty else {
        result.diagnostics = problems.sorted()
        return result
      }
      let order = documentOrder(loaded)
      var diagnostics = loaded.flatMap(\.index.diagnostics) + corpusChecks(loaded, order: order)
      for part in loaded
      where !part.index.complete && !part.index.diagnostics.contains(where: { $0.severity == .error }) {
        diagnostics.append(
          .error(
            .partIncomplete, "shard \(part.index.shard) failed and holds no exports",
            at: location(part.store, PartIndex.fileName),
            help: "build the shard again once its diagnostics are fixed"))
      }
      result.diagnostics = diagnostics.sorted()
      guard !DiagnosticPolicy(strict: strict).fails(result.diagnostics),
        loaded.allSatisfy(\.index.complete)
      else { return result }
      try write(loaded, order: order, into: sink, result: &result)
    } catch {
      result.ioError = "\(error)"
      result.exported = false
    }
    return result
  }

  /// The location of a part's file in messages (whole file, line 0).
  func location(_ store: any PartStore, _ path: String) -> SourceLocation {
    var base = store.name
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    return SourceLocation(file: base.isEmpty ? path : base + "/" + path, line: 0, column: 0)
  }

  /// Reads and checks each part's index and its digest.
  func load(_ parts: [any PartStore], problems: inout [Diagnostic]) throws -> [Loaded] {
    var loaded: [Loaded] = []
    for store in parts {
      let at = location(store, PartIndex.fileName)
      guard let bytes = try store.read(PartIndex.fileName) else {
        problems.append(
          .error(
            .partUnreadable, "\(store.name) is not a part: it has no \(PartIndex.fileName)", at: at,
            help: "give the folders written by `dossier build --shard K/N --output PART`"))
        continue
      }
      let recorded = try store.read(PartIndex.digestFileName).map { String(decoding: $0, as: UTF8.self) }
      guard let recorded, recorded.trimmingCharacters(in: .whitespacesAndNewlines) == Digest.sha256Hex(bytes)
      else {
        problems.append(
          .error(
            .partFixity,
            recorded == nil
              ? "\(PartIndex.digestFileName) is missing, so the index cannot be checked"
              : "the index changed after it was written: its SHA-256 is not the one in \(PartIndex.digestFileName)",
            at: at))
        continue
      }
      let index: PartIndex
      do {
        index = try JSONDecoder().decode(PartIndex.self, from: Data(bytes))
      } catch {
        problems.append(.error(.partUnreadable, "the part index cannot be read: \(error)", at: at))
        continue
      }
      guard index.format == PartIndex.formatName else {
        problems.append(
          .error(
            .partUnreadable,
            "the part index has format '\(index.format)'; this Dossier reads '\(PartIndex.formatName)'",
            at: at))
        continue
      }
      loaded.append(Loaded(store: store, index: index))
    }
    return loaded
  }

  /// Checks that the parts are the N shards of one build (M002).
  func belonging(_ loaded: [Loaded]) -> [Diagnostic] {
    guard let first = loaded.first else {
      return [.error(.partsMismatch, "no part to merge", help: "give every part folder of the build")]
    }
    var problems: [Diagnostic] = []
    let n = first.index.shard.count
    func mismatch(_ part: Loaded, _ what: String, _ value: String, _ expected: String) {
      problems.append(
        .error(
          .partsMismatch,
          "\(part.store.name) was built with \(what) \(value), \(first.store.name) with \(expected)",
          at: location(part.store, PartIndex.fileName),
          help: "build every shard with the same schemas, vocabularies, formats and Dossier version"))
    }
    var byShard: [Int: [String]] = [:]
    for part in loaded {
      let index = part.index
      if index.shard.count != n {
        problems.append(
          .error(
            .partsMismatch,
            "\(part.store.name) is shard \(index.shard) but \(first.store.name) is shard \(first.index.shard): the parts split the corpus a different number of ways",
            at: location(part.store, PartIndex.fileName)))
        continue
      }
      byShard[index.shard.index, default: []].append(part.store.name)
      if index.version != first.index.version {
        mismatch(part, "Dossier", index.version, first.index.version)
      }
      if index.formats != first.index.formats {
        mismatch(
          part, "the formats", index.formats.joined(separator: ","),
          first.index.formats.joined(separator: ","))
      }
      if index.configurationDigest != first.index.configurationDigest {
        mismatch(
          part, "schemas or vocabularies with digest", String(index.configurationDigest.prefix(12)),
          String(first.index.configurationDigest.prefix(12)))
      }
      if index.softwareAgent != first.index.softwareAgent {
        mismatch(part, "the software agent", index.softwareAgent, first.index.softwareAgent)
      }
    }
    for k in 1...max(1, n) {
      let names = byShard[k] ?? []
      if names.isEmpty {
        problems.append(
          .error(
            .partsMismatch, "shard \(k)/\(n) is missing", help: "give all \(n) parts of the build to merge"))
      } else if names.count > 1 {
        problems.append(
          .error(
            .partsMismatch,
            "shard \(k)/\(n) is given \(names.count) times: \(names.joined(separator: ", "))",
            at: SourceLocation(file: names[1] + "/" + PartIndex.fileName, line: 0, column: 0)))
      }
    }
    var owner: [String: String] = [:]
    for part in loaded {
      for document in part.index.documents {
        if let other = owner[document.id] {
          problems.append(
            .error(
              .partsMismatch, "document \(document.id) is in two parts: \(other) and \(part.store.name)",
              at: location(part.store, PartIndex.fileName)))
        } else {
          owner[document.id] = part.store.name
        }
      }
    }
    return problems
  }

  /// Checks a complete part's tag manifest and every payload file against its manifest (M003), and
  /// that every file the index names is in the manifest (M001).
  func verify(_ part: inout Loaded) throws -> [Diagnostic] {
    let store = part.store
    var problems: [Diagnostic] = []
    func manifest(_ path: String) throws -> [String: String]? {
      guard let bytes = try store.read(path) else {
        problems.append(.error(.partUnreadable, "the part has no \(path)", at: location(store, path)))
        return nil
      }
      var entries: [String: String] = [:]
      for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        guard let space = line.firstIndex(of: " ") else { continue }
        let digest = String(line[..<space])
        let rest = line[space...].drop { $0 == " " }
        entries[Self.decodeManifestPath(String(rest))] = digest
      }
      return entries
    }
    func check(_ path: String, _ expected: String) throws {
      guard let actual = try store.sha256(path) else {
        problems.append(
          .error(
            .partUnreadable, "\(path) is listed in the part's manifest but missing", at: location(store, path)
          ))
        return
      }
      if actual != expected {
        problems.append(
          .error(
            .partFixity, "\(path) changed after the part was written (its SHA-256 differs from the manifest)",
            at: location(store, path)))
      }
    }
    guard let tags = try manifest("tagmanifest-sha256.txt") else { return problems }
    for path in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"] where tags[path] == nil {
      problems.append(
        .error(
          .partUnreadable, "tagmanifest-sha256.txt does not list \(path)",
          at: location(store, "tagmanifest-sha256.txt")))
    }
    for (path, digest) in tags.sorted(by: { $0.key < $1.key }) { try check(path, digest) }
    guard problems.isEmpty, let payload = try manifest("manifest-sha256.txt") else { return problems }
    for (path, digest) in payload.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      try check(path, digest)
    }
    let named =
      part.index.tables.map(\.path) + part.index.fixedFiles + part.index.documents.flatMap(\.files)
    for path in named where payload[path] == nil {
      problems.append(
        .error(
          .partUnreadable, "\(path) is named by the part index but not in its manifest",
          at: location(store, "manifest-sha256.txt")))
    }
    part.manifest = payload
    return problems
  }

  /// Every document of every part, in id order, with the position of its part.
  func documentOrder(_ loaded: [Loaded]) -> [(part: Int, document: PartIndex.Document)] {
    loaded.indices.flatMap { i in loaded[i].index.documents.map { (part: i, document: $0) } }
      .sorted { $0.document.id.utf8.lexicographicallyPrecedes($1.document.id.utf8) }
  }

  /// The checks across documents that each shard left out, as `dossier build` runs them.
  func corpusChecks(
    _ loaded: [Loaded], order: [(part: Int, document: PartIndex.Document)]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var firstUse: [String: SourceLocation?] = [:]
    for (_, document) in order {
      for activity in document.activities {
        if let first = firstUse[activity.id] {
          diagnostics.append(
            CorpusChecks.duplicateID(
              activity.id, pointer: activity.pointer, at: activity.location, firstUse: first))
        } else {
          firstUse[activity.id] = activity.location
        }
      }
    }
    if let source = loaded.lazy.compactMap(\.index.areaSource).first,
      !order.contains(where: { $0.document.id == source.document })
    {
      diagnostics.append(CorpusChecks.missingAreaSource(source))
    }
    return diagnostics
  }

  /// Streams the merged bag into the sink.
  func write(
    _ loaded: [Loaded], order: [(part: Int, document: PartIndex.Document)], into sink: some BagSink,
    result: inout Result
  ) throws {
    guard let first = loaded.first else { return }
    var timings = StageTimings()
    var bag = BagStream(sink: sink)
    func payload(_ path: String) -> String { String(path.dropFirst("data/".count)) }
    let tables = try first.index.tables.map { table in
      ExportFile(
        path: payload(table.path),
        bytes: try first.store.read(table.path, offset: 0, length: table.headerLength))
    }
    let fixed = try first.index.fixedFiles.map { path in
      guard let bytes = try first.store.read(path) else { throw PartStoreError("cannot read '\(path)'") }
      return ExportFile(path: payload(path), bytes: bytes)
    }
    bag.start(tableFiles: tables, fixedFiles: fixed)
    let tableOrder = first.index.tables.map(\.path)
    for (i, document) in order where !bag.failed {
      let part = loaded[i]
      var output = DocumentExporter.Output()
      var digests: [String] = []
      for path in document.files {
        guard let bytes = try part.store.read(path) else {
          throw PartStoreError("cannot read '\(part.store.name)/\(path)'")
        }
        output.files.append(ExportFile(path: payload(path), bytes: bytes))
        digests.append(part.manifest[path] ?? Digest.sha256Hex(bytes))
      }
      for path in tableOrder {
        guard let range = document.rows[path], range.count == 2 else { continue }
        output.rows.append(
          ExportFile(
            path: payload(path), bytes: try part.store.read(path, offset: range[0], length: range[1])))
      }
      bag.add(output, id: document.id, digests: digests, timings: &timings)
      result.documentIDs.append(document.id)
    }
    bag.finish(softwareAgent: first.index.softwareAgent, timings: &timings)
    if let error = bag.writeError {
      result.ioError = error
      return
    }
    result.exported = true
    result.fileCount = bag.fileCount
  }

  /// Undoes the percent-encoding of manifest paths (`%25`, `%0D`, `%0A`).
  static func decodeManifestPath(_ path: String) -> String {
    guard path.contains("%") else { return path }
    return path.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
      .replacingOccurrences(of: "%25", with: "%")
  }
}
