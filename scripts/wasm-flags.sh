# shellcheck shell=bash
# Sourced before building the wasm (scripts/build-pages.sh, scripts/bench.sh, size-*.sh).
#
# 1. Panic messages name their source files. With those named from where the sources live
#    (rust/..., crates/...) rather than from this machine's folders, the wasm is the same on
#    every machine (so is its size budget), and no folder of the machine is shipped.
# 2. Every function may be inlined across crates (`-Zcross-crate-inline-threshold=always`).
#    At opt-level "z" rustc otherwise inlines only small leaf functions across crates, so the
#    core being a crate of its own, and leptos's many small generic layers, cost page size
#    (docs/performance.md has the figures). The flag is unstable: RUSTC_BOOTSTRAP lets the
#    stable compiler take it, for the wasm build only (native builds and tests never read this
#    file). A rustc that refuses it builds without it, with a warning: the page is then larger,
#    and the size budget says by how much.
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
inline="-Zcross-crate-inline-threshold=always"
if RUSTC_BOOTSTRAP=1 rustc "$inline" --print sysroot >/dev/null 2>&1; then
  flags+=("$inline")
  export RUSTC_BOOTSTRAP=1
else
  echo "wasm-flags.sh: this rustc refuses $inline; the wasm is built without it (larger)" >&2
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags[*]}"
