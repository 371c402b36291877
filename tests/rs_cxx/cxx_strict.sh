#!/bin/sh
# cxx_strict.sh STATUSGEN CXX STDS SRCDIR WORK SPEC [OPTION...]
#
# Generates SPEC's C header, C source and C++ header (statusgen
# --emit header,source,cxx OPTION...) into WORK and compiles, under each
# standard of STDS (comma-separated: c++17,gnu++20...), a file that
# includes both headers, the C++ one first and then the C one, and one the
# other way round, with every warning of a strict outside project an
# error: -Wall -Wextra -Wpedantic, conversions, casts, shadowing,
# -Wold-style-cast, -Wzero-as-null-pointer-constant, g++'s
# -Wuseless-cast, and clang's -Weverything less the warnings about the
# dialect (-Wc++98-compat*) and about padding; and a file that includes
# the C++ header alone.  CXX_STRICT_TUS in the environment picks among
# these three (use_a use_b use_hpp): a registry named std is no C++ name
# for the C header's enum, and the quick test needs none.  For the HTTP
# registry it also builds tests/rs_cxx/test_cxx.cpp (static_asserts),
# test_cxx_ns.cpp and the C source into one program and runs it.
set -eu
statusgen=$1 cxx=$2 stds=$3 src=$4 work=$5 spec=$6
shift 6
rm -rf "$work"
mkdir -p "$work"
"$statusgen" --emit header,source,cxx "$@" -o "$work" "$spec"
hpp=$(cd "$work" && ls ./*.hpp)
stem=$(basename "$hpp" .hpp)
printf '#include "%s.hpp"\n#include "%s.h"\nint use_cxx(int c);\nint use_cxx(int c)\n{\n    return statusgen::%s::is_known(c) == (%s_is_known(c) != 0);\n}\n' \
  "$stem" "$stem" "$stem" "$stem" > "$work/use_a.cpp"
printf '#include "%s.h"\n#include "%s.hpp"\nint use_c(int c);\nint use_c(int c)\n{\n    return %s_is_known(c) + static_cast<int>(statusgen::%s::traits(c));\n}\n' \
  "$stem" "$stem" "$stem" "$stem" > "$work/use_b.cpp"
printf '#include "%s.hpp"\nstatic_assert(statusgen::%s::is_known(statusgen::%s::detail::entries[0].number));\n' \
  "$stem" "$stem" "$stem" > "$work/use_hpp.cpp"
tus=${CXX_STRICT_TUS-use_a use_b use_hpp}
case $("$cxx" --version 2>/dev/null) in
  *clang*) extra="-Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic -Wno-padded" ;;
  *) extra="-Wuseless-cast" ;;
esac
for std in $(echo "$stds" | tr ',' ' '); do
  flags="-std=$std -Wall -Wextra -Wpedantic -Werror -Wcast-qual -Wconversion
    -Wsign-conversion -Wshadow -Wundef -Wcast-align -Wmissing-declarations
    -Wswitch-default -Wredundant-decls -Wold-style-cast
    -Wzero-as-null-pointer-constant $extra -I$work"
  for tu in $tus; do
    # shellcheck disable=SC2086 # flags are words on purpose
    "$cxx" $flags -c "$work/$tu.cpp" -o "$work/$tu-$std.o"
  done
  if [ "$stem" = http_status ]; then
    # shellcheck disable=SC2086
    "$cxx" $flags -c "$src/tests/rs_cxx/test_cxx.cpp" -o "$work/t-$std.o"
    # shellcheck disable=SC2086
    "$cxx" $flags -c "$src/tests/rs_cxx/test_cxx_ns.cpp" -o "$work/n-$std.o"
    "$cxx" -std="$std" -x c++ -c "$work/http_status.c" -o "$work/c-$std.o"
    "$cxx" -o "$work/test_cxx-$std" "$work/t-$std.o" "$work/n-$std.o" \
      "$work/c-$std.o"
    "$work/test_cxx-$std"
  fi
done
echo "$stem.hpp: $cxx $stds: warning-free under the strict set"
