/// AWS managed policies Formation knows the content of, abridged to what its rules ask
/// about, so "the Batch instance role has AmazonEC2ContainerServiceforEC2Role" can be
/// evaluated instead of being unknown. A managed policy not listed here is opaque: every
/// question about a principal that has it is answered "unknown", never "not allowed".
public enum ManagedPolicies {
  /// The AWS managed policies that grant administrator-level access.
  public static let administrative: Set<String> = [
    "AdministratorAccess", "PowerUserAccess", "IAMFullAccess",
  ]

  /// The name of the AWS managed policy an ARN names (`arn:${AWS::Partition}:iam::aws:policy/service-role/X` → `X`),
  /// or `nil` when the ARN is not an AWS managed policy ARN.
  public static func awsManagedName(_ arn: SymbolicString) -> String? {
    guard case .text(let last)? = arn.parts.last, arn.containsText(":iam::aws:policy/") else {
      return nil
    }
    guard let slash = last.lastIndex(of: "/") else { return nil }
    let name = String(last[last.index(after: slash)...])
    return name.isEmpty ? nil : name
  }

  /// The statements of a known AWS managed policy (`nil` when Formation does not know it).
  public static func statements(of name: String) -> [Statement]? {
    guard let grants = known[name] else { return nil }
    return grants.enumerated().map { index, grant in
      Statement(
        index: index, effect: .allow,
        actions: ElementList(
          isNegated: grant.notAction,
          elements: grant.actions.map { PolicyElement(ActionPattern(SymbolicString($0))) }),
        resources: ElementList(elements: [PolicyElement(ResourcePattern(written: "*"))]))
    }
  }

  /// One Allow statement on `*`: its actions, or the actions it excludes.
  package struct Grant: Sendable {
    package var actions: [String]
    package var notAction = false
  }

  package static let known: [String: [Grant]] = [
    "AdministratorAccess": [Grant(actions: ["*"])],
    "PowerUserAccess": [
      Grant(actions: ["iam:*", "organizations:*", "account:*"], notAction: true),
      Grant(actions: [
        "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
        "organizations:DescribeOrganization",
        "account:ListRegions", "account:GetAccountInformation",
      ]),
    ],
    "IAMFullAccess": [Grant(actions: ["iam:*", "organizations:Describe*", "organizations:List*"])],
    "AmazonS3FullAccess": [Grant(actions: ["s3:*", "s3-object-lambda:*"])],
    "AmazonS3ReadOnlyAccess": [
      Grant(actions: [
        "s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*",
      ])
    ],
    "CloudWatchLogsFullAccess": [Grant(actions: ["logs:*", "cloudwatch:GenerateQuery"])],
    "AmazonEC2ContainerServiceforEC2Role": [
      Grant(actions: [
        "ec2:DescribeTags", "ecs:CreateCluster", "ecs:DeregisterContainerInstance",
        "ecs:DiscoverPollEndpoint",
        "ecs:Poll", "ecs:RegisterContainerInstance", "ecs:StartTelemetrySession",
        "ecs:UpdateContainerInstancesState",
        "ecs:Submit*", "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents",
      ])
    ],
    "AmazonECSTaskExecutionRolePolicy": [
      Grant(actions: [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
        "logs:CreateLogStream", "logs:PutLogEvents",
      ])
    ],
    "AWSBatchServiceRole": [
      Grant(actions: [
        "ec2:Describe*", "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion",
        "ec2:DeleteLaunchTemplate",
        "ec2:RequestSpotFleet", "ec2:CancelSpotFleetRequests", "ec2:ModifySpotFleetRequest",
        "ec2:TerminateInstances",
        "ec2:RunInstances", "ec2:CreateTags", "autoscaling:*", "ecs:*", "iam:GetInstanceProfile",
        "iam:GetRole",
        "iam:PassRole", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups",
        "logs:DescribeLogStreams", "logs:GetLogEvents", "logs:PutLogEvents",
      ])
    ],
    "AmazonSSMManagedInstanceCore": [
      Grant(actions: [
        "ssm:DescribeAssociation", "ssm:GetDeployablePatchSnapshotForInstance", "ssm:GetDocument",
        "ssm:DescribeDocument", "ssm:GetManifest", "ssm:GetParameter", "ssm:GetParameters",
        "ssm:ListAssociations",
        "ssm:ListInstanceAssociations", "ssm:PutInventory", "ssm:PutComplianceItems",
        "ssm:PutConfigurePackageResult",
        "ssm:UpdateAssociationStatus", "ssm:UpdateInstanceAssociationStatus",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:*", "ec2messages:*",
      ])
    ],
    "AWSLambdaBasicExecutionRole": [
      Grant(actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])
    ],
    "AWSLambdaVPCAccessExecutionRole": [
      Grant(actions: [
        "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
      ])
    ],
  ]
}
