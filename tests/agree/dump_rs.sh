#!/bin/sh
# dump_rs.sh RUSTC PYTHON AGREE_DIR MODULE JSON WORK [CLASS...]
#
# The Rust side of an agreement test: builds dump_rs.rs against the
# generated module MODULE (<name>.rs, include!d) with RUSTC (edition 2021,
# -D warnings) into WORK, then runs it on standard input with the CLASS
# names (run.sh passes them).  The glue it writes names the registry's
# is_<class> functions (queries.py --classes JSON) and its fields and
# from_reason (fields_glue.py --rust JSON), which Rust cannot find by name
# at run time.
set -eu
rustc=$1 python=$2 dir=$3 module=$4 json=$5 work=$6
shift 6
mkdir -p "$work"
case $module in /*) ;; *) module=$PWD/$module ;; esac
classes=$("$python" "$dir/queries.py" --classes "$json")
glue=$work/agree_glue.rs
{
  echo "// made by dump_rs.sh: the module under test and its classes"
  echo "#[allow(dead_code)]"
  echo "mod reg {"
  echo "    include!(\"$module\");"
  echo "}"
  printf 'const CLASSES: &[&str] = &['
  for c in $classes; do printf '"%s", ' "$c"; done
  echo '];'
  [ -n "$classes" ] || echo "#[allow(unused_variables)] // no classes"
  echo "fn class_tests(n: i64) -> Vec<bool> {"
  printf '    vec!['
  for c in $classes; do printf 'with_code(reg::is_%s, n, false), ' "$c"; done
  echo ']'
  echo "}"
  "$python" "$dir/fields_glue.py" --rust "$json"
} > "$glue"
SG_AGREE_GLUE=$glue "$rustc" --edition 2021 -D warnings -C opt-level=1 \
  -o "$work/dump_rs" "$dir/dump_rs.rs" >&2
exec "$work/dump_rs" "$@"
