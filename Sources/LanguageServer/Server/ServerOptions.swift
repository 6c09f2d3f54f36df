/// Settings of a language server session. Clients may override `debounceMilliseconds`, `input` and
/// `schemas` with `initializationOptions` (`{"dossier": {"input": "Input", ...}}` or the same keys at
/// the top level).
public struct ServerOptions: Sendable, Hashable {
  /// The quiet period after a change before validation starts. With 0 (the default) a change is
  /// validated at once when no validation runs; changes that arrive while one runs are coalesced
  /// into a single run on the latest text after it (so a burst of keystrokes costs at most two runs).
  public var debounceMilliseconds: Int
  /// The input folder, relative to the workspace root unless absolute.
  public var input: String
  /// The schemas folder, relative to the workspace root unless absolute.
  public var schemas: String
  /// The root to use when the client names none (the current directory of `dossier lsp`).
  public var defaultRoot: String
  /// The version reported in `serverInfo`.
  public var version: String
  /// Limit on one message's content, in bytes.
  public var maximumMessageLength: Int

  public init(
    debounceMilliseconds: Int = 0, input: String = "Input", schemas: String = "Schemas",
    defaultRoot: String = "/", version: String = "0.1.0-dev",
    maximumMessageLength: Int = FrameDecoder.defaultMaximumContentLength
  ) {
    self.debounceMilliseconds = debounceMilliseconds
    self.input = input
    self.schemas = schemas
    self.defaultRoot = defaultRoot
    self.version = version
    self.maximumMessageLength = maximumMessageLength
  }
}
