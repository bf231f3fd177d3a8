import Foundation

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
