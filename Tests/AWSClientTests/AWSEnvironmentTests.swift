import Testing

@testable import AWSClient

/// Credentials and region found as the AWS CLI finds them.
@Suite struct AWSEnvironmentTests {
  let credentials = SharedConfigFile(
    text: """
      # comment
      [default]
      aws_access_key_id = AKIDDEFAULT
      aws_secret_access_key = secret-default

      [dev]
      aws_access_key_id=AKIDDEV
      aws_secret_access_key=secret-dev
      aws_session_token = token-dev
      """, isConfig: false)
  let config = SharedConfigFile(
    text: """
      [default]
      region = eu-west-1
      [profile dev]
      region = us-west-2
      s3 =
        max_concurrent_requests = 20
      [profile sso]
      sso_session = corp
      [sso-session corp]
      sso_region = us-east-1
      """, isConfig: true)

  func environment(_ variables: [String: String]) -> AWSEnvironment {
    AWSEnvironment(variables: variables, credentialsFile: credentials, configFile: config)
  }

  @Test func environmentVariablesWinOverTheDefaultProfile() throws {
    let found = try environment([
      "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env",
      "AWS_SESSION_TOKEN": "token-env",
    ]).credentials(profile: nil)
    #expect(
      found
        == AWSCredentials(
          accessKeyID: "AKIDENV", secretAccessKey: "secret-env", sessionToken: "token-env",
          source: "environment"))
  }

  @Test func explicitProfileWinsOverEnvironmentVariables() throws {
    let found = try environment([
      "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env",
    ])
    .credentials(profile: "dev")
    #expect(found.accessKeyID == "AKIDDEV")
    #expect(found.sessionToken == "token-dev")
  }

  @Test func awsProfileSelectsTheProfile() throws {
    let env = environment(["AWS_PROFILE": "dev"])
    #expect(try env.credentials(profile: nil).accessKeyID == "AKIDDEV")
    #expect(try env.region(explicit: nil, profile: nil) == "us-west-2")
  }

  @Test func defaultProfileAndRegionOrder() throws {
    let env = environment([:])
    #expect(try env.credentials(profile: nil).accessKeyID == "AKIDDEFAULT")
    #expect(try env.region(explicit: nil, profile: nil) == "eu-west-1")
    #expect(
      try environment(["AWS_DEFAULT_REGION": "ap-south-1"]).region(explicit: nil, profile: nil)
        == "ap-south-1")
    #expect(
      try environment(["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "ap-south-1"]).region(
        explicit: nil, profile: nil)
        == "us-east-2")
    #expect(try env.region(explicit: "sa-east-1", profile: nil) == "sa-east-1")
  }

  @Test func unknownProfileIsAnError() {
    #expect(throws: AWSError.self) { try environment([:]).credentials(profile: "nope") }
    do {
      _ = try environment([:]).credentials(profile: "nope")
    } catch {
      #expect(error.id == .unknownProfile)
    }
  }

  @Test func ssoProfileSaysItIsUnsupported() {
    do {
      _ = try environment([:]).credentials(profile: "sso")
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .unsupportedProfile)
      #expect(error.message.contains("sso_session"))
    }
  }

  @Test func noCredentialsAnywhere() {
    let empty = AWSEnvironment(
      variables: [:], credentialsFile: SharedConfigFile(), configFile: SharedConfigFile())
    do {
      _ = try empty.credentials(profile: nil)
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .noCredentials)
    }
    do {
      _ = try empty.region(explicit: nil, profile: nil)
      Issue.record("expected an error")
    } catch {
      #expect(error.id == .noRegion)
    }
  }
}
