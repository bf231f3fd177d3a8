import Template

/// Synthetic but valid templates of N resources, in the shapes real stacks have: KMS keys,
/// encrypted buckets with lifecycle rules, DynamoDB tables, and roles with inline policies,
/// wired with `!Ref`, `!GetAtt` and `!Sub` in short form. Deterministic: the same N gives the
/// same bytes.
enum Generator {
  static func template(resources count: Int) -> Template {
    var template = Template(description: "Synthetic benchmark template with \(count) resources")
    template.parameters["Environment"] = Parameter(
      type: "String", attributes: ["Default": "bench", "AllowedValues": ["bench", "prod"]])
    template.conditions["IsProd"] = .intrinsic(.equals(.ref("Environment"), "prod"))
    var index = 0
    while template.resources.count < count {
      let group = index
      index += 1
      let key = "Key\(group)"
      let bucket = "Bucket\(group)"
      let table = "Table\(group)"
      let role = "Role\(group)"
      template.resources[key] = Resource(
        type: "AWS::KMS::Key",
        properties: [
          "Description": .sub("Key \(group) for ${AWS::StackName}"),
          "EnableKeyRotation": true,
          "KeyPolicy": [
            "Version": "2012-10-17",
            "Statement": [
              [
                "Sid": "Administration", "Effect": "Allow",
                "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
                "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:Put*"],
                "Resource": "*",
              ]
            ],
          ],
        ])
      guard template.resources.count < count else { break }
      var bucketResource = Resource(
        type: "AWS::S3::Bucket",
        properties: [
          "BucketName": .sub("bench-\(group)-${Environment}-${AWS::AccountId}"),
          "BucketEncryption": [
            "ServerSideEncryptionConfiguration": [
              [
                "ServerSideEncryptionByDefault": [
                  "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .getAtt(key, "Arn"),
                ],
                "BucketKeyEnabled": true,
              ]
            ]
          ],
          "VersioningConfiguration": [
            "Status": .intrinsic(.if(condition: "IsProd", then: "Enabled", else: "Suspended"))
          ],
          "LifecycleConfiguration": [
            "Rules": [
              [
                "Id": "Archive", "Status": "Enabled",
                "Transitions": [["StorageClass": "GLACIER", "TransitionInDays": 30]],
              ]
            ]
          ],
          "Tags": [["Key": "Group", "Value": .string("g\(group)")]],
        ])
      bucketResource.deletionPolicy = "Retain"
      bucketResource.updateReplacePolicy = "Retain"
      template.resources[bucket] = bucketResource
      guard template.resources.count < count else { break }
      template.resources[table] = Resource(
        type: "AWS::DynamoDB::Table",
        properties: [
          "BillingMode": "PAY_PER_REQUEST",
          "AttributeDefinitions": [["AttributeName": "Id", "AttributeType": "S"]],
          "KeySchema": [["AttributeName": "Id", "KeyType": "HASH"]],
          "SSESpecification": ["SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": .ref(key)],
          "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true],
        ])
      guard template.resources.count < count else { break }
      template.resources[role] = Resource(
        type: "AWS::IAM::Role",
        properties: [
          "AssumeRolePolicyDocument": [
            "Version": "2012-10-17",
            "Statement": [
              [
                "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"],
                "Action": "sts:AssumeRole",
              ]
            ],
          ],
          "Policies": [
            [
              "PolicyName": "Data",
              "PolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [
                  [
                    "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                    "Resource": .sub("${\(bucket).Arn}/*"),
                  ],
                  [
                    "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                    "Resource": .getAtt(table, "Arn"),
                  ],
                  [
                    "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                    "Resource": .getAtt(key, "Arn"),
                  ],
                ],
              ],
            ]
          ],
        ])
    }
    for entry in template.resources.entries.prefix(3) {
      template.outputs["\(entry.key)Id"] = Output(
        value: .ref(entry.key), exportName: .sub("${AWS::StackName}-\(entry.key)"))
    }
    return template
  }
}
