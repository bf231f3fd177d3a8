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
# A position-dependent executable on Linux: a PIE's loader rewrites about 88,000 pointers in the
# Swift metadata of the static runtime and Foundation at every start, copying some 350 pages,
# which is 2-3 ms of each run (a run on one template takes 20-30 ms). The trade is address-space
# randomisation of the executable's own image, as with a Go binary; libraries and the heap stay
# randomised.
if [[ "$(uname)" == Linux ]]; then flags+=(-Xlinker -no-pie); fi
scratch="${SWIFT_SCRATCH:-.build}"
if [[ -n "${SWIFT_SCRATCH:-}" ]]; then flags+=(--scratch-path "$SWIFT_SCRATCH"); fi
# libyaml statically when its archive is there: SwiftPM links what pkg-config says, so a copy
# of yaml-0.1.pc whose libdir holds only libyaml.a makes -lyaml find the archive.
if [[ "$(uname)" == Linux ]] && pcdir=$(pkg-config --variable=pcfiledir yaml-0.1 2>/dev/null); then
  archive="$(pkg-config --variable=libdir yaml-0.1)/libyaml.a"
  if [[ -f "$archive" ]]; then
    static="$(mkdir -p "$scratch/static-yaml" && cd "$scratch/static-yaml" && pwd)"
    ln -sf "$archive" "$static/libyaml.a"
    sed "s|^libdir=.*|libdir=$static|" "$pcdir/yaml-0.1.pc" >"$static/yaml-0.1.pc"
    export PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
  fi
fi

swift build "${flags[@]}" --product formation
bin="$(swift build "${flags[@]}" --show-bin-path)"
install -d "$prefix/bin"
# Stripped: the symbols and debug information are four fifths of the file.
install -s -m 0755 "$bin/formation" "$bin/formation-https" "$prefix/bin/"
echo "installed $prefix/bin/formation ($("$prefix/bin/formation" --version))"
