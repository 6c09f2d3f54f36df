import Foundation

#if canImport(_FoundationICU)
  import _FoundationICU
#endif

/// A regex search with a step budget, so a pattern that backtracks exponentially is reported as
/// undecided instead of "does not match" (issue 17; docs/reliability.md, "Regex cost").
///
/// On Linux the pattern runs on ICU directly (the engine behind `NSRegularExpression`, same syntax
/// and semantics) with `uregex_setTimeLimit`: the limit counts match-engine steps, not seconds, so
/// the verdict is the same on a fast machine and a loaded one. Elsewhere the search falls back to
/// `NSRegularExpression`.
final class BoundedRegexSearch: @unchecked Sendable {
  /// The step budget of one search (ICU's unit: steps of its match engine, each a few thousand
  /// backtracking steps; 250 is on the order of 50 ms).
  static let stepLimit: Int32 = 250

  #if canImport(_FoundationICU)
    /// The compiled pattern; only cloned (ICU's clone is thread-safe), never matched directly.
    private let compiled: OpaquePointer

    init?(translated: String) {
      let pattern = Array(translated.utf16)
      var status = U_ZERO_ERROR
      guard let compiled = swift_uregex_open(pattern, Int32(pattern.count), 0, nil, &status),
        status.rawValue <= U_ZERO_ERROR.rawValue
      else { return nil }
      self.compiled = compiled
    }

    deinit { swift_uregex_close(compiled) }

    /// `true` or `false` when the search finished within the budget, `nil` when it did not.
    func decide(_ string: String) -> Bool? {
      var status = U_ZERO_ERROR
      guard let regex = swift_uregex_clone(compiled, &status), status.rawValue <= U_ZERO_ERROR.rawValue else {
        return nil
      }
      defer { swift_uregex_close(regex) }
      swift_uregex_setTimeLimit(regex, Self.stepLimit, &status)
      let text = Array(string.utf16)
      return text.withUnsafeBufferPointer { buffer -> Bool? in
        // ICU wants a non-null pointer even for empty text.
        let empty: [UInt16] = [0]
        return empty.withUnsafeBufferPointer { fallback -> Bool? in
          swift_uregex_setText(
            regex, buffer.baseAddress ?? fallback.baseAddress, Int32(buffer.count), &status)
          guard status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
          let found = swift_uregex_find(regex, 0, &status)
          // U_REGEX_TIME_OUT, U_REGEX_STACK_OVERFLOW, out of memory: no verdict.
          guard status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
          return found != 0
        }
      }
    }
  #else
    private let expression: NSRegularExpression

    init?(translated: String) {
      guard let expression = try? NSRegularExpression(pattern: translated, options: []) else { return nil }
      self.expression = expression
    }

    func decide(_ string: String) -> Bool? {
      let length = (string as NSString).length
      return expression.firstMatch(in: string, options: [], range: NSRange(location: 0, length: length))
        != nil
    }
  #endif
}
