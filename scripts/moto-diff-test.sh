#!/usr/bin/env bash
# Integration test of `formation diff --stack` against a local CloudFormation emulator:
# moto's server on 127.0.0.1, with signature checking on (INITIAL_NO_AUTH_ACTION_COUNT), so
# a wrong signature fails as it would on AWS.
#
#   1. start moto; create an IAM user and access key (the only unauthenticated calls)
#   2. deploy a generated stack with the AWS CLI (data.yaml first, then the others, each after a
#      stack of placeholder exports for what it imports), or, when the emulator creates none,
#      Tests/TemplateDiffTests/Fixtures/moto/stack.yaml
#   3. change exactly one blueprint value (the first top-level number, else flag, else string
#      property) in a JSON copy of the template
#   4. assert `formation diff --stack NAME --endpoint-url URL PROPOSED --format json` names
#      exactly that change (exit 1), that the unchanged template gives exit 0 and no output,
#      that a wrong secret and a missing stack exit 2 with A0011 and A0010
#   5. run the Swift test MotoIntegrationTests against the same emulator
#   6. stop moto
#
# When moto cannot be installed or started, the test prints SKIPPED and exits 0.
# Environment: FORMATION_MOTO_PORT (default 5123), FORMATION_BIN (a built `formation`),
# SWIFT_SCRATCH (a --scratch-path for swift build/test), FORMATION_TOOLS (venv for moto/awscli).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PORT=${FORMATION_MOTO_PORT:-5123}
ENDPOINT="http://127.0.0.1:${PORT}"
TOOLS=${FORMATION_TOOLS:-${HOME}/.cache/formation/aws-tools}
REGION=us-east-1
WORK=$(mktemp -d)
MOTO_PID=""
SCRATCH_ARGS=()
if [[ -n "${SWIFT_SCRATCH:-}" ]]; then SCRATCH_ARGS=(--scratch-path "$SWIFT_SCRATCH"); fi

say() { printf 'moto-diff-test: %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }
skip() { say "SKIPPED: $*"; exit 0; }
cleanup() {
  if [[ -n "$MOTO_PID" ]]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A venv for what the machine's Python lacks (moto's server, a working AWS CLI), kept between runs.
tools_venv() {
  if [[ ! -x "$TOOLS/bin/aws" || ! -x "$TOOLS/bin/python" ]] || ! "$TOOLS/bin/python" -c "import moto.server" 2>/dev/null; then
    say "installing moto[server] and awscli into $TOOLS"
    python3 -m venv "$TOOLS" && "$TOOLS/bin/pip" install -q 'moto[server]' awscli || return 1
  fi
}

PYTHON=python3
if ! python3 -c "import moto.server, flask" 2>/dev/null; then
  tools_venv || skip "moto[server] is not installed and could not be installed"
  PYTHON="$TOOLS/bin/python"
fi
AWS=aws
if ! aws --version >/dev/null 2>&1; then
  tools_venv || skip "the AWS CLI does not run and could not be installed"
  AWS="$TOOLS/bin/aws"
fi

if [[ -n "${FORMATION_BIN:-}" ]]; then
  FORMATION="$FORMATION_BIN"
else
  swift build "${SCRATCH_ARGS[@]}" --product formation >/dev/null
  FORMATION="$(swift build "${SCRATCH_ARGS[@]}" --show-bin-path)/formation"
fi

# 1. moto, with authentication from the fourth request on.
INITIAL_NO_AUTH_ACTION_COUNT=3 "$PYTHON" -m moto.server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
for _ in $(seq 1 60); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  kill -0 "$MOTO_PID" 2>/dev/null || { cat "$WORK/moto.log"; skip "moto's server did not start"; }
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || skip "moto's server is not listening on port $PORT"
say "moto on $ENDPOINT (pid $MOTO_PID)"

export AWS_DEFAULT_REGION=$REGION AWS_REGION=$REGION
unset AWS_PROFILE AWS_SESSION_TOKEN
setup() { AWS_ACCESS_KEY_ID=setup AWS_SECRET_ACCESS_KEY=setup "$AWS" --endpoint-url "$ENDPOINT" "$@"; }
setup iam create-user --user-name formation-ci >/dev/null
setup iam put-user-policy --user-name formation-ci --policy-name all \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
setup iam create-access-key --user-name formation-ci --output json >"$WORK/key.json"
export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
AWS_ACCESS_KEY_ID=$("$PYTHON" -c "import json,sys;print(json.load(open(sys.argv[1]))['AccessKey']['AccessKeyId'])" "$WORK/key.json")
AWS_SECRET_ACCESS_KEY=$("$PYTHON" -c "import json,sys;print(json.load(open(sys.argv[1]))['AccessKey']['SecretAccessKey'])" "$WORK/key.json")
if AWS_SECRET_ACCESS_KEY=wrong "$AWS" --endpoint-url "$ENDPOINT" cloudformation list-stacks >/dev/null 2>&1; then
  fail "the emulator accepted a wrong secret: signature checking is off"
fi

# 2. deploy: parameters without a default get "ci"; the exports a stack imports come from a
#    stack of placeholder outputs deployed first, as the stacks it depends on would provide them.
deploy() {
  local name=$1 file=$2
  "$FORMATION" convert "$file" --to json --output "$WORK/$name.deployed.json" >/dev/null 2>&1 || return 1
  "$PYTHON" - "$WORK/$name.deployed.json" "$name" "$WORK/$name.params" "$WORK/$name.exports.json" <<'PY' || return 1
import json, re, sys
template = json.load(open(sys.argv[1]))
stack = sys.argv[2]
values = {k: str(v.get("Default", "ci")) for k, v in template.get("Parameters", {}).items()}
values.update({"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws",
               "AWS::StackName": stack, "AWS::URLSuffix": "amazonaws.com"})
with open(sys.argv[3], "w") as params:
    params.write(" ".join(f"ParameterKey={k},ParameterValue=ci" for k, v in template.get("Parameters", {}).items() if "Default" not in v))
names = []
def walk(node):
    if isinstance(node, dict):
        if set(node) == {"Fn::ImportValue"}:
            argument = node["Fn::ImportValue"]
            if isinstance(argument, dict) and set(argument) == {"Fn::Sub"} and isinstance(argument["Fn::Sub"], str):
                argument = re.sub(r"\$\{([^}!]+)\}", lambda m: values.get(m.group(1), m.group(0)), argument["Fn::Sub"])
            if not isinstance(argument, str) or "${" in argument:
                sys.exit(1)  # an import this script cannot name
            names.append(argument)
        for value in node.values(): walk(value)
    elif isinstance(node, list):
        for value in node: walk(value)
walk(template)
outputs = {f"Export{i}": {"Value": f"arn:aws:kms:us-east-1:123456789012:key/{i:08d}-placeholder", "Export": {"Name": n}}
           for i, n in enumerate(sorted(set(names)))}
json.dump({"Resources": {"Placeholder": {"Type": "AWS::SNS::Topic"}}, "Outputs": outputs} if outputs else {}, open(sys.argv[4], "w"))
PY
  if [[ -s "$WORK/$name.exports.json" && "$(cat "$WORK/$name.exports.json")" != "{}" ]]; then
    "$AWS" --endpoint-url "$ENDPOINT" cloudformation create-stack --stack-name "$name-imports" \
      --template-body "file://$WORK/$name.exports.json" >/dev/null 2>&1 || return 1
  fi
  local params
  params=$(cat "$WORK/$name.params")
  # shellcheck disable=SC2086
  "$AWS" --endpoint-url "$ENDPOINT" cloudformation create-stack --stack-name "$name" \
    --template-body "file://$file" ${params:+--parameters $params} --capabilities CAPABILITY_NAMED_IAM >/dev/null 2>&1 || return 1
  local status
  status=$("$AWS" --endpoint-url "$ENDPOINT" cloudformation describe-stacks --stack-name "$name" \
    --query 'Stacks[0].StackStatus' --output text 2>/dev/null || echo missing)
  [[ "$status" == CREATE_COMPLETE ]] || { "$AWS" --endpoint-url "$ENDPOINT" cloudformation delete-stack --stack-name "$name" >/dev/null 2>&1 || true; return 1; }
}

STACK=""
for file in generated/data.yaml generated/*.yaml; do
  [[ -f "$file" ]] || continue
  name="formation-ci-$(basename "$file" .yaml)"
  [[ "$STACK" == "$name" ]] && continue
  if deploy "$name" "$file"; then STACK=$name; SOURCE=$file; break; fi
  say "the emulator does not create $file; trying the next stack"
done
if [[ -z "$STACK" ]]; then
  STACK=formation-ci-fixture
  SOURCE=Tests/TemplateDiffTests/Fixtures/moto/stack.yaml
  deploy "$STACK" "$SOURCE" || fail "the emulator did not create $SOURCE"
fi
say "deployed $SOURCE as stack $STACK"

# 3. one value changed.
EXPECTED=$("$PYTHON" - "$WORK/$STACK.deployed.json" "$WORK/proposed.json" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
# A number first, then a flag, then a string: the kind of value a blueprint edit changes.
for kind in ("int", "bool", "str"):
    for logical_id, resource in template.get("Resources", {}).items():
        for key, value in resource.get("Properties", {}).items():
            if type(value).__name__ != kind:
                continue
            resource["Properties"][key] = {"int": lambda v: v + 1, "bool": lambda v: not v, "str": lambda v: v + "-changed"}[kind](value)
            json.dump(template, open(sys.argv[2], "w"), indent=2)
            print(f"{logical_id} Properties.{key}")
            sys.exit(0)
sys.exit("no resource has a top-level scalar property to change")
PY
)
say "proposed change: $EXPECTED"

# 4. the CLI names exactly that change.
set +e
"$FORMATION" diff --stack "$STACK" --endpoint-url "$ENDPOINT" "$WORK/proposed.json" --format json >"$WORK/diff.json" 2>"$WORK/diff.err"
code=$?
set -e
[[ $code == 1 ]] || { cat "$WORK/diff.err"; fail "formation diff exited $code, expected 1"; }
"$PYTHON" - "$WORK/diff.json" "$EXPECTED" <<'PY' || fail "the diff does not name exactly the change"
import json, sys
report = json.load(open(sys.argv[1]))
logical_id, path = sys.argv[2].split(" ")
[stack] = report["stacks"]
found = [(r["logicalId"], r["change"], [c["path"] for c in r["changes"]]) for r in stack["resources"]]
assert found == [(logical_id, "modified", [path])], found
assert stack["sections"] == [], stack["sections"]
print(f"moto-diff-test: the diff names exactly {logical_id} {path}")
PY

set +e
"$FORMATION" diff --stack "$STACK" --endpoint-url "$ENDPOINT" "$SOURCE" >"$WORK/same.out" 2>"$WORK/same.err"
code=$?
set -e
[[ $code == 0 && ! -s "$WORK/same.out" ]] || fail "the deployed template against itself: exit $code, output $(cat "$WORK/same.out")"

expect_error() {
  local id=$1; shift
  set +e
  "$@" >"$WORK/err.out" 2>"$WORK/err.err"
  local code=$?
  set -e
  [[ $code == 2 ]] && grep -q "error $id" "$WORK/err.err" || { cat "$WORK/err.err"; fail "expected exit 2 with $id, got $code"; }
}
expect_error A0011 env AWS_SECRET_ACCESS_KEY=wrong "$FORMATION" diff --stack "$STACK" --endpoint-url "$ENDPOINT" "$SOURCE"
expect_error A0010 "$FORMATION" diff --stack formation-ci-missing --endpoint-url "$ENDPOINT" "$SOURCE"
expect_error A0013 "$FORMATION" diff --stack "$STACK" --endpoint-url "http://127.0.0.1:1" "$SOURCE"
say "wrong secret, missing stack and unreachable endpoint each exit 2 with their id"

# 5. the Swift test against the same emulator.
FORMATION_MOTO_ENDPOINT="$ENDPOINT" FORMATION_MOTO_STACK="$STACK" FORMATION_MOTO_PROPOSED="$WORK/proposed.json" \
  FORMATION_MOTO_EXPECTED="$EXPECTED" swift test "${SCRATCH_ARGS[@]}" --filter MotoIntegrationTests >"$WORK/swift-test.log" 2>&1 \
  || { tail -40 "$WORK/swift-test.log"; fail "swift test --filter MotoIntegrationTests failed"; }
grep -E "^(✔|✘|➜) (Test|Suite)" "$WORK/swift-test.log" || true
grep -q "MotoIntegrationTests" "$WORK/swift-test.log" && ! grep -q "skipped" "$WORK/swift-test.log" \
  || fail "MotoIntegrationTests did not run"
grep -qE "Test run with [0-9]+ tests? .*passed" "$WORK/swift-test.log" || fail "MotoIntegrationTests failed"
say "passed"
