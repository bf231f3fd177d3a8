/// Public access: nothing in the template can be read or invoked by the whole internet.
public enum PublicAccess {
  public static let theme = "public-access"

  public static var rules: [Rule] {
    [
      bucketPublicAccessBlock, bucketPublicACL, bucketOwnershipEnforced, functionPublicPermission,
      functionURLAuth,
    ]
  }
}
