import Formation

// Placeholder until the ingestion stack lands: its owner replaces this whole file.
public enum Ingestion {
  public static var dataKeyUsers: [Role] { [] }
  public static var messagingKeyUsers: [Role] { [] }
  public static var stack: Stack {
    Stack("ingestion", description: "GeneXOmics ingestion (not yet written).") {}
  }
}
