/// The result of composing a YAML stream: its documents and every problem found.
public struct YAMLStream: Sendable {
  /// The documents composed completely (a document cut short by a syntax error is left out).
  public var documents: [YAMLDocument]
  /// Problems found while composing, in the order found.
  public var diagnostics: [Diagnostic]

  public init(documents: [YAMLDocument], diagnostics: [Diagnostic]) {
    self.documents = documents
    self.diagnostics = diagnostics
  }

  /// True when a diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
