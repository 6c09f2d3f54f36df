// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Dossier",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "DossierCore", targets: ["DossierCore"]),
    .library(name: "JSONSchema", targets: ["JSONSchema"]),
    .library(name: "LanguageServer", targets: ["LanguageServer"]),
    .executable(name: "dossier", targets: ["dossier"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "JSONSchema",
      // The meta-schemas are JSON files embedded at build time by the plugin below.
      exclude: ["MetaSchemas"],
      // ICU (the engine behind NSRegularExpression) is called directly for step-bounded regex search.
      linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))],
      plugins: ["EmbedMetaSchemas"]
    ),
    .plugin(
      name: "EmbedMetaSchemas",
      capability: .buildTool(),
      dependencies: ["metaschema-embedder"]
    ),
    .executableTarget(
      name: "metaschema-embedder",
      path: "Plugins/MetaSchemaEmbedder"
    ),
    .target(
      name: "DossierCore",
      dependencies: [
        "CLibYAML", "CLibXML2", "JSONSchema",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "LanguageServer",
      dependencies: ["DossierCore", "JSONSchema"]
    ),
    .executableTarget(
      name: "dossier",
      dependencies: [
        "DossierCore",
        "JSONSchema",
        "LanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "yaml-bench",
      dependencies: ["DossierCore", "CLibYAML", "DossierTestSupport"],
      path: "Benchmarks/YAMLBench"
    ),
    .executableTarget(
      name: "schema-bench",
      dependencies: ["JSONSchema"],
      path: "Benchmarks/SchemaBench",
      exclude: ["compare_jsonschema_rs.py"]
    ),
    .executableTarget(
      name: "lsp-bench",
      dependencies: ["JSONSchema"],
      path: "Benchmarks/LSPBench"
    ),
    // Fuzzing (docs/reliability.md): the six targets, the driver (`make fuzz` builds it with libFuzzer)
    // and the replay of the seed corpora in `make test`.
    .target(
      name: "DossierFuzz",
      dependencies: ["DossierCore", "JSONSchema"],
      path: "Fuzz/Sources/DossierFuzz"
    ),
    .executableTarget(
      name: "dossier-fuzz",
      dependencies: ["DossierFuzz"],
      path: "Fuzz/Sources/dossier-fuzz"
    ),
    .target(
      name: "DossierTestSupport",
      dependencies: ["DossierCore", "JSONSchema"],
      path: "Tests/DossierTestSupport"
    ),
    .testTarget(
      name: "JSONSchemaTests",
      dependencies: ["JSONSchema", "DossierTestSupport"]
    ),
    .testTarget(
      name: "DossierCoreTests",
      dependencies: ["DossierCore", "DossierTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "LanguageServerTests",
      dependencies: ["LanguageServer", "DossierCore", "JSONSchema", "DossierTestSupport"]
    ),
    .testTarget(
      name: "DossierFuzzTests",
      dependencies: ["DossierFuzz", "DossierCore", "JSONSchema", "DossierTestSupport"]
    ),
    .testTarget(
      name: "DossierCLITests",
      dependencies: ["DossierTestSupport", "JSONSchema"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
