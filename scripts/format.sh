#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the root .swift-format
# (4-space indent, 120 columns, the house style: semicolon-joined pairs and several variables
# in one declaration allowed).
#
#   bash scripts/format.sh           # rewrite the files in place
#   bash scripts/format.sh --check   # change nothing; list the files that are not formatted,
#                                    # exit 1 if there are any
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v swift-format >/dev/null 2>&1; then
    FORMAT=(swift-format)
else
    FORMAT=(swift format)   # the toolchain's subcommand (Swift 6 ships swift-format)
fi
PATHS=(Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Benchmarks)
[[ -d Fuzz ]] && PATHS+=(Fuzz)

if [[ "${1:-}" == "--check" ]]; then
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    set +e
    "${FORMAT[@]}" lint --strict --recursive --parallel --configuration .swift-format "${PATHS[@]}" >"$log" 2>&1
    status=$?
    set -e
    files=$(grep -oE '^[^:]+\.swift:' "$log" | sort -u | tr -d ':' || true)  # none found is the good case
    if [[ $status -eq 0 && -z "$files" ]]; then
        echo "format: every file is formatted"
        exit 0
    fi
    echo "$files"
    echo "format: $(printf '%s\n' "$files" | grep -c . ) files need formatting ($(grep -c 'warning:\|error:' "$log") findings); run: bash scripts/format.sh" >&2
    exit 1
fi

"${FORMAT[@]}" format --in-place --recursive --parallel --configuration .swift-format "${PATHS[@]}"
