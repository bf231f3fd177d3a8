import Testing

@testable import Template

/// Property tests over seeded random values: whatever the writers produce, the reader gives
/// back the same value, and writing that again gives the same bytes.
@Suite struct RoundTripRandomTests {
  /// Seeds 1...40, each a document of 25 random values: about a thousand values per format.
  static let seeds: [UInt64] = Array(1...40)

  static func document(seed: UInt64, yamlOnlyNumbers: Bool) -> Value {
    var generator = RoundTripValueGenerator(seed: seed, yamlOnlyNumbers: yamlOnlyNumbers)
    var root = OrderedMap<Value>()
    for index in 0..<25 { root["V\(index)"] = generator.value() }
    return .map(root)
  }

  @Test(arguments: seeds) func yamlReadsBackEqualAndWritesIdentically(seed: UInt64) throws {
    let value = Self.document(seed: seed, yamlOnlyNumbers: true)
    let yaml = value.yaml()
    let read = try Value.parse(Array(yaml.utf8), file: "random-\(seed).yaml", format: .yaml)
    RoundTripSupport.expectEqual(read, value, "YAML round trip")
    #expect(read.yaml() == yaml)
  }

  @Test(arguments: seeds) func jsonReadsBackEqualAndWritesIdentically(seed: UInt64) throws {
    let value = Self.document(seed: seed, yamlOnlyNumbers: false)
    let json = value.json()
    let read = try Value.parse(Array(json.utf8), file: "random-\(seed).json", format: .json)
    RoundTripSupport.expectEqual(read, value, "JSON round trip")
    #expect(read.json() == json)
  }

  @Test(arguments: seeds) func yamlAndJSONReadBackEqual(seed: UInt64) throws {
    let value = Self.document(seed: seed, yamlOnlyNumbers: false)
    let fromYAML = try Value.parse(Array(value.yaml().utf8), file: "r.yaml", format: .yaml)
    let fromJSON = try Value.parse(Array(value.json().utf8), file: "r.json", format: .json)
    RoundTripSupport.expectEqual(fromJSON, fromYAML, "YAML and JSON outputs")
  }

  /// The same seed gives the same bytes: the generator and the writers are deterministic.
  @Test func deterministic() {
    let first = Self.document(seed: 7, yamlOnlyNumbers: true)
    let second = Self.document(seed: 7, yamlOnlyNumbers: true)
    #expect(first.yaml() == second.yaml())
    #expect(first.json() == second.json())
  }
}
