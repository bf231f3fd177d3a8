/// libFuzzer entry point for the template reader: every input is read as YAML and as JSON,
/// then decoded into a `Template`. Any trap, sanitizer report, timeout or runaway memory is a
/// bug; thrown `TemplateError`s are the expected outcome for bad input. A YAML input the block
/// reader takes must read as libyaml reads it, to every line and column.
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
  checkReadersAgree(bytes)
  return 0
}

/// The block reader reads `bytes` as libyaml does, or gives up.
private func checkReadersAgree(_ bytes: [UInt8]) {
  bytes.withUnsafeBufferPointer { whole in
    let input = SourceText.withoutByteOrderMark(whole)
    guard (try? SourceText.validateUTF8(input, file: "fuzz.yaml")) != nil,
      let block = BlockYAMLReader.read(
        input, fileID: SourceFiles.shared.id(of: "fuzz.yaml"), maxDepth: 512)
    else { return }
    let libyaml = try? YAMLReader(file: "fuzz.yaml", limits: .standard).readEvents(input)
    precondition(libyaml != nil, "the block reader read what libyaml rejects")
    precondition(sameNodes(block, libyaml!), "the block reader and libyaml read different values")
  }
}

/// Equal values at equal locations, keys' locations included.
private func sameNodes(_ first: Value, _ second: Value) -> Bool {
  guard first.location == second.location else { return false }
  switch (first.kind, second.kind) {
  case (.map(let one), .map(let other)):
    return one.entries.count == other.entries.count
      && zip(one.entries, other.entries).allSatisfy {
        $0.key == $1.key && $0.keyLocation == $1.keyLocation && sameNodes($0.value, $1.value)
      }
  case (.list(let one), .list(let other)):
    return one.count == other.count && zip(one, other).allSatisfy(sameNodes)
  case (.intrinsic(let one), .intrinsic(let other)):
    return one.name == other.name && one.arguments.count == other.arguments.count
      && zip(one.arguments, other.arguments).allSatisfy(sameNodes)
  default:
    return first.kind == second.kind
  }
}
