import AWSClient
import Template

/// The deployed side of a live stack: `DescribeStacks` to check it exists (and is not
/// gone), then `GetTemplate` for the template as submitted.
public enum LiveStack {
  public static func template(named name: String, client: CloudFormationClient) throws(AWSError)
    -> Template
  {
    let stack = try client.describeStack(name)
    if stack.status == "DELETE_COMPLETE" {
      throw AWSError(.stackNotFound, "stack \(name) was deleted (DELETE_COMPLETE)")
    }
    let body = try client.template(ofStack: name)
    do {
      return try Template.parse(body, file: "stack:\(name)")
    } catch {
      throw AWSError(
        .serviceError, "the template of stack \(name) cannot be read: \(error.description)")
    }
  }
}
