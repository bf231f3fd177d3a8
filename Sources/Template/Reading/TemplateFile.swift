import Foundation

/// Opens and reads a template file without trusting what the path is.
///
/// - The file is opened without blocking (`O_NONBLOCK`), then its type is asked of the open
///   descriptor (`fstat`), so a FIFO named `x.yaml` cannot hang the run and a file swapped for
///   something else between a check and the open is still caught.
/// - Only regular files are read, and their size is checked before a byte is read: a sparse
///   file of gigabytes is refused at once instead of filling the memory.
/// - Standard input and inherited descriptors (`-`, `/dev/stdin`, `/dev/fd/N`) may be pipes
///   (`formation validate /dev/stdin < x` or `<(...)` in a shell): they are read to their end,
///   stopping as soon as they pass the size limit.
public enum TemplateFile {
  /// The whole content of the file at `path`, or an `unreadableFile` or `fileTooLarge` error
  /// that says why in words.
  public static func bytes(at path: String) throws(TemplateError) -> [UInt8] {
    try bytes(at: path, limits: .standard)
  }

  static func bytes(at path: String, limits: ReadingLimits) throws(TemplateError) -> [UInt8] {
    let start = SourceLocation(file: path, line: 1, column: 1)
    let descriptor = path == "-" ? dup(0) : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw TemplateError(.unreadableFile, "cannot read the file: \(reason(errno))", at: start)
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw TemplateError(.unreadableFile, "cannot read the file: \(reason(errno))", at: start)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      let size = Int(info.st_size)
      guard size <= limits.maxBytes else { throw tooLarge(size, limits: limits, at: start) }
      return try regularFile(descriptor, size: size, at: start)
    case S_IFIFO where isStandardStream(path):
      return try stream(descriptor, limits: limits, at: start)
    default:
      throw TemplateError(
        .unreadableFile,
        "cannot read \(kind(info.st_mode)): only regular files (and standard input) are templates",
        at: start)
    }
  }

  /// Paths that name standard input or a descriptor the shell passed, the only pipes read.
  static func isStandardStream(_ path: String) -> Bool {
    path == "-" || path == "/dev/stdin" || path.hasPrefix("/dev/fd/")
      || path.hasPrefix("/proc/self/fd/")
  }

  /// Reads `size` bytes and one more, so a file that grew since `fstat` is noticed.
  private static func regularFile(_ descriptor: Int32, size: Int, at start: SourceLocation)
    throws(TemplateError) -> [UInt8]
  {
    var failure: Int32 = 0
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      while initialized < size + 1 {
        let count = read(descriptor, base + initialized, size + 1 - initialized)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          if count < 0 { failure = errno }
          complete = count == 0 && initialized == size
          return
        }
        initialized += count
      }
    }
    guard complete else {
      let why = failure != 0 ? reason(failure) : "it changed size while being read"
      throw TemplateError(.unreadableFile, "cannot read the file: \(why)", at: start)
    }
    return bytes
  }

  /// Reads a pipe to its end in blocks, never past the size limit.
  private static func stream(_ descriptor: Int32, limits: ReadingLimits, at start: SourceLocation)
    throws(TemplateError) -> [UInt8]
  {
    // The pipe was opened without blocking; reading it waits for its writer.
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count < 0 {
        throw TemplateError(.unreadableFile, "cannot read the file: \(reason(errno))", at: start)
      }
      if count == 0 { return bytes }
      bytes += block[..<count]
      if bytes.count > limits.maxBytes {
        throw tooLarge(bytes.count, limits: limits, at: start, atLeast: true)
      }
    }
  }

  static func tooLarge(_ size: Int, limits: ReadingLimits, at start: SourceLocation, atLeast: Bool = false)
    -> TemplateError
  {
    TemplateError(
      .fileTooLarge,
      "the file is \(atLeast ? "over " : "")\(size) bytes; the reader accepts at most \(limits.maxBytes) (CloudFormation itself stops at 1 MB)",
      at: start)
  }

  /// What a non-regular file is, for an error message: "a FIFO (named pipe)".
  public static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "a special file"
    }
  }

  /// The system's words for an error number, in lower case.
  private static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
  }
}
