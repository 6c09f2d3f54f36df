/// A part of a sharded build written to disk (`build --shard K/N --output PART`, docs/scaling.md): a
/// BagIt bag of the shard's documents plus `dossier-part.json`. A shard with errors still writes a
/// part, holding its diagnostics and no exports, so `merge` reports them.
public enum PartFolder {
  /// Builds the documents of `shard` of `source` into the part folder `output`, atomically, and
  /// returns the build's result and the part's index. Throws `BagFolderWriter.Failure` (and writes
  /// nothing) when a document cannot be read or the part cannot be written.
  public static func build(
    _ shard: Shard, of source: some CorpusSource, with pipeline: BuildPipeline,
    options: BuildPipeline.Options, into output: String, configurationDigest: String,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws -> (result: BuildResult, index: PartIndex) {
    var options = options
    options.corpusWideChecks = false
    let writer = BagFolderWriter(output: output)
    try writer.recover()
    let sink = try BagFolderSink(writer: writer)
    let recorder = PartRecorder(sink)
    let result = await pipeline.build(
      ShardedCorpusSource(source, shard: shard), into: recorder, options: options, progress: progress)
    if let problem = result.readError?.description ?? result.writeError {
      sink.discard()
      throw BagFolderWriter.Failure(description: problem)
    }
    let index = PartIndex(
      version: DossierVersion.current, shard: shard, formats: options.formats,
      softwareAgent: options.softwareAgent, configurationDigest: configurationDigest,
      recorder: result.exported ? recorder : nil, result: result)
    var target = sink
    if !result.exported {
      sink.discard()
      target = try BagFolderSink(writer: writer)
      for file in BagItPackager(softwareAgent: options.softwareAgent).tagFiles(payload: [], octets: 0) {
        try target.write(file.path, file.bytes)
      }
    }
    for file in try index.files() { try target.write(file.path, file.bytes) }
    try target.commit()
    return (result, index)
  }
}

extension PartMerger.Result {
  /// `merged 3 parts (120 documents): wrote 845 files to Exports`.
  public func summary(parts: Int, output: String) -> String {
    "merged \(parts) part\(parts == 1 ? "" : "s") (\(documentIDs.count) documents): wrote \(fileCount) files to \(output)"
  }
}
