import Foundation
import AWSClient

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `URLSession` (FoundationNetworking on Linux), waited on synchronously: the CLI makes one
/// request at a time and has nothing else to do meanwhile.
///
/// The body is collected by a delegate that stops at `SubprocessTransport.maximumResponseBytes`
/// (the session would otherwise hold any amount the server sends), and the whole exchange ends
/// at `timeout` however slowly the bytes come (URLSession's own timeout only bounds the silence
/// between two of them).
struct URLSessionTransport: HTTPTransport {
  var timeout: TimeInterval

  init(timeout: TimeInterval = 30) { self.timeout = timeout }

  func send(_ request: HTTPRequest) throws(AWSError) -> HTTPResponse {
    var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
    urlRequest.httpMethod = request.method
    for (name, value) in request.headers where name.lowercased() != "host" {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    urlRequest.httpBody = request.body
    let collector = Collector(limit: SubprocessTransport.maximumResponseBytes)
    let session = URLSession(configuration: .ephemeral, delegate: collector, delegateQueue: nil)
    let task = session.dataTask(with: urlRequest)
    task.resume()
    let finished = collector.done.wait(timeout: .now() + timeout)
    if finished == .timedOut { task.cancel() }
    session.invalidateAndCancel()
    let target = request.url.absoluteString
    if finished == .timedOut {
      throw AWSError(
        .unreachable,
        "no complete answer from \(target) within \(Int(timeout.rounded())) s; check --endpoint-url and the network"
      )
    }
    switch collector.outcome() {
    case .success(let response): return response
    case .tooLarge:
      throw AWSError(
        .serviceError,
        "the answer from \(target) is larger than \(SubprocessTransport.maximumResponseBytes >> 20) MB")
    case .failure(let message):
      throw AWSError(
        .unreachable,
        "cannot reach \(target): \(message); check --endpoint-url, --region and the network")
    }
  }

  enum Outcome: Sendable {
    case success(HTTPResponse)
    case tooLarge
    case failure(String)
  }

  /// Receives the answer on the session's queue and hands it over under a lock.
  final class Collector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var body = Data()
    private var status = 0
    private var result: Outcome?

    init(limit: Int) { self.limit = limit }

    func outcome() -> Outcome { lock.withLock { result ?? .failure("no answer") } }

    func urlSession(
      _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
      completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
      lock.withLock { status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
      if response.expectedContentLength > Int64(limit) {
        finish(.tooLarge)
        completionHandler(.cancel)
      } else {
        completionHandler(.allow)
      }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
      let over = lock.withLock { () -> Bool in
        body.append(data)
        return body.count > limit
      }
      if over {
        finish(.tooLarge)
        dataTask.cancel()
      }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
      if let error {
        finish(.failure(error.localizedDescription))
      } else {
        let response = lock.withLock { HTTPResponse(status: status, body: body) }
        finish(.success(response))
      }
    }

    /// Records the first outcome only (a cancelled task still reports its cancellation).
    private func finish(_ outcome: Outcome) {
      let first = lock.withLock { () -> Bool in
        guard result == nil else { return false }
        result = outcome
        body = Data()
        return true
      }
      if first { done.signal() }
    }
  }
}
