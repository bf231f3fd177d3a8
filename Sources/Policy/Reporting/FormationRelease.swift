/// The release of the tool and where it lives: what `--version`, SARIF and the JSON envelopes say.
public enum FormationRelease {
  /// The version `formation --version` prints.
  public static let version = "0.1.0"

  /// The project's home page, SARIF's `informationUri`.
  public static let projectURL = "https://github.com/genexomics/formation"

  /// The page of a rule, generated into `docs/rules/ID.md` from the catalogue (SARIF `helpUri`).
  public static func ruleDocumentationURL(_ id: String) -> String {
    "\(projectURL)/blob/main/docs/rules/\(id).md"
  }
}
