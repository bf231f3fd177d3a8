import Formation
import FormationCLI

/// A small image-upload service: uploads land in an encrypted bucket, a queue hears of them, and
/// a Glue job (a type the DSL does not model) processes them nightly.
let environment = StackParameter(
  "Stage", description: "Deployment stage; part of every physical name and export name.",
  default: "dev", allowedPattern: "^[a-z][a-z0-9-]{1,11}$",
  constraintDescription: "2 to 12 lowercase letters, digits and hyphens")

let key = KMSKey("UploadsKey", description: "Encrypts uploads and their notifications")

let uploads = Bucket(
  "UploadsBucket", encryption: .kms(key.arn), versioning: true, eventBridge: true
)
// An S3 setting the Bucket family does not expose, set through the escape hatch.
.overriding("AccelerateConfiguration.AccelerationStatus", with: "Enabled")

let notifications = Queue("UploadNotifications", name: "upload-notifications", key: key.arn)

let nightly = RawResource(
  "NightlyThumbnails", type: "AWS::Glue::Trigger",
  properties: [
    "Type": "SCHEDULED", "Schedule": "cron(0 2 * * ? *)", "StartOnCreation": true,
    "Actions": [["JobName": "thumbnails"]],
  ])

let application = Application(
  name: "uploads", environment: environment,
  tags: [Tag("Project", "Uploads")],
  stacks: [
    Stack("keys", description: "The uploads key") { key },
    Stack("uploads", description: "The uploads bucket, its queue and the nightly job") {
      uploads
      notifications
      nightly
    },
  ])

RenderCommand.main(rendering: application)
