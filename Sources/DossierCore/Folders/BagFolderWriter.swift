import Foundation

/// Writes a bag to disk atomically, and compares a bag with a folder (`--check`).
///
/// Writing (`BagFolderSink`): every file goes into `.NAME.tmp-PID` beside the output folder `NAME` (same
/// parent, so the renames stay on one file system); the temporary folder's file system is synced
/// (`syncfs`, one call instead of one `fsync` per file); then the old folder is renamed
/// to `.NAME.old-PID`, the new one renamed to `NAME`, the parent fsynced and the old folder removed.
/// A run killed at any point leaves `NAME` complete (old or new), except between the two renames, when
/// the complete old bag is `.NAME.old-PID`: `recover()`, run first by every build, renames it back.
/// Leftover temporary folders of runs that are no longer alive are removed.
public struct BagFolderWriter: Sendable {
  /// An I/O failure (for the commands, exit status 2).
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The output folder.
  public let output: String
  var fileManager: FileManager { .default }

  /// The writer of the output folder `output` (a trailing `/` is dropped).
  public init(output: String) {
    var path = output
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.output = path
  }

  /// The folder holding the output (`.` for a bare name). Plain string handling: Foundation's
  /// `deletingLastPathComponent` traps on one-character paths on Linux.
  public var parent: String {
    guard let slash = output.lastIndex(of: "/") else { return "." }
    let parent = String(output[..<slash])
    return parent.isEmpty ? "/" : parent
  }
  /// The output folder's own name.
  public var name: String {
    guard let slash = output.lastIndex(of: "/") else { return output }
    return String(output[output.index(after: slash)...])
  }
  /// This process's id (in the names of the temporary folders).
  public var pid: Int32 { ProcessInfo.processInfo.processIdentifier }
  /// The folder the new bag is written to: `.NAME.tmp-PID` beside the output.
  public var temporary: String { Self.join(parent, ".\(name).tmp-\(pid)") }
  /// Where the old bag waits during the swap: `.NAME.old-PID` beside the output.
  public var previous: String { Self.join(parent, ".\(name).old-\(pid)") }

  /// `folder/relative` (`DiskFile.join`).
  public static func join(_ folder: String, _ relative: String) -> String { DiskFile.join(folder, relative) }

  /// Test hook: `DOSSIER_TEST_FAULT` = `write:N` fails writing the N-th file; `kill:before-swap` or
  /// `kill:between-renames` kills the process (SIGKILL) at that point; `pause:after-prepare` sleeps
  /// 30 s once the lock is held and the temporary folder exists (interrupt and concurrency tests).
  /// Used only by the tests that prove the output folder survives a failed, killed or concurrent build.
  /// Read once: the environment is copied on every access.
  let fault: String? = ProcessInfo.processInfo.environment["DOSSIER_TEST_FAULT"]

  // MARK: Recovery

  /// Restores or removes what an interrupted run left beside the output folder.
  public func recover() throws {
    BagFolderGuard.removeStaleLock(self)
    guard let names = try? fileManager.contentsOfDirectory(atPath: parent) else { return }
    for leftover in names.sorted() {
      let tmpPrefix = ".\(name).tmp-"
      let oldPrefix = ".\(name).old-"
      let path = Self.join(parent, leftover)
      if leftover.hasPrefix(tmpPrefix), !isAlive(leftover.dropFirst(tmpPrefix.count)) {
        try remove(path)
      } else if leftover.hasPrefix(oldPrefix), !isAlive(leftover.dropFirst(oldPrefix.count)) {
        if fileManager.fileExists(atPath: output) {
          try remove(path)
        } else {
          try rename(path, to: output)
          syncFolder(parent)
        }
      }
    }
  }

  private func isAlive(_ pidText: Substring) -> Bool {
    guard let other = Int32(pidText), other > 0 else { return false }
    if other == pid { return false }
    return kill(other, 0) == 0 || errno == EPERM
  }

  // MARK: Writing

  /// Syncs the temporary folder and swaps it in for the output folder (see the type's documentation).
  public func swapIn() throws {
    try BagFolderGuard.shared.whileSwapping { try swapInLocked() }
    BagFolderGuard.shared.track(nil)
  }

  private func swapInLocked() throws {
    if fault == "kill:before-swap" { kill(pid, SIGKILL) }
    let hadOutput = fileManager.fileExists(atPath: output)
    if hadOutput {
      try rename(output, to: previous)
      if fault == "kill:between-renames" { kill(pid, SIGKILL) }
    }
    do {
      try rename(temporary, to: output)
    } catch {
      if hadOutput { try? rename(previous, to: output) }
      try? remove(temporary)
      throw error
    }
    syncFolder(parent)
    if hadOutput { try remove(previous) }
  }

  /// Takes the output folder's lock (a second writer stops here, `BagFolderGuard`), then creates the
  /// empty temporary folder, which an interrupt removes.
  func prepareTemporary() throws {
    try BagFolderGuard.shared.acquire(self)
    try checkReplaceable()
    try remove(temporary)
    BagFolderGuard.shared.track(temporary)
    try makeFolder(temporary)
    Self.markTopOfHierarchy(temporary)
    if fault == "pause:after-prepare" { sleep(30) }
  }

  /// Marks a new folder as the top of a directory hierarchy for the ext2/3/4 Orlov allocator (what
  /// `chattr +T` does), so the bag's folders, and the thousands of files in them, are placed in block
  /// groups of their own instead of the parent's.
  ///
  /// On ext4 without a journal, every new inode is searched for from the start of its group, skipping
  /// one by one each inode freed in the last 60 seconds (6 minutes while its inode table block is not
  /// yet written back); in a group where an old bag (or anything
  /// else) was just deleted that search cost more than the rest of the build (docs/performance.md).
  /// A hint only: on other file systems the call fails and nothing changes.
  static func markTopOfHierarchy(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    // FS_IOC_GETFLAGS / FS_IOC_SETFLAGS (linux/fs.h) take an int; FS_TOPDIR_FL is 0x00020000.
    let getFlags: UInt = 0x8008_6601
    let setFlags: UInt = 0x4008_6602
    var flags: Int32 = 0
    guard withUnsafeMutablePointer(to: &flags, { ioctl(fd, getFlags, $0) }) == 0 else { return }
    guard flags & 0x0002_0000 == 0 else { return }
    flags |= 0x0002_0000
    _ = withUnsafeMutablePointer(to: &flags) { ioctl(fd, setFlags, $0) }
  }

  /// Removes the temporary folder (a failed build).
  public func discardTemporary() {
    try? remove(temporary)
    BagFolderGuard.shared.track(nil)
  }

  /// Refuses to replace a folder that is not a bag (so a mistyped `--output` cannot delete a folder).
  func checkReplaceable() throws {
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else {
      throw Failure(description: "output '\(output)' exists and is not a folder")
    }
    let entries = (try? fileManager.contentsOfDirectory(atPath: output)) ?? []
    if !entries.isEmpty && !entries.contains("bagit.txt") {
      throw Failure(
        description: "output folder '\(output)' is not empty and holds no bagit.txt: it is not a bag "
          + "written by dossier build; remove it or choose another --output")
    }
  }

  func makeFolder(_ path: String) throws {
    if BagFolderGuard.shared.isStopping {
      throw Failure(description: "interrupted: not creating '\(path)'")
    }
    do {
      try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create folder '\(path)': \(error.localizedDescription)")
    }
  }

  func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure(description: "cannot create '\(path)': \(errnoText())") }
    defer { close(fd) }
    try writeAll(fd, bytes, path: path)
  }

  /// Writes all of `bytes` to an open file.
  func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(description: "cannot write '\(path)': \(errnoText())")
      }
      offset += written
    }
  }

  func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  func rename(_ from: String, to: String) throws {
    guard Glibc.rename(from, to) == 0 else {
      throw Failure(description: "cannot rename '\(from)' to '\(to)': \(errnoText())")
    }
  }

  func remove(_ path: String) throws {
    guard fileManager.fileExists(atPath: path) else { return }
    do {
      try fileManager.removeItem(atPath: path)
    } catch {
      throw Failure(description: "cannot remove '\(path)': \(error.localizedDescription)")
    }
  }

  func errnoText() -> String { String(cString: strerror(errno)) }
}
