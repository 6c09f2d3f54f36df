import Dispatch
import Foundation

/// Guards the output folder of a build (docs/reliability.md, "Faults"):
///
/// - **One writer at a time.** Before a bag is written, an exclusive `flock` is taken on
///   `.NAME.lock` beside the output folder `NAME`; a second build (or merge) writing the same folder
///   exits at once with "another build (pid N) is writing NAME". The lock belongs to the open file, so
///   the kernel releases it when the process dies, even by SIGKILL; the file is removed at exit (a lock
///   file left by a killed run is taken over and removed by the next one).
/// - **Interrupts clean up.** SIGINT, SIGTERM and SIGHUP remove the temporary folder (`.NAME.tmp-PID`)
///   and exit with 128 + the signal number. The handler runs on its own queue and takes the same lock
///   as the swap, so an interrupt lands either before the swap (the old bag stays, the temporary folder
///   goes) or after it (the new bag stays): never between the two renames.
final class BagFolderGuard: @unchecked Sendable {
  static let shared = BagFolderGuard()

  private let mutex = NSLock()
  private var lockPath: String?
  private var lockFD: Int32 = -1
  private var temporary: String?
  private var stopping = false
  private var sources: [DispatchSourceSignal] = []
  private let queue = DispatchQueue(label: "dossier.signals")

  /// Takes the output folder's lock, or throws naming the process that holds it.
  func acquire(_ writer: BagFolderWriter) throws {
    mutex.lock()
    defer { mutex.unlock() }
    let path = BagFolderWriter.join(writer.parent, ".\(writer.name).lock")
    if lockPath == path { return }
    // The output's parent may not exist yet (`--output Parts/1-of-3`).
    do {
      try FileManager.default.createDirectory(atPath: writer.parent, withIntermediateDirectories: true)
    } catch {
      throw BagFolderWriter.Failure(
        description: "cannot create folder '\(writer.parent)': \(error.localizedDescription)")
    }
    // A lock file can be removed by its holder between our open and our flock: then we hold a lock
    // on a file no one else will open; retry until the path and the locked file are the same.
    for _ in 0..<100 {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw BagFolderWriter.Failure(
          description: "cannot create the lock file '\(path)': \(writer.errnoText())")
      }
      if flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let holder = Self.readPID(fd)
        close(fd)
        let who = holder.map { "another build (pid \($0))" } ?? "another build"
        throw BagFolderWriter.Failure(
          description: "\(who) is writing \(writer.output); wait for it to finish "
            + "(the lock is \(path), released when that process ends)")
      }
      var opened = stat()
      var named = stat()
      if fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino,
        opened.st_dev == named.st_dev
      {
        _ = ftruncate(fd, 0)
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        lockPath = path
        lockFD = fd
        atexit { BagFolderGuard.shared.releaseAtExit() }
        installSignalHandlers()
        return
      }
      close(fd)
    }
    throw BagFolderWriter.Failure(description: "cannot take the lock '\(path)': it keeps changing")
  }

  /// Removes the lock file a killed run left behind (one no live process holds); a held lock stays.
  static func removeStaleLock(_ writer: BagFolderWriter) {
    let path = BagFolderWriter.join(writer.parent, ".\(writer.name).lock")
    if shared.mutex.withLock({ shared.lockPath == path }) { return }
    let fd = open(path, O_RDWR | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    // Unlinked while locked: a process that opened the old file notices (inode check) and retries.
    if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
  }

  /// Records the temporary folder an interrupt must remove (`nil`: none).
  func track(_ folder: String?) {
    mutex.lock()
    temporary = folder
    mutex.unlock()
  }

  /// Runs `body` (the swap) so that no interrupt cleans up in the middle of it.
  func whileSwapping<T>(_ body: () throws -> T) rethrows -> T {
    mutex.lock()
    defer { mutex.unlock() }
    return try body()
  }

  /// True once an interrupt is cleaning up: no new folder may be created in the temporary folder.
  var isStopping: Bool {
    mutex.lock()
    defer { mutex.unlock() }
    return stopping
  }

  private func installSignalHandlers() {
    guard sources.isEmpty else { return }
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler { BagFolderGuard.shared.interrupted(signalNumber) }
      source.resume()
      sources.append(source)
    }
  }

  private func interrupted(_ signalNumber: Int32) {
    mutex.lock()
    stopping = true
    if let temporary {
      // Writers may still be adding files: try a few times.
      for _ in 0..<5 where FileManager.default.fileExists(atPath: temporary) {
        try? FileManager.default.removeItem(atPath: temporary)
      }
      let name = String(
        temporary[temporary.index(after: temporary.lastIndex(of: "/") ?? temporary.startIndex)...])
      let message = "\ninterrupted: \(name) removed; the previous bag is unchanged\n"
      FileHandle.standardError.write(Data(message.utf8))
    }
    removeLockFile()
    _exit(128 + signalNumber)
  }

  private func releaseAtExit() {
    mutex.lock()
    removeLockFile()
    mutex.unlock()
  }

  /// Removes the lock file while still holding the lock (caller holds `mutex`).
  private func removeLockFile() {
    guard let lockPath, lockFD >= 0 else { return }
    unlink(lockPath)
    close(lockFD)
    self.lockPath = nil
    lockFD = -1
  }

  private static func readPID(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return Int32(text)
  }
}
