import Policy
import Template
import TemplateDiff

/// libFuzzer entry point for the whole pipeline, as the commands run it: read (YAML or JSON,
/// as the reader detects), validate (the correctness family), lint (every rule, with the
/// suppression pass), diff against a mutated copy (findings included, both reports printed)
/// and convert both ways, reading each output back. Any trap, sanitizer report, timeout
/// (`-timeout`) or runaway memory (`-rss_limit_mb`, `-malloc_limit_mb`) is a bug; a thrown
/// `TemplateError` is the expected answer to bad input.
///
/// Built by `fuzz/run-pipeline.sh` with the Template, Policy and TemplateDiff modules.
@_cdecl("LLVMFuzzerTestOneInput")
public func pipelineFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let template = try? Template.parse(bytes, file: "fuzz.yaml").template else { return 0 }

  let correctness = Engine(rules: Catalogue.correctness).check(template)
  _ = TextReporter(style: .compact).report(correctness)
  let all = Engine(rules: Catalogue.all).check(template)
  let pass = SuppressionPass(
    knownRules: Set(Catalogue.all.map(\.id)), rulesRun: Set(Catalogue.all.map(\.id)))
  _ = TextReporter(style: .logicalID).report(pass.apply(to: all, of: template))

  let differ = Differ(rules: Catalogue.all)
  let diff = differ.compare(deployed: template, proposed: mutated(template), name: "fuzz")
  _ = TemplateDiff.TextReporter(color: true).report(diff)
  _ = TemplateDiff.JSONReporter().report([diff])

  for text in [template.yaml(), template.json()] {
    do {
      _ = try Template.parse(Array(text.utf8), file: "converted")
    } catch {
      preconditionFailure("convert wrote a template it cannot read back: \(error)")
    }
  }
  return 0
}

/// A proposed side that differs from the input: the first resource removed, the last one's
/// properties dropped, so every comparison path has something to say.
private func mutated(_ template: Template) -> Template {
  var copy = template
  var entries = copy.resources.entries
  if !entries.isEmpty { entries.removeFirst() }
  if !entries.isEmpty { entries[entries.count - 1].value.properties = [:] }
  copy.resources = OrderedMap(entries)
  return copy
}
