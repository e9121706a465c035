#!/usr/bin/env python3
"""Independent reference implementation (oracle) of SPEC section 3, town qinghe.

Usage: python3 Tools/qinghe_reference.py <input-dir-of-town> <YYYY-MM>
       e.g.  python3 Tools/qinghe_reference.py Input/qinghe 2026-10

Prints one CSV row per roster worker (LF, no BOM), ordered by rank then 网格员编号.
Standard library only; all arithmetic in fractions.Fraction, never float.
"""
import calendar
import csv
import io
import os
import sys
from collections import Counter, defaultdict
from fractions import Fraction

HEADER = ["排名", "网格员编号", "业务培训", "日常考核", "网格巡查", "事件上报", "电话畅通",
          "上级调度", "总分", "完成工作任务", "建议更换", "历史不完整", "绩效工资基数",
          "考核绩效", "扣款合计", "实发绩效", "未扣足"]

COLUMNS = {
    "roster": ["网格员编号", "姓名", "村(社区)", "网格编号", "绩效工资基数(元)", "重点人员数"],
    "patrol": ["网格员编号", "日期", "巡查时长(分钟)"],
    "events": ["事件编号", "网格员编号", "上报时间", "事件类型", "核查结果"],
    "phone_checks": ["抽查编号", "抽查时间", "网格员编号", "抽查层级", "是否接听"],
    "training": ["培训编号", "培训日期", "网格员编号", "出勤"],
    "visits": ["走访编号", "网格员编号", "走访日期", "走访类型"],
}
# Closed value sets (SPEC section 3).
CLOSED = {("events", "核查结果"): {"有效", "无效"},
          ("phone_checks", "抽查层级"): {"镇", "县", "市", "省"},
          ("phone_checks", "是否接听"): {"是", "否"},
          ("training", "出勤"): {"出席", "请假", "缺席"},
          ("visits", "走访类型"): {"矛盾纠纷排查", "房屋排查", "重点人员走访"}}
UNIQUE = {"roster": ("网格员编号",), "events": ("事件编号",), "phone_checks": ("抽查编号",),
          "training": ("培训编号", "网格员编号"), "visits": ("走访编号",), "patrol": None}
DATE_COLUMN = {"patrol": "日期", "events": "上报时间", "phone_checks": "抽查时间",
               "training": "培训日期", "visits": "走访日期"}
# Points and yuan per unanswered call, by level.
PHONE_POINTS = {"镇": 5, "县": 10, "市": 15, "省": 20}
PHONE_YUAN = {"镇": 30, "县": 100, "市": 120, "省": 150}


def round_half_up(x):
    """Round a Fraction to 0.01, halves away from zero (Decimal ROUND_HALF_UP semantics:
    2.345 -> 2.35, -2.345 -> -2.35). SPEC says "rounded half-up"; for negatives we read
    it as away from zero. (For qinghe only the non-negative 网格巡查 and score pay can
    actually need rounding, so the choice never shows in practice.)"""
    sign = -1 if x < 0 else 1
    return sign * Fraction(int(abs(x) * 100 + Fraction(1, 2)), 100)


def fmt(x):
    """Exactly two decimals of a value that is already a multiple of 0.01."""
    cents = x * 100
    assert cents.denominator == 1, x
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    return "%s%d.%02d" % (sign, abs(cents) // 100, abs(cents) % 100)


def read_table(month_dir, name, month, roster_ids):
    path = os.path.join(month_dir, name + ".csv")
    with open(path, encoding="utf-8-sig", newline="") as f:  # utf-8-sig strips an optional BOM
        header, *records = list(csv.reader(f))
    for col in COLUMNS[name]:
        if col not in header:
            sys.exit("%s: missing column %s" % (path, col))
    rows = []
    for line, record in enumerate(records, start=2):
        if len(record) != len(header):
            sys.exit("%s:%d: %d fields, header has %d" % (path, line, len(record), len(header)))
        row = dict(zip(header, record))
        rows.append(row)
        for (table, col), allowed in CLOSED.items():
            if table == name and row[col] not in allowed:
                sys.exit("%s:%d: %s=%r not in %s" % (path, line, col, row[col], sorted(allowed)))
        if name in DATE_COLUMN and not row[DATE_COLUMN[name]].startswith(month + "-"):
            sys.exit("%s:%d: date outside %s" % (path, line, month))
        if roster_ids is not None and row["网格员编号"] not in roster_ids:
            sys.exit("%s:%d: worker %s not on roster" % (path, line, row["网格员编号"]))
    if UNIQUE[name]:
        keys = Counter(tuple(r[c] for c in UNIQUE[name]) for r in rows)
        duplicates = [k for k, n in keys.items() if n > 1]
        if duplicates:
            sys.exit("%s: duplicate %s %s" % (path, "+".join(UNIQUE[name]), duplicates[0]))
    return rows


def compute_month(town_dir, month):
    """Scores of one month from its own inputs (no history). Returns {id: dict}."""
    month_dir = os.path.join(town_dir, month)
    roster = read_table(month_dir, "roster", month, None)
    ids = [r["网格员编号"] for r in roster]
    t = {n: read_table(month_dir, n, month, set(ids)) for n in COLUMNS if n != "roster"}
    year, mon = map(int, month.split("-"))
    days = calendar.monthrange(year, mon)[1]  # D

    minutes = defaultdict(Fraction)
    for r in t["patrol"]:
        m = Fraction(r["巡查时长(分钟)"])
        if m < 0:
            sys.exit("negative 巡查时长(分钟): %r" % r)
        minutes[r["网格员编号"]] += m
    hours_per_day = {w: minutes[w] / 60 / days for w in ids}  # no patrol rows -> 0
    valid = Counter(r["网格员编号"] for r in t["events"] if r["核查结果"] == "有效")
    invalid = Counter(r["网格员编号"] for r in t["events"] if r["核查结果"] == "无效")
    grid_of = {r["网格员编号"]: r["网格编号"] for r in roster}
    members = defaultdict(list)
    for w in ids:
        members[grid_of[w]].append(w)

    def grid_mean(values, w):
        ws = members[grid_of[w]]
        return sum((Fraction(values[x]) for x in ws), Fraction(0)) / len(ws)

    out = {}
    for r in roster:
        w = r["网格员编号"]
        att = Counter(x["出勤"] for x in t["training"] if x["网格员编号"] == w)
        vis = Counter(x["走访类型"] for x in t["visits"] if x["网格员编号"] == w)
        missed = Counter(x["抽查层级"] for x in t["phone_checks"]
                         if x["网格员编号"] == w and x["是否接听"] == "否")
        key_persons = int(r["重点人员数"])
        shortfall = (max(0, 4 - vis["矛盾纠纷排查"]) + max(0, 4 - vis["房屋排查"])
                     + max(0, key_persons - vis["重点人员走访"]))
        raw = {
            "业务培训": 10 - 2 * att["缺席"] - 1 * att["请假"],
            "日常考核": 20 - 2 * shortfall,
            "网格巡查": 20 * min(Fraction(1), grid_mean(hours_per_day, w) / 10),
            "事件上报": 30 * min(Fraction(1), grid_mean(valid, w) / 25) - 3 * invalid[w],
            "电话畅通": 20 - 5 * missed["镇"],
            "上级调度": -(20 * missed["省"] + 15 * missed["市"] + 10 * missed["县"]),
        }
        items = {k: round_half_up(Fraction(v)) for k, v in raw.items()}
        total = sum(items.values(), Fraction(0))
        base = Fraction(r["绩效工资基数(元)"])
        score_pay = round_half_up(base * max(Fraction(0), total) / 100)
        deductions = Fraction(sum(PHONE_YUAN[lv] * n for lv, n in missed.items()))
        out[w] = dict(items, 网格员编号=w, 总分=total, 绩效工资基数=base, 考核绩效=score_pay,
                      扣款合计=deductions,
                      实发绩效=max(Fraction(0), score_pay - deductions),
                      未扣足=max(Fraction(0), deductions - score_pay),
                      duty=valid[w] >= 25 and hours_per_day[w] >= 10)
    # Competition ranking: 1 + number of workers with a strictly higher total (1, 2, 2, 4).
    for w, row in out.items():
        row["排名"] = 1 + sum(1 for o in out.values() if o["总分"] > row["总分"])
    return out


def previous_month(month, back):
    year, mon = map(int, month.split("-"))
    index = year * 12 + (mon - 1) - back
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def last_ranked(rows):
    """Ids holding the last (largest) rank of a month; ties share it."""
    last = max(r["排名"] for r in rows.values())
    return {w for w, r in rows.items() if r["排名"] == last}


def report(town_dir, month):
    rows = compute_month(town_dir, month)
    earlier = [previous_month(month, k) for k in (1, 2)]
    incomplete = not all(os.path.isdir(os.path.join(town_dir, m)) for m in earlier)
    last_sets = [last_ranked(rows)]
    if not incomplete:
        last_sets += [last_ranked(compute_month(town_dir, m)) for m in earlier]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for w in sorted(rows, key=lambda w: (rows[w]["排名"], w)):
        r = rows[w]
        # A worker absent from an earlier roster is not in that month's last set.
        flag = (not incomplete and all(w in s for s in last_sets) and not r["duty"])
        writer.writerow([r["排名"], w] + [fmt(r[k]) for k in HEADER[2:9]]
                        + ["是" if b else "否" for b in (r["duty"], flag, incomplete)]
                        + [fmt(r[k]) for k in HEADER[12:]])
    return out.getvalue()


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: qinghe_reference.py <input-dir-of-town> <YYYY-MM>")
    sys.stdout.buffer.write(report(argv[1], argv[2]).encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv)
