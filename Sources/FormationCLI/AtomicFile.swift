import Foundation
import Template

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never a mix.
///
/// The bytes go to a new temporary file in the destination's directory (so the final step is
/// a same-filesystem `rename(2)`, which replaces the destination atomically), are flushed
/// with `fsync`, and only then renamed over the destination. On any failure the temporary
/// file is removed and the destination is untouched: an interrupted `convert -o` or `render`
/// never leaves a truncated template behind for CI to deploy.
///
/// A new file gets the usual permissions (0666 less the umask); a replaced file keeps its mode.
///
/// The path is respected for what it is: a symbolic link is followed and the file it points to
/// is replaced (in that file's folder, so the link stays a link); a device, FIFO, socket or
/// folder is refused, never replaced by a regular file. SIGINT and SIGTERM during the write
/// remove the temporary file before the process ends as the signal asks.
public enum AtomicFile {
  /// Replaces (or creates) `path` with `bytes`.
  public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
    let destination = try regularDestination(of: path)
    let directory = directoryName(of: destination)
    InterruptCleanup.lock.lock()
    defer { InterruptCleanup.lock.unlock() }
    // The handlers are in place before the temporary file exists, so no signal finds one
    // that they do not know.
    InterruptCleanup.begin()
    defer { InterruptCleanup.end() }
    let (descriptor, temporary) = try createTemporary(in: directory, for: destination)
    let path = destination
    var isOpen = true
    do throws(AtomicFileError) {
      try writeAll(bytes, to: descriptor, path: path)
      var status = stat()
      if stat(path, &status) == 0 {
        _ = fchmod(descriptor, status.st_mode & 0o7777)
      }
      guard fsync(descriptor) == 0 else { throw AtomicFileError(path: path, reason: lastError()) }
      isOpen = false
      guard close(descriptor) == 0 else { throw AtomicFileError(path: path, reason: lastError()) }
      guard rename(temporary, path) == 0 else {
        throw AtomicFileError(path: path, reason: lastError())
      }
    } catch {
      if isOpen { close(descriptor) }
      unlink(temporary)
      throw error
    }
  }

  /// Replaces (or creates) `path` with the UTF-8 bytes of `text`.
  public static func write(_ text: String, to path: String) throws(AtomicFileError) {
    try write(Array(text.utf8), to: path)
  }

  private static func createTemporary(in directory: String, for path: String)
    throws(AtomicFileError)
    -> (Int32, String)
  {
    // The temporary name is the destination's with a prefix and a suffix, cut so the whole
    // stays within NAME_MAX (255 bytes) however long the destination's name is.
    let name = path.split(separator: "/").last.map(String.init) ?? "file"
    var base = ""
    for character in name {
      if base.utf8.count + character.utf8.count > maximumBaseLength { break }
      base.append(character)
    }
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let temporary = directory + "/." + base + ".tmp-" + suffix
      InterruptCleanup.track(temporary)
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return (descriptor, temporary) }
      InterruptCleanup.track(nil)
      if errno != EEXIST { throw AtomicFileError(path: path, reason: lastError()) }
    }
    throw AtomicFileError(path: path, reason: "could not create a temporary file in \(directory)")
  }

  /// How much of the destination's name a temporary name keeps: 255 bytes less the dot, the
  /// `.tmp-` and a 13-character random suffix.
  static let maximumBaseLength = 255 - 1 - 5 - 13

  /// The regular file `path` stands for: itself, or the end of its chain of symbolic links
  /// (a relative link read from the link's folder). A path that does not exist yet is created;
  /// anything but a regular file is refused.
  static func regularDestination(of path: String) throws(AtomicFileError) -> String {
    // Following every link at once first: `/dev/stdout` ends in a pipe or a terminal whose
    // link text (`pipe:[1234]`) is no path to follow by hand.
    var target = stat()
    if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFREG {
      throw AtomicFileError(
        path: path, reason: "it is \(TemplateFile.kind(target.st_mode)); -o writes regular files only")
    }
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0 else {
        if errno == ENOENT { return current }
        throw AtomicFileError(path: path, reason: lastError())
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG: return current
      case S_IFLNK:
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(current, &buffer, buffer.count - 1)
        guard count > 0 else { throw AtomicFileError(path: path, reason: lastError()) }
        let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        current = link.hasPrefix("/") ? link : directoryName(of: current) + "/" + link
      default:
        throw AtomicFileError(
          path: path, reason: "it is \(TemplateFile.kind(info.st_mode)); -o writes regular files only")
      }
    }
    throw AtomicFileError(path: path, reason: "too many levels of symbolic links")
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String)
    throws(AtomicFileError)
  {
    if let failure = bytes.withUnsafeBytes({ FormationCLI.writeAll($0, to: descriptor) }) {
      throw AtomicFileError(path: path, reason: String(cString: strerror(failure)))
    }
  }

  private static func directoryName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = path[..<slash]
    return directory.isEmpty ? "/" : String(directory)
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Removes the temporary file of a write in progress when SIGINT or SIGTERM arrives, then lets
/// the signal end the process as it would have. Writes are serialised (`lock`), so one slot
/// holds the path; the handler only calls async-signal-safe functions on a C string made
/// before the write began.
enum InterruptCleanup {
  static let lock = NSLock()
  nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?
  nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]
  static let signals = [SIGINT, SIGTERM]

  /// Sets the file the handlers remove (`nil` for none).
  static func track(_ temporary: String?) {
    let old = pending
    pending = temporary.map { strdup($0) }
    free(old)
  }

  static func begin() {
    for signal in signals {
      var action = sigaction()
      #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
      #else
        action.__sigaction_handler.sa_handler = handler
      #endif
      var old = sigaction()
      sigaction(signal, &action, &old)
      previous[signal] = old
    }
  }

  private static let handler: @convention(c) (Int32) -> Void = { signal in
    if let path = InterruptCleanup.pending { unlink(path) }
    setDefaultHandler(signal)
    raise(signal)
  }

  static func end() {
    for signal in signals {
      if var old = previous[signal] { sigaction(signal, &old, nil) }
    }
    previous = [:]
    track(nil)
  }
}

/// A file that could not be written; the destination was left as it was.
public struct AtomicFileError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `cannot write PATH: REASON`.
  public var description: String { "cannot write \(path): \(reason)" }
}

/// `signal(2)` back to the default action, named apart from the `signal` parameters above.
private func setDefaultHandler(_ number: Int32) {
  _ = signal(number, SIG_DFL)
}
