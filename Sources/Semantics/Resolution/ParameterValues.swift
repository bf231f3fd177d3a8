import Template

/// The values a deployment gives the template's parameters (`formation lint --parameters FILE`).
///
/// The resolver reads a parameter's `Default` as the value it most likely has and a parameter
/// without one as unknown; a value given here stands in for the default, so `!Ref AllowedCidr`
/// or `!Sub "arn:aws:s3:::${BucketName}/*"` resolve to what the stack is deployed with and the
/// rules judge it instead of reporting "unknown". Values for parameters the template does not
/// declare are ignored (one file often serves several stacks). SSM parameter types are left
/// alone: their value is the name of a Parameter Store entry, not the value the stack sees.
///
/// The value is located at the parameter's declaration, so findings about it point into the
/// template; that location is also how the resolver tells a given value from a default
/// (`isGiven`: a `Default` written in the template sits elsewhere), and findings then say
/// nothing of a default.
public struct ParameterValues: Sendable, Hashable {
  /// Parameter name → value as CloudFormation receives it (a comma-delimited list is one string).
  public var values: [String: String]

  public init(_ values: [String: String]) { self.values = values }

  /// The template with each given parameter's `Default` set to its value.
  public func applied(to template: Template) -> Template {
    var template = template
    for (name, value) in values {
      guard var parameter = template.parameters[name],
        !(parameter.type ?? "").hasPrefix("AWS::SSM::Parameter::Value")
      else { continue }
      guard let location = parameter.location else { continue }
      parameter.attributes["Default"] = Value(.string(value), at: location)
      template.parameters[name] = parameter
    }
    return template
  }

  /// Whether `parameter`'s default was given by a parameter file rather than written in the template.
  package static func isGiven(_ parameter: Parameter) -> Bool {
    guard let declared = parameter.location else { return false }
    return parameter.defaultValue?.location == declared
  }
}
