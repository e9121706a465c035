#!/usr/bin/env bash
# Benchmarks/xlsx.sh — SPEC §16: a month whose two biggest tables (patrol, events) are XLSX
# exports against the same rows as CSV: wall time and peak memory of `gridpay run` for each.
# Targets: XLSX ≤ 2× the time and ≤ 1.5× the peak memory of CSV.
#
#   bash Benchmarks/xlsx.sh                  # 2,000 workers, 3 timed runs of each, median
#   bash Benchmarks/xlsx.sh --workers 20000 --repeat 5
# Environment: BENCH_CONFIG (release, default; debug for a smoke run), GRIDPAY_SCRATCH (build
#   scratch path, default .build), BENCH_WORK (data and outputs, default Benchmarks/work/xlsx).
# Writes Benchmarks/results/<date>-<hostname>-xlsx-<workers>.json and prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=2000
REPEAT=3
MONTH=2026-10
CONFIG=${BENCH_CONFIG:-release}
SCRATCH=${GRIDPAY_SCRATCH:-.build}
WORK=${BENCH_WORK:-$PWD/Benchmarks/work/xlsx}
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "xlsx.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

for product in gridpay gridpay-datagen gridpay-bench-csv2xlsx; do
  log "building $product ($CONFIG)"
  swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product "$product" >&2
done
BIN=$SCRATCH/$CONFIG

rm -rf "$WORK"
mkdir -p "$WORK/csv/Rules" "$WORK/xlsx/Rules"
log "generating $WORKERS workers"
"$BIN/gridpay-datagen" --shape Benchmarks/shapes/qinghe.toml --workers "$WORKERS" --month "$MONTH" --seed 1 --out "$WORK/csv/Input" >&2
cp Rules/qinghe.toml "$WORK/csv/Rules/"
cp -r "$WORK/csv/Input" "$WORK/xlsx/Input"
# The same rule file with the two biggest tables declared as XLSX exports.
python3 - "$WORK/csv/Rules/qinghe.toml" "$WORK/xlsx/Rules/qinghe.toml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for name in ("patrol", "events"):
    old = f'file = "{name}.csv"'
    assert old in text, old
    text = text.replace(old, f'file = "{name}.xlsx"\nformat = "xlsx"', 1)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
for month in "$WORK/xlsx/Input/qinghe"/*/; do
  for name in patrol events; do
    "$BIN/gridpay-bench-csv2xlsx" "$month/$name.csv" "$month/$name.xlsx" "$name"
    rm "$month/$name.csv"
  done
done

run() {  # form → "seconds maxrss_kb"
  local form=$1 tf=$WORK/$1.time
  rm -rf "$WORK/$form/Output"
  /usr/bin/time -v -o "$tf" "$BIN/gridpay" run qinghe "$MONTH" --rules-dir "$WORK/$form/Rules" \
    --input-dir "$WORK/$form/Input" --output-dir "$WORK/$form/Output" > "$WORK/$form.log" 2>&1 \
    || { tail -20 "$WORK/$form.log" >&2; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$tf" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$tf" | awk '{print $NF}')
  echo "$wall $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

csv_t=(); csv_m=(); xlsx_t=(); xlsx_m=()
for ((i = 1; i <= REPEAT; i++)); do
  for form in csv xlsx; do
    read -r t m < <(run "$form")
    log "$form run $i: ${t}s, ${m} KB"
    if [ "$form" = csv ]; then csv_t+=("$t"); csv_m+=("$m"); else xlsx_t+=("$t"); xlsx_m+=("$m"); fi
  done
done
cmp -s "$WORK/csv/Output/qinghe/$MONTH/qinghe-$MONTH-pay.csv" "$WORK/xlsx/Output/qinghe/$MONTH/qinghe-$MONTH-pay.csv" \
  || { echo "xlsx.sh: the pay CSVs differ" >&2; exit 1; }
CT=$(printf '%s\n' "${csv_t[@]}" | median); CM=$(printf '%s\n' "${csv_m[@]}" | median)
XT=$(printf '%s\n' "${xlsx_t[@]}" | median); XM=$(printf '%s\n' "${xlsx_m[@]}" | median)
TR=$(awk -v a="$XT" -v b="$CT" 'BEGIN { printf "%.2f", a / b }')
MR=$(awk -v a="$XM" -v b="$CM" 'BEGIN { printf "%.2f", a / b }')
ROWS=$(cat "$WORK/csv/Input/qinghe/$MONTH"/{patrol,events}.csv | wc -l)
XBYTES=$(cat "$WORK/xlsx/Input/qinghe/$MONTH"/{patrol,events}.xlsx | wc -c)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
OUT=Benchmarks/results/$(date +%F)-$(hostname)-xlsx-$CONFIG-$WORKERS.json
mkdir -p Benchmarks/results
cat > "$OUT" <<JSON
{
  "benchmark": "xlsx.sh (SPEC §16: patrol and events as XLSX against CSV)",
  "machine": {"host": "$(hostname)", "cpu": "$CPU", "cores": $(nproc), "load_1min_after": "$(cut -d' ' -f1 /proc/loadavg)"},
  "config": "$CONFIG", "workers": $WORKERS, "month": "$MONTH", "repeat": $REPEAT,
  "rows_in_the_two_tables": $ROWS, "xlsx_bytes_of_the_two_tables": $XBYTES,
  "csv": {"seconds": $CT, "max_rss_kb": $CM, "runs_seconds": [$(IFS=,; echo "${csv_t[*]}")]},
  "xlsx": {"seconds": $XT, "max_rss_kb": $XM, "runs_seconds": [$(IFS=,; echo "${xlsx_t[*]}")]},
  "time_ratio": $TR, "memory_ratio": $MR, "targets": {"time_ratio": 2.0, "memory_ratio": 1.5}
}
JSON
echo "| form | seconds (median of $REPEAT) | peak RSS (KB) |"
echo "|---|---|---|"
echo "| CSV | $CT | $CM |"
echo "| XLSX (patrol, events) | $XT | $XM |"
echo "| ratio | $TR (target ≤ 2) | $MR (target ≤ 1.5) |"
log "wrote $OUT"
