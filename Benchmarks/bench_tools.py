#!/usr/bin/env python3
"""Helpers of Benchmarks/run.sh (standard library only).

  bench_tools.py count-cells FILE.xlsx            cells (<c> elements) in all worksheets
  bench_tools.py pay-rows FILE.csv                data rows of a pay CSV
  bench_tools.py manifest-rows FILE.json          input rows gridpay counted (sum over inputs)
  bench_tools.py compare-pay GRIDPAY.csv PEER.csv per-worker 总分, 考核绩效, 扣款合计, 实发绩效, 未扣足
  bench_tools.py record --time T --tool X --workers N --variant V --rows R --bytes B [--key value ...]
                                                  one JSON line (parsed `/usr/bin/time -v` output)
  bench_tools.py summarize --runs RUNS.jsonl --out RESULTS.json [--smoke] [--meta k=v ...]
                                                  results file + markdown table on stdout
"""
import csv
import datetime
import json
import os
import platform
import re
import socket
import subprocess
import sys
import zipfile
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the repository
COMPARED = ["总分", "考核绩效", "扣款合计", "实发绩效", "未扣足"]
TARGET_WORKERS = 100000


def count_cells(path):
    total = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                continue
            carry = b""
            with z.open(name) as f:
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    data = carry + chunk
                    # A 3-byte tag fits in no 2-byte carry, so no tag is counted twice.
                    total += len(re.findall(rb"<c[ >/]", data))
                    carry = data[-2:]
    return total


def read_pay(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return header, [dict(zip(header, r)) for r in body]


def compare_pay(gridpay_path, peer_path):
    gh, grows = read_pay(gridpay_path)
    ph, prows = read_pay(peer_path)
    problems = []
    for col in ["网格员编号"] + COMPARED:
        for h, who in ((gh, "gridpay"), (ph, "peer")):
            if col not in h:
                problems.append("%s pay CSV has no column %s" % (who, col))
    if problems:
        return problems, 0
    g = {r["网格员编号"]: r for r in grows}
    p = {r["网格员编号"]: r for r in prows}
    if len(g) != len(grows) or len(p) != len(prows):
        problems.append("duplicate worker ids (gridpay %d rows/%d ids, peer %d rows/%d ids)"
                        % (len(grows), len(g), len(prows), len(p)))
    for w in sorted(set(g) - set(p))[:10]:
        problems.append("%s: only in gridpay" % w)
    for w in sorted(set(p) - set(g))[:10]:
        problems.append("%s: only in peer" % w)
    differing = 0
    for w in sorted(set(g) & set(p)):
        for col in COMPARED:
            try:
                same = Decimal(g[w][col]) == Decimal(p[w][col])
            except Exception:
                same = False
            if not same:
                differing += 1
                if differing <= 20:
                    problems.append("%s %s: gridpay %s, peer %s" % (w, col, g[w][col], p[w][col]))
    if differing > 20:
        problems.append("… %d differing values in all" % differing)
    return problems, len(set(g) & set(p))


def parse_time_v(path):
    text = open(path, encoding="utf-8", errors="replace").read()

    def field(label):
        m = re.search(r"^\s*" + re.escape(label) + r":\s*(.+)$", text, re.M)
        return m.group(1).strip() if m else None

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    return {"wall_s": round(seconds, 3), "user_s": float(field("User time (seconds)")),
            "sys_s": float(field("System time (seconds)")),
            "max_rss_kb": int(field("Maximum resident set size (kbytes)")),
            "exit_status": int(field("Exit status") or 0)}


def record(argv):
    args = {}
    it = iter(argv)
    for key in it:
        args[key.lstrip("-").replace("-", "_")] = next(it)
    out = parse_time_v(args.pop("time"))
    for key, value in args.items():
        if re.fullmatch(r"-?\d+", value):
            value = int(value)
        elif re.fullmatch(r"-?\d+\.\d*", value):
            value = float(value)
        out[key] = value
    out["rows_per_s"] = round(out["rows"] / out["wall_s"]) if out["wall_s"] else None
    out["mb_per_s"] = round(out["bytes"] / 1e6 / out["wall_s"], 2) if out["wall_s"] else None
    out["rss_mib"] = round(out["max_rss_kb"] / 1024, 1)
    print(json.dumps(out, ensure_ascii=False))


def first_line(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
    except Exception:
        return None


def machine():
    cpu = None
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    osname = None
    try:
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"hostname": socket.gethostname(), "nproc": os.cpu_count(), "cpu": cpu, "memory_gib": mem,
            "os": osname, "kernel": platform.release(), "swift": first_line(["swift", "--version"]),
            "gcc": first_line(["gcc", "--version"]),
            "libcsv": first_line(["dpkg-query", "-W", "-f=${Version}", "libcsv-dev"]),
            "libxlsxwriter": first_line(["dpkg-query", "-W", "-f=${Version}", "libxlsxwriter-dev"])}


def git_head(root):
    """The checked-out commit, read from .git without running git (working-tree changes unknown)."""
    try:
        head = open(os.path.join(root, ".git", "HEAD"), encoding="utf-8").read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        path = os.path.join(root, ".git", ref)
        if os.path.exists(path):
            return open(path, encoding="utf-8").read().strip()
        for line in open(os.path.join(root, ".git", "packed-refs"), encoding="utf-8"):
            if line.rstrip().endswith(" " + ref):
                return line.split()[0]
    except OSError:
        pass
    return None


def sources_digest(root):
    """SHA-256 over Package.swift and every file under Sources/ (path and bytes): names the exact
    code measured, also when the working tree differs from the commit."""
    import hashlib
    h = hashlib.sha256()
    paths = [os.path.join(root, "Package.swift")]
    for base, dirs, files in os.walk(os.path.join(root, "Sources")):
        dirs.sort()
        paths += [os.path.join(base, f) for f in sorted(files)]
    for path in paths:
        h.update(os.path.relpath(path, root).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read())
        h.update(b"\0")
    return h.hexdigest()


def median_runs(runs):
    """One entry per (tool, workers, variant): the run with the median wall time."""
    groups = {}
    for r in runs:
        groups.setdefault((r["tool"], r["workers"], r.get("variant", "normal")), []).append(r)
    out = {}
    for key, rs in groups.items():
        rs = sorted(rs, key=lambda r: r["wall_s"])
        chosen = dict(rs[(len(rs) - 1) // 2])
        chosen["repeats"] = len(rs)
        chosen["wall_s_all"] = [r["wall_s"] for r in rs]
        chosen["max_rss_kb"] = max(r["max_rss_kb"] for r in rs)
        chosen["rss_mib"] = round(chosen["max_rss_kb"] / 1024, 1)
        out[key] = chosen
    return out


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def summarize(argv):
    runs_path = argv[argv.index("--runs") + 1]
    out_path = argv[argv.index("--out") + 1]
    smoke = "--smoke" in argv
    meta = {}
    if "--meta" in argv:
        for kv in argv[argv.index("--meta") + 1:]:
            if kv.startswith("--"):
                break
            k, _, v = kv.partition("=")
            meta[k] = v
    runs = [json.loads(line) for line in open(runs_path, encoding="utf-8") if line.strip()]
    chosen = median_runs(runs)
    sizes = sorted({w for (_, w, v) in chosen if v == "normal"})
    checks_path = os.path.join(os.path.dirname(runs_path), "checks.jsonl")
    checks = [json.loads(l) for l in open(checks_path, encoding="utf-8")] if os.path.exists(checks_path) else []

    results = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
               "smoke": smoke, "machine": machine(), "commit": git_head(ROOT),
               "sources_sha256": sources_digest(ROOT), **meta,
               "units": {"wall_s": "seconds (median of repeats)", "rows_per_s": "input data rows / wall s",
                         "mb_per_s": "input bytes / 1e6 / wall s", "rss_mib": "peak RSS, KiB / 1024"},
               "sizes": {}, "checks": checks}
    for n in sizes:
        entry = {t: chosen.get((t, n, "normal")) for t in ("gridpay", "floor", "peer")}
        g, f, p = entry["gridpay"], entry["floor"], entry["peer"]
        entry["gridpay_over_floor"] = ratio(g and g["wall_s"], f and f["wall_s"])
        entry["peer_over_gridpay"] = ratio(p and p["wall_s"], g and g["wall_s"])
        results["sizes"][str(n)] = entry
    flats = []
    for (t, n, v), r in sorted(chosen.items(), key=lambda kv: kv[0][1]):
        if v != "normal" and t == "gridpay":
            base = chosen.get(("gridpay", n, "normal"))
            flats.append({"workers": n, "variant": v, "normal": base, "scaled": r,
                          "gridpay_failed": r.get("exit_status", 0) != 0, "error": r.get("error"),
                          "floor_scaled": chosen.get(("floor", n, v)),
                          "rss_increase_pct": round((r["max_rss_kb"] / base["max_rss_kb"] - 1) * 100, 1)
                          if base else None})
    if flats:
        results["flatness"] = flats
    flat = next((f for f in flats if f["workers"] == TARGET_WORKERS), None)

    if not smoke and str(TARGET_WORKERS) in results["sizes"]:
        e = results["sizes"][str(TARGET_WORKERS)]
        t = {}
        if e["gridpay_over_floor"] is not None:
            t["gridpay_le_2x_floor"] = {"value": e["gridpay_over_floor"], "pass": e["gridpay_over_floor"] <= 2}
        if e["peer_over_gridpay"] is not None:
            t["gridpay_2x_faster_than_peer"] = {"value": e["peer_over_gridpay"], "pass": e["peer_over_gridpay"] >= 2}
        if e["gridpay"]:
            t["gridpay_rss_le_300mb"] = {"value": e["gridpay"]["rss_mib"], "pass": e["gridpay"]["rss_mib"] <= 300}
        if flat and flat.get("rss_increase_pct") is not None:
            t["rows_x10_rss_le_20pct"] = {"value": flat["rss_increase_pct"],
                                          "pass": flat["rss_increase_pct"] <= 20 and not flat["gridpay_failed"]}
            if flat["gridpay_failed"]:
                t["rows_x10_rss_le_20pct"]["note"] = "gridpay exited 1 (RSS is the peak until then): " + (
                    flat["error"] or "")
        results["targets_at_100000"] = t

    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(results, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

    # Markdown
    lines = []
    for n in ([] if smoke else sizes):
        e = results["sizes"][str(n)]
        any_run = next(r for r in (e["gridpay"], e["floor"], e["peer"]) if r)
        lines.append("### %s workers — %s input rows, %.1f MB%s" % (
            format(n, ","), format(any_run["rows"], ","), any_run["bytes"] / 1e6,
            "" if any_run.get("repeats", 1) == 1 else " (median of %d runs)" % any_run["repeats"]))
        lines.append("")
        lines.append("| program | wall s | rows/s | MB/s | peak RSS MiB | user+sys s | load before |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for tool in ("gridpay", "floor", "peer"):
            r = e[tool]
            if r is None:
                lines.append("| %s | — | — | — | — | — | — |" % tool)
                continue
            lines.append("| %s | %.2f | %s | %.1f | %.1f | %.2f | %s |" % (
                tool, r["wall_s"], format(r["rows_per_s"], ","), r["mb_per_s"], r["rss_mib"],
                r["user_s"] + r["sys_s"], r.get("load1_before", "?")))
        lines.append("")
        pg = e["peer_over_gridpay"]
        lines.append("gridpay/floor = %s×; %s" % (
            e["gridpay_over_floor"], "no peer run" if pg is None else
            "peer/gridpay = %s× (gridpay %.2f× %s than the peer)" % (
                pg, pg if pg >= 1 else 1 / pg, "faster" if pg >= 1 else "slower")))
        lines.append("")
    for flat in ([] if smoke else flats):
        s, b = flat["scaled"], flat["normal"]
        lines.append("### Flatness: %s workers, %s rows (%s) vs %s rows" % (
            format(flat["workers"], ","), format(s["rows"], ","), flat["variant"],
            format(b["rows"], ",") if b else "?"))
        lines.append("")
        f = flat.get("floor_scaled")
        lines.append("gridpay peak RSS %.1f MiB → %.1f MiB (%+.1f%%), wall %.2f s → %.2f s (%s rows/s)%s%s" % (
            b["rss_mib"], s["rss_mib"], flat["rss_increase_pct"], b["wall_s"], s["wall_s"],
            format(s["rows_per_s"], ","),
            "; floor %.2f s, %.1f MiB" % (f["wall_s"], f["rss_mib"]) if f and not flat["gridpay_failed"] else "",
            "" if not flat["gridpay_failed"] else
            "\n\n**gridpay FAILED** (exit %d; wall and RSS until the failure): %s" % (s["exit_status"], flat["error"])))
        lines.append("")
    for c in checks:
        status = "SKIPPED" if c.get("skipped") else "PASS" if c["ok"] else "FAIL"
        lines.append("- check %s: %s" % (c["name"], status) + (
            " — " + c["detail"] if c.get("detail") else ""))
    if results.get("targets_at_100000"):
        lines.append("")
        lines.append("Targets at 100,000 workers:")
        for k, v in results["targets_at_100000"].items():
            lines.append("- %s: %s (%s)" % (k, "met" if v["pass"] else "MISSED", v["value"]))
    print("\n".join(lines))


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cmd, rest = argv[0], argv[1:]
    if cmd == "count-cells":
        print(count_cells(rest[0]))
    elif cmd == "pay-rows":
        print(len(read_pay(rest[0])[1]))
    elif cmd == "manifest-rows":
        m = json.load(open(rest[0], encoding="utf-8"))
        print(sum(i["rows"] for i in m["inputs"]))
    elif cmd == "compare-pay":
        problems, compared = compare_pay(rest[0], rest[1])
        if problems:
            print("pay CSVs differ:\n  " + "\n  ".join(problems), file=sys.stderr)
            sys.exit(1)
        print("%d workers: 总分, 考核绩效, 扣款合计, 实发绩效, 未扣足 identical" % compared)
    elif cmd == "record":
        record(rest)
    elif cmd == "summarize":
        summarize(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
