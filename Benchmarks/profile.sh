#!/usr/bin/env bash
# Benchmarks/profile.sh — where a run's CPU goes, as perf sample counts by phase (issue 7).
#
#   bash Benchmarks/profile.sh <gridpay binary> <input dir> [town] [period] [rules dir]
#
# Records one `gridpay run` under `perf record --call-graph dwarf` (149 Hz) and prints, per
# phase (the innermost frame of each sample's stack that names one; WorkbookWriter alone is the
# zip compression at the workbook's close), all samples and those whose leaf is in malloc/free.
# Sample counts, unlike wall time, hold on a shared machine: this is how the 8%
# slowdown of 2026-12-01 was bisected to one commit (the writer's malloc samples 70 → 190, see
# BENCHMARKS.md). Compare two builds by running this on each with the same data, e.g. a month
# from `gridpay-datagen --shape Benchmarks/shapes/qinghe.toml --workers 100000 --seed 1`.
# Needs `perf` (linux-perf) and `swift demangle`; writes only under a temporary folder.
set -euo pipefail
bin=${1:?gridpay binary}; input=${2:?input dir}; town=${3:-qinghe}; period=${4:-2026-10}
rules=${5:-$(cd "$(dirname "$0")/.." && pwd)/Rules}
work=$(mktemp -d /tmp/gridpay-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
perf record -q --call-graph dwarf,32768 -F 149 -o "$work/perf.data" \
  "$bin" run "$town" "$period" --rules-dir "$rules" --input-dir "$input" --output-dir "$work/out" --quiet >/dev/null 2>&1
perf script -i "$work/perf.data" 2>/dev/null | swift demangle --simplified > "$work/script.txt"
python3 - "$work/script.txt" <<'PY'
import collections, sys
phases = ['writeSlips', 'writeDetails', 'writeSummary', 'writePay', 'writeRuleSheet', 'WorkbookWriter',
          'PayCSV', 'Manifest', 'MonthReport', 'DuplicateKey', 'DuplicateConfirmation', 'TableIngest',
          'MonthReader', 'QuarterReader', 'MonthComputation', 'Evaluator', 'SHA256']
malloc = ('unlink_chunk', '_int_malloc', 'malloc_consolidate', '_int_free', 'malloc', '__libc_calloc',
          '__GI___libc_malloc', 'cfree', '__GI___libc_free')
every, mallocs = collections.Counter(), collections.Counter()
stack = []
def flush():
    if not stack: return
    phase = next((p for frame in stack for p in phases if p in frame), 'other')
    every[phase] += 1
    if any(stack[0].startswith(m) for m in malloc): mallocs[phase] += 1
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line.strip():
        flush(); stack.clear(); continue
    if line.startswith((' ', '\t')):
        parts = line.strip().split(' ', 1)
        if len(parts) == 2: stack.append(parts[1].rsplit(' (', 1)[0])
flush()
print(f"samples: {sum(every.values())} (149 Hz: one sample ≈ 6.7 ms of CPU)")
print(f"{'phase':<24}{'all':>8}{'malloc':>8}")
for phase, n in every.most_common():
    print(f"{phase:<24}{n:>8}{mallocs[phase]:>8}")
PY
