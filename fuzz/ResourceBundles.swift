import Foundation

/// `Bundle.module` for the modules the fuzzer compiles without SwiftPM: the module's resource
/// folder in the source tree (`$FUZZ_RESOURCES` is the repository), which holds the files
/// SwiftPM would copy into its bundle. `fuzz/run-pipeline.sh` defines `POLICY_RESOURCES` for
/// Policy.
extension Bundle {
  static let module: Bundle = {
    #if POLICY_RESOURCES
      let folder = "Sources/Policy/Data"
    #else
      let folder = "Sources/TemplateDiff/Data"
    #endif
    let root = ProcessInfo.processInfo.environment["FUZZ_RESOURCES"] ?? "."
    guard let bundle = Bundle(path: root + "/" + folder) else {
      fatalError("FUZZ_RESOURCES does not point at the repository")
    }
    return bundle
  }()
}
