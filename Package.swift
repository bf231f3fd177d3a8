// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Formation",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "formation", targets: ["formation"]),
    .library(name: "Template", targets: ["Template"]),
    .library(name: "Formation", targets: ["Formation"]),
    .library(name: "Policy", targets: ["Policy"]),
    .library(name: "TemplateDiff", targets: ["TemplateDiff"]),
    .library(name: "FormationCLI", targets: ["FormationCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "Template", dependencies: ["CYAML"]),
    .target(name: "Formation", dependencies: ["Template"]),
    .target(name: "Blueprints", dependencies: ["Formation"], path: "blueprints"),
    .target(
      name: "Policy", dependencies: ["Template"],
      resources: [.copy("Data/iam-actions.tsv"), .copy("Data/resource-schemas.txt")]),
    .target(
      name: "TemplateDiff",
      dependencies: ["Template", "Policy", .product(name: "Crypto", package: "swift-crypto")],
      resources: [.copy("Data/replacement.tsv")]
    ),
    .target(
      name: "FormationCLI",
      dependencies: [
        "Template", "Formation", "Policy", "TemplateDiff",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // formation-https makes diff --stack's HTTP requests, so that formation itself does not load
    // FoundationNetworking (see SubprocessTransport); formation depends on it to build it alongside.
    .executableTarget(name: "formation", dependencies: ["FormationCLI", "formation-https"]),
    .executableTarget(name: "formation-https", dependencies: ["TemplateDiff"]),
    .executableTarget(name: "render", dependencies: ["FormationCLI", "Blueprints"]),
    .executableTarget(name: "benchmark", dependencies: ["CYAML", "Template", "Policy", "TemplateDiff"], path: "Benchmarks/benchmark"),
    .testTarget(name: "TemplateTests", dependencies: ["Template"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FormationTests", dependencies: ["Formation", "Blueprints", "Template"], resources: [.copy("Golden")]),
    .testTarget(name: "PolicyTests", dependencies: ["Policy", "Template"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TemplateDiffTests", dependencies: ["TemplateDiff", "Template", "formation-https"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FormationCLITests", dependencies: ["FormationCLI", "Formation"]),
  ],
  swiftLanguageModes: [.v6]
)
