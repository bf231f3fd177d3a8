/// CloudTrail: the account's audit log is complete, tamper-evident and readable only through
/// a key the account controls.
public enum CloudTrail {
  public static let theme = "cloudtrail"

  public static var rules: [Rule] { [trailEncrypted, trailValidatesLogFiles, trailMultiRegion] }
}
