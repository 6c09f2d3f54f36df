/// Packs payload files into a BagIt 1.0 bag (RFC 8493), reproducibly:
///
/// - `bagit.txt`: `BagIt-Version: 1.0` and `Tag-File-Character-Encoding: UTF-8`;
/// - `bag-info.txt`: `Bag-Software-Agent` and `Payload-Oxum` (`<octets>.<files>`), no wall-clock date;
/// - `manifest-sha256.txt`: `<sha256>  data/<path>` for every payload file, sorted by path;
/// - `tagmanifest-sha256.txt`: the same for `bagit.txt`, `bag-info.txt` and `manifest-sha256.txt`;
/// - payload under `data/`.
///
/// Manifest paths percent-encode `%`, CR and LF as RFC 8493 requires. Lines end with LF.
public struct BagItPackager: Sendable {
  /// Value of `Bag-Software-Agent`.
  public var softwareAgent: String

  public init(softwareAgent: String = "dossier") {
    self.softwareAgent = softwareAgent
  }

  /// Lowercase hex SHA-256 of bytes.
  public static func sha256Hex(_ bytes: [UInt8]) -> String { Digest.sha256Hex(bytes) }

  /// Encodes a path for a manifest line.
  public static func manifestPath(_ path: String) -> String {
    var out: [UInt8] = []
    appendManifestPath(path.utf8, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the manifest encoding of a path's UTF-8 bytes: `%`, CR and LF percent-encoded.
  static func appendManifestPath(_ path: some Sequence<UInt8>, to out: inout [UInt8]) {
    for byte in path {
      switch byte {
      case UInt8(ascii: "%"): out.append(contentsOf: "%25".utf8)
      case 0x0D: out.append(contentsOf: "%0D".utf8)
      case 0x0A: out.append(contentsOf: "%0A".utf8)
      default: out.append(byte)
      }
    }
  }

  /// `bagit.txt` and `bag-info.txt` of a payload of `files` files and `octets` bytes.
  func declarationAndInfo(octets: Int, files: Int) -> (bagit: ExportFile, info: ExportFile) {
    (
      ExportFile(path: "bagit.txt", text: "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
      ExportFile(
        path: "bag-info.txt", text: "Bag-Software-Agent: \(softwareAgent)\nPayload-Oxum: \(octets).\(files)\n"
      )
    )
  }

  /// The bag's files (tag files and `data/…` payload), sorted by path.
  public func bag(_ payload: [ExportFile]) throws(DiagnosticError) -> [ExportFile] {
    var problems: [Diagnostic] = []
    var seen: Set<String> = []
    for file in payload {
      let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
      if file.path.isEmpty || file.path.hasPrefix("/") || file.path.contains("\\")
        || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
      {
        problems.append(.error(.unsafeExportPath, "payload path '\(file.path)' is not a plain relative path"))
      }
      if !seen.insert(file.path).inserted {
        problems.append(.error(.inconsistentRecords, "two payload files have the path '\(file.path)'"))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }

    let data = payload.map { ExportFile(path: "data/" + $0.path, bytes: $0.bytes) }
    let octets = data.reduce(0) { $0 + $1.bytes.count }
    let tags = tagFiles(
      payload: data.map { (path: $0.path, sha256: Self.sha256Hex($0.bytes)) }, octets: octets)
    return (tags + data).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// The four tag files of a bag whose payload files (paths with `data/`) have the given digests and
  /// `octets` bytes in all: what a streaming build writes after the payload.
  public func tagFiles(payload: [(path: String, sha256: String)], octets: Int) -> [ExportFile] {
    let (bagit, info) = declarationAndInfo(octets: octets, files: payload.count)
    let manifest = ExportFile(path: "manifest-sha256.txt", text: Self.manifest(digests: payload))
    let tagManifest = ExportFile(
      path: "tagmanifest-sha256.txt", text: Self.manifest([bagit, info, manifest]))
    return [bagit, info, manifest, tagManifest]
  }

  static func manifest(digests: [(path: String, sha256: String)]) -> String {
    digests.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
      .map { "\($0.sha256)  \(manifestPath($0.path))\n" }.joined()
  }

  static func manifest(_ files: [ExportFile]) -> String {
    manifest(digests: files.map { (path: $0.path, sha256: sha256Hex($0.bytes)) })
  }
}
