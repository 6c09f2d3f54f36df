/// The version of Dossier, in one place: `dossier --version`, the reporters' tool version (JSON,
/// SARIF) and any other command that names the tool's version read it from here.
public enum DossierVersion {
  /// The semantic version of this build (`-dev` until a release is tagged).
  public static let current = "0.1.0-dev"
}
