import JSONSchema

/// The typed content of an annotation sidecar (`Input/NAME.yaml`), format 1.0 (docs/annotations.md).
///
/// Decoded by `AnnotationDecoder` from a value that passed `annotation.schema.json`; every field keeps
/// the JSON Pointer where it was written (`Located`, `Quote`), so that semantic checks report
/// `file:line:column`.
public struct Annotation: Sendable, Hashable {
  /// What kind of document the annotation describes.
  public enum Kind: String, Sendable, Hashable {
    /// A news article reporting activities.
    case newsArticle = "news_article"
    /// A definition document defining vocabulary terms.
    case definition
  }

  public var kind: Kind
  public var metadata: Metadata
  /// The activities (news articles), in text order.
  public var activities: [Activity]
  /// The terms (definition documents), in text order.
  public var terms: [Term]
  /// Free text for people.
  public var notes: String?

  public init(kind: Kind, metadata: Metadata, activities: [Activity], terms: [Term], notes: String?) {
    self.kind = kind
    self.metadata = metadata
    self.activities = activities
    self.terms = terms
    self.notes = notes
  }
}
