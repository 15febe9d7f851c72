#!/usr/bin/env bash
# Installs what ChainMap needs that a fresh machine may lack: Graphviz's C library (libgvc,
# with its layout and render plugins), libxlsxwriter for Excel output, zlib's headers for
# reading workbooks, a CJK font for PNG/PDF maps, and openpyxl (the independent reader the
# workbook tests check against). Idempotent. LibreOffice Calc (libreoffice-calc-nogui) is
# optional: when present, a test checks that a workbook it re-saved still loads.
set -euo pipefail
missing=()
pkg-config --exists libgvc 2>/dev/null || missing+=(libgraphviz-dev)
pkg-config --exists xlsxwriter 2>/dev/null || missing+=(libxlsxwriter-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
python3 -c "import openpyxl" 2>/dev/null || missing+=(python3-openpyxl)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
