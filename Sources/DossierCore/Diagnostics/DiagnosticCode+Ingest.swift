extension DiagnosticCode {
  /// The bytes are not valid UTF-8 (error).
  public static let invalidUTF8 = DiagnosticCode(
    "I001", "invalid UTF-8",
    "The file is not valid UTF-8. The diagnostic gives the byte offset of the first bad sequence and its line. "
      + "Re-save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`).")

  /// The document holds no text (error).
  public static let emptyDocument = DiagnosticCode(
    "I002", "empty document",
    "The file is empty or holds only whitespace (after an optional byte-order mark), so there is nothing to "
      + "ingest. Add the document text or remove the file from the input folder.")

  /// The document holds a NUL byte (error).
  public static let nulCharacter = DiagnosticCode(
    "I003", "NUL character",
    "The file contains a NUL (U+0000) character, which never occurs in a plain-text document; the file is "
      + "probably binary or UTF-16. Convert it to UTF-8 text.")

  /// The document holds another control character (warning).
  public static let controlCharacter = DiagnosticCode(
    "I004", "control character",
    "The text contains a control character other than tab, line feed, carriage return or form feed. It is kept, "
      + "but it cannot be exported to XML and is often a sign of a damaged file. Remove it.")

  /// A byline label has no value (warning).
  public static let emptyBylineField = DiagnosticCode(
    "I005", "empty byline field",
    "A byline label such as `Source:` or `编辑：` is followed by no value, so the field is left out. "
      + "Write the value after the colon, or remove the label.")

  /// A byline names the same field twice (warning).
  public static let repeatedBylineField = DiagnosticCode(
    "I006", "repeated byline field",
    "The byline gives the same field twice (for example two `Editor:` labels). The first value is kept and the "
      + "note points at it. Remove the repeat, or correct the label.")

  /// The byline timestamp is not a real date and time (warning).
  public static let invalidBylineTimestamp = DiagnosticCode(
    "I007", "invalid byline timestamp",
    "The byline timestamp has the shape `YYYY-MM-DD HH:MM:SS` but is not a real date and time (for example "
      + "month 13 or 25 o'clock). It is kept as raw text; fix the digits.")

  /// A numbered line does not continue the section numbering (warning).
  public static let sectionNumberOutOfSequence = DiagnosticCode(
    "I008", "section number out of sequence",
    "A short line starting with `N.` looks like a section heading, but N does not continue the numbering "
      + "(sections start at 1 and go up by one). The line is kept as a paragraph. Renumber the headings.")

  /// A list intro is followed by a list that is never closed (warning).
  public static let unterminatedList = DiagnosticCode(
    "I009", "unterminated list",
    "A list (lines after a line ending in `:` whose items end in `;`) stops without a last item ending in `.`. "
      + "The items are kept. End the last item with `.`, or check that no item is missing.")

  /// Byline text that no label names (warning).
  public static let unlabelledBylineText = DiagnosticCode(
    "I010", "unlabelled byline text",
    "The byline holds text after its timestamp that no label (`Source:`, `Editor:`, `来源：` …) names, so it "
      + "belongs to no field and is left out. Put a label before it, or remove it.")

  /// Codes of the Ingest family (`I…`).
  static var ingestCodes: [DiagnosticCode] {
    [
      .invalidUTF8, .emptyDocument, .nulCharacter, .controlCharacter, .emptyBylineField, .repeatedBylineField,
      .invalidBylineTimestamp, .sectionNumberOutOfSequence, .unterminatedList, .unlabelledBylineText,
    ]
  }
}
