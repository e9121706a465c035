#!/usr/bin/env bash
# Benchmarks/run.sh — gridpay against its floor (libcsv + libxlsxwriter alone, Benchmarks/floor)
# and its peer (DuckDB SQL + XlsxWriter, Benchmarks/peer) on generated qinghe months.
#
#   bash Benchmarks/run.sh                       # 1,000, 10,000 and 100,000 workers + flatness run
#   bash Benchmarks/run.sh --sizes 1000,10000    # chosen sizes (flatness only if 100,000 is among them)
#   bash Benchmarks/run.sh --smoke               # CI: 1,000 workers, gridpay + floor (+ peer only if
#                                                #     duckdb is already importable), no timing claims
# Other options: --repeat N (timed runs per program and size, median reported; default 1; the
#   flatness run is timed once),
#   --flat-workers N[,M] (sizes of the flatness runs, 10x rows per worker; default 100000; each
#   runs when it is among the sizes),
#   --no-flatness, --keep-data.
# Environment: GRIDPAY_SCRATCH (swift build scratch path, default .build), BENCH_CONFIG (release,
#   or debug for the CI smoke), BENCH_WORK (generated
#   data and outputs, default Benchmarks/work), DUCKDB_VERSION / XLSXWRITER_VERSION (peer packages),
#   BENCH_GENERATOR (auto: gridpay-datagen when built, else replicate; or datagen / replicate).
#
# Data: `gridpay-datagen` (built from this package) when it exists; until then
# Benchmarks/replicate_sample.py, which replicates Input/qinghe/<month> with renamed ids.
# Writes Benchmarks/results/<date>-<hostname>.json (not in --smoke) and prints a markdown table.
# Also rates a year of twelve closed months (Benchmarks/rating.sh; its line is among the checks).
set -euo pipefail
ARGS="$*"
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZES=1000,10000,100000
SMOKE=0
FLAT=1
FLAT_WORKERS=100000
REPEAT=1
KEEP=0
MONTH=2026-10
SEED=1
GRIDPAY_VERSION=unknown
SCRATCH=${GRIDPAY_SCRATCH:-.build}
WORK=${BENCH_WORK:-$ROOT/Benchmarks/work}
DUCKDB_VERSION=${DUCKDB_VERSION:-2.0.0}
XLSXWRITER_VERSION=${XLSXWRITER_VERSION:-3.3.1}

usage() { sed -n '2,/^set -euo/p' "$SELF" | grep '^#' | sed 's/^# \{0,1\}//'; }
die() { echo "run.sh: error: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) [ $# -ge 2 ] || die "--sizes needs a value"; SIZES=$2; shift 2 ;;
    --sizes=*) SIZES=${1#*=}; shift ;;
    --smoke) SMOKE=1; shift ;;
    --repeat) [ $# -ge 2 ] || die "--repeat needs a value"; REPEAT=$2; shift 2 ;;
    --flat-workers) [ $# -ge 2 ] || die "--flat-workers needs a value"; FLAT_WORKERS=$2; shift 2 ;;
    --no-flatness) FLAT=0; shift ;;
    --keep-data) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
if [ "$SMOKE" = 1 ]; then SIZES=1000; FLAT=0; REPEAT=1; fi
[[ "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--sizes must be a comma-separated list of worker counts"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat must be a positive integer"
IFS=, read -r -a SIZE_LIST <<< "$SIZES"
[[ "$FLAT_WORKERS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--flat-workers must be a comma-separated list"
FLAT_LIST=()   # flatness runs: the --flat-workers sizes that are among --sizes
if [ "$FLAT" = 1 ]; then
  IFS=, read -r -a wanted <<< "$FLAT_WORKERS"
  for f in "${wanted[@]}"; do
    for n in "${SIZE_LIST[@]}"; do [ "$n" = "$f" ] && FLAT_LIST+=("$f"); done
  done
fi

command -v gcc >/dev/null || die "gcc not found"
command -v swift >/dev/null || die "swift not found"
command -v python3 >/dev/null || die "python3 not found"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
bash scripts/install-deps.sh   # libcsv-dev, libxlsxwriter-dev (no-op when installed)

mkdir -p "$WORK"
RUNS=$WORK/runs.jsonl
CHECKS=$WORK/checks.jsonl
: > "$RUNS"
: > "$CHECKS"
TOOLS="python3 $ROOT/Benchmarks/bench_tools.py"

check() {  # name ok(1/0/skipped) detail
  python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "ok": sys.argv[2] != "0", "skipped": sys.argv[2] == "skipped", "detail": sys.argv[3]}, ensure_ascii=False))' \
    "$1" "$2" "$3" >> "$CHECKS"
}

# ---------------------------------------------------------------- build
# BENCH_CONFIG=debug reuses the test build (CI's smoke: correctness only, no timing claims).
CONFIG=${BENCH_CONFIG:-release}
log "building gridpay ($CONFIG, scratch path $SCRATCH)"
swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay >&2
BIN=$SCRATCH/$CONFIG/gridpay
DATAGEN=$SCRATCH/$CONFIG/gridpay-datagen
if grep -q 'gridpay-datagen' Package.swift; then
  log "building gridpay-datagen"
  swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product gridpay-datagen >&2
fi
case "${BENCH_GENERATOR:-auto}" in
  auto|datagen|replicate) ;;
  *) die "BENCH_GENERATOR must be auto, datagen or replicate" ;;
esac
if [ -x "$DATAGEN" ] && [ "${BENCH_GENERATOR:-auto}" != replicate ]; then
  GENERATOR=gridpay-datagen
  [ -f Benchmarks/shapes/qinghe.toml ] || die "gridpay-datagen needs Benchmarks/shapes/qinghe.toml"
else
  [ "${BENCH_GENERATOR:-auto}" != datagen ] || die "BENCH_GENERATOR=datagen but $DATAGEN was not built"
  GENERATOR=replicate_sample.py
  log "data replicates Input/qinghe/$MONTH with renamed ids (Benchmarks/replicate_sample.py)"
fi

mkdir -p "$WORK/bin"
FLOOR=$WORK/bin/floor
log "compiling the floor"
gcc -O2 -o "$FLOOR" Benchmarks/floor/floor.c -lcsv -lxlsxwriter

# ---------------------------------------------------------------- peer (Python venv)
PEER=1
VENV=$ROOT/Benchmarks/.venv
if [ "$SMOKE" = 1 ]; then
  PY=python3
  [ -x "$VENV/bin/python" ] && PY=$VENV/bin/python
  if ! "$PY" -c 'import duckdb, xlsxwriter' 2>/dev/null; then
    PEER=0
    log "peer SKIPPED: duckdb/xlsxwriter not importable and --smoke never installs Python packages"
    check "peer" skipped "smoke mode: duckdb/xlsxwriter not importable, and --smoke installs nothing"
  fi
else
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
  fi
  PY=$VENV/bin/python
  if ! "$PY" -c "import duckdb, xlsxwriter, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION' or xlsxwriter.__version__ != '$XLSXWRITER_VERSION')" 2>/dev/null; then
    log "pip install duckdb==$DUCKDB_VERSION xlsxwriter==$XLSXWRITER_VERSION"
    "$VENV/bin/pip" install -q "duckdb==$DUCKDB_VERSION" "xlsxwriter==$XLSXWRITER_VERSION" >&2
  fi
fi
PEER_VERSION=none
[ "$PEER" = 1 ] && PEER_VERSION=$("$PY" -c 'import duckdb, xlsxwriter; print("duckdb %s, xlsxwriter %s" % (duckdb.__version__, xlsxwriter.__version__))')

# The peer against the oracle (Tools/qinghe_reference.py) on the shipped months, whose history
# exists: pins the peer's semantics, 建议更换 included, before its numbers are trusted.
if [ "$PEER" = 1 ]; then
  for m in 2026-08 2026-09 2026-10; do
    [ -d "Input/qinghe/$m" ] || continue
    d=$WORK/out/sample/$m
    mkdir -p "$d"
    "$PY" Benchmarks/peer/qinghe_duckdb.py --input-dir Input/qinghe --month "$m" --out-dir "$d" \
      --scores-csv "$d/scores.csv" 2>/dev/null
    if python3 Tools/qinghe_reference.py Input/qinghe "$m" | cmp -s - "$d/scores.csv"; then
      check "peer == Tools/qinghe_reference.py on Input/qinghe/$m" 1 "every score, rank, flag and amount"
    else
      check "peer == Tools/qinghe_reference.py on Input/qinghe/$m" 0 "see diff <(python3 Tools/qinghe_reference.py Input/qinghe $m) $d/scores.csv"
      die "the peer disagrees with Tools/qinghe_reference.py on Input/qinghe/$m"
    fi
  done
fi

# ---------------------------------------------------------------- one size
generate() {  # workers rows-scale dest
  rm -rf "$3"
  if [ "$GENERATOR" = gridpay-datagen ]; then
    local scale=()
    [ "$2" = 1 ] || scale=(--rows-scale "$2")
    "$DATAGEN" --shape Benchmarks/shapes/qinghe.toml --workers "$1" --month "$MONTH" --seed "$SEED" \
      "${scale[@]}" --out "$3" >&2
  else
    python3 Benchmarks/replicate_sample.py --workers "$1" --month "$MONTH" --seed "$SEED" \
      --rows-scale "$2" --out "$3"
  fi
}

timed() {  # timefile log command...  (LOAD: 1-minute load average just before the run)
  local tf=$1 lg=$2; shift 2
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -v -o "$tf" "$@" > "$lg" 2>&1; then
    tail -n 30 "$lg" >&2
    die "failed: $*"
  fi
}

bench_size() {  # workers variant rows-scale repeats tools...
  # In the rows-x10 (flatness) variant a failing gridpay is a result, not the end of the run: its
  # wall time, peak RSS until the failure and its error are recorded and run.sh exits 1 at the end.
  local n=$1 variant=$2 scale=$3 repeat=$4; shift 4
  local data=$WORK/data/w$n-$variant out=$WORK/out/w$n-$variant
  log "generating $n workers (rows x$scale) with $GENERATOR"
  generate "$n" "$scale" "$data"
  local inputs=("$data/qinghe/$MONTH"/*.csv)
  local bytes
  bytes=$(cat "${inputs[@]}" | wc -c)
  local rows=0 cells=0 records failed=0
  mkdir -p "$out"
  for ((i = 1; i <= repeat; i++)); do
    # gridpay
    rm -rf "$out/gridpay"
    log "gridpay: $n workers ($variant), run $i/$repeat"
    LOAD=$(cut -d' ' -f1 /proc/loadavg)
    if ! /usr/bin/time -v -o "$out/gridpay.time" "$BIN" run qinghe "$MONTH" --rules-dir Rules \
        --input-dir "$data" --output-dir "$out/gridpay" --quiet > "$out/gridpay.log" 2>&1; then
      tail -n 5 "$out/gridpay.log" >&2
      [ "$variant" != normal ] || die "gridpay failed on $n workers"
      failed=1
      FAILURES+=("gridpay failed on $n workers ($variant)")
      local err
      err=$(grep -m 1 'error' "$out/gridpay.log" | cut -c 1-600)
      check "gridpay runs $n workers ($variant)" 0 "$err"
      # The input rows, counted by the floor parsing alone (0 cells: gridpay wrote none).
      timed "$out/floor.time" "$out/floor.log" "$FLOOR" 0 "$out/floor.xlsx" "${inputs[@]}"
      records=$(sed -n 's/^records=\([0-9]*\).*/\1/p' "$out/floor.log")
      rows=$((records - ${#inputs[@]}))
      $TOOLS record --time "$out/gridpay.time" --tool gridpay --workers "$n" --variant "$variant" \
        --rows "$rows" --bytes "$bytes" --run "$i" --load1-before "$LOAD" --error "$err" >> "$RUNS"
      break
    fi
    local dir=$out/gridpay/qinghe/$MONTH
    local pay=$dir/qinghe-$MONTH-pay.csv
    [ -f "$pay" ] && [ -f "$dir/qinghe-$MONTH.xlsx" ] && [ -f "$dir/qinghe-$MONTH-manifest.json" ] \
      || die "gridpay exited 0 but did not write its three outputs in $dir"
    local written
    written=$($TOOLS pay-rows "$pay")
    if [ "$written" != "$n" ]; then
      check "gridpay writes $n rows ($variant)" 0 "pay CSV has $written rows"
      die "gridpay wrote $written pay rows for $n workers"
    fi
    rows=$($TOOLS manifest-rows "$dir/qinghe-$MONTH-manifest.json")
    GRIDPAY_VERSION=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["program"])' \
      "$dir/qinghe-$MONTH-manifest.json")
    cells=$($TOOLS count-cells "$dir/qinghe-$MONTH.xlsx")
    $TOOLS record --time "$out/gridpay.time" --tool gridpay --workers "$n" --variant "$variant" \
      --rows "$rows" --bytes "$bytes" --cells "$cells" --run "$i" --load1-before "$LOAD" >> "$RUNS"
    # floor: the same files, the same number of cells
    if [[ " $* " == *" floor "* ]]; then
      log "floor: $n workers ($variant), $cells cells, run $i/$repeat"
      timed "$out/floor.time" "$out/floor.log" "$FLOOR" "$cells" "$out/floor.xlsx" "${inputs[@]}"
      records=$(sed -n 's/^records=\([0-9]*\).*/\1/p' "$out/floor.log")
      if [ "$((records - ${#inputs[@]}))" != "$rows" ]; then
        die "floor parsed $records records (with ${#inputs[@]} headers), gridpay counted $rows rows"
      fi
      $TOOLS record --time "$out/floor.time" --tool floor --workers "$n" --variant "$variant" \
        --rows "$rows" --bytes "$bytes" --cells "$cells" --run "$i" --load1-before "$LOAD" >> "$RUNS"
    fi
    # peer
    if [[ " $* " == *" peer "* ]] && [ "$PEER" = 1 ]; then
      rm -rf "$out/peer"
      log "peer: $n workers ($variant), run $i/$repeat"
      timed "$out/peer.time" "$out/peer.log" "$PY" Benchmarks/peer/qinghe_duckdb.py \
        --input-dir "$data/qinghe" --month "$MONTH" --out-dir "$out/peer"
      local phases=()  # the peer's own split: "sql 1.23 s, xlsx 4.56 s, pay_csv 0.07 s"
      for ph in sql xlsx pay_csv; do
        phases+=(--"$ph"-s "$(sed -n "s/.*[( ]$ph \([0-9.]*\) s.*/\1/p" "$out/peer.log" | tail -n 1)")
      done
      $TOOLS record --time "$out/peer.time" --tool peer --workers "$n" --variant "$variant" \
        --rows "$rows" --bytes "$bytes" --cells "$($TOOLS count-cells "$out/peer/qinghe-$MONTH.xlsx")" \
        --run "$i" --load1-before "$LOAD" "${phases[@]}" >> "$RUNS"
    fi
  done
  if [ "$failed" = 1 ]; then
    [ "$KEEP" = 1 ] || rm -rf "$data" "$out/floor.xlsx"
    return 0
  fi
  check "gridpay writes $n rows ($variant)" 1 "exit 0, pay CSV has $n rows, $rows input rows, $cells cells"
  # Same totals per worker (every size where the peer ran; the brief requires it at 1,000).
  if [[ " $* " == *" peer "* ]] && [ "$PEER" = 1 ]; then
    local msg
    if msg=$($TOOLS compare-pay "$pay" "$out/peer/qinghe-$MONTH-pay.csv" 2>&1); then
      check "peer == gridpay pay CSV, $n workers" 1 "$msg"
      log "$msg"
    else
      check "peer == gridpay pay CSV, $n workers" 0 "$msg"
      echo "$msg" >&2
      die "the peer's per-worker totals differ from gridpay's at $n workers"
    fi
  fi
  [ "$KEEP" = 1 ] || rm -rf "$data" "$out/floor.xlsx"
}

FAILURES=()
for n in "${SIZE_LIST[@]}"; do
  bench_size "$n" normal 1 "$REPEAT" floor peer
done
for n in "${FLAT_LIST[@]}"; do
  bench_size "$n" rows-x10 10 1 floor
done

# ---------------------------------------------------------------- rating (issue 9.6)
# A year of twelve closed months rated (Benchmarks/rating.sh: 10,000 workers; 200 in --smoke).
RATING_ARGS=()
[ "$SMOKE" = 1 ] && RATING_ARGS=(--smoke)
if RATING_LINE=$(GRIDPAY_SCRATCH=$SCRATCH BENCH_CONFIG=$CONFIG BENCH_WORK=$WORK bash Benchmarks/rating.sh "${RATING_ARGS[@]}"); then
  check "rating of a year from twelve closed months" 1 "$RATING_LINE"
  log "$RATING_LINE"
else
  check "rating of a year from twelve closed months" 0 "Benchmarks/rating.sh failed"
  FAILURES+=("Benchmarks/rating.sh failed")
fi

# ---------------------------------------------------------------- results
if [ "$SMOKE" = 1 ]; then
  RESULTS=$WORK/smoke-results.json
  SMOKE_FLAG=--smoke
else
  RESULTS=$ROOT/Benchmarks/results/$(date +%Y-%m-%d)-$(hostname).json
  SMOKE_FLAG=
fi
$TOOLS summarize --runs "$RUNS" --out "$RESULTS" $SMOKE_FLAG --meta \
  "generator=$GENERATOR" "seed=$SEED" "month=$MONTH" "repeat=$REPEAT" "gridpay_version=$GRIDPAY_VERSION" \
  "peer_versions=$PEER_VERSION" "scratch=$SCRATCH" "command=bash Benchmarks/run.sh $ARGS"
if [ "$SMOKE" = 1 ]; then
  echo
  echo "(smoke run: correctness only; timings are in $RESULTS but make no claims)"
fi
log "results: $RESULTS"
if [ ${#FAILURES[@]} -gt 0 ]; then
  printf 'run.sh: FAILED: %s\n' "${FAILURES[@]}" >&2
  exit 1
fi
