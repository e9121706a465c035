#!/usr/bin/env python3
"""Stand-in for gridpay-datagen while it does not exist: makes a qinghe month of N workers by
replicating the shipped sample month (Input/qinghe/<month>, 53 workers) K times with renamed ids.

    replicate_sample.py --workers N --month 2026-10 [--rows-scale R] --out DIR [--src Input/qinghe]
    → DIR/qinghe/<month>/{roster,patrol,events,phone_checks,training,visits}.csv

Copy k (1, 2, …) suffixes every worker id, grid id, event/check/visit id and training session
id with "-k", so copies never share a grid or an id and the result is valid input for gridpay.
The last copy keeps only the first workers of the roster (and their rows) so that the roster has
exactly N workers. --rows-scale R writes every non-roster row R times (copy r > 1 gets row ids
suffixed "-k.r"; the worker stays the same), so each worker has R times the rows.

Standard library only. Each file is parsed once; the copies are made by string replacement of
marker characters, so generation runs at a few hundred MB/s.
"""
import argparse
import csv
import io
import math
import os
import sys

W, R = "\x01", "\x02"  # markers: W → worker/grid suffix "-k"; R → row-id suffix "-k" or "-k.r"

# Columns renamed per table: (column, marker).
RENAME = {
    "roster": [("网格员编号", W), ("网格编号", W)],
    "patrol": [("网格员编号", W)],
    "events": [("事件编号", R), ("网格员编号", W)],
    "phone_checks": [("抽查编号", R), ("网格员编号", W)],
    "training": [("培训编号", R), ("网格员编号", W)],
    "visits": [("走访编号", R), ("网格员编号", W)],
}


def render(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def load(path, table):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    bom = text.startswith("\ufeff")
    records = list(csv.reader(io.StringIO(text[1:] if bom else text)))
    header, rows = records[0], records[1:]
    index = {c: header.index(c) for c, _ in RENAME[table]}
    worker_col = header.index("网格员编号")
    marked = []
    for row in rows:
        row = list(row)
        for column, marker in RENAME[table]:
            row[index[column]] += marker
        marked.append(row)
    head = ("\ufeff" if bom else "") + render([header])
    return head, marked, worker_col


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, required=True)
    ap.add_argument("--month", required=True)
    ap.add_argument("--rows-scale", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1, help="accepted for CLI compatibility; unused")
    ap.add_argument("--shape", help="accepted for CLI compatibility; unused")
    ap.add_argument("--out", required=True)
    ap.add_argument("--src", default=os.path.join(os.path.dirname(__file__), "..", "Input", "qinghe"))
    a = ap.parse_args(argv)
    src = os.path.join(a.src, a.month)
    if not os.path.isdir(src):
        sys.exit("replicate_sample.py: no sample month %s (have %s)" % (src, sorted(os.listdir(a.src))))
    dest = os.path.join(a.out, "qinghe", a.month)
    os.makedirs(dest, exist_ok=True)

    tables = {t: load(os.path.join(src, t + ".csv"), t) for t in RENAME}
    roster_head, roster_rows, roster_worker = tables["roster"]
    per_copy = len(roster_rows)
    copies = math.ceil(a.workers / per_copy)
    last = a.workers - per_copy * (copies - 1)  # workers kept in the last copy
    kept_last = {roster_rows[i][roster_worker] for i in range(last)}

    for table, (head, rows, worker_col) in tables.items():
        full = render(rows)
        part = render([r for r in rows if r[worker_col] in kept_last])
        scale = 1 if table == "roster" else a.rows_scale
        with open(os.path.join(dest, table + ".csv"), "w", encoding="utf-8", newline="") as f:
            f.write(head)
            for k in range(1, copies + 1):
                text = full if k < copies else part
                text = text.replace(W, "-%d" % k)
                for r in range(1, scale + 1):
                    f.write(text.replace(R, "-%d" % k if r == 1 else "-%d.%d" % (k, r)))
    print("replicate_sample.py: %d workers (%d copies of %d) rows x%d → %s"
          % (a.workers, copies, per_copy, a.rows_scale, dest), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
