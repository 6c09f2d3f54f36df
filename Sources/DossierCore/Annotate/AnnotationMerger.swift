import JSONSchema

/// Merges an annotation with the structure ingested from its document
/// (docs/annotations.md §3): title, publisher, editor and publication time found in the text must agree
/// with the annotation unless a `corrections` entry with a reason overrides the text.
///
/// Disagreements are errors located at the annotation's value, with a note at the text.
public struct AnnotationMerger: Sendable {
  public init() {}

  /// The merged document and every problem found.
  public func merge(
    _ ingested: IngestedDocument, annotation: Annotation, located: LocatedJSON, annotationPath: String
  ) -> (document: AnnotatedDocument, diagnostics: [Diagnostic]) {
    var document = AnnotatedDocument(
      ingested: ingested, annotation: annotation, located: located, annotationPath: annotationPath)
    var diagnostics: [Diagnostic] = []
    let metadata = annotation.metadata

    var corrections: [String: Annotation.Correction] = [:]
    for correction in metadata.corrections {
      if let first = corrections[correction.field.value] {
        diagnostics.append(
          .error(
            .annotationRepeatedCorrection, "a second correction of '\(correction.field.value)'",
            at: document.location(of: correction.field.pointer),
            pointer: correction.field.pointer.description,
            notes: [Diagnostic.Note("the first correction", at: document.location(of: first.field.pointer))],
            help: "keep one correction per field"))
      } else {
        corrections[correction.field.value] = correction
      }
    }

    func merge(_ name: String, annotated: Located<String>?, text: SpannedText?) -> AnnotatedDocument.Field? {
      let correction = corrections[name]
      if let correction {
        if let original = correction.original, let text, !MetadataText.agree(original.value, text.text) {
          diagnostics.append(
            .error(
              .annotationStaleCorrection,
              "the correction's original \(MetadataText.quoted(original.value)) is not what the text says",
              at: document.location(of: original.pointer), pointer: original.pointer.description,
              notes: [
                Diagnostic.Note(
                  "the text has \(MetadataText.quoted(text.text))", at: document.location(of: text))
              ],
              help: "update or remove the correction"))
        }
        if let annotated, !MetadataText.agree(annotated.value, correction.value.value) {
          diagnostics.append(
            .error(
              .annotationCorrectionMismatch,
              "\(name) \(MetadataText.quoted(annotated.value)) differs from its correction \(MetadataText.quoted(correction.value.value))",
              at: document.location(of: annotated.pointer), pointer: annotated.pointer.description,
              notes: [Diagnostic.Note("the correction", at: document.location(of: correction.value.pointer))],
              help: "give the corrected value, or leave the field out"))
        }
        return AnnotatedDocument.Field(
          value: correction.value.value, text: text, annotation: annotated, correction: correction)
      }
      guard let annotated else {
        return text.map {
          AnnotatedDocument.Field(value: $0.text, text: $0, annotation: nil, correction: nil)
        }
      }
      guard let text else {
        diagnostics.append(
          .warning(
            .annotationNothingToCompare, "the text has no \(name) to compare with",
            at: document.location(of: annotated.pointer), pointer: annotated.pointer.description))
        return AnnotatedDocument.Field(
          value: annotated.value, text: nil, annotation: annotated, correction: nil)
      }
      // `published` carries an offset the byline lacks: only its local date and time must agree.
      let isPublished = name == "published"
      let agrees =
        isPublished
        ? publishedAgrees(annotated.value, byline: text.text) : MetadataText.agree(annotated.value, text.text)
      if !agrees {
        let (counterpart, textSays, help) =
          isPublished
          ? (
            "the byline's time", "the byline says",
            "the local date and time (before the offset) must equal the byline; add a correction with a reason if the byline is wrong"
          )
          : (
            "the text", "the text says",
            "copy the value from the text, or add a correction with a reason if the text is wrong"
          )
        diagnostics.append(
          .error(
            .annotationDisagreesWithText,
            "\(name) \(MetadataText.quoted(annotated.value)) disagrees with \(counterpart) \(MetadataText.quoted(text.text))",
            at: document.location(of: annotated.pointer), pointer: annotated.pointer.description,
            notes: [
              Diagnostic.Note(
                "\(textSays) \(MetadataText.quoted(text.text))", at: document.location(of: text))
            ],
            help: help))
      }
      return AnnotatedDocument.Field(
        value: annotated.value, text: text, annotation: annotated, correction: nil)
    }

    // The title is always present in a document that has one; a missing title is not an error.
    if let title = metadata.title, ingested.title == nil, corrections["title"] == nil {
      diagnostics.append(
        .warning(
          .annotationNothingToCompare, "the text has no title to compare with",
          at: document.location(of: title.pointer), pointer: title.pointer.description))
      document.title = AnnotatedDocument.Field(
        value: title.value, text: nil, annotation: title, correction: nil)
    } else {
      document.title = merge("title", annotated: metadata.title, text: ingested.title)
    }
    document.publisher = merge("publisher", annotated: metadata.publisher, text: ingested.byline?.source)
    document.editor = merge("editor", annotated: metadata.editor, text: ingested.byline?.editor)
    document.published = merge("published", annotated: metadata.published, text: ingested.byline?.timestamp)
    let stated = metadata.languages.map { $0.value.split(separator: "-").first.map(String.init) ?? $0.value }
    let found = ingested.languages.filter { $0 != "und" }
    if !metadata.languages.isEmpty, !found.isEmpty, stated != found {
      let pointer = metadata.languages[0].pointer.parent
      diagnostics.append(
        .warning(
          .annotationLanguages,
          "languages [\(stated.joined(separator: ", "))] differ from the text's [\(found.joined(separator: ", "))]",
          at: document.location(of: pointer), pointer: pointer.description,
          help: "list the languages of the text in order of appearance"))
    }
    // The local date of `published` (or of its correction), else the byline's date.
    document.publicationDay = document.published.flatMap { AnnotationMerger.day(of: $0.value) }
    return (document, diagnostics)
  }

  /// True when the local date and time of an RFC 3339 value equal a byline timestamp
  /// (`2021-12-23T18:03:31+08:00` ~ `2021-12-23 18:03:31`); a byline without seconds compares the
  /// minutes only.
  func publishedAgrees(_ published: String, byline: String) -> Bool {
    let local = String(published.prefix(19)).replacingFirstT()
    let stamp = MetadataText.normalize(byline)
    guard !stamp.isEmpty else { return false }
    return local == stamp || (stamp.count < local.count && local.hasPrefix(stamp) && stamp.count >= 16)
  }

  /// The calendar day at the start of a date or date-time text (`2021-12-23…`).
  static func day(of text: String) -> EDTFDate.Day? {
    let scalars = Array(text.unicodeScalars.prefix(10))
    guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for scalar in scalars[range] {
        guard let digit = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil else {
          return nil
        }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month),
      (1...31).contains(day)
    else { return nil }
    return EDTFDate.Day(year: year, month: month, day: day)
  }
}

extension String {
  /// The text with its first `T` replaced by a space (`2021-12-23T18:03:31` → `2021-12-23 18:03:31`).
  fileprivate func replacingFirstT() -> String {
    guard let index = firstIndex(of: "T") else { return self }
    var copy = self
    copy.replaceSubrange(index...index, with: " ")
    return copy
  }
}
