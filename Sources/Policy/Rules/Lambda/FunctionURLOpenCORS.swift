import Template

extension Lambda {
  /// LMB003: a function URL does not allow every origin and method.
  static let functionURLOpenCORS = Rule(
    id: "LMB003", title: "Lambda function URLs do not allow every origin and method", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Url"],
    rationale:
      "Cors with AllowOrigins \"*\" and AllowMethods \"*\" lets any web page make a visitor's browser call the function with any method, with the visitor's cookies if AllowCredentials is set.",
    remediation:
      "List the origins and methods the front end uses in Cors.AllowOrigins and Cors.AllowMethods."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      let cors = context.property(logicalID, "Cors")
      return cors.possibilities.compactMap { possibility -> Finding? in
        let origins = cors.of(possibility).child("AllowOrigins").items().possibilities
        let methods = cors.of(possibility).child("AllowMethods").items().possibilities
        guard origins.contains(where: { $0.text == "*" }), methods.contains(where: { $0.text == "*" })
        else { return nil }
        return context.finding(
          "function URL allows every origin and every method (Cors AllowOrigins and AllowMethods \"*\")"
            + possibility.clause, logicalID: logicalID, at: possibility.location,
          path: "Properties.Cors")
      }
    }
  }
}
