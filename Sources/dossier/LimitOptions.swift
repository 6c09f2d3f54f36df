import ArgumentParser
import DossierCore

/// `--max-file-size`, `--max-lines`, `--max-blocks`, `--max-errors-per-file`: the per-file limits
/// (docs/reliability.md, "Limits"). Shared by the commands that read the corpus; the values become
/// `InputLimits.current` as soon as the command line is parsed, before any file is read.
struct LimitOptions: ParsableArguments {
  @Option(help: "Largest document or annotation file read, in bytes (L002).")
  var maxFileSize = InputLimits().maxFileSize

  @Option(help: "Most lines in one document (L003).")
  var maxLines = InputLimits().maxLines

  @Option(help: "Most blocks (paragraphs, list items, headings) in one document (L004).")
  var maxBlocks = InputLimits().maxBlocks

  @Option(help: "Problems reported per file and stage; the rest are counted in one L001 warning.")
  var maxErrorsPerFile = InputLimits().maxErrorsPerFile

  /// Checks the values and makes them the process's limits (ArgumentParser calls this after parsing).
  mutating func validate() throws {
    let problem = InputLimits.usageProblem(
      maxFileSize: maxFileSize, maxLines: maxLines, maxBlocks: maxBlocks, maxErrorsPerFile: maxErrorsPerFile)
    if let problem { throw ValidationError(problem) }
    InputLimits.current = InputLimits(
      maxFileSize: maxFileSize, maxLines: maxLines, maxBlocks: maxBlocks, maxErrorsPerFile: maxErrorsPerFile)
  }
}
