import ArgumentParser
import DossierCore
import Foundation
import JSONSchema

/// `dossier check --schema SCHEMA FILE...`: validates any YAML or JSON files against any JSON Schema
/// (draft 2020-12, format assertion on), with errors at the instance's line and column.
///
/// Local files referenced by `$ref` resolve relative to the schema file; nothing is fetched from the
/// network. Exit status: 0 all valid, 1 located errors, 2 an unreadable or invalid schema or file.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate YAML or JSON files against a JSON Schema (draft 2020-12).",
    discussion: """
      Files ending in .json are read as strict JSON; every other file as YAML (1.2 core schema). \
      Formats (date-time, email, uri, …) are asserted.
      """)

  @Option(help: "The JSON Schema file (draft 2020-12).")
  var schema: String

  @Argument(help: "The YAML or JSON files to validate.")
  var files: [String]

  @OptionGroup var reporting: ReportingOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one file to check") }
  }

  func run() async throws {
    let url = URL(fileURLWithPath: schema)
    let schemaValue: JSONValue
    let validator: SchemaValidator
    do {
      let bytes = try DocumentReader.bytes(atPath: schema)
      schemaValue = try JSONReader().read(bytes)
      validator = try SchemaValidator(contentsOf: url, options: ValidationOptions(formatAssertion: true))
    } catch let error as JSONReadError {
      DocumentReader.printError(
        "error: \(schema):\(error.line):\(error.column): the schema is not valid JSON: \(error.message)")
      throw ExitCode(2)
    } catch let error as SchemaError {
      let place = error.position.map { ":\($0.line):\($0.column)" } ?? ""
      let file = error.file?.path ?? schema
      DocumentReader.printError("error: \(file)\(place): the schema cannot be used: \(error.message)")
      throw ExitCode(2)
    } catch {
      DocumentReader.printError("error: \(error)")
      throw ExitCode(2)
    }
    let mapper = SchemaDiagnostics(
      schema: schemaValue, documentURIs: [url.absoluteURL.absoluteString, validator.baseURI])
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    for path in files {
      let bytes: [UInt8]
      do {
        bytes = try DocumentReader.bytes(atPath: path)
      } catch {
        DocumentReader.printError("error: \(error)")
        throw ExitCode(2)
      }
      sources[path] = String(decoding: bytes, as: UTF8.self)
      let instance: JSONValue
      let locator: InstanceLocator
      if path.hasSuffix(".json") {
        do {
          let read = try JSONReader().readWithLocations(bytes)
          instance = read.value
          locator = InstanceLocator(json: read.locations, file: path)
        } catch {
          diagnostics.append(
            .error(
              .schemaInvalidJSON, error.message,
              at: SourceLocation(file: path, line: error.line, column: error.column)))
          continue
        }
      } else {
        do {
          let located = try YAMLLoader().load(bytes, file: path)
          instance = located.value
          locator = InstanceLocator(yaml: located, file: path)
        } catch {
          diagnostics += error.diagnostics
          continue
        }
      }
      let result = validator.validate(instance)
      if !result.isValid {
        diagnostics += mapper.diagnostics(for: result, instance: instance, locator: locator)
      }
    }
    let status = reporting.report(diagnostics.sorted(), sources: sources)
    if status != 0 { throw ExitCode(status) }
  }
}
