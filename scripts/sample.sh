#!/usr/bin/env bash
# Installs what is missing, builds, checks the shipped rule files and runs the sample periods.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release
bin=.build/release/gridpay
$bin check Rules/qinghe.toml
$bin check Rules/xinhe.toml
$bin check Rules/shuangqiao.toml
$bin check Rules/jinshan.toml
$bin check Rules/kangning.toml
for month in 2026-08 2026-09 2026-10; do $bin run qinghe "$month"; done
for period in 2026-Q1 2026-H1 2026; do $bin run xinhe "$period"; done
$bin run shuangqiao 2026-Q3
$bin rate shuangqiao 2026
for month in 2026-09 2026-10; do $bin run jinshan "$month"; done
$bin run kangning 2026-10
$bin explain qinghe 2026-10 QH0052
