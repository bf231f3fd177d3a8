/// A named set of rules that only some templates should meet, turned on by choice.
///
/// The core catalogue asks what every AWS template should do; a pack asks what one
/// architecture promises (GeneXOmics: nothing but DataSync writes the raw bucket). Run on a
/// stranger's template, a pack's heuristics (a bucket named `acme-raw-events` is "the raw
/// bucket") report violations of promises nobody made, so a pack runs only when enabled:
/// `--pack genexomics`, naming its rules in `--rules`, or a configuration file.
public struct RulePack: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
  public var rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue.lowercased()
  }

  /// The GeneXOmics invariants (GXO001-GXO004): the raw bucket, the data key, the Batch roles.
  public static let genexomics = RulePack(rawValue: "genexomics")

  /// Every pack of the catalogue.
  public static let all: [RulePack] = [.genexomics]

  public var description: String { rawValue }

  /// The pack a configuration file or `--pack` names, by name or by its rules' id prefix
  /// (`genexomics` or `gxo`), in any case.
  public static func named(_ name: String) -> RulePack? {
    let name = name.trimmingCharacters(in: .whitespaces).lowercased()
    let aliases: [String: RulePack] = ["gxo": .genexomics]
    return all.first { $0.rawValue == name } ?? aliases[name]
  }

  public static func < (lhs: RulePack, rhs: RulePack) -> Bool { lhs.rawValue < rhs.rawValue }
}
