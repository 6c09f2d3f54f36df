import Foundation

/// The stages `--timings` reports, in pipeline order.
public enum BuildStage: String, CaseIterable, Sendable, Hashable {
  case read, ingest, merge, validate, transform, check, json, jsonl, xml
  case oaiDC = "oai_dc"
  case tsv, hash, write
}

/// Wall and CPU time spent in each stage, summed over documents and workers (with `--jobs 2` the sum
/// of the per-stage wall times can exceed the run's wall time). CPU time is the thread's own
/// (`CLOCK_THREAD_CPUTIME_ID`), so time spent waiting for a lock or the disk shows as wall, not CPU.
public struct StageTimings: Sendable, Hashable {
  /// Seconds of wall time per stage.
  public private(set) var wall: [BuildStage: Double] = [:]
  /// Seconds of CPU time per stage.
  public private(set) var cpu: [BuildStage: Double] = [:]

  /// False when nobody asked for the table (`--timings`): `measure` then just runs its body, and no
  /// clock is read (reading a thread's CPU clock is a system call, a few per document per stage).
  public var isEnabled: Bool

  public init(enabled: Bool = true) { isEnabled = enabled }

  /// The current clocks, or zero when not enabled (pass it to `add(_:since:)`).
  @inline(__always)
  public func now() -> Clock { isEnabled ? .now() : Clock(wall: 0, cpu: 0) }

  /// Adds the time of `body` to `stage`.
  @inline(__always)
  public mutating func measure<T, E: Error>(_ stage: BuildStage, _ body: () throws(E) -> T) throws(E) -> T {
    guard isEnabled else { return try body() }
    let start = Clock.now()
    defer { add(stage, since: start) }
    return try body()
  }

  mutating func add(_ stage: BuildStage, since start: Clock) {
    guard isEnabled else { return }
    let end = Clock.now()
    wall[stage, default: 0] += end.wall - start.wall
    cpu[stage, default: 0] += end.cpu - start.cpu
  }

  /// Adds every stage of `other`.
  public mutating func merge(_ other: StageTimings) {
    for (stage, seconds) in other.wall { wall[stage, default: 0] += seconds }
    for (stage, seconds) in other.cpu { cpu[stage, default: 0] += seconds }
  }

  /// A table for people: one line per stage that ran, then the run's wall time.
  public func report(totalWall: Double, totalCPU: Double) -> String {
    func format(_ seconds: Double) -> String { String(format: "%9.3f", seconds) }
    var lines = ["stage        wall (s)   cpu (s)"]
    for stage in BuildStage.allCases {
      guard let seconds = wall[stage] else { continue }
      let name = stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
      lines.append("\(name) \(format(seconds)) \(format(cpu[stage] ?? 0))")
    }
    lines.append("total      \(format(totalWall)) \(format(totalCPU))  (process wall, process CPU)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A point in wall and thread-CPU time.
  public struct Clock: Sendable {
    var wall: Double
    var cpu: Double

    public static func now() -> Clock {
      var spec = timespec()
      clock_gettime(CLOCK_MONOTONIC, &spec)
      let wall = Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
      return Clock(wall: wall, cpu: Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
    }

    /// CPU seconds of the whole process so far.
    public static func processCPU() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Monotonic wall seconds.
    public static func wallNow() -> Double { now().wall }
  }
}
