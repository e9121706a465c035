#!/usr/bin/env python3
"""Seeded, deterministic generator of sample quarters for town shuangqiao (双桥镇, SPEC §10).

Usage (from the repository root):
    python3 Tools/make_shuangqiao_samples.py                 # the shipped samples
    python3 Tools/make_shuangqiao_samples.py --seed 7 --out /tmp/sq --quarter 2026-Q3 --workers 50

Default: writes Input/shuangqiao/2026-01 … 2026-12: the sample quarter 2026-Q3 (07, 08, 09, with
the cast below) and the other three quarters of the year (for `gridpay rate shuangqiao 2026`),
the five files of SPEC §10 each, UTF-8, header first; and the oracle's results to
Tests/EndToEndTests/Expected/shuangqiao-2026-Qn.csv (Q3 with -details.csv) and the year rating
to shuangqiao-2026-rating.csv (via Tools/shuangqiao_reference.py).

Cast of the sample quarter 2026-Q3 (asserted below with the oracle):
  - every grade: 优秀, 合格, 基本合格 and 不合格 are each held by several workers;
  - LEAVER_ID is on the July and August rosters, not September's: his rows are warnings;
  - NEWCOMER_ID joins in September; his one July row counts (he is on the last roster);
  - 2026-08/tasks.csv has CRLF line endings, 2026-09/tasks.csv a UTF-8 BOM;
  - MOVER_ID changes village and grid in September (the quarter takes September's);
  - tasks accepted exactly 48:00:00 after dispatch (in time) and 48:00:01 (late), handled
    exactly 168:00:00 (in time) and 168:00:01 (late), accepted/handled after the month;
  - patrol days of exactly 60:00 in two sessions (counts) and 59:59 (does not), sessions
    across midnight and across the month's end (counted on the day of their start);
  - FLOOR_ID has more than 8 late steps: 流转事件 is floored at 0 (扣分明细 shows the rest);
  - training of 59 minutes (does not count) and of exactly 60 (counts), 请假 and 缺席.
Standard library only. Same arguments -> byte-identical files.
"""
import argparse
import calendar
import csv
import io
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
sys.dont_write_bytecode = True
sys.path.insert(0, TOOLS)
import shuangqiao_reference as oracle  # noqa: E402

DEFAULT_SEED = 20260930
LEAVER_ID = "SQ0007"
NEWCOMER_ID = "SQ0041"
MOVER_ID = "SQ0012"
FLOOR_ID = "SQ0003"
VILLAGES = ["双桥村", "石门村", "河东社区", "柳湾村", "新街社区"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["秀英", "建国", "丽", "伟", "芳", "强", "敏", "静", "磊", "洋", "娟", "军", "勇", "艳", "杰", "涛", "明", "超", "霞", "平"]
PROFILES = ["优秀", "合格", "基本合格", "不合格"]


def months_of(quarter):
    return oracle.quarter_months(quarter)


def t(dt):
    """A time as exported: seconds only when they are not zero (both forms are valid)."""
    return dt.strftime("%Y-%m-%d %H:%M:%S") if dt.second else dt.strftime("%Y-%m-%d %H:%M")


def write(path, header, rows, crlf=False, bom=False):
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


class Worker:
    def __init__(self, wid, name, village, grid, profile):
        self.id, self.name, self.village, self.grid, self.profile = wid, name, village, grid, profile


def make_workers(rnd, n):
    workers = []
    for k in range(1, n + 1):
        wid = "SQ%04d" % k
        v = (k - 1) * len(VILLAGES) // n
        grid = "SQ-%02d-%d" % (v + 1, (k % 3) + 1)
        own = random.Random(k)   # the same name for the same id in every quarter
        name = own.choice(SURNAMES) + own.choice(GIVEN)
        profile = PROFILES[k % 4]
        workers.append(Worker(wid, name, VILLAGES[v], grid, profile))
    return workers


def generate(out, quarter, rnd, n_workers, cast):
    months = months_of(quarter)
    workers = make_workers(rnd, n_workers)
    by_id = {w.id: w for w in workers}
    if cast:
        by_id[FLOOR_ID].profile = "不合格"
    counters = {"patrol": 0, "tasks": 0, "logs": 0, "training": 0}
    for mi, month in enumerate(months):
        y, m = int(month[:4]), int(month[5:])
        days = calendar.monthrange(y, m)[1]
        folder = os.path.join(out, month)
        on_roster = [w for w in workers
                     if not (cast and w.id == LEAVER_ID and mi == 2) and not (cast and w.id == NEWCOMER_ID and mi < 2)]
        if not cast:
            # A random leaver and joiner in random quarters too.
            on_roster = [w for w in workers if not (w.id == workers[1].id and mi == 2) and not (w.id == workers[-1].id and mi == 0)]
        roster = []
        for w in on_roster:
            village, grid = w.village, w.grid
            if cast and w.id == MOVER_ID and mi < 2:
                village, grid = VILLAGES[-1], "SQ-05-9"
            roster.append([w.id, w.name, village, grid])
        write(os.path.join(folder, "roster.csv"), ["网格员编号", "姓名", "村(所)", "网格编号"], roster)
        patrol, tasks, training, logs = [], [], [], []
        for w in on_roster:
            p = w.profile
            # Patrol: chance that a day qualifies (>= 60 min in sessions starting that day).
            q_rate = {"优秀": 0.78, "合格": 0.62, "基本合格": 0.45, "不合格": 0.2}[p]
            for day in range(1, days + 1):
                r = rnd.random()
                if r < q_rate:
                    total = rnd.choice([3600, 3600, 3601, 4000, 5400, 7200, 9000])
                elif r < q_rate + 0.25:
                    total = rnd.choice([3599, 1800, 2400, 3000, 600])
                else:
                    continue
                parts = 1 if rnd.random() < 0.6 else 2
                lengths = [total] if parts == 1 else [total // 2, total - total // 2]
                start = datetime(y, m, day, rnd.randint(6, 15), rnd.randint(0, 59), rnd.choice([0, 0, 0, rnd.randint(1, 59)]))
                if rnd.random() < 0.03:
                    start = datetime(y, m, day, 23, rnd.randint(0, 50), 0)   # across midnight
                for L in lengths:
                    counters["patrol"] += 1
                    end = start + timedelta(seconds=L)
                    patrol.append(["XC%s%06d" % (month.replace("-", ""), counters["patrol"]), w.id, t(start), t(end)])
                    start = end + timedelta(minutes=rnd.randint(5, 90))
                    if start.month != m or start.day != day:
                        break
            # Tasks: late steps by profile.
            n_tasks = rnd.randint(2, 5)
            late_p = {"优秀": 0.02, "合格": 0.08, "基本合格": 0.16, "不合格": 0.3}[p]
            for _ in range(n_tasks):
                counters["tasks"] += 1
                d = datetime(y, m, rnd.randint(1, days), rnd.randint(8, 18), rnd.randint(0, 59), rnd.choice([0, rnd.randint(0, 59)]))
                kind = rnd.random()
                if kind < late_p / 3:
                    a, c = None, None
                elif kind < late_p:
                    a = d + timedelta(hours=48, seconds=rnd.choice([1, 1, 3600]))
                    c = a + timedelta(hours=rnd.randint(1, 200))
                    if rnd.random() < 0.3:
                        c = None
                else:
                    a = d + timedelta(seconds=rnd.choice([600, 7200, 86400, 172800]))
                    c = d + timedelta(seconds=rnd.choice([86400, 3 * 86400, 604800, 604800, 604801]))
                    if c < a:
                        c = a
                tasks.append(["RW%s%05d" % (month.replace("-", ""), counters["tasks"]), w.id, t(d),
                              t(a) if a else "", t(c) if c else ""])
            # Logs: days with a log.
            log_rate = {"优秀": 0.7, "合格": 0.55, "基本合格": 0.45, "不合格": 0.2}[p]
            for day in range(1, days + 1):
                if rnd.random() < log_rate:
                    for _ in range(1 if rnd.random() < 0.8 else 2):
                        counters["logs"] += 1
                        logs.append(["RZ%s%06d" % (month.replace("-", ""), counters["logs"]), w.id, "%04d-%02d-%02d" % (y, m, day)])
        # Training: two sessions a month; attendance by profile.
        for s in range(2):
            counters["training"] += 1
            sid = "PX%s%02d" % (month.replace("-", ""), s + 1)
            day = "%04d-%02d-%02d" % (y, m, 8 + 10 * s)
            mins = rnd.choice([45, 59, 60, 60, 90, 120])
            for w in on_roster:
                r = rnd.random()
                attend_p = {"优秀": 0.8, "合格": 0.6, "基本合格": 0.4, "不合格": 0.1}[w.profile]
                if r < attend_p:
                    status = "出席"
                elif r < attend_p + 0.15:
                    status = rnd.choice(["请假", "缺席"])
                else:
                    continue
                training.append([sid, day, w.id, str(mins), status])
        if cast:
            add_cast(month, mi, y, m, by_id, patrol, tasks, training, logs)
        elif mi == 0:
            # The joiner's rows from before he is on a roster: he is on the quarter's last roster,
            # so they count (SPEC §8).
            j = workers[-1].id
            logs.append(["RZ%sJ1" % month.replace("-", ""), j, "%04d-%02d-03" % (y, m)])
            tasks.append(["RW%sJ1" % month.replace("-", ""), j, "%04d-%02d-04 09:00" % (y, m), "", ""])
        patrol.sort(key=lambda r: (r[2], r[0]))
        tasks.sort(key=lambda r: (r[2], r[0]))
        logs.sort(key=lambda r: (r[2], r[0]))
        write(os.path.join(folder, "patrol.csv"), ["巡查编号", "网格员编号", "开始时间", "结束时间"], patrol)
        # Both line endings and an optional BOM occur in exports (one file of each kind here).
        write(os.path.join(folder, "tasks.csv"), ["事件编号", "网格员编号", "派发时间", "受理时间", "办结时间"], tasks,
              crlf=(mi == 1), bom=(mi == 2))
        write(os.path.join(folder, "training.csv"), ["培训编号", "培训日期", "网格员编号", "时长(分钟)", "出勤"], training)
        write(os.path.join(folder, "logs.csv"), ["日志编号", "网格员编号", "日期"], logs)


def add_cast(month, mi, y, m, by_id, patrol, tasks, training, logs):
    """The hand-made rows of the sample quarter (see the docstring)."""
    tag = month.replace("-", "")
    days = calendar.monthrange(y, m)[1]
    first = by_id["SQ0001"].id
    # Exactly 48:00:00 (in time) and 48:00:01 (late); exactly 168:00:00 and 168:00:01.
    d = datetime(y, m, 10, 9, 30, 0)
    tasks.append(["RW%sB1" % tag, first, t(d), t(d + timedelta(hours=48)), t(d + timedelta(hours=168))])
    tasks.append(["RW%sB2" % tag, "SQ0002", t(d), t(d + timedelta(hours=48, seconds=1)), t(d + timedelta(hours=168, seconds=1))])
    # Dispatched on the last evening of the month: accepted and handled in the next month.
    e = datetime(y, m, days, 20, 15, 0)
    tasks.append(["RW%sB3" % tag, "SQ0004", t(e), t(e + timedelta(hours=30)), t(e + timedelta(hours=100))])
    # A patrol day of exactly 60:00 in two sessions, one of 59:59; a session over the month's end.
    s = datetime(y, m, 3, 7, 0, 0)
    patrol.append(["XC%sB1" % tag, "SQ0005", t(s), t(s + timedelta(minutes=25))])
    patrol.append(["XC%sB2" % tag, "SQ0005", t(s + timedelta(hours=3)), t(s + timedelta(hours=3, minutes=35))])
    s = datetime(y, m, days, 23, 30, 0)
    patrol.append(["XC%sB3" % tag, "SQ0006", t(s), t(s + timedelta(minutes=59, seconds=59))])
    if mi == 1:
        # FLOOR_ID: ten untouched tasks = 20 late steps, −100 against 40 points.
        for k in range(10):
            tasks.append(["RW%sF%d" % (tag, k), FLOOR_ID, t(datetime(y, m, 5 + k, 9, 0)), "", ""])
        # 59 minutes does not count, exactly 60 does.
        training.append(["PX%sB" % tag, "%04d-%02d-20" % (y, m), "SQ0009", "59", "出席"])
        training.append(["PX%sB" % tag, "%04d-%02d-20" % (y, m), "SQ0010", "60", "出席"])
        # The leaver's rows in August (warnings in the quarter run).
        logs.append(["RZ%sL1" % tag, LEAVER_ID, "%04d-%02d-15" % (y, m)])
    if mi == 0:
        # The newcomer's July log, from before he is on a roster: it counts (on the last roster).
        logs.append(["RZ%sN1" % tag, NEWCOMER_ID, "%04d-%02d-21" % (y, m)])


def run_oracle(root, quarter, expected_dir, details=True):
    out = os.path.join(expected_dir, "shuangqiao-%s.csv" % quarter)
    args = [sys.executable, os.path.join(TOOLS, "shuangqiao_reference.py"), root, quarter]
    if details:
        args += ["--details", os.path.join(expected_dir, "shuangqiao-%s-details.csv" % quarter)]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("oracle failed on %s:\n%s" % (quarter, r.stderr))
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(r.stdout)
    return list(csv.DictReader(io.StringIO(r.stdout))), r.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default=None, help="town folder to write into (default Input/shuangqiao, the shipped samples)")
    ap.add_argument("--quarter", default=None)
    ap.add_argument("--workers", type=int, default=42)
    a = ap.parse_args()
    if a.out:
        rnd = random.Random(a.seed)
        generate(a.out, a.quarter or "2026-Q3", rnd, a.workers, cast=False)
        return
    root = os.path.join(ROOT, "Input", "shuangqiao")
    expected = os.path.join(ROOT, "Tests", "EndToEndTests", "Expected")
    for q in ["2026-Q1", "2026-Q2", "2026-Q4"]:
        generate(root, q, random.Random(a.seed + int(q[-1])), a.workers, cast=False)
    generate(root, "2026-Q3", random.Random(a.seed), a.workers, cast=True)
    for q in ["2026-Q1", "2026-Q2", "2026-Q4"]:
        run_oracle(root, q, expected, details=False)
    rows, warnings = run_oracle(root, "2026-Q3", expected)
    grades = {r["等次"] for r in rows}
    assert grades == set(PROFILES), grades
    assert all(sum(1 for r in rows if r["等次"] == g) >= 2 for g in PROFILES), [r["等次"] for r in rows]
    assert len(rows) >= 30
    assert LEAVER_ID not in {r["网格员编号"] for r in rows} and "已不在季度末名册" in warnings
    assert NEWCOMER_ID in {r["网格员编号"] for r in rows}
    floor = next(r for r in rows if r["网格员编号"] == FLOOR_ID)
    assert floor["流转事件"] == "0.00", floor
    assert len({r["村(所)"] for r in rows}) >= 4
    r = subprocess.run([sys.executable, os.path.join(TOOLS, "shuangqiao_reference.py"), root, "2026", "--year"],
                       capture_output=True, text=True, check=True)
    with open(os.path.join(expected, "shuangqiao-2026-rating.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(r.stdout)
    print("wrote Input/shuangqiao/2026-01..12 and the expected results")


if __name__ == "__main__":
    main()
