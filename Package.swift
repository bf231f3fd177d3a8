// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Formation",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "formation", targets: ["formation"]),
    .library(name: "Template", targets: ["Template"]),
    .library(name: "Formation", targets: ["Formation"]),
    .library(name: "Semantics", targets: ["Semantics"]),
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
    // The CloudFormation resource schemas, shared by the checker and the DSL's escape hatches.
    .target(name: "Schemas", dependencies: ["EmbeddedData"], exclude: ["Data"]),
    .target(name: "Formation", dependencies: ["Template", "Schemas"]),
    .target(name: "Blueprints", dependencies: ["Formation"], path: "blueprints"),
    // The data files under Semantics/Data and TemplateDiff/Data are compiled into the binary by
    // CEmbeddedData (see its embedded.S), not copied as resources.
    .target(name: "CEmbeddedData", cSettings: [.headerSearchPath("..")]),
    .target(name: "EmbeddedData", dependencies: ["CEmbeddedData"]),
    // What Policy and TemplateDiff both need to understand a template: the intrinsic resolver,
    // IAM policy documents and the policy index, security-group rules, stateful types.
    .target(name: "Semantics", dependencies: ["Template", "EmbeddedData"], exclude: ["Data"]),
    .target(name: "Policy", dependencies: ["Template", "Semantics", "Schemas", "EmbeddedData"]),
    // The CloudFormation API client diff --stack reads deployed stacks with: credentials, SigV4,
    // the query protocol, and HTTP through the formation-https helper process.
    .target(
      name: "AWSClient", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
    .target(
      name: "TemplateDiff",
      dependencies: ["Template", "Semantics", "Policy", "EmbeddedData", "AWSClient"],
      exclude: ["Data"]
    ),
    .target(
      name: "FormationCLI",
      dependencies: [
        "Template", "Formation", "Semantics", "Policy", "TemplateDiff", "AWSClient",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // formation-https makes diff --stack's HTTP requests, so that formation itself does not load
    // FoundationNetworking (see SubprocessTransport). `swift build` builds both; formation does
    // not depend on it, so that scripts/install.sh can link formation as a static executable
    // while the helper, which needs the shared libcurl, is linked on its own.
    .executableTarget(name: "formation", dependencies: ["FormationCLI"]),
    .executableTarget(name: "formation-https", dependencies: ["AWSClient"]),
    .executableTarget(name: "render", dependencies: ["FormationCLI", "Blueprints"]),
    .executableTarget(name: "benchmark", dependencies: ["CYAML", "Template", "Semantics", "Policy", "TemplateDiff"], path: "Benchmarks/benchmark"),
    .testTarget(name: "TemplateTests", dependencies: ["Template"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FormationTests", dependencies: ["Formation", "Blueprints", "Template"], resources: [.copy("Golden")]),
    .testTarget(name: "SemanticsTests", dependencies: ["Semantics", "Template"]),
    .testTarget(name: "PolicyTests", dependencies: ["Policy", "Semantics", "Template", "Schemas", "EmbeddedData"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TemplateDiffTests", dependencies: ["TemplateDiff", "Semantics", "AWSClient", "Template", "formation-https"], resources: [.copy("Fixtures")]),
    .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "formation-https"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FormationCLITests", dependencies: ["FormationCLI", "Formation"]),
  ],
  swiftLanguageModes: [.v6]
)
