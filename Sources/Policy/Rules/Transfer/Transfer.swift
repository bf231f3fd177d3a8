import Template

/// Transfer Family: servers speak encrypted protocols and are reached through the VPC.
public enum Transfer {
  public static let theme = "transfer"

  public static var rules: [Rule] { [serverNoFTP, serverNotPublic] }

  static let server = "AWS::Transfer::Server"
}
