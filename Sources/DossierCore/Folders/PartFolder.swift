/// A part of a sharded build written to disk (`build --shard K/N --output PART`, docs/scaling.md): a
/// BagIt bag of the shard's documents plus `dossier-part.json`. A shard with errors still writes a
/// part, holding its diagnostics and no exports, so `merge` reports them.
public enum PartFolder {
  /// Builds the documents of `shard` of `source` into the part folder `output`, atomically. Returns
  /// the build's result and the part's index; the index is `nil` (and nothing is written) when a
  /// document could not be read or the part not written (`BuildResult.readError`, `writeError`).
  /// Throws `BagFolderWriter.Failure` when the folder cannot be set up or committed.
  public static func build(
    _ shard: Shard, of source: some CorpusSource, with pipeline: BuildPipeline,
    options: BuildPipeline.Options, into output: String, configurationDigest: String,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws -> (result: BuildResult, index: PartIndex?) {
    var options = options
    options.corpusWideChecks = false
    let writer = BagFolderWriter(output: output)
    try writer.recover()
    let sink = try BagFolderSink(writer: writer)
    let recorder = PartRecorder(sink)
    let result = await pipeline.build(
      ShardedCorpusSource(source, shard: shard), into: recorder, options: options, progress: progress)
    if result.readError != nil || result.writeError != nil {
      sink.discard()
      return (result, nil)
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
