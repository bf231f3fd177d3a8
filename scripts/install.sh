#!/usr/bin/env bash
# Builds `formation` for release and installs it as PREFIX/bin/formation (with its HTTP helper,
# PREFIX/bin/formation-https, which `diff --stack` runs from the same folder).
#
# On Linux `formation` is a static executable: the Swift runtime, Foundation, libyaml, glibc and
# the rule and replacement data are all in the one file, so it runs on a machine without a Swift
# toolchain or any library. formation-https links the Swift runtime and Foundation statically
# and needs libcurl. Building needs libyaml-dev (linked statically) and libcurl4-openssl-dev
# (FoundationNetworking links it).
#
#   scripts/install.sh /usr/local          # or ~/.local
#   SWIFT_SCRATCH=/tmp/b scripts/install.sh PREFIX   # build elsewhere than .build
set -euo pipefail
prefix="${1:?usage: scripts/install.sh PREFIX}"
cd "$(dirname "$0")/.."

flags=(-c release --static-swift-stdlib)
scratch="${SWIFT_SCRATCH:-.build}"
if [[ -n "${SWIFT_SCRATCH:-}" ]]; then flags+=(--scratch-path "$SWIFT_SCRATCH"); fi
# formation as a static executable on Linux. A dynamically linked one spends 5-6 ms of every
# run in the loader: mapping libstdc++ and libc, resolving their symbols and, for a
# position-independent executable, rewriting about 88,000 pointers in the Swift metadata (some
# 350 pages copied). A run on one template takes 20-30 ms in all. The trade is address-space
# randomisation of the executable's own image, as with a Go binary; the stack and the heap stay
# randomised. Its own build folder, because every module is compiled with the flag.
formation_flags=("${flags[@]}")
# Without link-time optimisation: what the install falls back to when that build fails.
plain_flags=("${flags[@]}")
if [[ "$(uname)" == Linux ]]; then
  plain_flags=(-c release --static-swift-stdlib -Xswiftc -static-executable
    --scratch-path "$scratch/static-executable")
  # Link-time optimisation of the whole program: the compiler optimises each module on its
  # own, and LLVM then inlines across modules at the link (the model's accessors, the
  # runtime's value witnesses). lint over the benchmark folder takes 3-6% less time; the link
  # takes about three minutes more. lld links the LLVM bitcode. Its own build folder, because
  # every object is bitcode.
  formation_flags=(-c release --static-swift-stdlib -Xswiftc -static-executable
    --experimental-lto-mode=full -Xswiftc -use-ld=lld --scratch-path "$scratch/static-lto")
fi
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

# jemalloc in place of glibc's malloc, when its archive is there (libjemalloc-dev). A lint run
# allocates and frees millions of small values on both cores; glibc's arenas spend a tenth of
# its CPU in malloc, free and growing the heap, and jemalloc about a third less (whole runs of
# lint over the benchmark folder: 8-10% less time). A static glibc takes the archive's malloc in
# place of its own: jemalloc defines every entry glibc documents for a replacement.
if [[ "$(uname)" == Linux ]]; then
  jemalloc="$(pkg-config --variable=libdir jemalloc 2>/dev/null || true)/libjemalloc.a"
  if [[ -f "$jemalloc" ]]; then
    # Its settings (scripts/jemalloc-conf.c), compiled with the toolchain's clang; named by the
    # source's checksum, so that changed settings change the link line and relink.
    sum="$(cksum <scripts/jemalloc-conf.c | cut -d' ' -f1)"
    conf="$(mkdir -p "$scratch" && cd "$scratch" && pwd)/jemalloc-conf-$sum.o"
    "${CC:-clang}" -c -O2 -o "$conf" scripts/jemalloc-conf.c
    formation_flags+=(-Xlinker "$jemalloc" -Xlinker "$conf")
    plain_flags+=(-Xlinker "$jemalloc" -Xlinker "$conf")
  else
    echo "install: no libjemalloc.a (apt-get install libjemalloc-dev): formation uses glibc's malloc, about 10% slower" >&2
  fi
fi

swift build "${flags[@]}" --product formation-https
if ! swift build "${formation_flags[@]}" --product formation; then
  echo "install: the link-time optimised build failed; building formation without it" >&2
  formation_flags=("${plain_flags[@]}")
  swift build "${formation_flags[@]}" --product formation
fi
helper="$(swift build "${flags[@]}" --show-bin-path)/formation-https"
bin="$(swift build "${formation_flags[@]}" --show-bin-path)"
install -d "$prefix/bin"
# Stripped: the symbols and debug information are four fifths of the file.
install -s -m 0755 "$bin/formation" "$helper" "$prefix/bin/"
echo "installed $prefix/bin/formation ($("$prefix/bin/formation" --version))"
