import ArgumentParser
import DossierCore
import Foundation

/// The commands' console: error lines and compact diagnostics on standard error, and the one
/// "ingest a document or exit" step of `inspect` and `new`.
enum DocumentReader {
  /// Writes a line to standard error.
  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Prints diagnostics compiler-style to standard error (`TextReporter.compact`).
  static func printDiagnostics(_ diagnostics: [Diagnostic]) {
    FileHandle.standardError.write(Data(TextReporter.compact(diagnostics).utf8))
  }

  /// Reads, decodes and ingests one document; exits 2 when it cannot be read, 1 (diagnostics on
  /// standard error) when it cannot be ingested.
  static func ingest(path: String) throws -> IngestedDocument {
    do {
      return try DocumentIngester().ingest(SourceDocument(path: path, bytes: DiskFile.bytes(atPath: path)))
    } catch let error as DiskFile.ReadError {
      printError("error: \(error)")
      throw ExitCode(2)
    } catch let error as DiagnosticError {
      printDiagnostics(error.diagnostics.sorted())
      throw ExitCode(1)
    }
  }

  /// The value `read` gives; when it throws, prints the error (with `ProjectRoot.hint` when
  /// `hintsRoot` and a folder is missing) and exits 2.
  static func folders<Value>(hintsRoot: Bool = false, _ read: () throws(FolderError) -> Value) throws -> Value
  {
    do {
      return try read()
    } catch {
      printError("error: \(error.description)")
      if error.isMissingFolder && hintsRoot { printError(ProjectRoot.hint) }
      throw ExitCode(2)
    }
  }

  /// The value `write` gives; when it throws `BagFolderWriter.Failure`, prints it and exits 2.
  static func writing<Value>(_ write: () async throws -> Value) async throws -> Value {
    do {
      return try await write()
    } catch let error as BagFolderWriter.Failure {
      printError("error: \(error.description)")
      throw ExitCode(2)
    }
  }

  /// Prints why a build could not read a document or write the bag, and exits 2.
  static func exit(reading result: BuildResult) throws -> Never {
    printError("error: \(result.readError?.description ?? result.writeError ?? "the build failed")")
    throw ExitCode(2)
  }
}
