import Foundation

/// The two CloudFormation calls the differ needs, over the Query API (form-encoded POST,
/// XML answers), signed with SigV4.
///
/// `DescribeStacks` says whether the stack exists and in which status; `GetTemplate` with
/// `TemplateStage=Original` returns the template as it was submitted (before transforms),
/// which is what a proposed template is compared with. Throttling and server errors are
/// retried with exponential backoff, a bounded number of times.
public struct CloudFormationClient: Sendable {
  public var region: String
  public var credentials: AWSCredentials
  public var endpoint: URL
  public var transport: any HTTPTransport
  /// Attempts in all, first included.
  public var maxAttempts: Int
  /// The first backoff; each retry doubles it.
  public var baseDelay: TimeInterval
  /// Waits between attempts; tests pass one that records instead of sleeping.
  public var sleep: @Sendable (TimeInterval) -> Void
  /// The signing clock.
  public var now: @Sendable () -> Date

  public init(
    region: String, credentials: AWSCredentials, endpoint: URL? = nil,
    transport: any HTTPTransport = SubprocessTransport(), maxAttempts: Int = 5,
    baseDelay: TimeInterval = 0.25,
    sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.region = region
    self.credentials = credentials
    self.endpoint = endpoint ?? Self.defaultEndpoint(region: region)
    self.transport = transport
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.sleep = sleep
    self.now = now
  }

  /// `https://cloudformation.REGION.amazonaws.com` (`.com.cn` in the China regions).
  public static func defaultEndpoint(region: String) -> URL {
    let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    return URL(string: "https://cloudformation.\(region).\(suffix)/")
      ?? URL(fileURLWithPath: "/")
  }

  /// A stack as `DescribeStacks` describes it.
  public struct Stack: Sendable, Hashable {
    public var name: String
    public var id: String
    public var status: String
    public var parameters: [String: String]
  }

  public func describeStack(_ name: String) throws(AWSError) -> Stack {
    let response = try call("DescribeStacks", ["StackName": name], stack: name)
    // Only an answer of the documented shape with no stack in it means there is none: any
    // other document (a proxy's page, another service) is an error, not an empty account.
    guard response.name == "DescribeStacksResponse",
      let stacks = response["DescribeStacksResult", "Stacks"]
    else { throw Self.unexpectedShape(response, action: "DescribeStacks") }
    guard let member = stacks.child("member") else {
      throw AWSError(.stackNotFound, "stack \(name) does not exist in \(region)")
    }
    var parameters: [String: String] = [:]
    for parameter in member["Parameters"]?.children ?? [] {
      if let key = parameter["ParameterKey"]?.text {
        parameters[key] = parameter["ParameterValue"]?.text ?? ""
      }
    }
    return Stack(
      name: member["StackName"]?.text ?? name, id: member["StackId"]?.text ?? "",
      status: member["StackStatus"]?.text ?? "", parameters: parameters)
  }

  /// The template body as submitted (`TemplateStage=Original`): YAML or JSON text.
  public func template(ofStack name: String) throws(AWSError) -> String {
    let response = try call(
      "GetTemplate", ["StackName": name, "TemplateStage": "Original"], stack: name)
    guard response.name == "GetTemplateResponse",
      let body = response["GetTemplateResult", "TemplateBody"]?.text
    else { throw Self.unexpectedShape(response, action: "GetTemplate") }
    return body
  }

  /// A well-formed answer that is not the one `action` documents.
  static func unexpectedShape(_ root: XMLElement, action: String) -> AWSError {
    AWSError(
      .serviceError,
      "\(action) answered with an XML document of another shape (root element <\(root.name)>, expected <\(action)Response>); check --endpoint-url"
    )
  }

  /// One Query API call with retries; returns the response's root element.
  func call(_ action: String, _ parameters: [String: String], stack: String) throws(AWSError)
    -> XMLElement
  {
    var form = ["Action": action, "Version": "2010-05-15"]
    for (key, value) in parameters { form[key] = value }
    let body = form.keys.sorted().map {
      "\(SigV4Signer.uriEncode($0))=\(SigV4Signer.uriEncode(form[$0] ?? ""))"
    }
    .joined(separator: "&")
    var attempt = 0
    while true {
      attempt += 1
      var request = HTTPRequest(
        method: "POST", url: endpoint,
        headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
        body: Data(body.utf8))
      SigV4Signer(credentials: credentials, region: region, service: "cloudformation").sign(
        &request, at: now())
      let response = try transport.send(request)
      let root = XMLElement.parse(response.body)
      if (200..<300).contains(response.status), let root { return root }
      let error = Self.error(
        from: root, status: response.status, action: action, stack: stack, region: region)
      let retryable = error.id == .throttled || response.status >= 500
      guard retryable, attempt < maxAttempts else {
        if error.id == .throttled {
          throw AWSError(
            .throttled,
            "\(action) was throttled \(attempt) times in a row; wait a minute and retry",
            code: error.code)
        }
        throw error
      }
      sleep(baseDelay * pow(2, Double(attempt - 1)))
    }
  }

  /// The error an error response stands for, by its code.
  static func error(
    from root: XMLElement?, status: Int, action: String, stack: String, region: String
  ) -> AWSError {
    let error = root?["Error"] ?? root?.child("Errors")?.child("Error")
    let code = error?["Code"]?.text ?? ""
    let message = error?["Message"]?.text ?? "HTTP \(status)"
    switch code {
    case "ValidationError" where message.contains("does not exist"):
      return AWSError(.stackNotFound, "stack \(stack) does not exist in \(region)", code: code)
    case "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch",
      "IncompleteSignature",
      "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "AuthFailure",
      "MissingAuthenticationToken":
      return AWSError(
        .badCredentials,
        "the credentials were rejected (\(code): \(message)); check the access key, secret and session token, or the profile",
        code: code)
    case "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException":
      return AWSError(.throttled, "\(action) was throttled: \(message)", code: code)
    case "AccessDenied", "AccessDeniedException":
      return AWSError(
        .accessDenied, "not allowed to call cloudformation:\(action): \(message)", code: code)
    default:
      if status == 429 {
        return AWSError(.throttled, "\(action) was throttled (HTTP 429)", code: code)
      }
      return AWSError(
        .serviceError,
        "\(action) failed with HTTP \(status)\(code.isEmpty ? "" : " \(code)"): \(message)",
        code: code.isEmpty ? nil : code)
    }
  }
}
