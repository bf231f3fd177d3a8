import Template

/// A declaration read only when the stack renders, so two declarations can name each other.
///
/// Blueprints keep declarations in `static let`s, and Swift initialises a static the first time
/// it is read: a bucket whose policy reads a role whose policy reads the bucket would initialise
/// itself from inside its own initialiser. `Later { Ingestion.dataSyncRole }` stores the
/// closure; lowering calls it, when every declaration it needs can be initialised.
///
/// ```swift
/// Grant(.deny, [.anyone], ["s3:PutObject"], on: [Later { Storage.rawBucket }.objects],
///   when: [.arnNotEquals("aws:PrincipalArn", Later { Ingestion.dataSyncRole }.arn)])
/// ```
public struct Later<Target: ResourceDeclaration>: Sendable {
  let declaration: @Sendable () -> Target

  public init(_ declaration: @escaping @Sendable () -> Target) {
    self.declaration = declaration
  }
}

/// A value computed when its declaration lowers: what `Later` gives a policy statement.
public struct RenderReference: Sendable {
  let resolve: @Sendable (LoweringContext) -> Value

  public init(_ resolve: @escaping @Sendable (LoweringContext) -> Value) {
    self.resolve = resolve
  }
}

extension Later where Target == Role {
  /// The role's ARN built from its fixed name (no import, so a stack deployed before the
  /// role's may name it), or `Fn::GetAtt Arn` for a role without a fixed name.
  public var arn: RenderReference {
    RenderReference { context in
      let role = declaration()
      return role.arnFromName(in: context) ?? role.arn.value
    }
  }
}

extension Later where Target == Bucket {
  /// Every object of the bucket, for a statement in the bucket's own policy.
  public var objects: RenderReference {
    RenderReference { _ in declaration().objects }
  }

  /// The bucket's objects under `prefix` (no leading slash).
  public func objects(under prefix: String) -> RenderReference {
    RenderReference { _ in declaration().objects(under: prefix) }
  }
}
