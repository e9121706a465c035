#!/usr/bin/env python3
"""Independent reference implementation (oracle) of SPEC section 11, town jinshan.

Usage:
  python3 Tools/jinshan_reference.py <input-dir-of-town> <YYYY-MM>
      prints the expected per-person results as CSV (LF, no BOM), by rank then 责任人编号,
      then the 激励基金 lines and department rows; or, for a month that SPEC §11 refuses, every
      error as `file:line:column: message` (exit status 1).
  python3 Tools/jinshan_reference.py <input-dir-of-town> <YYYY-MM> --compare <workbook.xlsx>
      compares gridpay's workbook with the expected results cell by cell: sheets 考核汇总,
      绩效工资, 扣分明细 (every line: person, item, points, yuan, file, line) and 激励基金.
      Exit 0 when everything agrees; otherwise prints the differences and exits 1.
  python3 Tools/jinshan_reference.py <input-dir-of-town> <YYYY-MM> --errors
      prints only the errors (`file:line:column`), one a line; exit 0.

Written from SPEC §11 alone; standard library only; all arithmetic in fractions.Fraction.
Ids are ordered as text by Unicode code points (Python's str order).
"""
import calendar
import csv
import io
import os
import re
import sys
from collections import Counter, defaultdict
from fractions import Fraction

from xlsx_sheets import sheets

ROSTER = ["责任人编号", "姓名", "部门", "网格区域", "岗位", "绩效工资基数(元)"]
VIOLATIONS = ["违章编号", "发现时间", "网格区域", "违章人类型", "违章人编号", "违章类别", "扣分", "是否制止"]
INSPECTIONS = ["排查编号", "责任人编号", "排查日期", "发现隐患数"]
ITEMS = ["本人违章", "连带责任", "隐患排查"]


def charge_rule_line():
    """The line of Rules/jinshan.toml's [[awards]] entry named 部门负激励 (扣分明细's source of a share)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rules", "jinshan.toml")
    lines = open(path, encoding="utf-8").read().split("\n")
    for k, text in enumerate(lines):
        if text.strip() == "[[awards]]" and any(t.strip() == 'name = "部门负激励"' for t in lines[k + 1:k + 4]):
            return k + 1
    raise SystemExit("Rules/jinshan.toml has no [[awards]] named 部门负激励")


CHARGE_RULE_LINE = charge_rule_line()
DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
DATETIME = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2})(:([0-9]{2}))?$")


class Month:
    def __init__(self, town_dir, month):
        self.dir = os.path.join(town_dir, month)
        self.year, self.mon = int(month[:4]), int(month[5:7])
        self.days = calendar.monthrange(self.year, self.mon)[1]
        self.errors = []

    def error(self, file, line, col, msg):
        self.errors.append((file, line, col, msg))

    def read(self, file, columns):
        path = os.path.join(self.dir, file)
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header = rows[0]
        missing = [c for c in columns if c not in header]
        if missing:
            self.error(file, 1, 1, "missing column " + ",".join(missing))
            return []
        index = {c: header.index(c) for c in columns}
        out = []
        for k, r in enumerate(rows[1:]):
            line = k + 2
            if len(r) != len(header):
                self.error(file, line, 1, "field count")
                continue
            out.append((line, {c: (r[index[c]], index[c] + 1) for c in columns}))
        return out

    def in_month(self, y, m, d):
        return y == self.year and m == self.mon and 1 <= d <= self.days

    def check_date(self, file, line, cell, with_time):
        value, col = cell
        m = (DATETIME if with_time else DATE).match(value)
        if not m:
            self.error(file, line, col, "bad date/time")
            return False
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            calendar.weekday(y, mo, d)
        except ValueError:
            self.error(file, line, col, "bad date")
            return False
        if with_time and (int(m.group(4)) > 23 or int(m.group(5)) > 59 or (m.group(7) and int(m.group(7)) > 59)):
            self.error(file, line, col, "bad time")
            return False
        if not self.in_month(y, mo, d):
            self.error(file, line, col, "outside the month")
            return False
        return True


def places(text):
    return len(text.split(".")[1]) if "." in text else 0


def round_half_up(x):
    sign = -1 if x < 0 else 1
    return sign * Fraction(int(abs(x) * 100 + Fraction(1, 2)), 100)


def fmt(x):
    cents = x * 100
    assert cents.denominator == 1, x
    cents = int(cents)
    return "%s%d.%02d" % ("-" if cents < 0 else "", abs(cents) // 100, abs(cents) % 100)


def split(amount, ids):
    """SPEC §11: each share is amount / k rounded down to the cent; the leftover cents go one each
    to the ids in ascending order (as text, by Unicode code points)."""
    cents = int(amount * 100)
    k = len(ids)
    each = cents // k
    left = cents - each * k
    shares = {}
    for j, i in enumerate(sorted(ids)):
        shares[i] = Fraction(each + (1 if j < left else 0), 100)
    return shares


def compute(town_dir, month):
    m = Month(town_dir, month)
    roster = m.read("roster.csv", ROSTER)
    people = {}
    order = []
    for line, r in roster:
        pid = r["责任人编号"][0]
        ok = True
        if pid == "" or pid in people:
            m.error("roster.csv", line, r["责任人编号"][1], "id empty or repeated"); ok = False
        for c in ["姓名", "部门", "网格区域"]:
            if r[c][0] == "" and c != "姓名":
                m.error("roster.csv", line, r[c][1], "empty"); ok = False
        if r["岗位"][0] not in ("区域负责人", "安全员", "员工"):
            m.error("roster.csv", line, r["岗位"][1], "岗位"); ok = False
        base = r["绩效工资基数(元)"][0]
        if not DECIMAL.match(base) or base.startswith("-") or places(base) > 2:
            m.error("roster.csv", line, r["绩效工资基数(元)"][1], "base"); ok = False
        if ok:
            people[pid] = {"id": pid, "name": r["姓名"][0], "dept": r["部门"][0], "area": r["网格区域"][0],
                           "base": Fraction(base), "line": line}
            order.append(pid)
    areas = defaultdict(list)
    for pid in order:
        areas[people[pid]["area"]].append(pid)

    own = defaultdict(Fraction)
    joint = defaultdict(Fraction)
    details = []   # (id, item, points, yuan, file, line)
    seen = {}
    for line, r in m.read("violations.csv", VIOLATIONS):
        ok = True
        vid = r["违章编号"][0]
        if vid == "":
            m.error("violations.csv", line, r["违章编号"][1], "empty id"); ok = False
        elif vid in seen:
            m.error("violations.csv", line, r["违章编号"][1], "duplicate 违章编号"); ok = False
        else:
            seen[vid] = line
        if not m.check_date("violations.csv", line, r["发现时间"], True):
            ok = False
        area = r["网格区域"][0]
        if area not in areas:
            m.error("violations.csv", line, r["网格区域"][1], "网格区域 on no roster row"); ok = False
        kind = r["违章人类型"][0]
        if kind not in ("本区域人员", "外来人员"):
            m.error("violations.csv", line, r["违章人类型"][1], "违章人类型"); ok = False
        who = r["违章人编号"][0]
        if kind == "本区域人员":
            if who == "":
                m.error("violations.csv", line, r["违章人编号"][1], "违章人编号 required"); ok = False
            elif who not in people or people[who]["area"] != area:
                m.error("violations.csv", line, r["违章人编号"][1], "违章人编号 not a person of the area"); ok = False
        elif kind == "外来人员" and who != "":
            m.error("violations.csv", line, r["违章人编号"][1], "违章人编号 must be empty"); ok = False
        points = r["扣分"][0]
        if not DECIMAL.match(points) or places(points) > 1 or Fraction(points) <= 0:
            m.error("violations.csv", line, r["扣分"][1], "扣分"); ok = False
        stopped = r["是否制止"][0]
        if stopped not in ("是", "否"):
            m.error("violations.csv", line, r["是否制止"][1], "是否制止"); ok = False
        if not ok:
            continue
        p = Fraction(points)
        if kind == "本区域人员":
            own[who] -= p
            details.append((who, "本人违章", -p, 10 * p, "violations.csv", line))
        elif stopped == "否":
            for member in areas[area]:
                joint[member] -= p
                details.append((member, "连带责任", -p, 10 * p, "violations.csv", line))

    inspections = Counter()
    seen = {}
    for line, r in m.read("inspections.csv", INSPECTIONS):
        ok = True
        iid = r["排查编号"][0]
        if iid == "":
            m.error("inspections.csv", line, r["排查编号"][1], "empty id"); ok = False
        elif iid in seen:
            m.error("inspections.csv", line, r["排查编号"][1], "duplicate 排查编号"); ok = False
        else:
            seen[iid] = line
        pid = r["责任人编号"][0]
        if pid not in people:
            m.error("inspections.csv", line, r["责任人编号"][1], "not on the roster"); ok = False
        if not m.check_date("inspections.csv", line, r["排查日期"], False):
            ok = False
        n = r["发现隐患数"][0]
        if not re.match(r"^[0-9]+(\.0+)?$", n):
            m.error("inspections.csv", line, r["发现隐患数"][1], "发现隐患数"); ok = False
        if ok:
            inspections[pid] += 1

    if m.errors:
        return None, m.errors

    res = {}
    for pid in order:
        short = max(0, 4 - inspections[pid])
        items = {"本人违章": round_half_up(own[pid]), "连带责任": round_half_up(joint[pid]),
                 "隐患排查": round_half_up(Fraction(-5 * short))}
        if short:
            details.append((pid, "隐患排查", Fraction(-5 * short), Fraction(50 * short), "inspections.csv", None))
        lost = -sum(items.values())
        total = max(Fraction(0), 100 - lost)
        res[pid] = dict(people[pid], items=items, total=total, yuan=10 * lost, award=Fraction(0), charge=Fraction(0))
    totals = [res[p]["total"] for p in order]
    for pid in order:
        res[pid]["rank"] = 1 + sum(1 for t in totals if t > res[pid]["total"])
    if order and min(totals) != max(totals):
        best = [p for p in order if res[p]["total"] == max(totals)]
        for p, s in split(Fraction(300), best).items():
            res[p]["award"] = s
    depts = []
    members = defaultdict(list)
    for p in order:
        if res[p]["dept"] not in members:
            depts.append(res[p]["dept"])
        members[res[p]["dept"]].append(p)
    means = {d: sum(res[p]["total"] for p in members[d]) / len(members[d]) for d in depts}
    if depts and min(means.values()) != max(means.values()):
        low = min(means.values())
        for d in depts:
            if means[d] == low:
                for p, s in split(Fraction(300), members[d]).items():
                    res[p]["charge"] = s
                    # 扣分明细 has a line per share (0 points), its source the rule's [[awards]] line.
                    details.append((p, "部门负激励", Fraction(0), s, "jinshan.toml", CHARGE_RULE_LINE))
    for p in order:
        r = res[p]
        r["score_pay"] = r["base"] + r["award"]
        r["deductions"] = r["yuan"] + r["charge"]
        r["payable"] = max(Fraction(0), r["score_pay"] - r["deductions"])
        r["shortfall"] = max(Fraction(0), r["deductions"] - r["score_pay"])
    income_points = sum(res[p]["yuan"] for p in order)
    income_depts = sum(res[p]["charge"] for p in order)
    outgoing = sum(res[p]["award"] for p in order)
    fund = {"扣分负激励": income_points, "部门负激励": income_depts, "收入合计": income_points + income_depts,
            "标兵奖励": outgoing, "结余": income_points + income_depts - outgoing}
    dept_rows = []
    for d in depts:
        rank = 1 + sum(1 for e in depts if means[e] > means[d])
        dept_rows.append((d, len(members[d]), round_half_up(means[d]), rank))
    ranked = sorted(order, key=lambda p: (res[p]["rank"], p))
    return {"order": ranked, "res": res, "fund": fund, "depts": dept_rows, "details": details}, []


# ------------------------------------------------------------------ reading the workbook


def num(v):
    """A numeric cell as written (the double's shortest text) → exact value rounded to 0.01."""
    if not isinstance(v, Fraction):
        return None
    return round_half_up(v)


def compare(expected, path):
    book = sheets(path)
    problems = []
    res = expected["res"]
    # 考核汇总
    summary = book.get("考核汇总", [[]])
    h = summary[0]
    rows = [dict(zip(h, r)) for r in summary[1:] if r and isinstance(r[1] if len(r) > 1 else None, str)]
    if [r.get("责任人编号") for r in rows] != expected["order"]:
        problems.append("考核汇总: row order differs: %s" % [r.get("责任人编号") for r in rows][:10])
    for r in rows:
        p = r.get("责任人编号")
        if p not in res:
            problems.append("考核汇总: unexpected %s" % p); continue
        e = res[p]
        for k, want in [("排名", e["rank"]), ("总分", e["total"])] + [(i, e["items"][i]) for i in ITEMS]:
            if num(r.get(k)) != want:
                problems.append("考核汇总 %s %s: %s != %s" % (p, k, r.get(k), fmt(Fraction(want))))
        for k, want in [("姓名", e["name"]), ("部门", e["dept"]), ("网格区域", e["area"])]:
            if r.get(k) != want:
                problems.append("考核汇总 %s %s: %s != %s" % (p, k, r.get(k), want))
    # 绩效工资
    pay = book.get("绩效工资", [[]])
    ph = pay[0]
    seen = set()
    for r in pay[1:]:
        if not r or r[0] not in res:
            continue
        d = dict(zip(ph, r))
        p = r[0]
        seen.add(p)
        e = res[p]
        for k, want in [("绩效工资基数", e["base"]), ("总分", e["total"]), ("标兵奖励", e["award"]), ("考核绩效", e["score_pay"]),
                        ("扣分负激励", e["yuan"]), ("部门负激励", e["charge"]), ("扣款合计", e["deductions"]),
                        ("实发绩效", e["payable"]), ("未扣足", e["shortfall"])]:
            if num(d.get(k)) != want:
                problems.append("绩效工资 %s %s: %s != %s" % (p, k, d.get(k), fmt(want)))
    if seen != set(res):
        problems.append("绩效工资: persons differ: missing %s" % sorted(set(res) - seen)[:10])
    # 扣分明细 (every sheet 扣分明细, 扣分明细2, …)
    got = Counter()
    for name, rows in book.items():
        if not name.startswith("扣分明细"):
            continue
        dh = rows[0]
        for r in rows[1:]:
            d = dict(zip(dh, r))
            if d.get("扣分") in (None, 0) and d.get("扣款(元)") in (None, 0):
                continue
            line = d.get("行号")
            got[(d.get("责任人编号"), d.get("考核项目"), num(d.get("扣分")), num(d.get("扣款(元)")), d.get("来源文件") or None,
                 int(line) if isinstance(line, Fraction) else None)] += 1
    want = Counter((p, i, round_half_up(pt), round_half_up(y), f, l) for p, i, pt, y, f, l in expected["details"])
    if got != want:
        for k in list((want - got).keys())[:10]:
            problems.append("扣分明细 missing: %s" % (k,))
        for k in list((got - want).keys())[:10]:
            problems.append("扣分明细 unexpected: %s" % (k,))
    # 激励基金
    fund = book.get("激励基金")
    if fund is None:
        problems.append("no sheet 激励基金")
    else:
        labels = {}
        for r in fund:
            if len(r) >= 2 and isinstance(r[0], str) and isinstance(r[1], Fraction):
                labels.setdefault(r[0], r[1])
        for k, v in expected["fund"].items():
            if num(labels.get(k)) != v:
                problems.append("激励基金 %s: %s != %s" % (k, labels.get(k), fmt(v)))
        start = next((i for i, r in enumerate(fund) if r[:4] == ["部门", "人数", "平均分", "部门排名"]), None)
        if start is None:
            problems.append("激励基金: no header 部门, 人数, 平均分, 部门排名")
        else:
            got_rows = [(r[0], int(r[1]), num(r[2]), int(r[3])) for r in fund[start + 1:] if r and r[0] is not None]
            if sorted(got_rows) != sorted(expected["depts"]):
                problems.append("激励基金 departments: %s != %s" % (got_rows, expected["depts"]))
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    expected, errors = compute(argv[1], argv[2])
    if "--errors" in argv:
        for f, l, c, msg in errors:
            print("%s:%d:%d: %s" % (f, l, c, msg))
        return 0
    if errors:
        for f, l, c, msg in errors:
            print("%s:%d:%d: %s" % (f, l, c, msg))
        return 1
    if "--compare" in argv:
        problems = compare(expected, argv[argv.index("--compare") + 1])
        for p in problems[:60]:
            print(p)
        print("%d persons, %d 扣分明细 lines compared, %d differences" % (len(expected["res"]), len(expected["details"]), len(problems)))
        return 1 if problems else 0
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["排名", "责任人编号"] + ITEMS + ["总分", "绩效工资基数", "标兵奖励", "考核绩效", "扣分负激励", "部门负激励",
                                          "扣款合计", "实发绩效", "未扣足"])
    for p in expected["order"]:
        e = expected["res"][p]
        w.writerow([e["rank"], p] + [fmt(e["items"][i]) for i in ITEMS] + [fmt(e["total"]), fmt(e["base"]), fmt(e["award"]),
                   fmt(e["score_pay"]), fmt(e["yuan"]), fmt(e["charge"]), fmt(e["deductions"]), fmt(e["payable"]), fmt(e["shortfall"])])
    for k, v in expected["fund"].items():
        w.writerow(["激励基金", k, fmt(v)])
    for d in expected["depts"]:
        w.writerow(["部门", d[0], d[1], fmt(d[2]), d[3]])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
