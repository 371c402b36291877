#!/bin/sh
# Two runs from different working directories, under different locales and
# time zones, make the same bytes.
#
#   determinism.sh STATUSGEN SOURCE_DIR WORKDIR
set -eu
sg=$1 src=$2 work=$3
kinds=header,source,docs,single,python,typescript
rm -rf "$work" && mkdir -p "$work/a/out" "$work/b/deeper/out"
( cd "$work/a" && LC_ALL=C TZ=UTC "$sg" --emit $kinds \
    -o out "$src/spec/http_status.yaml" )
( cd "$work/b/deeper" && LC_ALL=C.UTF-8 LANG=ru_RU.UTF-8 TZ=Asia/Shanghai \
    "$sg" --emit $kinds -o "$work/b/deeper/out" \
    "$(realpath --relative-to="$work/b/deeper" "$src/spec/http_status.yaml")" )
# The banners name the spec relative to each output directory, which sit
# at different depths here; compare with that line set aside.
for f in "$work"/a/out/*; do
  name=$(basename "$f")
  grep -v "http_status.yaml" "$f" > "$work/a.txt"
  grep -v "http_status.yaml" "$work/b/deeper/out/$name" > "$work/b.txt"
  cmp "$work/a.txt" "$work/b.txt"
done
# Same output directory depth: identical to the byte, banner included.
mkdir -p "$work/c/out"
( cd "$work/c" && LC_ALL=C.UTF-8 TZ=America/New_York "$sg" \
    --emit $kinds -o out "$src/spec/http_status.yaml" )
for f in "$work"/a/out/*; do
  cmp "$f" "$work/c/out/$(basename "$f")"
done
echo "same bytes from $(ls "$work/a/out" | wc -l) outputs in three runs"
