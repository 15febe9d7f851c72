#!/usr/bin/env bash
# Installs what the report's browser tests need: Debian's Chromium and Playwright for Python
# (which drives that Chromium; `playwright install` would download a browser of its own,
# which this machine cannot). Idempotent, in the style of scripts/bootstrap.sh.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "browser tests: installing chromium" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! python3 -c "import playwright.sync_api" 2>/dev/null; then
  echo "browser tests: installing playwright (Python)" >&2
  python3 -m pip install -q "playwright>=1.40"
fi
