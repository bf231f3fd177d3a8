import Crypto
import Foundation

/// AWS Signature Version 4 for a request with its headers (the `Authorization` header form).
///
/// Follows the published algorithm: a canonical request (method, URI-encoded path,
/// sorted query, sorted lower-case headers with trimmed values, signed header list,
/// SHA-256 of the payload), a string to sign with the credential scope, and an HMAC-SHA256
/// chain `AWS4+secret → date → region → service → aws4_request` for the key. Tested against
/// AWS's signature test suite.
public struct SigV4Signer: Sendable {
  public var credentials: AWSCredentials
  public var region: String
  public var service: String

  public init(credentials: AWSCredentials, region: String, service: String) {
    self.credentials = credentials
    self.region = region
    self.service = service
  }

  /// The pieces of one signature, kept so tests can compare each stage with the suite.
  public struct Signature: Sendable, Hashable {
    public var canonicalRequest: String
    public var stringToSign: String
    public var signature: String
    public var authorization: String
    public var signedHeaders: String
  }

  /// Signs `request`: adds `X-Amz-Date`, `X-Amz-Security-Token` (with a session token),
  /// `Host` when missing, and `Authorization`.
  public func sign(_ request: inout HTTPRequest, at date: Date) {
    let stamp = Self.timestamp(date)
    if request.header("host") == nil, let host = request.hostHeader {
      request.headers.append(("Host", host))
    }
    request.setHeader("X-Amz-Date", stamp)
    if let token = credentials.sessionToken { request.setHeader("X-Amz-Security-Token", token) }
    let signature = self.signature(for: request, timestamp: stamp)
    request.setHeader("Authorization", signature.authorization)
  }

  /// The signature of a request whose headers already hold everything to sign.
  public func signature(for request: HTTPRequest, timestamp: String) -> Signature {
    let date = String(timestamp.prefix(8))
    let scope = "\(date)/\(region)/\(service)/aws4_request"
    var grouped: [String: [String]] = [:]
    for (name, value) in request.headers {
      grouped[name.lowercased(), default: []].append(Self.trimmed(value))
    }
    let names = grouped.keys.sorted()
    let canonicalHeaders = names.map {
      "\($0):\(grouped[$0, default: []].joined(separator: ","))\n"
    }.joined()
    let signedHeaders = names.joined(separator: ";")
    let canonicalRequest = [
      request.method.uppercased(),
      Self.canonicalPath(request.path),
      Self.canonicalQuery(request.query),
      canonicalHeaders,
      signedHeaders,
      Self.hex(SHA256.hash(data: request.body)),
    ].joined(separator: "\n")
    let stringToSign = [
      "AWS4-HMAC-SHA256", timestamp, scope,
      Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8))),
    ].joined(separator: "\n")
    let key = Self.signingKey(
      secret: credentials.secretAccessKey, date: date, region: region, service: service)
    let signature = Self.hex(
      HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    let authorization =
      "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    return Signature(
      canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
      authorization: authorization, signedHeaders: signedHeaders)
  }

  /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
  public static func signingKey(secret: String, date: String, region: String, service: String)
    -> SymmetricKey
  {
    var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
    for part in [date, region, service, "aws4_request"] {
      key = SymmetricKey(
        data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
    }
    return key
  }

  /// `20150830T123600Z`, in UTC whatever the machine's zone.
  public static func timestamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    return
      "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
  }

  /// Each path segment URI-encoded (RFC 3986 unreserved characters kept), `/` kept.
  static func canonicalPath(_ path: String) -> String {
    let raw = path.isEmpty ? "/" : path
    return raw.split(separator: "/", omittingEmptySubsequences: false)
      .map { uriEncode(String($0).removingPercentEncoding ?? String($0)) }
      .joined(separator: "/")
  }

  /// Parameters URI-encoded and sorted by name, then value.
  static func canonicalQuery(_ query: String) -> String {
    guard !query.isEmpty else { return "" }
    let pairs = query.split(separator: "&").map { part -> (String, String) in
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(pieces[0]).removingPercentEncoding ?? String(pieces[0])
      let value =
        pieces.count > 1 ? (String(pieces[1]).removingPercentEncoding ?? String(pieces[1])) : ""
      return (uriEncode(name), uriEncode(value))
    }
    return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }
      .joined(separator: "&")
  }

  /// RFC 3986 encoding: everything but `A-Z a-z 0-9 - _ . ~` as `%XX` of its UTF-8 bytes.
  public static func uriEncode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }

  /// Leading and trailing spaces removed, inner runs of spaces collapsed to one.
  private static func trimmed(_ value: String) -> String {
    value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
    digest.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
  }
}
