/// Runs per-document work on at most `jobs` tasks at once and hands the results to `collect` in index
/// order, from the calling task (documents are independent; exports are written in id order).
///
/// Each task works through a run of consecutive documents (`chunk`, up to 8 on large corpora), so a
/// task is started and its result handed back once per run rather than once per document: on two cores
/// the wake-ups between threads cost as much as a small document's work. At most `window` runs are
/// started ahead of the next one to collect, so memory holds a bounded number of documents whatever
/// the corpus size. `collect` returns `false` to stop starting new work (the ones already running
/// finish and are dropped).
enum OrderedStream {
  static func run<Product: Sendable>(
    count: Int, jobs: Int, window: Int? = nil, chunk: Int? = nil,
    work: @escaping @Sendable (Int) -> Product,
    collect: (Product) async -> Bool
  ) async {
    let jobs = max(1, jobs)
    let chunk = max(1, chunk ?? defaultChunk(count: count, jobs: jobs))
    let runs = (count + chunk - 1) / chunk
    let window = max(jobs, window ?? jobs * (chunk > 1 ? 2 : 4))
    await withTaskGroup(of: (Int, [Product]).self) { group in
      var next = 0
      var running = 0
      var nextToCollect = 0
      var ready: [Int: [Product]] = [:]
      var stopped = false
      func startMore() {
        while !stopped && running < jobs && next < runs && next < nextToCollect + window {
          let run = next
          group.addTask {
            (run, (run * chunk..<min(count, (run + 1) * chunk)).map { work($0) })
          }
          next += 1
          running += 1
        }
      }
      startMore()
      while let (run, products) = await group.next() {
        running -= 1
        if stopped { continue }
        ready[run] = products
        collecting: while let products = ready.removeValue(forKey: nextToCollect) {
          nextToCollect += 1
          for product in products where !(await collect(product)) {
            stopped = true
            ready.removeAll()
            break collecting
          }
        }
        startMore()
      }
    }
  }

  /// Runs of up to 8 documents, small enough that each job gets at least 8 runs.
  static func defaultChunk(count: Int, jobs: Int) -> Int {
    min(8, max(1, count / (jobs * 8)))
  }
}
