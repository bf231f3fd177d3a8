import Foundation
import Template

/// Turns the paths on a command line into the template files to read.
///
/// A file named on the command line is read whatever its extension; a directory is searched
/// recursively for `.yaml`, `.yml`, `.json` and `.template` files, skipping hidden files and
/// folders (`.git`, `.build`, `.build-x`). A directory's files are sorted by path, so the same
/// tree gives the same list, and so the same report, on every machine.
public enum TemplateDiscovery {
  /// The extensions a directory search picks up, compared case-insensitively.
  public static let extensions: Set<String> = ["yaml", "yml", "json", "template"]

  /// The files, arguments in the order given, each directory's files sorted by path, without repeats.
  public static func files(in paths: [String]) throws(UsageError) -> [String] {
    try files(in: paths, pruning: { _ in false })
  }

  /// As `files(in:)`, not descending below the folders (or files) `prune` returns true for;
  /// the paths named are never pruned themselves. `listing` lists a folder, so a test can make
  /// one fail (as root, which CI runs as, every folder can be listed).
  static func files(
    in paths: [String], pruning prune: (String) -> Bool,
    listing: (String) throws -> [String] = { try FileManager.default.contentsOfDirectory(atPath: $0) }
  ) throws(UsageError) -> [String] {
    var files: [String] = []
    var seen: Set<String> = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UsageError("no such file or directory: \(path)")
      }
      let found =
        isDirectory.boolValue
        ? try search(directory: path, pruning: prune, listing: listing) : [path]
      for file in found where seen.insert(file).inserted { files.append(file) }
    }
    return files
  }

  /// Whether the file name ends in one of `extensions`.
  static func hasTemplateExtension(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: ".") else { return false }
    return extensions.contains(name[name.index(after: dot)...].lowercased())
  }

  /// Iterative search, sorted at the end; a directory reached twice through symbolic links is
  /// searched once. A folder that cannot be listed stops the run with its reason: skipping it
  /// would report "0 errors" on templates never read.
  private static func search(
    directory root: String, pruning prune: (String) -> Bool,
    listing: (String) throws -> [String]
  ) throws(UsageError) -> [String] {
    var files: [String] = []
    var visited: Set<String> = []
    var pending = [root]
    while let directory = pending.popLast() {
      let canonical = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
      guard visited.insert(canonical).inserted else { continue }
      let names: [String]
      do {
        names = try listing(directory)
      } catch {
        throw UsageError("cannot list the folder \(directory): \(error.localizedDescription)")
      }
      for name in names where !name.hasPrefix(".") {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
          !prune(path)
        else { continue }
        if isDirectory.boolValue {
          pending.append(path)
        } else if hasTemplateExtension(name) {
          files.append(path)
        }
      }
    }
    return files.sorted()
  }
}
