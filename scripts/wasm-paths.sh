# shellcheck shell=bash
# Sourced before building the wasm (scripts/build-pages.sh, scripts/bench.sh).
#
# Panic messages name their source files. With those named from where the sources live
# (rust/..., crates/...) rather than from this machine's folders, the wasm is the same on every
# machine (so is its size budget), and no folder of the machine is shipped. Cargo adds these
# flags to those of .cargo/config.toml.
pairs=("$(rustc --print sysroot)/lib/rustlib/src/rust=rust")
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$dir" ] && pairs+=("${dir%/}=crates")
done
remap=()
for pair in "${pairs[@]}"; do
  # Cargo splits the variable at spaces: a folder with one keeps its name.
  [[ "$pair" =~ [[:space:]] ]] || remap+=("--remap-path-prefix=$pair")
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${remap[*]}"
