#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The calling thread's stack, as the platform reports it.
enum ThreadStack {
  /// Bytes of stack left below the caller's frame on the current thread, or `nil` when the
  /// platform does not say. The thread's stack bounds are looked up once per thread.
  static func remaining() -> Int? {
    var marker: UInt8 = 0
    let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    guard let low = lowBound(), here > low else { return nil }
    return Int(here - low)
  }

  #if canImport(Glibc) || canImport(Musl)
    /// Per-thread cache of the stack's low end (a thread's stack never moves).
    private static let key: pthread_key_t? = {
      var key = pthread_key_t()
      return pthread_key_create(&key, nil) == 0 ? key : nil
    }()

    /// `pthread_getattr_np` is a GNU extension the Glibc module does not export: looked up once.
    private typealias GetAttributes =
      @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    nonisolated(unsafe) private static let getAttributes: GetAttributes? = {
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else {
        return nil
      }
      return unsafeBitCast(symbol, to: GetAttributes.self)
    }()

    private static func lowBound() -> UInt? {
      guard let key else { return nil }
      if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) }
      guard let getAttributes else { return nil }
      var attributes = pthread_attr_t()
      guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
      defer { pthread_attr_destroy(&attributes) }
      var address: UnsafeMutableRawPointer?
      var size = 0
      guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
      pthread_setspecific(key, address)
      return UInt(bitPattern: address)
    }
  #elseif canImport(Darwin)
    private static func lowBound() -> UInt? {
      let high = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
      let size = UInt(pthread_get_stacksize_np(pthread_self()))
      return high - size
    }
  #else
    private static func lowBound() -> UInt? { nil }
  #endif
}
