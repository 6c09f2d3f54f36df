import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// Runs the official yaml-test-suite (`../shared/conformance/yaml-test-suite/`, data release 2022-01-17).
@Suite struct YAMLConformanceTests {
  /// Why a case is skipped.
  enum Skip {
    /// libyaml 0.2.5 itself gets the case wrong (rejects valid input or gives a wrong value), and no
    /// check on top of its events can repair that. These cases are still run: if one starts passing
    /// (a newer libyaml), the test prints a note so the entry can be removed.
    case libyaml(String)
    /// The value uses a tag JSON cannot represent. The case is still run and must be rejected with
    /// `Y003` (unsupported tag) and nothing else.
    case unsupportedTag(String)
  }

  /// Every skipped case with its reason (72 of 402), from `Cases/yaml-test-suite-skips.yaml`. The
  /// invalid inputs libyaml accepts are not here:
  /// the loader's own checks reject them (comments without a space, flow and quoted continuation lines
  /// indented too little, lone indicators as plain scalars, directives without `...`, block scalar
  /// leading empty lines).
  static let skipped: [String: Skip] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Cases/yaml-test-suite-skips.yaml")
    guard let bytes = try? [UInt8](Data(contentsOf: url)),
      let value = try? YAMLLoader().load(bytes, file: url.path).value
    else { return [:] }
    var skipped: [String: Skip] = [:]
    for (id, reason) in value["libyaml"]?.objectValue?.pairs ?? [] {
      skipped[id] = reason.stringValue.map(Skip.libyaml)
    }
    for (id, reason) in value["unsupported-tag"]?.objectValue?.pairs ?? [] {
      skipped[id] = reason.stringValue.map(Skip.unsupportedTag)
    }
    return skipped
  }()

  /// The skip list loads whole (a file that does not load would give no skips at all).
  @Test func skipListLoads() {
    #expect(Self.skipped.count == 72)
    #expect(Self.skipped.values.filter { if case .unsupportedTag = $0 { true } else { false } }.count == 16)
  }

  struct Case {
    var id: String
    var folder: URL
    var name: String
  }

  static func cases(in root: URL) -> [Case] {
    let data = root.appendingPathComponent("data")
    let fm = FileManager.default
    var out: [Case] = []
    for id in ((try? fm.contentsOfDirectory(atPath: data.path)) ?? []).sorted() {
      let folder = data.appendingPathComponent(id)
      if fm.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
        out.append(Case(id: id, folder: folder, name: ""))
      } else {
        for sub in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
          let subFolder = folder.appendingPathComponent(sub)
          if fm.fileExists(atPath: subFolder.appendingPathComponent("in.yaml").path) {
            out.append(Case(id: "\(id)/\(sub)", folder: subFolder, name: ""))
          }
        }
      }
    }
    return out.map { c in
      var c = c
      c.name =
        (try? String(contentsOf: c.folder.appendingPathComponent("==="), encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      return c
    }
  }

  /// Whether a case passes: rejected when it has an `error` file, else equal to `in.json`.
  static func passes(_ c: Case, input: [UInt8], loader: YAMLLoader, file: String) -> Bool {
    let fm = FileManager.default
    if fm.fileExists(atPath: c.folder.appendingPathComponent("error").path) {
      return (try? loader.loadAll(input, file: file)) == nil
    }
    let jsonURL = c.folder.appendingPathComponent("in.json")
    guard let text = try? String(contentsOf: jsonURL, encoding: .utf8),
      let expected = try? JSONReader().readAll(text)
    else {
      return !loader.compose(input, file: file).diagnostics.contains { $0.code == .yamlSyntax }
    }
    return (try? loader.loadAll(input, file: file).map(\.value)) == expected
  }

  @Test func officialSuite() throws {
    guard let root = RepositoryPaths.conformanceSuite("yaml-test-suite") else { return }
    let fm = FileManager.default
    var passed = 0
    var skipped = 0
    var failures: [String] = []
    var eventOnly = 0
    for c in Self.cases(in: root) {
      let input = try [UInt8](Data(contentsOf: c.folder.appendingPathComponent("in.yaml")))
      let loader = YAMLLoader()
      let file = "\(c.id)/in.yaml"
      switch Self.skipped[c.id] {
      case .unsupportedTag:
        skipped += 1
        do {
          _ = try loader.loadAll(input, file: file)
          failures.append("\(c.id) [\(c.name)]: skipped for its tag, but loaded without error")
        } catch {
          let codes = Set(error.diagnostics.map(\.code))
          if codes != [.yamlUnsupportedTag] {
            failures.append(
              "\(c.id) [\(c.name)]: skipped for its tag, but rejected with \(codes.map(\.id).sorted())")
          }
        }
        continue
      case .libyaml:
        skipped += 1
        if Self.passes(c, input: input, loader: loader, file: file) {
          print(
            "NOTE: \(c.id) [\(c.name)] is skipped as a libyaml bug but now passes; remove it from the skip list"
          )
        }
        continue
      case nil:
        break
      }
      if fm.fileExists(atPath: c.folder.appendingPathComponent("error").path) {
        do {
          let values = try loader.loadAll(input, file: file)
          failures.append("\(c.id) [\(c.name)]: invalid input accepted: \(values.map(\.value))")
        } catch {
          if error.diagnostics.allSatisfy({ $0.location != nil }) {
            passed += 1
          } else {
            failures.append("\(c.id) [\(c.name)]: error without location: \(error.diagnostics)")
          }
        }
        continue
      }
      let jsonURL = c.folder.appendingPathComponent("in.json")
      guard fm.fileExists(atPath: jsonURL.path) else {
        // Valid YAML whose value JSON cannot hold (complex keys, tags): it must compose without a
        // syntax error; conversion to JSON may reject it.
        eventOnly += 1
        let stream = loader.compose(input, file: file)
        if stream.diagnostics.contains(where: { $0.code == .yamlSyntax || $0.code == .yamlEncoding }) {
          failures.append("\(c.id) [\(c.name)]: valid input rejected: \(stream.diagnostics.map(\.message))")
        } else {
          passed += 1
        }
        continue
      }
      let expected = try JSONReader().readAll(String(contentsOf: jsonURL, encoding: .utf8))
      do {
        let values = try loader.loadAll(input, file: file).map(\.value)
        if values == expected {
          passed += 1
        } else {
          failures.append("\(c.id) [\(c.name)]: got \(values), expected \(expected)")
        }
      } catch {
        failures.append(
          "\(c.id) [\(c.name)]: rejected: \(error.diagnostics.map { "\($0.code) \($0.location?.description ?? "") \($0.message)" })"
        )
      }
    }
    print(
      "yaml-test-suite: \(passed) passed, \(skipped) skipped, \(failures.count) failed (\(eventOnly) without in.json)"
    )
    for failure in failures { print("FAIL \(failure)") }
    #expect(failures.isEmpty)
  }
}
