#!/usr/bin/env python3
"""Compares gridpay's workbook (sheet 考核汇总 and 绩效工资) with the oracle's CSV, cell by cell.

Usage: compare_with_oracle.py <workbook.xlsx> <oracle.csv>
Exit 0 when every worker's items, total, rank, duty, flag and pay figures agree exactly.
Standard library only (the workbook is read by xlsx_sheets.py), so CI needs nothing installed for it."""
import csv, sys

from xlsx_sheets import sheets


def main():
    book = sheets(sys.argv[1], number=float)
    oracle = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
    summary = book["考核汇总"]
    header = summary[0]
    got = {}
    for r in summary[1:]:
        if r and isinstance(r[1], str):
            got[r[1]] = dict(zip(header, r))
    pay = book["绩效工资"]
    ph = pay[0]
    for r in pay[1:]:
        if r and isinstance(r[0], str) and r[0] in got:
            got[r[0]].update({"pay:" + k: v for k, v in zip(ph, r)})
    problems = []
    order = [r[1] for r in summary[1:] if r and isinstance(r[1], str)]
    if order != [o["网格员编号"] for o in oracle]:
        problems.append("row order differs")
    num = ["业务培训", "日常考核", "网格巡查", "事件上报", "电话畅通", "上级调度", "总分"]
    for o in oracle:
        g = got.get(o["网格员编号"])
        if g is None:
            problems.append(f"{o['网格员编号']}: missing"); continue
        for k in num:
            if round(g[k], 2) != float(o[k]): problems.append(f"{o['网格员编号']} {k}: {g[k]} != {o[k]}")
        if int(g["排名"]) != int(o["排名"]): problems.append(f"{o['网格员编号']} 排名: {g['排名']} != {o['排名']}")
        for k in ["完成工作任务", "建议更换"]:
            if g[k] != o[k]: problems.append(f"{o['网格员编号']} {k}: {g[k]} != {o[k]}")
        for k in ["绩效工资基数", "考核绩效", "扣款合计", "实发绩效", "未扣足"]:
            if round(g["pay:" + k], 2) != float(o[k]): problems.append(f"{o['网格员编号']} {k}: {g['pay:' + k]} != {o[k]}")
    for p in problems[:40]:
        print(p)
    print(f"{len(oracle)} workers compared, {len(problems)} differences")
    sys.exit(1 if problems else 0)


main()
