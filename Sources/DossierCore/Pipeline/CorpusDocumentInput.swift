/// One document of the corpus as values: its id, the text (`NAME.txt`) and the annotation
/// (`NAME.yaml`), either of which may be missing.
public struct CorpusDocumentInput: Sendable, Hashable {
  public var id: String
  public var text: CorpusFile?
  public var annotation: CorpusFile?

  public init(id: String, text: CorpusFile?, annotation: CorpusFile?) {
    self.id = id
    self.text = text
    self.annotation = annotation
  }
}
