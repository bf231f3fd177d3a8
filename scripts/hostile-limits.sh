#!/usr/bin/env bash
# Times every command on every adversarial shape (scripts/adversarial-shapes.py) with the
# release binary and checks the limits of issue 14: each run under 3 s and 300 MB, exit 0, 1 or 2.
#
#   scripts/hostile-limits.sh [N ...]      (default: 1000 10000; shapes of size N each)
#
# Needs `swift build -c release` first. Prints one line per run; exits 1 if any run is over a
# limit or ends otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
binary="$(swift build -c release --show-bin-path)/formation"
[ -x "$binary" ] || { echo "build the release binary first: swift build -c release" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
printf '%-20s %7s %-9s %8s %8s %s\n' shape n command seconds MB exit
for n in "${sizes[@]}"; do
  python3 scripts/adversarial-shapes.py "$work/$n" "$n"
  for file in "$work/$n"/*.json; do
    shape="$(basename "$file" .json)"
    # diff compares the shape with itself less its first line of resources: a changed copy.
    python3 - "$file" "$work/$n/$shape.changed.json" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
resources = template["Resources"]
resources.pop(next(iter(resources)))
json.dump(template, open(sys.argv[2], "w"))
PY
    for command in validate lint convert diff; do
      arguments=("$file")
      [ "$command" = diff ] && arguments=("$file" "$work/$n/$shape.changed.json")
      /usr/bin/time -f '%e %M' -o "$work/time" timeout 60 "$binary" "$command" "${arguments[@]}" \
        > /dev/null 2>&1
      code=$?
      read -r seconds kilobytes < <(tail -n 1 "$work/time")
      megabytes=$((kilobytes / 1024))
      verdict=""
      if [ "$code" -gt 2 ] || awk "BEGIN { exit !($seconds >= 3) }" || [ "$megabytes" -ge 300 ]; then
        verdict="  OVER"
        failed=1
      fi
      printf '%-20s %7s %-9s %8s %8s %s%s\n' "$shape" "$n" "$command" "$seconds" "$megabytes" "$code" "$verdict"
    done
  done
done
exit "$failed"
