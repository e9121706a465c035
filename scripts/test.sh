#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, rule-file tests, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build                      # the end-to-end tests run this binary: .build/debug/gridpay
swift test 2>&1 | tee .build/test.log
