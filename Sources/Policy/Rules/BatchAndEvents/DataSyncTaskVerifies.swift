import Template

extension BatchAndEvents {
  /// BAT005: DataSync tasks verify what they transferred.
  static let dataSyncVerification = Rule(
    id: "BAT005", title: "DataSync task verifies transferred data", severity: .error,
    family: .policy, theme: theme,
    resourceTypes: ["AWS::DataSync::Task"],
    rationale:
      "VerifyMode NONE skips the checksum comparison at the end of a transfer: a truncated FASTQ or BAM file lands in the raw bucket as if it were whole.",
    remediation: "Set Options.VerifyMode to ONLY_FILES_TRANSFERRED (or POINT_IN_TIME_CONSISTENT)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Options", "VerifyMode"), logicalID: logicalID,
        path: "Properties.Options.VerifyMode",
        question: "transfers are verified"
      ) { possibility in
        switch context.literal(possibility) {
        case .failure(let unknown): return .unknown(unknown.reason)
        case .success("NONE"?):
          return .fail("DataSync task does not verify transferred data (VerifyMode: NONE)")
        case .success: return .pass
        }
      }
    }
  }
}
