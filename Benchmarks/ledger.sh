#!/usr/bin/env bash
# Benchmarks/ledger.sh — the ledger's cost at scale (issue 8.8), on generated qinghe months:
#
#   bash Benchmarks/ledger.sh                  # 100,000 workers
#   bash Benchmarks/ledger.sh --workers 10000  # another size
#   bash Benchmarks/ledger.sh --smoke          # 1,000 workers, debug build: correctness only, no claims
#
# Three consecutive months (2026-08..10) are generated. Timed, each with its peak RSS:
#   plain      run 2026-10 alone (its earlier months absent: no history)       — the baseline
#   inputs     run 2026-10 with 08 and 09 computed from their inputs (today's history, for reference)
#   close08/09 close the two earlier months (not compared)
#   history    run 2026-10 with 08 and 09 closed: history from the ledger      — target ≤ 1.15 × plain
#   close      close 2026-10                                                   — target ≤ 1.5 × plain, ≤ 300 MB
#   verify     verify 2026-10 (from the archive)                               — target ≤ 1.3 × plain
#   status     status (quick_check, row counts, every seal and the chain; corrections waiting)
#   chain      verify --chain <head close printed>: the ledger and the chain only (no re-run)
# and the ledger's size. Writes Benchmarks/results/<date>-<host>-ledger.json (not with --smoke)
# and prints a table. Environment: GRIDPAY_SCRATCH (default .build), BENCH_WORK (default
# Benchmarks/work), BENCH_NOTE (a note kept in the results, e.g. how loaded the machine was).
# Needs /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORKERS=100000
SMOKE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS=$2; shift 2 ;;
    --smoke) SMOKE=1; WORKERS=1000; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ledger.sh: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "ledger.sh: --workers must be a positive integer" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "ledger.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
# The checks below read the commands' English lines (the product speaks Chinese by default).
export GRIDPAY_LANG=en

SCRATCH=${GRIDPAY_SCRATCH:-.build}
CONFIG=release
[ "$SMOKE" = 1 ] && CONFIG=debug
bash scripts/install-deps.sh
log "building gridpay and gridpay-datagen ($CONFIG)"
swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay >&2
swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay-datagen >&2
BIN=$ROOT/$SCRATCH/$CONFIG/gridpay
DATAGEN=$ROOT/$SCRATCH/$CONFIG/gridpay-datagen

WORK=${BENCH_WORK:-$ROOT/Benchmarks/work}/ledger-$WORKERS
rm -rf "$WORK"
mkdir -p "$WORK/solo/qinghe"
log "generating 3 months of $WORKERS workers"
"$DATAGEN" --shape Benchmarks/shapes/qinghe.toml --workers "$WORKERS" --month 2026-10 --months 3 --seed 1 --out "$WORK/hist" --quiet >&2
ln -s "$WORK/hist/qinghe/2026-10" "$WORK/solo/qinghe/2026-10"
BYTES=$(du -sbL "$WORK/hist/qinghe/2026-10" | cut -f1)

RESULTS=$WORK/times.tsv
: > "$RESULTS"
timed() {  # name, then the gridpay arguments
  local name=$1; shift
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)   # the 1-minute load average just before the case
  log "$name: gridpay $* (load $load)"
  /usr/bin/time -f "%e %M" -o "$WORK/time-$name" "$BIN" "$@" --quiet > "$WORK/out-$name" 2> "$WORK/err-$name" || {
    echo "ledger.sh: $name failed:" >&2; tail -5 "$WORK/err-$name" >&2; exit 1; }
  read -r secs kib < "$WORK/time-$name"
  printf '%s\t%s\t%s\t%s\n' "$name" "$secs" "$kib" "$load" >> "$RESULTS"
}
common=(--rules-dir Rules --output-dir "$WORK/out")
timed plain run qinghe 2026-10 "${common[@]}" --input-dir "$WORK/solo" --ledger-dir "$WORK/no-ledger"
timed inputs run qinghe 2026-10 "${common[@]}" --input-dir "$WORK/hist" --ledger-dir "$WORK/no-ledger"
timed close08 close qinghe 2026-08 --by bench "${common[@]}" --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
timed close09 close qinghe 2026-09 --by bench "${common[@]}" --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
timed history run qinghe 2026-10 "${common[@]}" --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
timed close close qinghe 2026-10 --by bench "${common[@]}" --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
# verify and status have no --quiet: timed without the flag.
untimed_quiet() {  # name, then the gridpay arguments
  local name=$1; shift
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  log "$name: gridpay $* (load $load)"
  /usr/bin/time -f "%e %M" -o "$WORK/time-$name" "$BIN" "$@" > "$WORK/out-$name" 2> "$WORK/err-$name" || {
    echo "ledger.sh: $name failed:" >&2; cat "$WORK/err-$name" >&2; exit 1; }
  read -r secs kib < "$WORK/time-$name"
  printf '%s\t%s\t%s\t%s\n' "$name" "$secs" "$kib" "$load" >> "$RESULTS"
}
untimed_quiet verify verify qinghe 2026-10 --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
grep -q ": identical" "$WORK/out-verify" || { echo "ledger.sh: verify did not say identical" >&2; exit 1; }
untimed_quiet status status qinghe --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
HEAD=$(grep -o 'chain head [0-9a-f]\{64\}' "$WORK/out-close" | tail -1 | cut -d' ' -f3)
[ -n "$HEAD" ] || { echo "ledger.sh: close printed no chain head" >&2; cat "$WORK/out-close" >&2; exit 1; }
untimed_quiet chain verify qinghe --chain "$HEAD" --input-dir "$WORK/hist" --ledger-dir "$WORK/ledger"
LEDGER_BYTES=$(stat -c %s "$WORK/ledger/qinghe.sqlite")

python3 - "$RESULTS" "$WORKERS" "$BYTES" "$LEDGER_BYTES" "$SMOKE" "$ROOT" "${BENCH_NOTE:-}" <<'EOF'
import json, sys, datetime, socket, os
path, workers, month_bytes, ledger_bytes, smoke, root, note = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1", sys.argv[6], sys.argv[7]
rows = {}
for line in open(path):
    name, secs, kib, load = line.split("\t")
    rows[name] = (float(secs), int(kib), float(load))
plain = rows["plain"][0]
targets = {"history": 1.15, "close": 1.5, "verify": 1.3}
print(f"| case | seconds | × plain | target | peak RSS MiB | load before |")
print(f"|---|---:|---:|---|---:|---:|")
for name, (secs, kib, load) in rows.items():
    t = targets.get(name)
    ratio = secs / plain if plain > 0 else 0
    target = f"≤ {t}×" + (" met" if ratio <= t else " NOT met") if t else ""
    if name == "close": target += f"; RSS ≤ 300 MB {'met' if kib * 1024 <= 300e6 else 'NOT met'}"
    print(f"| {name} | {secs:.2f} | {ratio:.2f} | {target} | {kib / 1024:.1f} | {load:.2f} |")
print(f"\nworkers {workers}; one month's inputs {month_bytes / 1e6:.0f} MB; ledger after 3 closes {ledger_bytes / 1e6:.0f} MB")
if not smoke:
    out = os.path.join(root, "Benchmarks", "results", f"{datetime.date.today()}-{socket.gethostname()}-ledger.json")
    json.dump({"note": note, "machine": f"{socket.gethostname()}, {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB",
               "workers": workers, "month_bytes": month_bytes, "ledger_bytes": ledger_bytes, "nproc": os.cpu_count(),
               "load_average_at_end": os.getloadavg(),
               "runs": {k: {"seconds": v[0], "peak_rss_kib": v[1], "x_plain": v[0] / plain, "load1_before": v[2]} for k, v in rows.items()}},
              open(out, "w"), indent=2, ensure_ascii=False)
    print(f"results: {out}")
EOF
rm -rf "$WORK"
