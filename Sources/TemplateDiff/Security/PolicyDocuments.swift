import Template

/// Finds every IAM policy document in a resource: identity policies (inline role, user and
/// group policies, `AWS::IAM::Policy`, managed policies), trust policies, and resource
/// policies (bucket, key, topic, queue, repository, VPC endpoint, secret, and any other
/// property shaped like a policy document, including JSON strings). A Lambda permission is
/// a resource-policy statement written as properties; it is read as one.
enum PolicyDocuments {
  static func documents(logicalID: String, resource: Resource) -> [StatementComparison.Document] {
    let type = resource.type ?? "?"
    if type == "AWS::Lambda::Permission" {
      return [
        StatementComparison.Document(
          logicalID: logicalID, resourceType: type, path: PropertyPath("Properties"),
          statements: [lambdaStatement(resource.properties)])
      ]
    }
    var found: [StatementComparison.Document] = []
    walk(.map(resource.properties), at: PropertyPath("Properties")) { path, document in
      found.append(
        StatementComparison.Document(
          logicalID: logicalID, resourceType: type, path: path,
          statements: PolicyDocument.statements(of: document)))
    }
    return found
  }

  private static func walk(
    _ value: Value, at path: PropertyPath, _ visit: (PropertyPath, Value) -> Void
  ) {
    if PolicyDocument.isDocument(value) {
      visit(path, value)
      return
    }
    if let parsed = PolicyDocument.parsedJSONDocument(value) {
      visit(path, parsed)
      return
    }
    switch value.kind {
    case .map(let map):
      for entry in map.entries { walk(entry.value, at: path.appending(key: entry.key), visit) }
    case .list(let list):
      let key = ListIdentity.identityKey(list, list)
      for (index, element) in list.enumerated() {
        let segment: PropertyPath.Segment =
          if let key, let identity = ListIdentity.identity(of: element, key: key) {
            .element(key: key, value: identity)
          } else { .index(index) }
        walk(element, at: path.appending(segment), visit)
      }
    case .intrinsic(.if(_, let then, let otherwise)):
      // Both branches may be deployed; a document in either counts.
      walk(then, at: path, visit)
      walk(otherwise, at: path, visit)
    default:
      break
    }
  }

  /// `AWS::Lambda::Permission` as the statement Lambda adds to the function's policy.
  static func lambdaStatement(_ properties: OrderedMap<Value>) -> Value {
    var statement = OrderedMap<Value>()
    statement["Effect"] = "Allow"
    if let action = properties["Action"] { statement["Action"] = action }
    if let principal = properties["Principal"] {
      let text = Fingerprint.scalarText(principal) ?? ""
      let kind =
        text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn") ? "Service" : "AWS"
      statement["Principal"] = text == "*" ? "*" : .map([kind: principal])
    }
    if let function = properties["FunctionName"] { statement["Resource"] = function }
    var condition = OrderedMap<Value>()
    if let arn = properties["SourceArn"] { condition["ArnLike"] = ["AWS:SourceArn": arn] }
    var equals = OrderedMap<Value>()
    if let account = properties["SourceAccount"] { equals["AWS:SourceAccount"] = account }
    if let organization = properties["PrincipalOrgID"] {
      equals["aws:PrincipalOrgID"] = organization
    }
    if let authType = properties["FunctionUrlAuthType"] {
      equals["lambda:FunctionUrlAuthType"] = authType
    }
    if !equals.isEmpty { condition["StringEquals"] = .map(equals) }
    if !condition.isEmpty { statement["Condition"] = .map(condition) }
    return .map(statement)
  }
}
