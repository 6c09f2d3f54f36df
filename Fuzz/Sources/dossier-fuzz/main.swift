import DossierFuzz
import Foundation

// dossier-fuzz TARGET [ARGUMENTS…]
//
// Built with the fuzzer (`make fuzz`, `-D DOSSIER_LIBFUZZER`): runs libFuzzer on TARGET with the
// remaining arguments (corpus folders, -max_total_time=…, -dict=…). Built normally: replays the files
// and folders given (or the target's seed corpus and regressions) and reports any failure — the same
// check `FuzzCorpusTests` runs in `make test`.

#if DOSSIER_LIBFUZZER
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("dossier-fuzz: \(message)\n".utf8))
  exit(2)
}

let arguments = CommandLine.arguments
// The target is the first argument, or (when libFuzzer re-runs the program) DOSSIER_FUZZ_TARGET.
let fromEnvironment =
  ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] != nil
  && (arguments.count < 2 || FuzzTarget(rawValue: arguments[1]) == nil)
let targetName =
  fromEnvironment ? ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"]! : arguments.dropFirst().first
guard let targetName, let target = FuzzTarget(rawValue: targetName) else {
  fail(
    "usage: dossier-fuzz TARGET [ARGUMENTS…]; targets: "
      + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
}
guard let root = FuzzEnvironment.repositoryRoot() else {
  fail(
    "no Schemas/annotation.schema.json at or above the current folder; run from the repository or set DOSSIER_ROOT"
  )
}
let environment: FuzzEnvironment
do {
  environment = try FuzzEnvironment(root: root)
} catch {
  fail("cannot load the schemas under \(root.path): \(error)")
}

/// The process-wide state the C callback reads.
enum Fuzzing {
  nonisolated(unsafe) static var target = FuzzTarget.yaml
  nonisolated(unsafe) static var environment: FuzzEnvironment?
}
Fuzzing.target = target
Fuzzing.environment = environment

#if DOSSIER_LIBFUZZER
  // libFuzzer sees the program path and the arguments after TARGET (it re-runs argv[0] for -fork,
  // -jobs and -merge, which then get the target from DOSSIER_FUZZ_TARGET).
  var argc = CommandLine.argc - (fromEnvironment ? 0 : 1)
  var argv =
    fromEnvironment
    ? CommandLine.unsafeArgv
    : {
      let shifted = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
        capacity: Int(CommandLine.argc))
      shifted[0] = CommandLine.unsafeArgv[0]
      for index in 2..<Int(CommandLine.argc) { shifted[index - 1] = CommandLine.unsafeArgv[index] }
      shifted[Int(CommandLine.argc) - 1] = nil
      return shifted
    }()
  setenv("DOSSIER_FUZZ_TARGET", target.rawValue, 1)
  let status = runFuzzerDriver(&argc, &argv) { data, count in
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    do {
      try Fuzzing.target.run(bytes, environment: Fuzzing.environment!)
    } catch {
      FileHandle.standardError.write(Data("dossier-fuzz \(Fuzzing.target.rawValue): \(error)\n".utf8))
      abort()
    }
    return 0
  }
  exit(status)
#else
  var paths = Array(arguments.dropFirst(fromEnvironment ? 1 : 2))
  if paths.isEmpty {
    paths = [target.corpusPath, target.regressionsPath].map { root.appendingPathComponent($0).path }
  }
  var files: [String] = []
  for path in paths {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
    if isFolder.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files += names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    } else {
      files.append(path)
    }
  }
  var failures = 0
  for file in files {
    guard let data = FileManager.default.contents(atPath: file) else { continue }
    do {
      try target.run(Array(data), environment: environment)
    } catch {
      failures += 1
      print("FAIL \(file): \(error)")
    }
  }
  print("\(target.rawValue): \(files.count) inputs replayed, \(failures) failures")
  exit(failures == 0 ? 0 : 1)
#endif
