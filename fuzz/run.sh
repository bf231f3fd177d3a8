#!/usr/bin/env bash
# Builds the template reader's libFuzzer target and runs it.
#
#   fuzz/run.sh [SECONDS] [JOBS]      (defaults: 600 seconds, 1 job)
#
# The target is compiled with swiftc -sanitize=fuzzer,address from the Template model and
# reader sources (one module, libyaml linked), seeded with every reading fixture of
# Tests/TemplateTests/Fixtures. Crashes land in fuzz/artifacts/; the growing corpus in
# fuzz/corpus/ (both ignored by git). Add each crasher as a bad fixture once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
jobs="${2:-1}"
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
build=fuzz/.build
mkdir -p "$build" fuzz/corpus fuzz/artifacts

swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
  -module-name ReaderFuzzer -I Sources/CYAML -lyaml \
  Sources/Template/Model/*.swift Sources/Template/Reading/*.swift Sources/Template/Expansion/*.swift Sources/Template/Writing/*.swift \
  fuzz/ReaderFuzzer.swift \
  -o "$build/reader-fuzzer" 2>&1 | grep -v "Cannot export local symbol" || true
test -x "$build/reader-fuzzer"

for fixture in Tests/TemplateTests/Fixtures/good/* Tests/TemplateTests/Fixtures/bad/*; do
  [ -f "$fixture" ] || continue
  # Seeds stay small: libFuzzer's default -max_len would cut large ones anyway.
  [ "$(stat -c %s "$fixture")" -le 65536 ] && cp "$fixture" "fuzz/corpus/seed-$(basename "$fixture")"
done

"$build/reader-fuzzer" fuzz/corpus \
  -dict=fuzz/yaml.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 \
  "${parallel[@]}"
