import Blueprints
import Formation
import Template
import Testing

/// The network family: exact lowering of every type, and each render-time error with its
/// message and the line that caused it.
@Suite struct NetworkTests {
  static let logsKey = KMSKey("LogsKey", description: "logs")
  static let vpc = Vpc("Vpc", cidr: "10.20.0.0/16")
  static let subnetA = Subnet(
    "SubnetA", vpc: vpc, cidr: .slice(0, of: 4, prefixLength: 18), zone: .index(0))
  static let subnetB = Subnet("SubnetB", vpc: vpc, cidr: .literal("10.20.64.0/18"), zone: .index(1))
  static let routes = RouteTable("Routes", vpc: vpc, subnets: [subnetA, subnetB])

  /// Lowers one declaration the way the linker does, with the application named `app`.
  private func lower(_ declaration: any ResourceDeclaration) -> (
    resources: [LoweredResource], errors: [RenderError]
  ) {
    var context = LoweringContext(applicationName: "app")
    let resources = declaration.lower(into: &context)
    return (resources, context.errors)
  }

  private func properties(_ declaration: any ResourceDeclaration, _ index: Int = 0) -> Value {
    let lowered = lower(declaration).resources
    return index < lowered.count ? .map(lowered[index].resource.properties) : nil
  }

  @Test func vpcHasDNSForPrivateEndpoints() {
    let (resources, errors) = lower(Self.vpc)
    #expect(errors.isEmpty)
    #expect(resources.map(\.logicalID) == ["Vpc"])
    #expect(resources.first?.resource.type == "AWS::EC2::VPC")
    #expect(
      properties(Self.vpc) == [
        "CidrBlock": "10.20.0.0/16", "EnableDnsHostnames": true, "EnableDnsSupport": true,
      ])
  }

  @Test func subnetSliceCarvesTheVPCBlockInAZoneByIndex() {
    #expect(
      properties(Self.subnetA) == [
        "VpcId": .ref("Vpc"),
        "CidrBlock": .intrinsic(
          .select(
            index: 0,
            list: .intrinsic(.cidr(ipBlock: .getAtt("Vpc", "CidrBlock"), count: 4, cidrBits: 14)))),
        "AvailabilityZone": .intrinsic(.select(index: 0, list: .intrinsic(.getAZs("")))),
        "MapPublicIpOnLaunch": false,
      ])
    #expect(lower(Self.subnetB).errors.isEmpty)
  }

  @Test func routeTableAssociatesEverySubnetAndHasNoRoutes() {
    let (resources, errors) = lower(Self.routes)
    #expect(errors.isEmpty)
    #expect(
      resources.map(\.logicalID) == [
        "Routes", "SubnetARouteTableAssociation", "SubnetBRouteTableAssociation",
      ])
    #expect(
      resources.map(\.resource.type) == [
        "AWS::EC2::RouteTable", "AWS::EC2::SubnetRouteTableAssociation",
        "AWS::EC2::SubnetRouteTableAssociation",
      ])
    #expect(properties(Self.routes) == ["VpcId": .ref("Vpc")])
    #expect(
      properties(Self.routes, 2) == ["RouteTableId": .ref("Routes"), "SubnetId": .ref("SubnetB")])
  }

  @Test func securityGroupPeersBecomeSeparateRulesAndEgressIsClosedByDefault() {
    let endpoints = SecurityGroup("Endpoints", vpc: Self.vpc, description: "endpoints")
    let group = SecurityGroup(
      "Workers", vpc: Self.vpc, description: "workers",
      egress: [
        .allow(.https, to: .securityGroup(endpoints.id), "AWS APIs"),
        .allow(
          .https, to: .prefixList(.external(Value.ref("S3PrefixList"))), "S3 gateway endpoint"),
      ])
    let (resources, errors) = lower(group)
    #expect(errors.isEmpty)
    #expect(resources.map(\.logicalID) == ["Workers", "WorkersEgressEndpointsTcp443"])
    #expect(
      properties(group) == [
        "GroupDescription": "workers",
        "VpcId": .ref("Vpc"),
        "SecurityGroupEgress": [
          [
            "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
            "DestinationPrefixListId": .ref("S3PrefixList"),
            "Description": "S3 gateway endpoint",
          ]
        ],
      ])
    #expect(resources.last?.resource.type == "AWS::EC2::SecurityGroupEgress")
    #expect(
      properties(group, 1) == [
        "GroupId": .getAtt("Workers", "GroupId"), "IpProtocol": "tcp", "FromPort": 443,
        "ToPort": 443,
        "DestinationSecurityGroupId": .getAtt("Endpoints", "GroupId"), "Description": "AWS APIs",
      ])
    // A group with no inline egress gets the rule that matches nothing, not EC2's allow-all.
    #expect(
      properties(endpoints) == [
        "GroupDescription": "endpoints",
        "VpcId": .ref("Vpc"),
        "SecurityGroupEgress": [
          [
            "IpProtocol": "icmp", "FromPort": 252, "ToPort": 86, "CidrIp": "255.255.255.255/32",
            "Description": "No egress: matches no traffic, so EC2 adds no allow-all rule",
          ]
        ],
      ])
  }

  @Test func ingressFromSecurityGroupIsASeparateIngressResource() {
    let workers = SecurityGroup("Workers", vpc: Self.vpc, description: "workers")
    let endpoints = SecurityGroup(
      "Endpoints", vpc: Self.vpc, description: "endpoints",
      ingress: [.allow(.https, from: .securityGroup(workers.id), "HTTPS from workers")])
    let (resources, _) = lower(endpoints)
    #expect(resources.map(\.logicalID) == ["Endpoints", "EndpointsIngressWorkersTcp443"])
    #expect(
      properties(endpoints, 1) == [
        "GroupId": .getAtt("Endpoints", "GroupId"), "IpProtocol": "tcp", "FromPort": 443,
        "ToPort": 443,
        "SourceSecurityGroupId": .getAtt("Workers", "GroupId"), "Description": "HTTPS from workers",
      ])
  }

  @Test(arguments: ["0.0.0.0/0", "::/0"])
  func ingressFromTheWholeInternetIsAnError(block: String) {
    let line = #line + 3
    let group = SecurityGroup(
      "Web", vpc: Self.vpc, description: "web",
      ingress: [.allow(.https, from: .cidr(block), "public")])
    let errors = lower(group).errors
    #expect(errors.map(\.id) == [.openIngress])
    #expect(errors.first?.location.line == line)
    #expect(errors.first?.location.file == "Tests/FormationTests/NetworkTests.swift")
    #expect(
      errors.first?.message
        == "security group 'Web' allows tcp 443 from \(block), the whole internet; use a security group or prefix list peer, or .anywhere(acknowledged:) with the reason"
    )
  }

  @Test func acknowledgedAnywhereIngressIsWrittenWithItsReason() {
    let group = SecurityGroup(
      "Web", vpc: Self.vpc, description: "web",
      ingress: [.allow(.https, from: .anywhere(acknowledged: "public status page"), "HTTPS")])
    let (_, errors) = lower(group)
    #expect(errors.isEmpty)
    #expect(
      properties(group)["SecurityGroupIngress"] == [
        [
          "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0",
          "Description": "HTTPS; open to anywhere: public status page",
        ]
      ])
  }

  @Test func ruleDescriptionsAndPortsAreChecked() {
    let line = #line + 4
    let group = SecurityGroup(
      "Workers", vpc: Self.vpc, description: "workers",
      egress: [
        .allow(.tcp(70000), to: .cidr("10.0.0.0/8"), "naïve"),
        .allow(.https, to: .cidr("10.0.0/8"), "ok"),
      ])
    let errors = lower(group).errors
    #expect(errors.map(\.id) == [.invalidValue, .invalidValue, .invalidCIDR])
    #expect(errors.map(\.location.line) == [line, line, line + 1])
    #expect(
      errors.map(\.message) == [
        "security group 'Workers': ports 70000-70000 are outside 0-65535",
        "security group 'Workers': the rule description 'naïve' must be 1 to 255 characters of letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
        "security group 'Workers': '10.0.0/8' is not a CIDR block like 10.0.0.0/16",
      ])
  }

  @Test func invalidVPCAndSubnetBlocks() {
    let vpcLine = #line + 1
    let vpc = Vpc("Vpc", cidr: "10.16.0.0/12")
    let subnetLine = #line + 1
    let outside = Subnet("Outside", vpc: Self.vpc, cidr: .literal("10.30.0.0/20"), zone: .index(0))
    let tooMany = Subnet(
      "TooMany", vpc: Self.vpc, cidr: .slice(0, of: 8, prefixLength: 18), zone: .index(0))
    #expect(
      lower(vpc).errors.map(\.message) == ["VPC 'Vpc': a VPC block must be /16 to /28, not /12"])
    #expect(lower(vpc).errors.map(\.location.line) == [vpcLine])
    #expect(lower(outside).errors.map(\.id) == [.invalidCIDR])
    #expect(lower(outside).errors.map(\.location.line) == [subnetLine])
    #expect(
      lower(outside).errors.map(\.message) == [
        "subnet 'Outside': '10.30.0.0/20' is not inside the VPC's block"
      ])
    #expect(
      lower(tooMany).errors.map(\.message) == [
        "subnet 'TooMany': the VPC's /16 holds 4 blocks of /18, not 8"
      ])
    #expect(
      lower(Vpc("Vpc", cidr: "10.20.0.1/16")).errors.map(\.message)
        == ["VPC 'Vpc': '10.20.0.1/16' has host bits set; write the network address"])
  }

  @Test func gatewayEndpointCarriesItsPolicyAndRouteTables() {
    let endpoint = GatewayEndpoint(
      "S3Endpoint", service: .s3, vpc: Self.vpc, routeTables: [Self.routes],
      policy: [
        Grant(
          .allow, sid: "AccountBuckets", [.anyone], ["s3:GetObject"], on: ["*"],
          when: [.stringEquals("aws:ResourceAccount", AWS.accountID)])
      ])
    let (resources, errors) = lower(endpoint)
    #expect(errors.isEmpty)
    #expect(resources.first?.resource.type == "AWS::EC2::VPCEndpoint")
    #expect(
      properties(endpoint) == [
        "VpcEndpointType": "Gateway",
        "ServiceName": .sub("com.amazonaws.${AWS::Region}.s3"),
        "VpcId": .ref("Vpc"),
        "RouteTableIds": [.ref("Routes")],
        "PolicyDocument": [
          "Version": "2012-10-17",
          "Statement": [
            [
              "Sid": "AccountBuckets", "Effect": "Allow", "Principal": "*",
              "Action": "s3:GetObject", "Resource": "*",
              "Condition": ["StringEquals": ["aws:ResourceAccount": .ref("AWS::AccountId")]],
            ]
          ],
        ],
      ])
  }

  @Test func gatewayEndpointWithoutPolicyIsAnError() {
    let line = #line + 1
    let endpoint = GatewayEndpoint(
      "Tables", service: .dynamodb, vpc: Self.vpc, routeTables: [Self.routes], policy: [])
    let errors = lower(endpoint).errors
    #expect(errors.map(\.id) == [.unrestrictedEndpoint])
    #expect(errors.first?.location.line == line)
    #expect(
      errors.first?.message
        == "gateway endpoint 'Tables' has no endpoint policy; the default allows every dynamodb resource of every account"
    )
  }

  @Test func interfaceEndpointUsesPrivateDNSByDefault() {
    let group = SecurityGroup("Endpoints", vpc: Self.vpc, description: "endpoints")
    let endpoint = InterfaceEndpoint(
      "EcrApiEndpoint", service: .ecrAPI, vpc: Self.vpc, subnets: [Self.subnetA, Self.subnetB],
      securityGroups: [group.id])
    #expect(lower(endpoint).errors.isEmpty)
    #expect(
      properties(endpoint) == [
        "VpcEndpointType": "Interface",
        "ServiceName": .sub("com.amazonaws.${AWS::Region}.ecr.api"),
        "VpcId": .ref("Vpc"),
        "SubnetIds": [.ref("SubnetA"), .ref("SubnetB")],
        "SecurityGroupIds": [.getAtt("Endpoints", "GroupId")],
        "PrivateDnsEnabled": true,
      ])
    #expect(InterfaceEndpoint.Service.ecsTelemetry.pascalName == "EcsTelemetry")
    #expect(InterfaceEndpoint.Service.ecrDocker.pascalName == "EcrDkr")
  }

  @Test func interfaceEndpointNeedsSubnetsAndASecurityGroup() {
    let line = #line + 1
    let endpoint = InterfaceEndpoint(
      "Sts", service: .sts, vpc: Self.vpc, subnets: [], securityGroups: [])
    let errors = lower(endpoint).errors
    #expect(errors.map(\.id) == [.invalidValue, .invalidValue])
    #expect(errors.map(\.location.line) == [line, line])
  }

  @Test func flowLogWritesAllTrafficThroughItsOwnScopedRole() {
    let group = LogGroup("FlowLogs", key: Self.logsKey.arn)
    let flowLog = FlowLog("FlowLog", vpc: Self.vpc, to: group, roleName: "vpc-flow-logs")
    let (resources, errors) = lower(flowLog)
    #expect(errors.isEmpty)
    #expect(resources.map(\.logicalID) == ["FlowLogRole", "FlowLog"])
    #expect(resources.map(\.resource.type) == ["AWS::IAM::Role", "AWS::EC2::FlowLog"])
    #expect(
      properties(flowLog, 1) == [
        "ResourceType": "VPC", "ResourceId": .ref("Vpc"), "TrafficType": "ALL",
        "LogDestinationType": "cloud-watch-logs", "LogGroupName": .ref("FlowLogs"),
        "DeliverLogsPermissionArn": .getAtt("FlowLogRole", "Arn"), "MaxAggregationInterval": 600,
      ])
    let role = properties(flowLog, 0)
    #expect(role["RoleName"] == .sub("app-${Environment}-vpc-flow-logs"))
    #expect(
      role["AssumeRolePolicyDocument"]?["Statement"] == [
        [
          "Effect": "Allow", "Principal": ["Service": "vpc-flow-logs.amazonaws.com"],
          "Action": "sts:AssumeRole",
          "Condition": [
            "StringEquals": ["aws:SourceAccount": .ref("AWS::AccountId")],
            "ArnLike": [
              "aws:SourceArn": .sub(
                "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc-flow-log/*")
            ],
          ],
        ]
      ])
    #expect(
      role["Policies"] == [
        [
          "PolicyName": "DeliverFlowLogs",
          "PolicyDocument": [
            "Version": "2012-10-17",
            "Statement": [
              [
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                "Resource": .getAtt("FlowLogs", "Arn"),
              ]
            ],
          ],
        ]
      ])
    #expect(resources.first?.origin == flowLog.origin)
  }
}

/// The seed's network, as the blueprints render it.
@Suite struct NetworkBlueprintTests {
  static let stacks: [RenderedStack] = (try? GeneXOmics.application.render()) ?? []

  func network() throws -> Template {
    try #require(Self.stacks.first { $0.name == "network" }?.template)
  }

  func resources(_ type: String, in template: Template) -> [(id: String, resource: Resource)] {
    template.resources.entries.filter { $0.value.type == type }.map { ($0.key, $0.value) }
  }

  @Test func nothingConnectsAnyStackToTheInternet() {
    let forbidden: Set<String> = [
      "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::NatGateway",
      "AWS::EC2::EgressOnlyInternetGateway", "AWS::EC2::Route", "AWS::EC2::EIP",
    ]
    #expect(!Self.stacks.isEmpty)
    for stack in Self.stacks {
      let types = Set(stack.template.resources.values.compactMap(\.type))
      #expect(types.isDisjoint(with: forbidden), "\(stack.name)")
    }
  }

  @Test func privateSubnetsInTwoZones() throws {
    let subnets = resources("AWS::EC2::Subnet", in: try network())
    #expect(subnets.map(\.id) == ["PrivateSubnetA", "PrivateSubnetB"])
    #expect(subnets.map { $0.resource.properties["MapPublicIpOnLaunch"] } == [false, false])
    #expect(
      subnets.map { $0.resource.properties["AvailabilityZone"] } == [
        .intrinsic(.select(index: 0, list: .intrinsic(.getAZs("")))),
        .intrinsic(.select(index: 1, list: .intrinsic(.getAZs("")))),
      ])
  }

  @Test func gatewayEndpointsForS3AndDynamoDBWithPolicies() throws {
    let endpoints = resources("AWS::EC2::VPCEndpoint", in: try network())
      .filter { $0.resource.properties["VpcEndpointType"] == "Gateway" }
    #expect(
      endpoints.map { $0.resource.properties["ServiceName"] } == [
        .sub("com.amazonaws.${AWS::Region}.s3"), .sub("com.amazonaws.${AWS::Region}.dynamodb"),
      ])
    for (id, endpoint) in endpoints {
      #expect(endpoint.properties["PolicyDocument"] != nil, "\(id)")
      #expect(endpoint.properties["RouteTableIds"] == [.ref("PrivateRouteTable")], "\(id)")
    }
  }

  @Test func interfaceEndpointsForWhatThePrivateComputeCalls() throws {
    let endpoints = resources("AWS::EC2::VPCEndpoint", in: try network())
      .filter { $0.resource.properties["VpcEndpointType"] == "Interface" }
    // Not sts, kms, sns, secretsmanager: nothing in the VPC calls them, and each endpoint costs
    // about USD 14.60 a month in two zones whether called or not.
    let services = ["ecr.api", "ecr.dkr", "ecs", "ecs-agent", "ecs-telemetry", "batch", "logs", "ec2"]
    #expect(
      endpoints.map { $0.resource.properties["ServiceName"] }
        == services.map { .sub("com.amazonaws.${AWS::Region}.\($0)") })
    for (id, endpoint) in endpoints {
      #expect(endpoint.properties["PrivateDnsEnabled"] == true, "\(id)")
      #expect(
        endpoint.properties["SubnetIds"] == [.ref("PrivateSubnetA"), .ref("PrivateSubnetB")],
        "\(id)")
    }
  }

  @Test func interfaceEndpointsAdmitOnlyThisAccountsPrincipals() throws {
    let endpoints = resources("AWS::EC2::VPCEndpoint", in: try network())
      .filter { $0.resource.properties["VpcEndpointType"] == "Interface" }
    let withoutPolicy = endpoints.filter { $0.resource.properties["PolicyDocument"] == nil }
    #expect(withoutPolicy.map(\.id) == ["EcsEndpoint", "EcsAgentEndpoint", "EcsTelemetryEndpoint"])
    for (id, endpoint) in withoutPolicy {
      let suppression = endpoint.metadata?["formation"]?["suppress"]?.listValue?.first
      #expect(suppression?["rule"] == "NET010", "\(id)")
      #expect(suppression?["reason"]?.stringValue?.isEmpty == false, "\(id)")
    }
    let ecr = try #require(endpoints.first { $0.id == "EcrDkrEndpoint" }?.resource)
    #expect(
      ecr.properties["PolicyDocument"]?["Statement"] == [
        [
          "Sid": "OnlyThisAccountsPrincipals", "Effect": "Allow", "Principal": "*",
          "Action": "ecr:*",
          "Resource": "*",
          "Condition": [
            "StringEquals": ["aws:PrincipalAccount": .ref("AWS::AccountId")],
            "StringEqualsIfExists": ["aws:ResourceAccount": .ref("AWS::AccountId")],
          ],
        ]
      ])
  }

  @Test func noSecurityGroupAcceptsTheInternet() {
    for stack in Self.stacks {
      for (id, resource) in stack.template.resources.entries.map({ ($0.key, $0.value) }) {
        var rules: [Value] = []
        if resource.type == "AWS::EC2::SecurityGroup" {
          rules = resource.properties["SecurityGroupIngress"]?.listValue ?? []
        } else if resource.type == "AWS::EC2::SecurityGroupIngress" {
          rules = [.map(resource.properties)]
        }
        for rule in rules {
          #expect(rule["CidrIp"] != "0.0.0.0/0", "\(stack.name) \(id)")
          #expect(rule["CidrIpv6"] != "::/0", "\(stack.name) \(id)")
        }
      }
    }
  }

  @Test func interfaceEndpointsAcceptOnlyThePipelinesGroups() throws {
    let rules = resources("AWS::EC2::SecurityGroupIngress", in: try network())
    #expect(
      rules.map(\.id) == [
        "EndpointSecurityGroupIngressBatchSecurityGroupTcp443",
        "EndpointSecurityGroupIngressFunctionSecurityGroupTcp443",
      ])
    let group = try #require(
      resources("AWS::EC2::SecurityGroup", in: try network()).first {
        $0.id == "EndpointSecurityGroup"
      })
    #expect(group.resource.properties["SecurityGroupIngress"] == nil)
  }

  @Test func flowLogsRecordAllTrafficToAnEncryptedGroup() throws {
    let template = try network()
    let flowLogs = resources("AWS::EC2::FlowLog", in: template)
    #expect(flowLogs.map(\.id) == ["VpcFlowLog"])
    let flowLog = try #require(flowLogs.first?.resource)
    #expect(flowLog.properties["TrafficType"] == "ALL")
    #expect(flowLog.properties["ResourceId"] == .ref("Vpc"))
    #expect(flowLog.properties["LogGroupName"] == .ref("VpcFlowLogGroup"))
    let group = try #require(template.resources["VpcFlowLogGroup"])
    #expect(
      group.properties["KmsKeyId"]
        == .intrinsic(.importValue(.sub("genexomics-${Environment}-keys-LogsKey-Arn"))))
    #expect(group.properties["RetentionInDays"] == 365)
  }
}
