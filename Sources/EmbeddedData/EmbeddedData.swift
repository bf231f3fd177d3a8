internal import CEmbeddedData

/// The data files compiled into the executable (listed once, in `Sources/CEmbeddedData/embedded.S`).
///
/// They are part of the binary rather than a resource bundle beside it, so an installed `formation`
/// is one file that works wherever it is copied.
public enum EmbeddedData {
  /// The bytes of the file `name` (`"iam-actions.tsv"`), in the executable's read-only memory and
  /// valid for the life of the process; `nil` when no file has that name.
  public static func contents(of name: String) -> UnsafeRawBufferPointer? {
    var length = 0
    guard let start = formation_embedded_file(name, &length) else { return nil }
    return UnsafeRawBufferPointer(start: start, count: length)
  }

  /// The names of every file compiled in, in the order `embedded.S` lists them.
  public static var names: [String] {
    (0..<formation_embedded_file_count()).compactMap { index in
      formation_embedded_file_name(index).map { String(cString: $0) }
    }
  }

  /// The file `name` as UTF-8 text, or `""` when no file has that name.
  public static func text(of name: String) -> String {
    contents(of: name).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }
}
