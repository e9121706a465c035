#!/usr/bin/env python3
"""Seeded generator of jinshan months (SPEC §11): roster.csv, violations.csv, inspections.csv.

Usage:
  python3 Tools/make_jinshan_samples.py                 # writes Input/jinshan/2026-09 and 2026-10
  python3 Tools/make_jinshan_samples.py --out DIR --month 2026-10 --seed 7 --persons 120 --random
      one randomized month in DIR/jinshan/<month> (ids of mixed lengths, many ties, decimal bases)

The committed samples are built so that SPEC §11's cases all occur: 46 persons in 5 departments
and 8 grid areas; a tie for the best (two or more persons at 100: no own violation, no
unstopped outsider in their area, 4 inspections); a department with the lowest mean (it bears
the −300); outsiders stopped (是) and not stopped (否); a 本区域人员 row with 是否制止 是; a person
whose 总分 is floored at 0 (2026-10). Same seed → same bytes. Standard library only.
"""
import argparse
import calendar
import csv
import io
import os
import random

DEPARTMENTS = ["安全环保部", "生产一车间", "生产二车间", "设备维修部", "仓储物流部"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英", "建华"]
CATEGORIES = ["未佩戴安全帽", "高处作业未系安全带", "动火作业无证", "违规操作设备", "占用消防通道", "吸烟",
              "未按规定穿戴防护用品", "叉车超速", "临时用电,私拉乱接"]
POINTS = ["0.5", "1", "1", "1.5", "2", "2", "3", "4.5", "5"]


def write(path, header, rows, crlf=False, bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode("utf-8")
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


def month_days(month):
    y, m = int(month[:4]), int(month[5:7])
    return y, m, calendar.monthrange(y, m)[1]


def roster(rng, persons, randomized):
    areas = ["A%02d" % (i + 1) for i in range(max(3, persons // 6))]
    rows = []
    for i in range(persons):
        if randomized:
            pid = rng.choice(["P", "Q", "P"]) + str(rng.choice([i + 1, (i + 1) * 10, i + 1]))
            while any(r[0] == pid for r in rows):
                pid += "0"
        else:
            pid = "JS%03d" % (i + 1)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        dept = DEPARTMENTS[i % len(DEPARTMENTS)] if i < len(DEPARTMENTS) else rng.choice(DEPARTMENTS)
        area = areas[i % len(areas)] if i < len(areas) else rng.choice(areas)
        rows.append([pid, name, dept, area, "", ""])
    leads = set()
    for r in rows:
        if r[3] not in leads:
            leads.add(r[3])
            r[4] = "区域负责人"
        else:
            r[4] = rng.choice(["安全员", "员工", "员工", "员工"])
        base = {"区域负责人": 3500, "安全员": 3000, "员工": 2500}[r[4]]
        cents = rng.choice([0, 0, 0, 50, 25]) if randomized else rng.choice([0, 0, 0, 50])
        r[5] = "%d.%02d" % (base + rng.choice([0, 100, 200]), cents) if cents else str(base + rng.choice([0, 100, 200]))
    return rows


def month_rows(rng, month, people, randomized, clean, floored=None):
    y, m, days = month_days(month)
    ym = month.replace("-", "")
    by_area = {}
    for p in people:
        by_area.setdefault(p[3], []).append(p)
    areas = sorted(by_area)
    clean_areas = {p[3] for p in clean}
    clean_ids = {p[0] for p in clean}
    violations = []
    n = len(people) + rng.randint(0, len(people) // 2)

    def when():
        return "%04d-%02d-%02d %02d:%02d%s" % (y, m, rng.randint(1, days), rng.randint(6, 21), rng.randint(0, 59),
                                              (":%02d" % rng.randint(0, 59)) if rng.random() < 0.2 else "")

    for k in range(n):
        vid = "WZ%s%03d" % (ym, k + 1)
        if rng.random() < 0.6:
            p = rng.choice([q for q in people if q[0] not in clean_ids])
            violations.append([vid, when(), p[3], "本区域人员", p[0], rng.choice(CATEGORIES), rng.choice(POINTS), rng.choice(["是", "否"])])
        else:
            stopped = rng.choice(["是", "否"])
            area = rng.choice(areas)
            if area in clean_areas:
                stopped = "是"   # an outsider in a clean area was stopped: costs nobody anything
            violations.append([vid, when(), area, "外来人员", "", rng.choice(CATEGORIES), rng.choice(POINTS), stopped])
    if floored is not None:
        for j, pts in enumerate(["40", "35.5", "30"]):
            violations.append(["WZ%s%03d" % (ym, n + j + 1), when(), floored[3], "本区域人员", floored[0], "重大事故隐患瞒报", pts, "否"])
    violations.sort(key=lambda r: r[1])
    inspections = []
    seq = 0
    for p in people:
        count = 4 if p[0] in clean_ids else rng.choice([0, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
        for _ in range(count):
            seq += 1
            inspections.append(["PC%s%04d" % (ym, seq), p[0], "%04d-%02d-%02d" % (y, m, rng.randint(1, days)), str(rng.choice([0, 0, 1, 2, 3]))])
    inspections.sort(key=lambda r: (r[2], r[0]))
    return violations, inspections


def emit(out, month, people, violations, inspections, crlf=False, bom=False):
    d = os.path.join(out, "jinshan", month)
    os.makedirs(d, exist_ok=True)
    write(os.path.join(d, "roster.csv"), ["责任人编号", "姓名", "部门", "网格区域", "岗位", "绩效工资基数(元)"], people, crlf, bom)
    write(os.path.join(d, "violations.csv"), ["违章编号", "发现时间", "网格区域", "违章人类型", "违章人编号", "违章类别", "扣分", "是否制止"],
          violations, crlf, bom)
    write(os.path.join(d, "inspections.csv"), ["排查编号", "责任人编号", "排查日期", "发现隐患数"], inspections, crlf, bom)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Input"))
    ap.add_argument("--month")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--persons", type=int, default=46)
    ap.add_argument("--random", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if a.random:
        people = roster(rng, a.persons, True)
        clean = rng.sample(people, max(2, a.persons // 5))
        v, i = month_rows(rng, a.month, people, True, clean if rng.random() < 0.8 else [],
                          floored=rng.choice(people) if rng.random() < 0.5 else None)
        # A clean person must not be the floored one nor in an area with unstopped outsiders.
        emit(a.out, a.month, people, v, i, crlf=rng.random() < 0.5, bom=rng.random() < 0.5)
        return
    people = roster(rng, a.persons, False)
    for month in ["2026-09", "2026-10"]:
        # Two or three clean persons (100 points each): a tie for the best.
        clean = rng.sample(people, 2 if month == "2026-09" else 3)
        floored = None
        if month == "2026-10":
            floored = next(p for p in people if p not in clean)
        v, i = month_rows(rng, month, people, False, clean, floored)
        emit(a.out, month, people, v, i, crlf=month == "2026-10", bom=month == "2026-10")


if __name__ == "__main__":
    main()
