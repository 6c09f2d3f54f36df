extension StageTimings {
  /// The stage table (`report(totalWall:totalCPU:)`) of a run that started at `start`
  /// (`Clock.wallNow()`), with this process's CPU time as the total.
  public func report(since start: Double) -> String {
    report(totalWall: Clock.wallNow() - start, totalCPU: Clock.processCPU())
  }
}
