#!/usr/bin/env bash
# Builds `formation` for release and installs it as PREFIX/bin/formation (with its HTTP helper,
# PREFIX/bin/formation-https, which `diff --stack` runs from the same folder).
#
# The Swift standard library and Foundation are linked in statically and the rule and
# replacement data are part of the binary, so the installed copy runs on a machine without a
# Swift toolchain: it needs glibc, and formation-https libcurl. Building needs libyaml-dev
# (linked statically) and libcurl4-openssl-dev (FoundationNetworking links it).
#
#   scripts/install.sh /usr/local          # or ~/.local
#   SWIFT_SCRATCH=/tmp/b scripts/install.sh PREFIX   # build elsewhere than .build
set -euo pipefail
prefix="${1:?usage: scripts/install.sh PREFIX}"
cd "$(dirname "$0")/.."

flags=(-c release --static-swift-stdlib)
if [[ -n "${SWIFT_SCRATCH:-}" ]]; then flags+=(--scratch-path "$SWIFT_SCRATCH"); fi
# libyaml statically when its archive is there: the binary then needs nothing beyond glibc.
for archive in /usr/lib/*/libyaml.a /usr/lib/libyaml.a /usr/local/lib/libyaml.a /opt/homebrew/lib/libyaml.a; do
  if [[ -f "$archive" && "$(uname)" == Linux ]]; then
    flags+=(-Xlinker "$archive")
    break
  fi
done

swift build "${flags[@]}" --product formation
bin="$(swift build "${flags[@]}" --show-bin-path)"
install -d "$prefix/bin"
install -m 0755 "$bin/formation" "$bin/formation-https" "$prefix/bin/"
echo "installed $prefix/bin/formation ($("$prefix/bin/formation" --version))"
