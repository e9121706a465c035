#!/usr/bin/env bash
# Benchmarks/rating.sh — `gridpay rate` of a year from twelve closed months (issue 9.6: 10,000
# workers in ≤ 3 s; the time grows with workers, not with input rows: a closed month is read
# from the ledger, never recomputed).
#
#   bash Benchmarks/rating.sh                  # 10,000 workers (release), timed
#   bash Benchmarks/rating.sh --workers 2000   # another size
#   bash Benchmarks/rating.sh --smoke          # CI: 200 workers on the debug build, no timing claims
#
# Steps: gridpay-datagen writes twelve qinghe months (2026-01 … 2026-12, same roster), each is
# closed into a fresh ledger (`gridpay close`, not timed), then `gridpay rate qinghe 2026` is
# timed with /usr/bin/time -v. Checks: exit 0, one rating row per worker, every month read as
# 已结账 (none 未结账). Environment: GRIDPAY_SCRATCH (default .build), BENCH_CONFIG (release;
# debug in --smoke), BENCH_WORK (default Benchmarks/work).
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=10000
SMOKE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS=$2; shift 2 ;;
    --smoke) SMOKE=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "rating.sh: error: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "rating.sh: error: --workers must be a positive whole number" >&2; exit 1; }
CONFIG=${BENCH_CONFIG:-release}
if [ "$SMOKE" = 1 ]; then WORKERS=200; CONFIG=${BENCH_CONFIG:-debug}; fi
SCRATCH=${GRIDPAY_SCRATCH:-.build}
WORK=${BENCH_WORK:-$PWD/Benchmarks/work}/rating-w$WORKERS
log() { echo "[$(date +%H:%M:%S)] rating: $*" >&2; }

swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay >&2
swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay-datagen >&2
BIN=$SCRATCH/$CONFIG/gridpay
rm -rf "$WORK"
mkdir -p "$WORK"
log "generating twelve months of $WORKERS workers"
"$SCRATCH/$CONFIG/gridpay-datagen" --shape Benchmarks/shapes/qinghe.toml --workers "$WORKERS" --month 2026-12 \
  --months 12 --seed 1 --out "$WORK/input" --quiet
log "closing 2026-01 … 2026-12 into $WORK/ledger (not timed)"
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  "$BIN" close qinghe "2026-$m" --by benchmark --rules-dir Rules --input-dir "$WORK/input" \
    --output-dir "$WORK/out" --ledger-dir "$WORK/ledger" --quiet > "$WORK/close-$m.log" 2>&1 \
    || { tail -n 20 "$WORK/close-$m.log" >&2; echo "rating.sh: error: closing 2026-$m failed" >&2; exit 1; }
done
log "timing: gridpay rate qinghe 2026"
/usr/bin/time -v -o "$WORK/rate.time" "$BIN" rate qinghe 2026 --rules-dir Rules --input-dir "$WORK/input" \
  --output-dir "$WORK/out" --ledger-dir "$WORK/ledger" --quiet > "$WORK/rate.log" 2>&1 \
  || { tail -n 20 "$WORK/rate.log" >&2; echo "rating.sh: error: gridpay rate failed" >&2; exit 1; }
csv=$WORK/out/qinghe/2026/qinghe-2026-rating.csv
rows=$(($(wc -l < "$csv") - 1))
[ "$rows" = "$WORKERS" ] || { echo "rating.sh: error: $rows rating rows for $WORKERS workers" >&2; exit 1; }
if grep -q '未结账' "$csv"; then echo "rating.sh: error: a month was not read from the ledger" >&2; exit 1; fi
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/rate.time")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/rate.time")
echo "rating: gridpay rate qinghe 2026, $WORKERS workers, 12 closed months ($CONFIG): wall $wall, peak RSS $((rss / 1024)) MiB, $rows rows"
if [ "$SMOKE" = 1 ]; then echo "(smoke run: correctness only, no timing claims)"; fi
