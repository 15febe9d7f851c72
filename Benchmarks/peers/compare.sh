#!/usr/bin/env bash
# ChainMap side by side with igraph, NetworKit, NetworkX and rustworkx — and, at scale, with
# the GAP Benchmark Suite as the hardware's limit.
#
#   Benchmarks/peers/compare.sh                      # directed G(n=100000, m=1000000), seed 42
#   Benchmarks/peers/compare.sh --graph edges.txt    # your own edge list (integer labels)
#   Benchmarks/peers/compare.sh --nx-sources 10      # NetworkX betweenness from 10 sources, time x10
#   Benchmarks/peers/compare.sh --rmat 20 --gapbs /work/gapbs --rounds 3
#                                                    # kernels on R-MAT scale 20 vs GAPBS and peers
#
# Makes Benchmarks/peers/.venv with the pinned peers from PyPI, builds chainmap in release,
# then runs Benchmarks/peers/compare.py (all its options pass through) — or, with --rmat or
# --gapbs, Benchmarks/peers/kernels.py: PageRank, WCC, SCC and peak memory in alternating
# rounds on an R-MAT graph made by rmat.c (compiled with cc into data/). --gapbs DIR names a
# GAPBS build (git clone https://github.com/sbeamer/gapbs && make; never inside this repo);
# without it GAPBS is skipped with a message. Data and the last report go to
# Benchmarks/peers/data/ (not committed). Exit status 1 when results disagree.
#
# Environment: PYTHON (default python3), CHAINMAP_SCRATCH (SwiftPM scratch path, default .build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
pins=(igraph==1.0.0 networkit==11.2.2 networkx==3.6.1 rustworkx==0.18.1 scipy numpy)

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv" >&2
    "${PYTHON:-python3}" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import igraph, networkit, networkx, rustworkx, scipy' 2>/dev/null; then
    echo "installing ${pins[*]}" >&2
    "$venv/bin/pip" install --quiet "${pins[@]}"
fi

scratch="${CHAINMAP_SCRATCH:-.build}"
echo "building chainmap (release, scratch path $scratch)" >&2
(cd "$repo" && swift build -c release --product chainmap --scratch-path "$scratch" >&2)
bin="$(cd "$repo" && swift build -c release --product chainmap --scratch-path "$scratch" --show-bin-path)/chainmap"

mkdir -p "$here/data"
for arg in "$@"; do
    if [[ "$arg" == --rmat || "$arg" == --rmat=* || "$arg" == --gapbs || "$arg" == --gapbs=* ]]; then
        exec "$venv/bin/python" "$here/kernels.py" --chainmap "$bin" "$@"
    fi
done
exec "$venv/bin/python" "$here/compare.py" --chainmap "$bin" "$@"
