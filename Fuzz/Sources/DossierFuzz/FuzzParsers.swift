import DossierCore
import Foundation
import JSONSchema

/// The YAML loader on any bytes: it loads or reports errors; every diagnostic is located in the file,
/// and a value it loads converts back to JSON text that the JSON reader reads to the same value.
enum FuzzYAML {
  static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
    let loader = YAMLLoader()
    let lines = lineCount(bytes)
    do {
      let loaded = try loader.load(bytes, file: "fuzz.yaml")
      let text = JSONWriter.text(of: loaded.value)
      let back: JSONValue
      do {
        back = try JSONReader(maxDepth: 100_000).read(text)
      } catch {
        throw FuzzFailure("yaml: the loaded value does not read back as JSON: \(error)")
      }
      guard back == loaded.value else { throw FuzzFailure("yaml: the loaded value changed through JSON") }
    } catch let error as DiagnosticError {
      guard error.diagnostics.contains(where: { $0.severity == .error }) else {
        throw FuzzFailure("yaml: load failed without an error diagnostic")
      }
      try checkLocations(error.diagnostics, lineCount: lines, what: "yaml")
    } catch let failure as FuzzFailure {
      throw failure
    } catch {
      throw FuzzFailure("yaml: unexpected error \(error)")
    }
  }
}

/// The JSON reader on any bytes: a value it reads is written (compact and indented, sorted keys) and
/// read again to the same value; an error is located inside the input.
enum FuzzJSON {
  static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
    let value: JSONValue
    do {
      value = try JSONReader().read(bytes)
    } catch {
      guard error.position.line >= 1, error.position.offset >= 0, error.position.offset <= bytes.count else {
        throw FuzzFailure("json: error outside the input: \(error)")
      }
      return
    }
    for options in [JSONWriter.Options(), JSONWriter.Options(indent: 2, sortedKeys: true)] {
      let text = JSONWriter.text(of: value, options: options)
      do {
        let back = try JSONReader(maxDepth: 100_000).read(text)
        guard back == value else { throw FuzzFailure("json: value changed through the writer: \(text)") }
      } catch let failure as FuzzFailure {
        throw failure
      } catch {
        throw FuzzFailure("json: written text does not read back: \(error)")
      }
    }
  }
}

/// Schema compile and validate: the first byte picks the default draft, then `SCHEMA \0 INSTANCE`
/// (both JSON). Compiling either succeeds or gives a `SchemaError`; validating never traps, and the
/// verdict agrees with `isValid` (the short-circuiting path).
enum FuzzSchema {
  static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
    guard let first = bytes.first else { return }
    let draft = Draft.allCases[Int(first) % Draft.allCases.count]
    let (schemaBytes, rest) = split(Array(bytes.dropFirst()), at: [0])
    guard let schemaValue = try? JSONReader().read(schemaBytes) else { return }
    let instance = rest.flatMap { try? JSONReader().read($0) } ?? .null
    let options = ValidationOptions(formatAssertion: first & 0x80 != 0, defaultDraft: draft)
    let validator: SchemaValidator
    do {
      validator = try SchemaValidator(schema: schemaValue, options: options)
    } catch {
      return
    }
    let result = validator.validate(instance, maxErrors: 100)
    let quick = validator.isValid(instance)
    // An undecided regex is an error either way; otherwise the two paths must agree.
    if result.isValid != quick {
      throw FuzzFailure("schema: validate says \(result.isValid), isValid says \(quick)")
    }
    _ = validator.validate(schemaValue, maxErrors: 10)
  }
}

/// Ingest of any bytes as a `.txt` document: it ingests or refuses with located errors; block and
/// section spans slice the decoded text.
enum FuzzIngest {
  static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
    let document: IngestedDocument
    do {
      let source = try SourceDocument(path: "fuzz.txt", bytes: bytes)
      document = try DocumentIngester().ingest(source)
    } catch let error as DiagnosticError {
      guard error.diagnostics.contains(where: { $0.severity == .error && $0.location != nil }) else {
        throw FuzzFailure("ingest: refused without a located error: \(error.diagnostics)")
      }
      return
    } catch {
      throw FuzzFailure("ingest: unexpected error \(error)")
    }
    let scalars = Array(document.source.text.unicodeScalars)
    func slice(_ span: Range<Int>) throws(FuzzFailure) -> String {
      guard span.lowerBound >= 0, span.upperBound <= scalars.count else {
        throw FuzzFailure("ingest: span \(span) outside \(scalars.count) scalars")
      }
      return String(String.UnicodeScalarView(scalars[span]))
    }
    var previousEnd = 0
    for block in document.blocks {
      guard block.start >= previousEnd else { throw FuzzFailure("ingest: block \(block.id) overlaps") }
      guard try slice(block.range) == block.text else { throw FuzzFailure("ingest: block \(block.id) text") }
      previousEnd = block.end
    }
    guard Set(document.blocks.map(\.id)).count == document.blocks.count else {
      throw FuzzFailure("ingest: block ids are not unique")
    }
    for section in document.sections {
      guard try slice(section.heading.range) == section.heading.text else {
        throw FuzzFailure("ingest: section \(section.id) heading span")
      }
    }
    try checkLocations(document.diagnostics, lineCount: document.source.lineIndex.lineCount, what: "ingest")
  }
}
