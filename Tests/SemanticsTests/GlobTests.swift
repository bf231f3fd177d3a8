import Semantics
import Testing

/// IAM wildcard matching: literal patterns, and patterns and subjects with symbols.
@Suite struct GlobTests {
  @Test(arguments: [
    ("s3:Get*", "s3:GetObject", true), ("s3:Get*", "s3:PutObject", false),
    ("*", "", true), ("?", "", false), ("a*", "a", true), ("*a", "ba", true), ("*a", "ab", false),
    // The second star must take over from the first after a false start.
    ("a*b*c", "aXbYbZc", true), ("a*b*c", "aXbYbZ", false), ("*ab*ab", "abXabYab", true),
    ("ec2:Describe?nstances", "ec2:DescribeInstances", true), ("a?c", "ac", false),
    ("a**c", "abc", true), ("abc", "abcd", false), ("abcd", "abc", false),
  ])
  func literalPatterns(_ pattern: String, _ subject: String, _ matches: Bool) {
    #expect(Glob.match(pattern, subject) == matches)
  }

  @Test func actionsIgnoreCaseResourcesDoNot() {
    #expect(Glob.match("S3:get*", "s3:GetObjectAcl", ignoringCase: true))
    #expect(!Glob.match("arn:aws:s3:::Raw/*", "arn:aws:s3:::raw/x"))
  }

  /// A policy variable in a pattern depends on the request: never a sure yes or no.
  @Test func policyVariablesAreMaybe() {
    #expect(
      Glob.match(SymbolicString("arn:aws:s3:::home/${aws:username}/*"), "arn:aws:s3:::home/ann/x")
        == .maybe("the policy variable ${aws:username} depends on the request"))
  }

  /// The name of one resource is never part of another resource's name; an import is never a
  /// resource of this template.
  @Test func namesOfDifferentResourcesDoNotMeet() {
    let raw = SymbolicString([.known("raw-data", resource: "Raw")])
    let work = SymbolicString([.symbol(.name("Work"))])
    let sameBucket = SymbolicString([.symbol(.name("Raw"))])
    let imported = SymbolicString([.symbol(.imported("keys-Bucket"))])
    #expect(Glob.match(work, raw) == .no)
    #expect(Glob.match(sameBucket, raw) != .no)
    #expect(Glob.match(imported, raw) == .no)
  }

  @Test func patternCoverageWithinABudget() {
    #expect(PatternCoverage.covered("s3:GetObject", by: ["s3:Get*"]))
    #expect(!PatternCoverage.covered("s3:PutObject", by: ["s3:Get*"]))
    #expect(PatternCoverage.coversAll(["s3:GetObject", "S3:GETOBJECTACL"], by: ["s3:get*"]))
    #expect(!PatternCoverage.coversAll(["s3:GetObject", "s3:PutObject"], by: ["s3:Get*"]))
  }
}
