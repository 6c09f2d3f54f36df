import Foundation

@_silgen_name("syncfs") private func systemSyncFS(_ fd: Int32) -> Int32

/// Syncs the file system of a folder to disk on a thread of its own while a bag is still being
/// written, so the `syncfs` that `BagFolderSink.commit()` must wait for before the swap only has the
/// last bytes left (docs/performance.md, "Writing back while building").
///
/// `request()` asks for a sync and returns at once; requests made while one runs are folded into the
/// next. `finish()` waits for the thread, then syncs once more on the same descriptor and reports
/// any error seen since the folder was opened, the background syncs' included (a write-back error
/// is reported once per open descriptor, so none may be lost on the way).
final class BackgroundWriteback: @unchecked Sendable {
  private let fd: Int32
  private let condition = NSCondition()
  private var requested = false
  private var stopping = false
  private var exited = false
  private var failure: Int32?

  /// Opens `folder` and starts the thread; `nil` when the folder cannot be opened.
  init?(folder: String) {
    fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    let thread = Thread { [self] in loop() }
    thread.name = "dossier-writeback"
    thread.start()
  }

  deinit { close(fd) }

  /// Asks for a sync of everything written so far; does not wait.
  func request() {
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
