import ArgumentParser
import DossierCore
import Foundation

/// What the commands print on standard error, and how a command ends when the library throws
/// (`orExit`, `fail`).
enum Console {
  /// Writes a line to standard error.
  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Prints diagnostics compiler-style to standard error (`TextReporter.compact`).
  static func printDiagnostics(_ diagnostics: [Diagnostic]) {
    FileHandle.standardError.write(Data(TextReporter.compact(diagnostics).utf8))
  }

  /// What `work` gives. When it throws, prints why and exits: 2 for a `FolderError` (with the project
  /// root's hint when `hintsRoot`), `DiskFile.ReadError` or `BagFolderWriter.Failure`;
  /// `diagnosticsStatus` for a `DiagnosticError` (schemas that cannot be used, a document that cannot
  /// be ingested), printed compiler-style.
  static func orExit<Value>(
    hintsRoot: Bool = false, diagnosticsStatus: Int32 = 2, _ work: () async throws -> Value
  ) async throws -> Value {
    do {
      return try await work()
    } catch let error as FolderError {
      printError("error: \(error.description)")
      if error.isMissingFolder && hintsRoot { printError(ProjectRoot.hint) }
      throw ExitCode(2)
    } catch let error as BagFolderWriter.Failure {
      try fail(error.description)
    } catch let error as DiskFile.ReadError {
      try fail(error.description)
    } catch let error as SchemaCheck.Unusable {
      error.lines.forEach(printError)
      printDiagnostics(error.diagnostics)
      throw ExitCode(2)
    } catch let error as DiagnosticError {
      printDiagnostics(error.diagnostics.sorted())
      throw ExitCode(diagnosticsStatus)
    }
  }

  /// Removes what `bag` wrote, prints `error: PROBLEM` and exits 2 (an I/O error).
  static func fail(_ problem: String, discarding bag: BagOutput? = nil) throws -> Never {
    bag?.discard()
    printError("error: \(problem)")
    throw ExitCode(2)
  }
}
