import Formation
import FormationCLI

/// A small image-upload service: uploads land in an encrypted bucket, a queue hears of them, and
/// a Glue job (a type the DSL does not model) makes thumbnails nightly with its own role.
let environment = StackParameter(
  "Stage", description: "Deployment stage; part of every physical name and export name.",
  default: "dev", allowedPattern: "^[a-z][a-z0-9-]{1,11}$",
  constraintDescription: "2 to 12 lowercase letters, digits and hyphens")

/// Declarations that name each other live in a namespace of `static let`s: `Later { ... }`
/// reads one when the stack renders, so the bucket's policy can name the role that the role's
/// own policy gives access to the bucket.
enum Uploads {
  static let key = KMSKey("UploadsKey", description: "Encrypts uploads and their notifications")

  static let bucket: Bucket = Bucket(
    "UploadsBucket", encryption: .kms(key.arn), versioning: true, eventBridge: true,
    policy: [
      Grant(
        .deny, sid: "OnlyTheThumbnailerWritesThumbnails", [.anyone], ["s3:PutObject"],
        on: [Later { Uploads.bucket }.objects(under: "thumbnails/")],
        when: [.arnNotEquals("aws:PrincipalArn", Later { Uploads.thumbnailer }.arn)])
    ])

  static let thumbnailer: Role = Role(
    "ThumbnailerRole", name: "thumbnailer", description: "The nightly Glue job",
    trust: [.assume(by: .service("glue.amazonaws.com"))],
    policies: [
      InlinePolicy(
        "WriteJobLogs",
        [
          .allow(
            ["logs:CreateLogStream", "logs:PutLogEvents"],
            on: [ARN.logGroup(named: "/aws-glue/jobs/*")]),
        ])
    ])

  static let notifications = Queue(
    "UploadNotifications", name: "upload-notifications", key: key.arn)

  static let nightly = RawResource(
    "NightlyThumbnails", type: "AWS::Glue::Trigger",
    properties: [
      "Type": "SCHEDULED", "Schedule": "cron(0 2 * * ? *)", "StartOnCreation": true,
      "Actions": [["JobName": "thumbnails"]],
    ])
}

let application = Application(
  name: "uploads", environment: environment,
  tags: [Tag("Project", "Uploads")],
  stacks: [
    Stack("keys", description: "The uploads key") { Uploads.key },
    Stack("uploads", description: "The uploads bucket, its queue and the nightly job") {
      // An S3 setting the Bucket family does not expose, set through the escape hatch.
      Uploads.bucket.overriding("AccelerateConfiguration.AccelerationStatus", with: "Enabled")
      Uploads.thumbnailer
      // Grants in the stack body, where the bucket and the role both exist.
      Uploads.bucket.grant(.read, to: Uploads.thumbnailer, under: "uploads/")
      Uploads.bucket.grant(.write, to: Uploads.thumbnailer, under: "thumbnails/")
      Uploads.notifications
      Uploads.nightly
    },
  ])

RenderCommand.main(rendering: application)
