#!/bin/sh
# grpc_langs.sh STATUSGEN SPEC DIR: the Python, TypeScript, Rust and C++
# emitters on a registry without wire phrases (phrases: false) make their
# files, and the C++ header's table of phrases is not an empty array (no
# such thing in C++); with a C++17 compiler, the header compiles -pedantic.
set -eu
tool=$1 spec=$2 dir=$3
rm -rf "$dir"
mkdir -p "$dir"
"$tool" --emit python,typescript,rust,cxx -o "$dir" "$spec"
hpp=$(ls "$dir"/*.hpp)
if grep -A1 'by_reason\[\] = {' "$hpp" | grep -q '^};'; then
    echo "grpc_langs.sh: $hpp: by_reason is an empty array" >&2
    exit 1
fi
if command -v c++ >/dev/null 2>&1; then
    printf '#include "%s"\nint main() { return 0; }\n' "$hpp" >"$dir/m.cpp"
    c++ -std=c++17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only "$dir/m.cpp"
fi
echo "grpc_langs.sh: ok"
