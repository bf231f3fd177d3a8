import Dispatch
import Foundation

/// Frees `value` on a background thread, so that whoever drops the last reference to a large
/// tree of values does not wait for it to be freed node by node.
///
/// A run over a folder reads hundreds of templates and makes tens of thousands of findings;
/// freeing them on the main thread took longer than listing the findings. Handed over here,
/// they are freed while the main thread writes the report. In a process that exits once its
/// run is printed (see `keepReleasedValuesUntilExit`), they are not freed at all.
///
/// Call it with the value's last use (`releaseInBackground(consume templates)`): a copy kept
/// by the caller would keep the value alive, and its release would free it where it was.
public func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
  let holder = ReleaseHolder(value)
  guard !KeptUntilExit.shared.keep(holder) else { return }
  DispatchQueue.global(qos: .utility).async { holder.release() }
}

/// From now on, what `releaseInBackground` is handed is kept until the process ends, for a
/// process that exits once its run is printed (the command line). The operating system takes
/// the whole heap back at exit at once; freeing a folder's templates node by node took a core
/// for as long as the report took to write, and the report is written on every core.
public func keepReleasedValuesUntilExit() {
  KeptUntilExit.shared.start()
}

/// The values kept until exit, once `keepReleasedValuesUntilExit` was called.
private final class KeptUntilExit: @unchecked Sendable {
  static let shared = KeptUntilExit()

  /// Guards `values`; taken a few times per run.
  private let lock = NSLock()
  /// `nil` until the process keeps values until exit.
  private var values: [AnyObject]?

  func start() {
    lock.withLock { values = values ?? [] }
  }

  /// Keeps `value` when the process keeps values until exit; false when it does not.
  func keep(_ value: AnyObject) -> Bool {
    lock.withLock {
      guard values != nil else { return false }
      values?.append(value)
      return true
    }
  }
}

/// Holds a value until `release`: the closure handed to the background thread captures the
/// holder, so the value itself is never copied by the closure.
private final class ReleaseHolder<Value: Sendable>: @unchecked Sendable {
  /// Set once, by `init`, and emptied once, by `release` on the background thread.
  private var value: Value?

  init(_ value: consuming Value) { self.value = value }

  func release() { value = nil }
}
