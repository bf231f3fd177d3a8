/// Kinesis data streams and Firehose delivery streams: records encrypted at rest.
public enum Streams {
  public static let theme = "streams"

  public static var rules: [Rule] { [kinesisEncryption, firehoseEncryption] }
}
