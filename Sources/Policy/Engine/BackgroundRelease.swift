import Dispatch

/// Frees `value` on a background thread, so that whoever drops the last reference to a large
/// tree of values does not wait for it to be freed node by node.
///
/// A run over a folder reads hundreds of templates and makes tens of thousands of findings;
/// freeing them on the main thread took longer than listing the findings. Handed over here,
/// they are freed while the main thread writes the report, and a command-line run that exits
/// first leaves the rest to the operating system, which reclaims it at once.
///
/// Call it with the value's last use (`releaseInBackground(consume templates)`): a copy kept
/// by the caller would keep the value alive, and its release would free it where it was.
public func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
  let holder = ReleaseHolder(value)
  DispatchQueue.global(qos: .utility).async { holder.release() }
}

/// Holds a value until `release`: the closure handed to the background thread captures the
/// holder, so the value itself is never copied by the closure.
private final class ReleaseHolder<Value: Sendable>: @unchecked Sendable {
  /// Set once, by `init`, and emptied once, by `release` on the background thread.
  private var value: Value?

  init(_ value: consuming Value) { self.value = value }

  func release() { value = nil }
}
