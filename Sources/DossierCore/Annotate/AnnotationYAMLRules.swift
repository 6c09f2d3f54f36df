/// The YAML restrictions of the annotation format that the general loader accepts: no anchors,
/// aliases or explicit tags (docs/annotations.md §1). Reported as `A006`.
enum AnnotationYAMLRules {
  /// Every anchor, alias and explicit tag in the document behind `map`, in document order.
  static func check(_ map: JSONSourceMap) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var stack = map.layers.reversed().map(\.document.root)
    var visited = 0
    while let node = stack.popLast() {
      visited += 1
      if visited > 1_000_000 { break }
      if node.kind == .alias {
        diagnostics.append(
          .error(
            .annotationYAMLFeature, "aliases are not allowed in annotation files", at: node.location,
            notes: node.target.map { [Diagnostic.Note("the anchor it refers to", at: $0.location)] } ?? [],
            help: "write the value out in full"))
        continue
      }
      if let anchor = node.anchor {
        diagnostics.append(
          .error(
            .annotationYAMLFeature, "anchor '&\(anchor)' is not allowed in annotation files",
            at: node.location,
            help: "remove the anchor"))
      }
      if node.tag != .implicit {
        diagnostics.append(
          .error(
            .annotationYAMLFeature, "explicit tags are not allowed in annotation files", at: node.location,
            help: "remove the tag; quote the value if it must be a string"))
      }
      switch node.kind {
      case .sequence: stack.append(contentsOf: node.items.reversed())
      case .mapping:
        for pair in node.pairs.reversed() {
          stack.append(pair.value)
          stack.append(pair.key)
        }
      default: break
      }
    }
    return diagnostics
  }
}
