import Foundation
import Template

/// What several rules work out from a whole template (the policy index, the correctness facts,
/// the resolver's tables), computed once per check and shared by every rule of it.
///
/// The engine makes one memo per template it checks and hands it to every rule through the
/// `RuleContext`; when the check ends, the memo goes with it. Rules of one check may run on
/// several threads at once: the first rule that asks for a value computes it while the others
/// that ask for the same value wait, and values of different kinds are computed concurrently.
///
/// A derived value may ask the memo for another (the policy index uses the resolver's tables);
/// the kinds form a hierarchy, never a cycle, so the waiting cannot deadlock.
public final class TemplateMemo: @unchecked Sendable {
  public let template: Template
  /// The exports of the templates checked together with this one.
  public let exports: ExportIndex

  @usableFromInline let lock = NSLock()
  @usableFromInline var slots: [ObjectIdentifier: AnyObject] = [:]

  public init(_ template: Template, exports: ExportIndex = ExportIndex()) {
    self.template = template
    self.exports = exports
  }

  /// The template's value of kind `Derived`, computed by the first caller.
  ///
  /// Inlinable, so that each rule's module asks for a kind it names: unspecialized, every call
  /// looked up the metadata of `Slot<Derived>` and of `Derived?` at run time.
  @inlinable
  public func value<Derived: TemplateDerivation>(_ kind: Derived.Type = Derived.self) -> Derived {
    slot(for: kind).value { Derived(deriving: self) }
  }

  @inlinable
  func slot<Derived: TemplateDerivation>(for kind: Derived.Type) -> Slot<Derived> {
    lock.lock()
    defer { lock.unlock() }
    // The slot of a kind is only ever made below, as a `Slot` of that kind.
    if let existing = slots[ObjectIdentifier(kind)] {
      return unsafeDowncast(existing, to: Slot<Derived>.self)
    }
    let slot = Slot<Derived>()
    slots[ObjectIdentifier(kind)] = slot
    return slot
  }

  /// One value, computed at most once; callers that arrive while it is being computed wait.
  @usableFromInline
  final class Slot<Derived>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline var computed: Derived?

    @usableFromInline init() {}

    @inlinable
    func value(_ compute: () -> Derived) -> Derived {
      lock.lock()
      defer { lock.unlock() }
      if let computed { return computed }
      let value = compute()
      computed = value
      return value
    }
  }
}

/// A value derived from a whole template that rules share through a `TemplateMemo`.
public protocol TemplateDerivation: Sendable {
  /// Works the value out from `memo.template`, asking `memo` for the values it builds on.
  init(deriving memo: TemplateMemo)
}
