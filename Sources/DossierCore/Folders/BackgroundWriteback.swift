import Foundation

@_silgen_name("syncfs") private func systemSyncFS(_ fd: Int32) -> Int32

/// Syncs the file system of a folder to disk on a thread of its own while a bag is still being
/// written, so the `syncfs` that `BagFolderSink.commit()` must wait for before the swap only has the
/// last bytes left (docs/performance.md, "Atomicity").
///
/// `wrote(_:)` counts the bytes written and asks for a sync every `interval` bytes, returning at once;
/// requests made while one runs are folded into the next. `finish()` waits for the thread, then syncs once more on the same descriptor and reports
/// any error seen since the folder was opened, the background syncs' included (a write-back error
/// is reported once per open descriptor, so none may be lost on the way).
final class BackgroundWriteback: @unchecked Sendable {
  private let fd: Int32
  /// Bytes written between two background syncs.
  private let interval: Int
  /// Bytes written since the last sync was asked for (only the writing thread touches it).
  private var unsynced = 0
  private let condition = NSCondition()
  private var requested = false
  private var stopping = false
  private var exited = false
  private var failure: Int32?

  /// Opens `folder` and starts the thread; `nil` when the folder cannot be opened.
  init?(folder: String, interval: Int) {
    self.interval = max(1, interval)
    fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    let thread = Thread { [self] in loop() }
    thread.name = "dossier-writeback"
    thread.start()
  }

  deinit { close(fd) }

  /// Counts `bytes` written; every `interval` bytes, asks for a sync of everything written so far.
  func wrote(_ bytes: Int) {
    unsynced += bytes
    guard unsynced >= interval else { return }
    unsynced = 0
    request()
  }

  /// Asks for a sync of everything written so far; does not wait.
  private func request() {
    condition.lock()
    requested = true
    condition.signal()
    condition.unlock()
  }

  /// Ends the thread (after the sync in progress) without a final sync.
  func stop() {
    condition.lock()
    stopping = true
    condition.signal()
    while !exited { condition.wait() }
    condition.unlock()
  }

  /// Ends the thread, then syncs what is left. Returns the `errno` of the first failed sync, or nil.
  func finish() -> Int32? {
    stop()
    if systemSyncFS(fd) != 0, failure == nil { failure = errno }
    return failure
  }

  private func loop() {
    condition.lock()
    while true {
      while !requested && !stopping { condition.wait() }
      if stopping { break }
      requested = false
      condition.unlock()
      let result = systemSyncFS(fd)
      let code = errno
      condition.lock()
      if result != 0, failure == nil { failure = code }
    }
    exited = true
    condition.broadcast()
    condition.unlock()
  }
}
