import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `examples/github-actions/sharded-build.yml` and `examples/kubernetes/*.yaml` (docs/scaling.md):
/// each file is valid against its JSON Schema (SchemaStore's github-workflow, Kubernetes' batch/v1 Job,
/// shipped under `Tests/Interop/` with their licence) checked with `dossier check`, and the exact
/// dossier command lines they hold run locally, the way the engine would run them, give the bag that
/// `dossier build` gives.
@Suite(.serialized) struct ShardedExamplesTests {
  static let workflow = RepositoryPaths.root.appendingPathComponent(
    "examples/github-actions/sharded-build.yml")
  static let kubernetes = RepositoryPaths.root.appendingPathComponent("examples/kubernetes")
  static let interop = RepositoryPaths.root.appendingPathComponent("Tests/Interop")

  static func checkWorkflow(_ file: URL) throws -> CommandResult {
    try CommandRunner.dossier([
      "check", "--schemafile", interop.appendingPathComponent("schemastore/github-workflow.json").path,
      file.path,
    ])
  }

  static func checkJob(_ file: URL) throws -> CommandResult {
    try CommandRunner.dossier([
      "check", "--ref", interop.appendingPathComponent("kubernetes/_definitions.json").path, "--schemafile",
      interop.appendingPathComponent("kubernetes/job-batch-v1.json").path, file.path,
    ])
  }

  @Test func theExamplesMatchTheirSchemas() throws {
    let workflow = try Self.checkWorkflow(Self.workflow)
    #expect(workflow.exitCode == 0, "\(workflow.stdout)\(workflow.stderr)")
    #expect(workflow.stderr.contains("ok -- validation done"))
    for name in ["indexed-job.yaml", "merge-job.yaml"] {
      let job = try Self.checkJob(Self.kubernetes.appendingPathComponent(name))
      #expect(job.exitCode == 0, "\(name): \(job.stdout)\(job.stderr)")
      #expect(job.stderr.contains("ok -- validation done"))
    }
  }

  /// The schemas are strict enough for the check above to mean something: a misspelt key fails.
  @Test func aMisspeltKeyIsRejected() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "examples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let workflow = folder.appendingPathComponent("sharded-build.yml")
    try String(contentsOf: Self.workflow, encoding: .utf8).replacingOccurrences(
      of: "runs-on:", with: "run-on:"
    )
    .write(to: workflow, atomically: true, encoding: .utf8)
    let rejected = try Self.checkWorkflow(workflow)
    #expect(rejected.exitCode == 1)
    #expect(rejected.stdout.contains("runs-on"), "\(rejected.stdout)")
    let job = folder.appendingPathComponent("indexed-job.yaml")
    try String(contentsOf: Self.kubernetes.appendingPathComponent("indexed-job.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "completionMode:", with: "completionMod:")
      .write(to: job, atomically: true, encoding: .utf8)
    let unknown = try Self.checkJob(job)
    #expect(unknown.exitCode == 1)
    #expect(unknown.stdout.contains("unknown key 'completionMod'"), "\(unknown.stdout)")
  }

  /// A generated corpus with a copy of the repository's `Schemas/`, as a project using Dossier has.
  static func project() throws -> URL? {
    guard let folder = try StreamingBuildTests.generatedWorkspace(20, seed: 11) else { return nil }
    try FileManager.default.copyItem(
      at: RepositoryPaths.schemas, to: folder.appendingPathComponent("Schemas"))
    return folder
  }

  /// The value after `key:` on the first line holding it, quotes removed.
  static func value(_ key: String, in text: String) throws -> String {
    let line = try #require(
      text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(key):") })
    let value = line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
    return value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
  }

  @Test func theGitHubActionsCommandsBuildTheBag() throws {
    let text = try String(contentsOf: Self.workflow, encoding: .utf8)
    let commands = text.split(separator: "\n").compactMap { line -> String? in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return trimmed.hasPrefix("command: ") ? String(trimmed.dropFirst("command: ".count)) : nil
    }
    #expect(commands.count == 3, "\(commands)")
    let shardCommand = try #require(commands.first { $0.hasPrefix("build --shard") })
    let checkCommand = try #require(commands.first { $0.hasPrefix("merge") && $0.hasSuffix("--check") })
    let mergeCommand = try #require(commands.first { $0.hasPrefix("merge") && !$0.hasSuffix("--check") })
    let shards = try Self.value("SHARDS", in: text)
    let matrixLine = try #require(
      text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first {
        $0.hasPrefix("shard: [")
      })
    let matrix = matrixLine.dropFirst("shard: ".count).trimmingCharacters(
      in: CharacterSet(charactersIn: "[]")
    )
    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(matrix == (1...(Int(shards) ?? 0)).map(String.init), "the matrix must list 1…SHARDS")

    // The Dossier action (action.yml) runs `"$DOSSIER" $DOSSIER_ARGS --reporter github` with bash.
    let actionText = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("action.yml"), encoding: .utf8)
    let runLine = "\"$DOSSIER\" $DOSSIER_ARGS --reporter github"
    try #require(actionText.contains(runLine), "action.yml no longer runs \(runLine)")
    guard let folder = try Self.project() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    func action(_ command: String) throws -> CommandResult {
      #expect(!command.contains("${{"), "an expression is left in \(command)")
      return try CommandRunner.run(
        URL(fileURLWithPath: "/bin/bash"), ["-c", runLine], in: folder,
        environment: ["DOSSIER": CommandRunner.dossierBinary.path, "DOSSIER_ARGS": command])
    }
    // The committed exports the pull-request check compares with.
    let committed = try BuildCommandTests.build(folder, ["--output", "Exports"])
    try #require(committed.exitCode == 0, "\(committed.stdout)\(committed.stderr)")
    let expected = try BuildCommandTests.contents(folder.appendingPathComponent("Exports"))

    for k in matrix {
      let command = shardCommand.replacingOccurrences(of: "${{ matrix.shard }}", with: k)
        .replacingOccurrences(of: "${{ env.SHARDS }}", with: shards)
      let result = try action(command)
      #expect(result.exitCode == 0, "\(command): \(result.stdout)\(result.stderr)")
    }
    // upload-artifact `parts/part-K` as `part-K`, download-artifact `part-*` into `parts/`: the same paths.
    let check = try action(checkCommand)
    #expect(check.exitCode == 0, "\(checkCommand): \(check.stdout)\(check.stderr)")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("Exports"))
    let merge = try action(mergeCommand)
    #expect(merge.exitCode == 0, "\(mergeCommand): \(merge.stdout)\(merge.stderr)")
    #expect(try BuildCommandTests.contents(folder.appendingPathComponent("Exports")) == expected)
  }

  @Test func theKubernetesCommandsBuildTheBag() throws {
    let shardsText = try String(
      contentsOf: Self.kubernetes.appendingPathComponent("indexed-job.yaml"), encoding: .utf8)
    let mergeText = try String(
      contentsOf: Self.kubernetes.appendingPathComponent("merge-job.yaml"), encoding: .utf8)
    func script(_ text: String) throws -> String {
      let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      let index = try #require(lines.firstIndex(of: "args:"))
      return String(
        try #require(lines[index + 1].hasPrefix("- dossier ") ? lines[index + 1].dropFirst(2) : nil))
    }
    let completions = try #require(Int(try Self.value("completions", in: shardsText)))
    #expect(try Self.value("parallelism", in: shardsText) == String(completions))
    let shards = try Self.value("value", in: shardsText)
    #expect(shards == String(completions), "SHARDS must equal completions")
    let shardScript = try script(shardsText)
    let mergeScript = try script(mergeText)
    guard let folder = try Self.project() else { return }
    defer { try? FileManager.default.removeItem(at: folder) }
    let parts = folder.appendingPathComponent("parts-volume")
    try FileManager.default.createDirectory(at: parts, withIntermediateDirectories: true)
    // The container: `sh -c SCRIPT` in workingDir /corpus (here the project) with dossier on PATH.
    let path = CommandRunner.dossierBinary.deletingLastPathComponent().path + ":/usr/bin:/bin"
    for index in 0..<completions {
      let result = try CommandRunner.run(
        URL(fileURLWithPath: "/bin/sh"), ["-c", shardScript], in: folder,
        environment: [
          "PATH": path, "SHARDS": shards, "PARTS": parts.path, "JOB_COMPLETION_INDEX": String(index),
        ])
      #expect(result.exitCode == 0, "index \(index): \(result.stdout)\(result.stderr)")
    }
    let merge = try CommandRunner.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", mergeScript], in: folder,
      environment: ["PATH": path, "PARTS": parts.path])
    #expect(merge.exitCode == 0, "\(merge.stdout)\(merge.stderr)")
    let single = try BuildCommandTests.build(folder, ["--output", "Single"])
    try #require(single.exitCode == 0)
    #expect(
      try BuildCommandTests.contents(parts.appendingPathComponent("Exports"))
        == BuildCommandTests.contents(folder.appendingPathComponent("Single")))
  }
}
