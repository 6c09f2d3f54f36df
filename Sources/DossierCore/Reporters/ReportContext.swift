/// What a reporter needs besides the diagnostics: the source texts, the output options, and the tool.
///
/// The library never inspects the environment: the CLI decides `useColor` (only when the output is
/// a terminal and `NO_COLOR` is unset) and passes it in.
public struct ReportContext: Sendable {
  /// Source texts by file path, exactly as the paths appear in `SourceLocation.file`; the `text`
  /// reporter shows the line under a diagnostic when its file is here.
  public var sources: [String: String]
  /// Whether the `text` reporter may use ANSI colours. Other reporters ignore it.
  public var useColor: Bool
  /// The tool's version, written by the `json` and `sarif` reporters.
  public var toolVersion: String
  /// Where to read about the tool (SARIF `tool.driver.informationUri`): an absolute URI, written only
  /// when set (the project has no public home yet; the CLI passes one when it has).
  public var informationURI: String?

  /// The version written when the caller gives none.
  public static let defaultToolVersion = DossierVersion.current

  /// The tool's name as reporters write it.
  public static let toolName = "dossier"

  public init(
    sources: [String: String] = [:], useColor: Bool = false,
    toolVersion: String = ReportContext.defaultToolVersion,
    informationURI: String? = nil
  ) {
    self.sources = sources
    self.useColor = useColor
    self.toolVersion = toolVersion
    self.informationURI = informationURI
  }
}
