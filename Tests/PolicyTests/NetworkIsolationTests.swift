import Policy
import Testing

/// Network isolation: every failing fixture gives exactly these findings (line:column, severity, rule,
/// logical id, message), every passing fixture none.
@Suite struct NetworkIsolationTests {
  static let theme = "network-isolation"

  @Test(arguments: NetworkIsolation.rules.map(\.id))
  func passingFixtureIsClean(_ id: String) throws {
    #expect(try LintFixture.lines(id, Self.theme, "\(id)-pass.yaml") == [])
  }

  @Test(arguments: NetworkIsolation.rules.map(\.id))
  func failingFixtureFails(_ id: String) throws {
    #expect(try !LintFixture.lines(id, Self.theme, "\(id)-fail.yaml").isEmpty)
  }

  @Test func net001() throws {
    #expect(
      try LintFixture.lines("NET001", Self.theme, "NET001-fail.yaml") == [
        "11:28: warning NET001 Public: subnet assigns a public IP address to every instance launched in it"
      ])
  }

  @Test func net002() throws {
    #expect(
      try LintFixture.lines("NET002", Self.theme, "NET002-fail.yaml") == [
        "15:19: error NET002 Bastion: security group allows ingress from 0.0.0.0/0 on tcp port 22",
        "17:21: error NET002 Bastion: security group allows ingress from ::/0 on all traffic",
        "25:15: error NET002 Rdp: security group allows ingress from 0.0.0.0/0 on tcp port 3389 (parameter AdminCidr at its default)",
      ])
  }

  @Test func net003() throws {
    #expect(
      try LintFixture.lines("NET003", Self.theme, "NET003-fail.yaml") == [
        "11:3: warning NET003 DefaultEgress: security group has no SecurityGroupEgress, so it keeps the default rule allowing all egress although the template provides VPC endpoints",
        "23:19: warning NET003 OpenEgress: security group allows egress to 0.0.0.0/0 on all traffic",
      ])
  }

  @Test func net004() throws {
    #expect(
      try LintFixture.lines("NET004", Self.theme, "NET004-fail.yaml") == [
        "9:39: error NET004 Workers: launch template gives its instances a public IP address",
        "17:37: error NET004 Bastion: instance has a public IP address (AssociatePublicIpAddress: true)",
        "23:33: error NET004 WebFleet: launch configuration gives its instances a public IP address",
      ])
  }

  @Test func net005() throws {
    #expect(
      try LintFixture.lines("NET005", Self.theme, "NET005-fail.yaml") == [
        "7:9: error NET005 NoOptions: launch template allows IMDSv1: MetadataOptions.HttpTokens is not set to required",
        "13:23: error NET005 Optional: launch template allows IMDSv1: HttpTokens is optional, not required",
        "14:3: error NET005 Bastion: instance allows IMDSv1: MetadataOptions.HttpTokens is not set to required",
        "18:3: unknown NET005 FromShared: cannot tell whether IMDSv2 is required: the instance takes its metadata options from launch template shared-workers, which this template does not define",
        "31:21: error NET005 WebFleet: launch configuration allows IMDSv1: HttpTokens is optional, not required",
      ])
  }

  @Test func net006() throws {
    #expect(
      try LintFixture.lines("NET006", Self.theme, "NET006-fail.yaml") == [
        "33:19: error NET006 Compute: subnet Public is public: its route table PublicRoutes routes to internet gateway Gateway (DefaultRoute)",
        "33:32: unknown NET006 Compute: cannot tell whether the subnet is private: subnet Unassociated has no route table association here, so it uses the VPC's main route table, which the template does not show",
      ])
  }

  @Test func net007() throws {
    #expect(
      try LintFixture.lines("NET007", Self.theme, "NET007-fail.yaml") == [
        "6:3: warning NET007 Trigger: function runs outside the VPC the template defines; set VpcConfig with private subnets"
      ])
  }

  @Test func net007OutsideAnyVPCIsInfo() throws {
    #expect(
      try LintFixture.lines("NET007", Self.theme, "NET007-fail-novpc.yaml") == [
        "3:3: info NET007 Notifier: function runs outside any VPC; set VpcConfig if it handles data that should stay on a private network"
      ])
  }

  @Test func net008() throws {
    #expect(
      try LintFixture.lines("NET008", Self.theme, "NET008-fail.yaml") == [
        "3:3: warning NET008 Vpc: VPC has no AWS::EC2::FlowLog"
      ])
  }

  @Test func net009() throws {
    #expect(
      try LintFixture.lines("NET009", Self.theme, "NET009-fail.yaml") == [
        "6:3: warning NET009 LogsEndpoint: interface endpoint does not enable private DNS (PrivateDnsEnabled defaults to false)"
      ])
  }

  @Test func net010() throws {
    #expect(
      try LintFixture.lines("NET010", Self.theme, "NET010-fail.yaml") == [
        "6:3: warning NET010 S3Endpoint: VPC endpoint has no PolicyDocument, so it allows every action on every resource of the service"
      ])
  }

  /// Web ports open to the internet on a group that guards only internet-facing load balancers
  /// stay reported, as warnings that say so (examples/real-world/vpc-three-tier.json,
  /// ecs-fargate-service.yaml); other ports, internal or shared groups stay errors.
  @Test func net002LoadBalancerGroups() throws {
    let expected = "expected on the group of internet-facing load balancer"
    let signOff = "(a web port, the group guards nothing else): confirm it is meant to be public"
    #expect(
      try LintFixture.lines("NET002", Self.theme, "NET002-loadbalancer.yaml") == [
        "16:63: warning NET002 PublicGroup: security group allows ingress from 0.0.0.0/0 on tcp port 80; \(expected) PublicBalancer \(signOff)",
        "17:65: warning NET002 PublicGroup: security group allows ingress from 0.0.0.0/0 on tcp port 443; \(expected) PublicBalancer \(signOff)",
        "18:67: error NET002 PublicGroup: security group allows ingress from 0.0.0.0/0 on tcp port 8443",
        "35:17: warning NET002 NetworkGroupIngress: security group allows ingress from ::/0 on tcp port 443; \(expected) NetworkBalancer \(signOff)",
        "48:65: error NET002 InternalGroup: security group allows ingress from 0.0.0.0/0 on tcp port 443",
        "60:65: error NET002 SharedGroup: security group allows ingress from 0.0.0.0/0 on tcp port 443",
        "76:64: error NET002 RangeGroup: security group allows ingress from 0.0.0.0/0 on tcp ports 80-443",
      ])
  }
}
