import Foundation
import Template

#if canImport(Glibc)
  import Glibc
#endif

/// What one read of a template costs in memory, apart from what any Swift process costs.
///
/// `/usr/bin/time` reports the whole process: the Swift runtime, Foundation and the loaded
/// libraries take about 30 MB before the first byte is read, which hides the reader's own
/// cost on every template smaller than that. This measures the growth around one
/// `Template.read(contentsOf:)` (loading the file included) in a process that has already
/// paid for those:
///
/// - peak: the resident set's high-water mark during the read, less the resident set just
///   before it (Linux resets the mark when "5" is written to `/proc/self/clear_refs`). It
///   counts every transient buffer: the file's bytes, libyaml's tokens, the scratch stacks.
/// - retained: malloc's bytes in use with the template alive, less before it (glibc's
///   `malloc_stats` total, mmapped chunks included): what the model itself keeps.
struct MemoryReport {
  var fileBytes: Int
  var peakBytes: Int?
  var retainedBytes: Int?
  /// The whole process's resident high-water mark, runtime and libraries included (what time(1) reports).
  var processPeakBytes: Int

  /// Measures one `Template.read(contentsOf:)` of `path`, or with `floor` one run of libyaml's
  /// raw event loop over `bytes` (already loaded, so the file's bytes are not counted then).
  static func measure(path: String, bytes: [UInt8], floor: Bool = false) -> MemoryReport {
    // Warm up on a tiny template read from a file the same way: the code it runs, type
    // metadata, lazily built tables and the allocator's first arena belong to the process,
    // not to the read being measured. A large warm-up would leave freed pages resident that
    // the measured read would then reuse unseen.
    // The floor gets no warm-up: its fixed buffers are all it allocates, and a warm-up would
    // leave them resident for it.
    if !floor {
      let warmUp = NSTemporaryDirectory() + "benchmark-warm-up-\(getpid()).yaml"
      FileManager.default.createFile(atPath: warmUp, contents: Data(Self.warmUpTemplate.utf8))
      _ = try? Template.read(contentsOf: warmUp)
      try? FileManager.default.removeItem(atPath: warmUp)
    }
    let heapBefore = heapInUse()
    let processPeakBefore = status("VmHWM") ?? 0
    resetPeak()
    let residentBefore = status("VmRSS")
    var template: ParsedTemplate? = nil
    if floor { _ = rawEventLoop(bytes) } else { template = try? Template.read(contentsOf: path) }
    let peak = status("VmHWM")
    let heapAfter = heapInUse()
    withExtendedLifetime(template) {}
    template = nil
    return MemoryReport(
      fileBytes: bytes.count,
      peakBytes: peak.flatMap { peak in residentBefore.map { peak - $0 } },
      retainedBytes: heapAfter.flatMap { after in heapBefore.map { after - $0 } },
      processPeakBytes: max(processPeakBefore, peak ?? 0))
  }

  /// Every section and the common intrinsic forms, so the measured read runs no code for the first time.
  static let warmUpTemplate = """
    AWSTemplateFormatVersion: '2010-09-09'
    Description: warm-up
    Parameters:
      Environment: {Type: String, Default: bench, AllowedValues: [bench, prod]}
    Conditions:
      IsProd: !Equals [!Ref Environment, prod]
    Resources:
      KeyWithALongLogicalId:
        Type: AWS::KMS::Key
        Properties:
          Description: !Sub 'Key for ${AWS::StackName}'
          EnableKeyRotation: true
      Bucket:
        Type: AWS::S3::Bucket
        DependsOn: KeyWithALongLogicalId
        Condition: IsProd
        Properties:
          BucketName: !If [IsProd, !GetAtt KeyWithALongLogicalId.Arn, !Ref AWS::NoValue]
          Tags: [{Key: Group, Value: 1.5}]
        DeletionPolicy: Retain
    Outputs:
      Name: {Value: !Ref Bucket, Export: {Name: !Sub '${AWS::StackName}-bucket'}}
    """

  /// One line in the `key=value` form of `phases`, with the ratios to the file size.
  var text: String {
    func megabytes(_ bytes: Int?) -> String {
      bytes.map { String(format: "%.1fMB", Double($0) / 1_048_576) } ?? "n/a"
    }
    func ratio(_ bytes: Int?) -> String {
      bytes.map { String(format: "%.1fx", Double($0) / Double(max(fileBytes, 1))) } ?? "n/a"
    }
    return "bytes=\(fileBytes) peak=\(megabytes(peakBytes)) peak/file=\(ratio(peakBytes)) "
      + "retained=\(megabytes(retainedBytes)) retained/file=\(ratio(retainedBytes)) "
      + "process-peak=\(megabytes(processPeakBytes))"
  }

  /// malloc's bytes in use (arenas and mapped chunks), or nil off glibc.
  ///
  /// `<malloc.h>` is not part of Swift's Glibc module, so `mallinfo2` is out of reach;
  /// `malloc_stats` (no arguments, no result, found with `dlsym`) prints the same total to
  /// standard error, which is caught in a temporary file for the call.
  private static func heapInUse() -> Int? {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") else {
        return nil
      }
      let mallocStats = unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
      let path = NSTemporaryDirectory() + "benchmark-malloc-stats-\(getpid())"
      let capture = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
      guard capture >= 0 else { return nil }
      defer { unlink(path) }
      fflush(nil)
      let saved = dup(2)
      dup2(capture, 2)
      mallocStats()
      fflush(nil)
      dup2(saved, 2)
      close(saved)
      close(capture)
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
      // The last "in use bytes" line is the total over every arena, mmapped chunks included.
      let total = text.split(separator: "\n").last { $0.contains("in use bytes") }
      return total.flatMap { Int($0.split(separator: "=").last?.filter(\.isNumber) ?? "") }
    #else
      return nil
    #endif
  }

  /// Resets the resident set's high-water mark (Linux only; elsewhere the mark stays the process's).
  private static func resetPeak() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }

  /// A `kB` field of `/proc/self/status` (`VmRSS`, `VmHWM`) in bytes, or nil where there is none.
  private static func status(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
      let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
