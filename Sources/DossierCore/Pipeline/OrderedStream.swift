/// Runs per-document work on at most `jobs` tasks at once and hands the results to `collect` in index
/// order, from the calling task (documents are independent; exports are written in id order).
///
/// At most `window` results are started ahead of the next one to collect, so memory holds a bounded
/// number of documents whatever the corpus size. `collect` returns `false` to stop starting new work
/// (the ones already running finish and are dropped).
enum OrderedStream {
  static func run<Product: Sendable>(
    count: Int, jobs: Int, window: Int? = nil,
    work: @escaping @Sendable (Int) -> Product,
    collect: (Product) async -> Bool
  ) async {
    let jobs = max(1, jobs)
    let window = max(jobs, window ?? jobs * 4)
    await withTaskGroup(of: (Int, Product).self) { group in
      var next = 0
      var running = 0
      var nextToCollect = 0
      var ready: [Int: Product] = [:]
      var stopped = false
      func startMore() {
        while !stopped && running < jobs && next < count && next < nextToCollect + window {
          let index = next
          group.addTask { (index, work(index)) }
          next += 1
          running += 1
        }
      }
      startMore()
      while let (index, product) = await group.next() {
        running -= 1
        if stopped { continue }
        ready[index] = product
        while let product = ready.removeValue(forKey: nextToCollect) {
          nextToCollect += 1
          if !(await collect(product)) {
            stopped = true
            ready.removeAll()
            break
          }
        }
        startMore()
      }
    }
  }
}
