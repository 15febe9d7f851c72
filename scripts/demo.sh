#!/usr/bin/env bash
# The main job on a bundled sample: installs what is missing, builds, summarizes the bundled
# Beilun NEV park and draws its chain map to chain-map.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift run -c release chainmap info
swift run -c release chainmap map --force
