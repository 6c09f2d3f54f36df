import DossierCore
import DossierTestSupport
import Testing

@Suite struct SuggestionTests {
  static let countries = [
    "China", "Chile", "Russia", "North Macedonia", "Republic of the Congo", "Türkiye", "Cambodia", "Laos",
    "Malaysia", "Korea, Republic of", "United Kingdom", "United States",
  ]

  @Test(arguments: [
    ("Chnia", "China"),  // swapped neighbours
    ("Rusia", "Russia"),  // missing letter
    ("russia", "Russia"),  // case
    ("Turkiye", "Türkiye"),  // diacritics
    ("Northern Macedonia", "North Macedonia"),
    ("north-macedonia", "North Macedonia"),
    ("Republic of Korea", "Korea, Republic of"),  // same words, other order
    ("Cambodja", "Cambodia"),
    ("Malaysai", "Malaysia"),
  ])
  func suggestsTheClosestName(_ input: String, _ expected: String) {
    #expect(Suggestion.bestMatch(for: input, among: Self.countries) == expected)
  }

  @Test(arguments: ["Atlantis", "xyz", "", "  ", "Q", "Democratic Republic"])
  func suggestsNothingWhenNothingIsClose(_ input: String) {
    #expect(Suggestion.bestMatch(for: input, among: Self.countries) == nil)
  }

  @Test func doesNotReplaceAWholeShortName() {
    #expect(Suggestion.bestMatch(for: "XY", among: ["UN", "EU"]) == nil)
    #expect(Suggestion.bestMatch(for: "UM", among: ["UN", "EU"]) == "UN")
  }

  @Test func tiesGoToTheFirstNameInSortedOrder() {
    // "Chine" is one edit from both; the answer does not depend on the candidates' order.
    #expect(Suggestion.bestMatch(for: "Chile", among: ["China", "Chile"]) == "Chile")
    #expect(Suggestion.closeMatches(for: "Chixe", among: ["Chile", "China"]) == ["Chile"])
    #expect(Suggestion.closeMatches(for: "Chin", among: ["Chine", "China"]) == ["China", "Chine"])
    #expect(Suggestion.closeMatches(for: "Chin", among: ["China", "Chine"]) == ["China", "Chine"])
  }

  @Test func closeMatchesAreOrderedAndLimited() {
    let matches = Suggestion.closeMatches(
      for: "U01", among: ["U001", "U010", "U100", "Y003", "U001"], limit: 2)
    #expect(matches == ["U001", "U010"])
  }

  @Test func chineseNames() {
    #expect(Suggestion.bestMatch(for: "柬埔塞", among: ["柬埔寨", "老挝", "马来西亚"]) == "柬埔寨")
    #expect(Suggestion.bestMatch(for: "日本", among: ["柬埔寨", "老挝"]) == nil)
  }

  @Test func distanceIsOptimalStringAlignment() {
    #expect(Suggestion.distance("kitten", "sitting") == 3)
    #expect(Suggestion.distance("ca", "ac") == 1)
    #expect(Suggestion.distance("abc", "abc") == 0)
    #expect(Suggestion.distance("ÉCOLE", "ecole") == 0)
    #expect(Suggestion.distance("", "abc") == 3)
    #expect(
      Suggestion.distance(Array("abcdef".unicodeScalars), Array("uvwxyz".unicodeScalars), limit: 2) == nil)
  }

  @Test func foldIgnoresCaseDiacriticsWidthAndSpacing() {
    #expect(Suggestion.fold("  Côte  d’Ivoire ") == Array("cote d’ivoire".unicodeScalars))
    #expect(Suggestion.fold("ＵＮ") == Array("un".unicodeScalars))
    #expect(Suggestion.fold("a_b-c") == Array("a b c".unicodeScalars))
  }

  @Test func handlesLargeInputsQuickly() {
    let long = String(repeating: "ab", count: 5000)
    let candidates = (0..<500).map { "candidate \($0)" }
    #expect(Suggestion.bestMatch(for: long, among: candidates + [long + "x"]) == long + "x")
  }
}

extension SuggestionTests {
  /// The banded computation agrees with the plain dynamic programme on many pairs.
  @Test func bandedDistanceAgreesWithTheFullTable() {
    var generator = SplitMix(seed: 42)
    let alphabet = Array("abcé中 ".unicodeScalars)
    for _ in 0..<2000 {
      let a = (0..<Int(generator.next() % 9)).map { _ in
        alphabet[Int(generator.next() % UInt64(alphabet.count))]
      }
      let b = (0..<Int(generator.next() % 9)).map { _ in
        alphabet[Int(generator.next() % UInt64(alphabet.count))]
      }
      let full = Self.fullDistance(a, b)
      for limit in 0...9 {
        let banded = Suggestion.distance(a, b, limit: limit)
        #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
      }
    }
  }

  static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
