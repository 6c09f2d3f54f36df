import JSONSchema

/// What two mapping keys are compared by when looking for duplicates: the resolved scalar value.
///
/// `a` and `'a'` are the same string; `1` and `01` are the same integer; `1` and `'1'` differ.
/// Collection keys get no identity: they are never hashed (an alias to a large subtree used as a key
/// must not cost more than the alias itself) and are rejected later because JSON needs string keys.
enum YAMLKeyIdentity: Hashable {
  case string(String)
  case null
  case bool(Bool)
  case int(JSONNumber)
  case float(JSONNumber)
  case infinity(negative: Bool)
  case tooLarge(String)

  /// The identity of a resolved scalar, or `nil` when it never equals anything (`.nan`).
  init?(kind: YAMLScalarKind, text: String) {
    switch kind {
    case .string: self = .string(text)
    case .null: self = .null
    case .bool: self = .bool(YAMLScalarResolver.boolValue(text))
    case .int, .float:
      switch YAMLScalarResolver.number(text, kind: kind) {
      case .finite(let n): self = kind == .int ? .int(n) : .float(n)
      case .infinity(let negative): self = .infinity(negative: negative)
      case .nan: return nil
      case .tooLarge: self = .tooLarge(text)
      }
    }
  }
}
