#!/bin/sh
# The strict matrix (strict_matrix.sh) on the shapes the other specs do
# not give: each form of the name and phrase lookups (the switch trie,
# the perfect hash and its slot struct, the probing table) and a
# synthetic registry of 100 codes.
#
#   strict_shapes.sh STATUSGEN COMPILER SOURCE_DIR WORKDIR
set -eu
tool=$1 cc=$2 src=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
for mode in trie perfect probe; do
  sh "$src/tests/lookups/mkspec.sh" "$mode" > "$work/lk_$mode.yaml"
  "$tool" --emit header,source -o "$work/lk_$mode" "$work/lk_$mode.yaml"
  sh "$src/tests/strict_matrix.sh" "$cc" c89,c99,c++98,c++11,c++20 \
    "$work/lk_$mode" lk "$work/lk_$mode/o"
done
sh "$src/bench/mkspec.sh" 100 > "$work/synth.yaml"
"$tool" --emit header,source -o "$work/synth" "$work/synth.yaml"
sh "$src/tests/strict_matrix.sh" "$cc" c89,c99,c++98,c++11,c++20 \
  "$work/synth" synth "$work/synth/o"
