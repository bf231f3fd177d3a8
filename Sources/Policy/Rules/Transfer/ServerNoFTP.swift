import Template

extension Transfer {
  /// TRF001: a server does not offer plain FTP.
  static let serverNoFTP = Rule(
    id: "TRF001", title: "Transfer Family servers do not offer plain FTP", severity: .error,
    family: .policy, theme: theme, resourceTypes: [server],
    rationale:
      "FTP sends user names, passwords and files in clear text. SFTP and FTPS encrypt both.",
    remediation: "Set Protocols to [SFTP] (or FTPS with a certificate)."
  ) { context in
    context.inspectedLogicalIDs.flatMap { logicalID in
      context.judge(
        context.property(logicalID, "Protocols").items(), logicalID: logicalID,
        path: "Properties.Protocols", question: "the server offers only encrypted protocols"
      ) {
        context.expectNone(of: ["FTP"], $0) { _ in
          "server offers plain FTP, which sends passwords and files in clear text"
        }
      }
    }
  }
}
