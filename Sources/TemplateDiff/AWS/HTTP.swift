import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An HTTP request as the signer and the transport see it.
public struct HTTPRequest: Sendable {
  public var method: String
  /// `https://cloudformation.us-east-1.amazonaws.com`, or an emulator's `http://127.0.0.1:5000`.
  public var url: URL
  /// Headers in the order given; names compare case-insensitively.
  public var headers: [(String, String)]
  public var body: Data

  public init(method: String, url: URL, headers: [(String, String)] = [], body: Data = Data()) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  public var path: String {
    let path = url.path
    return path.isEmpty ? "/" : path
  }

  public var query: String { url.query ?? "" }

  /// `host` or `host:port` when the port is not the scheme's default.
  public var hostHeader: String? {
    guard let host = url.host else { return nil }
    if let port = url.port, !(url.scheme == "https" && port == 443),
      !(url.scheme == "http" && port == 80)
    {
      return "\(host):\(port)"
    }
    return host
  }

  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  public mutating func setHeader(_ name: String, _ value: String) {
    headers.removeAll { $0.0.lowercased() == name.lowercased() }
    headers.append((name, value))
  }
}

public struct HTTPResponse: Sendable {
  public var status: Int
  public var body: Data

  public init(status: Int, body: Data) {
    self.status = status
    self.body = body
  }
}

/// Sends one request and waits for the answer; a seam so tests and emulators can stand in.
public protocol HTTPTransport: Sendable {
  /// Throws `AWSError` with `.unreachable` when no answer comes back.
  func send(_ request: HTTPRequest) throws(AWSError) -> HTTPResponse
}

/// `URLSession` (FoundationNetworking on Linux), waited on synchronously: the CLI makes one
/// request at a time and has nothing else to do meanwhile.
public struct URLSessionTransport: HTTPTransport {
  public var timeout: TimeInterval

  public init(timeout: TimeInterval = 30) { self.timeout = timeout }

  public func send(_ request: HTTPRequest) throws(AWSError) -> HTTPResponse {
    var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
    urlRequest.httpMethod = request.method
    for (name, value) in request.headers where name.lowercased() != "host" {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    urlRequest.httpBody = request.body
    let box = ResultBox()
    let semaphore = DispatchSemaphore(value: 0)
    let session = URLSession(configuration: .ephemeral)
    let task = session.dataTask(with: urlRequest) { data, response, error in
      if let error {
        box.set(.failure(error.localizedDescription))
      } else {
        box.set(
          .success(
            HTTPResponse(
              status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data ?? Data())))
      }
      semaphore.signal()
    }
    task.resume()
    semaphore.wait()
    session.finishTasksAndInvalidate()
    switch box.get() {
    case .success(let response)?: return response
    case .failure(let message)?:
      throw AWSError(
        .unreachable,
        "cannot reach \(request.url.absoluteString): \(message); check --endpoint-url, --region and the network"
      )
    case nil:
      throw AWSError(.unreachable, "no answer from \(request.url.absoluteString)")
    }
  }

  private enum Outcome: Sendable {
    case success(HTTPResponse)
    case failure(String)
  }

  /// The completion handler's result, handed across threads under a lock.
  private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Outcome?
    func set(_ value: Outcome) { lock.withLock { outcome = value } }
    func get() -> Outcome? { lock.withLock { outcome } }
  }
}
