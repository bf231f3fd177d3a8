#!/usr/bin/env bash
# Builds the whole-pipeline libFuzzer target (fuzz/PipelineFuzzer.swift) and runs it.
#
#   fuzz/run-pipeline.sh [SECONDS] [JOBS]      (defaults: 600 seconds, 1 job)
#
# The Template, Semantics, Policy and TemplateDiff modules are compiled with swiftc, each with
# coverage for libFuzzer and AddressSanitizer (TemplateDiff without LiveStack, which reads
# deployed stacks through the AWS client: the pipeline does not use it, and it needs swift-crypto). A module is compiled again only when
# one of its sources is newer than its object file. The data files are compiled in as they are
# for SwiftPM (Sources/CEmbeddedData/embedded.S). Each input must finish within 5 seconds and 2 GB (of
# which ASan takes its share); a slow or hungry input is saved in fuzz/artifacts/ like a crash.
# Seeds: the reading fixtures, the rule fixtures and generated/; the corpus grows in
# fuzz/corpus-pipeline/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
jobs="${2:-1}"
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
build=fuzz/.build/pipeline
mkdir -p "$build" fuzz/corpus-pipeline fuzz/artifacts

flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name Formation -I "$build" -I Sources/CYAML
  -Xcc -fmodule-map-file="$build/CEmbeddedData.modulemap")
compile() {  # module name, sources... (skipped when the object is newer than every source)
  local module="$1"
  shift
  if [ -f "$build/$module.o" ] && [ -z "$(find "$@" -newer "$build/$module.o" 2>/dev/null)" ]; then
    return
  fi
  swiftc "${flags[@]}" -module-name "$module" -emit-module -emit-module-path "$build/$module.swiftmodule" \
    -wmo -c "$@" -o "$build/$module.o" 2>&1 | grep -v "Cannot export local symbol\|warning:" || true
  test -f "$build/$module.o"
}
if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  rm -f "$build/pipeline-fuzzer"
  # The data files, as SwiftPM builds them: the assembly looks for them below Sources/.
  printf 'module CEmbeddedData {\n  header "%s/Sources/CEmbeddedData/include/CEmbeddedData.h"\n  export *\n}\n' \
    "$PWD" >"$build/CEmbeddedData.modulemap"
  clang -c Sources/CEmbeddedData/embedded.S -I Sources -o "$build/embedded.o"
  clang -c -O2 Sources/CEmbeddedData/lookup.c -I Sources/CEmbeddedData/include -o "$build/lookup.o"
  compile EmbeddedData Sources/EmbeddedData/*.swift
  compile Schemas $(find Sources/Schemas -name '*.swift')
  compile Template $(find Sources/Template -name '*.swift')
  compile Semantics $(find Sources/Semantics -name '*.swift')
  compile Policy $(find Sources/Policy -name '*.swift')
  compile TemplateDiff $(find Sources/TemplateDiff -name '*.swift' -not -name LiveStack.swift)
  swiftc "${flags[@]}" -module-name PipelineFuzzer fuzz/PipelineFuzzer.swift \
    "$build/EmbeddedData.o" "$build/Schemas.o" "$build/Template.o" "$build/Semantics.o" "$build/Policy.o" \
    "$build/TemplateDiff.o" "$build/embedded.o" "$build/lookup.o" -lyaml \
    -o "$build/pipeline-fuzzer" 2>&1 | grep -v "Cannot export local symbol\|warning:" || true
fi
test -x "$build/pipeline-fuzzer"

for seed in Tests/TemplateTests/Fixtures/good/* Tests/PolicyTests/Fixtures/*/*.yaml \
  Tests/TemplateDiffTests/Fixtures/*/*.yaml generated/*.yaml; do
  [ -f "$seed" ] || continue
  [ "$(stat -c %s "$seed")" -le 65536 ] && cp "$seed" "fuzz/corpus-pipeline/seed-$(echo "$seed" | tr / _)"
done

# Foundation's own leaks (fuzz/lsan.supp) are not the pipeline's.
LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
  "$build/pipeline-fuzzer" fuzz/corpus-pipeline \
  -dict=fuzz/yaml.dict -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
  -malloc_limit_mb=2048 -max_len=16384 -artifact_prefix=fuzz/artifacts/pipeline- \
  -print_final_stats=1 "${parallel[@]}"
