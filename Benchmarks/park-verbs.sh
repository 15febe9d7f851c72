#!/usr/bin/env bash
# Times every park verb of issue #16 on one park (a 1M-firm snapshot in the issue), end to end
# as a user runs them: wall and CPU seconds and peak memory from /usr/bin/time, the load
# average before each run. With several binaries (before and after a change) the runs
# alternate, binary by binary within each round, and the outputs are compared byte for byte.
#
#   chainmap generate --firms 1000000 --seed 1 -o /tmp/p1m
#   chainmap convert /tmp/p1m --to chainpark -o /tmp/p1m.chainpark
#   Benchmarks/park-verbs.sh /tmp/p1m.chainpark .build/release/chainmap [OTHER-BINARY] [--rounds N] [--firm ID]
#
# The firm the what-if and match verbs take is --firm, or the park's first (`chainmap firms`).
# Outputs go to a temporary folder; nothing is written beside the park.
set -euo pipefail

park=""
binaries=()
rounds=1
firm=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --firm) firm="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "park-verbs.sh: unknown option $1" >&2; exit 2 ;;
    *) if [ -z "$park" ]; then park="$1"; else binaries+=("$1"); fi; shift ;;
  esac
done
[ -n "$park" ] && [ ${#binaries[@]} -gt 0 ] || { sed -n '2,14p' "$0" >&2; exit 2; }

command -v /usr/bin/time >/dev/null || { echo "park-verbs.sh: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/park-verbs.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -z "$firm" ]; then
  # The first row of `chainmap firms` (head closes the pipe; chainmap stops at the closed pipe).
  firm=$("${binaries[0]}" firms "$park" --format csv 2>/dev/null | head -2 | tail -1 | cut -d, -f1 || true)
fi
[ -n "$firm" ] || { echo "park-verbs.sh: no firm found in $park; name one with --firm ID" >&2; exit 2; }

verbs=(
  "info|info $park"
  "validate|validate $park"
  "rank|rank $park"
  "structure|structure $park"
  "gaps|gaps $park"
  "whatif|whatif $park --remove $firm"
  "match firm|match firm $park --firm $firm"
  "orgs|orgs $park"
  "map --aggregate stage|map $park --aggregate stage -o OUT.svg"
)

printf '%-22s %-4s %8s %8s %9s  %s\n' verb bin "wall s" "CPU s" "peak MiB" "load (1 min) / same output"
for ((r = 1; r <= rounds; r++)); do
  for entry in "${verbs[@]}"; do
    name=${entry%%|*}
    args=${entry#*|}
    for i in "${!binaries[@]}"; do
      out="$work/$r-$i-${name// /_}"
      load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S %M" -o "$out.time" "${binaries[$i]}" ${args//OUT/$out} >"$out.out" 2>"$out.err" || true
      read -r wall user sys peak <"$out.time"
      same=""
      if [ "$i" -gt 0 ]; then
        base="$work/$r-0-${name// /_}"
        if cmp -s "$base.out" "$out.out" && { [ ! -e "$base.svg" ] || cmp -s "$base.svg" "$out.svg"; }; then
          same="same"
        else
          same="DIFFERENT"
        fi
      fi
      printf '%-22s %-4s %8.2f %8.2f %9d  %s %s\n' "$name" "$i" "$wall" "$(awk "BEGIN { print $user + $sys }")" \
        $((peak / 1024)) "$load" "$same"
    done
  done
done
