#!/usr/bin/env bash
# Regenerates the pictures in the README with the tool itself.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product chainmap
B=.build/release/chainmap
$B map beilun-nev --aggregate stage --format png -o docs/images/beilun-stages.png --no-warnings --force
$B map jinchang-battery --format png -o docs/images/jinchang-map.png --no-warnings --force
$B map yihuang-plastics --focus 创泰活塞 --radius 2 --format png -o docs/images/yihuang-chuangtai.png --no-warnings --force
