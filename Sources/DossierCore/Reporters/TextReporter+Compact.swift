extension TextReporter {
  /// One diagnostic per block, compiler style without source lines, for commands whose output is
  /// something else (`inspect`, `new`, a schema `check` cannot use): `file:line:column: severity:
  /// message [CODE]`, then each note and the help on indented lines; every block ends in a line feed.
  public static func compact(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
      out += "\(place)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.id)]\n"
      for note in diagnostic.notes {
        let notePlace = note.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        out += "  \(notePlace)note: \(note.message)\n"
      }
      if let help = diagnostic.help { out += "  help: \(help)\n" }
    }
    return out
  }
}
