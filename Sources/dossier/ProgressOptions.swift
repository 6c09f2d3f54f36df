import ArgumentParser
import DossierCore
import Foundation

/// `--quiet`, `--progress` and `--timings` of the commands that walk the whole corpus (`build`,
/// `validate`).
struct ProgressOptions: ParsableArguments {
  @Flag(
    name: .shortAndLong,
    help:
      "Print no progress line, status message or build summary (documents, activities, changes) on stderr.")
  var quiet = false

  @Flag(help: "Show the progress line even when stderr is not a terminal.")
  var progress = false

  @Flag(help: "After the run, print the wall and CPU time of each stage on stderr.")
  var timings = false

  /// True when status messages and the progress line go to stderr: on a terminal, or with
  /// `--progress`; never with `--quiet`.
  var showsProgress: Bool { !quiet && (progress || isatty(STDERR_FILENO) == 1) }

  /// A progress line for `total` documents (inactive when `showsProgress` is false).
  func line(_ verb: String, total: Int) -> ProgressLine {
    ProgressLine(verb: verb, total: total, enabled: showsProgress)
  }

  /// Prints the stage table when `--timings` was given.
  func printTimings(_ timings: StageTimings, since start: Double) {
    guard self.timings else { return }
    let wall = StageTimings.Clock.wallNow() - start
    FileHandle.standardError.write(
      Data(timings.report(totalWall: wall, totalCPU: StageTimings.Clock.processCPU()).utf8))
  }
}

/// One updating line on stderr: `build: 420/1000 documents, 312 docs/s, 2 s left`. Redrawn at most
/// ten times a second and cleared by `finish()`, so nothing of it stays in the terminal.
final class ProgressLine: @unchecked Sendable {
  let verb: String
  let total: Int
  let enabled: Bool
  private let lock = NSLock()
  private let start = StageTimings.Clock.wallNow()
  private var lastDraw = 0.0
  private var drawn = false

  init(verb: String, total: Int, enabled: Bool) {
    self.verb = verb
    self.total = total
    self.enabled = enabled
  }

  /// Records that `done` documents are finished (redraws when due).
  func update(_ done: Int, _ total: Int) {
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
  func finish() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    if drawn { write("\r\u{1B}[2K") }
    drawn = false
  }

  /// A status message on its own line (only when progress is shown).
  func message(_ text: String) {
    guard enabled else { return }
    write(text + "\n")
  }

  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
