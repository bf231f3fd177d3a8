import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a helper executable with bytes on its standard input and collects its standard output,
/// up to a deadline and a size.
///
/// Spawned with `posix_spawn` directly rather than `Process`, which puts the child in a
/// process group of its own: there, Ctrl-C in the terminal or `timeout` around formation
/// would leave the helper running. Here it shares formation's group and gets every signal
/// the group gets. Its standard error is formation's, so its messages reach the user.
enum HelperProcess {
  enum Output {
    case complete(Data)
    case timedOut
    case tooLarge
  }

  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  static func run(_ executable: URL, input: Data, deadline: Date, outputLimit: Int) throws
    -> Output
  {
    guard let toChild = closedOnExecPipe(), let fromChild = closedOnExecPipe() else {
      throw SpawnError(description: String(cString: strerror(errno)))
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    for descriptor in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, descriptor) }
    var pid: pid_t = 0
    let path = executable.path
    let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
    defer { for argument in arguments { free(argument) } }
    // ETXTBSY: a helper written a moment ago may still be open for writing in a child that
    // another thread forked meanwhile (it closes the copy on exec); try again, briefly.
    var status = posix_spawn(&pid, path, &actions, nil, arguments, environ)
    for _ in 0..<20 where status == ETXTBSY {
      usleep(10_000)
      status = posix_spawn(&pid, path, &actions, nil, arguments, environ)
    }
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw SpawnError(description: String(cString: strerror(status)))
    }
    // The request is small and the helper reads all of it before it answers, so writing it
    // whole first cannot deadlock; a helper that died early must not kill formation with SIGPIPE.
    let previousPipeHandler = signal(SIGPIPE, SIG_IGN)
    input.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(toChild[1], buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { break }
        offset += written
      }
    }
    close(toChild[1])
    signal(SIGPIPE, previousPipeHandler)
    let output = collect(fromChild[0], deadline: deadline, limit: outputLimit)
    close(fromChild[0])
    if case .complete = output {} else { kill(pid, SIGKILL) }
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
    return output
  }

  /// A pipe whose ends close on exec. A process that another thread spawns meanwhile must not
  /// inherit them: holding the helper's input open, it would keep the helper waiting for the
  /// end of its request until the deadline (the helper gets its ends through `dup2`, which
  /// clears the flag). `pipe2` is not visible from Swift's Glibc module, hence `fcntl`.
  private static func closedOnExecPipe() -> [Int32]? {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else { return nil }
    for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    return descriptors
  }

  /// Reads `descriptor` to its end, or until the deadline passes or `limit` bytes are exceeded.
  private static func collect(_ descriptor: Int32, deadline: Date, limit: Int) -> Output {
    var data = Data()
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return .timedOut }
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { continue }
      let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return .complete(data) }
      data.append(contentsOf: block[..<count])
      if data.count > limit { return .tooLarge }
    }
  }
}
