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
# Thread sanitizer (tables are read on two threads): explain, check and a two-thread run of the
# sample month on a -sanitize=thread build; each counts as one test (a reported race fails it).
swift build --sanitize=thread --build-path .build-tsan --product gridpay
tsan_out=$(mktemp -d)
tsan_failed=0
for args in "explain qinghe 2026-10 QH0052" "check Rules/qinghe.toml" \
            "run qinghe 2026-10 --threads 2 --quiet --output-dir $tsan_out"; do
    if TSAN_OPTIONS="halt_on_error=1 exitcode=66" .build-tsan/debug/gridpay $args >"$tsan_out/log" 2>&1; then
        echo "thread sanitizer: gridpay ${args%% --output-dir*}: passed"
    else
        echo "thread sanitizer: gridpay ${args%% --output-dir*}: FAILED"; cat "$tsan_out/log"; tsan_failed=$((tsan_failed + 1))
    fi
done
rm -rf "$tsan_out"
total=$((total + 3)); failed=$((failed + tsan_failed))
# The benchmark's smoke (1,000 workers, gridpay and the floor, correctness only, no timing
# claims): benchmarks are measured with Benchmarks/run.sh, never by timed tests.
BENCH_CONFIG=debug bash Benchmarks/run.sh --smoke
echo "$((total - failed)) passed, $failed failed"
