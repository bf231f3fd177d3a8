import Testing

@testable import Template

/// A template's sections live behind one shared reference: copies must still behave as
/// independent values, and reading part of a resource in place must read what a copy reads.
@Suite struct TemplateStorageTests {
  static func template() throws -> Template {
    try Template.parse(
      Array(
        """
        Parameters:
          Env:
            Type: String
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: logs
          Queue:
            Type: AWS::SQS::Queue
        Outputs:
          Name:
            Value: !Ref Bucket
        """.utf8), file: "storage.yaml"
    ).template
  }

  @Test func changingACopyLeavesTheOriginal() throws {
    let original = try Self.template()
    var copy = original
    #expect(copy == original)
    copy.resources["Topic"] = Resource(type: "AWS::SNS::Topic")
    copy.resources["Bucket"]?.properties["BucketName"] = Value(.string("archive"))
    copy.description = "changed"
    copy.sectionLocations["Resources"] = nil
    #expect(original.resources.keys == ["Bucket", "Queue"])
    #expect(original.resources["Bucket"]?.properties["BucketName"]?.stringValue == "logs")
    #expect(original.description == nil)
    #expect(original.sectionLocations["Resources"] != nil)
    #expect(copy.resources.keys == ["Bucket", "Queue", "Topic"])
    #expect(copy.resources["Bucket"]?.properties["BucketName"]?.stringValue == "archive")
    #expect(copy != original)
  }

  @Test func changesInPlaceAccumulate() throws {
    var template = try Self.template()
    for index in 0..<100 {
      template.resources["Queue\(index)"] = Resource(type: "AWS::SQS::Queue")
    }
    template.parameters["Env"]?.attributes["Default"] = Value(.string("prod"))
    #expect(template.resources.count == 102)
    #expect(template.parameters["Env"]?.defaultValue?.stringValue == "prod")
    #expect(template.file == "storage.yaml")
  }

  @Test func readingPartOfAnElementInPlace() throws {
    let template = try Self.template()
    #expect(
      template.resources.reading("Bucket") { $0.properties["BucketName"]?.stringValue }
        == "logs")
    #expect(template.resources.reading("Queue", \.type) == "AWS::SQS::Queue")
    #expect(template.resources.reading("Missing", \.type) == nil)
  }
}
