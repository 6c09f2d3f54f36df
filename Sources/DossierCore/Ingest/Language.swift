/// The language codes ingest assigns (BCP 47).
public enum Language {
  /// English, for blocks written mostly in Latin script.
  public static let english = "en"
  /// Chinese, for blocks written mostly in Han characters.
  public static let chinese = "zh"
  /// Undetermined: letters of another script dominate.
  public static let undetermined = "und"
}
