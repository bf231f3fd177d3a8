/// EFS file systems: encrypted at rest, with a key the account controls.
public enum FileSystems {
  public static let theme = "file-systems"

  public static var rules: [Rule] { [encrypted, customerManagedKey] }

  static let types = ["AWS::EFS::FileSystem"]
}
