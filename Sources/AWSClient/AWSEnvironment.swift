import Foundation

/// Finds credentials and region the way the AWS CLI does.
///
/// Credentials: an explicit `--profile` reads that profile from the shared files; otherwise
/// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) win; otherwise the
/// profile `AWS_PROFILE` (or `default`) from `~/.aws/credentials`, then `~/.aws/config`.
/// Region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
/// File locations follow `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`.
public struct AWSEnvironment: Sendable {
  public var variables: [String: String]
  public var credentialsFile: SharedConfigFile
  public var configFile: SharedConfigFile
  public var credentialsPath: String
  public var configPath: String

  public init(
    variables: [String: String], credentialsFile: SharedConfigFile, configFile: SharedConfigFile,
    credentialsPath: String = "~/.aws/credentials", configPath: String = "~/.aws/config"
  ) {
    self.variables = variables
    self.credentialsFile = credentialsFile
    self.configFile = configFile
    self.credentialsPath = credentialsPath
    self.configPath = configPath
  }

  /// Reads the process environment and the shared files it points to (missing files are empty).
  public static func current() -> AWSEnvironment {
    let variables = ProcessInfo.processInfo.environment
    let home = variables["HOME"] ?? NSHomeDirectory()
    let credentialsPath = variables["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
    let configPath = variables["AWS_CONFIG_FILE"] ?? home + "/.aws/config"
    func read(_ path: String, config: Bool) -> SharedConfigFile {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        return SharedConfigFile()
      }
      return SharedConfigFile(text: text, isConfig: config)
    }
    return AWSEnvironment(
      variables: variables, credentialsFile: read(credentialsPath, config: false),
      configFile: read(configPath, config: true), credentialsPath: credentialsPath,
      configPath: configPath)
  }

  private func variable(_ name: String) -> String? {
    guard let value = variables[name], !value.isEmpty else { return nil }
    return value
  }

  /// The profile in use: `--profile`, else `AWS_PROFILE`, else `default`.
  public func profileName(_ explicit: String?) -> String {
    explicit ?? variable("AWS_PROFILE") ?? variable("AWS_DEFAULT_PROFILE") ?? "default"
  }

  public func credentials(profile explicit: String?) throws(AWSError) -> AWSCredentials {
    if explicit == nil, let key = variable("AWS_ACCESS_KEY_ID"),
      let secret = variable("AWS_SECRET_ACCESS_KEY")
    {
      return AWSCredentials(
        accessKeyID: key, secretAccessKey: secret, sessionToken: variable("AWS_SESSION_TOKEN"),
        source: "environment")
    }
    let name = profileName(explicit)
    let fromCredentials = credentialsFile.profiles[name]
    let fromConfig = configFile.profiles[name]
    for (settings, path) in [(fromCredentials, credentialsPath), (fromConfig, configPath)] {
      guard let settings, let key = settings["aws_access_key_id"],
        let secret = settings["aws_secret_access_key"]
      else { continue }
      return AWSCredentials(
        accessKeyID: key, secretAccessKey: secret, sessionToken: settings["aws_session_token"],
        source: "profile \(name) (\(path))")
    }
    if fromCredentials == nil && fromConfig == nil {
      if explicit != nil || variable("AWS_PROFILE") != nil {
        throw AWSError(
          .unknownProfile, "profile \(name) is in neither \(credentialsPath) nor \(configPath)")
      }
      throw AWSError(
        .noCredentials,
        "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`, or pass --profile"
      )
    }
    let settings = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { $1 }
    for key in [
      "sso_session", "sso_start_url", "role_arn", "credential_process", "web_identity_token_file",
    ]
    where settings[key] != nil {
      throw AWSError(
        .unsupportedProfile,
        "profile \(name) gets credentials through \(key), which formation does not implement; run `eval \"$(aws configure export-credentials --profile \(name) --format env)\"` and retry without --profile"
      )
    }
    throw AWSError(
      .noCredentials, "profile \(name) has no aws_access_key_id and aws_secret_access_key")
  }

  public func region(explicit: String?, profile: String?) throws(AWSError) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let region = variable("AWS_REGION") ?? variable("AWS_DEFAULT_REGION") { return region }
    let name = profileName(profile)
    if let region = configFile.profiles[name]?["region"]
      ?? credentialsFile.profiles[name]?["region"]
    {
      return region
    }
    throw AWSError(
      .noRegion, "no AWS region: pass --region, set AWS_REGION, or set region in profile \(name)")
  }
}
