import Crypto
import Foundation

/// The collector's side of a streaming build: hands files and table rows to the sink in order, hashes
/// each table file as its rows arrive, and keeps only the manifest (path and digest of each file) and
/// the payload size, then writes the BagIt tag files (`BagItPackager.tagFiles`).
struct BagStream {
  let sink: any BagSink
  private var manifest = ManifestIndex()
  private var tables: [String: SHA256] = [:]
  private var tableOrder: [String] = []
  private var octets = 0
  /// The first sink failure, if any.
  private(set) var writeError: String?

  init(sink: any BagSink) { self.sink = sink }

  var failed: Bool { writeError != nil }
  /// Files in the bag (payload and tag files) once `finish` has run.
  private(set) var fileCount = 0

  /// Creates every table file with its first bytes and writes the fixed files.
  mutating func start(_ exporter: DocumentExporter) {
    do {
      start(tableFiles: exporter.tableFiles, fixedFiles: try exporter.fixedFiles())
    } catch {
      writeError = "cannot render the fixed files: \(error)"
    }
  }

  /// Creates every table file with its first bytes (`path` relative to `data/`) and writes the fixed
  /// files; then tells the sink the documents begin.
  mutating func start(tableFiles: [ExportFile], fixedFiles: [ExportFile]) {
    for file in tableFiles {
      let path = "data/" + file.path
      tableOrder.append(path)
      tables[path] = SHA256()
      append(path, file.bytes)
    }
    for file in fixedFiles where !failed {
      write("data/" + file.path, file.bytes, sha256: Digest.sha256Hex(file.bytes))
    }
    guard !failed else { return }
    do {
      try sink.beginDocuments()
    } catch {
      writeError = "\(error)"
    }
  }

  /// Adds one document's files (with the digests the worker computed) and table rows.
  mutating func add(
    _ output: DocumentExporter.Output, id: String, digests: [String], timings: inout StageTimings
  ) {
    let start = timings.now()
    for (file, digest) in zip(output.files, digests) where !failed {
      write("data/" + file.path, file.bytes, sha256: digest)
    }
    for rows in output.rows where !failed && !rows.bytes.isEmpty {
      append("data/" + rows.path, rows.bytes)
    }
    if !failed {
      do {
        try sink.endDocument(id)
      } catch {
        writeError = "\(error)"
      }
    }
    timings.add(.write, since: start)
  }

  /// Finishes the table digests and writes the tag files: the same bytes as
  /// `BagItPackager.tagFiles`, with the manifest streamed to the sink in chunks (hashed as it goes)
  /// instead of built whole.
  mutating func finish(softwareAgent: String, timings: inout StageTimings) {
    guard !failed else { return }
    timings.measure(.hash) {
      for path in tableOrder {
        if let hasher = tables[path] { manifest.add(path: path, sha256: Digest.hex(hasher.finalize())) }
      }
    }
    let start = timings.now()
    defer { timings.add(.write, since: start) }
    let (bagit, info) = BagItPackager(softwareAgent: softwareAgent).declarationAndInfo(
      octets: octets, files: manifest.count)
    let manifestPath = "manifest-sha256.txt"
    var hasher = SHA256()
    do {
      try sink.write(bagit.path, bagit.bytes)
      try sink.write(info.path, info.bytes)
      try manifest.write { chunk in
        try sink.append(manifestPath, chunk)
        hasher.update(data: chunk)
      }
      if manifest.count == 0 { try sink.write(manifestPath, []) }
      let tagManifest = BagItPackager.manifest(digests: [
        (bagit.path, Digest.sha256Hex(bagit.bytes)), (info.path, Digest.sha256Hex(info.bytes)),
        (manifestPath, Digest.hex(hasher.finalize())),
      ])
      try sink.write("tagmanifest-sha256.txt", Array(tagManifest.utf8))
    } catch {
      writeError = "\(error)"
    }
    fileCount = manifest.count + 4
  }

  private mutating func write(_ path: String, _ bytes: [UInt8], sha256: String) {
    do {
      try sink.write(path, bytes)
      manifest.add(path: path, sha256: sha256)
      octets += bytes.count
    } catch {
      writeError = "\(error)"
    }
  }

  private mutating func append(_ path: String, _ bytes: [UInt8]) {
    do {
      try sink.append(path, bytes)
      tables[path]?.update(data: bytes)
      octets += bytes.count
    } catch {
      writeError = "\(error)"
    }
  }
}

/// A flag the collector sets when the build can no longer succeed, so workers skip the export work
/// of the documents still to come (validation goes on, to report every diagnostic).
final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }

  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }
}
