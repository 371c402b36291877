#!/bin/sh
# SPDX-License-Identifier: MIT
# statusgen's one entry point for people and CI.
#
#   ./build.sh           install what is missing, build, and generate output/
#                        (the HTTP and gRPC registries)
#   ./build.sh test      the quick suite: the same set-up, then one -Werror
#                        build with ASan+UBSan and its CTest tests labelled
#                        `fast` (unit tests, bad inputs, determinism,
#                        output/ in sync, ...)
#   ./build.sh test-all  every test: the quick suite, the rest of the
#                        suite under ASan+UBSan (label `slow`), then the
#                        plain -Werror build's whole suite, valgrind
#                        memcheck included
#
# Packages come from Debian (apt-get), with sudo when not root.  The build
# mode installs only what the generator needs (no test framework: without
# cmocka the tests are simply not configured); both test modes install
# what every test needs.  STATUSGEN_CMAKE_FLAGS adds arguments to every
# cmake configure, e.g.
#   STATUSGEN_CMAKE_FLAGS=-DCMAKE_DISABLE_FIND_PACKAGE_cmocka=ON ./build.sh
set -eu
cd "$(dirname "$0")"
mode=${1:-build}
jobs=$(nproc 2>/dev/null || echo 2)

case $mode in
build | test | test-all) ;;
*)
  echo "usage: ./build.sh [build | test | test-all]" >&2
  echo "  build     build the generator and regenerate output/ (the default)" >&2
  echo "  test      the quick suite: the ASan+UBSan build's tests labelled fast" >&2
  echo "  test-all  every test: both builds' whole suites, valgrind included" >&2
  exit 2
  ;;
esac

have_cmd() { command -v "$1" >/dev/null 2>&1; }

# missing_packages MODE: the Debian packages MODE needs that are not
# installed, one word each.
missing_packages() {
  need=""
  have_cmd cmake || need="$need cmake"
  have_cmd pkg-config || need="$need pkg-config"
  have_cmd gcc || need="$need gcc"
  have_cmd make || need="$need make"
  [ -f /usr/include/yaml.h ] || need="$need libyaml-dev"
  [ "$1" = build ] && { echo "${need# }"; return; }
  [ -f /usr/include/cmocka.h ] || need="$need libcmocka-dev"
  have_cmd g++ || need="$need g++"
  have_cmd clang || need="$need clang"
  have_cmd valgrind || need="$need valgrind"
  have_cmd man || need="$need man-db"
  # the Meson subproject test, and a real cross compiler for the cross test
  have_cmd meson || need="$need meson"
  have_cmd ninja || need="$need ninja-build"
  have_cmd x86_64-w64-mingw32-gcc || need="$need gcc-mingw-w64-x86-64"
  # clang's sanitizer and libFuzzer runtimes
  dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || need="$need libclang-rt-14-dev"
  # the toolchains that check the Python, TypeScript and Rust outputs
  # (Debian's rustc is 1.63, the oldest the Rust module is for)
  have_cmd node || need="$need nodejs"
  have_cmd npm || need="$need npm"
  have_cmd rustc || need="$need rustc"
  have_cmd mypy || need="$need mypy"
  echo "${need# }"
}

need=$(missing_packages "$mode")
if [ -n "$need" ]; then
  echo "build.sh: installing $need"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need
fi

flags=${STATUSGEN_CMAKE_FLAGS:-}

# configure_and_build DIR BUILD_TYPE [CMAKE_ARGS...]: a -Werror build with
# the tests in DIR.
configure_and_build() {
  dir=$1 type=$2
  shift 2
  # shellcheck disable=SC2086 # flags are words
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" -DSTATUSGEN_WERROR=ON \
        -DSTATUSGEN_TESTS=ON "$@" $flags
  cmake --build "$dir" -j "$jobs"
}

# The ASan+UBSan build, made with Ninja when it is new: Ninja builds its
# many small targets in two thirds of make's time.  (The plain build keeps
# make, so the consumer tests run under both; an existing build-asan keeps
# the generator it was made with.)
asan_build() {
  gen=""
  [ -f build-asan/CMakeCache.txt ] || ! have_cmd ninja || gen="-G Ninja"
  # shellcheck disable=SC2086 # $gen is two words or none
  configure_and_build build-asan Debug $gen -DSTATUSGEN_SANITIZE=ON
}

# asan_ctest [CTEST_ARGS...]: the ASan+UBSan build's tests; a finding
# stops the test that made it.
asan_ctest() {
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" "$@"
}

case $mode in
build)
  # shellcheck disable=SC2086 # flags are words
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo $flags
  cmake --build build -j "$jobs"
  ./build/generator/statusgen -o output spec/http_status.yaml
  ./build/generator/statusgen --emit json,python,typescript,rust,cxx \
    -o output spec/http_status.yaml
  ./build/generator/statusgen -o output spec/grpc_status.yaml
  ./build/generator/statusgen --emit json,python,typescript,rust,cxx \
    -o output spec/grpc_status.yaml
  echo "build.sh: built build/generator/statusgen; output/ is up to date"
  ;;
test)
  asan_build
  asan_ctest -L '^fast$'
  echo "build.sh: the quick tests passed (./build.sh test-all runs every test)"
  ;;
test-all)
  asan_build
  asan_ctest -L '^fast$'
  asan_ctest -LE '^fast$'
  # the plain build: its whole suite, and the generator under valgrind
  configure_and_build build RelWithDebInfo
  ctest --test-dir build --output-on-failure -j "$jobs"
  echo "build.sh: all tests passed"
  ;;
esac
