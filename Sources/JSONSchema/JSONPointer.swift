/// A JSON Pointer (RFC 6901): the path of a value inside a JSON document.
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Unescaped reference tokens, outermost first.
  public var tokens: [String]

  public init(tokens: [String] = []) { self.tokens = tokens }

  /// The pointer to the whole document (`""`).
  public static let root = JSONPointer()

  /// Parses the string form (`/a/0/b~1c`); `nil` when it does not start with `/` and is not empty,
  /// or when an escape is not `~0` or `~1`.
  public init?(_ text: String) {
    if text.isEmpty {
      self.tokens = []
      return
    }
    guard text.first == "/" else { return nil }
    var tokens: [String] = []
    for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      var token = ""
      var iterator = raw.makeIterator()
      while let c = iterator.next() {
        if c == "~" {
          switch iterator.next() {
          case "0": token.append("~")
          case "1": token.append("/")
          default: return nil
          }
        } else {
          token.append(c)
        }
      }
      tokens.append(token)
    }
    self.tokens = tokens
  }

  /// Returns this pointer extended by an object key.
  public func appending(_ key: String) -> JSONPointer { JSONPointer(tokens: tokens + [key]) }

  /// Returns this pointer extended by an array index.
  public func appending(_ index: Int) -> JSONPointer { JSONPointer(tokens: tokens + [String(index)]) }

  /// The pointer one level up; the root's parent is the root.
  public var parent: JSONPointer { JSONPointer(tokens: Array(tokens.dropLast())) }

  /// The escaped string form.
  public var description: String {
    var out = ""
    for token in tokens {
      out.append("/")
      if token.utf8.contains(where: { $0 == 0x7E || $0 == 0x2F }) {
        for scalar in token.unicodeScalars {
          switch scalar {
          case "~": out.append("~0")
          case "/": out.append("~1")
          default: out.unicodeScalars.append(scalar)
          }
        }
      } else {
        out.append(token)
      }
    }
    return out
  }

  /// Resolves the pointer in a value; `nil` when a token does not exist.
  public func resolve(in value: JSONValue) -> JSONValue? {
    var current = value
    for token in tokens {
      switch current {
      case .object(let object):
        guard let next = object[token] else { return nil }
        current = next
      case .array(let array):
        guard let index = Int(token), String(index) == token, index >= 0, index < array.count else {
          return nil
        }
        current = array[index]
      default:
        return nil
      }
    }
    return current
  }

  public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
    lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
  }
}
