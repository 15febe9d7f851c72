#!/usr/bin/env bash
# Runs ChainMap's analyses on Apache Spark (GraphX + Spark SQL) over a `chainmap export --to spark`
# folder and writes results that `chainmap import-results` reads.
#
#   spark/run.sh EXPORT -o RESULTS [--master URL] [--iterations N] [--tolerance T] [--damping D]
#                [--weighted] [--memory 2g]
#
# EXPORT   a folder written by `chainmap export PARK --to spark -o EXPORT`
# RESULTS  a new folder (an earlier results folder is replaced; any other non-empty folder is refused)
# --master local[2] (default), local[*], or spark://127.0.0.1:7077 for a standalone cluster
# PageRank: --iterations (default 20) power iterations, stopping earlier when --tolerance T > 0
#           and the L1 change falls below it (default 0: exactly N); --damping 0.85; --weighted
#           (link values as weights). The same parameters as `chainmap rank --by pagerank`.
# Spark comes from the cached virtualenv of scripts/spark-setup.sh (installed on first use), or
# from $SPARK_HOME when set.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
in="" out="" master="local[2]" iterations=20 tolerance=0 damping=0.85 weighted=false memory="${CHAINMAP_SPARK_MEMORY:-2g}"
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) out="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    --iterations) iterations="$2"; shift 2 ;;
    --tolerance) tolerance="$2"; shift 2 ;;
    --damping) damping="$2"; shift 2 ;;
    --weighted) weighted=true; shift ;;
    --memory) memory="$2"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "run.sh: unknown option $1" >&2; usage ;;
    *) [ -z "$in" ] || usage; in="$1"; shift ;;
  esac
done
[ -n "$in" ] && [ -n "$out" ] || usage
if [ ! -f "$in/_chainmap.json" ]; then
  echo "run.sh: $in is not a chainmap export (no _chainmap.json); write one with: chainmap export PARK --to spark -o $in" >&2
  exit 1
fi
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ] && [ ! -f "$out/_chainmap_results.json" ]; then
  echo "run.sh: $out is not empty and was not written by spark/run.sh; choose a new folder" >&2
  exit 1
fi
if [ -z "${SPARK_HOME:-}" ] || [ ! -x "$SPARK_HOME/bin/spark-shell" ]; then
  SPARK_HOME="$(bash "$here/../scripts/spark-setup.sh")"
fi
export SPARK_HOME
shell="$SPARK_HOME/bin/spark-shell"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
in_abs="$(cd "$in" && pwd)"
mkdir -p "$(dirname "$out")"
parent="$(cd "$(dirname "$out")" && pwd)"
out_abs="$parent/$(basename "$out")"
tmp="$parent/.$(basename "$out").$$.tmp"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
# The job exits 0 only after writing every table and the summary; nothing partial is left.
"$shell" --master "$master" --driver-memory "$memory" --executor-memory "${CHAINMAP_SPARK_EXECUTOR_MEMORY:-$memory}" \
  --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions="${CHAINMAP_SPARK_SHUFFLE:-8}" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.chainmap.in="$in_abs" --conf spark.chainmap.out="$tmp" \
  --conf spark.chainmap.iterations="$iterations" --conf spark.chainmap.tolerance="$tolerance" \
  --conf spark.chainmap.damping="$damping" --conf spark.chainmap.weighted="$weighted" \
  --conf spark.chainmap.checkpoint="$tmp/_checkpoint" \
  -i "$here/chainmap-job.scala" < /dev/null > "$tmp.log" 2>&1 || {
    status=$?
    grep -E "chainmap-spark|Exception|error" "$tmp.log" | head -40 >&2
    echo "run.sh: the Spark job failed (exit $status); full log: $tmp.log" >&2
    trap - EXIT; rm -rf "$tmp"; exit 1
  }
grep "^chainmap-spark:" "$tmp.log" >&2 || true
rm -rf "$tmp/_checkpoint"
find "$tmp" -name '.*.crc' -delete -o -name '_SUCCESS' -delete
rm -f "$tmp.log"
if [ -e "$out_abs" ]; then rm -rf "$out_abs"; fi
mv "$tmp" "$out_abs"
trap - EXIT
echo "run.sh: wrote $out" >&2
