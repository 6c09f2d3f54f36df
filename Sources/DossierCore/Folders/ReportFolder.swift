import Foundation

/// Writes the report into `.NAME.tmp-PID` beside the output folder, then swaps it in.
public struct ReportFolder {
  /// An I/O failure (for the command, exit status 2), as the bag writer's.
  public typealias Failure = BagFolderWriter.Failure

  /// The report folder.
  public let output: String
  /// The folder the report is built in.
  public let temporary: String
  let manager = FileManager.default

  /// The writer of the report folder `output`.
  public init(output: String) {
    var path = output
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    self.output = path
    let slash = path.lastIndex(of: "/")
    let parent = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    temporary = (parent.isEmpty ? "/" : parent) + "/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
  }

  /// Refuses an output that is a file or a non-empty folder without a report, then creates the
  /// temporary folder.
  public func prepare() throws {
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: output, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw Failure(description: "output '\(output)' exists and is not a folder")
      }
      let entries = (try? manager.contentsOfDirectory(atPath: output)) ?? []
      let index = manager.contents(atPath: output + "/index.html").map { String(decoding: $0, as: UTF8.self) }
      if !entries.isEmpty
        && !(index?.contains("<meta name=\"generator\" content=\"dossier report\">") ?? false)
      {
        throw Failure(
          description:
            "output folder '\(output)' is not empty and is not a report written by dossier report; "
            + "remove it or choose another --output")
      }
    }
    try? manager.removeItem(atPath: temporary)
    do {
      try manager.createDirectory(atPath: temporary + "/documents", withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create '\(temporary)': \(error.localizedDescription)")
    }
  }

  /// Writes one file of the report.
  public func add(_ file: ExportFile) throws {
    let path = temporary + "/" + file.path
    guard manager.createFile(atPath: path, contents: Data(file.bytes)) else {
      throw Failure(description: "cannot write '\(path)'")
    }
  }

  /// Swaps the finished report in for the output folder.
  public func commit() throws {
    let old = temporary + ".old"
    do {
      if manager.fileExists(atPath: output) { try manager.moveItem(atPath: output, toPath: old) }
      try manager.moveItem(atPath: temporary, toPath: output)
      try? manager.removeItem(atPath: old)
    } catch {
      if manager.fileExists(atPath: old) && !manager.fileExists(atPath: output) {
        try? manager.moveItem(atPath: old, toPath: output)
      }
      throw Failure(description: "cannot replace '\(output)': \(error.localizedDescription)")
    }
  }

  /// Removes the temporary folder.
  public func discard() { try? manager.removeItem(atPath: temporary) }

  /// Runs `pipeline` over `documents` into the temporary folder and swaps the report in when one was
  /// produced (errors in the inputs produce none; the temporary folder is removed).
  public func write(
    _ documents: [CorpusDocumentInput], with pipeline: ReportPipeline, strict: Bool
  ) async throws -> ReportPipeline.Outcome {
    do {
      try prepare()
      let outcome = try await pipeline.run(documents, strict: strict) { try add($0) }
      if outcome.produced { try commit() } else { discard() }
      return outcome
    } catch {
      discard()
      throw error
    }
  }
}
