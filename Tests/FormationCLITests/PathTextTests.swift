import Foundation
import Testing

@testable import FormationCLI

/// Paths are standardized as text exactly as Foundation's file URLs standardize them, without a
/// look at the file system.
@Suite struct PathTextTests {
  @Test(arguments: [
    "/work/infra/app.yaml", "/work/./infra//app.yaml", "/work/infra/../infra/app.yaml",
    "/work/infra/", "/../work", "/", "infra/app.yaml", "./infra/../app.yaml", "../up.yaml",
  ])
  func standardizesAsFileURLsDo(path: String) {
    #expect(PathText.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
  }

  @Test func relativePathsStartAtTheProcessFolder() {
    let folder = FileManager.default.currentDirectoryPath
    #expect(PathText.standardized("a/b.yaml") == folder + "/a/b.yaml")
  }

  @Test func lastComponentIsTheFileName() {
    #expect(PathText.lastComponent("infra/app.yaml") == "app.yaml")
    #expect(PathText.lastComponent("/work/node_modules/") == "node_modules")
    #expect(PathText.lastComponent("app.yaml") == "app.yaml")
  }
}
