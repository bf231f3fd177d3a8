import Policy

/// `lint --list-rules --format json`: the selected rules as a versioned object, for editors and
/// dashboards that show rule names and link to their pages.
struct CatalogueJSON {
  var rules: [Rule]

  var text: String {
    let objects = rules.map { rule -> String in
      let pack = rule.pack
      let fields: [(String, String)] = [
        ("id", JSONReporter.quoted(rule.id)),
        ("title", JSONReporter.quoted(rule.title)),
        ("severity", JSONReporter.quoted(rule.severity.rawValue)),
        ("family", JSONReporter.quoted(rule.family.rawValue)),
        ("theme", JSONReporter.quoted(rule.theme)),
        ("resourceTypes", "[" + rule.resourceTypes.map(JSONReporter.quoted).joined(separator: ", ") + "]"),
        ("pack", pack.map { JSONReporter.quoted($0.rawValue) } ?? "null"),
        ("helpUri", JSONReporter.quoted(FormationRelease.ruleDocumentationURL(rule.id))),
      ]
      return "    {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
    return """
      {
        "version": \(FindingsEnvelope.formatVersion),
        "tool": {"name": "formation", "version": "\(FormationRelease.version)", "command": "list-rules"},
        "rules": [
      \(objects.joined(separator: ",\n"))
        ]
      }

      """
  }
}
