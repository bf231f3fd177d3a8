import Template

extension DeployForecast {
  /// DEP005: the template reserves no more Lambda concurrency than an account can give.
  static let reservedConcurrency = Rule(
    id: "DEP005", title: "Reserved concurrency fits the account's quota", severity: .warning,
    family: .policy, theme: theme, resourceTypes: ["AWS::Lambda::Function"],
    rationale:
      "Lambda keeps at least 100 concurrent executions of an account's quota unreserved on the default quota of 1,000, and on a new account's quota of 10 it keeps all 10: no reservation fits. A reservation that does not fit fails the deployment, and the quota is the account's, not the template's.",
    remediation:
      "Leave ReservedConcurrentExecutions out unless the function must be throttled or guaranteed capacity, check the target accounts' quota (aws lambda get-account-settings) before reserving, and keep the template's total under the quota minus 100."
  ) { context in
    let reservations = context.inspectedLogicalIDs.compactMap { logicalID -> (String, Value, Int)? in
      guard let value = context.template.property("ReservedConcurrentExecutions", of: logicalID),
        let count = value.numberValue?.intValue, count > 0
      else { return nil }
      return (logicalID, value, count)
    }
    guard let (first, value, _) = reservations.first else { return [] }
    let total = reservations.reduce(0) { $0 + $1.2 }
    let functions = reservations.count == 1 ? "1 function" : "\(reservations.count) functions"
    let fitsDefault = total <= defaultQuota - minimumUnreserved
    return [
      context.finding(
        fitsDefault
          ? "the template reserves \(total) concurrent executions over \(functions); an account on the new-account quota (\(newAccountQuota)) can reserve none, so the deployment fails there"
          : "the template reserves \(total) concurrent executions over \(functions), more than the \(defaultQuota - minimumUnreserved) an account on the default quota (\(defaultQuota)) can reserve; the deployment fails unless the quota was raised",
        logicalID: first, at: value.location ?? context.location(of: first),
        path: "Properties.ReservedConcurrentExecutions", severity: fitsDefault ? .warning : .error)
    ]
  }

  static let defaultQuota = 1000
  static let newAccountQuota = 10
  static let minimumUnreserved = 100
}
