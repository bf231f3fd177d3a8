/// An S3 storage class. An open set: the common classes are static members, and
/// `StorageClass(rawValue:)` is the escape hatch for a class AWS adds later.
public struct StorageClass: RawRepresentable, Hashable, Sendable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let standardIA = StorageClass(rawValue: "STANDARD_IA")
  public static let oneZoneIA = StorageClass(rawValue: "ONEZONE_IA")
  public static let intelligentTiering = StorageClass(rawValue: "INTELLIGENT_TIERING")
  public static let glacierInstantRetrieval = StorageClass(rawValue: "GLACIER_IR")
  /// S3 Glacier Flexible Retrieval (`GLACIER`).
  public static let glacier = StorageClass(rawValue: "GLACIER")
  public static let deepArchive = StorageClass(rawValue: "DEEP_ARCHIVE")
}
