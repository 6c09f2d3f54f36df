import Foundation

/// One updating line on stderr: `build: 420/1000 documents, 312 docs/s, 2 s left`. Redrawn at most
/// ten times a second and cleared by `finish()`, so nothing of it stays in the terminal.
public final class ProgressLine: @unchecked Sendable {
  /// What is done (`build`, `validate`).
  public let verb: String
  /// How many documents there are.
  public let total: Int
  /// False when nothing is drawn (not a terminal, or `--quiet`).
  public let enabled: Bool
  private let lock = NSLock()
  private let start = StageTimings.Clock.wallNow()
  private var lastDraw = 0.0
  private var drawn = false

  /// A line for `total` documents, drawn only when `enabled`.
  public init(verb: String, total: Int, enabled: Bool) {
    self.verb = verb
    self.total = total
    self.enabled = enabled
  }

  /// Records that `done` documents are finished (redraws when due).
  public func update(_ done: Int, _ total: Int) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = StageTimings.Clock.wallNow()
    guard done == total || now - lastDraw >= 0.1 else { return }
    lastDraw = now
    let elapsed = max(now - start, 1e-6)
    let rate = Double(done) / elapsed
    var text = "\(verb): \(done)/\(total) documents, \(Int(rate.rounded())) docs/s"
    if done < total && rate > 0 {
      text += ", \(Self.duration(Double(total - done) / rate)) left"
    }
    write("\r\u{1B}[2K" + text)
    drawn = true
  }

  /// Clears the line.
  public func finish() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    if drawn { write("\r\u{1B}[2K") }
    drawn = false
  }

  /// A status message on its own line (only when progress is shown).
  public func message(_ text: String) {
    guard enabled else { return }
    write(text + "\n")
  }

  /// `42 s` or `3 min 5 s`.
  public static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
