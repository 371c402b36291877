#!/bin/sh
# statusgen's one entry point for people and CI.
#
#   ./build.sh        install what is missing, build, and generate output/
#                     (the HTTP and gRPC registries)
#   ./build.sh test   the same set-up, then every test: the -Werror build's
#                     CTest suite, the suite again under ASan+UBSan, and the
#                     generator on the real spec under valgrind
#
# Packages come from Debian (apt-get), with sudo when not root.  The build
# mode installs only what the generator needs (no test framework: without
# cmocka the tests are simply not configured).  STATUSGEN_CMAKE_FLAGS adds
# arguments to every cmake configure, e.g.
#   STATUSGEN_CMAKE_FLAGS=-DCMAKE_DISABLE_FIND_PACKAGE_cmocka=ON ./build.sh
set -eu
cd "$(dirname "$0")"
mode=${1:-build}
jobs=$(nproc 2>/dev/null || echo 2)

need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd cmake || need="$need cmake"
have_cmd pkg-config || need="$need pkg-config"
have_cmd gcc || need="$need gcc"
have_cmd make || need="$need make"
[ -f /usr/include/yaml.h ] || need="$need libyaml-dev"
if [ "$mode" = test ]; then
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
fi
if [ -n "$need" ]; then
  echo "build.sh: installing$need"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need
fi

flags=${STATUSGEN_CMAKE_FLAGS:-}

case $mode in
build)
  # shellcheck disable=SC2086 # flags are words
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo $flags
  cmake --build build -j "$jobs"
  for spec in spec/http_status.yaml spec/grpc_status.yaml; do
    ./build/generator/statusgen -o output "$spec"
    ./build/generator/statusgen --emit json -o output "$spec"
  done
  echo "build.sh: built build/generator/statusgen; output/ is up to date"
  ;;
test)
  # shellcheck disable=SC2086
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTATUSGEN_WERROR=ON \
        -DSTATUSGEN_TESTS=ON $flags
  cmake --build build -j "$jobs"
  ctest --test-dir build --output-on-failure -j "$jobs"

  # shellcheck disable=SC2086
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSTATUSGEN_WERROR=ON \
        -DSTATUSGEN_SANITIZE=ON -DSTATUSGEN_TESTS=ON $flags
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"

  vg=build/valgrind
  rm -rf "$vg" && mkdir -p "$vg"
  valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all \
    --quiet ./build/generator/statusgen --emit header,source,docs,single \
    -o "$vg" spec/http_status.yaml
  valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all \
    --quiet ./build/generator/statusgen --check -o output \
    spec/http_status.yaml
  # every bad-input case again, under memcheck
  printf '#!/bin/sh\nexec valgrind -q --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=all "%s" "$@"\n' \
    "$PWD/build/generator/statusgen" > "$vg/statusgen-vg"
  chmod +x "$vg/statusgen-vg"
  BAD_TIME_LIMIT=5 sh tests/bad/run.sh "$vg/statusgen-vg" all
  sh tests/bad-csv/run.sh "$vg/statusgen-vg" all
  echo "build.sh: valgrind memcheck: no errors, no leaks"
  echo "build.sh: all tests passed"
  ;;
*)
  echo "usage: ./build.sh [build|test]" >&2
  exit 2
  ;;
esac
