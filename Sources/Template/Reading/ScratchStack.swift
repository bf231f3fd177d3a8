/// A stack that hands runs of its top elements out as exact-size arrays by moving them.
///
/// The reader pushes each finished value onto one of these while its list or mapping is
/// open, then moves the run into the collection's array when it closes: one allocation per
/// collection, no growth copies and no reference counting on the way, which keeps reading
/// close to libyaml's own speed. Elements left behind by an error are released in `deinit`.
final class ScratchStack<Element> {
  private var base: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 256) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func push(_ element: Element) {
    if count == capacity { grow() }
    (base + count).initialize(to: element)
    count += 1
  }

  /// Reads a part of the element at `position` (0 ≤ position < count) in place, without
  /// copying the whole element.
  func read<T>(_ position: Int, _ part: (borrowing Element) -> T) -> T {
    precondition(position >= 0 && position < count, "scratch position out of range")
    return part(base[position])
  }

  /// Moves the elements from `start` to the top into a new array and pops them.
  func popArray(from start: Int) -> [Element] {
    precondition(start >= 0 && start <= count, "scratch start out of range")
    let length = count - start
    let source = base + start
    let result = [Element](unsafeUninitializedCapacity: length) { buffer, initialized in
      if let destination = buffer.baseAddress, length > 0 {
        destination.moveInitialize(from: source, count: length)
      }
      initialized = length
    }
    count = start
    return result
  }

  private func grow() {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }
}
