import Formation

/// The run-status table: one item per sequencing run, written by the trigger and status
/// functions (`Arrived`, `Started`, `Processing`, `Complete`, `Failed`), and one item
/// (`#datasync`) counting DataSync executions failed in a row.
public enum Data {
  /// The statuses a run goes through, in order; the functions write exactly these strings.
  public static let statuses = ["Arrived", "Started", "Processing", "Complete", "Failed"]

  /// Keyed by the run id (the sequencer's run folder name), so a retried trigger finds the
  /// run it already started. On-demand billing: a few writes per run, no capacity to plan.
  public static let runStatusTable = Table(
    "RunStatusTable", name: "run-status", partitionKey: .string("RunId"),
    encryptionKey: Keys.dataKey.arn)

  public static var stack: Stack {
    Stack(
      "data",
      description: "GeneXOmics run status: the DynamoDB table that tracks every sequencing run."
    ) {
      runStatusTable
    }
  }
}
