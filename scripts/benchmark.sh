#!/usr/bin/env bash
# Formation's benchmark: reading, writing, validating and linting synthetic templates of
# 50, 500 and 5,000 resources and a folder of 300, against libyaml's raw event loop (the
# floor) and against cfn-lint, checkov and cfripper on the same files in the same run.
#
#   scripts/benchmark.sh            everything (the peers take several minutes on 5,000 resources)
#   PEERS=none scripts/benchmark.sh Formation only
#   PEERS="cfn-lint" ...            a subset of cfn-lint, checkov, cfripper, cloudformation-validate
#                                   (AWS's validator, one engine per run through
#                                   scripts/cloudformation-validate.py; CFV_PYTHON names the Python
#                                   that has it installed)
#
# Prints markdown tables. Wall times are seconds (best of 5 in-process for the phase table; for
# whole commands one run, or the median of five when a run takes under two seconds, for every
# tool alike); peak memory is the maximum resident set size from time(1).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/formation-bench}
peers=${PEERS:-"cfn-lint checkov cfripper"}
timeout_s=${PEER_TIMEOUT:-900}
mkdir -p "$work/folder"

swift build -c release --product benchmark >/dev/null
bin=$(swift build -c release --show-bin-path)
# The whole commands are timed on formation as scripts/install.sh installs it (the standard
# library and Foundation linked in statically, stripped): what a CI job runs. Its own build
# folder, because the flags differ from the benchmark driver's.
SWIFT_SCRATCH=${BENCH_SCRATCH:-.build/static} scripts/install.sh "$work/install" >/dev/null
formation="$work/install/bin/formation"

for n in 50 500 5000; do "$bin/benchmark" generate "$n" "$work/t$n.yaml" >/dev/null; done
for i in $(seq -w 1 300); do [ -f "$work/folder/t$i.yaml" ] || "$bin/benchmark" generate 40 "$work/folder/t$i.yaml" >/dev/null; done

measure() { # prints "wall-seconds cpu-seconds peak-MB" of a command: wall time from the shell's
  # clock; CPU time (user + system, every core) and peak RSS from time(1). A command that ran
  # under two seconds is run five times and its median run reported (whichever tool it is): a
  # single run of a short command measures the machine's jitter as much as the command.
  local start end runs=1 results=()
  for ((i = 0; i < runs; i++)); do
    start=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$work/.peak" timeout "$timeout_s" "$@" >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    results+=("$(awk -v s="$start" -v e="$end" '{ u=$1; y=$2; p=$3 } END { printf "%.3f %.2f %.0f", e-s, u+y, p/1024 }' \
      <(tail -1 "$work/.peak"))")
    if ((i == 0)) && awk -v w="${results[0]%% *}" 'BEGIN { exit !(w < 2) }'; then runs=5; fi
  done
  printf '%s\n' "${results[@]}" | sort -n | sed -n "$(((${#results[@]} + 1) / 2))p"
}
cell() { # "wall s (cpu s) / peak MB" from measure's output
  awk '{ printf "%s s (%s s CPU) / %s MB", $1, $2, $3 }' <<<"$1"
}

echo "## Phases (in-process, best of 5)"
echo
echo "| template | size | floor (libyaml events) | read | read / floor | write | validate | lint, 2 cores (CPU) | lint, 1 core | lint / read (by CPU) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for input in t50 t500 t5000 folder; do
  line=$("$bin/benchmark" phases "$work/$input$([ "$input" = folder ] || echo .yaml)" 5)
  get() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$line"; }
  label=$(awk -v f="$(get files)" -v r="$(get resources)" \
    'BEGIN { if (f > 1) printf "%d templates (%d resources)", f, r; else printf "%d resources", r }')
  awk -v label="$label" -v b="$(get bytes)" -v f="$(get floor)" -v r="$(get read)" -v w="$(get write)" -v v="$(get validate)" \
    -v l="$(get lint)" -v c="$(get lintcpu)" -v o="$(get lint1)" \
    'BEGIN { printf "| %s | %.0f KB | %.1f ms | %.1f ms | %.2fx | %.1f ms | %.1f ms | %.1f ms (%.1f ms) | %.1f ms | %.2fx (%.2fx) |\n", label, b/1024, f*1000, r*1000, r/f, w*1000, v*1000, l*1000, c*1000, o*1000, (r+l)/r, (r+c)/r }'
done
echo
echo "## The reader's memory (growth of the resident high-water mark over one read, and the heap the"
echo "## template keeps, both as multiples of the file; the runtime's own start-up memory left out)"
echo
echo "| template | size | reader peak | template kept | whole process peak (once read) |"
echo "|---|---|---|---|---|"
for n in 50 500 5000; do
  line=$("$bin/benchmark" memory "$work/t$n.yaml")
  get() { sed -E "s|.*(^\| )$1=([0-9.]+[A-Za-z]*).*|\2|" <<<"$line"; }
  echo "| $n resources | $(( $(get bytes) / 1024 )) KB | $(get peak) ($(get peak/file)) | $(get retained) ($(get retained/file)) | $(get process-peak) |"
done
echo
echo "## Whole commands against the peers (wall seconds (CPU seconds on all cores) / peak MB, same files, same run)"
echo
header="| input | formation validate | formation lint"
rule="|---|---|---"
for p in $peers; do [ "$p" = none ] || { header+=" | $p"; rule+="|---"; }; done
echo "$header | lint speed-up vs fastest peer |"
echo "$rule|---|"
row() { # label, then files
  local label=$1; shift
  local v l
  # --no-config: measured as a stranger's repository runs it (this one's .formation.yaml is left out).
  v=$(measure "$formation" validate --no-config "$@")
  l=$(measure "$formation" lint --no-config "$@")
  local cells="| $label | $(cell "$v") | $(cell "$l")"
  local fastest=""
  for p in $peers; do
    local r=""
    case $p in
      none) continue ;;
      cfn-lint) r=$(measure cfn-lint "$@") ;;
      checkov) if [ $# -gt 1 ]; then r=$(measure checkov -d "$(dirname "$1")" --framework cloudformation --skip-download --quiet --compact); else r=$(measure checkov -f "$1" --framework cloudformation --skip-download --quiet --compact); fi ;;
      cfripper) r=$(measure cfripper "$@" --format json) ;;
      cloudformation-validate) r=$(measure "${CFV_PYTHON:-python3}" scripts/cloudformation-validate.py "$@") ;;
    esac
    cells+=" | $(cell "$r")"
    if [ -z "$fastest" ] || awk -v a="${r%% *}" -v b="$fastest" 'BEGIN{exit !(a<b)}'; then fastest=${r%% *}; fi
  done
  local speedup="—"
  [ -n "$fastest" ] && speedup=$(awk -v a="$fastest" -v b="${l%% *}" 'BEGIN{ printf "%.0fx", a/b }')
  echo "$cells | $speedup |"
}
# Dense with findings: lint reports about 2.5 per resource on the synthetic templates. Clean: the
# GeneXOmics stacks as rendered, which lint passes.
mkdir -p "$work/clean" && cp generated/*.yaml "$work/clean/"
row "8 GeneXOmics stacks, clean ($(du -ck "$work"/clean/*.yaml | tail -1 | cut -f1) KB)" "$work"/clean/*.yaml
row "300 templates (40 resources each)" "$work"/folder/*.yaml
row "500 resources ($(du -k "$work/t500.yaml" | cut -f1) KB)" "$work/t500.yaml"
row "5,000 resources ($(du -k "$work/t5000.yaml" | cut -f1) KB)" "$work/t5000.yaml"
