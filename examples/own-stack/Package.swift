// swift-tools-version: 6.0
// A package of its own that declares an application with Formation's DSL and renders it:
// what a team writes to keep its stacks in Swift. It depends on Formation by path here; a
// team's package names the repository and a version instead.
import PackageDescription

let package = Package(
  name: "OwnStack",
  platforms: [.macOS(.v13)],
  products: [
    // The executable is named `render`, so `swift run render` renders this application.
    .executable(name: "render", targets: ["UploadsRender"])
  ],
  dependencies: [.package(name: "Formation", path: "../..")],
  targets: [
    .executableTarget(
      name: "UploadsRender",
      dependencies: [
        .product(name: "Formation", package: "Formation"),
        .product(name: "FormationCLI", package: "Formation"),
      ])
  ],
  swiftLanguageModes: [.v6]
)
