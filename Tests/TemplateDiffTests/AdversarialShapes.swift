/// Templates of the shapes that made checkers slow, at any size: each is a JSON document whose
/// work grows with `n`. The same shapes as `scripts/adversarial-shapes.py`, which writes them to
/// files for timing the release binary.
enum AdversarialShape: String, CaseIterable, Sendable {
  case deepConditions, wideJoin, wideSubIf, longWildcard, manyStatements, manySubVariables
  case unbalancedSub, longDependsOn, bigCycle, longFlowLine

  /// The template of this shape at size `n`.
  func template(_ n: Int) -> String {
    switch self {
    case .deepConditions:
      let conditions =
        [#""C0": {"Fn::Equals": [{"Ref": "Flag"}, "yes"]}"#]
        + (1..<n).map { #""C\#($0)": {"Fn::Not": [{"Condition": "C\#($0 - 1)"}]}"# }
      return document(
        parameters: flag, conditions: conditions.joined(separator: ",\n"),
        resources: bucket("Data", #""BucketName": {"Fn::If": ["C\#(n - 1)", "a", "b"]}"#))
    case .wideJoin:
      let pieces = Array(repeating: #"{"Fn::If": ["On", "a", "b"]}"#, count: n)
      return document(
        parameters: flag, conditions: on,
        resources: bucket("Data") + ",\n"
          + policy([statement(#"{"Fn::Join": ["", ["arn:aws:s3:::", \#(pieces.joined(separator: ", "))]]}"#)]))
    case .wideSubIf:
      let names = (0..<n).map { "${V\($0)}" }.joined()
      let variables = (0..<n).map { #""V\#($0)": {"Fn::If": ["On", "a", "b"]}"# }
      return document(
        parameters: flag, conditions: on,
        resources: bucket("Data") + ",\n"
          + policy([
            statement(#"{"Fn::Sub": ["arn:aws:s3:::\#(names)", {\#(variables.joined(separator: ", "))}]}"#)
          ]))
    case .longWildcard:
      let name = "raw-" + String(repeating: "a", count: 2 * n)
      let pattern = "arn:aws:s3:::raw-" + String(repeating: "*a", count: n) + "b/*"
      return document(
        resources: bucket("Data", #""BucketName": "\#(name)""#) + ",\n"
          + policy([statement(#""\#(pattern)""#)]))
    case .manyStatements:
      return document(
        resources: bucket("Data") + ",\n"
          + policy((0..<n).map { statement(#""arn:aws:s3:::data-\#($0)/*""#, action: "s3:Get*") }))
    case .manySubVariables:
      let names = (0..<n).map { "${V\($0)}" }.joined()
      let variables = (0..<n).map { #""V\#($0)": "x""# }.joined(separator: ", ")
      return document(
        resources: bucket("Data", #""BucketName": {"Fn::Sub": ["\#(names)", {\#(variables)}]}"#))
    case .unbalancedSub:
      return document(
        resources: bucket(
          "Data", #""BucketName": {"Fn::Sub": "\#(String(repeating: "${", count: n))"}"#))
    case .longDependsOn:
      let topics = (0..<n).map { #""R\#($0)": {"Type": "AWS::SNS::Topic"}"# }
      let list = (0..<n).map { #""R\#($0)""# }.joined(separator: ", ")
      return document(
        resources: (topics + [#""Last": {"Type": "AWS::SNS::Topic", "DependsOn": [\#(list)]}"#])
          .joined(separator: ",\n"))
    case .bigCycle:
      return document(
        resources: (0..<n).map {
          #""R\#($0)": {"Type": "AWS::SNS::Topic", "DependsOn": "R\#(($0 + 1) % n)"}"#
        }.joined(separator: ",\n"))
    case .longFlowLine:
      // YAML: one line holding a flow list of names beyond ASCII, every one of them located
      // (a column counts characters, not bytes).
      let names = (0..<n).map { "\u{E9}t\u{E9}\($0)" }.joined(separator: ", ")
      return "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Names: [\(names)]\n"
    }
  }

  private var flag: String { #""Flag": {"Type": "String", "Default": "yes"}"# }
  private var on: String { #""On": {"Fn::Equals": [{"Ref": "Flag"}, "yes"]}"# }

  private func document(parameters: String = "", conditions: String = "", resources: String)
    -> String
  {
    var sections = [#""AWSTemplateFormatVersion": "2010-09-09""#]
    if !parameters.isEmpty { sections.append(#""Parameters": {\#(parameters)}"#) }
    if !conditions.isEmpty { sections.append("\"Conditions\": {\n\(conditions)}") }
    sections.append("\"Resources\": {\n\(resources)}")
    return "{\n" + sections.joined(separator: ",\n") + "\n}\n"
  }

  private func bucket(_ name: String, _ properties: String? = nil) -> String {
    guard let properties else { return #""\#(name)": {"Type": "AWS::S3::Bucket"}"# }
    return #""\#(name)": {"Type": "AWS::S3::Bucket", "Properties": {\#(properties)}}"#
  }

  private func policy(_ statements: [String]) -> String {
    #""Policy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Data"}, "PolicyDocument": {"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ",\n"))]}}}"#
  }

  private func statement(_ resource: String, action: String = "s3:GetObject") -> String {
    #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "\#(action)", "Resource": \#(resource)}"#
  }
}
