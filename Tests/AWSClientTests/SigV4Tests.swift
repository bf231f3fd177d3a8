import Crypto
import Foundation
import Testing

@testable import AWSClient

/// The signer against AWS's published Signature Version 4 test suite (Fixtures/sigv4).
@Suite struct SigV4Tests {
  struct Case: Decodable, CustomTestStringConvertible {
    var name: String
    var method: String
    var path: String
    var query: String
    var headers: [[String]]
    var body: String
    var canonicalRequest: String?
    var stringToSign: String?
    var authorization: String
    var sessionToken: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    let folder = fixtures.appendingPathComponent("sigv4")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
        return nil
      }
      return try? JSONDecoder().decode(Case.self, from: data)
    }
  }()

  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

  @Test func everyFixtureIsRead() {
    #expect(
      Self.cases.map(\.name) == [
        "get-utf8", "get-vanilla-query-order-key-case", "get-vanilla-with-session-token",
        "get-vanilla",
        "post-vanilla", "post-x-www-form-urlencoded",
      ])
  }

  @Test(arguments: cases) func matchesTheSuite(_ testCase: Case) throws {
    let signer = SigV4Signer(
      credentials: AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret,
        sessionToken: testCase.sessionToken),
      region: "us-east-1", service: "service")
    var components = URLComponents()
    components.scheme = "https"
    components.host = "example.amazonaws.com"
    components.path = testCase.path
    if !testCase.query.isEmpty { components.percentEncodedQuery = testCase.query }
    let url = try #require(components.url)
    let request = HTTPRequest(
      method: testCase.method, url: url, headers: testCase.headers.map { ($0[0], $0[1]) },
      body: Data(testCase.body.utf8))
    let signature = signer.signature(for: request, timestamp: "20150830T123600Z")
    if let expected = testCase.canonicalRequest { #expect(signature.canonicalRequest == expected) }
    if let expected = testCase.stringToSign { #expect(signature.stringToSign == expected) }
    #expect(signature.authorization == testCase.authorization)
  }

  /// The key-derivation example of the AWS General Reference ("derive a signing key").
  @Test func derivesTheDocumentedSigningKey() {
    let key = SigV4Signer.signingKey(
      secret: Self.secret, date: "20120215", region: "us-east-1", service: "iam")
    let hex = key.withUnsafeBytes { SigV4Signer.hex(Array($0)) }
    #expect(hex == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
  }

  @Test func signAddsDateTokenHostAndAuthorization() throws {
    let signer = SigV4Signer(
      credentials: AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, sessionToken: "tok"),
      region: "us-east-1", service: "service")
    var request = HTTPRequest(
      method: "GET", url: try #require(URL(string: "http://127.0.0.1:5000/")))
    signer.sign(&request, at: Date(timeIntervalSince1970: 1_440_938_160))
    #expect(request.header("x-amz-date") == "20150830T123600Z")
    #expect(request.header("host") == "127.0.0.1:5000")
    #expect(request.header("x-amz-security-token") == "tok")
    let authorization = try #require(request.header("authorization"))
    #expect(
      authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="))
  }

  @Test func uriEncodingKeepsOnlyUnreservedCharacters() {
    #expect(SigV4Signer.uriEncode("a b/c~d_e.f-g") == "a%20b%2Fc~d_e.f-g")
    #expect(SigV4Signer.uriEncode("ሴ") == "%E1%88%B4")
  }
}
