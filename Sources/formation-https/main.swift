import Foundation
import AWSClient

// `formation-https`: sends one HTTP request for `formation` (see `SubprocessTransport`).
// Reads an `HTTPExchange.Request` as JSON on standard input and writes the
// `HTTPExchange.Response` as JSON on standard output.

let input = FileHandle.standardInput.readDataToEndOfFile()
let answer: HTTPExchange.Response
if let exchange = try? JSONDecoder().decode(HTTPExchange.Request.self, from: input),
  let request = exchange.request
{
  do {
    answer = HTTPExchange.Response(
      try URLSessionTransport(timeout: exchange.timeout).send(request))
  } catch {
    answer = HTTPExchange.Response(unreachable: error.message)
  }
} else {
  FileHandle.standardError.write(
    Data("formation-https: expected a request on standard input\n".utf8))
  exit(2)
}
FileHandle.standardOutput.write((try? JSONEncoder().encode(answer)) ?? Data())
