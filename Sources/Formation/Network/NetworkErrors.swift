import Template

extension ErrorID where Domain == RenderDomain {
  /// A security group ingress rule open to the whole internet (`0.0.0.0/0` or `::/0`) that the
  /// blueprint did not acknowledge with `.anywhere(acknowledged:)`.
  public static let openIngress = Self(rawValue: "R030")
  /// A gateway endpoint without an endpoint policy: AWS's default policy lets any principal
  /// reach any bucket or table in any account through it, the classic exfiltration path.
  public static let unrestrictedEndpoint = Self(rawValue: "R031")
  /// A CIDR block that is not `a.b.c.d/n` (or an IPv6 block) with in-range parts.
  public static let invalidCIDR = Self(rawValue: "R032")
}
