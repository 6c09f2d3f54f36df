import ArgumentParser
import DossierCore
import Foundation

/// `dossier explain CODE`: prints what a diagnostic code means and how to fix it.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print the documentation of a diagnostic code or a vocabulary term.",
    discussion: """
      Codes are case-insensitive, and short numbers are padded (`y3` is Y003). \
      An unknown code is a usage error (exit status 2) that names the closest known codes.
      """
  )

  @Argument(help: "A diagnostic code, e.g. U001, or a vocabulary term, e.g. exercise.")
  var code: String?

  @Option(help: "Folder holding vocabularies/ (for vocabulary terms).")
  var schemas = "Schemas"

  @Flag(name: .long, help: "List every code with its title.")
  var list = false

  func validate() throws {
    if list && code != nil { throw ValidationError("give either a code or --list, not both") }
    if !list && code == nil { throw ValidationError("give a diagnostic code (e.g. U001), or --list") }
  }

  func run() async throws {
    if list {
      print(Self.listing(DiagnosticCode.all), terminator: "")
      return
    }
    let wanted = code ?? ""
    guard let found = DiagnosticCode.lookup(Self.normalized(wanted)) else {
      if let term = VocabCommand.explanation(of: wanted, schemas: schemas) {
        print(term, terminator: "")
        return
      }
      var message = Self.unknownCodeMessage(wanted, known: DiagnosticCode.all.map(\.id))
      if let hint = VocabCommand.termHint(for: wanted, schemas: schemas) { message += "\n" + hint }
      FileHandle.standardError.write(Data((message + "\n").utf8))
      throw ExitCode(2)
    }
    print(Self.explanation(of: found), terminator: "")
  }

  /// `U001 — unreadable file`, a blank line, then the explanation.
  static func explanation(of code: DiagnosticCode) -> String {
    var out = "\(code.id) — \(code.title)\n"
    if !code.explanation.isEmpty { out += "\n\(code.explanation)\n" }
    return out
  }

  /// One line per code: the id, two spaces, the title.
  static func listing(_ codes: [DiagnosticCode]) -> String {
    let width = codes.map(\.id.count).max() ?? 0
    return codes.map { code in
      code.id + String(repeating: " ", count: width - code.id.count + 2) + code.title + "\n"
    }.joined()
  }

  /// Trims white space and pads a short number: `y3` → `Y003`.
  static func normalized(_ code: String) -> String {
    let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    guard let letter = trimmed.unicodeScalars.first, ("A"..."Z").contains(letter) else { return trimmed }
    let digits = trimmed.unicodeScalars.dropFirst()
    guard !digits.isEmpty, digits.count < 3, digits.allSatisfy({ ("0"..."9").contains($0) }) else {
      return trimmed
    }
    return String(letter) + String(repeating: "0", count: 3 - digits.count)
      + String(String.UnicodeScalarView(digits))
  }

  /// The one-line error for an unknown code, with the closest known codes when there are any.
  static func unknownCodeMessage(_ code: String, known: [String]) -> String {
    let shown = code.unicodeScalars.map { TerminalSafe.scalar($0) }.joined()
    var message = "error: unknown diagnostic code '\(shown)'"
    let close = Suggestion.closeMatches(for: normalized(code), among: known, limit: 3)
    if !close.isEmpty {
      message += "; did you mean " + close.joined(separator: ", ") + "?"
    }
    return message + " ('dossier explain --list' lists every code)"
  }
}

/// Shows control characters of user input as `\u{…}` so an error message cannot drive the terminal.
enum TerminalSafe {
  static func scalar(_ scalar: Unicode.Scalar) -> String {
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
      return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }
    return String(scalar)
  }
}
