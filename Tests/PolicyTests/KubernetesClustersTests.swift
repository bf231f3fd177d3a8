import Policy
import Testing

/// EKS clusters and node groups: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct KubernetesClustersTests {
  static let theme = "eks"

  @Test(arguments: KubernetesClusters.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: KubernetesClusters.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func eks001() throws {
    #expect(
      try LintFixture.lines("EKS001", Self.theme, "EKS001-fail.yaml") == [
        "3:3: error EKS001 Plain: cluster does not encrypt Kubernetes secrets: no EncryptionConfig entry covers secrets",
        "15:21: error EKS001 NoKey: EncryptionConfig for secrets names no Provider.KeyArn",
      ])
  }

  @Test func eks002() throws {
    #expect(
      try LintFixture.lines("EKS002", Self.theme, "EKS002-fail.yaml") == [
        "8:9: error EKS002 Default: cluster API endpoint is open to the internet: EndpointPublicAccess is not false and PublicAccessCidrs defaults to 0.0.0.0/0",
        "16:28: error EKS002 Open: cluster API endpoint is open to the internet (PublicAccessCidrs 0.0.0.0/0)",
      ])
  }

  @Test func eks003() throws {
    #expect(
      try LintFixture.lines("EKS003", Self.theme, "EKS003-fail.yaml") == [
        "10:9: error EKS003 Workers: node group opens SSH (port 22) to 0.0.0.0/0: RemoteAccess has an Ec2SshKey but no SourceSecurityGroups"
      ])
  }
}
