import Testing

@testable import Template

/// The reader's string table is a cache: whatever the input, it gives back the string the
/// bytes spell, and strings that all land in one run of slots cost a bounded number of probes.
@Suite struct StringTableTests {
  static func hash(_ text: String) -> UInt64 {
    Array(text.utf8).withUnsafeBufferPointer { StringTable.hash($0) }
  }

  static func intern(_ table: StringTable, _ text: String) -> String {
    Array(text.utf8).withUnsafeBufferPointer { table.string($0) }
  }

  @Test func stringsCollidingInOneRunOfSlotsReadBackExactly() {
    // 48 strings of 20 bytes or more whose hashes share their low 6 bits: in a 64-slot table
    // they all start at one slot, so the run passes the probe limit before the table grows.
    let target = Self.hash("ServerSideEncryptionConfiguration") & 63
    var colliding: [String] = []
    var candidate = 0
    while colliding.count < 48 {
      let text = "CollidingPropertyName\(candidate)"
      if Self.hash(text) & 63 == target { colliding.append(text) }
      candidate += 1
    }
    let table = StringTable(slots: 64)
    for _ in 0..<3 {
      for text in colliding { #expect(Self.intern(table, text) == text) }
    }
    #expect(
      Self.intern(table, "ServerSideEncryptionConfiguration") == "ServerSideEncryptionConfiguration"
    )
  }

  @Test func shortAndLongStringsAreMadeDirectly() {
    let table = StringTable()
    let long = String(repeating: "x", count: 300)
    #expect(Self.intern(table, "Short") == "Short")
    #expect(Self.intern(table, long) == long)
    #expect(Self.intern(table, "") == "")
  }
}
