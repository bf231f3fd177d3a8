import Schemas
import Semantics
import Template

extension Rule {
  /// SCH026: a DB instance whose class its engine (and license model) is not offered in.
  public static let databaseInstanceClass = Rule(
    id: "SCH026", title: "DB instance class the engine does not offer", severity: .error,
    family: .correctness, theme: "schema", resourceTypes: ["AWS::RDS::DBInstance"],
    rationale:
      "RDS offers each engine, and for some engines each license model, on its own list of instance classes: Aurora MySQL runs on memory-optimized and burstable classes but not on `db.m4.xlarge`, and Oracle SE2 with the license included is offered on fewer classes than with your own license. RDS rejects a DB instance whose class is not on its engine's list, and the schema cannot say so because the list depends on another property. The lists are the union over every region of the data cfn-lint ships, so a class offered anywhere passes; the engine is compared case-insensitively, the class and license model exactly, as cfn-lint does. A class, engine or license model that is not a literal, or an engine or license model the data does not list, is not judged; a class refused in one `Fn::If` branch while another branch can be created is a warning.",
    remediation:
      "Choose a class the engine offers (`aws rds describe-orderable-db-instance-options --engine ENGINE` lists them per region), or change the engine or license model."
  ) { context in
    context.findingsPerResource { logicalID, _ in
      var findings: [Finding] = []
      // Whether some combination of branches is one this rule does not reject (a class it
      // cannot judge counts): the stack can then be created, and the rejected branches are
      // warnings, as SCH006 treats a parameter whose other allowed values work.
      var otherwiseDeployable = false
      for engine in context.property(logicalID, "Engine").possibilities {
        guard engine.parameters.isEmpty, let engineName = engine.literal else {
          otherwiseDeployable = true
          continue
        }
        for license in context.property(logicalID, "LicenseModel").after(engine).possibilities {
          guard license.parameters.isEmpty, license.isAbsent || license.literal != nil,
            let offered = ResourceSchemas.shipped.instanceClasses(
              engine: engineName, license: license.literal)
          else {
            otherwiseDeployable = true
            continue
          }
          for instanceClass in context.property(logicalID, "DBInstanceClass").after(license)
            .possibilities
          {
            guard instanceClass.parameters.isEmpty, let name = instanceClass.literal,
              !offered.contains(name)
            else {
              otherwiseDeployable = true
              continue
            }
            let licensed = license.literal.map { " with license model '\($0)'" } ?? ""
            findings.append(
              context.finding(
                "DB instance '\(logicalID)': DBInstanceClass '\(name)' is not offered for engine '\(engineName)'\(licensed) in any region; offered: \(InstanceClasses.sample(of: offered, near: name))\(Suggestion.phrase(for: name, in: offered.sorted()))\(instanceClass.clause)",
                logicalID: logicalID, at: instanceClass.location, path: "Properties.DBInstanceClass"
              ))
          }
        }
      }
      if otherwiseDeployable {
        for index in findings.indices { findings[index].severity = .warning }
      }
      return findings.uniqued()
    }
  }
}

/// How SCH026 names the classes an engine offers without listing hundreds.
enum InstanceClasses {
  /// `db.r5.xlarge, db.r6g.xlarge, ... (82 classes)`: the first few offered classes of the
  /// same size as `wanted` (the part after the family, `xlarge`), then the others, in name
  /// order, and how many there are.
  static func sample(of offered: Set<String>, near wanted: String, count shown: Int = 4) -> String {
    let size = self.size(of: wanted)
    let sorted = offered.sorted()
    let ordered =
      sorted.filter { self.size(of: $0) == size } + sorted.filter { self.size(of: $0) != size }
    let listed = ordered.prefix(shown).joined(separator: ", ")
    let classes = offered.count == 1 ? "1 class" : "\(offered.count) classes"
    return offered.count > shown ? "\(listed), ... (\(classes))" : "\(listed) (\(classes))"
  }

  /// `xlarge` for `db.m5.xlarge`, `2xlarge.tpc1.mem2x` for `db.r5.2xlarge.tpc1.mem2x`.
  static func size(of instanceClass: String) -> Substring {
    instanceClass.split(separator: ".", maxSplits: 2).dropFirst(2).first ?? ""
  }
}
