import Formation

// Placeholder until the network stack lands: its owner replaces this whole file.
public enum Network {
  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }
  public static var stack: Stack {
    Stack("network", description: "GeneXOmics network (not yet written).") {}
  }
}
