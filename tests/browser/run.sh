#!/usr/bin/env bash
# The report's browser tests (tests/browser/test_report.py): installs Chromium and Playwright
# when missing (install.sh), builds chainmap, then opens the report of every bundled sample in
# headless Chromium. Screenshots and PDFs go to a temporary folder; pass --keep DIR to keep them.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/browser/install.sh
swift build --product chainmap >/dev/null
exec python3 tests/browser/test_report.py --chainmap "$(swift build --show-bin-path)/chainmap" "$@"
