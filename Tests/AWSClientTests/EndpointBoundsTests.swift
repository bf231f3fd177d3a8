import Foundation
import Testing

@testable import AWSClient

/// `diff --stack`'s endpoint cannot hold formation hostage: a deadline, a size limit, a reader
/// without deep recursion, the helper in formation's process group, and no guessing from an
/// answer of the wrong shape.
@Suite struct EndpointBoundsTests {
  static func helper(_ script: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "helper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent("formation-https")
    // Written through a descriptor closed on exec: a process another test spawns meanwhile
    // must not inherit it, or running the script fails with ETXTBSY while that process lives.
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    let bytes = Array(("#!/bin/sh\n" + script + "\n").utf8)
    let written = write(descriptor, bytes, bytes.count)
    close(descriptor)
    guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    return url
  }

  static let request = HTTPRequest(
    method: "POST", url: URL(string: "http://127.0.0.1:1/")!, headers: [], body: Data())

  /// A helper that never answers is stopped at the timeout, not waited for.
  @Test func silentHelperIsStoppedAtTheDeadline() throws {
    let url = try Self.helper("exec sleep 30")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let start = Date()
    #expect(
      throws: AWSError(
        .unreachable,
        "no complete answer from http://127.0.0.1:1/ within 1 s; check --endpoint-url and the network")
    ) { try SubprocessTransport(executable: url, timeout: 1).send(Self.request) }
    #expect(Date().timeIntervalSince(start) < 10)
  }

  /// The overall deadline bounds every request of the transport, whatever each one's timeout.
  @Test func overallDeadlineEndsLaterRequests() throws {
    let url = try Self.helper("exec sleep 30")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let transport = SubprocessTransport(executable: url, timeout: 30, overallTimeout: 0)
    #expect(
      throws: AWSError(.unreachable, "no answer from http://127.0.0.1:1/ before the deadline")
    ) { try transport.send(Self.request) }
  }

  /// An answer past the size limit is refused without being held whole.
  @Test func oversizedAnswerIsRefused() throws {
    let url = try Self.helper("cat > /dev/null; head -c 40000000 /dev/zero")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    #expect(
      throws: AWSError(.serviceError, "the answer from http://127.0.0.1:1/ is larger than 16 MB")
    ) { try SubprocessTransport(executable: url, timeout: 20).send(Self.request) }
  }

  /// The helper is in formation's process group, so Ctrl-C and `timeout` reach it.
  @Test func helperSharesTheProcessGroup() throws {
    let url = try Self.helper(
      #"cat > /dev/null; group=$(cut -d' ' -f5 /proc/$$/stat); printf '{"status":200,"body":"%s"}' "$(printf %s "$group" | base64)""#
    )
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let response = try SubprocessTransport(executable: url, timeout: 10).send(Self.request)
    #expect(String(decoding: response.body, as: UTF8.self) == String(getpgrp()))
  }

  /// 70,000 nested elements are refused, not read into a tree whose release overflows the stack.
  @Test func deeplyNestedXMLIsRefused() {
    let depth = 70_000
    let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
    #expect(XMLElement.parse(Data(xml.utf8)) == nil)
    let shallow = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
    #expect(XMLElement.parse(Data(shallow.utf8)) != nil)
    let deep = String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65)
    #expect(XMLElement.parse(Data(deep.utf8)) == nil)
  }

  func client(_ xml: String) -> CloudFormationClient {
    CloudFormationClient(
      region: "us-east-1",
      credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
      endpoint: URL(string: "http://127.0.0.1:5999/"),
      transport: CloudFormationClientTests.Canned([CloudFormationClientTests.response(200, xml)]),
      maxAttempts: 1)
  }

  /// Well-formed XML that is not a DescribeStacks answer is an error, not "no such stack".
  @Test func answerOfAnotherShapeIsAnError() {
    let expected = AWSError(
      .serviceError,
      "DescribeStacks answered with an XML document of another shape (root element <html>, expected <DescribeStacksResponse>); check --endpoint-url"
    )
    #expect(throws: expected) {
      try client("<html><body>Welcome</body></html>").describeStack("storage")
    }
    #expect(throws: AWSError.self) {
      try client("<GetTemplateResponse><Other/></GetTemplateResponse>").template(ofStack: "storage")
    }
    // The documented shape with no member is a stack that does not exist.
    #expect(throws: AWSError(.stackNotFound, "stack storage does not exist in us-east-1")) {
      try client(
        "<DescribeStacksResponse><DescribeStacksResult><Stacks/></DescribeStacksResult></DescribeStacksResponse>"
      ).describeStack("storage")
    }
  }
}
