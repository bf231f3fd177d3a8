import Foundation

/// Where a value came from: a file and a 1-based line and column.
///
/// Every `Value` read from a file carries one, so every error and finding can point to
/// the line a person has to edit. Values built in code (the DSL) have none.
///
/// A location is three 32-bit numbers: the file is interned once in `SourceFiles` and
/// stored as its number, so a location is 12 bytes that copy as plain bits (a template has
/// hundreds of thousands of located values). `file` reads and writes a `String`; equality,
/// hashing, ordering and `description` compare file names, lines and columns.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The interned number of the file name (`SourceFiles`); never 0, which `Value` keeps for "no location".
  let fileID: UInt32
  private var storedLine: UInt32
  private var storedColumn: UInt32

  public init(file: String, line: Int, column: Int) {
    self.init(fileID: SourceFiles.shared.id(of: file), line: line, column: column)
  }

  /// A location in a file already interned; what the readers make for every node.
  init(fileID: UInt32, line: Int, column: Int) {
    self.fileID = fileID
    self.storedLine = UInt32(clamping: line)
    self.storedColumn = UInt32(clamping: column)
  }

  /// No location: file number 0, which no file name gets. Only `Value` stores it, to keep
  /// its location in 12 bytes; it never escapes as a `SourceLocation`.
  static var nowhere: SourceLocation { SourceLocation(fileID: 0, line: 0, column: 0) }

  /// The file name as given when the location was made.
  public var file: String {
    get { SourceFiles.shared.name(of: fileID) }
    set { self = SourceLocation(file: newValue, line: line, column: column) }
  }

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  /// True when both locations are in the same file; cheaper than comparing `file`, which
  /// looks the name up.
  public func isInSameFile(as other: SourceLocation) -> Bool { fileID == other.fileID }

  /// `file:line:column`, the form compilers and editors jump to.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
    return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
  }
}

/// The file names of every `SourceLocation` made in this process, each stored once.
///
/// A name gets a number the first time a location names it and keeps it for the life of
/// the process, so equal names have equal numbers and a location compares and hashes by
/// number. The table only grows: it holds one entry per distinct file name, which is one
/// per template a process reads or renders.
final class SourceFiles: @unchecked Sendable {
  static let shared = SourceFiles()

  /// Guards `names` and `ids`; interning happens once per file per read, so it is never contended.
  private let lock = NSLock()
  /// Names by number; number 0 is reserved for "no location".
  private var names: [String] = [""]
  private var ids: [String: UInt32] = [:]

  /// The number of `name`, interning it on first use.
  func id(of name: String) -> UInt32 {
    lock.lock()
    defer { lock.unlock() }
    if let id = ids[name] { return id }
    let id = UInt32(truncatingIfNeeded: names.count)
    names.append(name)
    ids[name] = id
    return id
  }

  /// The name of number `id`; the empty string for an id no location was made with.
  func name(of id: UInt32) -> String {
    lock.lock()
    defer { lock.unlock() }
    return Int(id) < names.count ? names[Int(id)] : ""
  }
}
