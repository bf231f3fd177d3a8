import Template

/// Amazon MQ: brokers stay private, log to CloudWatch and encrypt with a key the account controls.
public enum MQ {
  public static let theme = "amazon-mq"

  public static var rules: [Rule] {
    [brokerNotPublic, brokerGeneralLogs, brokerAuditLogs, brokerCustomerKey]
  }

  static let broker = "AWS::AmazonMQ::Broker"
}
