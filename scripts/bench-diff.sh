#!/usr/bin/env bash
# Benchmark of `formation diff` on two 5,000-resource templates, one property changed in 1%
# of the resources (50), against reading the same two files alone.
#
# Prints wall time, CPU time (user + system, steadier than wall time on a shared machine) and
# peak memory (GNU time's maximum resident set size) for:
#   read   formation diff --benchmark-read-only A B   (reads and decodes both files, nothing else)
#   diff   formation diff --no-findings A B           (read + compare + replacement + security)
#   full   formation diff A B                         (also the policy checker on both sides)
# each the median of RUNS runs (default 5), and the ratios to reading.
# Environment: FORMATION_BIN (a release `formation`), RESOURCES (5000), RUNS (5).
set -euo pipefail
cd "$(dirname "$0")/.."
RESOURCES=${RESOURCES:-5000}
RUNS=${RUNS:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [[ -n "${FORMATION_BIN:-}" ]]; then
  FORMATION=$FORMATION_BIN
else
  swift build -c release --product formation >/dev/null
  FORMATION="$(swift build -c release --show-bin-path)/formation"
fi
[[ -x /usr/bin/time ]] || { echo "bench-diff: /usr/bin/time is missing (apt-get install time)"; exit 2; }

python3 - "$RESOURCES" "$WORK/deployed.yaml" "$WORK/proposed.yaml" <<'PY'
import sys
count, deployed_path, proposed_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def resource(i, changed):
    kind = i % 5
    if kind == 0:
        days = 60 if changed else 30
        return f"""  Bucket{i}:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketName: !Sub genexomics-{i}-${{AWS::AccountId}}
      VersioningConfiguration: {{Status: Enabled}}
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: {{SSEAlgorithm: "aws:kms", KMSMasterKeyID: !Ref Key}}
      LifecycleConfiguration:
        Rules:
          - Id: archive
            Status: Enabled
            Transitions:
              - {{StorageClass: GLACIER, TransitionInDays: {days}}}
      Tags:
        - {{Key: Project, Value: GeneXOmics}}
        - {{Key: Index, Value: "{i}"}}
"""
    if kind == 1:
        action = "[s3:GetObject, s3:ListBucket, s3:PutObject]" if changed else "[s3:GetObject, s3:ListBucket]"
        return f"""  Role{i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {{Service: batch.amazonaws.com}}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: Read
                Effect: Allow
                Action: {action}
                Resource: [!GetAtt Bucket{i - 1}.Arn, !Sub "${{Bucket{i - 1}.Arn}}/*"]
"""
    if kind == 2:
        return f"""  Queue{i}:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: {120 if changed else 60}
      MessageRetentionPeriod: 345600
      KmsMasterKeyId: !Ref Key
      RedrivePolicy: {{deadLetterTargetArn: !GetAtt Dead.Arn, maxReceiveCount: 5}}
"""
    if kind == 3:
        return f"""  Logs{i}:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      LogGroupName: !Sub /genexomics/{i}
      RetentionInDays: {90 if changed else 30}
      KmsKeyId: !GetAtt Key.Arn
"""
    return f"""  Group{i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: workers {i}
      VpcId: vpc-0123456789abcdef0
      SecurityGroupIngress:
        - {{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: {"10.1.0.0/16" if changed else "10.0.0.0/16"}}}
      SecurityGroupEgress:
        - {{IpProtocol: "-1", CidrIp: 10.0.0.0/16}}
"""

header = """AWSTemplateFormatVersion: "2010-09-09"
Description: benchmark
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties: {EnableKeyRotation: true}
  Dead:
    Type: AWS::SQS::Queue
"""
with open(deployed_path, "w") as deployed, open(proposed_path, "w") as proposed:
    deployed.write(header)
    proposed.write(header)
    for i in range(count - 2):
        deployed.write(resource(i, False))
        proposed.write(resource(i, i % 100 == 37))
PY

measure() {
  local label=$1; shift
  local times=() memories=() cpus=()
  for _ in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$FORMATION" "$@" >/dev/null 2>&1 || true
    # GNU time puts "Command exited with non-zero status 1" first when diff exits 1.
    read -r seconds kilobytes user system < <(tail -n 1 "$WORK/time")
    times+=("$seconds")
    memories+=("$kilobytes")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN{printf "%.2f", u+s}')")
  done
  local t m c
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  m=$(printf '%s\n' "${memories[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  c=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  echo "$label $t $m $c"
}

size=$(($(stat -c %s "$WORK/deployed.yaml") + $(stat -c %s "$WORK/proposed.yaml")))
"$FORMATION" diff --no-findings --format json "$WORK/deployed.yaml" "$WORK/proposed.yaml" >"$WORK/summary.json" || true
changes=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["modifiedResources"])' "$WORK/summary.json")
result=$(measure read diff --benchmark-read-only "$WORK/deployed.yaml" "$WORK/proposed.yaml")
read -r _ read_t read_m read_c <<<"$result"
result=$(measure diff diff --no-findings "$WORK/deployed.yaml" "$WORK/proposed.yaml")
read -r _ diff_t diff_m diff_c <<<"$result"
result=$(measure full diff "$WORK/deployed.yaml" "$WORK/proposed.yaml")
read -r _ full_t full_m full_c <<<"$result"

echo "formation diff benchmark: 2 templates x $RESOURCES resources ($((size / 1024)) KiB in all), $changes resources changed, median of $RUNS runs"
printf '%-42s %9s %9s %15s %12s %11s\n' "run" "wall (s)" "CPU (s)" "peak RSS (MiB)" "wall/read" "CPU/read"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2fx", a/b; else print "-" }'; }
row() {
  printf '%-42s %9s %9s %15s %12s %11s\n' "$1" "$2" "$4" "$(awk -v k="$3" 'BEGIN{printf "%.1f", k/1024}')" \
    "$(ratio "$2" "$read_t")" "$(ratio "$4" "$read_c")"
}
row "read both files (--benchmark-read-only)" "$read_t" "$read_m" "$read_c"
row "diff (--no-findings)" "$diff_t" "$diff_m" "$diff_c"
row "diff with policy findings (default)" "$full_t" "$full_m" "$full_c"
