// The build-time tool of the EmbedMetaSchemas plugin: writes a Swift file that holds each meta-schema
// file byte for byte as a raw string literal, so the built module needs no resource bundle.
//
// Usage: metaschema-embedder OUTPUT.swift FILE.json...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
  FileHandle.standardError.write(Data("usage: metaschema-embedder OUTPUT.swift FILE.json...\n".utf8))
  exit(2)
}
var swift = """
  // Generated at build time by the EmbedMetaSchemas plugin (Plugins/) from Sources/JSONSchema/MetaSchemas/.

  extension MetaSchemas {
    /// The text of every meta-schema file, verbatim.
    static let texts: [String] = [

  """
for path in arguments.dropFirst().sorted() {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  // A raw string delimited by more `#` than any run of `#` in the text holds it unchanged.
  var longestRun = 0
  var run = 0
  for character in text {
    run = character == "#" ? run + 1 : 0
    longestRun = max(longestRun, run)
  }
  let hashes = String(repeating: "#", count: longestRun + 1)
  swift += "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
swift += "  ]\n}\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
