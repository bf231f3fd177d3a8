import Template

extension NetworkIsolation {
  /// NET006: Batch compute environments run in subnets without a route to an internet gateway.
  static let computeEnvironmentPrivateSubnets = Rule(
    id: "NET006",
    title: "Batch compute environment runs in subnets without a route to an internet gateway",
    severity: .error, family: .policy, theme: theme,
    resourceTypes: ["AWS::Batch::ComputeEnvironment"],
    rationale:
      "Pipeline workers process the most sensitive data of the account; a subnet whose route table sends traffic to an internet gateway is a public subnet, so the workers are one security group rule or public address away from the internet and can send data straight out.",
    remediation:
      "List only private subnets in ComputeResources.Subnets: subnets whose route table has no route to an AWS::EC2::InternetGateway (reach AWS through VPC endpoints, the internet through a NAT gateway if at all)."
  ) { context in
    let routes = RouteTableReading(context)
    return context.inspectedLogicalIDs.flatMap { logicalID -> [Finding] in
      context.judge(
        context.property(logicalID, "ComputeResources", "Subnets").items(), logicalID: logicalID,
        path: "Properties.ComputeResources.Subnets", question: "the subnet is private"
      ) { possibility in
        guard let subnet = context.referencedResource(possibility),
          context.resourceType(subnet) == "AWS::EC2::Subnet"
        else {
          if let text = possibility.text {
            return .unknown("subnet \(text) is not defined in this template")
          }
          return .unknown(possibility.unknowableReason)
        }
        if let imported = context.memo.exports.resource(subnet) {
          let other = RuleContext(template: imported.template, rule: context.rule)
          return RouteTableReading(other).verdict(forSubnet: imported.logicalID, shownAs: subnet)
        }
        return routes.verdict(forSubnet: subnet)
      }
    }
  }
}

/// Follows subnet → route table association → route table → route → internet gateway.
struct RouteTableReading {
  let context: RuleContext

  init(_ context: RuleContext) { self.context = context }

  /// Whether a subnet defined in the template routes to an internet gateway.
  func verdict(forSubnet subnet: String, shownAs name: String? = nil) -> Verdict {
    let shown = name ?? subnet
    let tables = context.resources(ofType: "AWS::EC2::SubnetRouteTableAssociation")
      .filter { context.refers($0.resource.properties["SubnetId"], to: subnet) }
      .flatMap { context.referencedResources($0.resource.properties["RouteTableId"]) }
    guard !tables.isEmpty else {
      return .unknown(
        "subnet \(shown) has no route table association here, so it uses the VPC's main route table, which the template does not show"
      )
    }
    for table in tables {
      for (route, resource) in context.resources(ofType: "AWS::EC2::Route")
      where context.refers(resource.properties["RouteTableId"], to: table) {
        if let gateway = internetGateway(resource.properties["GatewayId"]) {
          return .fail(
            "subnet \(shown) is public: its route table \(table) routes to internet gateway \(gateway) (\(route))"
          )
        }
      }
    }
    return .pass
  }

  private func internetGateway(_ value: Value?) -> String? {
    guard let value else { return nil }
    for possibility in context.resolver.resolve(value) {
      if let id = context.referencedResource(possibility),
        context.resolver.type(of: id) == "AWS::EC2::InternetGateway"
      {
        return id
      }
      if let text = possibility.text, text.hasPrefix("igw-") { return text }
    }
    return nil
  }
}
