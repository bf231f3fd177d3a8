import Foundation
import TemplateDiff

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `URLSession` (FoundationNetworking on Linux), waited on synchronously: the CLI makes one
/// request at a time and has nothing else to do meanwhile.
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
