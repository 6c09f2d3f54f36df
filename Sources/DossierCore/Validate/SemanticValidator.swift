import JSONSchema

/// The semantic checks of docs/annotations.md §13 that a schema cannot
/// express, for one merged document: sections, quotes, vocabulary references, dates, participant
/// sets and terms. Corpus-wide checks (unique activity ids) are done by `CorpusValidator`.
public struct SemanticValidator: Sendable {
  public let vocabularies: Vocabularies

  public init(vocabularies: Vocabularies) { self.vocabularies = vocabularies }

  /// The validated document and every problem found.
  public func validate(_ document: AnnotatedDocument) -> (
    document: ValidatedDocument, diagnostics: [Diagnostic]
  ) {
    var run = Run(document: document, vocabularies: vocabularies)
    run.checkActivities()
    run.checkTerms()
    return (run.validated, run.diagnostics)
  }

  /// The state of one document's checks.
  struct Run {
    let document: AnnotatedDocument
    let vocabularies: Vocabularies
    var validated: ValidatedDocument
    var diagnostics: [Diagnostic] = []
    var matchers: [Range<Int>: QuoteMatcher] = [:]
    /// Occurrences already searched, by scope ranges and quote text (quotes are often repeated).
    var searched: [SearchKey: [Range<Int>]] = [:]
    /// How many more "closest text" searches and "did you mean" suggestions this document may pay
    /// for: hostile files with thousands of wrong names or quotes stay fast.
    var nearMatchBudget = 200
    let suggestionBudget = Budget(200)

    /// A count shared by the calls of one run (a reference, so that reading it while building a
    /// message does not conflict with recording the message).
    final class Budget {
      var remaining: Int
      init(_ remaining: Int) { self.remaining = remaining }
    }

    struct SearchKey: Hashable {
      var ranges: [Range<Int>]
      var text: String
    }

    init(document: AnnotatedDocument, vocabularies: Vocabularies) {
      self.document = document
      self.vocabularies = vocabularies
      self.validated = ValidatedDocument(annotated: document)
    }

    var source: SourceDocument { document.ingested.source }

    /// `make()` while the suggestion budget lasts, else `nil`.
    func suggest(_ make: () -> String?) -> String? {
      suggestionBudget.remaining -= 1
      return suggestionBudget.remaining >= 0 ? make() : nil
    }

    mutating func error(
      _ code: DiagnosticCode, _ pointer: JSONPointer, _ message: String, notes: [Diagnostic.Note] = [],
      help: String? = nil
    ) {
      diagnostics.append(
        .error(
          code, message, at: document.location(of: pointer), pointer: pointer.description, notes: notes,
          help: help)
      )
    }

    mutating func warning(
      _ code: DiagnosticCode, _ pointer: JSONPointer, _ message: String, help: String? = nil
    ) {
      diagnostics.append(
        .warning(code, message, at: document.location(of: pointer), pointer: pointer.description, help: help))
    }

    // MARK: Quotes

    /// A matcher over the text of `range` alone (its offsets are relative to the range's start).
    mutating func matcher(for range: Range<Int>) -> QuoteMatcher {
      if let cached = matchers[range] { return cached }
      let made = QuoteMatcher(text: source.text(in: range), folding: .rightSingleQuotationMark)
      matchers[range] = made
      return made
    }

    mutating func occurrences(of text: String, in scope: QuoteScope) -> [Range<Int>] {
      let key = SearchKey(ranges: scope.ranges, text: text)
      if let known = searched[key] { return known }
      var found: [Range<Int>] = []
      defer { searched[key] = found }
      for range in scope.ranges {
        let base = range.lowerBound
        found += matcher(for: range).occurrences(of: text).map {
          (base + $0.lowerBound)..<(base + $0.upperBound)
        }
      }
      return found
    }

    /// Checks one quote in its scope; records and returns its span when it is found as asked.
    @discardableResult
    mutating func check(_ quote: Quote, in scope: QuoteScope) -> Range<Int>? {
      let found = occurrences(of: quote.text, in: scope)
      var shown: String { MetadataText.quoted(quote.text) }  // only for messages: most quotes match
      if found.isEmpty {
        var notes: [Diagnostic.Note] = []
        nearMatchBudget -= 1
        if nearMatchBudget >= 0 {
          if let elsewhere = otherSection(of: quote.text, besides: scope) {
            notes.append(
              Diagnostic.Note(
                "found in \(elsewhere.scope): is the activity's section right?",
                at: document.location(of: elsewhere.range)))
          } else if let near = looseMatch(of: quote.text, in: scope) ?? nearMatch(of: quote.text, in: scope) {
            // The caret marks the first character that differs.
            let differs = near.lowerBound + QuoteHint.firstDifference(quote.text, source.text(in: near))
            let caret = min(differs, max(near.lowerBound, near.upperBound - 1))
            notes.append(
              Diagnostic.Note(
                "the closest text in \(scope.name) is \(MetadataText.quoted(source.text(in: near)))",
                at: document.location(of: caret..<(caret + 1))))
          }
        }
        error(
          .semanticQuoteNotFound, quote.pointer, "quote \(shown) not found in \(scope.name)", notes: notes,
          help: "copy the words exactly from \(scope.name)")
        return nil
      }
      if let occurrence = quote.occurrence {
        guard occurrence >= 1, occurrence <= found.count else {
          error(
            .semanticOccurrenceOutOfRange, quote.pointer,
            "occurrence \(occurrence) of \(shown) asked, but \(scope.name) has \(found.count)")
          return nil
        }
        validated.quoteSpans[quote.pointer] = found[occurrence - 1]
        return found[occurrence - 1]
      }
      if found.count > 1 {
        let notes = found.prefix(10).enumerated().map { index, range in
          Diagnostic.Note("occurrence \(index + 1)", at: document.location(of: range))
        }
        error(
          .semanticQuoteAmbiguous, quote.pointer,
          "quote \(shown) occurs \(found.count) times in \(scope.name)",
          notes: notes, help: "quote more words, or write {quote: …, occurrence: N}")
        return nil
      }
      validated.quoteSpans[quote.pointer] = found[0]
      return found[0]
    }

    /// The first other numbered section that holds the quote, for "found in section N".
    mutating func otherSection(of text: String, besides scope: QuoteScope) -> (
      scope: String, range: Range<Int>
    )? {
      guard scope.name.hasPrefix("section") || scope.name.hasPrefix("the unnumbered") else { return nil }
      for section in document.ingested.sections where section.version == nil {
        guard let other = sectionScope(section.number), other.ranges != scope.ranges,
          let first = occurrences(of: text, in: other).first
        else { continue }
        return (other.name, first)
      }
      return nil
    }

    /// Where the quote occurs in the scope when case, width and quotation marks are ignored (and
    /// quotation marks around the whole quote dropped).
    func looseMatch(of text: String, in scope: QuoteScope) -> Range<Int>? {
      var trimmed = Substring(text)
      let marks: Set<Character> = [
        "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{300C}", "\u{300D}",
      ]
      while let first = trimmed.first, marks.contains(first) { trimmed = trimmed.dropFirst() }
      while let last = trimmed.last, marks.contains(last) { trimmed = trimmed.dropLast() }
      guard !trimmed.isEmpty else { return nil }
      for range in scope.ranges {
        let matcher = QuoteMatcher(text: source.text(in: range), folding: .loose)
        if let first = matcher.occurrences(of: String(trimmed)).first {
          return (range.lowerBound + first.lowerBound)..<(range.lowerBound + first.upperBound)
        }
      }
      return nil
    }

    /// The text of the scope that starts like the longest prefix of the quote that occurs in it (at
    /// least a third of the quote), as a range as long as the quote.
    mutating func nearMatch(of text: String, in scope: QuoteScope) -> Range<Int>? {
      let characters = Array(text)
      var low = 0
      var high = characters.count
      var best: Range<Int>?
      while low < high {
        let middle = (low + high + 1) / 2
        if let first = occurrences(of: String(characters[..<middle]), in: scope).first {
          low = middle
          best = first
        } else {
          high = middle - 1
        }
      }
      guard let best, low >= max(3, characters.count / 3) else { return nil }
      let limit = scope.ranges.first { $0.contains(best.lowerBound) }?.upperBound ?? best.upperBound
      // As long as the quote, then to the end of the word it stops in.
      let window = best.lowerBound..<min(limit, best.lowerBound + text.unicodeScalars.count + 24)
      let scalars = Array(source.text(in: window).unicodeScalars)
      var length = min(scalars.count, text.unicodeScalars.count)
      while length < scalars.count, length > 0, scalars[length - 1].properties.isAlphabetic,
        scalars[length].properties.isAlphabetic || scalars[length].properties.numericType != nil
      {
        length += 1
      }
      return best.lowerBound..<(best.lowerBound + length)
    }

    // MARK: Scopes

    func sectionScope(_ number: Int) -> QuoteScope? {
      let ingested = document.ingested
      if number >= 1 {
        guard let section = ingested.section(number: number) else { return nil }
        return QuoteScope(name: "section \(number)", ranges: [section.start..<section.end])
      }
      let ranges = ingested.blocks.filter { block in
        block.section == nil && block.kind != .byline && !(block.kind == .title && block.version == nil)
      }.map(\.range)
      return ranges.isEmpty ? nil : QuoteScope(name: "the unnumbered text (section 0)", ranges: ranges)
    }

    // MARK: Activities

    mutating func checkActivities() {
      let activities = document.annotation.activities
      let localIDs = Set(activities.map(\.id.value))
      for activity in activities {
        checkVocabulary(activity)
        if let partOf = activity.partOf {
          if partOf.value == activity.id.value {
            error(.semanticUnknownPartOf, partOf.pointer, "an activity cannot be part of itself")
          } else if !localIDs.contains(partOf.value) {
            error(
              .semanticUnknownPartOf, partOf.pointer,
              "part_of names '\(partOf.value)', no activity of this document",
              help: suggest {
                Suggestion.bestMatch(for: partOf.value, among: localIDs.subtracting([activity.id.value]))
              }.map {
                "did you mean '\($0)'?"
              })
          }
        }
        checkDate(activity)
        for participant in activity.participants { resolveReferences(participant) }
        if let country = activity.location?.country { resolveCountry(country) }
        guard let scope = sectionScope(activity.section.value) else {
          let numbers = document.ingested.sections.filter { $0.version == nil }.map { String($0.number) }
          error(
            .semanticMissingSection, activity.section.pointer,
            "section \(activity.section.value) does not exist in \(source.path)",
            help: numbers.isEmpty
              ? "the document has no numbered sections; use 0 for its text"
              : "the document has sections \(numbers.joined(separator: ", "))")
          continue
        }
        for quote in activity.evidence { check(quote, in: scope) }
        if let name = activity.name { check(name, in: scope) }
        if let first = activity.firstOfKind { check(first, in: scope) }
        if let edition = activity.edition { check(edition.raw, in: scope) }
        if let raw = activity.date.raw { check(raw, in: scope) }
        if let location = activity.location {
          check(location.raw, in: scope)
          if let place = location.place { checkInside(place, raw: location.raw, what: "place") }
        }
        for quantity in activity.quantities { check(quantity.raw, in: scope) }
        for participant in activity.participants { checkQuotes(participant, in: scope) }
      }
    }

    mutating func checkVocabulary(_ activity: Annotation.Activity) {
      if let type = vocabularies.activityTypes[activity.type.value] {
        if type.status == "reserved" {
          warning(.semanticReservedType, activity.type.pointer, "activity type '\(type.id)' is reserved")
        }
        if let subtype = activity.subtype, !type.subtypes.contains(subtype.value) {
          error(
            .semanticUnknownSubtype, subtype.pointer,
            "'\(subtype.value)' is not a subtype of '\(type.id)'",
            help: type.subtypes.isEmpty
              ? "'\(type.id)' has no subtypes"
              : (Suggestion.bestMatch(for: subtype.value, among: type.subtypes).map {
                "did you mean '\($0)'? "
              } ?? "")
                + "allowed: \(type.subtypes.joined(separator: ", "))")
        }
      } else {
        error(
          .semanticUnknownType, activity.type.pointer, "unknown activity type '\(activity.type.value)'",
          help: suggest { vocabularies.activityTypeHelp(for: activity.type.value) })
      }
      for area in activity.areas {
        guard let term = vocabularies.areas[area.value] else {
          error(
            .semanticUnknownArea, area.pointer, "unknown cooperation area '\(area.value)'",
            help: suggest { vocabularies.areaHelp(for: area.value) })
          continue
        }
        if term.requiresNote && activity.notes == nil {
          error(
            .semanticAreaNeedsNotes, area.pointer, "area '\(area.value)' needs notes on the activity",
            help: "say in notes what the area is")
        }
      }
    }

    mutating func checkDate(_ activity: Annotation.Activity) {
      let date = activity.date
      let parsed: EDTFDate
      do {
        parsed = try EDTFDate(parsing: date.edtf.value)
      } catch {
        let problem = ValueForm.edtf.problem(with: date.edtf.value)
        self.error(
          .semanticInvalidDate, date.edtf.pointer,
          problem?.message ?? "'\(date.edtf.value)' is not an EDTF date: \(error.message)",
          help: problem?.help)
        return
      }
      validated.dates[date.edtf.pointer] = parsed
      guard let published = document.publicationDay else { return }
      if !activity.isPlanned, let earliest = parsed.earliest, earliest > published {
        error(
          .semanticDateAfterPublication, date.edtf.pointer,
          "date \(date.edtf.value) begins after the publication date \(published)",
          help: "mark the activity 'assertion: planned' if the text announces it, or fix the date")
        return
      }
      switch date.basis.value {
      case "inferred_publication_year":
        let outside = [parsed.earliest, parsed.latest].compactMap { $0 }.contains {
          $0.year != published.year
        }
        if outside {
          error(
            .semanticDateBasis, date.edtf.pointer,
            "basis inferred_publication_year, but \(date.edtf.value) is not within \(published.year)")
        }
      case "bounded_by_publication":
        if parsed.earliest != published && parsed.latest != published {
          error(
            .semanticDateBasis, date.edtf.pointer,
            "basis bounded_by_publication, but neither end of \(date.edtf.value) is the publication date \(published)"
          )
        }
      default: break
      }
    }

    // MARK: Participants

    @discardableResult
    mutating func resolveCountry(_ reference: Located<String>) -> String? {
      if let code = vocabularies.country(reference.value) {
        validated.countries[reference.pointer] = code
        return code
      }
      error(
        .semanticUnknownCountry, reference.pointer, "unknown country '\(reference.value)'",
        help: suggest { vocabularies.suggestCountry(for: reference.value) }.map { "did you mean '\($0)'?" }
          ?? "use an ISO 3166-1 alpha-3 code or a name of the country vocabulary")
      return nil
    }

    @discardableResult
    mutating func resolveOrganization(_ reference: Located<String>) -> String? {
      if let id = vocabularies.organization(reference.value) {
        validated.organizations[reference.pointer] = id
        return id
      }
      error(
        .semanticUnknownOrganization, reference.pointer, "unknown organization '\(reference.value)'",
        help: suggest { vocabularies.organizationHelp(for: reference.value) })
      return nil
    }

    mutating func resolveReferences(_ participant: Annotation.Participant) {
      let code = participant.country.flatMap { resolveCountry($0) }
      if let organization = participant.organization, let id = resolveOrganization(organization),
        let code, let owner = vocabularies.organizations[id]?.country, owner != code
      {
        error(
          .semanticOrganizationCountry, organization.pointer,
          "organization \(id) belongs to \(owner), but the participant's country is \(code)")
      }
      guard let set = participant.set else { return }
      var seen: [String: JSONPointer] = [:]
      for member in set.members {
        var resolved: String?
        if set.memberKind == "country" {
          if let organization = member.organization {
            error(
              .semanticMemberKind, organization.pointer, "a member of a country set names an organization")
            continue
          }
          resolved = resolveCountry(member.country ?? Located(member.quote.text, at: member.quote.pointer))
        } else {
          if let country = member.country {
            error(.semanticMemberKind, country.pointer, "a member of an organization set names a country")
            continue
          }
          resolved = resolveOrganization(
            member.organization ?? Located(member.quote.text, at: member.quote.pointer))
        }
        guard let resolved else { continue }
        // Every member's entity is also recorded at the member's own pointer.
        if set.memberKind == "country" {
          validated.countries[member.pointer] = resolved
        } else {
          validated.organizations[member.pointer] = resolved
        }
        if let first = seen[resolved] {
          error(
            .semanticDuplicateMember, member.pointer, "\(resolved) is listed twice in this set",
            notes: [Diagnostic.Note("first listed here", at: document.location(of: first))])
        } else {
          seen[resolved] = member.pointer
        }
      }
      checkConsistency(set)
    }

    mutating func checkConsistency(_ set: Annotation.ParticipantSet) {
      let listed = set.members.count
      let complete = set.completeness.value == "complete"
      let membersPointer = set.pointer.appending("members")
      guard let total = set.total else {
        if complete && listed == 0 {
          error(
            .semanticSetCompleteness, set.completeness.pointer,
            "an empty set with no total cannot be complete")
        }
        return
      }
      let stated = total.value.map { "\(total.qualifier.value) \($0)" } ?? total.qualifier.value
      let (lower, upper) = total.bounds
      if let upper, JSONNumber(listed) > upper {
        error(
          .semanticSetExceedsTotal, membersPointer,
          "\(listed) members listed, but the stated total is \(stated) (at most \(upper))",
          notes: [Diagnostic.Note("the stated total", at: document.location(of: total.pointer))])
      }
      if complete {
        if total.qualifier.value == "vague" {
          error(
            .semanticSetCompleteness, set.completeness.pointer, "a set with a vague total cannot be complete")
        } else if let lower, JSONNumber(listed) < lower {
          error(
            .semanticSetCompleteness, set.completeness.pointer,
            "complete, but \(listed) members listed and the stated total is \(stated)",
            help: "mark the set partial, or list every member")
        }
      }
    }

    mutating func checkQuotes(_ participant: Annotation.Participant, in scope: QuoteScope) {
      if let raw = participant.raw {
        check(raw, in: scope)
        if let person = participant.person {
          checkInside(person.name, raw: raw, what: "name")
          for title in person.titles { checkInside(title, raw: raw, what: "title") }
        }
      }
      guard let set = participant.set else { return }
      for member in set.members { check(member.quote, in: scope) }
      if let evidence = set.completenessEvidence { check(evidence, in: scope) }
      if let total = set.total { check(total.raw, in: scope) }
    }

    mutating func checkInside(_ value: Located<String>, raw: Quote, what: String) {
      if QuoteMatcher(text: raw.text, folding: .rightSingleQuotationMark).occurrences(of: value.value).isEmpty
      {
        error(
          .semanticNotInsideRaw, value.pointer,
          "\(what) \(MetadataText.quoted(value.value)) does not occur inside raw \(MetadataText.quoted(raw.text))",
          notes: [Diagnostic.Note("the raw quote", at: document.location(of: raw.pointer))])
      }
    }

    // MARK: Terms

    /// The list items of a language: the ingest stage's list items, else an inline list in a
    /// paragraph (`…包括:a,b,c,等等。`).
    func listItems(language: String) -> [Range<Int>] {
      let items = document.ingested.blocks.filter { $0.kind == .listItem && $0.language == language }
      if !items.isEmpty { return items.map(\.range) }
      for block in document.ingested.blocks where block.kind == .paragraph && block.language == language {
        let found = InlineList.items(in: block.text)
        if found.count >= 2 {
          return found.map { (block.start + $0.lowerBound)..<(block.start + $0.upperBound) }
        }
      }
      return []
    }

    mutating func checkTerms() {
      let terms = document.annotation.terms
      guard !terms.isEmpty else { return }
      var lists: [String: [Range<Int>]] = [:]
      var mapped: [String: Set<Int>] = [:]
      var seen: [String: JSONPointer] = [:]
      for term in terms {
        if let first = seen[term.term.value] {
          error(
            .semanticTermMappedTwice, term.term.pointer, "term '\(term.term.value)' is mapped twice",
            notes: [Diagnostic.Note("first mapped here", at: document.location(of: first))])
        } else {
          seen[term.term.value] = term.term.pointer
        }
        let known: [String] =
          term.vocabulary.value == "activity-types"
          ? Array(vocabularies.activityTypes.keys) : Array(vocabularies.areas.keys)
        if !known.contains(term.term.value) {
          error(
            .semanticUnknownTerm, term.term.pointer,
            "unknown \(term.vocabulary.value) term '\(term.term.value)'",
            help: suggest { Suggestion.bestMatch(for: term.term.value, among: known) }.map {
              "did you mean '\($0)'?"
            })
        }
        for (language, form) in term.forms {
          if lists[language] == nil { lists[language] = listItems(language: language) }
          let items = lists[language] ?? []
          let scope: QuoteScope
          if let item = form.item {
            guard item.value <= items.count else {
              error(
                .semanticMissingListItem, item.pointer,
                "the \(language) list has \(items.count) item\(items.count == 1 ? "" : "s"), not \(item.value)"
              )
              continue
            }
            mapped[language, default: []].insert(item.value)
            scope = QuoteScope(name: "\(language) list item \(item.value)", ranges: [items[item.value - 1]])
          } else {
            let ranges = document.ingested.blocks.filter { $0.language == language }.map(\.range)
            scope = QuoteScope(name: "the \(language) text", ranges: ranges)
          }
          check(form.evidence, in: scope)
        }
      }
      for (language, items) in lists.sorted(by: { $0.key < $1.key }) {
        for number in 1...max(1, items.count)
        where items.count > 0 && !(mapped[language]?.contains(number) ?? false) {
          warning(
            .semanticUnmappedListItem, JSONPointer(tokens: ["terms"]),
            "\(language) list item \(number) \(MetadataText.quoted(source.text(in: items[number - 1]))) is not mapped to a term"
          )
        }
      }
    }
  }
}
