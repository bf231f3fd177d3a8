import Dispatch

extension Array where Element: Sendable {
  /// `map`, with the elements transformed on every core at once; the results keep the order
  /// of the elements, so output stays the same run to run whatever the scheduling.
  ///
  /// `lint` and `validate` use it for the templates of a run and for the rules of one large
  /// template, the YAML reader for the parts of one large file: each piece of work is
  /// independent and touches only values and `TemplateMemo`.
  public func concurrentMap<Transformed: Sendable>(
    _ transform: @Sendable (Element) -> Transformed
  ) -> [Transformed] {
    guard count > 1 else { return map(transform) }
    return [Transformed](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = buffer.baseAddress.map { UnsafeSendablePointer(address: $0) }
      DispatchQueue.concurrentPerform(iterations: count) { index in
        // Each iteration initializes its own slot; no two iterations share one.
        base?.address.advanced(by: index).initialize(to: transform(self[index]))
      }
      initialized = count
    }
  }
}

/// A pointer handed to the iterations of `concurrentPerform`, each writing a different element
/// (or a different part of one buffer).
package struct UnsafeSendablePointer<Pointee>: @unchecked Sendable {
  package var address: UnsafeMutablePointer<Pointee>

  package init(address: UnsafeMutablePointer<Pointee>) {
    self.address = address
  }
}

extension Collection where Element == Int {
  /// Where parts of these sizes start when laid end to end in one buffer, and the buffer's
  /// size: each part can then be written into its own place from any core.
  package func layout() -> (starts: [Int], total: Int) {
    var starts: [Int] = []
    starts.reserveCapacity(count)
    var total = 0
    for size in self {
      starts.append(total)
      total += size
    }
    return (starts, total)
  }
}
