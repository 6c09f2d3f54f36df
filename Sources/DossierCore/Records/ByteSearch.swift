/// glibc's `memmem` (a GNU extension the Swift module does not export).
@_silgen_name("memmem") private func systemMemmem(
  _ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int
) -> UnsafeMutableRawPointer?

/// Finds bytes in bytes with glibc's `memmem` (a vectorized two-way search): the DOCTYPE guard of the
/// XML exports and the quote search over folded sections.
enum ByteSearch {
  /// The offset of every occurrence of `needle` in `haystack`, overlapping ones included, in order
  /// (only the first when `firstOnly`). An empty needle occurs nowhere.
  static func offsets(of needle: [UInt8], in haystack: [UInt8], firstOnly: Bool = false) -> [Int] {
    guard !needle.isEmpty else { return [] }
    var offsets: [Int] = []
    haystack.withUnsafeBytes { haystack in
      needle.withUnsafeBytes { needle in
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return }
        var from = 0
        while haystack.count - from >= needle.count,
          let found = systemMemmem(base + from, haystack.count - from, pattern, needle.count)
        {
          let offset = base.distance(to: UnsafeRawPointer(found))
          offsets.append(offset)
          if firstOnly { return }
          from = offset + 1
        }
      }
    }
    return offsets
  }
}
