import Foundation

/// Pairs the deployed and proposed files of a diff: two files are one stack; two folders
/// are matched by file name without extension, so `storage.json` downloaded from AWS pairs
/// with `storage.yaml` in the repository.
public enum StackPairing {
  /// One stack's two files; a `nil` side is a stack that exists only on the other side.
  public struct Pair: Sendable, Hashable {
    public var name: String
    public var deployed: String?
    public var proposed: String?
  }

  public static let extensions: Set<String> = ["yaml", "yml", "json", "template"]

  /// The pairs for two paths, each a file or a folder (not one of each).
  public static func pairs(deployed: String, proposed: String) throws(DiffInputError) -> [Pair] {
    let deployedIsFolder = try isFolder(deployed)
    let proposedIsFolder = try isFolder(proposed)
    switch (deployedIsFolder, proposedIsFolder) {
    case (false, false):
      return [Pair(name: stackName(proposed), deployed: deployed, proposed: proposed)]
    case (true, true):
      let old = try files(in: deployed)
      let new = try files(in: proposed)
      // Two folders without templates are a mistake in the paths (as `validate` says of one),
      // not two empty sets of stacks that agree.
      guard !old.isEmpty || !new.isEmpty else {
        throw DiffInputError(
          "no template files (.yaml, .yml, .json, .template) in \(deployed) or \(proposed)")
      }
      let names = Set(old.keys).union(new.keys)
      return names.sorted().map { Pair(name: $0, deployed: old[$0], proposed: new[$0]) }
    default:
      throw DiffInputError(
        "\(deployedIsFolder ? deployed : proposed) is a folder and \(deployedIsFolder ? proposed : deployed) a file; pass two files or two folders"
      )
    }
  }

  /// The stack name a file stands for: its name without the extension.
  public static func stackName(_ path: String) -> String {
    let name = URL(fileURLWithPath: path).lastPathComponent
    guard let dot = name.lastIndex(of: "."),
      extensions.contains(name[name.index(after: dot)...].lowercased())
    else { return name }
    return String(name[..<dot])
  }

  private static func isFolder(_ path: String) throws(DiffInputError) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DiffInputError("no such file or folder: \(path)")
    }
    return isDirectory.boolValue
  }

  /// The template files directly in a folder, by stack name.
  static func files(in folder: String) throws(DiffInputError) -> [String: String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw DiffInputError("cannot list the folder \(folder)")
    }
    var result: [String: String] = [:]
    for name in names.sorted() where !name.hasPrefix(".") {
      guard let dot = name.lastIndex(of: "."),
        extensions.contains(name[name.index(after: dot)...].lowercased())
      else {
        continue
      }
      let path = (folder as NSString).appendingPathComponent(name)
      let stack = stackName(name)
      if let existing = result[stack] {
        throw DiffInputError("\(existing) and \(path) are both stack \(stack); keep one")
      }
      result[stack] = path
    }
    return result
  }
}

/// A diff that cannot start: a missing path, a file paired with a folder.
public struct DiffInputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { "error: \(message)" }
}
