#!/usr/bin/env python3
"""Compares gridpay's shuangqiao workbook with the oracle (Tools/shuangqiao_reference.py), cell by
cell, as an independent checker of SPEC §10 would: sheet 考核汇总 (row order, 排名, the roster
columns, the four items, 总分, 等次, 建议更换), sheet 绩效工资 (绩效工资基数, 考核绩效, 扣款合计,
实发绩效, 未扣足) and sheet 扣分明细 (every 受理超时 / 办结超时 line with its 事件编号, points, file
and line, and the points not taken where the floor at 0 bites; nothing else).

Usage: compare_shuangqiao.py <workbook.xlsx> <oracle.csv> [<oracle-details.csv>]
       compare_shuangqiao.py --rating <rating.xlsx> <oracle-year.csv>   (sheet 等次评定)
Exit 0 when everything agrees. Standard library only."""
import csv
import re
import sys
from collections import Counter
from fractions import Fraction

from xlsx_sheets import sheets

ITEMS = ["网格巡查", "流转事件", "业务培训", "网格日志"]
PINNED = ["排名", "网格员编号", "姓名", "村(社区)", "网格编号"] + ITEMS + ["总分", "等次", "建议更换"]
PAY = ["绩效工资基数", "考核绩效", "扣款合计", "实发绩效", "未扣足"]


def num(v):
    """A numeric cell as an exact value to 0.01 (cells hold doubles of exact cents)."""
    if not isinstance(v, Fraction):
        return None
    return Fraction(round(v * 100), 100)


def rating(book_path, oracle_path):
    """The year rating: sheet 等次评定 against the oracle's --year output."""
    book = sheets(book_path)
    oracle = list(csv.DictReader(open(oracle_path, encoding="utf-8")))
    problems = []
    rows = book.get("等次评定")
    if rows is None:
        print("no sheet 等次评定 (sheets: %s)" % list(book))
        sys.exit(1)
    header = rows[0]
    periods = [k for k in oracle[0].keys() if re.match(r"\d{4}-Q\d$", k)] if oracle else []
    for name in ["排名", "网格员编号", "姓名", "村(社区)", "网格编号"] + periods + ["平均分", "等次", "备注"]:
        if name not in header:
            problems.append("等次评定 has no column %s (header: %s)" % (name, header))
    got, order = {}, []
    for r in rows[1:]:
        if r and len(r) > 1 and isinstance(r[1], str) and r[1] and isinstance(r[0], Fraction):
            got[r[1]] = dict(zip(header, r))
            order.append(r[1])
    if not problems:
        if order != [o["网格员编号"] for o in oracle]:
            problems.append("row order differs: %s vs %s" % (order[:12], [o["网格员编号"] for o in oracle][:12]))
        for o in oracle:
            w = o["网格员编号"]
            g = got.get(w)
            if g is None:
                problems.append("%s: missing from 等次评定" % w)
                continue
            if num(g["排名"]) != Fraction(o["排名"]):
                problems.append("%s 排名: %s != %s" % (w, g["排名"], o["排名"]))
            for k in periods:
                if o[k] == "":
                    if g[k] not in (None, ""):
                        problems.append("%s %s: %r, expected empty (not on that roster)" % (w, k, g[k]))
                elif num(g[k]) != Fraction(o[k]):
                    problems.append("%s %s: %r != %s" % (w, k, g[k], o[k]))
            if num(g["平均分"]) != Fraction(o["平均分"]):
                problems.append("%s 平均分: %r != %s" % (w, g["平均分"], o["平均分"]))
            if g["等次"] != o["等次"]:
                problems.append("%s 等次: %r != %r" % (w, g["等次"], o["等次"]))
    for p in problems[:60]:
        print(p)
    print("%d workers compared, %d differences" % (len(oracle), len(problems)))
    sys.exit(1 if problems else 0)


def main():
    if sys.argv[1] == "--rating":
        rating(sys.argv[2], sys.argv[3])
    book = sheets(sys.argv[1])
    oracle = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
    problems = []
    summary = book["考核汇总"]
    header = summary[0]
    for name in PINNED:
        if name not in header:
            problems.append("考核汇总 has no column %s (header: %s)" % (name, header))
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    got = {}
    order = []
    for r in summary[1:]:
        if r and len(r) > 1 and isinstance(r[1], str) and r[1]:
            got[r[1]] = dict(zip(header, r))
            order.append(r[1])
    if order != [o["网格员编号"] for o in oracle]:
        problems.append("row order differs: %s vs %s" % (order[:12], [o["网格员编号"] for o in oracle][:12]))
    pay = book["绩效工资"]
    ph = pay[0]
    for name in PAY:
        if name not in ph:
            problems.append("绩效工资 has no column %s" % name)
    pay_rows = {}
    for r in pay[1:]:
        if r and isinstance(r[0], str) and r[0] in got:
            pay_rows[r[0]] = dict(zip(ph, r))
    for o in oracle:
        w = o["网格员编号"]
        g = got.get(w)
        if g is None:
            problems.append("%s: missing from 考核汇总" % w)
            continue
        if num(g["排名"]) != Fraction(o["排名"]):
            problems.append("%s 排名: %s != %s" % (w, g["排名"], o["排名"]))
        for k, ok in [("村(社区)", "村(所)"), ("网格编号", "网格编号")]:
            if g[k] != o[ok]:
                problems.append("%s %s: %r != %r" % (w, k, g[k], o[ok]))
        for k in ITEMS + ["总分"]:
            if num(g[k]) != Fraction(o[k]):
                problems.append("%s %s: %r != %s" % (w, k, g[k], o[k]))
        for k in ["等次", "建议更换"]:
            if g[k] != o[k]:
                problems.append("%s %s: %r != %r" % (w, k, g[k], o[k]))
        p = pay_rows.get(w)
        if p is None:
            problems.append("%s: missing from 绩效工资" % w)
            continue
        for k in PAY:
            if num(p.get(k)) != Fraction(o[k]):
                problems.append("%s %s: %r != %s" % (w, k, p.get(k), o[k]))
    if len(pay_rows) != len(oracle):
        problems.append("绩效工资 has %d worker rows, expected %d" % (len(pay_rows), len(oracle)))
    if len(sys.argv) > 3:
        expected = Counter()
        for d in csv.DictReader(open(sys.argv[3], encoding="utf-8")):
            if d["扣分原因"] == "floor":
                expected[(d["网格员编号"], "floor", Fraction(d["扣分"]), "", "")] += 1
            else:
                expected[(d["网格员编号"], d["扣分原因"], Fraction(d["扣分"]), d["来源文件"], d["行号"])] += 1
        details = [r for r in book.get("扣分明细", [])]
        dh = details[0]
        actual = Counter()
        for r in details[1:]:
            if not r or not isinstance(r[0], str) or not r[0]:
                continue
            row = dict(zip(dh, r))
            if row.get("考核项目") != "流转事件":
                problems.append("扣分明细: unexpected line %s" % r)
                continue
            reason = row["扣分原因"]
            points = num(row["扣分"])
            line = row.get("行号")
            line = "" if line in (None, "") else str(int(line))
            file = row.get("来源文件") or ""
            if "不低于" in reason:
                actual[(row["网格员编号"], "floor", points, "", "")] += 1
            else:
                actual[(row["网格员编号"], reason, points, file, line)] += 1
        for k in expected - actual:
            problems.append("扣分明细 missing: %s" % (k,))
        for k in actual - expected:
            problems.append("扣分明细 unexpected: %s" % (k,))
    for p in problems[:60]:
        print(p)
    print("%d workers compared, %d differences" % (len(oracle), len(problems)))
    sys.exit(1 if problems else 0)


main()
