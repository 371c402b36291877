#!/bin/sh
# dump_cxx.sh CXX STD PYTHON AGREE_DIR HEADER JSON WORK [CLASS...]
#
# The C++ side of an agreement test: builds dump_cxx.cpp against the
# generated header HEADER (<name>.hpp, namespace statusgen::<name>) with
# CXX -std=STD and every warning an error into WORK, then runs it on
# standard input with the CLASS names (run.sh passes them).
# agree_spec.h (queries.py --c-header JSON) names the registry's classes,
# agree_fields.h (fields_glue.py --cxx JSON) answers its fields.
set -eu
cxx=$1 std=$2 python=$3 dir=$4 header=$5 json=$6 work=$7
shift 7
mkdir -p "$work"
stem=$(basename "$header" .hpp)
"$python" "$dir/queries.py" -o "$work/agree_spec.h" --c-header "$json"
"$python" "$dir/fields_glue.py" --cxx "$json" > "$work/agree_fields.h"
"$cxx" -std="$std" -Wall -Wextra -Wpedantic -Werror -O1 \
  -I"$work" -I"$(dirname "$header")" \
  "-DSG_HPP=\"$stem.hpp\"" "-DSG_NS=statusgen::$stem" \
  -o "$work/dump_cxx" "$dir/dump_cxx.cpp" >&2
exec "$work/dump_cxx" "$@"
