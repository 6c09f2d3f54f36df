import DossierCore
import Foundation
import JSONSchema

/// One document through `validate` and through `build` (in memory): `TEXT` or `TEXT \0SIDECAR\0 YAML`.
/// Whatever `build` refuses, `validate` must refuse first with the same codes (issue 17, "one set of
/// checks"); a build that fails must produce no file; every diagnostic is located inside its file.
public enum FuzzDocument {
  static let separator = Array("\0SIDECAR\0".utf8)

  static func run(_ bytes: [UInt8], environment: FuzzEnvironment) throws(FuzzFailure) {
    let document = input(bytes)
    let result: Outcome = blocking { await FuzzDocument.outcome([document], environment: environment) }
    try judge(result, inputs: [document])
  }

  /// What `validate` and `build` said about the same inputs.
  public struct Outcome: Sendable {
    var validation: CorpusValidation
    var build: BuildResult
  }

  static func input(_ bytes: [UInt8]) -> CorpusDocumentInput {
    let (text, yaml) = split(bytes, at: separator)
    return CorpusDocumentInput(
      id: "fuzz", text: CorpusFile(path: "Input/fuzz.txt", bytes: text),
      annotation: yaml.map { CorpusFile(path: "Input/fuzz.yaml", bytes: $0) })
  }

  /// Validates and builds `inputs` (one job each).
  static func outcome(_ inputs: [CorpusDocumentInput], environment: FuzzEnvironment) async -> Outcome {
    let validation = await environment.validator.validate(inputs, maximumConcurrency: 1)
    let build = await environment.pipeline.build(
      inputs, options: BuildPipeline.Options(jobs: 1, softwareAgent: "dossier (fuzz)"))
    return Outcome(validation: validation, build: build)
  }

  /// Validates and builds `inputs`; throws when the two disagree (see the type's documentation).
  /// Returns whether `build` refused.
  @discardableResult
  public static func check(_ inputs: [CorpusDocumentInput], environment: FuzzEnvironment)
    async throws(FuzzFailure)
    -> Bool
  {
    let outcome = await outcome(inputs, environment: environment)
    try judge(outcome, inputs: inputs)
    return outcome.build.files == nil || !outcome.build.exported
  }

  static func judge(_ outcome: Outcome, inputs: [CorpusDocumentInput]) throws(FuzzFailure) {
    let validation = outcome.validation
    let build = outcome.build
    let validateErrors = Set(validation.diagnostics.filter { $0.severity == .error }.map(\.code.id))
    let buildErrors = Set(build.diagnostics.filter { $0.severity == .error }.map(\.code.id))
    if build.files == nil || !build.exported {
      guard !buildErrors.isEmpty else { throw FuzzFailure("document: build failed without an error") }
      guard !validateErrors.isEmpty else {
        throw FuzzFailure("document: build refuses (\(buildErrors.sorted())) but validate passes")
      }
      guard buildErrors.isSubset(of: validateErrors) else {
        throw FuzzFailure(
          "document: build refuses with \(buildErrors.sorted()), validate with \(validateErrors.sorted())")
      }
    } else if !validateErrors.isEmpty {
      throw FuzzFailure("document: validate refuses (\(validateErrors.sorted())) what build exports")
    }
    for input in inputs {
      for file in [input.text, input.annotation].compactMap({ $0 }) {
        let mine = validation.diagnostics.filter { $0.location?.file == file.path }
        try checkLocations(mine, lineCount: lineCount(file.bytes), what: "document \(file.path)")
      }
    }
  }
}
