#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, rule-file tests, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build                      # the end-to-end tests run this binary: .build/debug/gridpay
# All tests are XCTest; the plain summary line at the end is for readers of CI logs.
swift test --disable-swift-testing 2>&1 | tee .build/test.log
summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" .build/test.log | tail -1)
total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
# The benchmark's smoke (1,000 workers, gridpay and the floor, correctness only, no timing
# claims): benchmarks are measured with Benchmarks/run.sh, never by timed tests.
BENCH_CONFIG=debug bash Benchmarks/run.sh --smoke
echo "$((total - failed)) passed, $failed failed"
