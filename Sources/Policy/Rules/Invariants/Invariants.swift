import Semantics
import Template

/// The GeneXOmics invariants: what the architecture promises about its data and logs, checked
/// with the IAM evaluator over every role, user, group and resource policy of a template.
///
/// They are the `genexomics` rule pack (`RulePack`), off unless enabled (`--pack genexomics`):
/// on a stranger's template, a bucket named `acme-raw-events` is no raw bucket anyone promised
/// to protect.
///
/// The rules find their subjects by markers first, heuristics second:
/// - raw bucket: `Metadata: {formation: {role: raw}}` on an `AWS::S3::Bucket`; when no bucket
///   is marked, a bucket whose name (`BucketName`, resolved) has `raw` as a word
///   (`genexomics-raw`, `${AWS::StackName}-raw-data`);
/// - results bucket: `role: results`, or `results` in the name, the same way;
/// - data key: `role: data-key` on an `AWS::KMS::Key`; unmarked, the keys the raw and results
///   buckets encrypt with (`KMSMasterKeyID`, through an alias too);
/// - pipeline roles: Batch roles (see `PolicyIndex.batchRoles()`), DataSync roles (they upload
///   with SSE-KMS, which needs kms:Decrypt for multipart uploads), the roles of Lambda functions
///   that EventBridge rules invoke (the pipeline's event-driven steps: trigger, status, packager),
///   and roles marked `role: pipeline`.
public enum Invariants {
  public static let theme = "genexomics"

  public static var rules: [Rule] {
    [batchCannotDeleteLogs, onlyDataSyncWritesRaw, nothingDeletesRaw, onlyPipelineDecrypts]
  }

  /// The `formation.role` marker of a resource's Metadata, lower-cased.
  static func marker(_ resource: Resource) -> String? {
    resource.metadata?["formation"]?["role"]?.stringValue?.lowercased()
  }

  /// Buckets that play `role`, marked or (when none is marked) named with `role` as a word.
  /// Every invariant rule asks for the raw (and results) buckets, and the name heuristic
  /// resolves every bucket's name; the answer depends only on the template, so it is kept
  /// per template (`BucketRoleMemo`).
  static func buckets(_ role: String, in context: RuleContext) -> [String] {
    context.memo.value(BucketRoleMemo.self).buckets(role) {
      findBuckets(role, in: context)
    }
  }

  private static func findBuckets(_ role: String, in context: RuleContext) -> [String] {
    let buckets = context.resources(ofType: "AWS::S3::Bucket")
    let marked = buckets.filter { marker($0.resource) == role }.map(\.logicalID)
    if !marked.isEmpty { return marked }
    let resolver = context.resolver
    return buckets.filter { bucket in
      marker(bucket.resource) == nil && resolver.physicalName(of: bucket.logicalID).hasWord(role)
    }.map(\.logicalID)
  }

  /// The data keys: marked, else the keys the raw and results buckets encrypt with.
  static func dataKeys(in context: RuleContext) -> [String] {
    let keys = context.resources(ofType: "AWS::KMS::Key")
    let marked = keys.filter { marker($0.resource) == "data-key" }.map(\.logicalID)
    if !marked.isEmpty { return marked }
    let resolver = context.resolver
    var result: [String] = []
    for bucket in buckets("raw", in: context) + buckets("results", in: context) {
      let ids = resolver.property(
        "BucketEncryption.ServerSideEncryptionConfiguration.*.ServerSideEncryptionByDefault.KMSMasterKeyID",
        of: bucket
      ).compactMap { $0.string?.resourceReference?.logicalID }
      for id in ids {
        switch context.resolver.type(of: id) {
        case "AWS::KMS::Key": result.append(id)
        case "AWS::KMS::Alias":
          result += resolver.property("TargetKeyId", of: id).compactMap {
            $0.string?.resourceReference?.logicalID
          }
          .filter { context.resolver.type(of: $0) == "AWS::KMS::Key" }
        default: continue
        }
      }
    }
    var seen: Set<String> = []
    return result.filter { seen.insert($0).inserted }
  }

  /// A raw bucket or data key the rules ask about: a resource of this template, or another
  /// stack's export that the template's policies import.
  struct Subject {
    /// `RawBucket`, or `imported as genexomics-prod-storage-RawBucket-Arn`.
    var label: String
    /// The resource, when it is in this template (its resource policies then count too).
    var logicalID: String?
    /// The ARN asked about: the key, or some object of the bucket.
    var resource: SymbolicString
  }

  /// What the raw-bucket invariants read: the bucket, its policy, and whoever may be granted.
  static let rawBucketAccessTypes = [
    "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::IAM::Role", "AWS::IAM::User",
  ]

  /// The raw buckets' objects: buckets of this template (see `buckets`), and imports whose export
  /// name says raw bucket (`...-RawBucket-Arn`, `...-RawBucket-Name`): a split architecture
  /// keeps the bucket in a storage stack and the roles in others.
  static func rawBucketObjects(in context: RuleContext, index: PolicyIndex) -> [Subject] {
    var subjects: [Subject] = []
    for bucket in buckets("raw", in: context) {
      guard let arn = index.resolver.arn(of: bucket) else { continue }
      subjects.append(
        Subject(
          label: bucket, logicalID: bucket, resource: arn + SymbolicString([.text("/"), .any])))
    }
    for export in importedExports(in: index) {
      let words = Self.words(export)
      guard words.contains("raw"), words.contains("bucket"), let last = words.last else { continue }
      let imported = SymbolicString(symbol: .imported(export))
      let bucket: SymbolicString
      switch last {
      case "arn": bucket = imported
      case "name", "ref":
        bucket =
          SymbolicString([.text("arn:"), .symbol(.pseudo("AWS::Partition")), .text(":s3:::")])
          + imported
      default: continue
      }
      subjects.append(
        Subject(
          label: "imported as \(export)", logicalID: nil,
          resource: bucket + SymbolicString([.text("/"), .any])))
    }
    return subjects
  }

  /// The data keys: keys of this template (see `dataKeys`) and imports whose export name says
  /// data key ARN (`...-DataKey-Arn`).
  static func dataKeySubjects(in context: RuleContext, index: PolicyIndex) -> [Subject] {
    var subjects: [Subject] = dataKeys(in: context).compactMap { key in
      index.resolver.arn(of: key).map { Subject(label: key, logicalID: key, resource: $0) }
    }
    for export in importedExports(in: index) {
      let words = Self.words(export)
      guard words.contains("data"), words.contains("key"), words.last == "arn" else { continue }
      subjects.append(
        Subject(
          label: "imported as \(export)", logicalID: nil,
          resource: SymbolicString(symbol: .imported(export))))
    }
    return subjects
  }

  /// Every export the template's policies name in a Resource, in order of first appearance.
  static func importedExports(in index: PolicyIndex) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    // Sources and statements are read in place, each statement (dozens of references) never
    // copied: two of the invariant rules ask for every policy of the template.
    index.sources.withUnsafeBufferPointer { sources in
      for source in sources.indices {
        sources[source].document.statements.withUnsafeBufferPointer { statements in
          for statement in statements.indices {
            guard let elements = statements[statement].resources?.elements else { continue }
            for element in elements.indices {
              for part in elements[element].content.written.parts {
                guard case .symbol(.imported(let export)) = part, seen.insert(export).inserted
                else { continue }
                result.append(export)
              }
            }
          }
        }
      }
    }
    return result
  }

  /// The lower-cased words of a name: `genexomics-prod-storage-RawBucket-Arn` is genexomics,
  /// prod, storage, raw, bucket, arn.
  static func words(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousIsLower = false
    for character in name {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current.lowercased()) }
        current = ""
        previousIsLower = false
        continue
      }
      if character.isUppercase, previousIsLower, !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
      current.append(character)
      previousIsLower = character.isLowercase || character.isNumber
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }

  /// `Align (JobRoleArn of job definition Align)`-style names of the pipeline's roles.
  static func pipelineRoles(_ index: PolicyIndex) -> Set<String> {
    var roles = Set(index.batchRoles().map(\.role))
    roles.formUnion(index.dataSyncRoles())
    roles.formUnion(index.eventDrivenFunctionRoles().map(\.role))
    for role in index.roles where index.template.resources[role].flatMap(marker) == "pipeline" {
      roles.insert(role)
    }
    return roles
  }
}

extension SymbolicString {
  /// Whether some literal part has `word` delimited by non-alphanumerics (`genexomics-raw` has `raw`).
  func hasWord(_ word: String) -> Bool {
    parts.contains { part in
      switch part {
      case .text(let text), .known(let text, _):
        return Self.hasWord(word, in: text)
      default: return false
      }
    }
  }

  /// Whether `text`, lower-cased and split at every character that is neither a letter nor a
  /// number, has `word` as a piece. ASCII text (every name in practice) is split byte by byte;
  /// other text goes through `Character`'s Unicode properties.
  private static func hasWord(_ word: String, in text: String) -> Bool {
    guard text.utf8.allSatisfy({ $0 < 0x80 }), word.utf8.allSatisfy({ $0 < 0x80 }) else {
      return text.lowercased().split { !$0.isLetter && !$0.isNumber }.contains { $0 == word }
    }
    let target = Array(word.utf8)
    var piece: [UInt8] = []
    func isWord(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A)
    }
    for byte in text.utf8 {
      if isWord(byte) {
        piece.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
      } else {
        if !piece.isEmpty, piece == target { return true }
        piece.removeAll(keepingCapacity: true)
      }
    }
    return !piece.isEmpty && piece == target
  }
}

extension RuleContext {
  /// A finding for each Batch role (`PolicyIndex.batchRoles()`) and each of `actions` its
  /// identity policies may allow: GXO001 asks it of deleting logs, BAT006 of destroying keys.
  func batchRoleViolations(of actions: [String]) -> [Finding] {
    let index = policies
    return index.batchRoles().flatMap { role, reason in
      actions.compactMap { action -> Finding? in
        let decision = index.evaluate(principal: role, action: action)
        guard decision.mayBeAllowed else { return nil }
        return violation(
          "Batch role \(role) (\(reason)) can \(action)", principal: role, decision: decision,
          index: index, action: action)
      }
    }
  }

  /// A finding for an access the invariant forbids: at the statement that grants it, about the
  /// principal, with the evaluator's decision (and its branch) in the message; `unknown` when the
  /// evaluator cannot decide.
  func violation(
    _ message: String, principal: String, decision: Decision, index: PolicyIndex, action: String
  ) -> Finding {
    let statement = decision.allowedBy.first
    let origin = statement?.origin
    var unbranched = decision
    unbranched.assumptions = .always
    var text = message + ": " + unbranched.description
    if let origin, origin.logicalID != principal { text += " in \(origin.logicalID)" }
    if !decision.assumptions.isEmpty { text += " " + decision.assumptions.description }
    var result = finding(
      text, logicalID: principal, at: statement?.location,
      path: origin.map { "Properties.\($0.path)" },
      severity: decision.outcome == .unknown ? .unknown : nil)
    result.scope["action"] = action
    if let statement {
      result.scope["statement"] =
        statement.sid.flatMap { $0.isEmpty ? nil : $0 } ?? String(statement.index + 1)
    }
    return result
  }

  /// The findings of the raw-bucket invariants: every principal but `allowed` that may do one
  /// of `actions` to the raw buckets' objects, through its own policies or through a bucket
  /// policy. `verb` says what the actions do, as in "can delete from the raw bucket".
  func rawBucketViolations(
    _ verb: String, actions: [String], except allowed: Set<String>
  ) -> [Finding] {
    let index = policies
    var findings: [Finding] = []
    for subject in Invariants.rawBucketObjects(in: self, index: index) {
      let bucket = subject.label
      let objects = subject.resource
      let protectedBy = subject.logicalID.map { [$0] } ?? []
      for principal in index.principals where !allowed.contains(principal) {
        for action in actions {
          let decision = index.evaluate(
            principal: principal, action: action, resource: objects, protectedBy: protectedBy)
          guard decision.mayBeAllowed else { continue }
          findings.append(
            violation(
              "\(principal) can \(verb) the raw bucket \(bucket) (\(action))",
              principal: principal, decision: decision, index: index, action: action))
        }
      }
      guard let bucketID = subject.logicalID else { continue }
      for action in actions {
        findings += resourcePolicyViolations(
          { "the bucket policy lets \($0) \(verb) the raw bucket \(bucket) (\(action))" },
          protecting: bucketID, action: action, resource: objects, except: allowed, index: index)
      }
    }
    return findings
  }

  /// Findings for the principals a resource policy names itself (beyond the template's roles):
  /// anyone, services, other accounts' principals, each asked whether the policy lets them do
  /// `action` on `resource`. `except` are role logical ids the invariant allows.
  func resourcePolicyViolations(
    _ message: (String) -> String, protecting target: String, action: String,
    resource: SymbolicString,
    except allowed: Set<String>, index: PolicyIndex
  ) -> [Finding] {
    var findings: [Finding] = []
    let allowedArns = allowed.map { index.arn(of: $0) }
    let canonical = index.resolver.canonical(resource)
    for source in index.resourcePolicies(protecting: target) {
      var asked: Set<PrincipalQuery> = []
      for statement in source.document.statements where statement.effect == .allow {
        for element in statement.principals?.elements ?? [] {
          let entry = element.content
          let query: PrincipalQuery
          switch entry.kind {
          case .everyone: query = .anyone
          case .aws:
            if entry.isWildcard {
              query = .anyone
            } else if entry.isAccount || allowedArns.contains(entry.canonical) {
              continue
            } else if let role = entry.value.resourceReference?.logicalID,
              index.template.resources[role] != nil
            {
              continue  // A role of this template: judged with its identity policies.
            } else {
              query = .aws(entry.canonical)
            }
          case .service: query = .service(entry.canonical.literal ?? entry.canonical.description)
          case .federated: query = .federated(entry.canonical)
          case .canonicalUser: query = entry.isWildcard ? .anyone : .aws(entry.canonical)
          }
          guard asked.insert(query).inserted else { continue }
          let decision = source.document.statements.filter { !$0.namesOnlyAccounts }.evaluate(
            action: action, resource: canonical, principal: query)
          guard decision.mayBeAllowed else { continue }
          var finding = finding(
            message(query == .anyone ? "anyone" : "\(query)") + ": " + decision.description,
            logicalID: source.logicalID,
            at: element.location ?? statement.location, path: "Properties.\(source.path)",
            severity: decision.outcome == .unknown ? .unknown : nil)
          finding.scope["action"] = action
          finding.scope["statement"] =
            statement.sid.flatMap { $0.isEmpty ? nil : $0 } ?? String(statement.index + 1)
          findings.append(finding)
        }
      }
    }
    return findings
  }
}
