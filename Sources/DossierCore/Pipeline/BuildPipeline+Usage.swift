extension BuildPipeline.Options {
  /// What is wrong with the values of `dossier build --jobs`, `--shard`, `--check` and `--format`, as
  /// a usage error naming the flag; `nil` when nothing is.
  public static func usageProblem(jobs: Int?, shard: String?, check: Bool, formats: String) -> String? {
    if let jobs, jobs < 1 { return "--jobs must be at least 1" }
    if let shard {
      guard Shard(shard) != nil else {
        return "--shard must be K/N with 1 ≤ K ≤ N (for example 2/7), not '\(shard)'"
      }
      if check { return "--check compares a bag: use `dossier merge --check` for sharded builds" }
    }
    do {
      _ = try ExportFormat.list(formats)
    } catch {
      return error.diagnostics.map(\.message).joined(separator: "; ")
    }
    return nil
  }
}
