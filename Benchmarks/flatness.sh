#!/usr/bin/env bash
# Benchmarks/flatness.sh — memory flat in rows (issue 7): the same workers with ten times the rows
# per worker must peak at ≤ 1.2 × the memory of the plain month.
#
#   bash Benchmarks/flatness.sh                         # 10,000 workers, 3 runs of each month
#   bash Benchmarks/flatness.sh --workers 100000 --repeat 1
#
# Generates the qinghe month 2026-10 twice with gridpay-datagen (seed 1, as Benchmarks/run.sh
# does): plain, and with --rows-scale 10. Runs gridpay on each, alternating, under /usr/bin/time;
# the peak RSS of a month is the largest of its runs (as run.sh reports it). Prints the ratio and
# writes Benchmarks/results/<date>-<host>-flatness-<workers>.json with every run and the 1-minute
# load average before it. Environment: GRIDPAY_SCRATCH (default .build), BENCH_WORK (default
# Benchmarks/work).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORKERS=10000
REPEAT=3
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "flatness.sh: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "flatness.sh: --workers must be a positive integer" >&2; exit 1; }
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "flatness.sh: --repeat must be a positive integer" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "flatness.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

SCRATCH=${GRIDPAY_SCRATCH:-.build}
bash scripts/install-deps.sh
log "building gridpay and gridpay-datagen (release)"
swift build -c release --scratch-path "$SCRATCH" --product gridpay >&2
swift build -c release --scratch-path "$SCRATCH" --product gridpay-datagen >&2
BIN=$ROOT/$SCRATCH/release/gridpay
DATAGEN=$ROOT/$SCRATCH/release/gridpay-datagen

WORK=${BENCH_WORK:-$ROOT/Benchmarks/work}/flatness-$WORKERS
rm -rf "$WORK"
mkdir -p "$WORK"
for scale in 1 10; do
  log "generating $WORKERS workers, rows x$scale"
  rows=()
  [ "$scale" = 1 ] || rows=(--rows-scale "$scale")
  "$DATAGEN" --shape Benchmarks/shapes/qinghe.toml --workers "$WORKERS" --month 2026-10 --seed 1 \
    "${rows[@]}" --out "$WORK/x$scale" --quiet >&2
done
RESULTS=$WORK/runs.tsv
: > "$RESULTS"
for ((i = 1; i <= REPEAT; i++)); do
  for scale in 1 10; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    log "rows x$scale, run $i/$REPEAT (load $load)"
    rm -rf "$WORK/out"
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" run qinghe 2026-10 --rules-dir Rules --input-dir "$WORK/x$scale" \
      --output-dir "$WORK/out" --ledger-dir "$WORK/no-ledger" --quiet > "$WORK/log" 2>&1 || {
      echo "flatness.sh: gridpay failed on rows x$scale:" >&2; tail -5 "$WORK/log" >&2; exit 1; }
    read -r secs kib < "$WORK/time"
    printf '%s\t%s\t%s\t%s\t%s\n' "$scale" "$i" "$secs" "$kib" "$load" >> "$RESULTS"
  done
done
python3 - "$RESULTS" "$WORKERS" "$ROOT" "$(git rev-parse --short HEAD)" <<'PY'
import json, sys, datetime, socket, os
path, workers, root, commit = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = [dict(zip(["rows_scale", "run", "seconds", "peak_rss_kib", "load1_before"], l.split("\t"))) for l in open(path).read().splitlines()]
for r in runs:
    r.update(rows_scale=int(r["rows_scale"]), run=int(r["run"]), seconds=float(r["seconds"]),
             peak_rss_kib=int(r["peak_rss_kib"]), load1_before=float(r["load1_before"]))
peak = {s: max(r["peak_rss_kib"] for r in runs if r["rows_scale"] == s) for s in (1, 10)}
ratio = peak[10] / peak[1]
print(f"{workers} workers: plain month {peak[1] / 1024:.1f} MiB, ten times the rows {peak[10] / 1024:.1f} MiB: "
      f"{ratio:.3f}x (target <= 1.2x: {'met' if ratio <= 1.2 else 'NOT met'})")
out = os.path.join(root, "Benchmarks", "results", f"{datetime.date.today()}-{socket.gethostname()}-flatness-{workers}.json")
json.dump({"workers": workers, "commit": commit, "nproc": os.cpu_count(), "peak_rss_kib": {"plain": peak[1], "rows_x10": peak[10]},
           "ratio": ratio, "target": 1.2, "runs": runs}, open(out, "w"), indent=2)
print(f"results: {out}")
PY
rm -rf "$WORK"
