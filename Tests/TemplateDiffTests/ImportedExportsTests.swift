import Template
import TemplateDiff
import Testing

/// `formation diff` over a set of stacks warns when a change alters an export another stack of
/// the set imports, which CloudFormation would refuse.
@Suite struct ImportedExportsTests {
  static func jobs(memory: String, export: String) -> String {
    """
    Resources:
      Job:
        Type: AWS::Batch::JobDefinition
        Properties:
          Type: container
          JobDefinitionName: nightly
          ContainerProperties:
            Image: public.ecr.aws/docker/library/busybox:1.36
            ResourceRequirements:
            - Type: MEMORY
              Value: '\(memory)'
    Outputs:
      JobExport:
        Value: \(export)
        Export:
          Name: jobs-Job
    """
  }

  static let importer = """
    Resources:
      Queue:
        Type: AWS::SQS::Queue
        Properties:
          Tags:
          - Key: job
            Value: !ImportValue jobs-Job
    """

  func warnings(old: String, new: String, importer: String? = Self.importer) throws -> [DiffWarning] {
    let differ = Differ()
    let deployed = try Template.parse(old, file: "old/jobs.yaml")
    let proposed = try Template.parse(new, file: "new/jobs.yaml")
    var members = [
      ImportedExports.Member(
        diff: differ.compare(deployed: deployed, proposed: proposed, name: "jobs"),
        deployed: deployed, proposed: proposed)
    ]
    if let importer {
      let template = try Template.parse(importer, file: "queues.yaml")
      members.append(
        ImportedExports.Member(
          diff: differ.compare(deployed: template, proposed: template, name: "queues"),
          deployed: template, proposed: template))
    }
    return ImportedExports.warn(members).flatMap(\.warnings)
  }

  @Test func aNewRevisionOfAnImportedJobDefinitionIsRefused() throws {
    let found = try warnings(
      old: Self.jobs(memory: "512", export: "!Ref Job"),
      new: Self.jobs(memory: "1024", export: "!Ref Job"))
    #expect(
      found == [
        DiffWarning(
          kind: .importedExportChanges, logicalID: "JobExport", type: "Output",
          message:
            "export jobs-Job changes (Job is updated, which renews its revision, part of its Ref) while queues imports it: CloudFormation refuses the update; export a value that stays the same, or move the importers off it first"
        )
      ])
  }

  @Test func anEditedExportValueIsRefused() throws {
    let found = try warnings(
      old: Self.jobs(memory: "512", export: "nightly"),
      new: Self.jobs(memory: "512", export: "nightly-2"))
    #expect(found.map { String($0.message.prefix(45)) } == ["export jobs-Job changes (its value is edited)"])
  }

  @Test func aRevisionlessExportOrNoImporterIsFine() throws {
    let stable = "!Sub arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:job-definition/nightly"
    #expect(
      try warnings(
        old: Self.jobs(memory: "512", export: stable),
        new: Self.jobs(memory: "1024", export: stable)) == [])
    #expect(
      try warnings(
        old: Self.jobs(memory: "512", export: "!Ref Job"),
        new: Self.jobs(memory: "1024", export: "!Ref Job"), importer: nil) == [])
  }
}
