import DossierCore
import DossierTestSupport
import Foundation
import JSONSchema
import Testing

/// Runs the official yaml-test-suite (`../shared/conformance/yaml-test-suite/`, data release 2022-01-17).
@Suite struct YAMLConformanceTests {
  /// Cases not run, each with its reason. Only two kinds of reason are allowed: libyaml itself gets the
  /// case wrong (and no check on top of its events can fix it), or the value has no JSON form.
  static let skipped: [String: String] = [:]

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

  @Test func officialSuite() throws {
    guard let root = RepositoryPaths.conformanceSuite("yaml-test-suite") else { return }
    let fm = FileManager.default
    var passed = 0
    var skipped = 0
    var failures: [String] = []
    var eventOnly = 0
    for c in Self.cases(in: root) {
      if Self.skipped[c.id] != nil {
        skipped += 1
        continue
      }
      let input = try [UInt8](Data(contentsOf: c.folder.appendingPathComponent("in.yaml")))
      let loader = YAMLLoader()
      let file = "\(c.id)/in.yaml"
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
      let expected = try YAMLTestJSONReader.readAll(String(contentsOf: jsonURL, encoding: .utf8))
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
    print("yaml-test-suite: \(passed) passed, \(skipped) skipped, \(failures.count) failed (\(eventOnly) without in.json)")
    for failure in failures { print("FAIL \(failure)") }
    #expect(failures.isEmpty)
  }
}
