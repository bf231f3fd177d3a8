import Foundation
import Testing

@testable import AWSClient

/// The Query API client against canned answers: parsing, error mapping and retries.
@Suite struct CloudFormationClientTests {
  /// Answers from a list, recording each request.
  final class Canned: HTTPTransport, @unchecked Sendable {
    var answers: [Result<HTTPResponse, AWSError>]
    var requests: [HTTPRequest] = []
    let lock = NSLock()

    init(_ answers: [Result<HTTPResponse, AWSError>]) { self.answers = answers }

    func send(_ request: HTTPRequest) throws(AWSError) -> HTTPResponse {
      let answer: Result<HTTPResponse, AWSError> = lock.withLock {
        requests.append(request)
        return answers.isEmpty
          ? .failure(AWSError(.unreachable, "no more answers")) : answers.removeFirst()
      }
      return try answer.get()
    }
  }

  final class Sleeps: @unchecked Sendable {
    var delays: [TimeInterval] = []
  }

  static func response(_ status: Int, _ xml: String) -> Result<HTTPResponse, AWSError> {
    .success(HTTPResponse(status: status, body: Data(xml.utf8)))
  }

  static func error(_ code: String, _ message: String, status: Int = 400) -> Result<
    HTTPResponse, AWSError
  > {
    response(
      status,
      "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error><RequestId>r</RequestId></ErrorResponse>"
    )
  }

  func client(_ transport: Canned, sleeps: Sleeps = Sleeps()) -> CloudFormationClient {
    CloudFormationClient(
      region: "us-east-1",
      credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
      endpoint: URL(string: "http://127.0.0.1:5999/"), transport: transport, maxAttempts: 4,
      baseDelay: 0.5,
      sleep: { sleeps.delays.append($0) }, now: { Date(timeIntervalSince1970: 1_440_938_160) })
  }

  @Test func getTemplateReturnsTheBodyAndSignsTheRequest() throws {
    let transport = Canned([
      Self.response(
        200,
        """
        <GetTemplateResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <GetTemplateResult><TemplateBody>Resources:
          Topic: {Type: AWS::SNS::Topic}
        </TemplateBody><StagesAvailable><member>Original</member></StagesAvailable></GetTemplateResult>
        </GetTemplateResponse>
        """)
    ])
    let body = try client(transport).template(ofStack: "storage")
    #expect(body == "Resources:\n  Topic: {Type: AWS::SNS::Topic}\n")
    let request = try #require(transport.requests.first)
    #expect(
      String(decoding: request.body, as: UTF8.self)
        == "Action=GetTemplate&StackName=storage&TemplateStage=Original&Version=2010-05-15")
    #expect(
      request.header("authorization")?.hasPrefix(
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/cloudformation/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="
      ) == true)
  }

  @Test func describeStacksReadsStatusAndParameters() throws {
    let transport = Canned([
      Self.response(
        200,
        """
        <DescribeStacksResponse><DescribeStacksResult><Stacks><member>
          <StackName>storage</StackName><StackId>arn:aws:cloudformation:us-east-1:123:stack/storage/1</StackId>
          <StackStatus>UPDATE_COMPLETE</StackStatus>
          <Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>prod</ParameterValue></member></Parameters>
        </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
        """)
    ])
    let stack = try client(transport).describeStack("storage")
    #expect(stack.status == "UPDATE_COMPLETE")
    #expect(stack.parameters == ["Env": "prod"])
  }

  @Test func missingStackIsStackNotFound() {
    let transport = Canned([Self.error("ValidationError", "Stack with id nope does not exist")])
    do {
      _ = try client(transport).template(ofStack: "nope")
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .stackNotFound)
      #expect(error.message == "stack nope does not exist in us-east-1")
    }
  }

  @Test(arguments: ["InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken"])
  func rejectedCredentialsAreBadCredentials(_ code: String) {
    let transport = Canned([
      Self.error(code, "The request signature we calculated does not match", status: 403)
    ])
    do {
      _ = try client(transport).template(ofStack: "storage")
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .badCredentials)
      #expect(error.code == code)
      #expect(transport.requests.count == 1)
    }
  }

  @Test func throttlingIsRetriedWithExponentialBackoff() throws {
    let sleeps = Sleeps()
    let transport = Canned([
      Self.error("Throttling", "Rate exceeded"), Self.error("Throttling", "Rate exceeded"),
      Self.response(
        200,
        "<GetTemplateResponse><GetTemplateResult><TemplateBody>{}</TemplateBody></GetTemplateResult></GetTemplateResponse>"
      ),
    ])
    let body = try client(transport, sleeps: sleeps).template(ofStack: "storage")
    #expect(body == "{}")
    #expect(sleeps.delays == [0.5, 1.0])
  }

  @Test func throttlingThatNeverStopsIsAnErrorAfterTheLastAttempt() {
    let sleeps = Sleeps()
    let transport = Canned(Array(repeating: Self.error("Throttling", "Rate exceeded"), count: 10))
    do {
      _ = try client(transport, sleeps: sleeps).template(ofStack: "storage")
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .throttled)
      #expect(transport.requests.count == 4)
      #expect(sleeps.delays == [0.5, 1.0, 2.0])
    }
  }

  /// Through the real transport: `formation-https`, built next to the test runner.
  @Test func unreachableEndpointIsReportedAsSuch() throws {
    // Nothing listens on port 1 of the loopback address: the connection is refused at once.
    let client = CloudFormationClient(
      region: "us-east-1",
      credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
      endpoint: URL(string: "http://127.0.0.1:1/"), transport: SubprocessTransport(timeout: 5))
    do {
      _ = try client.template(ofStack: "storage")
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .unreachable)
      #expect(error.message.hasPrefix("cannot reach http://127.0.0.1:1/"))
    }
  }

  @Test func aMissingHTTPHelperIsItsOwnError() throws {
    let client = CloudFormationClient(
      region: "us-east-1",
      credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
      endpoint: URL(string: "http://127.0.0.1:1/"),
      transport: SubprocessTransport(
        executable: URL(fileURLWithPath: "/nonexistent/formation-https")))
    do {
      _ = try client.template(ofStack: "storage")
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .transportMissing)
      #expect(error.message.hasPrefix("cannot run /nonexistent/formation-https"))
    }
  }
}

/// The Query API's XML, read without FoundationXML.
@Suite struct QueryXMLTests {
  @Test func readsElementsTextEntitiesAndCDATA() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- an answer -->
      <R xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/" a='x>y'>
        <Body>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#65;&#x42; \u{e9}\r\nnext</Body>
        <Empty/>
        <Data><![CDATA[<raw> & ]]></Data>
      </R>
      """
    let root = try #require(XMLElement.parse(Data(xml.utf8)))
    #expect(root.name == "R")
    #expect(root.children.map(\.name) == ["Body", "Empty", "Data"])
    #expect(root["Body"]?.text == "a <b> & \"c\" 'd' AB \u{e9}\nnext")
    #expect(root["Empty"]?.text == "")
    #expect(root["Data"]?.text == "<raw> & ")
  }

  @Test(arguments: [
    "<A><B></A></B>", "<A>", "<A></A><B></B>", "text<A></A>", "<A>&unknown;</A>", "<A>&amp</A>",
    "<A><!-- unclosed </A>", "", "<>", "<A></B>",
  ])
  func rejectsMalformedDocuments(_ xml: String) {
    #expect(XMLElement.parse(Data(xml.utf8)) == nil)
  }
}
