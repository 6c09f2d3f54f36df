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
