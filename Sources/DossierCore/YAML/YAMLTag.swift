/// The tag of a YAML node after libyaml has expanded tag handles (`!!str` → `tag:yaml.org,2002:str`).
///
/// Dossier honours the YAML 1.2 core tags and the non-specific tag `!`; every other tag is reported
/// as an error (`Y003`) and the node is then treated as untagged.
public enum YAMLTag: Hashable, Sendable {
  /// No tag written: plain scalars are resolved by the core schema, other scalars are strings.
  case implicit
  /// The non-specific tag `!`: a scalar is a string, a collection keeps its kind.
  case nonSpecific
  case str
  case int
  case float
  case bool
  case null
  case map
  case seq
  /// Any other tag (reported as unsupported), with its expanded text.
  case other(String)

  /// A compact code stored in the node table (keeps node records trivially copyable).
  var code: UInt8 {
    switch self {
    case .implicit: return 0
    case .nonSpecific: return 1
    case .str: return 2
    case .int: return 3
    case .float: return 4
    case .bool: return 5
    case .null: return 6
    case .map: return 7
    case .seq: return 8
    case .other: return 9
    }
  }

  /// The tag for a stored code (`other` gives the text of an unsupported tag).
  init(code: UInt8, other: String?) {
    switch code {
    case 1: self = .nonSpecific
    case 2: self = .str
    case 3: self = .int
    case 4: self = .float
    case 5: self = .bool
    case 6: self = .null
    case 7: self = .map
    case 8: self = .seq
    case 9: self = .other(other ?? "")
    default: self = .implicit
    }
  }

  static let corePrefix = Array("tag:yaml.org,2002:".utf8)

  /// Classifies an expanded tag from libyaml.
  static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLTag {
    if bytes.count == 1 && bytes[0] == UInt8(ascii: "!") { return .nonSpecific }
    let prefix = corePrefix
    if bytes.count > prefix.count && bytes.prefix(prefix.count).elementsEqual(prefix) {
      let rest = UnsafeBufferPointer(rebasing: bytes[prefix.count...])
      switch String(decoding: rest, as: UTF8.self) {
      case "str": return .str
      case "int": return .int
      case "float": return .float
      case "bool": return .bool
      case "null": return .null
      case "map": return .map
      case "seq": return .seq
      default: break
      }
    }
    return .other(String(decoding: bytes, as: UTF8.self))
  }

  /// The short form people write (`!!str`, `!`, `!local`).
  public var displayName: String {
    switch self {
    case .implicit: return ""
    case .nonSpecific: return "!"
    case .str: return "!!str"
    case .int: return "!!int"
    case .float: return "!!float"
    case .bool: return "!!bool"
    case .null: return "!!null"
    case .map: return "!!map"
    case .seq: return "!!seq"
    case .other(let text):
      let prefix = "tag:yaml.org,2002:"
      if text.hasPrefix(prefix) { return "!!" + text.dropFirst(prefix.count) }
      if text.hasPrefix("!") { return text }
      return "!<\(text)>"
    }
  }
}
