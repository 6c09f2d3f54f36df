import Foundation

extension DiagnosticCode {
  /// The code a user means by `input` (`dossier explain`): white space trimmed, case ignored, a short
  /// number padded (`y3` is Y003); `nil` when no code has that id.
  public static func find(userInput input: String) -> DiagnosticCode? {
    lookup(normalized(input))
  }

  /// Trims white space, upper-cases and pads a short number: `y3` → `Y003`.
  public static func normalized(_ input: String) -> String {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    guard let letter = trimmed.unicodeScalars.first, ("A"..."Z").contains(letter) else { return trimmed }
    let digits = trimmed.unicodeScalars.dropFirst()
    guard !digits.isEmpty, digits.count < 3, digits.allSatisfy({ ("0"..."9").contains($0) }) else {
      return trimmed
    }
    return String(letter) + String(repeating: "0", count: 3 - digits.count)
      + String(String.UnicodeScalarView(digits))
  }

  /// `U001 — unreadable file`, a blank line, then the explanation.
  public var explanationText: String {
    var out = "\(id) — \(title)\n"
    if !explanation.isEmpty { out += "\n\(explanation)\n" }
    return out
  }

  /// One line per code: the id, padding, two spaces, the title.
  public static func listing(_ codes: [DiagnosticCode] = all) -> String {
    let width = codes.map(\.id.count).max() ?? 0
    return codes.map { code in
      code.id + String(repeating: " ", count: width - code.id.count + 2) + code.title + "\n"
    }.joined()
  }

  /// The one-line error for input no code matches, naming the closest codes when there are any; the
  /// input is shown escaped (`TerminalEscape`).
  public static func unknownCodeMessage(_ input: String) -> String {
    var message = "error: unknown diagnostic code '\(TerminalEscape.visible(input))'"
    let close = Suggestion.closeMatches(for: normalized(input), among: all.map(\.id), limit: 3)
    if !close.isEmpty {
      message += "; did you mean " + close.joined(separator: ", ") + "?"
    }
    return message + " ('dossier explain --list' lists every code)"
  }
}

/// What `dossier explain NAME` could not find: the message naming the closest codes and terms.
public struct UnknownExplainName: Error, Sendable, CustomStringConvertible {
  /// `error: unknown diagnostic code …`, then a note on close vocabulary terms when there are any.
  public var description: String
}

extension DiagnosticCode {
  /// What `dossier explain NAME` prints: the explanation of the code the user means, else every
  /// vocabulary term of that name in the catalog `vocabularies` gives (read only when no code
  /// matches; `nil` when the vocabularies cannot be read).
  public static func explain(_ name: String, vocabularies: () -> VocabularyCatalog?)
    throws(UnknownExplainName)
    -> String
  {
    if let code = find(userInput: name) { return code.explanationText }
    let catalog = vocabularies()
    if let catalog, let term = VocabularyListing.explanation(of: name, in: catalog) { return term }
    var message = unknownCodeMessage(name)
    if let catalog, let hint = VocabularyListing.termHint(for: name, in: catalog) { message += "\n" + hint }
    throw UnknownExplainName(description: message)
  }
}
