#!/bin/sh
# rust_test.sh STATUSGEN RUSTC SRCDIR WORK
#
# Generates the HTTP registry's Rust module and C header into WORK,
# builds tests/rs_cxx/test_rust.rs with rustc --test (edition 2021,
# -D warnings) against the module and runs it; the test compares the
# module's SPEC_ID with the header's HTTP_STATUS_SPEC_ID.
set -eu
statusgen=$1 rustc=$2 src=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
"$statusgen" --emit rust,header -o "$work" "$src/spec/http_status.yaml"
id=$(sed -n 's/^#define HTTP_STATUS_SPEC_ID "\([0-9a-f]*\)"$/\1/p' \
  "$work/http_status.h")
[ -n "$id" ] || { echo "rust_test.sh: no HTTP_STATUS_SPEC_ID" >&2; exit 1; }
SG_HTTP_RS=$work/http_status.rs SG_C_SPEC_ID=$id \
  "$rustc" --edition 2021 --test -D warnings -o "$work/test_rust" \
  "$src/tests/rs_cxx/test_rust.rs"
"$work/test_rust" --test-threads 1
