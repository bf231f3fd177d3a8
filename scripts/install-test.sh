#!/usr/bin/env bash
# The installed formation works on its own: scripts/install.sh into a temporary prefix, then
# the installed copy is run from another folder, with the build folder renamed out of reach
# and an environment without the toolchain (PATH without swift, LD_LIBRARY_PATH empty), on
# lint (which needs the IAM action data), validate, diff (which needs the replacement data),
# explain and --version. Outputs are compared whole.
#
# Environment: SWIFT_SCRATCH, a --scratch-path for the release build (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
scratch="${SWIFT_SCRATCH:-$repo/.build}"
hidden=""
restore() {
  if [[ -n "$hidden" && -d "$hidden" ]]; then mv "$hidden" "$scratch"; fi
  rm -rf "$work"
}
trap restore EXIT
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }

scripts/install.sh "$work/prefix"
bin="$work/prefix/bin/formation"

# Nothing from the toolchain is loaded: no libswift*, no libFoundation*, nothing under the
# toolchain's folder. (libyaml is linked statically when its archive exists.)
libraries=$(ldd "$bin" "$work/prefix/bin/formation-https" 2>&1 || true)
if grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift|not found' <<<"$libraries"; then
  fail "the installed binaries load toolchain libraries"
fi
# formation itself loads nothing at all on Linux: a static executable starts without the loader.
if [[ "$(uname)" == Linux ]] && ! grep -q 'not a dynamic executable' <<<"$(ldd "$bin" 2>&1 || true)"; then
  fail "the installed formation is not a static executable"
fi

# jemalloc is its allocator when libjemalloc-dev is installed, with the settings of
# scripts/jemalloc-conf.c: jemalloc prints its statistics and options at exit when MALLOC_CONF
# asks, and glibc's malloc ignores the variable.
if [[ "$(uname)" == Linux && -f "$(pkg-config --variable=libdir jemalloc 2>/dev/null || true)/libjemalloc.a" ]]; then
  statistics=$(MALLOC_CONF=stats_print:true "$bin" --version 2>&1)
  grep -q 'jemalloc statistics' <<<"$statistics" \
    || fail "libjemalloc.a is installed but the installed formation does not allocate through it"
  grep -q 'opt.thp: "always"' <<<"$statistics" \
    || fail "the installed formation's jemalloc lacks the settings of scripts/jemalloc-conf.c"
fi

# The build folder out of reach: a copy that looked up resources there would fail now.
hidden="$scratch.install-test-hidden.$$"
mv "$scratch" "$hidden"

project="$work/project"
mkdir -p "$project/stacks"
cat >"$project/stacks/reader.yaml" <<'YAML'
Resources:
  ReaderRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: "s3:GetObject", Resource: "*"}
YAML
cat >"$project/deployed.yaml" <<'YAML'
Resources:
  Runs:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      TableName: runs
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{AttributeName: RunId, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: RunId, AttributeType: S}]
YAML
sed 's/TableName: runs/TableName: runs-v2/' "$project/deployed.yaml" >"$project/proposed.yaml"
echo '{"name": "not-a-template"}' >"$project/stacks/package.json"

# Runs the installed formation in $project with a bare environment; prints stdout, stderr
# and the exit status.
run() {
  local status=0 out err
  out=$(cd "$project" && env -i HOME="$work" PATH=/usr/bin:/bin LD_LIBRARY_PATH= NO_COLOR=1 "$bin" "$@" 2>"$work/err") || status=$?
  err=$(cat "$work/err")
  printf '%s\n--\n%s\n-- exit %s\n' "$out" "$err" "$status"
}
expect() {
  local name=$1 expected=$2 actual=$3
  if [[ "$actual" != "$expected" ]]; then
    diff <(echo "$expected") <(echo "$actual") >&2 || true
    fail "$name"
  fi
  echo "install-test: ok: $name"
}

expect "--version" "$(printf '0.1.0\n--\n\n-- exit 0')" "$(run --version)"

expect "lint (IAM action data)" "$(cat <<'TEXT'
stacks/reader.yaml:12:41: warning IAM003 ReaderRole: statement 1 grants s3:GetObject on Resource "*" although it supports resource-level permissions
--
skipped 1 path (1 not a CloudFormation template); --verbose lists them
0 errors, 1 warning in 1 file
-- exit 1
TEXT
)" "$(run lint --rules IAM003 stacks)"

expect "validate" "$(printf '\n--\nskipped 1 path (1 not a CloudFormation template); --verbose lists them\n0 errors, 0 warnings in 1 file\n-- exit 0')" "$(run validate stacks)"

expect "diff (replacement data)" "$(cat <<'TEXT'
Stack proposed  (deployed.yaml → proposed.yaml)
Resources
[~] AWS::DynamoDB::Table Runs  will replace
 │ TableName changes (create-only)
 └─ [~] Properties.TableName: runs → runs-v2  (replaces)
--
formation diff: 1 stack: 1 changed, 0 unchanged; resources: 0 added, 0 removed, 1 modified; 1 will replace, 0 may replace; 0 security changes
-- exit 1
TEXT
)" "$(run diff --no-findings deployed.yaml proposed.yaml)"

expect "explain" "$(printf 'IAM003: Actions that can be scoped to resources are not granted on Resource "*"\n--\n\n-- exit 0')" \
  "$(run explain IAM003 | sed -n '1p;/^--$/,$p')"

echo "install-test: passed ($(du -h "$bin" | cut -f1) formation, $(du -h "$work/prefix/bin/formation-https" | cut -f1) formation-https)"
