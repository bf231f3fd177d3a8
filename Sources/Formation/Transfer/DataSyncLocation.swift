/// Marks the ARN of any DataSync location (S3, NFS, SMB), which a task takes as its source or
/// destination; a bucket's or a role's ARN there does not compile.
public enum DataSyncLocation {}
