#!/bin/sh
# Runs bad-input cases against statusgen:
#   run.sh STATUSGEN CASE...        (CASE: a NAME with NAME.err in this
#                                    directory; "all" runs every case)
# For each case statusgen runs on NAME.yaml (or on an input made here: see
# make_input) with -o pointing at an output directory already holding
# files.  The case passes when statusgen exits 2 within the time limit,
# its standard error equals NAME.err, every line of it is
# "file:line:col: error|note: ..." unless the case has no position (the
# file NAME.yaml, or for an overlay a spec it extends, NAME.*.yaml, which
# is copied beside it), and
# the output directory is exactly as it was: same files, bytes, modes and
# times, and no temporary file left behind.
# Environment: BAD_TIME_LIMIT (seconds a case may take, default 1; the
# hang guard kills statusgen after 10 times that).
set -u
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 2 ] || { echo "usage: $0 STATUSGEN CASE..." >&2; exit 2; }
tool=$1
shift
case $tool in /*) ;; *) tool=$(pwd)/$tool ;; esac
limit=${BAD_TIME_LIMIT:-1}
guard=$((limit * 10))
if [ "$1" = all ]; then
    set --
    for f in "$here"/*.err; do
        set -- "$@" "$(basename "$f" .err)"
    done
fi

# Cases whose diagnostics have no position in the spec.
positionless="empty file-too-large missing-file spec-is-directory output-is-file output-not-writable"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-bad.XXXXXX") || exit 2
chmod 755 "$scratch"
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

# A listing of dir that changes when any file is added, removed or touched.
snapshot() {
    (cd "$1" && find . -print0 | sort -z | xargs -0 stat -c '%n %s %f %Y.%y' &&
        find . -type f -print0 | sort -z | xargs -0 -r cksum)
}

# Puts the case's input in place as NAME.yaml (or the path the case
# needs) inside the case directory $dir; sets $spec and $out.
make_input() {
    spec=$1.yaml
    out=out
    case $1 in
    deep-nesting)
        # 200,000 nested flow sequences under a key
        { printf 'a: '
          head -c 200000 /dev/zero | tr '\0' '['
          head -c 200000 /dev/zero | tr '\0' ']'
          echo; } >"$dir/$spec" ;;
    huge-scalar)
        # one 8 MiB double-quoted scalar as the registry name
        { printf 'statusgen: 1\nregistry:\n  name: "'
          head -c 8388608 /dev/zero | tr '\0' x
          printf '"\n'; } >"$dir/$spec" ;;
    file-too-large)
        # 65 MiB of comment lines, over the 64 MiB limit
        awk 'BEGIN { l = "#"; for (i = 0; i < 1023; i++) l = l "x";
                     for (i = 0; i < 66560; i++) print l }' >"$dir/$spec" ;;
    missing-file)
        ;;
    spec-is-directory)
        mkdir "$dir/$spec" ;;
    output-is-file)
        spec=spec.yaml
        cp "$here/../fixtures/mini.yaml" "$dir/$spec"
        out=out.txt ;;
    output-not-writable)
        spec=spec.yaml
        cp "$here/../fixtures/mini.yaml" "$dir/$spec" ;;
    extends-deep)
        # a chain of ten specs, each extending the next
        i=0
        while [ $i -lt 10 ]; do
            printf 'statusgen: 1\nextends: extends-deep.%d.yaml\n' \
                $((i + 1)) >"$dir/extends-deep.$i.yaml"
            i=$((i + 1))
        done
        cp "$dir/extends-deep.0.yaml" "$dir/$spec" ;;
    *)
        cp "$here/$1.yaml" "$dir/$spec"
        # the specs an overlay extends: NAME.*.yaml
        for f in "$here/$1".*.yaml; do
            [ -f "$f" ] && cp "$f" "$dir/"
        done ;;
    esac
}

# Fills the output directory with files statusgen would otherwise write.
fill_output() {
    if [ "$1" = output-is-file ]; then
        echo "a file where the output directory should be" >"$dir/$out"
        return
    fi
    mkdir "$dir/$out"
    for f in demo.h demo.c demo.en.md mini.h mini.c mini.en.md mini.de.md \
             unrelated.txt; do
        echo "old contents of $f" >"$dir/$out/$f"
    done
    touch -d '2001-02-03 04:05:06' "$dir/$out"/*
}

failures=0
ran=0
for name in "$@"; do
    ran=$((ran + 1))
    dir=$scratch/$name
    mkdir "$dir"
    if [ ! -f "$here/$name.err" ]; then
        echo "FAIL $name: no $name.err"
        failures=$((failures + 1))
        continue
    fi
    make_input "$name"
    fill_output "$name"
    runas=""
    if [ "$name" = output-not-writable ]; then
        chmod 555 "$dir/$out"
        if [ "$(id -u)" = 0 ]; then
            # root writes anywhere: run as nobody, on files nobody owns
            if ! command -v setpriv >/dev/null 2>&1; then
                echo "SKIP $name: running as root without setpriv"
                continue
            fi
            chown -R 65534:65534 "$dir"
            chmod 755 "$dir"
            runas="setpriv --reuid=65534 --regid=65534 --clear-groups"
            # a checkout in a private directory (mktemp -d) is out of
            # nobody's reach
            if ! (cd "$dir" && $runas test -x "$tool") 2>/dev/null; then
                echo "SKIP $name: user nobody cannot run $tool"
                continue
            fi
        fi
    fi
    before=$(snapshot "$dir")
    start=$(date +%s%N)
    (cd "$dir" && $runas timeout -k 1 "$guard" "$tool" -o "$out" "$spec" \
        >"$scratch/stdout.txt" 2>"$scratch/stderr.txt")
    status=$?
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    after=$(snapshot "$dir")
    why=""
    if [ $status -eq 124 ] || [ $status -eq 137 ]; then
        why="hung (killed after $guard s)"
    elif [ $status -ne 2 ]; then
        why="exit status $status, not 2"
    elif ! cmp -s "$scratch/stderr.txt" "$here/$name.err"; then
        why="standard error differs from $name.err:
$(diff "$here/$name.err" "$scratch/stderr.txt")"
    elif [ -s "$scratch/stdout.txt" ]; then
        why="wrote to standard output"
    elif [ "$before" != "$after" ]; then
        why="output directory changed:
$(printf '%s\n' "$before" >"$scratch/before.txt"
  printf '%s\n' "$after" >"$scratch/after.txt"
  diff "$scratch/before.txt" "$scratch/after.txt")"
    elif [ -n "$(find "$dir" -name '*.tmp-*')" ]; then
        why="temporary file left behind"
    elif [ $ms -gt $((limit * 1000)) ]; then
        why="took $ms ms (limit $limit s)"
    else
        case " $positionless " in
        *" $name "*)
            if grep -v -E '^[^ ]+: error: ' "$scratch/stderr.txt" >/dev/null
            then
                why="a line is not 'file: error: message'"
            fi ;;
        *)
            # (an overlay's messages may be in the specs it extends,
            # NAME.*.yaml)
            files="$name(\.[a-z0-9]+)*\.yaml"
            if grep -v -E "^$files:[0-9]+:[0-9]+: (error|note): " \
                "$scratch/stderr.txt" >/dev/null; then
                why="a line is not '$spec:line:col: error|note: message'"
            elif ! head -n 1 "$scratch/stderr.txt" |
                grep -E "^$files:[0-9]+:[0-9]+: error: " >/dev/null; then
                why="the first line is not an error with a position"
            fi ;;
        esac
    fi
    if [ -n "$why" ]; then
        echo "FAIL $name: $why"
        failures=$((failures + 1))
    else
        echo "ok   $name ($ms ms)"
    fi
    chmod -R u+w "$dir" 2>/dev/null
    rm -rf "$dir"
done
echo "$ran case(s), $failures failure(s)"
[ $failures -eq 0 ]
