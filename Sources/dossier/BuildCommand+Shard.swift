import ArgumentParser
import DossierCore
import Foundation

extension BuildCommand {
  /// `build --shard K/N --output PART`: builds the documents of one shard into a part, a BagIt bag of
  /// those documents plus `dossier-part.json` (see docs/scaling.md). A shard with errors still writes
  /// a part, holding its diagnostics and no exports, so `merge` reports them; the exit status is 1.
  func buildPart(
    _ shard: Shard, pipeline: BuildPipeline, source: FolderCorpusSource, options: BuildPipeline.Options,
    output: String, configurationDigest: String, line: ProgressLine
  ) async throws {
    var options = options
    options.corpusWideChecks = false
    let sharded = ShardedCorpusSource(source, shard: shard)
    let writer = BagFolderWriter(output: output)
    do {
      try writer.recover()
      let sink = try BagFolderSink(writer: writer)
      let recorder = PartRecorder(sink)
      let result = await pipeline.build(sharded, into: recorder, options: options, progress: line.update)
      line.finish()
      if let problem = result.readError?.description ?? result.writeError {
        sink.discard()
        DocumentReader.printError("error: \(problem)")
        throw ExitCode(2)
      }
      let status = reporting.report(result.diagnostics, sources: result.sources)
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
      line.message(
        "wrote shard \(shard) (\(index.documents.count) of \(source.documentIDs.count) documents) to \(output)"
      )
      if !result.exported { throw ExitCode(max(status, 1)) }
    } catch let error as BagFolderWriter.Failure {
      DocumentReader.printError("error: \(error.description)")
      throw ExitCode(2)
    }
  }
}
