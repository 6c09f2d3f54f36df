import Foundation

/// A Python virtual environment under `.build/python-interop/` with independent readers from PyPI
/// (jsonschema-rs, frictionless, pre-commit), for round-trip and agreement tests.
///
/// The environment is created on first use and packages are installed once; when Python or PyPI
/// is unavailable, `python(with:)` prints a plain NOTE saying which test did not run and returns
/// `nil`, so the caller can return without failing.
public enum PythonEnvironment {
  /// The environment's folder.
  public static let folder = RepositoryPaths.root.appendingPathComponent(".build/python-interop")
  private static let lock = NSLock()

  /// The environment's `python3` once `packages` (pip requirement strings) are installed, or `nil`
  /// after printing why `test` could not run.
  public static func python(with packages: [String], for test: String) -> URL? {
    lock.lock()
    defer { lock.unlock() }
    let python = folder.appendingPathComponent("bin/python3")
    let fm = FileManager.default
    if !fm.isExecutableFile(atPath: python.path) {
      guard
        let created = try? CommandRunner.run(
          URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "venv", folder.path],
          in: RepositoryPaths.root),
        created.exitCode == 0
      else {
        print("NOTE: cannot create a Python virtual environment (python3 -m venv); \(test) did not run.")
        return nil
      }
    }
    let marker = folder.appendingPathComponent("installed.txt")
    let installed = Set(
      ((try? String(contentsOf: marker, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
    let missing = packages.filter { !installed.contains($0) }
    if missing.isEmpty { return python }
    let result = try? CommandRunner.run(
      python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + missing,
      in: RepositoryPaths.root)
    guard let result, result.exitCode == 0 else {
      let reason =
        result.map { $0.stderr.split(separator: "\n").suffix(3).joined(separator: " / ") }
        ?? "pip did not run"
      print(
        "NOTE: PyPI is unreachable or refused \(missing.joined(separator: ", ")) (\(reason)); \(test) did not run."
      )
      return nil
    }
    let all = (installed.union(missing)).sorted().joined(separator: "\n")
    try? Data(all.utf8).write(to: marker)
    return python
  }
}
