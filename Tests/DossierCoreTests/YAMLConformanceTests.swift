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

  /// Every skipped case with its reason (72 of 402). The invalid inputs libyaml accepts are not here:
  /// the loader's own checks reject them (comments without a space, flow and quoted continuation lines
  /// indented too little, lone indicators as plain scalars, directives without `...`, block scalar
  /// leading empty lines).
  static let skipped: [String: Skip] = [
    "2JQS": .libyaml(
      "libyaml rejects valid input (Block Mapping with Missing Keys): did not find expected key"),
    "2LFX": .libyaml(
      "libyaml rejects valid input (Spec Example 6.13. Reserved Directives [1.3]): found unknown directive name"
    ),
    "2SXE": .libyaml(
      "libyaml rejects valid input (Anchors With Colon in Name): mapping values are not allowed in this context"
    ),
    "2XXW": .unsupportedTag("!!set has no JSON meaning; Dossier rejects it (Y003)"),
    "4ABK": .libyaml("libyaml rejects valid input (Flow Mapping Separate Values): found unexpected \':\'"),
    "4MUZ/00": .libyaml(
      "libyaml rejects valid input (Flow mapping colon on line after key): did not find expected \',\' or \'}\'"
    ),
    "4MUZ/01": .libyaml(
      "libyaml rejects valid input (Flow mapping colon on line after key): did not find expected \',\' or \'}\'"
    ),
    "4MUZ/02": .libyaml(
      "libyaml rejects valid input (Flow mapping colon on line after key): did not find expected \',\' or \'}\'"
    ),
    "565N": .unsupportedTag("!!binary has no JSON meaning; Dossier rejects it (Y003)"),
    "58MP": .libyaml(
      "libyaml rejects valid input (Flow mapping edge cases): did not find expected node content"),
    "5MUD": .libyaml(
      "libyaml rejects valid input (Colon and adjacent value on next line): did not find expected \',\' or \'}\'"
    ),
    "5T43": .libyaml(
      "libyaml rejects valid input (Colon at the beginning of adjacent flow scalar): did not find expected node content"
    ),
    "5TYM": .unsupportedTag("local tag !my-light has no JSON meaning; Dossier rejects it (Y003)"),
    "652Z": .libyaml(
      "libyaml gives a wrong value (Question mark at start of flow key): reads the key `?foo` as `foo`"),
    "6BCT": .libyaml(
      "libyaml rejects valid input (Spec Example 6.3. Separation Spaces): found character that cannot start any token"
    ),
    "6CA3": .libyaml(
      "libyaml rejects valid input (Tab indented top flow): found character that cannot start any token"),
    "6CK3": .unsupportedTag(
      "local tag !local and a verbatim tag has no JSON meaning; Dossier rejects it (Y003)"),
    "6LVF": .libyaml(
      "libyaml rejects valid input (Spec Example 6.13. Reserved Directives): found unknown directive name"),
    "6M2F": .libyaml(
      "libyaml rejects valid input (Aliases in Explicit Block Mapping): did not find expected key"),
    "6WLZ": .unsupportedTag("local tag !foo and a global tag has no JSON meaning; Dossier rejects it (Y003)"),
    "7FWL": .unsupportedTag("verbatim tag !<!bar> has no JSON meaning; Dossier rejects it (Y003)"),
    "7Z25": .libyaml(
      "libyaml rejects valid input (Bare document after document end marker): did not find expected <document start>"
    ),
    "8XYN": .libyaml(
      "libyaml rejects valid input (Anchor with unicode character): did not find expected alphabetic or numeric character"
    ),
    "96NN/00": .libyaml(
      "libyaml rejects valid input (Leading tab content in literals): found a tab character where an indentation space is expected"
    ),
    "96NN/01": .libyaml(
      "libyaml rejects valid input (Leading tab content in literals): found a tab character where an indentation space is expected"
    ),
    "9SA2": .libyaml(
      "libyaml rejects valid input (Multiline double quoted flow mapping key): did not find expected \',\' or \'}\'"
    ),
    "9WXW": .unsupportedTag("local tag !foo and a global tag has no JSON meaning; Dossier rejects it (Y003)"),
    "A2M4": .libyaml(
      "libyaml rejects valid input (Spec Example 6.2. Indentation Indicators): found character that cannot start any token"
    ),
    "BEC7": .libyaml(
      "libyaml rejects valid input (Spec Example 6.14. “YAML” directive): found incompatible YAML document"),
    "C4HZ": .unsupportedTag(
      "global tags tag:clarkevans.com,2002:… has no JSON meaning; Dossier rejects it (Y003)"),
    "CC74": .unsupportedTag(
      "global tag tag:example.com,2000:app/foo has no JSON meaning; Dossier rejects it (Y003)"),
    "CFD4": .libyaml(
      "libyaml rejects valid input (Empty implicit key in single pair flow sequences): did not find expected node content"
    ),
    "CUP7": .unsupportedTag("local tag !local has no JSON meaning; Dossier rejects it (Y003)"),
    "DBG4": .libyaml(
      "libyaml rejects valid input (Spec Example 7.10. Plain Characters): did not find expected node content"),
    "DK3J": .libyaml(
      "libyaml rejects valid input (Zero indented block scalar with line that looks like a comment): did not find expected <document start>"
    ),
    "DK95/00": .libyaml(
      "libyaml rejects valid input (Tabs that look like indentation): found character that cannot start any token"
    ),
    "DK95/03": .libyaml(
      "libyaml rejects valid input (Tabs that look like indentation): found character that cannot start any token"
    ),
    "DK95/04": .libyaml(
      "libyaml rejects valid input (Tabs that look like indentation): found a tab character that violates indentation"
    ),
    "FP8R": .libyaml(
      "libyaml rejects valid input (Zero indented block scalar): did not find expected <document start>"),
    "FRK4": .libyaml(
      "libyaml rejects valid input (Spec Example 7.3. Completely Empty Flow Nodes): found unexpected \':\'"),
    "HM87/00": .libyaml(
      "libyaml rejects valid input (Scalars in flow start with syntax char): did not find expected node content"
    ),
    "HM87/01": .libyaml(
      "libyaml gives a wrong value (Scalars in flow start with syntax char): reads `[?x]` as a mapping {x: null} instead of the string `?x`"
    ),
    "HWV9": .libyaml("libyaml rejects valid input (Document-end marker): did not find expected node content"),
    "J7PZ": .unsupportedTag("!!omap has no JSON meaning; Dossier rejects it (Y003)"),
    "JEF9/02": .libyaml(
      "libyaml gives a wrong value (Trailing whitespace in streams): drops the kept trailing line break of a `|+` scalar at the end of the stream"
    ),
    "K3WX": .libyaml(
      "libyaml rejects valid input (Colon and adjacent value after comment on next line): did not find expected \',\' or \'}\'"
    ),
    "L24T/01": .libyaml(
      "libyaml gives a wrong value (Trailing line of spaces): drops the last line of spaces of a `|+` scalar at the end of the stream"
    ),
    "M2N8/00": .libyaml("libyaml rejects valid input (Question mark edge cases): did not find expected key"),
    "M5C3": .unsupportedTag("local tag !foo has no JSON meaning; Dossier rejects it (Y003)"),
    "M7A3": .libyaml(
      "libyaml rejects valid input (Spec Example 9.3. Bare Documents): did not find expected <document start>"
    ),
    "MUS6/05": .libyaml("libyaml rejects valid input (Directive variants): found unknown directive name"),
    "MUS6/06": .libyaml("libyaml rejects valid input (Directive variants): found unknown directive name"),
    "NHX8": .libyaml(
      "libyaml rejects valid input (Empty Lines at End of Document): did not find expected key"),
    "NJ66": .libyaml(
      "libyaml rejects valid input (Multiline plain flow mapping key): did not find expected \',\' or \'}\'"),
    "NKF9": .libyaml(
      "libyaml rejects valid input (Empty keys in block and flow mapping): did not find expected key"),
    "P76L": .unsupportedTag(
      "global tag tag:example.com,2000:app/int has no JSON meaning; Dossier rejects it (Y003)"),
    "Q5MG": .libyaml(
      "libyaml rejects valid input (Tab at beginning of line followed by a flow mapping): found character that cannot start any token"
    ),
    "QT73": .libyaml(
      "libyaml rejects valid input (Comment and document-end marker): did not find expected node content"),
    "R4YG": .libyaml(
      "libyaml rejects valid input (Spec Example 8.2. Block Indentation Indicator): found a tab character where an indentation space is expected"
    ),
    "S3PD": .libyaml(
      "libyaml rejects valid input (Spec Example 8.18. Implicit Block Mapping Entries): did not find expected key"
    ),
    "SM9W/01": .libyaml("libyaml rejects valid input (Single character streams): did not find expected key"),
    "UGM3": .unsupportedTag(
      "global tag tag:clarkevans.com,2002:invoice has no JSON meaning; Dossier rejects it (Y003)"),
    "UKK6/00": .libyaml(
      "libyaml rejects valid input (Syntax character edge cases): did not find expected key"),
    "UT92": .libyaml(
      "libyaml rejects valid input (Spec Example 9.4. Explicit Documents): did not find expected \',\' or \'}\'"
    ),
    "VJP3/01": .libyaml(
      "libyaml rejects valid input (Flow collections over many lines): did not find expected \',\' or \'}\'"),
    "W4TN": .libyaml(
      "libyaml rejects valid input (Spec Example 9.5. Directives Documents): could not find expected directive name"
    ),
    "W5VH": .libyaml(
      "libyaml rejects valid input (Allowed characters in alias): did not find expected alphabetic or numeric character"
    ),
    "Y2GN": .libyaml(
      "libyaml gives a wrong value (Anchor with colon in the middle): ends the anchor `&an:chor` at the colon"
    ),
    "Y79Y/001": .libyaml(
      "libyaml rejects valid input (Tabs in various contexts): found a tab character where an indentation space is expected"
    ),
    "Y79Y/010": .libyaml(
      "libyaml rejects valid input (Tabs in various contexts): found character that cannot start any token"),
    "Z67P": .unsupportedTag("local tag !foo has no JSON meaning; Dossier rejects it (Y003)"),
    "Z9M4": .unsupportedTag(
      "global tag tag:example.com,2000:app/foo has no JSON meaning; Dossier rejects it (Y003)"),
  ]

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
