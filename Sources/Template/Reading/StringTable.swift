import Foundation

/// The long strings of one read, each made once and shared by every node that spells it.
///
/// A template repeats its property names and many values hundreds of times
/// (`ServerSideEncryptionConfiguration`, `AWS::DynamoDB::Table`, `lambda.amazonaws.com`).
/// Strings of up to 15 UTF-8 bytes live inside the `String` value itself; a longer one costs
/// a heap allocation, a copy and a UTF-8 check each time it is made, and keeps its own
/// copy in the tree. Looking the bytes up here first makes one string per spelling: reading
/// allocates less, and the tree holds one copy of each name.
///
/// Open addressing over the bytes' hash, so a lookup makes no `String` until it misses.
/// The table belongs to one read and is freed with the reader.
final class StringTable {
  /// Strings up to this length are stored inline by `String` and gain nothing here.
  static let inlineLimit = 15
  /// Longer strings are rarely repeated (descriptions, policies) and are made directly.
  static let longLimit = 256
  /// The table stops taking new strings past this many slots (half of them used).
  private static let maxSlots = 1 << 18
  /// The most slots one lookup or insertion visits. The hash is not keyed, so a template
  /// could be written whose strings all land in one run of slots; past this many probes a
  /// string is made directly and not kept, so such input reads at the normal cost instead of
  /// turning every lookup into a scan of the table.
  private static let maxProbes = 32

  private var hashes: UnsafeMutablePointer<UInt64>
  private var strings: UnsafeMutablePointer<String>
  private var slots: Int
  private var count = 0

  init(slots: Int = 64) {
    self.slots = slots
    hashes = .allocate(capacity: slots)
    hashes.initialize(repeating: 0, count: slots)
    strings = .allocate(capacity: slots)
  }

  deinit {
    for slot in 0..<slots where hashes[slot] != 0 { (strings + slot).deinitialize(count: 1) }
    hashes.deallocate()
    strings.deallocate()
  }

  /// The string spelled by `bytes` (valid UTF-8), shared with earlier reads of the same bytes.
  func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.count > Self.inlineLimit, bytes.count <= Self.longLimit else {
      return String(decoding: bytes, as: UTF8.self)
    }
    let hash = Self.hash(bytes)
    let mask = slots - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    var probes = 0
    while hashes[slot] != 0 {
      if hashes[slot] == hash, Self.equal(strings[slot], bytes) { return strings[slot] }
      probes += 1
      if probes == Self.maxProbes { return String(decoding: bytes, as: UTF8.self) }
      slot = (slot + 1) & mask
    }
    let string = String(decoding: bytes, as: UTF8.self)
    guard count * 2 < slots || grow() else { return string }
    insert(string, hash: hash)
    return string
  }

  /// Keeps `string` in the first free slot of its run; a run longer than `maxProbes` keeps
  /// nothing (the table is a cache: a string not kept is made again when next read).
  private func insert(_ string: String, hash: UInt64) {
    let mask = slots - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    var probes = 0
    while hashes[slot] != 0 {
      probes += 1
      if probes == Self.maxProbes { return }
      slot = (slot + 1) & mask
    }
    hashes[slot] = hash
    (strings + slot).initialize(to: string)
    count += 1
  }

  /// Doubles the slots; false when the table is at its largest and takes no more strings.
  private func grow() -> Bool {
    guard slots * 2 <= Self.maxSlots else { return false }
    let oldHashes = hashes
    let oldStrings = strings
    let oldSlots = slots
    slots *= 2
    hashes = .allocate(capacity: slots)
    hashes.initialize(repeating: 0, count: slots)
    strings = .allocate(capacity: slots)
    count = 0
    for slot in 0..<oldSlots where oldHashes[slot] != 0 {
      insert((oldStrings + slot).move(), hash: oldHashes[slot])
    }
    oldHashes.deallocate()
    oldStrings.deallocate()
    return true
  }

  private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    string.utf8.withContiguousStorageIfAvailable { stored in
      stored.count == bytes.count
        && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    } ?? false
  }

  /// A 64-bit hash of the bytes, eight at a time, never 0 (0 marks an empty slot).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return hash | 1 }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      hash =
        (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      tail |= UInt64(base[offset]) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 29
    return hash | 1
  }
}
