/// Turns raw bytes into normalized text plus its line index in one linear pass.
enum SourceDecoder {
  /// What one decoding pass found.
  struct Result {
    var text = ""
    var lineIndex = LineIndex(
      lineStarts: [0], lineUTF8Starts: [0], checkpoints: [], scalarCount: 0, utf8Count: 0)
    var hadByteOrderMark = false
    var normalizedLineEnds = 0
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
  }

  /// Where a problem was seen: the original byte offset and the position in the normalized text.
  private struct Sighting {
    var byteOffset: Int
    var line: Int
    var column: Int
    var detail: String
    var count = 1
  }

  static func decode(_ bytes: [UInt8], path: String) -> Result {
    bytes.withUnsafeBufferPointer { decode($0, path: path) }
  }

  private static func decode(_ input: UnsafeBufferPointer<UInt8>, path: String) -> Result {
    var result = Result()
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var lineStarts = [0]
    var lineUTF8Starts = [0]
    var checkpoints: [Int] = []
    var scalarCount = 0

    var invalid: Sighting?
    var nul: Sighting?
    var control: Sighting?

    var offset = 0
    if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF {
      result.hadByteOrderMark = true
      offset = 3
    }

    @inline(__always) func column() -> Int { scalarCount - lineStarts[lineStarts.count - 1] + 1 }

    while offset < input.count {
      let byte = input[offset]
      if checkpoints.count * LineIndex.checkpointStride == scalarCount {
        checkpoints.append(output.count)
      }
      if byte < 0x80 {
        if byte == 0x0D || byte == 0x0A {
          if byte == 0x0D {
            result.normalizedLineEnds += 1
            offset += offset + 1 < input.count && input[offset + 1] == 0x0A ? 2 : 1
          } else {
            offset += 1
          }
          output.append(0x0A)
          scalarCount += 1
          lineStarts.append(scalarCount)
          lineUTF8Starts.append(output.count)
          continue
        }
        if byte == 0 {
          if nul == nil {
            nul = Sighting(byteOffset: offset, line: lineStarts.count, column: column(), detail: "")
          } else {
            nul!.count += 1
          }
        } else if (byte < 0x20 && byte != 0x09 && byte != 0x0C) || byte == 0x7F {
          if control == nil {
            control = Sighting(
              byteOffset: offset, line: lineStarts.count, column: column(),
              detail: "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4))
          } else {
            control!.count += 1
          }
        }
        output.append(byte)
        offset += 1
        scalarCount += 1
        continue
      }
      switch UTF8Scanner.step(input, at: offset) {
      case .scalar(let value, let length):
        if value >= 0x80 && value <= 0x9F {
          if control == nil {
            control = Sighting(
              byteOffset: offset, line: lineStarts.count, column: column(),
              detail: "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4))
          } else {
            control!.count += 1
          }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[offset..<offset + length]))
        offset += length
        scalarCount += 1
      case .invalid(let problem, let length):
        if invalid == nil {
          invalid = Sighting(
            byteOffset: offset, line: lineStarts.count, column: column(), detail: problem.message)
        } else {
          invalid!.count += 1
        }
        offset += length
      }
    }

    if let invalid {
      let others = invalid.count - 1
      let more = others > 0 ? " (and \(others) more invalid sequence\(others == 1 ? "" : "s"))" : ""
      result.errors.append(
        .error(
          .invalidUTF8,
          "invalid UTF-8 at byte \(invalid.byteOffset) (line \(invalid.line)): \(invalid.detail)\(more)",
          at: SourceLocation(file: path, line: invalid.line, column: invalid.column),
          help: utf16Hint(input) ?? "re-save the file as UTF-8"))
    }
    if let nul {
      let more = nul.count > 1 ? " (\(nul.count) in all)" : ""
      result.errors.append(
        .error(
          .nulCharacter,
          "NUL character at byte \(nul.byteOffset) (line \(nul.line))\(more); the file looks binary",
          at: SourceLocation(file: path, line: nul.line, column: nul.column),
          help: utf16Hint(input) ?? "only plain UTF-8 text files can be ingested"))
    }
    if let control {
      let more = control.count > 1 ? " (\(control.count) in all)" : ""
      result.warnings.append(
        .warning(
          .controlCharacter,
          "control character \(control.detail) at byte \(control.byteOffset)\(more)",
          at: SourceLocation(file: path, line: control.line, column: control.column),
          help: "remove the control character; XML exports cannot hold it"))
    }
    guard result.errors.isEmpty else { return result }
    result.text = String(decoding: output, as: UTF8.self)
    result.lineIndex = LineIndex(
      lineStarts: lineStarts, lineUTF8Starts: lineUTF8Starts, checkpoints: checkpoints,
      scalarCount: scalarCount, utf8Count: output.count)
    return result
  }

  /// A hint when the bytes look like UTF-16 (a UTF-16 byte-order mark or many NUL bytes in even/odd spots).
  private static func utf16Hint(_ input: UnsafeBufferPointer<UInt8>) -> String? {
    let hint = "the file looks like UTF-16; convert it with `iconv -f UTF-16 -t UTF-8`"
    if input.count >= 2 && (input[0] == 0xFF && input[1] == 0xFE || input[0] == 0xFE && input[1] == 0xFF) {
      return hint
    }
    let sample = min(input.count, 4096)
    guard sample >= 8 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for index in 0..<sample where input[index] == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let half = sample / 2
    return evenZeros * 10 >= half * 8 || oddZeros * 10 >= half * 8 ? hint : nil
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
