#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer, each in a build
# folder of its own (.build-address, .build-thread) so that the normal debug build is kept.
# A pre-release check, too slow for CI: 20 min for ASan and about 13 min for TSan, builds
# included, on the shared 2-core machine (2026-11-29, load ~30). Fails when a test fails or a
# sanitizer reports.
#
#   scripts/sanitize.sh                 # address, then thread
#   scripts/sanitize.sh thread          # one of them
#   scripts/sanitize.sh address --filter ChainModelTests   # extra `swift test` arguments
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

modes=()
while [ $# -gt 0 ]; do
  case "$1" in
    address|thread) modes+=("$1"); shift ;;
    *) break ;;
  esac
done
[ ${#modes[@]} -eq 0 ] && modes=(address thread)

# Leak checking is off: libgvc leaks the strings of gvPluginList (every chainmap process that
# renders exits 1 under LeakSanitizer) and XCTest leaks its suite lists; the library's memory
# is owned by Swift values. ASan still finds overflows, use-after-free and double frees.
# abort_on_error: a report ends the process with SIGABRT, as the crash would without ASan, so
# the render worker's crash handling (a Graphviz 2.42 double free the tests provoke on purpose)
# is tested as it is in production.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
# die_after_fork=0: the renderer forks its Graphviz worker from a multi-threaded process (after
# loading the plugins only; docs/DESIGN.md), which TSan refuses by default ("starting new
# threads after multi-threaded fork is not supported", exit 66). Suppressions: the
# Synchronization.Mutex false positive, see scripts/tsan-suppressions.txt.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$(pwd)/scripts/tsan-suppressions.txt}"

for mode in "${modes[@]}"; do
  # Tests that measure resident memory skip that check: ASan's quarantine and TSan's shadow
  # memory grow the process by design.
  export CHAINMAP_SANITIZER="$mode"
  start=$(date +%s)
  echo "sanitize.sh: swift test --sanitize=$mode" >&2
  swift test --sanitize="$mode" --scratch-path ".build-$mode" "$@"
  echo "sanitize.sh: $mode passed in $(( $(date +%s) - start )) s (build included)" >&2
done
