import Template

/// What `Ref` and `Fn::GetAtt ...Arn` return for the resource types policies name, so a
/// statement written `!Sub arn:${AWS::Partition}:s3:::${RawBucket}/*` and a question asked
/// with `!GetAtt RawBucket.Arn` meet on the same spelled-out ARN.
///
/// Types not listed keep their symbols as they are; two symbols then match only when they
/// are the same reference.
public struct ResourceNaming: Sendable {
  /// What `Ref` returns for a type.
  public enum RefKind: Sendable {
    /// The physical name (a bucket name, a role name).
    case name
    /// The ARN.
    case arn
    /// An id that is neither (a key id, a queue URL): kept symbolic.
    case opaque
  }

  /// How one resource type names itself.
  public struct Convention: Sendable {
    /// The property holding the physical name, when the template may set it.
    public var nameProperty: String?
    public var ref: RefKind
    /// The ARN with `{name}` for the physical name, `{P}`, `{R}`, `{A}` for partition, region
    /// and account, `{ref}` for the `Ref` value, `{path}` for an IAM path.
    public var arn: String?
    /// The `Fn::GetAtt` attributes that return the ARN.
    public var arnAttributes: Set<String>
    /// Attributes that return the same as `Ref`.
    public var refAttributes: Set<String>

    public init(
      nameProperty: String?, ref: RefKind, arn: String?, arnAttributes: Set<String> = ["Arn"],
      refAttributes: Set<String> = []
    ) {
      self.nameProperty = nameProperty
      self.ref = ref
      self.arn = arn
      self.arnAttributes = arnAttributes
      self.refAttributes = refAttributes
    }
  }

  /// The conventions of the types Formation's rules ask about.
  public static let conventions: [String: Convention] = [
    "AWS::S3::Bucket": Convention(
      nameProperty: "BucketName", ref: .name, arn: "arn:{P}:s3:::{name}"),
    "AWS::KMS::Key": Convention(
      nameProperty: nil, ref: .opaque, arn: "arn:{P}:kms:{R}:{A}:key/{ref}",
      refAttributes: ["KeyId"]),
    "AWS::KMS::Alias": Convention(
      nameProperty: "AliasName", ref: .name, arn: "arn:{P}:kms:{R}:{A}:{name}"),
    "AWS::IAM::Role": Convention(
      nameProperty: "RoleName", ref: .name, arn: "arn:{P}:iam::{A}:role{path}{name}"),
    "AWS::IAM::User": Convention(
      nameProperty: "UserName", ref: .name, arn: "arn:{P}:iam::{A}:user{path}{name}"),
    "AWS::IAM::Group": Convention(
      nameProperty: "GroupName", ref: .name, arn: "arn:{P}:iam::{A}:group{path}{name}"),
    "AWS::IAM::ManagedPolicy": Convention(
      nameProperty: "ManagedPolicyName", ref: .arn, arn: "arn:{P}:iam::{A}:policy{path}{name}",
      arnAttributes: ["PolicyArn"]),
    "AWS::IAM::InstanceProfile": Convention(
      nameProperty: "InstanceProfileName", ref: .name,
      arn: "arn:{P}:iam::{A}:instance-profile{path}{name}"),
    "AWS::SNS::Topic": Convention(
      nameProperty: "TopicName", ref: .arn, arn: "arn:{P}:sns:{R}:{A}:{name}",
      arnAttributes: ["TopicArn"]),
    "AWS::SQS::Queue": Convention(
      nameProperty: "QueueName", ref: .opaque, arn: "arn:{P}:sqs:{R}:{A}:{name}"),
    "AWS::Logs::LogGroup": Convention(
      nameProperty: "LogGroupName", ref: .name, arn: "arn:{P}:logs:{R}:{A}:log-group:{name}:*"),
    "AWS::DynamoDB::Table": Convention(
      nameProperty: "TableName", ref: .name, arn: "arn:{P}:dynamodb:{R}:{A}:table/{name}"),
    "AWS::ECR::Repository": Convention(
      nameProperty: "RepositoryName", ref: .name, arn: "arn:{P}:ecr:{R}:{A}:repository/{name}"),
    "AWS::Lambda::Function": Convention(
      nameProperty: "FunctionName", ref: .name, arn: "arn:{P}:lambda:{R}:{A}:function:{name}"),
    "AWS::Events::Rule": Convention(
      nameProperty: "Name", ref: .name, arn: "arn:{P}:events:{R}:{A}:rule/{name}"),
    "AWS::Events::EventBus": Convention(
      nameProperty: "Name", ref: .name, arn: "arn:{P}:events:{R}:{A}:event-bus/{name}"),
    "AWS::Batch::JobQueue": Convention(
      nameProperty: "JobQueueName", ref: .arn, arn: "arn:{P}:batch:{R}:{A}:job-queue/{name}",
      arnAttributes: ["JobQueueArn"]),
    "AWS::Batch::ComputeEnvironment": Convention(
      nameProperty: "ComputeEnvironmentName", ref: .arn,
      arn: "arn:{P}:batch:{R}:{A}:compute-environment/{name}",
      arnAttributes: ["ComputeEnvironmentArn"]),
    "AWS::SecretsManager::Secret": Convention(nameProperty: nil, ref: .opaque, arn: nil),
    "AWS::DataSync::Task": Convention(
      nameProperty: nil, ref: .arn, arn: nil, arnAttributes: ["TaskArn"]),
  ]
}

extension ResourceNaming {
  /// A piece of an ARN pattern (`Convention.arn`): fixed text or a pseudo parameter, or a
  /// placeholder filled per resource.
  package enum ArnPiece: Sendable {
    case part(SymbolicString.Part)
    case name, ref, path
  }

  /// Each convention's ARN pattern broken into pieces once, by pattern: ARNs are spelled for
  /// every resource a policy names.
  package static let arnPieces: [String: [ArnPiece]] = {
    var result: [String: [ArnPiece]] = [:]
    for convention in conventions.values {
      if let pattern = convention.arn { result[pattern] = pieces(of: pattern) }
    }
    return result
  }()

  /// `arn:{P}:s3:::{name}` as text and placeholders, in order; the text between placeholders is
  /// kept even when empty, as `SymbolicString` drops it anyway.
  package static func pieces(of pattern: String) -> [ArnPiece] {
    var pieces: [ArnPiece] = []
    var rest = Substring(pattern)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      pieces.append(.part(.text(String(rest[..<open]))))
      switch rest[rest.index(after: open)..<close] {
      case "P": pieces.append(.part(.symbol(.pseudo("AWS::Partition"))))
      case "R": pieces.append(.part(.symbol(.pseudo("AWS::Region"))))
      case "A": pieces.append(.part(.symbol(.pseudo("AWS::AccountId"))))
      case "name": pieces.append(.name)
      case "ref": pieces.append(.ref)
      case "path": pieces.append(.path)
      default: break
      }
      rest = rest[rest.index(after: close)...]
    }
    pieces.append(.part(.text(String(rest))))
    return pieces
  }
}

extension Resolver {
  /// The string with every resource symbol spelled out where the type's convention allows:
  /// `!GetAtt RawBucket.Arn` becomes `arn:${AWS::Partition}:s3:::genexomics-raw` when the bucket's
  /// name is literal, `arn:${AWS::Partition}:s3:::${RawBucket.Name}` when CloudFormation names it.
  /// This is the form the IAM evaluator matches on.
  public func canonical(_ string: SymbolicString) -> SymbolicString {
    canonical(string, depth: 0)
  }

  /// The ARN of a resource in the template, spelled out (see `canonical`); `nil` when the
  /// type's ARN form is not known.
  public func arn(of logicalID: String) -> SymbolicString? {
    guard let type = type(of: logicalID),
      let convention = ResourceNaming.conventions[type],
      convention.arn != nil
    else { return nil }
    return canonical(
      SymbolicString(
        symbol: .attribute(logicalID, convention.arnAttributes.sorted().first ?? "Arn")))
  }

  /// The physical name of a resource, spelled out when the template sets it to something it
  /// can resolve (in every branch the same), else the `.name` symbol.
  public func physicalName(of logicalID: String) -> SymbolicString {
    if let known = memo.physicalName(of: logicalID) { return known }
    let name = physicalName(of: logicalID, depth: 0)
    memo.remember(name, physicalNameOf: logicalID)
    return name
  }

  /// A resource's `Type`, without copying the resource.
  package func type(of logicalID: String) -> String? { memo.type(of: logicalID, in: template) }

  private func physicalName(of logicalID: String, depth: Int) -> SymbolicString {
    let fallback = SymbolicString(symbol: .name(logicalID))
    // The type comes from the memo's table: a resource whose type has no naming convention is
    // not looked up at all.
    guard depth < 8, let type = type(of: logicalID),
      let property = ResourceNaming.conventions[type]?.nameProperty,
      let value = template.property(property, of: logicalID)
    else { return fallback }
    let options = resolveString(value)
    guard let first = options.first?.string, first.isFullyKnown,
      options.allSatisfy({ $0.string == first })
    else { return fallback }
    let spelled = canonical(first, depth: depth + 1)
    let name =
      spelled.literal.map { SymbolicString([.known($0, resource: logicalID)]) } ?? spelled
    // A name that names no other resource is the same at every depth: spelled inside an ARN
    // (depth 1), it is what `physicalName(of:)` would work out, so the memo keeps it for that.
    let namesNoResource = !first.parts.contains {
      if case .symbol(let symbol) = $0 { symbol.logicalID != nil } else { false }
    }
    if depth > 0, namesNoResource { memo.remember(name, physicalNameOf: logicalID) }
    return name
  }

  private func canonical(_ string: SymbolicString, depth: Int) -> SymbolicString {
    guard
      string.parts.contains(where: {
        if case .symbol(let symbol) = $0 { symbol.logicalID != nil } else { false }
      })
    else { return string }
    var parts: [SymbolicString.Part] = []
    parts.reserveCapacity(string.parts.count + 4)
    for part in string.parts {
      // Pseudo parameters and imports stay as they are (see `expand`): no memo to consult.
      guard case .symbol(let symbol) = part, symbol.logicalID != nil else {
        parts.append(part)
        continue
      }
      if depth == 0 {
        if let known = memo.expansion(of: symbol) {
          parts += known.parts
        } else {
          let expanded = expand(symbol, depth: depth)
          memo.remember(expanded, for: symbol)
          parts += expanded.parts
        }
      } else {
        parts +=
          expand(symbol, depth: depth)
          .parts
      }
    }
    return SymbolicString(parts)
  }

  private func expand(_ symbol: Symbol, depth: Int) -> SymbolicString {
    let unchanged = SymbolicString(symbol: symbol)
    guard depth < 8, let id = symbol.logicalID, let type = type(of: id),
      let convention = ResourceNaming.conventions[type]
    else { return unchanged }
    switch symbol {
    case .ref:
      switch convention.ref {
      case .name: return physicalName(of: id, depth: depth)
      case .arn: return spell(convention, of: id, depth: depth) ?? unchanged
      case .opaque: return unchanged
      }
    case .attribute(_, let attribute):
      if convention.arnAttributes.contains(attribute) {
        return spell(convention, of: id, depth: depth) ?? unchanged
      }
      if convention.refAttributes.contains(attribute) { return expand(.ref(id), depth: depth) }
      if attribute == "Name" || attribute == convention.nameProperty {
        return physicalName(of: id, depth: depth)
      }
      return unchanged
    case .name:
      return physicalName(of: id, depth: depth)
    case .pseudo, .imported:
      return unchanged
    }
  }

  private func spell(_ convention: ResourceNaming.Convention, of id: String, depth: Int)
    -> SymbolicString?
  {
    guard let pattern = convention.arn else { return nil }
    let pieces = ResourceNaming.arnPieces[pattern] ?? ResourceNaming.pieces(of: pattern)
    var parts: [SymbolicString.Part] = []
    parts.reserveCapacity(pieces.count + 2)
    for piece in pieces {
      switch piece {
      case .part(let part): parts.append(part)
      case .name: parts += physicalName(of: id, depth: depth + 1).parts
      case .ref: parts.append(.symbol(.ref(id)))
      case .path: parts += iamPath(of: id).parts
      }
    }
    return SymbolicString(parts)
  }

  /// An IAM resource's `Path` (default `/`), as it appears in its ARN.
  private func iamPath(of id: String) -> SymbolicString {
    guard let value = template.property("Path", of: id) else { return "/" }
    let options = resolveString(value)
    if options.count == 1, let path = options[0].string, path.isFullyKnown { return path }
    return SymbolicString([
      .text("/"), .unknown("the IAM path of \(id) is only known at deploy time"),
    ])
  }
}

extension Resolver {
  /// The resources of `type` whose physical name is `name` as the template spells it: a
  /// bucket policy's `Bucket: logs-123` or `Bucket: !Sub ${AWS::StackName}-logs` belongs to
  /// the bucket whose `BucketName` is the same literal or the same `!Sub`. Names that
  /// CloudFormation generates match nothing.
  public func resources(ofType type: String, named name: SymbolicString) -> [String] {
    let wanted = canonical(name).plain
    guard !wanted.parts.isEmpty, wanted.unknownsAreStable,
      let property = ResourceNaming.conventions[type]?.nameProperty
    else { return [] }
    return template.logicalIDs(ofType: type).filter { logicalID in
      let physical = physicalName(of: logicalID)
      if physical.plain == wanted { return true }
      // A name built from a parameter without a default or an import is not spelled out,
      // but the same spelling names the same thing: `!Sub ${AppName}-logs` on both sides.
      guard let value = template.property(property, of: logicalID) else {
        return false
      }
      let options = resolveString(value)
      return options.count == 1 && options[0].string.map { canonical($0).plain } == wanted
    }
  }
}

extension SymbolicString {
  /// The string with known names read as the text they are, for comparing spellings.
  fileprivate var plain: SymbolicString {
    SymbolicString(
      parts.map { part in
        if case .known(let text, _) = part { return .text(text) }
        return part
      })
  }

  /// True when every unknown part is a parameter without a default or an import: the same
  /// spelling then means the same value at deploy time.
  fileprivate var unknownsAreStable: Bool {
    parts.allSatisfy { part in
      guard case .unknown(let reason) = part else { return true }
      return Resolver.parameterWithoutDefault(from: reason) != nil
        || Resolver.importedExport(from: reason) != nil
    }
  }
}
