import Template

extension RelationalDatabases {
  /// RDS010: DB instances report operating-system metrics.
  static let enhancedMonitoring = Rule(
    id: "RDS010", title: "RDS DB instance has enhanced monitoring", severity: .info,
    family: .policy, theme: theme, resourceTypes: [instance],
    rationale:
      "Enhanced monitoring reports the host's processes, memory and I/O every few seconds, which CloudWatch's hypervisor metrics do not show; without it, a runaway query or a saturated disk is hard to tell apart from an attack.",
    remediation: "Set MonitoringInterval (1, 5, 10, 15, 30 or 60 seconds) and MonitoringRoleArn."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "MonitoringInterval"), logicalID: logicalID,
        path: "Properties.MonitoringInterval", question: "enhanced monitoring is on"
      ) { possibility in
        switch context.integer(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success(nil):
          return .fail("instance has no enhanced monitoring: MonitoringInterval is not set")
        case .success(0?):
          return .fail("instance has no enhanced monitoring (MonitoringInterval: 0)")
        case .success: return .pass
        }
      }
    }
  }
}
