import Foundation

/// What `formation` and `formation-https` say to each other: one request on the helper's
/// standard input, one answer on its standard output, both JSON.
public enum HTTPExchange {
  public struct Request: Codable, Sendable {
    public var method: String
    public var url: String
    public var headers: [[String]]
    public var body: Data
    public var timeout: TimeInterval

    public init(_ request: HTTPRequest, timeout: TimeInterval) {
      method = request.method
      url = request.url.absoluteString
      headers = request.headers.map { [$0.0, $0.1] }
      body = request.body
      self.timeout = timeout
    }

    /// The request as the transport sends it; nil when the URL does not parse.
    public var request: HTTPRequest? {
      guard let url = URL(string: url) else { return nil }
      return HTTPRequest(
        method: method, url: url,
        headers: headers.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil },
        body: body)
    }
  }

  /// An HTTP answer, or why none came.
  public struct Response: Codable, Sendable {
    public var status: Int?
    public var body: Data?
    public var unreachable: String?

    public init(_ response: HTTPResponse) {
      status = response.status
      body = response.body
    }

    public init(unreachable reason: String) { self.unreachable = reason }
  }
}

/// Sends requests through `formation-https`, a small executable built with `formation` and
/// installed next to it, which owns the HTTP stack (`URLSession`).
///
/// Why a second process: FoundationNetworking brings libcurl, OpenSSL, Kerberos and LDAP
/// into every process that links it, about 8 MB of memory and 10 ms of start-up, and only
/// `diff --stack` talks to AWS. `lint`, `validate` and `render` are run on every commit and
/// on hundreds of files, so they should not pay for it (git keeps its HTTP transport in
/// `git-remote-https` for the same reason). Signing, retries and error mapping stay here,
/// in `CloudFormationClient`; the helper only moves bytes.
///
/// Bounded on every side: the helper runs in formation's own process group (Ctrl-C and
/// `timeout` reach it too) and dies with formation (it asks for SIGKILL when its parent goes);
/// each request ends at `timeout` and all of them at the deadline set when the transport was
/// made (`overallTimeout`), however slowly the server trickles bytes; an answer larger than
/// `maximumResponseBytes` is refused by the helper and, should it not stop, by formation.
public struct SubprocessTransport: HTTPTransport {
  /// The helper; `nil` finds it next to the running executable (or at `$FORMATION_HTTPS`).
  public var executable: URL?
  /// The longest one request may take, from start to last byte.
  public var timeout: TimeInterval
  /// When every request of this transport must be over.
  public var deadline: Date

  /// The largest response body accepted: CloudFormation's templates are at most 1 MB, so 16 MB
  /// leaves room for any escaping while a runaway endpoint cannot fill the memory.
  public static let maximumResponseBytes = 16 << 20

  public init(executable: URL? = nil, timeout: TimeInterval = 30, overallTimeout: TimeInterval = 120) {
    self.executable = executable
    self.timeout = timeout
    self.deadline = Date().addingTimeInterval(overallTimeout)
  }

  /// The name of the helper executable.
  public static let helperName = "formation-https"

  /// `$FORMATION_HTTPS`, else `formation-https` in the running executable's folder.
  public static func locateHelper() -> URL? {
    if let path = ProcessInfo.processInfo.environment["FORMATION_HTTPS"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    #if os(Linux)
      let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    #else
      let running = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    #endif
    let helper = running.deletingLastPathComponent().appendingPathComponent(helperName)
    return FileManager.default.isExecutableFile(atPath: helper.path) ? helper : nil
  }

  public func send(_ request: HTTPRequest) throws(AWSError) -> HTTPResponse {
    guard let helper = executable ?? Self.locateHelper() else {
      throw AWSError(
        .transportMissing,
        "\(Self.helperName), which makes formation's HTTP requests, is not next to the formation executable; build the whole package (swift build) or set FORMATION_HTTPS to its path"
      )
    }
    let remaining = min(timeout, deadline.timeIntervalSinceNow)
    guard remaining > 0 else {
      throw AWSError(.unreachable, "no answer from \(request.url.absoluteString) before the deadline")
    }
    let input: Data
    do {
      input = try JSONEncoder().encode(HTTPExchange.Request(request, timeout: remaining))
    } catch {
      throw AWSError(.serviceError, "cannot encode the request: \(error)")
    }
    // The answer is JSON with the body in base64: a third larger, plus the envelope.
    let limit = Self.maximumResponseBytes / 3 * 4 + 4096
    let output: HelperProcess.Output
    do {
      output = try HelperProcess.run(
        helper, input: input, deadline: Date().addingTimeInterval(remaining + 2),
        outputLimit: limit)
    } catch {
      throw AWSError(.transportMissing, "cannot run \(helper.path): \(error)")
    }
    switch output {
    case .timedOut:
      throw AWSError(
        .unreachable,
        "no complete answer from \(request.url.absoluteString) within \(Int(remaining.rounded())) s; check --endpoint-url and the network"
      )
    case .tooLarge:
      throw AWSError(
        .serviceError,
        "the answer from \(request.url.absoluteString) is larger than \(Self.maximumResponseBytes >> 20) MB"
      )
    case .complete(let data):
      guard let answer = try? JSONDecoder().decode(HTTPExchange.Response.self, from: data) else {
        throw AWSError(.transportMissing, "\(helper.path) gave no answer that formation understands")
      }
      if let reason = answer.unreachable {
        throw AWSError(.unreachable, reason)
      }
      return HTTPResponse(status: answer.status ?? 0, body: answer.body ?? Data())
    }
  }
}
