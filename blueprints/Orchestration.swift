import Formation

// Placeholder until the orchestration stack lands: its owner replaces this whole file.
public enum Orchestration {
  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }
  public static var stack: Stack {
    Stack("orchestration", description: "GeneXOmics orchestration (not yet written).") {}
  }
}
