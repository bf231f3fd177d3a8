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
public enum AtomicFile {
  /// Replaces (or creates) `path` with `bytes`.
  public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
    let directory = directoryName(of: path)
    let (descriptor, temporary) = try createTemporary(in: directory, for: path)
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
    let base = path.split(separator: "/").last.map(String.init) ?? "file"
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let temporary = directory + "/." + base + ".tmp-" + suffix
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return (descriptor, temporary) }
      if errno != EEXIST { throw AtomicFileError(path: path, reason: lastError()) }
    }
    throw AtomicFileError(path: path, reason: "could not create a temporary file in \(directory)")
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String)
    throws(AtomicFileError)
  {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw AtomicFileError(path: path, reason: lastError())
      }
      offset += written
    }
  }

  private static func directoryName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = path[..<slash]
    return directory.isEmpty ? "/" : String(directory)
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
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

/// `write(2)`, named apart from `AtomicFile.write` so the call inside it reaches the C function.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
  guard let base = buffer.baseAddress else { return 0 }
  return write(descriptor, base, buffer.count)
}
