/// libFuzzer entry point for the template reader: every input is read as YAML and as JSON,
/// then decoded into a `Template`. Any trap, sanitizer report, timeout or runaway memory is a
/// bug; thrown `TemplateError`s are the expected outcome for bad input.
///
/// Built by `fuzz/run.sh` together with the Template model and reader sources, in one module.
@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  for (file, format) in [("fuzz.yaml", TemplateFormat.yaml), ("fuzz.json", .json)] {
    do {
      let parsed = try Template.parse(bytes, file: file, format: format)
      // Touch the whole tree so that shared (aliased) values are walked too.
      var nodes = 0
      for resource in parsed.template.resources.values {
        Value(.map(resource.properties)).forEachDescendant { _ in nodes += 1 }
      }
      precondition(nodes >= 0)
    } catch {
      precondition(!error.message.isEmpty, "every error has a message")
      precondition(error.location.line >= 1 && error.location.column >= 1, "locations are 1-based")
    }
  }
  return 0
}
