/// The schemas folder (`Schemas/`) read from disk, as one value: the one home of its layout.
/// Validation needs the annotation schema and the vocabularies (`SchemaFiles`); a build also needs
/// `records.schema.json` and the XSD bundle (`XMLSchemaBundle`).
public struct SchemasFolder: Sendable {
  /// The JSON Schema of the exported records, relative to the folder.
  public static let recordsSchemaPath = "records.schema.json"

  /// Every file a build reads from the folder, relative to it.
  public static var requiredPaths: [String] {
    SchemaFiles.requiredPaths + [recordsSchemaPath] + XMLSchemaBundle.requiredPaths
  }

  /// The annotation schema and the vocabularies.
  public var files: SchemaFiles
  /// `records.schema.json`.
  public var recordsSchema: CorpusFile
  /// The XSDs and the XML catalog.
  public var xmlSchemas: XMLSchemaBundle

  /// Reads every file of `requiredPaths` from `folder`, each named `name/RELATIVE` (default: its
  /// path on disk).
  public init(_ folder: String, named name: String? = nil) throws(FolderError) {
    files = try Self.schemaFiles(in: folder, named: name)
    recordsSchema = try Self.file(Self.recordsSchemaPath, in: folder, named: name)
    var xmlFiles: [String: [UInt8]] = [:]
    for relative in XMLSchemaBundle.requiredPaths {
      xmlFiles[relative] = try Self.file(relative, in: folder, named: name).bytes
    }
    xmlSchemas = XMLSchemaBundle(files: xmlFiles)
  }

  /// The annotation schema and the vocabularies of `folder` alone (what validation needs).
  public static func schemaFiles(in folder: String, named name: String? = nil) throws(FolderError)
    -> SchemaFiles
  {
    try FolderError.requireFolder(folder, "schemas")
    return try SchemaFiles.read { relative throws(FolderError) in
      try file(relative, in: folder, named: name)
    } missing: {
      FolderError(description: "missing schema file '\($0)'")
    }
  }

  /// The build engine of these schemas.
  public func buildPipeline() throws(DiagnosticError) -> BuildPipeline {
    try BuildPipeline(schemas: files, recordsSchema: recordsSchema, xmlSchemas: xmlSchemas)
  }

  /// The digest sharded builds compare so that every part was built with the same schemas.
  public var configurationDigest: String {
    PartIndex.configurationDigest(schemas: files, recordsSchema: recordsSchema, xmlSchemas: xmlSchemas)
  }

  private static func file(_ relative: String, in folder: String, named name: String?) throws(FolderError)
    -> CorpusFile
  {
    try DiskFile.read(DiskFile.join(folder, relative), named: name.map { DiskFile.join($0, relative) })
  }
}

extension SchemaFiles {
  /// Reads every required file with `file` (relative path in, file out) and assembles them; a file
  /// the assembly still misses is thrown as `missing(path)`.
  public static func read<Failure: Error>(
    _ file: (String) throws(Failure) -> CorpusFile, missing: (String) -> Failure
  ) throws(Failure) -> SchemaFiles {
    var files: [String: CorpusFile] = [:]
    for relative in requiredPaths { files[relative] = try file(relative) }
    switch assemble(files) {
    case .success(let assembled): return assembled
    case .failure(let failure): throw missing(failure.path)
    }
  }
}
