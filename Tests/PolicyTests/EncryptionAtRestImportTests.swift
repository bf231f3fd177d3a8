import Policy
import Semantics
import Template
import Testing

/// Cross-stack imports: linted together, an `Fn::ImportValue` of another template's export
/// stands for the exported resource (`ExportIndex`); linted alone, it stays unknown.
@Suite struct EncryptionAtRestImportTests {
  static func lines(withExports: Bool) throws -> [String] {
    let keys = try LintFixture.template("encryption-at-rest", "stacks/keys.yaml")
    let storage = try LintFixture.template("encryption-at-rest", "stacks/storage.yaml")
    let rule = try #require(Catalogue.rule(id: "ENC001"))
    let index = withExports ? ExportIndex([keys, storage]) : ExportIndex()
    return Engine(rules: [rule]).check(storage, exports: index).map(LintFixture.line)
  }

  @Test func importedKeyIsACustomerManagedKey() throws {
    #expect(
      try Self.lines(withExports: true) == [
        "23:31: unknown ENC001 Results: cannot tell whether the bucket uses a customer-managed key: it is ${AWS::StackName}, which the template does not spell out"
      ])
  }

  @Test func importsAreUnknownAlone() throws {
    #expect(
      try Self.lines(withExports: false) == [
        "14:31: unknown ENC001 Raw: cannot tell whether the bucket uses a customer-managed key: imported from another stack with Fn::ImportValue genexomics-prod-keys-DataKey-Arn",
        "23:31: unknown ENC001 Results: cannot tell whether the bucket uses a customer-managed key: imported from another stack with Fn::ImportValue genexomics-prod-keys-StackName",
      ])
  }
}
