#!/bin/sh
# rust_build.sh STATUSGEN RUSTCS CLIPPY WORK SPEC [OPTION...]
#
# Generates SPEC's Rust module (statusgen --emit rust OPTION...) into WORK
# and builds it as a user would, from a crate root with
# #![forbid(unsafe_code)] and #![deny(warnings)], once as a module
# (#[path]) and once include!d: with each rustc of RUSTCS (comma-separated,
# edition 2021: Debian 12's rustc is 1.63, the oldest the module is for),
# and with CLIPPY (clippy-driver, its default lints as errors) unless
# CLIPPY is -; and its docs with the first rustc's rustdoc (-D warnings:
# no broken link or stray HTML), when there is one beside it.
set -eu
statusgen=$1 rustcs=$2 clippy=$3 work=$4 spec=$5
shift 5
rm -rf "$work"
mkdir -p "$work"
"$statusgen" --emit rust "$@" -o "$work" "$spec"
module=$(cd "$work" && ls ./*.rs)
module=$(cd "$work" && pwd)/${module#./}
cat > "$work/lib.rs" <<EOT
#![forbid(unsafe_code)]
#![deny(warnings)]
#[path = "$module"]
pub mod as_module;
pub mod included {
    include!("$module");
}
EOT
for rustc in $(echo "$rustcs" | tr ',' ' '); do
  "$rustc" --edition 2021 --crate-type lib -D warnings -o "$work/lib.rlib" \
    "$work/lib.rs"
  echo "$(basename "$module"): warning-free under $("$rustc" --version)"
done
first=${rustcs%%,*}
rustdoc=$(dirname "$(command -v "$first")")/rustdoc
if [ -x "$rustdoc" ]; then
  "$rustdoc" --edition 2021 -D warnings -o "$work/doc" "$work/lib.rs"
  echo "$(basename "$module"): its docs warning-free under rustdoc"
fi
if [ "$clippy" != - ]; then
  "$clippy" --edition 2021 --crate-type lib -D warnings \
    -o "$work/lib-clippy.rlib" "$work/lib.rs"
  echo "$(basename "$module"): warning-free under clippy's default lints"
fi
