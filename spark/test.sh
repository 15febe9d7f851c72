#!/usr/bin/env bash
# Spark equality tests (issue #17), run from .ci/run:
#  1. local[2]: a generated park (10k firms by default) exported, run on GraphX/Spark SQL, and
#     checked by `chainmap import-results --check` against ChainMap's in-process answers
#     (PageRank L1 <= 1e-9 after the same iterations, identical components, degrees, strengths
#     and stage metrics); an export into a foreign non-empty folder must be refused.
#  2. a standalone cluster on loopback (master + two workers started with spark-class on
#     127.0.0.1), the same job against it, same check; the cluster is always stopped (trap).
# Skips (exit 0, with a message) only when Java is absent. PySpark comes from the cached venv
# of scripts/spark-setup.sh.
#   spark/test.sh [--local-only|--cluster-only] [--firms N] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
firms="${CHAINMAP_SPARK_TEST_FIRMS:-10000}" seed=7 local=1 cluster=1
while [ $# -gt 0 ]; do
  case "$1" in
    --local-only) cluster=0; shift ;;
    --cluster-only) local=0; shift ;;
    --firms) firms="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ! command -v java >/dev/null 2>&1; then
  echo "spark/test.sh: SKIPPED: java not found (Spark needs a Java 17 or 21 runtime)" >&2
  exit 0
fi
start=$(date +%s)
export SPARK_HOME="$(bash scripts/spark-setup.sh)"
export SPARK_LOCAL_IP=127.0.0.1
if [ -n "${CHAINMAP_BIN:-}" ]; then
  chainmap="$CHAINMAP_BIN"   # a chainmap already built (e.g. .build/release/chainmap)
else
  swift build --product chainmap >/dev/null
  chainmap="$(swift build --show-bin-path)/chainmap"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/chainmap-spark-test.XXXXXX")"
pids=()
cleanup() {
  # Stop the cluster processes this script started (by their ids), then remove the work folder.
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

"$chainmap" generate --firms "$firms" --seed "$seed" -o "$work/park" >/dev/null 2>&1
"$chainmap" export "$work/park" --to spark -o "$work/lake" --no-warnings --rows-per-file 40000
# Refusal: a non-empty folder not written by ChainMap is never replaced.
mkdir -p "$work/foreign" && echo keep > "$work/foreign/notes.txt"
if "$chainmap" export "$work/park" --to spark -o "$work/foreign" --no-warnings 2>/dev/null; then
  echo "spark/test.sh: FAIL: export replaced a foreign folder" >&2; exit 1
fi
[ "$(cat "$work/foreign/notes.txt")" = keep ] || { echo "spark/test.sh: FAIL: foreign folder touched" >&2; exit 1; }
# An earlier export is replaced.
"$chainmap" export "$work/park" --to spark -o "$work/lake" --no-warnings --rows-per-file 40000

check() {  # check RESULTS LABEL
  "$chainmap" import-results "$1" --park "$work/park" --section compare --check
  echo "spark/test.sh: $2: Spark equals ChainMap" >&2
}

if [ "$local" = 1 ]; then
  nice spark/run.sh "$work/lake" -o "$work/results-local" --master "local[2]" --iterations 20
  check "$work/results-local" "local[2], $firms firms"
fi

if [ "$cluster" = 1 ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cls="$SPARK_HOME/bin/spark-class"
  mkdir -p "$work/cluster"
  nice "$cls" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    > "$work/cluster/master.log" 2>&1 &
  pids+=($!)
  for i in $(seq 60); do grep -q "I have been elected leader" "$work/cluster/master.log" && break; sleep 1; done
  for w in 1 2; do
    nice "$cls" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" --host 127.0.0.1 --cores 1 \
      --memory 1g --webui-port 0 --work-dir "$work/cluster/work$w" > "$work/cluster/worker$w.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 90); do
    [ "$(grep -c "Registering worker" "$work/cluster/master.log" || true)" -ge 2 ] && break; sleep 1
  done
  if [ "$(grep -c "Registering worker" "$work/cluster/master.log" || true)" -lt 2 ]; then
    echo "spark/test.sh: FAIL: the two workers did not register with the master" >&2
    tail -20 "$work/cluster/"*.log >&2; exit 1
  fi
  CHAINMAP_SPARK_EXECUTOR_MEMORY=768m nice spark/run.sh "$work/lake" -o "$work/results-cluster" \
    --master "spark://127.0.0.1:$port" --iterations 20
  check "$work/results-cluster" "standalone cluster (master + 2 workers on 127.0.0.1), $firms firms"
fi
echo "spark/test.sh: passed in $(( $(date +%s) - start )) s" >&2
