import Foundation
import Testing

@testable import Template

/// `expandingLanguageExtensions`: what AWS::LanguageExtensions makes of a template, as the
/// checks read it; reading and writing keep the loops as written.
@Suite struct LanguageExtensionsTests {
  static func nested() throws -> Template {
    let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return try Template.read(
      contentsOf: root.appendingPathComponent("good/foreach-nested.yaml").path
    ).template
  }

  /// Nested loops over a parameter's default and a literal list; `&{}` drops the characters
  /// that are not letters or digits, `${}` keeps them.
  @Test func nestedLoopsGenerateEveryCombination() throws {
    let expanded = try Self.nested().expandingLanguageExtensions()
    #expect(
      expanded.resources.keys == [
        "Queueordersv1dev", "Queueinvoicesv2dev", "Queueordersv1prod", "Queueinvoicesv2prod",
        "Fn::ForEach::Unknown",
      ])
    #expect(expanded.conditions.keys == ["Isdev", "Isprod"])
    #expect(expanded.outputs.keys == ["Urldev"])
  }

  /// Generated entries keep the locations of the loop body they come from.
  @Test func generatedResourcesKeepTheLocationsOfTheBody() throws {
    let queue = try #require(try Self.nested().expandingLanguageExtensions().resources["Queueinvoicesv2prod"])
    #expect(queue.location?.line == 27)
    #expect(queue.location?.column == 11)
    #expect(queue.typeLocation?.line == 28)
    #expect(queue.condition?.value == "Isprod")
    #expect(queue.properties["QueueName"]?.stringValue == "prod-invoices.v2")
    #expect(queue.properties["QueueName"]?.location?.line == 32)
  }

  /// `Fn::Length`, `Fn::ToJsonString` and `Fn::FindInMap` with a `DefaultValue` are computed.
  @Test func functionsOfTheTransformAreComputed() throws {
    let expanded = try Self.nested().expandingLanguageExtensions()
    let dev = try #require(expanded.resources["Queueordersv1dev"])
    #expect(dev.properties["DelaySeconds"] == Value(.number(Number(3))))
    let tags = try #require(dev.properties["Tags"]?.listValue)
    #expect(tags[0]["Value"] == "128")
    #expect(tags[1]["Value"] == #"{"env":"dev","n":[1,2]}"#)
    let prod = try #require(expanded.resources["Queueordersv1prod"])
    #expect(prod.properties["Tags"]?.listValue?[0]["Value"] == "256")
    #expect(prod.deletionPolicy == .ref("Policy"))
  }

  /// `!Ref Identifier` is the loop's value; a `Ref`/`Fn::GetAtt` whose name the loop spells out
  /// becomes the reference.
  @Test func referencesSpelledByTheLoopBecomeReferences() throws {
    let expanded = try Self.nested().expandingLanguageExtensions()
    let url = try #require(expanded.outputs["Urldev"])
    #expect(url.value == .getAtt("Queueordersv1dev", "QueueUrl"))
    #expect(url.exportName == .sub("${AWS::StackName}-dev"))
    #expect(
      expanded.conditions["Isprod"]?.intrinsicValue == .equals(.ref("AWS::StackName"), "prod"))
  }

  @Test func notesSayWhatWasAssumedAndWhatIsUnknown() throws {
    let notes = try Self.nested().expandingLanguageExtensions().expansionNotes
    #expect(notes.map(\.kind) == [.parameterDefault, .parameterDefault, .unknownCollection])
    #expect(notes.map(\.loop) == ["Fn::ForEach::Envs", "Fn::ForEach::Outer", "Fn::ForEach::Unknown"])
    #expect(notes.map(\.parameter) == ["Environments", "Environments", "Buckets"])
    #expect(notes.map(\.location.line) == [18, 23, 41])
    #expect(
      notes[1].message
        == "Fn::ForEach::Outer loops over parameter Environments, expanded with its Default (dev, prod); a deployment may pass other values"
    )
    #expect(
      notes[2].message
        == "Fn::ForEach::Unknown loops over parameter Buckets, which has no Default; what it generates is known only at deployment and is not checked"
    )
  }

  /// Reading and writing never expand: `convert` writes the loops back as written.
  @Test func writingKeepsTheLoops() throws {
    let template = try Self.nested()
    #expect(template.resources.keys == ["Fn::ForEach::Outer", "Fn::ForEach::Unknown"])
    let yaml = template.yaml()
    #expect(yaml.contains("Fn::ForEach::Inner:"))
    #expect(yaml.contains("Queue&{Topic}${Env}:"))
    #expect(try Template.parse(yaml) == template)
  }

  @Test func templatesWithoutTheTransformAreUnchanged() throws {
    let template = try Template.parse(
      """
      Resources:
        Fn::ForEach::Topics:
          - Name
          - [a, b]
          - Topic${Name}:
              Type: AWS::SNS::Topic
      """)
    #expect(template.expandingLanguageExtensions() == template)
    #expect(template.expandingLanguageExtensions().resources.keys == ["Fn::ForEach::Topics"])
  }
}
