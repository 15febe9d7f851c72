#!/usr/bin/env bash
# The main job on a bundled sample: installs what is missing, builds, and summarizes the
# bundled Beilun NEV park.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift run -c release chainmap info
