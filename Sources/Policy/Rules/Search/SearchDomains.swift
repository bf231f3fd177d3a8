/// OpenSearch and Elasticsearch domains: encrypted at rest and between nodes, reached over
/// TLS 1.2 only, inside a VPC, with logs published.
public enum SearchDomains {
  public static let theme = "search-domains"

  public static var rules: [Rule] {
    [encryptionAtRest, nodeToNode, enforceHTTPS, tlsPolicy, insideVPC, logPublishing, auditLogs]
  }

  static let types = ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
}
