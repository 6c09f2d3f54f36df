/// Whether the `text` reporter should colour its output, decided from facts the CLI gathers.
///
/// Colour only when the output goes to a terminal, `NO_COLOR` is unset or empty (https://no-color.org),
/// and `TERM` is not `dumb`. The library never reads the environment itself: the CLI passes it in.
public enum ColorChoice {
  /// `--color auto|always|never`.
  public enum Mode: String, CaseIterable, Sendable {
    case auto, always, never

    /// `true` or `false` when colour is forced on or off, `nil` to decide with `useColor`.
    public var forced: Bool? { self == .auto ? nil : self == .always }
  }

  /// True when output to a terminal (`outputIsTerminal`) may be coloured under `environment`.
  public static func useColor(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
    guard outputIsTerminal else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return true
  }
}
