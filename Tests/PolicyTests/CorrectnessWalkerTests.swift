import Semantics
import Testing

@testable import Policy
@testable import Template
import Schemas

/// The value walker, the template index and the dependency graph, on templates built in code.
@Suite struct CorrectnessWalkerTests {
  /// A value nested 5,000 levels deep (lists and maps alternating) is walked without recursion.
  @Test func walksDeepValuesIteratively() {
    var value = Value.ref("Deepest")
    for level in 0..<5_000 {
      value = level.isMultiple(of: 2) ? .list([value]) : .map(["k": value])
    }
    var deepest: [ValuePath] = []
    ValueWalker.walkIntrinsics(
      value, in: WalkScope(section: .resources, logicalID: "R", basePath: ValuePath("Properties"))
    ) { _, visit in
      deepest.append(visit.path)
    }
    #expect(deepest.count == 1)
    #expect(deepest.first?.components.count == 5_001)
    #expect(deepest.first?.description.hasPrefix("Properties.k[0].k[0]") == true)
  }

  @Test func pathsNameKeysPositionsAndArguments() {
    let properties: OrderedMap<Value> = [
      "Tags": [["Key": "a", "Value": .intrinsic(.if(condition: "C", then: .ref("X"), else: "b"))]]
    ]
    var resource = Resource(type: "AWS::S3::Bucket", properties: properties)
    resource.metadata = ["Note": .sub("${Y}")]
    resource.deletionPolicy = .ref("Policy")
    var paths: [String] = []
    ValueWalker.walkIntrinsics(Template(resources: ["Bucket": resource])) { function, visit in
      paths.append("\(function.name) \(visit.scope.logicalID ?? "") \(visit.path)")
    }
    #expect(
      paths == [
        "Fn::If Bucket Properties.Tags[0].Value", "Ref Bucket Properties.Tags[0].Value.Fn::If[0]",
        "Fn::Sub Bucket Metadata.Note", "Ref Bucket DeletionPolicy",
      ])
  }

  @Test func forEachBodiesAreMarked() {
    let value: Value = [
      "Fn::ForEach::Items": ["Id", ["a"], ["${Id}": .ref("Id")]], "Plain": .ref("P"),
    ]
    var marks: [String: Bool] = [:]
    ValueWalker.walkIntrinsics(value, in: WalkScope(section: .resources, logicalID: "R")) {
      function, visit in
      if case .ref(let name) = function { marks[name] = visit.isInForEach }
    }
    #expect(marks == ["Id": true, "P": false])
  }

  @Test func indexKnowsNamesAndTransforms() {
    var template = Template(
      parameters: ["Env": Parameter(type: "String")],
      transform: "AWS::Serverless-2016-10-31",
      resources: [
        "Handler": Resource(type: "AWS::Serverless::Function"),
        "Queue": Resource(type: "AWS::SQS::Queue"),
      ])
    let index = TemplateIndex(template)
    #expect(
      index.isReferenceable("Env") && index.isReferenceable("Queue")
        && index.isReferenceable("AWS::NoValue"))
    #expect(!index.isReferenceable("AWS::Regoin"))
    #expect(index.isServerless && !index.hasLanguageExtensions && !index.hasMacroTransform)
    #expect(index.isGeneratedByTransform("HandlerRole"))
    #expect(index.isGeneratedByTransform("ServerlessRestApiProdStage"))
    #expect(!index.isGeneratedByTransform("Handler"))
    #expect(!index.isGeneratedByTransform("QueueRole"))
    #expect(index.undefinedNameSeverity == .warning)
    template.transform = nil
    #expect(TemplateIndex(template).undefinedNameSeverity == .error)
    template.transform = ["AWS::LanguageExtensions", "MyMacro"]
    #expect(TemplateIndex(template).hasMacroTransform)
  }

  @Test func forEachLoopsOverLiteralListsAreExpanded() {
    let loop: Value = [
      "Feed", ["orders", "invoices-eu", 7], ["Topic&{Feed}": "x", "${Feed}Queue": "y"],
    ]
    #expect(
      TemplateIndex.expandedKeys(of: loop) == [
        "Topicorders", "Topicinvoiceseu", "Topic7", "ordersQueue", "invoices-euQueue", "7Queue",
      ])
    #expect(TemplateIndex.expandedKeys(of: ["Feed", .ref("Feeds"), ["Topic${Feed}": "x"]]) == nil)
    #expect(
      TemplateIndex.expandedKeys(of: ["Feed", ["a"], ["Fn::ForEach::Inner": ["B", ["b"], [:]]]])
        == nil)
  }

  /// Every resource type cfn-lint knows (all regions, shipped as a fixture) is well formed.
  @Test func everyKnownResourceTypeIsWellFormed() throws {
    let text = try String(
      contentsOf: CorrectnessFixtures.directory().appendingPathComponent("resource-types.txt"),
      encoding: .utf8)
    let types = text.split(separator: "\n").map(String.init)
    #expect(types.count > 1_500)
    #expect(types.filter { ResourceTypeName.problem(with: $0) != nil } == [])
  }

  @Test(arguments: [
    "AWS::S3:Bucket", "AWS::S3::Bucket ", "Aws::S3::Bucket", "AWS::KMS", "AWS::s3::Bucket",
    "Custom::",
    "Custom::A.B", "Custom::A::B", "AWS::S3::Bucket::Extra", "", "S3::Bucket",
  ])
  func malformedTypeNames(_ type: String) {
    #expect(ResourceTypeName.problem(with: type) != nil)
  }

  @Test(arguments: [
    "AWS::S3::Bucket", "AWS::Serverless::Function", "Alexa::ASK::Skill", "Custom::Seed-Data_v2@x",
    "MyOrg::Net::Vpc::MODULE", "AWS::S3Express::DirectoryBucket",
  ])
  func wellFormedTypeNames(_ type: String) {
    #expect(ResourceTypeName.problem(with: type) == nil)
  }

  /// A chain of 10,000 resources closed into one loop: found once, without deep recursion.
  @Test func longCycleIsFoundIteratively() {
    var resources = OrderedMap<Resource>()
    let count = 10_000
    for i in 0..<count {
      resources["R\(i)"] = Resource(
        type: "AWS::SNS::Topic", properties: ["Next": .ref("R\((i + 1) % count)")])
    }
    let cycles = CorrectnessFacts(Template(resources: resources)).graph.cycles()
    #expect(cycles.count == 1)
    #expect(cycles.first?.path.count == count + 1)
    #expect(cycles.first?.path.first == 0 && cycles.first?.path.last == 0)
  }

  @Test func cycleIsReportedOnceAtTheFirstResource() {
    let template = Template(resources: [
      "A": Resource(type: "AWS::SNS::Topic"),
      "B": Resource(type: "AWS::SNS::Topic", properties: ["X": .getAtt("C", "Arn")]),
      "C": Resource(type: "AWS::SNS::Topic", properties: ["X": .sub("${D}")]),
      "D": Resource(type: "AWS::SNS::Topic", dependsOn: ["B"]),
    ])
    let findings = Engine(rules: [.dependencyCycle]).check(template)
    #expect(findings.map(\.logicalID) == ["B"])
    #expect(findings.map(\.message) == ["dependency cycle: B -> C -> D -> B"])
  }

  /// The facts are computed once per check and shared by its rules, and a changed template
  /// (even one changed in place after a check) is never served the facts of its former self.
  @Test func factsFollowTheTemplateValue() {
    var template = Template(resources: [
      "Topic": Resource(type: "AWS::SNS::Topic", properties: ["A": .ref("Topic2")])
    ])
    let engine = Engine(rules: [.undefinedRef])
    #expect(
      engine.check(template).map(\.message) == [
        "Ref to 'Topic2', which is not a parameter, resource or pseudo parameter; did you mean 'Topic'?"
      ])
    let memo = TemplateMemo(template)
    #expect(memo.value(CorrectnessFacts.self) === memo.value(CorrectnessFacts.self))
    template.resources["Topic2"] = Resource(type: "AWS::SNS::Topic")
    #expect(engine.check(template) == [])
    template.resources["Topic"]?.properties["B"] = .ref("Nothing")
    #expect(
      engine.check(template).map(\.message) == [
        "Ref to 'Nothing', which is not a parameter, resource or pseudo parameter"
      ])
    #expect(
      TemplateMemo(template).value(CorrectnessFacts.self) !== memo.value(CorrectnessFacts.self))
  }

  @Test func suggestionsPickTheClosestName() {
    #expect(
      Suggestion.closest(to: "BucketNme", in: ["Bucket", "BucketName", "Topic"]) == "BucketName")
    #expect(Suggestion.closest(to: "Resource", in: Template.sectionOrder) == "Resources")
    #expect(Suggestion.closest(to: "Zzz", in: ["Bucket"]) == nil)
  }
}
