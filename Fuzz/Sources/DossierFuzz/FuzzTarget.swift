import DossierCore
import Foundation
import JSONSchema

/// The libFuzzer targets (docs/reliability.md, "Fuzzing"). Each takes the fuzzer's bytes, runs one
/// area of Dossier on them and checks what must hold for any input: no trap (the process would die), and
/// the target's own invariants, reported as a `FuzzFailure` (the driver turns it into a crash that
/// libFuzzer records). `run` blocks on the async pipeline (libFuzzer calls from its own thread); tests
/// use `replay`. The same functions replay the seed corpora and the regression inputs in
/// `make test` (`FuzzCorpusTests`).
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The YAML loader: compose, convert to JSON values, every diagnostic located inside the file.
  case yaml
  /// The JSON reader: a value it reads is written back and read again to the same value.
  case json
  /// Schema compile and validate, any draft: `DRAFT SCHEMA \0 INSTANCE`.
  case schema
  /// Ingest of a plain-text document: spans slice the text, diagnostics are located in it.
  case ingest
  /// Whole-document validation (text + sidecar, `TEXT \0SIDECAR\0 YAML`) and the same document
  /// built: whatever `build` refuses, `validate` refuses with the same codes.
  case document
  /// Export rendering: record strings from the input, exported as XML (well-formed, XSD-valid),
  /// TSV and JSON Lines that read back to the same records — or refused with an `X…` code.
  case export

  /// Runs the target on one input.
  public func run(_ bytes: [UInt8], environment: FuzzEnvironment) throws(FuzzFailure) {
    switch self {
    case .yaml: try FuzzYAML.run(bytes)
    case .json: try FuzzJSON.run(bytes)
    case .schema: try FuzzSchema.run(bytes)
    case .ingest: try FuzzIngest.run(bytes)
    case .document: try FuzzDocument.run(bytes, environment: environment)
    case .export: try FuzzExport.run(bytes, environment: environment)
    }
  }

  /// Runs the target on one input from async code (tests): the same checks as `run`, without blocking
  /// a thread of the cooperative pool.
  public func replay(_ bytes: [UInt8], environment: FuzzEnvironment) async throws(FuzzFailure) {
    if self == .document {
      let input = FuzzDocument.input(bytes)
      try FuzzDocument.judge(await FuzzDocument.outcome([input], environment: environment), inputs: [input])
    } else {
      try run(bytes, environment: environment)
    }
  }

  /// The folder of the seed corpus, relative to the repository root.
  public var corpusPath: String { "Fuzz/Corpus/\(rawValue)" }
  /// The folder of the inputs that once failed (each kept as a regression), relative to the root.
  public var regressionsPath: String { "Fuzz/Regressions/\(rawValue)" }
}

/// An invariant a target checks did not hold for an input.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Splits `bytes` at the first occurrence of `separator`: (before, after), or (all, nil).
func split(_ bytes: [UInt8], at separator: [UInt8]) -> ([UInt8], [UInt8]?) {
  guard !separator.isEmpty, bytes.count >= separator.count else { return (bytes, nil) }
  var index = 0
  while index + separator.count <= bytes.count {
    if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
      return (Array(bytes[..<index]), Array(bytes[(index + separator.count)...]))
    }
    index += 1
  }
  return (bytes, nil)
}

/// Checks that every diagnostic with a location points inside a file of `lineCount` lines.
func checkLocations(_ diagnostics: [Diagnostic], lineCount: Int, what: String) throws(FuzzFailure) {
  for diagnostic in diagnostics {
    // Line 0, column 0 is the whole file (a missing sidecar, a file-level limit).
    guard let location = diagnostic.location, location.line != 0 || location.column != 0 else { continue }
    guard location.line >= 1, location.line <= max(1, lineCount) + 1, location.column >= 1 else {
      throw FuzzFailure(
        "\(what): \(diagnostic.code.id) at \(location.line):\(location.column) outside \(lineCount) lines")
    }
  }
}

/// Number of lines of `bytes` as the reporters count them (LF, CRLF or CR end a line).
func lineCount(_ bytes: [UInt8]) -> Int {
  var lines = 1
  var index = 0
  while index < bytes.count {
    if bytes[index] == 0x0A {
      lines += 1
    } else if bytes[index] == 0x0D {
      lines += 1
      if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
    }
    index += 1
  }
  return lines
}
