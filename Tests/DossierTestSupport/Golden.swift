import Foundation

/// Golden-file comparison with a record switch: run with `UPDATE_GOLDENS=1` to rewrite the files.
public enum Golden {
  /// `Tests/Goldens/SUITE/`, the one root of every suite's golden files.
  public static func folder(_ suite: String) -> URL {
    RepositoryPaths.root.appendingPathComponent("Tests/Goldens").appendingPathComponent(suite)
  }

  /// Compares `actual` with the golden file; returns `nil` when equal (or just recorded),
  /// otherwise a readable line diff to put in a test failure.
  public static func compare(_ actual: String, with file: URL) -> String? {
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
      try? FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      return nil
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      return "golden file \(file.path) is missing; run with UPDATE_GOLDENS=1 to record it"
    }
    if expected == actual { return nil }
    return "golden mismatch for \(file.lastPathComponent) (UPDATE_GOLDENS=1 to record):\n"
      + lineDiff(expected: expected, actual: actual)
  }

  /// A small unified-style diff: `-` expected lines, `+` actual lines, around the first difference.
  public static func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < e.count && prefix < a.count && e[prefix] == a[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < e.count - prefix && suffix < a.count - prefix
      && e[e.count - 1 - suffix] == a[a.count - 1 - suffix]
    {
      suffix += 1
    }
    var out = "@@ line \(prefix + 1) @@\n"
    for line in e[max(0, prefix - 2)..<prefix] { out += "  \(line)\n" }
    for line in e[prefix..<(e.count - suffix)] { out += "- \(line)\n" }
    for line in a[prefix..<(a.count - suffix)] { out += "+ \(line)\n" }
    return out
  }
}
