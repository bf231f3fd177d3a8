import Foundation
import Policy
import Template
import Testing

/// The SARIF 2.1.0 log: the whole document for one rule and two findings (one suppressed),
/// compared byte for byte, and the shape GitHub code scanning requires.
@Suite struct SARIFReporterTests {
  static let rule = Rule(
    id: "DEMO001", title: "Demo rule for the reporter", severity: .error, family: .policy, theme: "demo",
    resourceTypes: ["AWS::S3::Bucket"], rationale: "Why it matters.", remediation: "What to do."
  ) { _ in [] }

  static var findings: [Finding] {
    let here = SourceLocation(file: "/repo/stacks/data store.yaml", line: 12, column: 5)
    var suppressed = Finding(
      ruleID: "DEMO001", severity: .error, message: "second \"quoted\" finding", logicalID: "Logs",
      location: SourceLocation(file: "/repo/stacks/data store.yaml", line: 20, column: 3))
    var suppression = Suppression(
      ruleID: "DEMO001", reason: "accepted by the data owner", source: .checkov,
      location: SourceLocation(file: "/repo/stacks/data store.yaml", line: 18, column: 11))
    suppression.foreignID = "CKV_AWS_18"
    suppressed.suppression = suppression
    return [
      Finding(
        ruleID: "DEMO001", severity: .unknown, message: "first finding", logicalID: "Raw", location: here,
        path: "Properties.BucketEncryption"),
      suppressed,
    ]
  }

  @Test func wholeDocument() {
    let text = SARIFReporter(rules: [Self.rule], baseDirectory: "/repo", toolVersion: "0.1.0").report(Self.findings)
    #expect(text == Self.expected)
  }

  @Test func readerErrorsGetADescriptor() throws {
    let error = Finding(
      ruleID: "E0006", severity: .error, message: "duplicate key",
      location: SourceLocation(file: "t.yaml", line: 3, column: 5))
    let text = SARIFReporter(rules: [Self.rule]).report([error])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
    #expect(rules?.compactMap { $0["id"] as? String } == ["DEMO001", "E0006"])
    let result = (run["results"] as? [[String: Any]])?.first
    #expect(result?["ruleIndex"] as? Int == 1)
    #expect(result?["level"] as? String == "error")
  }

  static let expected = """
    {
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [
        {
          "tool": {
            "driver": {
              "name": "formation",
              "informationUri": "https://github.com/genexomics/formation",
              "semanticVersion": "0.1.0",
              "rules": [
                {
                  "id": "DEMO001",
                  "name": "DemoRuleForTheReporter",
                  "shortDescription": {
                    "text": "Demo rule for the reporter"
                  },
                  "fullDescription": {
                    "text": "Why it matters."
                  },
                  "helpUri": "https://github.com/genexomics/formation/blob/main/docs/rules/DEMO001.md",
                  "help": {
                    "text": "Why it matters.\\n\\nRemediation: What to do.\\n\\nInspects: AWS::S3::Bucket.",
                    "markdown": "**DEMO001: Demo rule for the reporter** (error, demo)\\n\\nWhy it matters.\\n\\n**Remediation:** What to do.\\n\\n**Inspects:** `AWS::S3::Bucket`\\n\\nSuppress with `Metadata: {formation: {suppress: [{rule: DEMO001, reason: \\"...\\"}]}}` on the resource."
                  },
                  "defaultConfiguration": {
                    "level": "error"
                  },
                  "properties": {
                    "tags": ["security", "policy", "demo"],
                    "security-severity": "8.0"
                  }
                }
              ]
            }
          },
          "results": [
            {
              "ruleId": "DEMO001",
              "ruleIndex": 0,
              "level": "warning",
              "message": {
                "text": "Raw: first finding"
              },
              "locations": [
                {
                  "physicalLocation": {
                    "artifactLocation": {
                      "uri": "stacks/data%20store.yaml"
                    },
                    "region": {
                      "startLine": 12,
                      "startColumn": 5
                    }
                  },
                  "logicalLocations": [
                    {
                      "name": "Raw",
                      "kind": "resource"
                    }
                  ]
                }
              ],
              "partialFingerprints": {
                "formation/v1": "6934f6645121359b"
              },
              "properties": {
                "path": "Properties.BucketEncryption",
                "formationSeverity": "unknown"
              }
            },
            {
              "ruleId": "DEMO001",
              "ruleIndex": 0,
              "level": "error",
              "message": {
                "text": "Logs: second \\"quoted\\" finding"
              },
              "locations": [
                {
                  "physicalLocation": {
                    "artifactLocation": {
                      "uri": "stacks/data%20store.yaml"
                    },
                    "region": {
                      "startLine": 20,
                      "startColumn": 3
                    }
                  },
                  "logicalLocations": [
                    {
                      "name": "Logs",
                      "kind": "resource"
                    }
                  ]
                }
              ],
              "partialFingerprints": {
                "formation/v1": "b718b22de8527c12"
              },
              "suppressions": [
                {
                  "kind": "inSource",
                  "status": "accepted",
                  "justification": "accepted by the data owner",
                  "location": {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "stacks/data%20store.yaml"
                      },
                      "region": {
                        "startLine": 18,
                        "startColumn": 11
                      }
                    }
                  },
                  "properties": {
                    "source": "checkov",
                    "foreignRuleId": "CKV_AWS_18"
                  }
                }
              ]
            }
          ]
        }
      ]
    }

    """
}
