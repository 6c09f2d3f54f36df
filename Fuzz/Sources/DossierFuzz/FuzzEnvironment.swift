import DossierCore
import Foundation
import JSONSchema

/// What the whole-document and export targets need from the repository: the compiled build pipeline
/// (annotation schema, vocabularies, records schema) and the XML schemas. Loaded once per process
/// from `Schemas/` of the repository root.
public final class FuzzEnvironment: Sendable {
  /// The build pipeline (it holds the validator `validate` uses).
  public let pipeline: BuildPipeline
  /// The validator of `dossier validate`.
  public let validator: CorpusValidator
  /// The schemas as given to `BuildPipeline`.
  public let schemas: SchemaFiles
  /// The XSDs and catalog.
  public let xmlSchemas: XMLSchemaBundle
  /// Export options with the XML schemas.
  public let exportOptions: ExportOptions

  /// Loads the schemas under `root/Schemas`.
  public init(root: URL) throws {
    let folder = root.appendingPathComponent("Schemas")
    func read(_ relative: String) throws -> [UInt8] {
      Array(try Data(contentsOf: folder.appendingPathComponent(relative)))
    }
    var files: [String: CorpusFile] = [:]
    for relative in SchemaFiles.requiredPaths {
      files[relative] = CorpusFile(path: "Schemas/\(relative)", bytes: try read(relative))
    }
    schemas = try SchemaFiles.assemble(files).get()
    var xml: [String: [UInt8]] = [:]
    for relative in XMLSchemaBundle.requiredPaths { xml[relative] = try read(relative) }
    xmlSchemas = XMLSchemaBundle(files: xml)
    let records = CorpusFile(path: "Schemas/records.schema.json", bytes: try read("records.schema.json"))
    pipeline = try BuildPipeline(schemas: schemas, recordsSchema: records, xmlSchemas: xmlSchemas)
    validator = try CorpusValidator(schemas: schemas)
    exportOptions = ExportOptions(schemas: xmlSchemas, softwareAgent: "dossier (fuzz)")
  }

  /// The repository root: `DOSSIER_ROOT` if set, else the nearest folder at or above the current
  /// directory that holds `Schemas/annotation.schema.json`.
  public static func repositoryRoot() -> URL? {
    if let root = ProcessInfo.processInfo.environment["DOSSIER_ROOT"] { return URL(fileURLWithPath: root) }
    var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for _ in 0..<16 {
      if FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("Schemas/annotation.schema.json").path)
      {
        return folder
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }
}

/// Runs an async function to completion from synchronous code (the fuzzer calls back synchronously).
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
  let box = BlockingBox<T>()
  let done = DispatchSemaphore(value: 0)
  Task {
    box.value = await body()
    done.signal()
  }
  done.wait()
  return box.value!
}

/// The result slot of `blocking`.
private final class BlockingBox<T>: @unchecked Sendable {
  var value: T?
}
