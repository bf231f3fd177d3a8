import Foundation

/// Every rule Formation knows, correctness and policy, in id order.
///
/// `formation validate` runs the correctness family, `formation lint` all of it, and
/// `--list-rules` / `explain` print these same values.
public enum Catalogue {
  /// Made once: about 200 rules' values and a sort, which every command that checks needs.
  public static let all: [Rule] = (correctness + policy).sorted { $0.id < $1.id }

  /// Structure and references (`formation validate`).
  public static var correctness: [Rule] { CorrectnessRules.all }

  /// Least privilege, encryption, isolation, logging, data protection (`formation lint`).
  public static var policy: [Rule] {
    EncryptionAtRest.rules + EncryptionInTransit.rules + PublicAccess.rules + NetworkIsolation.rules
      + Logging.rules + DataProtection.rules + BatchAndEvents.rules + SuppressionRules.rules
      + LeastPrivilege.rules + Serverless.rules + Invariants.rules + CoverageRules.rules
      + DeployForecast.rules
      + RelationalDatabases.rules + FileSystems.rules + Streams.rules + SearchDomains.rules
      + ElastiCache.rules + RedshiftClusters.rules + DocumentAndGraphDatabases.rules
      + KubernetesClusters.rules + DynamoDB.rules
      + Secrets.rules + CloudTrail.rules + LoadBalancing.rules + CloudFront.rules
      + APIGateway.rules + MQ.rules + DMS.rules + Transfer.rules + Cognito.rules
      + StepFunctions.rules + Analytics.rules + MachineLearning.rules
      + ApplicationServices.rules + Lambda.rules
  }

  public static func rule(id: String) -> Rule? {
    all.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
  }
}
