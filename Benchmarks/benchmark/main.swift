import CYAML
import Foundation
import Policy
import Semantics
import Template

/// Formation's benchmark driver (release builds only; `scripts/benchmark.sh` runs it).
///
///     benchmark generate N FILE     write a synthetic template of N resources
///     benchmark phases FILE [K]     time each phase in-process, best of K runs (default 5)
///     benchmark once PHASE FILE     run one phase once, for peak-memory measurement by time(1)
///     benchmark rules FILE          each rule's time on one template, slowest first
///     benchmark repeat PHASE FILE N run one phase N times, for a profiler (perf record)
///     benchmark memory FILE [floor] the reader's own memory: heap and resident-set growth of one
///                                   read (or of libyaml's raw event loop over the file)
///
/// Phases: floor (libyaml's raw event loop over the bytes, the lower bound for any reader),
/// read, write, validate (correctness checks), lint (the whole catalogue).
enum Phase: String, CaseIterable {
  case floor, read, write, validate, lint
  /// The whole catalogue with its rules run in turn on one core (`lint` uses every core).
  case lintOneCore = "lint1"
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

func load(_ path: String) -> [UInt8] {
  guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
  return [UInt8](data)
}

/// Parses the bytes with libyaml and discards every event: what reading costs before any tree is built.
func rawEventLoop(_ bytes: [UInt8]) -> Int {
  let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  defer { parser.deallocate() }
  guard yaml_parser_initialize(parser) == 1 else { fail("libyaml: cannot initialise") }
  defer { yaml_parser_delete(parser) }
  var events = 0
  bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while yaml_parser_parse(parser, &event) == 1 {
      let done = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      events += 1
      if done { break }
    }
  }
  return events
}

func run(_ phase: Phase, _ bytes: [UInt8], file: String) -> Int {
  switch phase {
  case .floor:
    return rawEventLoop(bytes)
  case .read:
    return (try? Template.parse(bytes, file: file).template.resources.count) ?? -1
  case .write:
    guard let template = try? Template.parse(bytes, file: file).template else { return -1 }
    return template.yaml().utf8.count
  case .validate:
    guard let template = try? Template.parse(bytes, file: file).template else { return -1 }
    return Engine(rules: Catalogue.correctness).check(template).count
  case .lint:
    guard let template = try? Template.parse(bytes, file: file).template else { return -1 }
    return Engine(rules: Catalogue.all).check(template).count
  case .lintOneCore:
    guard let template = try? Template.parse(bytes, file: file).template else { return -1 }
    return Engine(rules: Catalogue.all).check(template, rulesConcurrently: false).count
  }
}

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The CPU time of the whole process (every thread) so far, in seconds.
func processCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "generate":
  guard arguments.count == 3, let count = Int(arguments.dropFirst().first!) else {
    fail("usage: generate N FILE")
  }
  let path = arguments.last!
  let text = Generator.template(resources: count).yaml()
  FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  print("\(path): \(count) resources, \(text.utf8.count) bytes")
case "phases":
  guard arguments.count >= 2 else { fail("usage: phases FILE|DIR [K]") }
  let path = Array(arguments)[1]
  let runs = arguments.count > 2 ? Int(Array(arguments)[2]) ?? 5 : 5
  // A folder is timed as one input: every phase over all its files (`.yaml`, in name order),
  // reading and writing one file after another, checking as `lint` does (the files side by
  // side on every core; one file alone has its rules side by side).
  var isFolder: ObjCBool = false
  FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
  let files =
    isFolder.boolValue
    ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
      $0.hasSuffix(".yaml")
    }.sorted().map { path + "/" + $0 } : [path]
  let inputs = files.map { (file: $0, bytes: load($0)) }
  // Writing, validating and linting are timed on templates read before, outside the timer, so
  // each row is that phase's own cost; each check derives what its rules share afresh (its
  // own TemplateMemo), so checking a template again times the work, not a cache. `lint` uses
  // every core: its CPU time (all threads) is reported too, as `lintcpu`.
  let templates = inputs.map { input in
    guard let template = try? Template.parse(input.bytes, file: input.file).template else {
      fail("\(input.file) does not read")
    }
    return template
  }
  var best: [Phase: Double] = [:]
  var lintCPU = Double.infinity
  for _ in 0..<runs {
    for phase in Phase.allCases {
      let cpuBefore = processCPUSeconds()
      let time = seconds {
        switch phase {
        case .floor: for input in inputs { _ = rawEventLoop(input.bytes) }
        case .read: for input in inputs { _ = try? Template.parse(input.bytes, file: input.file) }
        case .write: for template in templates { _ = template.yaml() }
        case .validate: _ = Engine(rules: Catalogue.correctness).check(templates)
        case .lint: _ = Engine(rules: Catalogue.all).check(templates)
        case .lintOneCore:
          for template in templates {
            _ = Engine(rules: Catalogue.all).check(template, rulesConcurrently: false)
          }
        }
      }
      if phase == .lint { lintCPU = min(lintCPU, processCPUSeconds() - cpuBefore) }
      best[phase] = min(best[phase] ?? .infinity, time)
    }
  }
  let fields =
    Phase.allCases.map { String(format: "%@=%.4f", $0.rawValue, best[$0]!) }
    + [String(format: "lintcpu=%.4f", lintCPU)]
  print(
    "\(path) files=\(inputs.count) bytes=\(inputs.map(\.bytes.count).reduce(0, +)) "
      + "resources=\(templates.map(\.resources.count).reduce(0, +)) "
      + fields.joined(separator: " "))
case "rules":
  // Each rule's own time over one template, slowest first: where lint spends its time.
  guard arguments.count == 2 else { fail("usage: rules FILE") }
  let path = Array(arguments)[1]
  guard let template = try? Template.parse(load(path), file: path).template else {
    fail("\(path) does not read")
  }
  // What the rules share (policy index, correctness facts, resolver tables) is derived once
  // per check, as in a lint run, and timed apart: each rule is then timed on a warm memo.
  var times: [(String, Double)] = []
  for shared in SharedDerivation.all {
    var best = Double.infinity
    for _ in 0..<3 { best = min(best, seconds { shared.derive(TemplateMemo(template)) }) }
    times.append((shared.name, best))
  }
  let memo = TemplateMemo(template)
  _ = Engine(rules: Catalogue.all).check(template, rulesConcurrently: false, memo: memo)
  for rule in Catalogue.all {
    var best = Double.infinity
    for _ in 0..<3 {
      best = min(
        best,
        seconds { _ = Engine(rules: [rule]).check(template, rulesConcurrently: false, memo: memo) })
    }
    times.append((rule.id, best))
  }
  for (id, time) in times.sorted(by: { $0.1 > $1.1 }).prefix(20) {
    print(String(format: "%@ %.1f ms", id, time * 1000))
  }
case "repeat":
  guard arguments.count == 4, let phase = Phase(rawValue: Array(arguments)[1]),
    let count = Int(Array(arguments)[3])
  else { fail("usage: repeat floor|read|write|validate|lint FILE N") }
  let path = Array(arguments)[2]
  let bytes = load(path)
  var total = 0
  for _ in 0..<count { total &+= run(phase, bytes, file: path) }
  print(total)
case "memory":
  // `memory FILE floor` measures libyaml's raw event loop the same way, in its own process
  // (a read before it would leave freed pages resident for it to reuse unseen).
  guard arguments.count == 2 || arguments.count == 3 && ["read", "floor"].contains(arguments.last)
  else { fail("usage: memory FILE [read|floor]") }
  let path = Array(arguments)[1]
  print(MemoryReport.measure(path: path, bytes: load(path), floor: arguments.last == "floor").text)
case "once":
  guard arguments.count == 3, let phase = Phase(rawValue: Array(arguments)[1]) else {
    fail("usage: once floor|read|write|validate|lint FILE")
  }
  let path = Array(arguments)[2]
  print(run(phase, load(path), file: path))
default:
  fail(
    "usage: benchmark generate N FILE | phases FILE [K] | once PHASE FILE | rules FILE | repeat PHASE FILE N | memory FILE [floor]"
  )
}
