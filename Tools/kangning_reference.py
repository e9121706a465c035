#!/usr/bin/env python3
"""Independent reference implementation (oracle) of SPEC section 12, town kangning.

Usage: python3 Tools/kangning_reference.py <input-dir-of-town> <YYYY-MM> [--teams]
       e.g.  python3 Tools/kangning_reference.py Input/kangning 2026-10

Prints one CSV row per roster person (LF, no BOM), ordered by 排名 then 人员编号; with --teams,
one row per team as sheet 团队考核 (ordered by 团队排名 then 团队). Percentages are rates rounded
half-up to 4 decimals (as the sheets write them); empty where the team has no survey.
Inputs with errors: every problem printed to stderr as `file:line: message` (line 0 when the
problem is a missing row), exit status 1.
Written from the SPEC alone (no gridpay code); standard library only; all arithmetic in
fractions.Fraction, never float.
"""
import calendar
import csv
import io
import os
import re
import sys
from fractions import Fraction

ITEMS = ["家庭医生签约", "慢病随访", "健康档案更新", "健康教育"]
ROLES = {"全科医生": Fraction(12, 10), "公卫医师": Fraction(11, 10), "护士": Fraction(1), "网格员": Fraction(1)}
COLUMNS = {
    "roster": ["人员编号", "姓名", "站点", "团队", "岗位", "绩效工资基数(元)"],
    "quotas": ["团队", "工作项目", "月度目标"],
    "services": ["服务编号", "人员编号", "服务日期", "工作项目", "居民编号"],
    "households": ["团队", "辖区户数", "已建档户数"],
    "survey": ["问卷编号", "团队", "是否知晓", "满意度"],
}
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
INTEGER = re.compile(r"^-?[0-9]+$")
DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def round2(x):
    """Half-up to 0.01 (values here are never negative)."""
    assert x >= 0
    return Fraction(int(x * 100 + Fraction(1, 2)), 100)


def round4(x):
    return Fraction(int(x * 10000 + Fraction(1, 2)), 10000)


def fmt(x):
    """Shortest decimal text of a Fraction with a finite decimal expansion (as a cell reads)."""
    if x.denominator == 1:
        return str(x.numerator)
    sign = "-" if x < 0 else ""
    x = abs(x)
    places = 0
    while (x * 10 ** places).denominator != 1:
        places += 1
        assert places <= 12, x
    s = "%d" % (x * 10 ** places)
    s = s.rjust(places + 1, "0")
    return sign + (s[:-places] + "." + s[-places:]).rstrip("0").rstrip(".")


class Problems:
    def __init__(self):
        self.items = []

    def add(self, file, line, message):
        self.items.append((file, line, message))


def read(month_dir, name, problems):
    path = os.path.join(month_dir, name + ".csv")
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    index = {}
    for c in COLUMNS[name]:
        if c not in header:
            problems.add(name + ".csv", 1, "missing column " + c)
            return []
        index[c] = header.index(c)
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            problems.add(name + ".csv", n, "field count")
            continue
        out.append((n, {c: r[index[c]] for c in COLUMNS[name]}))
    return out


def number(text):
    return Fraction(text) if NUMBER.match(text) else None


def integer(text):
    """A whole number is written in digits (no decimal point), optionally negative."""
    return Fraction(int(text)) if INTEGER.match(text) else None


def compute(town_dir, month):
    year, mon = map(int, month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    month_dir = os.path.join(town_dir, month)
    p = Problems()
    tables = {name: read(month_dir, name, p) for name in COLUMNS}

    # Roster.
    people = {}
    order = []
    for line, r in tables["roster"]:
        ok = True
        if r["人员编号"] == "" or r["团队"] == "":
            p.add("roster.csv", line, "empty id"); ok = False
        if r["人员编号"] in people:
            p.add("roster.csv", line, "duplicate 人员编号"); ok = False
        if r["岗位"] not in ROLES:
            p.add("roster.csv", line, "岗位"); ok = False
        base = number(r["绩效工资基数(元)"])
        if base is None or base < 0 or (base * 100).denominator != 1:
            p.add("roster.csv", line, "绩效工资基数(元)"); ok = False
        if ok:
            people[r["人员编号"]] = dict(r, line=line, base=base)
            order.append(r["人员编号"])
    teams = {}
    for pid in order:
        person = people[pid]
        t = person["团队"]
        if t not in teams:
            teams[t] = dict(site=person["站点"], members=[], first=person["line"])
        elif person["站点"] != teams[t]["site"] and not teams[t].get("reported"):
            # Reported at the first member whose 站点 differs from the team's first member.
            teams[t]["reported"] = True
            p.add("roster.csv", person["line"], "站点 differs from the team's first member (line %d)" % teams[t]["first"])
        teams[t]["members"].append(pid)

    def team_of(file, line, value):
        if value not in teams:
            p.add(file, line, "团队 '%s' is on no roster row" % value)
            return None
        return value

    # Quotas.
    targets = {}
    for line, r in tables["quotas"]:
        ok = True
        t = team_of("quotas.csv", line, r["团队"])
        if r["工作项目"] not in ITEMS:
            p.add("quotas.csv", line, "工作项目"); ok = False
        n = integer(r["月度目标"])
        if n is None or n.denominator != 1 or n < 1:
            p.add("quotas.csv", line, "月度目标 must be a positive whole number"); ok = False
        if t is None or not ok:
            continue
        key = (t, r["工作项目"])
        if key in targets:
            p.add("quotas.csv", line, "duplicate (团队, 工作项目)")
            continue
        targets[key] = n
    for t in teams:
        for item in ITEMS:
            if (t, item) not in targets:
                p.add("quotas.csv", 0, "团队 '%s' has no row for 工作项目 '%s'" % (t, item))

    # Households.
    homes = {}
    for line, r in tables["households"]:
        ok = True
        t = team_of("households.csv", line, r["团队"])
        area, on_file = integer(r["辖区户数"]), integer(r["已建档户数"])
        if area is None or area.denominator != 1 or area < 1:
            p.add("households.csv", line, "辖区户数 must be a positive whole number"); ok = False
        if on_file is None or on_file.denominator != 1 or on_file < 0:
            p.add("households.csv", line, "已建档户数 must be a whole number ≥ 0"); ok = False
        if t is None or not ok:
            continue
        if t in homes:
            p.add("households.csv", line, "duplicate 团队")
            continue
        homes[t] = (area, on_file)
    for t in teams:
        if t not in homes and not any(r["团队"] == t for _, r in tables["households"]):
            p.add("households.csv", 0, "团队 '%s' has no households row" % t)

    # Survey.
    answers = {t: [] for t in teams}
    seen = set()
    for line, r in tables["survey"]:
        ok = True
        if r["问卷编号"] == "":
            p.add("survey.csv", line, "问卷编号 empty"); ok = False
        elif r["问卷编号"] in seen:
            p.add("survey.csv", line, "duplicate 问卷编号"); ok = False
        t = team_of("survey.csv", line, r["团队"])
        if r["是否知晓"] not in ("是", "否"):
            p.add("survey.csv", line, "是否知晓"); ok = False
        if r["满意度"] not in ("满意", "基本满意", "不满意"):
            p.add("survey.csv", line, "满意度"); ok = False
        seen.add(r["问卷编号"])
        if ok and t is not None:
            answers[t].append(r)

    # Services: every row counts for the team of the person who gave it.
    done = {(t, item): 0 for t in teams for item in ITEMS}
    seen = set()
    for line, r in tables["services"]:
        ok = True
        if r["服务编号"] == "":
            p.add("services.csv", line, "服务编号 empty"); ok = False
        elif r["服务编号"] in seen:
            p.add("services.csv", line, "duplicate 服务编号"); ok = False
        seen.add(r["服务编号"])
        if r["人员编号"] not in people:
            p.add("services.csv", line, "人员编号 not on the roster"); ok = False
        m = DATE.match(r["服务日期"])
        if not m:
            p.add("services.csv", line, "服务日期"); ok = False
        else:
            y, mo, d = map(int, m.groups())
            valid = 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]
            if not valid or (y, mo) != (year, mon):
                p.add("services.csv", line, "服务日期 outside the month"); ok = False
        if r["工作项目"] not in ITEMS:
            p.add("services.csv", line, "工作项目"); ok = False
        if r["居民编号"] == "":
            p.add("services.csv", line, "居民编号 empty"); ok = False
        if ok:
            done[(people[r["人员编号"]]["团队"], r["工作项目"])] += 1

    if p.items:
        return None, None, p

    # Team scores.
    team_rows = {}
    for t, info in teams.items():
        workload = 60 * sum(min(Fraction(1), Fraction(done[(t, i)]) / targets[(t, i)]) for i in ITEMS) / 4
        area, on_file = homes[t]
        coverage_rate = Fraction(on_file) / area
        coverage = 10 * min(Fraction(1), coverage_rate)
        rows = answers[t]
        no_survey = len(rows) == 0
        if no_survey:
            aware_rate = satisfied_rate = None
            aware = satisfied = Fraction(0)
        else:
            aware_rate = Fraction(sum(r["是否知晓"] == "是" for r in rows), len(rows))
            satisfied_rate = Fraction(sum(r["满意度"] in ("满意", "基本满意") for r in rows), len(rows))
            aware = Fraction(10) if aware_rate >= Fraction(6, 10) else 10 * aware_rate / Fraction(6, 10)
            satisfied = Fraction(20) if satisfied_rate >= Fraction(9, 10) else 20 * satisfied_rate / Fraction(9, 10)
        items = [round2(workload), round2(coverage), round2(aware), round2(satisfied)]
        team_rows[t] = dict(team=t, site=info["site"], size=len(info["members"]), items=items, total=sum(items),
                            no_survey=no_survey, coverage_rate=coverage_rate, aware_rate=aware_rate,
                            satisfied_rate=satisfied_rate)
    # 团队排名: by team score, descending; equal scores share a rank, the next skips.
    for row in team_rows.values():
        row["rank"] = 1 + sum(other["total"] > row["total"] for other in team_rows.values())

    # Persons.
    person_rows = []
    for pid in order:
        person = people[pid]
        team = team_rows[person["团队"]]
        pay = round2(person["base"] * ROLES[person["岗位"]] * team["total"] / 100)
        person_rows.append(dict(id=pid, name=person["姓名"], site=person["站点"], team=person["团队"],
                                items=team["items"], total=team["total"], flag=team["no_survey"],
                                base=person["base"], pay=pay))
    for row in person_rows:
        row["rank"] = 1 + sum(other["total"] > row["total"] for other in person_rows)
    codepoints = lambda s: [ord(c) for c in s]
    person_rows.sort(key=lambda r: (r["rank"], codepoints(r["id"])))
    teams_sorted = sorted(team_rows.values(), key=lambda r: (r["rank"], codepoints(r["team"])))
    return person_rows, (teams_sorted, done, targets), p


def report(town_dir, month, teams_wanted):
    persons, teams, problems = compute(town_dir, month)
    if persons is None:
        return None, problems
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    if not teams_wanted:
        w.writerow(["排名", "人员编号", "姓名", "站点", "团队", "工作量", "建档覆盖", "知晓率", "满意率", "总分",
                    "未开展满意度调查", "绩效工资基数", "考核绩效", "扣款合计", "实发绩效", "未扣足"])
        for r in persons:
            w.writerow([r["rank"], r["id"], r["name"], r["site"], r["team"]] + [fmt(x) for x in r["items"]]
                       + [fmt(r["total"]), "是" if r["flag"] else "否", fmt(r["base"]), fmt(r["pay"]), "0", fmt(r["pay"]), "0"])
    else:
        rows, done, targets = teams
        header = ["团队", "站点", "人数", "工作量", "建档覆盖", "知晓率", "满意率", "团队得分", "团队排名"]
        for item in ITEMS:
            header += [item + "完成", item + "目标"]
        header += ["建档覆盖率(%)", "知晓率(%)", "满意率(%)", "未开展满意度调查"]
        w.writerow(header)
        for r in rows:
            line = [r["team"], r["site"], r["size"]] + [fmt(x) for x in r["items"]] + [fmt(r["total"]), r["rank"]]
            for item in ITEMS:
                line += [done[(r["team"], item)], targets[(r["team"], item)]]
            line += [fmt(round4(r["coverage_rate"])),
                     "" if r["no_survey"] else fmt(round4(r["aware_rate"])),
                     "" if r["no_survey"] else fmt(round4(r["satisfied_rate"])),
                     "是" if r["no_survey"] else "否"]
            w.writerow(line)
    return out.getvalue(), problems


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    text, problems = report(args[0], args[1], "--teams" in argv)
    if text is None:
        for f, line, message in problems.items:
            sys.stderr.write("%s:%d: %s\n" % (f, line, message))
        sys.exit(1)
    sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv)
