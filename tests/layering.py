#!/usr/bin/env python3
"""No cycle among the generator's files: reads the symbols of the
generator's library (nm), makes a graph of which file calls or reads
which, and fails, naming them, when files depend on each other in a ring
(an emitter calling another that calls it back, a stage calling one above
it in the pipeline that calls it).

usage: layering.py LIBSTATUSGEN_CORE.a    (nm, or the one $NM names)
"""
import collections
import os
import subprocess
import sys


def graph(archive):
    nm = os.environ.get("NM") or "nm"
    out = subprocess.run([nm, "-A", archive], capture_output=True,
                         text=True, check=True).stdout
    defined, used = {}, collections.defaultdict(set)
    for line in out.splitlines():
        where, _, rest = line.rpartition(":")
        member = where.rpartition(":")[2].rsplit(".c.o", 1)[0]
        fields = rest.split()
        if len(fields) == 3 and fields[1] in "TDRB":
            defined[fields[2]] = member
        elif len(fields) == 2 and fields[0] == "U":
            used[member].add(fields[1])
    edges = collections.defaultdict(set)
    for member, symbols in used.items():
        for s in symbols:
            if s in defined and defined[s] != member:
                edges[member].add(defined[s])
    return edges


def rings(edges):
    """The strongly connected components of more than one file."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            ring = []
            while True:
                w = stack.pop()
                on.discard(w)
                ring.append(w)
                if w == v:
                    break
            if len(ring) > 1:
                found.append(sorted(ring))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    edges = graph(argv[1])
    if len(edges) < 10:
        print("layering.py: only %d files call others: not the generator's "
              "library?" % len(edges), file=sys.stderr)
        return 2
    found = rings(edges)
    for ring in found:
        print("layering.py: these files depend on each other: "
              + ", ".join(f + ".c" for f in ring), file=sys.stderr)
        for f in ring:
            print("  %s.c -> %s" % (f, ", ".join(
                sorted(g + ".c" for g in edges[f] if g in ring))),
                file=sys.stderr)
    if found:
        return 1
    print("layering.py: %d files, no cycle" % len(edges))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
