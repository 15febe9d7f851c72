#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (release, -sanitize=fuzzer,address) and runs each for a
# bounded time or number of inputs; fails when any target finds a crash, a sanitizer report, a
# leak, a timeout or an out-of-memory input. See Fuzz/README.md.
#
#   scripts/fuzz.sh                         # every target, 60 s each
#   scripts/fuzz.sh --seconds 10 FuzzEdgeList
#   scripts/fuzz.sh --runs 1000000 FuzzParkJSON
#   scripts/fuzz.sh --no-build --seconds 1800 FuzzParkCSV -- -jobs=1 -print_pcs=1
#
# Options: --seconds N (per target; default 60 unless --runs is given), --runs N (inputs per
# target), --no-build, and after `--` extra libFuzzer flags. Each target's working corpus
# grows in Fuzz/.corpus/<Target> (seeded from Fuzz/Seeds/<Target>, not committed); crashing
# inputs go to Fuzz/artifacts/<Target>/ and logs to $FUZZ_LOG_DIR (default Fuzz/.logs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

TARGETS_ALL=(FuzzParkJSON FuzzParkCSV FuzzEdgeList FuzzParkXLSX FuzzXLSXParts FuzzMatchFiles FuzzParkSnapshot)

seconds=""
runs=""
build=1
targets=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${TARGETS_ALL[@]}")
[ -z "$seconds" ] && [ -z "$runs" ] && seconds=60

# SwiftPM names a path dependency after its folder: a checkout folder named "fuzz" (any case)
# collides with the Fuzz package itself, so such a checkout is built from a copy.
PKG="$ROOT/Fuzz"
if [ "$(basename "$ROOT" | tr '[:upper:]' '[:lower:]')" = "fuzz" ]; then
  copy="${TMPDIR:-/tmp}/chainmap-fuzz-build/ChainMap"
  mkdir -p "$copy"
  PKG="$copy/Fuzz"
fi
if [ "$PKG" != "$ROOT/Fuzz" ] && [ "$build" = 1 ]; then
  echo "fuzz.sh: the checkout folder is named $(basename "$ROOT"); building from a copy in $copy" >&2
  (cd "$ROOT" && tar --exclude=.git --exclude=./.build --exclude='./.build-*' --exclude=./Fuzz/.build \
      --exclude=./Fuzz/.corpus --exclude=./Fuzz/artifacts --exclude=./Fuzz/.logs --exclude=./Benchmarks -cf - .) \
    | (cd "$copy" && tar -xf -)
fi

if [ "$build" = 1 ]; then
  start=$(date +%s)
  # lld: gold fails on the sanitizer-instrumented objects ("internal error in format_file_lineno").
  (cd "$PKG" && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
  echo "fuzz.sh: build took $(( $(date +%s) - start )) s" >&2
fi
BIN="$PKG/.build/release"

# The Swift runtime's crash backtracer reads the stack in a way ASan reports as a
# stack-buffer-underflow (and can stall): leave crash reports to ASan and libFuzzer.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

LOGS="${FUZZ_LOG_DIR:-$ROOT/Fuzz/.logs}"
mkdir -p "$LOGS"
failed=()
summary=()
for t in "${targets[@]}"; do
  [ -x "$BIN/$t" ] || { echo "fuzz.sh: no target $t (known: ${TARGETS_ALL[*]})" >&2; exit 2; }
  corpus="$ROOT/Fuzz/.corpus/$t"
  artifacts="$ROOT/Fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  # -detect_leaks=0: libFuzzer's in-run leak checks stop the world (ptrace) whenever an input
  # leaves mallocs unfreed, which Swift's runtime caches and libdispatch's threads do all the
  # time: the CSV target ran at 5 inputs/s with them, 150/s without. Leaks are not what these
  # targets look for; pass -- -detect_leaks=1 to have them.
  flags=(-timeout=20 -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 "-artifact_prefix=$artifacts/")
  [ -f "$ROOT/Fuzz/Dictionaries/$t.dict" ] && flags+=("-dict=$ROOT/Fuzz/Dictionaries/$t.dict")
  [ -n "$seconds" ] && flags+=("-max_total_time=$seconds")
  [ -n "$runs" ] && flags+=("-runs=$runs")
  log="$LOGS/$t.log"
  echo "fuzz.sh: $t ${seconds:+${seconds} s }${runs:+${runs} runs }→ $log" >&2
  start=$(date +%s)
  rc=0
  "$BIN/$t" "${flags[@]}" ${extra[@]+"${extra[@]}"} "$corpus" "$ROOT/Fuzz/Seeds/$t" >"$log" 2>&1 || rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  covline=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  line="$t: ${execs:-?} inputs in $took s, ${covline:-no coverage line}, exit $rc"
  summary+=("$line")
  if [ "$rc" -eq 72 ]; then
    # libFuzzer's -interrupted_exitcode: stopped by a signal (Ctrl-C), nothing found.
    failed+=("$t(interrupted)")
  elif [ "$rc" -ne 0 ]; then
    failed+=("$t")
    echo "fuzz.sh: $t FAILED (exit $rc); last lines of $log:" >&2
    grep -E 'ERROR|SUMMARY|Fatal error|deadly signal|Test unit written|Base64' "$log" | head -20 >&2 || tail -30 "$log" >&2
  fi
done
printf 'fuzz.sh: %s\n' "${summary[@]}" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failed: ${failed[*]}; reproduce a crash with $BIN/<Target> Fuzz/artifacts/<Target>/<file>" >&2
  exit 1
fi
