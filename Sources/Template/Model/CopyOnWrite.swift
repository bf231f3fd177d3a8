/// A value kept behind one reference that copies share, copied on its first change while
/// shared: what `Template` keeps its sections in and `Resource` its fields.
///
/// Both travel everywhere in a check (resolvers, rule contexts and indexes hold templates;
/// rules and walks take resources), copied from every core at once. Held inline, each copy
/// retained every field's storage; behind one reference a copy costs one retain.
struct CopyOnWrite<Contents>: @unchecked Sendable where Contents: Sendable {
  private var box: Box

  init(_ contents: Contents) { box = Box(contents) }

  var contents: Contents {
    get { box.contents }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.contents) }
      yield &box.contents
    }
  }

  /// Whether `other` shares this one's contents (so they are equal without comparing them).
  func isShared(with other: CopyOnWrite) -> Bool { box === other.box }

  /// Changed only through `contents`' modify, that is only while one value holds it, which is
  /// what makes sharing it between threads safe.
  private final class Box {
    /// Not checked for exclusive access at run time: every read of a resource's field went
    /// through the runtime's access set. The box is only changed through `contents`' modify
    /// while uniquely referenced, so no access can overlap a change.
    @exclusivity(unchecked) var contents: Contents
    init(_ contents: Contents) { self.contents = contents }
  }
}
