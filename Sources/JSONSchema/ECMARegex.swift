import Foundation

/// A regular expression with ECMA-262 semantics (as JSON Schema requires), run by
/// `NSRegularExpression` after translating the pattern.
///
/// Translation rules (ECMA-262 with the `u` flag → ICU):
/// - `\d` `\w` `\s` `\b` and their negations use ECMA's ASCII definitions (`\s` includes U+FEFF);
/// - `$` matches only at the very end (ICU also matches before a final line break);
/// - `.` matches anything but `\n`, `\r`, U+2028, U+2029;
/// - `[^]` matches any character, `[]` matches nothing; `[` and `&` inside a class are literal
///   (ICU would read nested sets and `&&` intersections);
/// - `\uXXXX` (also as surrogate pairs) and `\u{X…}` become code points; `\cX` controls;
/// - inline flag groups such as `(?i)` do not exist in ECMA-262 and are rejected.
/// Compiled expressions are cached by pattern text and are safe to share between threads.
public struct ECMARegex: Sendable {
  let storage: Storage

  /// The pattern as written in the schema.
  public var pattern: String { storage.pattern }

  final class Storage: @unchecked Sendable {
    let pattern: String
    let expression: NSRegularExpression
    /// A faster test for the most common shapes (plain literal, `^literal`), when applicable.
    let literal: LiteralPattern?
    /// An automaton for ASCII input, when the pattern is in the supported subset.
    let ascii: ASCIIRegex?
    /// The backtracking search with a step budget (everything the automaton cannot run).
    let bounded: BoundedRegexSearch?

    init(pattern: String, expression: NSRegularExpression, translated: String) {
      self.pattern = pattern
      self.expression = expression
      self.bounded = BoundedRegexSearch(translated: translated)
      self.literal = ECMARegex.literalShape(pattern)
      self.ascii = literal == nil ? ASCIIRegex(pattern) : nil
    }
  }

  enum LiteralPattern {
    case contains(String)
    case prefix(String)
    case exact(String)
  }

  /// Compiles an ECMA-262 pattern; throws a message describing the problem.
  public init(_ pattern: String) throws(RegexError) {
    if let cached = ECMARegex.cache.get(pattern) {
      self = cached
      return
    }
    var translated = try ECMARegex.translate(pattern)
    // The empty pattern is valid ECMA-262 (it matches everywhere); ICU rejects it.
    if translated.isEmpty { translated = "(?:)" }
    let expression: NSRegularExpression
    do {
      expression = try NSRegularExpression(pattern: translated, options: [])
    } catch {
      throw RegexError(message: "invalid regular expression /\(pattern)/: the pattern is not valid")
    }
    storage = Storage(pattern: pattern, expression: expression, translated: translated)
    ECMARegex.cache.set(pattern, self)
  }

  /// True when the pattern matches somewhere in the string (JSON Schema patterns are not anchored).
  /// A search that the backtracking engine gives up on (see `decide(_:)`) counts as no match; callers
  /// that report a verdict use `decide(_:)` instead.
  public func matches(_ string: String) -> Bool { decide(string) ?? false }

  /// Whether the pattern matches somewhere in the string: `true`, `false`, or `nil` when the answer
  /// could not be found within the regex step budget (`BoundedRegexSearch`; docs/reliability.md).
  /// `nil` is never a verdict: report it as an error.
  public func decide(_ string: String) -> Bool? {
    let storage = self.storage
    if let literal = storage.literal {
      switch literal {
      case .contains(let s): return ECMARegex.containsBytes(string, s)
      case .prefix(let s): return string.utf8.starts(with: s.utf8)
      case .exact(let s): return string.utf8.elementsEqual(s.utf8)
      }
    }
    if let automaton = storage.ascii { return automaton.matches(string) }
    if let bounded = storage.bounded { return bounded.decide(string) }
    let ns = string as NSString  // bridged once, then searched in UTF-16
    return storage.expression.firstMatch(
      in: string, options: [], range: NSRange(location: 0, length: ns.length)) != nil
  }

  /// True when the pattern runs on the linear-time automaton (for tests).
  public static func usesAutomatonForTesting(_ pattern: String) -> Bool {
    (try? ECMARegex(pattern))?.storage.ascii != nil || literalShape(pattern) != nil
  }

  /// The translated `NSRegularExpression` (for tests comparing engines).
  public static func translateForTesting(_ pattern: String) throws -> NSRegularExpression {
    try NSRegularExpression(pattern: translate(pattern), options: [])
  }

  /// Code-point (UTF-8 byte) substring search, without Swift's canonical equivalence.
  static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
    let n = Array(needle.utf8)
    if n.isEmpty { return true }
    var h = haystack
    return h.withUTF8 { buffer -> Bool in
      guard buffer.count >= n.count else { return false }
      for start in 0...(buffer.count - n.count) where buffer[start] == n[0] {
        var k = 1
        while k < n.count && buffer[start + k] == n[k] { k += 1 }
        if k == n.count { return true }
      }
      return false
    }
  }

  /// An error in a regular expression.
  public struct RegexError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  static func literalShape(_ pattern: String) -> LiteralPattern? {
    var body = Substring(pattern)
    var anchoredStart = false
    var anchoredEnd = false
    if body.hasPrefix("^") {
      anchoredStart = true
      body = body.dropFirst()
    }
    if body.hasSuffix("$") && !body.hasSuffix("\\$") {
      anchoredEnd = true
      body = body.dropLast()
    }
    let special: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]
    guard !body.contains(where: { special.contains($0) }) else { return nil }
    switch (anchoredStart, anchoredEnd) {
    case (false, false): return .contains(String(body))
    case (true, false): return .prefix(String(body))
    case (true, true): return .exact(String(body))
    case (false, true): return nil
    }
  }

  final class Cache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: ECMARegex] = [:]
    func get(_ key: String) -> ECMARegex? {
      lock.lock()
      defer { lock.unlock() }
      return entries[key]
    }
    func set(_ key: String, _ value: ECMARegex) {
      lock.lock()
      defer { lock.unlock() }
      if entries.count > 10_000 { entries.removeAll() }
      entries[key] = value
    }
  }
  static let cache = Cache()

  static let digit = "0-9"
  static let word = "A-Za-z0-9_"
  static let space =
    "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"

  /// Checks grouping and quantifiers: unbalanced parentheses, "nothing to repeat",
  /// doubled quantifiers and `{n,m}` with n > m are errors in ECMA-262.
  static func structureProblem(_ s: [Unicode.Scalar]) -> String? {
    var i = 0
    var depth = 0
    var canQuantify = false
    var afterQuantifier = false
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    while i < s.count {
      let c = s[i]
      switch c {
      case "\\":
        if i + 2 < s.count && ["u", "p", "P"].contains(s[i + 1]) && s[i + 2] == "{" {
          i += 3
          while i < s.count && s[i] != "}" { i += 1 }
          i += 1
        } else {
          i += 2
        }
        canQuantify = true
        afterQuantifier = false
        continue
      case "[":
        i += 1
        if i < s.count && s[i] == "^" { i += 1 }
        while i < s.count && s[i] != "]" {
          i += s[i] == "\\" ? 2 : 1
        }
        if i >= s.count { return "unterminated character class" }
        canQuantify = true
        afterQuantifier = false
      case "(":
        depth += 1
        canQuantify = false
        afterQuantifier = false
        if i + 1 < s.count && s[i + 1] == "?" {
          i += 2
          if i < s.count && s[i] == "<" && i + 1 < s.count && s[i + 1] != "=" && s[i + 1] != "!" {
            while i < s.count && s[i] != ">" { i += 1 }
          }
        }
      case ")":
        depth -= 1
        if depth < 0 { return "unmatched ')'" }
        canQuantify = true
        afterQuantifier = false
      case "|", "^", "$":
        canQuantify = false
        afterQuantifier = false
      case "*", "+", "?", "{":
        if c == "?" && afterQuantifier {
          afterQuantifier = false
          break
        }
        if c == "{" {
          var j = i + 1
          var low = 0
          var high: Int?
          var digits = 0
          while j < s.count && isDigit(s[j]) {
            low = min(low * 10 + Int(s[j].value - 0x30), 1_000_000)
            j += 1
            digits += 1
          }
          if digits > 0 && j < s.count && s[j] == "," {
            j += 1
            var h = 0
            var hd = 0
            while j < s.count && isDigit(s[j]) {
              h = min(h * 10 + Int(s[j].value - 0x30), 1_000_000)
              j += 1
              hd += 1
            }
            if hd > 0 { high = h }
          } else {
            high = low
          }
          guard digits > 0, j < s.count, s[j] == "}" else { return "lone '{' (escape it as \\{)" }
          if let high, high < low { return "numbers out of order in {\(low),\(high)} quantifier" }
          i = j
        }
        if !canQuantify {
          return afterQuantifier
            ? "a quantifier cannot follow another quantifier" : "nothing to repeat before '\(c)'"
        }
        canQuantify = false
        afterQuantifier = true
      default:
        canQuantify = true
        afterQuantifier = false
      }
      i += 1
    }
    if depth > 0 { return "missing ')'" }
    return nil
  }

  /// Translates ECMA-262 syntax to ICU syntax.
  static func translate(_ pattern: String) throws(RegexError) -> String {
    let s = Array(pattern.unicodeScalars)
    if let problem = structureProblem(s) {
      throw RegexError(message: "invalid regular expression /\(pattern)/: \(problem)")
    }
    var out = ""
    var i = 0
    var inClass = false
    var classStart = 0  // index just after '[' or '[^'
    // Open groups; `true` for lookbehinds, where ICU needs bounded repetition.
    var groups: [Bool] = []
    func fail(_ why: String) -> RegexError {
      RegexError(message: "invalid regular expression /\(pattern)/: \(why)")
    }
    func hexValue(_ from: Int, _ count: Int) -> UInt32? {
      guard from + count <= s.count else { return nil }
      var v: UInt32 = 0
      for k in from..<(from + count) {
        guard let d = Int(String(s[k]), radix: 16) else { return nil }
        v = v * 16 + UInt32(d)
      }
      return v
    }
    func codePoint(_ v: UInt32) -> String { "\\x{" + String(v, radix: 16) + "}" }
    while i < s.count {
      let c = s[i]
      if c == "\\" {
        guard i + 1 < s.count else { throw fail("pattern ends with a lone backslash") }
        let e = s[i + 1]
        i += 2
        switch e {
        case "d": out += inClass ? digit : "[" + digit + "]"
        case "D": out += inClass ? "[^" + digit + "]" : "[^" + digit + "]"
        case "w": out += inClass ? word : "[" + word + "]"
        case "W": out += "[^" + word + "]"
        case "s": out += inClass ? space : "[" + space + "]"
        case "S": out += "[^" + space + "]"
        case "b":
          if inClass {
            out += "\\x{08}"
          } else {
            out += "(?:(?<=[\(word)])(?![\(word)])|(?<![\(word)])(?=[\(word)]))"
          }
        case "B":
          if inClass { throw fail("\\B inside a character class") }
          out += "(?:(?<=[\(word)])(?=[\(word)])|(?<![\(word)])(?![\(word)]))"
        case "u":
          if i < s.count && s[i] == "{" {
            guard let close = s[i...].firstIndex(of: "}"), close > i + 1, close - i <= 7,
              let v = hexValue(i + 1, close - i - 1), v <= 0x10FFFF
            else { throw fail("invalid \\u{...} escape") }
            out += codePoint(v)
            i = close + 1
          } else {
            guard let v = hexValue(i, 4) else { throw fail("invalid \\u escape (expected four hex digits)") }
            i += 4
            if v >= 0xD800 && v <= 0xDBFF, i + 6 <= s.count, s[i] == "\\", s[i + 1] == "u",
              let low = hexValue(i + 2, 4), low >= 0xDC00 && low <= 0xDFFF
            {
              i += 6
              out += codePoint(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))
            } else {
              out += codePoint(v)
            }
          }
        case "x":
          guard let v = hexValue(i, 2) else { throw fail("invalid \\x escape (expected two hex digits)") }
          i += 2
          out += codePoint(v)
        case "c":
          guard i < s.count, s[i].isASCII, s[i].properties.isAlphabetic else {
            throw fail("invalid \\c escape")
          }
          out += codePoint(s[i].value % 32)
          i += 1
        case "0":
          if i < s.count, s[i].value >= 0x30 && s[i].value <= 0x39 {
            throw fail("octal escapes are not allowed")
          }
          out += "\\x{0}"
        case "p", "P":
          guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else {
            throw fail("invalid \\\(e) escape (expected {...})")
          }
          out += "\\\(e)" + String(String.UnicodeScalarView(s[i...close]))
          i = close + 1
        case "k":
          guard i < s.count, s[i] == "<" else { throw fail("invalid \\k escape") }
          out += "\\k"
        case "t", "n", "v", "f", "r":
          let map: [Unicode.Scalar: String] = [
            "t": "\\t", "n": "\\n", "v": "\\x{0B}", "f": "\\f", "r": "\\r",
          ]
          out += map[e]!
        case "1", "2", "3", "4", "5", "6", "7", "8", "9":
          if inClass { throw fail("back reference inside a character class") }
          out += "\\" + String(e)
          while i < s.count, s[i].value >= 0x30 && s[i].value <= 0x39 {
            out += String(s[i])
            i += 1
          }
        case "-":
          if !inClass { throw fail("invalid escape \\-") }
          out += "\\-"
        default:
          // With the u flag only syntax characters may be escaped.
          if "^$\\.*+?()[]{}|/".unicodeScalars.contains(e) {
            out += "\\" + String(e)
          } else {
            throw fail("invalid escape \\\(e)")
          }
        }
        continue
      }
      if inClass {
        switch c {
        case "]":
          if i == classStart {
            // `[]` matches nothing, `[^]` anything.
            let negated = out.hasSuffix("[^")
            out.removeLast(negated ? 2 : 1)
            out += negated ? "[\\s\\S]" : "(?!)"
          } else {
            out += "]"
          }
          inClass = false
        case "[": out += "\\["
        case "&": out += "\\&"
        case "-":
          out += "-"
        default:
          out.unicodeScalars.append(c)
        }
        i += 1
        continue
      }
      switch c {
      case "[":
        inClass = true
        out += "["
        i += 1
        if i < s.count && s[i] == "^" {
          out += "^"
          i += 1
        }
        classStart = i
        continue
      case "$":
        out += "(?![\\s\\S])"
      case ".":
        out += "[^\\n\\r\\x{2028}\\x{2029}]"
      case ")":
        if !groups.isEmpty { groups.removeLast() }
        out += ")"
      case "*" where groups.contains(true):
        out += "{0,1000}"
      case "+" where groups.contains(true):
        out += "{1,1000}"
      case "(":
        groups.append(
          i + 3 < s.count && s[i + 1] == "?" && s[i + 2] == "<" && (s[i + 3] == "=" || s[i + 3] == "!"))
        if i + 1 < s.count && s[i + 1] == "?" {
          guard i + 2 < s.count else { throw fail("unterminated group") }
          let k = s[i + 2]
          if k == ":" || k == "=" || k == "!" {
          } else if k == "<" {
            guard i + 3 < s.count else { throw fail("unterminated group") }
            if s[i + 3] != "=" && s[i + 3] != "!" {
              // named group: name must be an identifier
              guard let close = s[(i + 3)...].firstIndex(of: ">"), close > i + 3 else {
                throw fail("invalid group name")
              }
              _ = close
            }
          } else {
            throw fail(
              "'(?\(k)' is not ECMA-262 syntax (inline flags and other group kinds are not supported)")
          }
        }
        out += "("
      case "{":
        // A quantifier `{n}`, `{n,}`, `{n,m}`; anything else is an error with the u flag.
        var j = i + 1
        var sawDigit = false
        while j < s.count, s[j].value >= 0x30 && s[j].value <= 0x39 {
          j += 1
          sawDigit = true
        }
        if sawDigit && j < s.count && s[j] == "," {
          j += 1
          while j < s.count, s[j].value >= 0x30 && s[j].value <= 0x39 { j += 1 }
        }
        guard sawDigit, j < s.count, s[j] == "}" else { throw fail("lone '{' (escape it as \\{)") }
        var quantifier = String(String.UnicodeScalarView(s[i...j]))
        if quantifier.hasSuffix(",}") && groups.contains(true) {
          quantifier = String(quantifier.dropLast()) + "1000}"
        }
        out += quantifier
        i = j + 1
        // ICU possessive `+` after a quantifier is not ECMA: reject below via generic check.
        continue
      case "}":
        throw fail("lone '}' (escape it as \\})")
      case "]":
        throw fail("lone ']' (escape it as \\])")
      default:
        out.unicodeScalars.append(c)
      }
      i += 1
    }
    if inClass { throw fail("unterminated character class") }
    return out
  }
}
