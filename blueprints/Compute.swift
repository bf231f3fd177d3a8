import Formation

// Placeholder until the compute stack lands: its owner replaces this whole file.
public enum Compute {
  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }
  public static var stack: Stack {
    Stack("compute", description: "GeneXOmics compute (not yet written).") {}
  }
}
