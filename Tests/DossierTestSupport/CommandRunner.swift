import Foundation

/// What a finished process printed and returned.
public struct CommandResult: Sendable {
  public var exitCode: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the built `dossier` binary for end-to-end tests.
public enum CommandRunner {
  /// The `dossier` executable next to the test bundle in the build folder.
  public static var dossierBinary: URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("dossier")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir.deleteLastPathComponent()
    }
    // Fall back to the conventional debug location.
    return RepositoryPaths.root.appendingPathComponent(".build/debug/dossier")
  }

  /// Runs `dossier` with arguments in a working directory (default: the repository root).
  public static func dossier(
    _ arguments: [String], in directory: URL = RepositoryPaths.root, environment: [String: String] = [:],
    stdin: Data? = nil
  ) throws -> CommandResult {
    try run(dossierBinary, arguments, in: directory, environment: environment, stdin: stdin)
  }

  /// Runs any executable and captures its output.
  public static func run(
    _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
    stdin: Data? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    // Inside a GitHub Actions job the default reporter is `github`; tests ask for it explicitly.
    env["GITHUB_ACTIONS"] = nil
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try? inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe never blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = errPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      exitCode: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
