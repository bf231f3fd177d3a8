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

  /// Takes the element by `consuming`, so a value built for the push moves in without a copy.
  func push(_ element: consuming Element) {
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

  /// The top element, read and changed in place.
  var last: Element {
    _read {
      precondition(count > 0, "scratch stack is empty")
      yield base[count - 1]
    }
    _modify {
      precondition(count > 0, "scratch stack is empty")
      yield &base[count - 1]
    }
  }

  /// Pops the top element.
  func dropLast() {
    precondition(count > 0, "scratch stack is empty")
    count -= 1
    (base + count).deinitialize(count: 1)
  }

  /// Moves the elements from `start` to the top into a new array and pops them.
  ///
  /// `reserveCapacity` and `append`, not `Array(unsafeUninitializedCapacity:)`: the latter
  /// reaches the standard library's unspecialised buffer allocation, which looks up the
  /// array storage's generic metadata in the runtime's cache on every call, a measurable
  /// part of reading when every list and mapping makes an array.
  func popArray(from start: Int) -> [Element] {
    precondition(start >= 0 && start <= count, "scratch start out of range")
    let length = count - start
    var result: [Element] = []
    result.reserveCapacity(length)
    for position in start..<count { result.append((base + position).move()) }
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
