#!/usr/bin/env bash
# Benchmarks/console-load.sh — the office console under load (SPEC §14, issue 23): 50 signed-in
# users browse pages and the API while the clerk runs a 5,000-worker qinghe month through the
# console. Targets: p95 of the requests other than the run ≤ 200 ms; the console's run ≤ 1.2×
# the time of `gridpay run` on the same inputs (median of --repeat runs of the command).
#
#   bash Benchmarks/console-load.sh                  # 5,000 workers, 50 users, release build
#   bash Benchmarks/console-load.sh --workers 1000 --users 10 --repeat 1   # a quick look
#   bash Benchmarks/console-load.sh --workers 200 --users 10 --login-burst 20  # pages during 20 logins at once
# --login-burst N: no run; USERS users browse while N logins arrive at once (console_login_burst.py:
# page latency before and during the burst). Environment: GRIDPAY_SCRATCH (swift build scratch path,
# default .build-release), BENCH_CONFIG (release), BENCH_WORK (default Benchmarks/work/console),
# BENCH_SKIP_BUILD=1 (use the binaries already built there), BENCH_BIN (serve this gridpay binary
# instead, e.g. an older build to compare), BENCH_LABEL (added to the result's file name).
# Loopback only; every loop is bounded.
# Writes Benchmarks/results/console-<date>-<hostname>.json (console-login-burst-… with
# --login-burst) and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=5000; USERS=50; REPEAT=3; THINK=0.5; MONTH=2026-10; BURST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --think) THINK=$2; shift 2 ;;
    --login-burst) BURST=$2; shift 2 ;;
    *) echo "console-load.sh: unknown argument '$1'" >&2; exit 1 ;;
  esac
done
CONFIG=${BENCH_CONFIG:-release}
SCRATCH=${GRIDPAY_SCRATCH:-.build-release}
WORK=${BENCH_WORK:-$PWD/Benchmarks/work/console}
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building gridpay and gridpay-datagen ($CONFIG, $SCRATCH)"
  swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay >&2
  swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay-datagen >&2
fi
BIN=${BENCH_BIN:-$SCRATCH/$CONFIG/gridpay}
rm -rf "$WORK"; mkdir -p "$WORK"
log "generating qinghe $MONTH with $WORKERS workers"
"$SCRATCH/$CONFIG/gridpay-datagen" --shape Benchmarks/shapes/qinghe.toml --workers "$WORKERS" --month "$MONTH" --seed 1 --out "$WORK/Input" --quiet
if [ "$BURST" -gt 0 ]; then REPEAT=0; fi
times=()
for k in $(seq 1 "$REPEAT"); do
  start=$(date +%s.%N)
  "$BIN" run qinghe "$MONTH" --rules-dir Rules --input-dir "$WORK/Input" --output-dir "$WORK/cli-out" --ledger-dir "$WORK/cli-ledger" --quiet >/dev/null 2>&1
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
  log "gridpay run: ${times[-1]} s"
done
CLI=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
PASSWORD=bench-password-1
ACCOUNTS=$(( USERS > BURST ? USERS : BURST ))
log "adding $ACCOUNTS users and the clerk"
for k in $(seq -w 1 "$ACCOUNTS"); do
  echo "$PASSWORD" | "$BIN" user add "user$(printf '%02d' "$((10#$k))")" --role 审计 --password-stdin --console-dir "$WORK/Console" >/dev/null
done
echo "$PASSWORD" | "$BIN" user add clerk --role 制表 --password-stdin --console-dir "$WORK/Console" >/dev/null
"$BIN" serve --listen 127.0.0.1:0 --rules-dir Rules --input-dir "$WORK/Input" --output-dir "$WORK/Output" \
  --ledger-dir "$WORK/Ledger" --console-dir "$WORK/Console" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q 'http://' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(grep -o '127.0.0.1:[0-9]*' "$WORK/serve.out" | head -1 | cut -d: -f2)
if [ "$BURST" -gt 0 ]; then
  log "console on port $PORT; $USERS users browse while $BURST logins arrive at once"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  RESULT=$(python3 Benchmarks/console_login_burst.py "$PORT" "$PASSWORD" "$USERS" "$BURST" "$THINK")
  kill $SERVER 2>/dev/null || true
  mkdir -p Benchmarks/results
  OUT=Benchmarks/results/console-login-burst-$(date +%Y-%m-%d)-$(hostname)${BENCH_LABEL:+-$BENCH_LABEL}.json
  python3 - "$RESULT" "$BIN" "$(nproc)" "$LOAD_BEFORE" > "$OUT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
r.update({"binary": sys.argv[2], "cores": int(sys.argv[3]), "load_average_before": sys.argv[4].split(),
          "load_average_after": open("/proc/loadavg").read().split()[:3]})
print(json.dumps(r, ensure_ascii=False, indent=1))
PY
  cat "$OUT"
  exit 0
fi
log "console on port $PORT; $USERS users browse while the clerk runs"
RESULT=$(python3 Benchmarks/console_load.py "$PORT" "$PASSWORD" "$USERS" qinghe "$MONTH" "$THINK")
kill $SERVER 2>/dev/null || true
for f in qinghe-$MONTH.xlsx qinghe-$MONTH-pay.csv qinghe-$MONTH-manifest.json; do
  cmp -s "$WORK/cli-out/qinghe/$MONTH/$f" "$WORK/Output/qinghe/$MONTH/$f" || { echo "console-load.sh: $f differs from gridpay run's" >&2; exit 1; }
done
mkdir -p Benchmarks/results
OUT=Benchmarks/results/console-$(date +%Y-%m-%d)-$(hostname).json
python3 - "$RESULT" "$CLI" "$WORKERS" "$USERS" "$THINK" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" > "$OUT" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); cli = float(sys.argv[2])
r.update({"command_run_seconds": round(cli, 3), "run_ratio": round(r["console_run_seconds"] / cli, 3),
          "workers_generated": int(sys.argv[3]), "users": int(sys.argv[4]), "think_seconds": float(sys.argv[5]),
          "cores": int(sys.argv[6]), "cpu": sys.argv[7], "load_average_after": open("/proc/loadavg").read().split()[:3],
          "p95_target_met": r["p95_ms"] is not None and r["p95_ms"] <= 200, "run_target_met": r["console_run_seconds"] <= 1.2 * cli})
print(json.dumps(r, ensure_ascii=False, indent=1))
PY
cat "$OUT"
