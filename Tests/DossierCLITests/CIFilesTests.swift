import DossierTestSupport
import Foundation
import Testing

/// The repository's `.pre-commit-hooks.yaml` and `action.yml` against their SchemaStore schemas
/// (shipped in `Tests/Interop/schemastore/` with their licence), checked with `dossier check`; and
/// the hooks run through `pre-commit try-repo` (slow: `make test-slow`).
@Suite struct CIFilesTests {
  static let schemas = RepositoryPaths.root.appendingPathComponent("Tests/Interop/schemastore")

  @Test(arguments: [
    (".pre-commit-hooks.yaml", "pre-commit-hooks.json"), ("action.yml", "github-action.json"),
  ])
  func fileMatchesItsSchemaStoreSchema(file: String, schema: String) throws {
    let result = try CommandRunner.dossier([
      "check", "--schemafile", Self.schemas.appendingPathComponent(schema).path, file,
    ])
    #expect(result.exitCode == 0, "\(file): \(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains("ok -- validation done"))
  }

  /// The schemas are strict enough to catch a broken hook list (so the test above means something).
  @Test func aHookWithoutEntryIsRejected() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hooks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(".pre-commit-hooks.yaml")
    try Data("- id: broken\n  name: broken\n  language: swift\n".utf8).write(to: file)
    let result = try CommandRunner.dossier([
      "check", "--schemafile", Self.schemas.appendingPathComponent("pre-commit-hooks.json").path, file.path,
    ])
    #expect(result.exitCode == 1)
    #expect(result.stdout.contains("entry"), "\(result.stdout)")
  }

  static var slowTestsEnabled: Bool { ProcessInfo.processInfo.environment["DOSSIER_SLOW_TESTS"] == "1" }

  /// `pre-commit try-repo <clone> dossier-validate --all-files` passes on a sample project (the
  /// repository's own corpus) and fails once a sidecar is broken. pre-commit builds `dossier` in
  /// release from a clone of this repository's HEAD (`language: swift`). `try-repo` installs hooks
  /// into a throwaway store (`Store(tempdir)`), which would build twice; both runs call pre-commit's
  /// own `try-repo` command with that store kept in the test's folder instead (`tryRepoScript`), so
  /// the second run reuses the first run's build.
  @Test(.enabled(if: slowTestsEnabled, "slow: run with make test-slow"))
  func preCommitTryRepo() throws {
    guard let python = PythonEnvironment.python(with: ["pre-commit"], for: "the pre-commit try-repo test")
    else { return }
    let fm = FileManager.default
    let work = fm.temporaryDirectory.appendingPathComponent("try-repo-\(UUID().uuidString)")
    try fm.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: work) }
    let git = URL(fileURLWithPath: "/usr/bin/env")
    let identity = [
      "GIT_AUTHOR_NAME": "Dossier tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
      "GIT_COMMITTER_NAME": "Dossier tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    ]
    let clone = work.appendingPathComponent("dossier")
    let cloned = try CommandRunner.run(
      git, ["git", "clone", "--quiet", RepositoryPaths.root.path, clone.path], in: work)
    #expect(cloned.exitCode == 0, "\(cloned.stderr)")

    let sample = work.appendingPathComponent("sample")
    try fm.createDirectory(at: sample, withIntermediateDirectories: true)
    for folder in ["Input", "Schemas"] {
      try fm.copyItem(
        at: RepositoryPaths.root.appendingPathComponent(folder), to: sample.appendingPathComponent(folder))
    }
    for arguments in [
      ["git", "init", "--quiet"], ["git", "add", "-A"], ["git", "commit", "--quiet", "-m", "sample"],
    ] {
      let step = try CommandRunner.run(git, arguments, in: sample, environment: identity)
      #expect(step.exitCode == 0, "\(arguments): \(step.stderr)")
    }
    let environment = [
      "PRE_COMMIT_HOME": work.appendingPathComponent("pre-commit-home").path
    ].merging(identity) { a, _ in a }
    let store = work.appendingPathComponent("pre-commit-store").path
    func tryRepo() throws -> CommandResult {
      try CommandRunner.run(
        python,
        ["-c", Self.tryRepoScript, store, "try-repo", clone.path, "dossier-validate", "--all-files"],
        in: sample, environment: environment)
    }
    let passing = try tryRepo()
    #expect(passing.exitCode == 0, "\(passing.stdout)\(passing.stderr)")
    #expect(passing.stdout.contains("Installing environment"), "\(passing.stdout)")

    let sidecars = try fm.contentsOfDirectory(atPath: sample.appendingPathComponent("Input").path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    let broken = try #require(sidecars.first)
    let sidecar = sample.appendingPathComponent("Input/\(broken)")
    var text = try String(contentsOf: sidecar, encoding: .utf8)
    text += "\nunexpected_top_level_key: true\n"
    try Data(text.utf8).write(to: sidecar)
    _ = try CommandRunner.run(git, ["git", "add", "-A"], in: sample, environment: identity)
    let failing = try tryRepo()
    #expect(failing.exitCode != 0)
    #expect(failing.stdout.contains(broken), "\(failing.stdout)")
    if !passing.stdout.contains("try_repo.Store is gone") {
      #expect(!failing.stdout.contains("Installing environment"), "the second run built again")
    }
  }

  /// `python3 -c SCRIPT STORE try-repo ARGS…`: pre-commit's command line (`pre_commit.main.main`) with
  /// `try-repo`'s store at STORE instead of a new temporary folder. Where a later pre-commit has no
  /// `try_repo.Store` to replace, it says so and runs `try-repo` as it is (building each time).
  static let tryRepoScript = """
    import sys
    from pre_commit.commands import try_repo
    from pre_commit.main import main
    from pre_commit.store import Store
    if hasattr(try_repo, "Store"):
        try_repo.Store = lambda _tempdir: Store(sys.argv[1])
    else:
        print("NOTE: pre_commit.commands.try_repo.Store is gone; try-repo builds in its own store")
    sys.exit(main(sys.argv[2:]))
    """
}
