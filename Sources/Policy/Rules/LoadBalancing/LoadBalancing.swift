import Semantics
import Template

/// Load balancing: listeners speak TLS with current policies, and load balancers keep the
/// access logs an investigation needs.
public enum LoadBalancing {
  public static let theme = "load-balancing"

  public static var rules: [Rule] {
    [
      listenerRedirectsToHTTPS, listenerTLSPolicy, loadBalancerAccessLogs,
      loadBalancerDropsInvalidHeaders, classicListenerEncrypted, classicAccessLogs,
    ]
  }

  static let loadBalancerV2 = "AWS::ElasticLoadBalancingV2::LoadBalancer"
  static let listenerV2 = "AWS::ElasticLoadBalancingV2::Listener"
  static let classic = "AWS::ElasticLoadBalancing::LoadBalancer"
}

extension RuleContext {
  /// The `Value` of the `LoadBalancerAttributes` entry whose `Key` is `key`, in each branch;
  /// absent (located at the resource) when no entry names it.
  func loadBalancerAttribute(_ logicalID: String, _ key: String) -> Reading {
    let entries = property(logicalID, "LoadBalancerAttributes").items()
    var values: [Resolved] = []
    for entry in entries.possibilities {
      let names = entries.of(entry).child("Key")
      for name in names.possibilities where name.text == key {
        values += entries.of(entry).child("Value").after(name).possibilities
      }
    }
    return reading(values.isEmpty ? [Resolved(.absent)] : values)
  }

  /// The load balancer's type in each branch: `application` when `Type` is absent.
  func loadBalancerTypes(_ logicalID: String) -> [String?] {
    property(logicalID, "Type").possibilities.map { $0.isAbsent ? "application" : $0.text }
  }
}
