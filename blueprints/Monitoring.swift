import Formation

// Placeholder until the monitoring stack lands: its owner replaces this whole file.
public enum Monitoring {
  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }
  public static var stack: Stack {
    Stack("monitoring", description: "GeneXOmics monitoring (not yet written).") {}
  }
}
