# shellcheck shell=bash
# Sourced before building the wasm (scripts/build-pages.sh, scripts/bench.sh, size-*.sh).
#
# 1. Any source path left in the wasm is named from where the sources live (rust/...,
#    crates/...) rather than from this machine's folders: the wasm is the same on every
#    machine (so is its size budget), and no folder of the machine is shipped.
# 2. Every function may be inlined across crates (`-Zcross-crate-inline-threshold=always`).
#    At opt-level "z" rustc otherwise inlines only small leaf functions across crates, so the
#    core being a crate of its own, and leptos's many small generic layers, cost page size
#    (docs/performance.md has the figures). The flag is unstable: RUSTC_BOOTSTRAP lets the
#    stable compiler take it, for the wasm build only (native builds and tests never read this
#    file). A rustc that refuses it builds without it, with a warning: the page is then larger,
#    and the size budget says by how much.
# 3. Panics carry no source location (`-Zlocation-detail=none`): the page aborts on a panic
#    and nobody reads where, while every panic site's file name and line cost the download
#    (4.9 kB gzip on the wizard, 5.8 kB on the apply page, measured 2026-12-07). Unstable as
#    well, taken the same way; refused, the build goes on without it, with a warning.
#
# Cargo adds these flags to those of .cargo/config.toml.
pairs=("$(rustc --print sysroot)/lib/rustlib/src/rust=rust")
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$dir" ] && pairs+=("${dir%/}=crates")
done
flags=()
for pair in "${pairs[@]}"; do
  # Cargo splits the variable at spaces: a folder with one keeps its name.
  [[ "$pair" =~ [[:space:]] ]] || flags+=("--remap-path-prefix=$pair")
done
for unstable in -Zcross-crate-inline-threshold=always -Zlocation-detail=none; do
  if RUSTC_BOOTSTRAP=1 rustc "$unstable" --print sysroot >/dev/null 2>&1; then
    flags+=("$unstable")
    export RUSTC_BOOTSTRAP=1
  else
    echo "wasm-flags.sh: this rustc refuses $unstable; the wasm is built without it (larger)" >&2
  fi
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags[*]}"
