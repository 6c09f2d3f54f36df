import Foundation
import PackagePlugin

/// Embeds the JSON Schema meta-schemas of the JSONSchema target (`MetaSchemas/**/*.json`, verbatim copies
/// of the json-schema.org documents) as string literals, so `dossier` stays a single self-contained
/// binary and the JSON files are the only copy in the repository.
@main
struct EmbedMetaSchemas: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = target.directoryURL.appending(path: "MetaSchemas")
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path(percentEncoded: false))
      .filter { $0.hasSuffix(".json") }.sorted().map { folder.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "MetaSchemaTexts.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) JSON Schema meta-schemas",
        executable: try context.tool(named: "metaschema-embedder").url,
        arguments: [output.path(percentEncoded: false)] + files.map { $0.path(percentEncoded: false) },
        inputFiles: files, outputFiles: [output])
    ]
  }
}
