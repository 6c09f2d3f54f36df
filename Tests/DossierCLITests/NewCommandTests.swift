import DossierTestSupport
import Foundation
import Testing

/// `dossier new`: the scaffold of every repository document, of generated documents and of a Chinese
/// and a bilingual one validates with only the placeholder left to fill, and its metadata is what
/// `dossier inspect` finds.
@Suite(.serialized) struct NewCommandTests {
  /// A Chinese news article (Chinese byline labels and section numerals).
  static let chinese = """
    中国军队2021年国际军事合作亮点

    来源：中国军网 责任编辑：李佳瑶 2021-12-23 18:03:31

    一、高层交往

    中俄两军领导人通过视频通话保持密切沟通。双方同意深化合作。

    二、联合演习

    中国军队与俄罗斯军队举行“西部·联合-2021”演习。演习取得圆满成功。

    """

  /// An English article with a parallel Chinese version.
  static let bilingual = """
    Joint patrol at sea
    Source:China Military Online Editor:Chen Zhuo 2022-03-01 09:15:00
    The two navies held a joint maritime patrol in the western Pacific. It was the second such patrol.
    Both sides praised the cooperation.
    海上联合巡航
    中俄两国海军在西太平洋举行海上联合巡航。这是双方第二次联合巡航。

    """

  /// A temporary corpus: the repository's documents, three generated ones (when the generator beside
  /// the repository exists), a Chinese and a bilingual one — texts only.
  static func corpus() throws -> (folder: URL, names: [String], generated: Int) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dossier-new-\(UUID().uuidString)")
    let input = folder.appendingPathComponent("Input")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    var names: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.input.path).sorted()
    where name.hasSuffix(".txt") {
      try FileManager.default.copyItem(
        at: RepositoryPaths.input.appendingPathComponent(name), to: input.appendingPathComponent(name))
      names.append(name)
    }
    var generated = 0
    let generator = RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent(
      "shared/bench/gen_corpus.py")
    if FileManager.default.fileExists(atPath: generator.path) {
      let out = folder.appendingPathComponent("generated")
      let result = try CommandRunner.run(
        URL(fileURLWithPath: "/usr/bin/env"), ["python3", generator.path, out.path, "3", "--seed", "14"],
        in: folder)
      #expect(result.exitCode == 0, "\(result.stderr)")
      let made = out.appendingPathComponent("Input")
      for name in try FileManager.default.contentsOfDirectory(atPath: made.path).sorted()
      where name.hasSuffix(".txt") {
        try FileManager.default.copyItem(
          at: made.appendingPathComponent(name), to: input.appendingPathComponent(name))
        names.append(name)
        generated += 1
      }
    } else {
      print(
        "NOTE: \(generator.path) is absent; the generated documents of the `dossier new` test did not run.")
    }
    try chinese.write(to: input.appendingPathComponent("zh_article.txt"), atomically: true, encoding: .utf8)
    try bilingual.write(to: input.appendingPathComponent("bi_article.txt"), atomically: true, encoding: .utf8)
    names += ["zh_article.txt", "bi_article.txt"]
    return (folder, names, generated)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
  }

  @Test func scaffoldsValidateWithOnlyPlaceholders() throws {
    let (folder, names, generated) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(names.count >= 4 + generated)
    for name in names {
      let result = try CommandRunner.dossier(["new", "Input/\(name)"], in: folder)
      #expect(result.exitCode == 0, "\(name): \(result.stderr)")
      #expect(result.stderr.hasPrefix("wrote Input/"), "\(result.stderr)")
    }
    let result = try CommandRunner.dossier(
      ["validate", "--schemas", RepositoryPaths.schemas.path, "--reporter", "json"], in: folder)
    let report = try Self.json(result.stdout)
    let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
    // The only diagnostic of each scaffold is its empty list of activities (or terms).
    var placeholders: [String: Int] = [:]
    var others: [String] = []
    for diagnostic in diagnostics {
      let file = diagnostic["file"] as? String ?? ""
      let pointer = diagnostic["pointer"] as? String ?? ""
      if pointer == "/activities" || pointer == "/terms" {
        placeholders[file, default: 0] += 1
      } else {
        others.append("\(file): \(diagnostic["code"] ?? "") \(pointer) \(diagnostic["message"] ?? "")")
      }
    }
    #expect(others.isEmpty, "non-placeholder diagnostics: \(others)")
    for name in names {
      let yaml = "Input/" + name.dropLast(4) + ".yaml"
      #expect(placeholders[yaml] == 1, "\(yaml): \(placeholders[yaml] ?? 0) placeholder diagnostics")
    }
    print(
      "dossier new: \(names.count) documents (\(generated) generated), \(placeholders.values.reduce(0, +)) placeholder diagnostics, \(others.count) others"
    )
  }

  @Test func metadataEqualsInspect() throws {
    let (folder, names, _) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in names {
      _ = try CommandRunner.dossier(["new", "Input/\(name)"], in: folder)
      let inspect = try Self.json(
        try CommandRunner.dossier(["inspect", "--json", "Input/\(name)"], in: folder).stdout)
      let yaml = try String(
        contentsOf: folder.appendingPathComponent("Input/" + name.dropLast(4) + ".yaml"), encoding: .utf8)
      let metadata = Self.metadata(of: yaml)
      let title = (inspect["title"] as? [String: Any])?["text"] as? String
      #expect(metadata["title"] == title, "\(name) title")
      let byline = inspect["byline"] as? [String: Any]
      #expect(
        metadata["publisher"] == (byline?["source"] as? [String: Any])?["text"] as? String,
        "\(name) publisher")
      #expect(
        metadata["editor"] == (byline?["editor"] as? [String: Any])?["text"] as? String, "\(name) editor")
      let stamp = (byline?["timestamp"] as? [String: Any])?["text"] as? String
      #expect(
        metadata["published"].map { String($0.prefix(19)).replacingOccurrences(of: "T", with: " ") } == stamp,
        "\(name) published")
      let languages = (inspect["languages"] as? [String] ?? []).filter { $0 != "und" }
      #expect(metadata["languages"] == "[" + languages.joined(separator: ", ") + "]", "\(name) languages")
    }
  }

  /// The metadata fields of a scaffold, unquoted (the scaffold writes one field per line).
  static func metadata(of yaml: String) -> [String: String] {
    var fields: [String: String] = [:]
    var inside = false
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "metadata:" {
        inside = true
        continue
      }
      guard inside else { continue }
      guard line.hasPrefix("  "), !line.hasPrefix("  #") else {
        if !line.hasPrefix("  #") { inside = false }
        continue
      }
      let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { continue }
      var value = String(parts[1].drop { $0 == " " })
      if let comment = value.range(of: "  # ") { value = String(value[..<comment.lowerBound]) }
      if value.hasPrefix("\"") {
        value =
          (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed) as? String)
          ?? value
      }
      fields[String(parts[0])] = value
    }
    return fields
  }

  @Test func uncommentedSkeletonReportsOnlyItsPlaceholders() throws {
    let (folder, _, _) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try CommandRunner.dossier(["new", "Input/003_9ffac5d15d52c637.txt"], in: folder)
    let path = folder.appendingPathComponent("Input/003_9ffac5d15d52c637.yaml")
    let yaml = try String(contentsOf: path, encoding: .utf8)
    // Uncomment the first skeleton only.
    var lines: [String] = []
    var state = 0
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if state == 0 && line.hasPrefix("  # - id:") { state = 1 }
      if state == 1 && line.hasPrefix("  # ---") { state = 2 }
      if state == 1 && line.hasPrefix("  # ") {
        lines.append("  " + line.dropFirst(4))
      } else {
        lines.append(line)
      }
    }
    try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
    let result = try CommandRunner.dossier(
      [
        "validate", "--schemas", RepositoryPaths.schemas.path, "--reporter", "json",
        "Input/003_9ffac5d15d52c637.yaml",
      ], in: folder)
    let diagnostics = try Self.json(result.stdout)["diagnostics"] as? [[String: Any]] ?? []
    // Every problem is at a TODO: the id pattern, type, area, participant country and raw quote.
    #expect(!diagnostics.isEmpty)
    for diagnostic in diagnostics {
      let pointer = diagnostic["pointer"] as? String ?? ""
      let line = diagnostic["line"] as? Int ?? 0
      let text = lines.indices.contains(line - 1) ? lines[line - 1] : ""
      #expect(
        text.contains("TODO") || text.contains("-todo"),
        "\(pointer): \(diagnostic["message"] ?? "") at \(text)")
    }
  }

  @Test func refusesToOverwriteWithoutForce() throws {
    let (folder, _, _) = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try CommandRunner.dossier(["new", "Input/bi_article.txt"], in: folder)
    #expect(first.exitCode == 0)
    let path = folder.appendingPathComponent("Input/bi_article.yaml")
    try "kind: edited\n".write(to: path, atomically: true, encoding: .utf8)
    let again = try CommandRunner.dossier(["new", "Input/bi_article.txt"], in: folder)
    #expect(again.exitCode == 2)
    #expect(again.stderr.contains("exists; --force overwrites it"))
    #expect(try String(contentsOf: path, encoding: .utf8) == "kind: edited\n")
    let forced = try CommandRunner.dossier(["new", "--force", "Input/bi_article.txt"], in: folder)
    #expect(forced.exitCode == 0)
    #expect(try String(contentsOf: path, encoding: .utf8).hasPrefix("# yaml-language-server"))
    let missing = try CommandRunner.dossier(["new", "Input/none.txt"], in: folder)
    #expect(missing.exitCode == 2)
  }
}
