#!/usr/bin/env python3
"""Independent reference implementation (oracle) of SPEC section 10 (town shuangqiao, scheme C,
quarterly grades) with the quarter rules of section 8.

Usage: python3 Tools/shuangqiao_reference.py <input-dir-of-town> <YYYY-Qn> [--details FILE]
       python3 Tools/shuangqiao_reference.py <input-dir-of-town> <YYYY> --year
       e.g.  python3 Tools/shuangqiao_reference.py Input/shuangqiao 2026-Q3

Quarter: prints one CSV row per worker of the quarter (LF, no BOM), ordered by rank then
网格员编号. With --details FILE, writes the expected 扣分明细 lines of item 流转事件 there
(网格员编号, 扣分原因, 扣分, 来源文件, 行号; "" file and line for the floor's line).
Year (--year): the rating of section 8, one row per worker: 排名, 网格员编号, each quarter's
总分 ("" where not on that quarter's roster), 平均分, 等次. Every quarter needs its inputs: a
missing one is an error (listed), as is any quarter with errors.

If the quarter's inputs have errors, prints one line per error, "<YYYY-MM>/<file>:<line>: why"
(line 0: the file or folder itself), to stderr and exits 1. Warnings (rows of workers who left
before the quarter's last month) go to stderr as "warning: <YYYY-MM>/<file>:<line>: ..." and
do not stop the run.

Written from the SPEC alone; standard library only; all arithmetic in fractions.Fraction.
"""
import calendar
import csv
import io
import os
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from fractions import Fraction

FILES = {
    "roster": ("roster.csv", ["网格员编号", "姓名", "村(所)", "网格编号"]),
    "patrol": ("patrol.csv", ["巡查编号", "网格员编号", "开始时间", "结束时间"]),
    "tasks": ("tasks.csv", ["事件编号", "网格员编号", "派发时间", "受理时间", "办结时间"]),
    "training": ("training.csv", ["培训编号", "培训日期", "网格员编号", "时长(分钟)", "出勤"]),
    "logs": ("logs.csv", ["日志编号", "网格员编号", "日期"]),
}
ITEMS = ["网格巡查", "流转事件", "业务培训", "网格日志"]
HEADER = ["排名", "网格员编号", "村(所)", "网格编号"] + ITEMS + ["总分", "等次", "建议更换",
          "绩效工资基数", "考核绩效", "扣款合计", "实发绩效", "未扣足"]
PAY = {"优秀": 900, "合格": 600, "基本合格": 300, "不合格": 0}


def grade(total):
    if total >= 90:
        return "优秀"
    if total >= 75:
        return "合格"
    if total >= 60:
        return "基本合格"
    return "不合格"


def round_half_up(x):
    sign = -1 if x < 0 else 1
    return sign * Fraction(int(abs(x) * 100 + Fraction(1, 2)), 100)


def fmt(x):
    cents = x * 100
    assert cents.denominator == 1, x
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    return "%s%d.%02d" % (sign, abs(cents) // 100, abs(cents) % 100)


def parse_time(s):
    """YYYY-MM-DD HH:MM with optional :SS, strictly."""
    if len(s) not in (16, 19) or s[10] != " ":
        return None
    try:
        fmt_ = "%Y-%m-%d %H:%M:%S" if len(s) == 19 else "%Y-%m-%d %H:%M"
        t = datetime.strptime(s, fmt_)
    except ValueError:
        return None
    if t.strftime(fmt_) != s:
        return None
    return t


def parse_date(s):
    if len(s) != 10:
        return None
    try:
        d = datetime.strptime(s, "%Y-%m-%d").date()
    except ValueError:
        return None
    return d if d.strftime("%Y-%m-%d") == s else None


def quarter_months(text):
    y, q = text.split("-Q")
    y, q = int(y), int(q)
    return ["%04d-%02d" % (y, m) for m in range(3 * q - 2, 3 * q + 1)]


class Quarter:
    def __init__(self, root, months):
        self.root, self.months = root, months
        self.errors, self.warnings = [], []
        self.tables = {}   # name -> list of (month, line, row dict)

    def err(self, month, file, line, why):
        self.errors.append("%s/%s:%d: %s" % (month, file, line, why))

    def read(self):
        for m in self.months:
            folder = os.path.join(self.root, m)
            if not os.path.isdir(folder):
                self.err(m, "", 0, "the month folder is missing")
                continue
            for name, (file, cols) in FILES.items():
                path = os.path.join(folder, file)
                if not os.path.exists(path):
                    self.err(m, file, 0, "missing file")
                    continue
                raw = open(path, "rb").read()
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    self.err(m, file, 0, "not UTF-8")
                    continue
                rows = list(csv.reader(io.StringIO(text, newline="")))
                if not rows:
                    self.err(m, file, 0, "no header")
                    continue
                header = rows[0]
                if any(c not in header for c in cols):
                    self.err(m, file, 1, "missing column")
                    continue
                idx = {c: header.index(c) for c in cols}
                for n, r in enumerate(rows[1:], start=2):
                    if r == []:
                        continue   # a blank line (csv gives [] for it)
                    if len(r) != len(header):
                        self.err(m, file, n, "field count")
                        continue
                    self.tables.setdefault(name, []).append((m, n, {c: r[i] for c, i in idx.items()}))

    def validate(self):
        """Every row, counted or not. Returns the counted rows per table (typed)."""
        last = self.months[-1]
        rosters = {m: {} for m in self.months}
        for m, n, r in self.tables.get("roster", []):
            wid = r["网格员编号"]
            if wid == "":
                self.err(m, "roster.csv", n, "empty 网格员编号")
            elif wid in rosters[m]:
                self.err(m, "roster.csv", n, "duplicate 网格员编号")
            else:
                rosters[m][wid] = (r, n)
        self.rosters = rosters
        self.workers = rosters[last]
        seen = {}
        counted = defaultdict(list)
        in_month = lambda d, m: d.strftime("%Y-%m") == m

        def unique(table, key, m, file, n):
            k = (table, key)
            if k in seen:
                self.err(m, file, n, "duplicate id")
                return False
            seen[k] = True
            return True

        for table in ["patrol", "tasks", "training", "logs"]:
            file = FILES[table][0]
            for m, n, r in self.tables.get(table, []):
                bad = False
                wid = r["网格员编号"]
                typed = dict(r)
                if table == "patrol":
                    s, e = parse_time(r["开始时间"]), parse_time(r["结束时间"])
                    if r["巡查编号"] == "" or s is None or e is None or not in_month(s, m):
                        bad = True
                    elif not (e > s) or e - s > timedelta(hours=24):
                        bad = True
                    typed.update(s=s, e=e)
                    key = r["巡查编号"]
                elif table == "tasks":
                    d = parse_time(r["派发时间"])
                    a = None if r["受理时间"] == "" else parse_time(r["受理时间"])
                    c = None if r["办结时间"] == "" else parse_time(r["办结时间"])
                    if r["事件编号"] == "" or d is None or not in_month(d, m):
                        bad = True
                    elif (r["受理时间"] != "" and a is None) or (r["办结时间"] != "" and c is None):
                        bad = True
                    elif (a is not None and a < d) or (c is not None and a is None) or (c is not None and c < a):
                        bad = True
                    typed.update(d=d, a=a, c=c)
                    key = r["事件编号"]
                elif table == "training":
                    d = parse_date(r["培训日期"])
                    mins = r["时长(分钟)"]
                    ok_mins = mins.isascii() and mins.isdigit() and int(mins) >= 1   # digits only, e.g. 60 (or 060)
                    if r["培训编号"] == "" or d is None or not in_month(d, m) or not ok_mins or r["出勤"] not in ("出席", "请假", "缺席"):
                        bad = True
                    typed.update(d=d, mins=int(mins) if ok_mins else None)
                    key = (r["培训编号"], wid)
                else:
                    d = parse_date(r["日期"])
                    if r["日志编号"] == "" or d is None or not in_month(d, m):
                        bad = True
                    typed.update(d=d)
                    key = r["日志编号"]
                if wid == "":
                    bad = True
                if bad:
                    self.err(m, file, n, "bad value or row check")
                    continue
                if not unique(table, key, m, file, n):
                    continue
                if wid in self.workers:
                    counted[table].append((m, n, typed))
                elif wid in rosters[m]:
                    self.warnings.append("%s/%s:%d: %s 已不在季度末名册" % (m, file, n, wid))
                else:
                    self.err(m, file, n, "worker not on the roster")
        return counted


def score_quarter(root, qtext):
    q = Quarter(root, quarter_months(qtext))
    q.read()
    if q.errors:
        return q, None, None
    counted = q.validate()
    if q.errors:
        return q, None, None
    results, details = {}, []
    for wid in q.workers:
        results[wid] = {}
    # 网格巡查: days (by the start) with >= 3600 seconds of sessions starting that day.
    secs = defaultdict(lambda: defaultdict(int))
    for m, n, r in counted["patrol"]:
        secs[r["网格员编号"]][r["s"].date()] += int((r["e"] - r["s"]).total_seconds())
    # 流转事件: 5 points per late step, floor at 0 (the floor's correction is a detail line).
    late = defaultdict(list)
    for m, n, r in counted["tasks"]:
        d, a, c = r["d"], r["a"], r["c"]
        if a is None or a - d > timedelta(hours=48):
            late[r["网格员编号"]].append(("受理超时 " + r["事件编号"], m, n))
        if c is None or c - d > timedelta(hours=168):
            late[r["网格员编号"]].append(("办结超时 " + r["事件编号"], m, n))
    trained = set()
    for m, n, r in counted["training"]:
        if r["出勤"] == "出席" and r["mins"] >= 60:
            trained.add(r["网格员编号"])
    logdays = defaultdict(set)
    for m, n, r in counted["logs"]:
        logdays[r["网格员编号"]].add(r["d"])
    for wid in q.workers:
        ok_days = sum(1 for s in secs[wid].values() if s >= 3600)
        patrol = round_half_up(30 * min(Fraction(1), Fraction(ok_days, 60)))
        raw = 40 - 5 * len(late[wid])
        flow = round_half_up(max(Fraction(0), Fraction(raw)))
        for reason, m, n in late[wid]:
            details.append((wid, reason, Fraction(-5), "%s/tasks.csv" % m, n))
        if raw < 0:
            details.append((wid, "floor", Fraction(-raw), "", ""))
        training = Fraction(15) if wid in trained else Fraction(0)
        logs = round_half_up(15 * min(Fraction(1), Fraction(len(logdays[wid]), 50)))
        total = patrol + flow + training + logs
        results[wid] = dict(items=[patrol, flow, training, logs], total=total, grade=grade(total))
    order = sorted(results, key=lambda w: (-results[w]["total"], w))
    rank, prev = 0, None
    for pos, w in enumerate(order, start=1):
        if results[w]["total"] != prev:
            rank, prev = pos, results[w]["total"]
        results[w]["rank"] = rank
    return q, results, details


def quarter_rows(q, results):
    out = []
    order = sorted(results, key=lambda w: (results[w]["rank"], w))
    for w in order:
        r = results[w]
        row = q.workers[w][0]
        pay = Fraction(PAY[r["grade"]])
        out.append([str(r["rank"]), w, row["村(所)"], row["网格编号"]] + [fmt(x) for x in r["items"]]
                   + [fmt(r["total"]), r["grade"], "是" if r["grade"] == "不合格" else "否",
                      "900.00", fmt(pay), "0.00", fmt(pay), "0.00"])
    return out


def main():
    args = sys.argv[1:]
    details_path = None
    if "--details" in args:
        i = args.index("--details")
        details_path = args[i + 1]
        del args[i:i + 2]
    year_mode = "--year" in args
    if year_mode:
        args.remove("--year")
    root, period = args
    w = csv.writer(sys.stdout, lineterminator="\n")
    if year_mode:
        quarters, failed = [], False
        for k in range(1, 5):
            qtext = "%s-Q%d" % (period, k)
            q, results, _ = score_quarter(root, qtext)
            if q.errors:
                for e in q.errors:
                    print("%s: %s" % (qtext, e), file=sys.stderr)
                failed = True
                continue
            quarters.append((qtext, q, results))
        if failed:
            sys.exit(1)
        workers = sorted({wid for _, _, res in quarters for wid in res})
        means = {}
        for wid in workers:
            totals = [res[wid]["total"] for _, _, res in quarters if wid in res]
            means[wid] = round_half_up(sum(totals) / len(totals))
        order = sorted(workers, key=lambda x: (-means[x], x))
        w.writerow(["排名", "网格员编号"] + [qt for qt, _, _ in quarters] + ["平均分", "等次"])
        rank, prev = 0, None
        for pos, wid in enumerate(order, start=1):
            if means[wid] != prev:
                rank, prev = pos, means[wid]
            w.writerow([str(rank), wid] + [fmt(res[wid]["total"]) if wid in res else "" for _, _, res in quarters]
                       + [fmt(means[wid]), grade(means[wid])])
        return
    q, results, details = score_quarter(root, period)
    for warning in q.warnings:
        print("warning: " + warning, file=sys.stderr)
    if q.errors:
        for e in q.errors:
            print(e, file=sys.stderr)
        sys.exit(1)
    w.writerow(HEADER)
    for row in quarter_rows(q, results):
        w.writerow(row)
    if details_path:
        with open(details_path, "w", encoding="utf-8", newline="") as f:
            dw = csv.writer(f, lineterminator="\n")
            dw.writerow(["网格员编号", "扣分原因", "扣分", "来源文件", "行号"])
            for wid, reason, points, file, line in sorted(details, key=lambda d: (d[0], d[3], d[4] if d[4] != "" else 10**9, d[1])):
                dw.writerow([wid, reason, fmt(points), file, line])


if __name__ == "__main__":
    main()
