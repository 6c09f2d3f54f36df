import Testing

@testable import DossierCore

@Suite struct ByteSearchTests {
  @Test func findsEveryOccurrenceIncludingOverlapsAndTheEnds() {
    let haystack = Array("aaXaa<!DOCTYPE".utf8)
    #expect(ByteSearch.offsets(of: Array("aa".utf8), in: haystack) == [0, 3])
    #expect(ByteSearch.offsets(of: Array("a".utf8), in: haystack) == [0, 1, 3, 4])
    #expect(ByteSearch.offsets(of: Array("<!DOCTYPE".utf8), in: haystack) == [5])
    #expect(ByteSearch.offsets(of: Array("aaa".utf8), in: Array("aaaa".utf8)) == [0, 1])
    #expect(ByteSearch.offsets(of: Array("a".utf8), in: haystack, firstOnly: true) == [0])
  }

  @Test func emptyOrLongerNeedlesOccurNowhere() {
    #expect(ByteSearch.offsets(of: [], in: Array("abc".utf8)).isEmpty)
    #expect(ByteSearch.offsets(of: Array("abcd".utf8), in: Array("abc".utf8)).isEmpty)
    #expect(ByteSearch.offsets(of: Array("a".utf8), in: []).isEmpty)
  }

  @Test func theDoctypeGuardSeesTheMarkerAnywhere() {
    #expect(LibXML2.hasDoctype(Array("<!DOCTYPE r><r/>".utf8)))
    #expect(LibXML2.hasDoctype(Array("<r>text <!DOCTYPE</r>".utf8)))
    #expect(!LibXML2.hasDoctype(Array("<r>!DOCTYPE <!-- x --></r>".utf8)))
  }
}
