#!/usr/bin/env python3
"""Seeded, deterministic generator of sample months for the reference town qinghe (清河镇).

Usage (from the repository root):  python3 Tools/make_qinghe_samples.py [--seed N]

Writes Input/qinghe/2026-08/, 2026-09/, 2026-10/ (the six files of SPEC section 3 each,
UTF-8, LF, header first) and the oracle's output for each month to
Tests/EndToEndTests/Expected/qinghe-YYYY-MM.csv (via Tools/qinghe_reference.py).

Deliberate format variations (SPEC allows both):
  - Input/qinghe/2026-09/events.csv uses CRLF line endings;
  - Input/qinghe/2026-10/roster.csv starts with a UTF-8 BOM.
Every other file is UTF-8 without BOM, LF.

Cast (asserted below with the oracle):
  - the "low performer" (LOW_ID) is sole last in 08, 09 and 10, misses the duty
    requirements and is flagged 建议更换 in 2026-10 (his total is negative);
  - the "dispatch" worker (SHORTFALL_ID) misses several 省/市 dispatch calls in 2026-10,
    so his yuan deductions exceed his score pay (未扣足 > 0);
  - a newcomer (NEWCOMER_ID) joins in September: no row in the August roster;
  - one worker is called "=王芳" (spreadsheet formula injection, must stay plain text);
  - 事件类型 values include a comma ("占道经营,乱堆放") and a double quote.
Standard library only. Same seed -> byte-identical files.
"""
import argparse
import calendar
import csv
import io
import os
import random
import sys

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
sys.dont_write_bytecode = True  # keep Tools/ free of __pycache__
sys.path.insert(0, TOOLS)
import qinghe_reference as oracle  # noqa: E402

MONTHS = ["2026-08", "2026-09", "2026-10"]
DEFAULT_SEED = 20261031
CRLF_FILE = ("2026-09", "events")
BOM_FILE = ("2026-10", "roster")

VILLAGES = ["东关村", "西街社区", "南王庄村", "北辛庄村", "清河社区", "李家屯村", "张庄村",
            "河沿村", "新华街社区", "前进村", "后营村", "马家洼村", "柳林村"]
GRIDS_PER_VILLAGE = [3, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 2]  # 30 grids
# Workers per grid, in grid order: 16 grids with one, 6 with two, 8 with three -> 52 workers.
WORKERS_PER_GRID = [1, 3, 1, 2, 1, 1, 3, 1, 2, 1, 3, 1, 1, 2, 3,
                    1, 1, 3, 2, 1, 3, 1, 2, 1, 3, 1, 2, 1, 3, 1]
LOW_ID = "QH0052"        # alone in grid QH-13-2 (柳林村)
SHORTFALL_ID = "QH0018"  # in the three-worker grid QH-05-1
NEWCOMER_ID = "QH0053"   # joins in September, into a grid that had two workers
NEWCOMER_GRID = "QH-02-1"
FORMULA_NAME = "=王芳"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
         "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "志强",
         "海燕", "红梅", "玉兰", "春生", "国庆", "淑珍", "晓东", "文博", "雪梅", "振华",
         "丽娟", "凤英", "德明", "卫东", "小红", "宏伟", "金凤", "玉珍", "永刚", "秋菊"]
EVENT_TYPES = ["矛盾纠纷", "安全隐患", "环境卫生", "占道经营,乱堆放", "消防通道堵塞", "私搭乱建",
               "噪音扰民", "流动人口登记", "道路破损", "群众求助", "违规养犬", "燃气安全检查"]
QUOTED_EVENT_TYPE = '电动车"飞线"充电'

# Per profile: daily patrol minutes range (chance of a day off), valid events, invalid events,
# chance to answer a town spot check, training attendance weights (出席, 请假, 缺席), visits.
PROFILES = {
    "diligent": dict(day=(620, 760), off=0.0, valid=(26, 34), invalid=(0, 1), answer=0.96,
                     attend=(93, 6, 1), visits=(4, 7)),
    "average": dict(day=(470, 660), off=0.03, valid=(18, 30), invalid=(0, 2), answer=0.88,
                    attend=(82, 12, 6), visits=(3, 6)),
    "low": dict(day=(90, 300), off=0.25, valid=(6, 12), invalid=(3, 5), answer=0.5,
                attend=(20, 20, 60), visits=(0, 2)),
}


def write_csv(path, header, rows, crlf=False, bom=False):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


def make_roster(rng):
    """Workers of the town, in grid order; the newcomer last."""
    grids = []
    for v, village in enumerate(VILLAGES, start=1):
        for g in range(1, GRIDS_PER_VILLAGE[v - 1] + 1):
            grids.append((village, "QH-%02d-%d" % (v, g)))
    assert len(grids) == len(WORKERS_PER_GRID) == 30
    names = set()
    workers = []
    for (village, grid), count in zip(grids, WORKERS_PER_GRID):
        for _ in range(count):
            while True:
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                if name not in names and name != "王芳":
                    break
            names.add(name)
            workers.append(dict(id="QH%04d" % (len(workers) + 1), name=name, village=village,
                                grid=grid))
    workers.append(dict(id=NEWCOMER_ID, name="阿依古丽·吐尔逊", village=VILLAGES[1],
                        grid=NEWCOMER_GRID))
    assert [w for w in workers if w["grid"] == NEWCOMER_GRID][0]["village"] == VILLAGES[1]
    workers[rng.randrange(0, 10)]["name"] = FORMULA_NAME
    average = set(rng.sample([w["id"] for w in workers[:-1]
                              if w["id"] not in (LOW_ID, SHORTFALL_ID)], 11))
    for w in workers:
        w["profile"] = ("low" if w["id"] == LOW_ID else
                        "average" if w["id"] in average or w["id"] == NEWCOMER_ID else "diligent")
        w["base"] = rng.choices(["1800.00", "2000.00", "2200.00", "1950.50", "2080.25"],
                                [3, 5, 4, 1, 1])[0]
        w["key_persons"] = rng.choice([0, 0, 1, 1, 2, 2, 3, 4])
    grid_size = lambda wid: sum(1 for x in workers if x["grid"] == by_id[wid]["grid"])
    by_id = {w["id"]: w for w in workers}
    assert grid_size(LOW_ID) == 1 and grid_size(SHORTFALL_ID) == 3 and grid_size(NEWCOMER_ID) == 3
    return workers


def when(rng, month, day, seconds_chance=0.0):
    text = "%s-%02d %02d:%02d" % (month, day, rng.randint(7, 20), rng.randint(0, 59))
    if rng.random() < seconds_chance:
        text += ":%02d" % rng.randint(0, 59)
    return text


def patrol_sessions(rng, target):
    """Split a day's minutes into sessions of 30..240 minutes, a few with half minutes."""
    sessions, remaining = [], target
    while remaining > 240:
        s = rng.randint(30, 240)
        if remaining - s < 30:
            s = remaining - 30
        sessions.append(s)
        remaining -= s
    sessions.append(remaining)
    return [("%d.5" % s if s < 240 and rng.random() < 0.08 else str(s)) for s in sessions]


def make_month(month, workers, rng):
    year, mon = map(int, month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    tag = "%04d%02d" % (year, mon)
    roster = [w for w in workers if not (w["id"] == NEWCOMER_ID and month == "2026-08")]
    files = {}

    files["roster"] = [[w["id"], w["name"], w["village"], w["grid"], w["base"], w["key_persons"]]
                       for w in roster]

    patrol = []
    for w in roster:
        p = PROFILES[w["profile"]]
        for day in range(1, days + 1):
            if rng.random() < p["off"]:
                continue
            for minutes in patrol_sessions(rng, rng.randint(*p["day"])):
                patrol.append([w["id"], "%s-%02d" % (month, day), minutes])
    files["patrol"] = patrol

    events = []
    for w in roster:
        p = PROFILES[w["profile"]]
        results = ["有效"] * rng.randint(*p["valid"]) + ["无效"] * rng.randint(*p["invalid"])
        for result in results:
            kind = rng.choice(EVENT_TYPES)
            events.append([when(rng, month, rng.randint(1, days), 0.3), w["id"], kind, result])
    events.sort(key=lambda e: (e[0][:16], e[1]))
    events[len(events) // 2][2] = QUOTED_EVENT_TYPE
    files["events"] = [["SJ%s-%04d" % (tag, i), e[1], e[0], e[2], e[3]]
                       for i, e in enumerate(events, start=1)]

    checks = []  # (time, worker, level, answered)
    ids = [w["id"] for w in roster]
    for w in roster:
        for _ in range(3):
            answered = rng.random() < PROFILES[w["profile"]]["answer"]
            checks.append([when(rng, month, rng.randint(1, days)), w["id"], "镇",
                           "是" if answered else "否"])
    for level, count in (("县", 20), ("市", 10), ("省", 5)):
        for wid in rng.sample(ids, count):
            answered = wid != LOW_ID and rng.random() < 0.97
            checks.append([when(rng, month, rng.randint(1, days)), wid, level,
                           "是" if answered else "否"])
    checks.append([when(rng, month, rng.randint(1, days)), LOW_ID, "县", "否"])
    if month == "2026-09":  # a provincial inspection finds the low performer unreachable
        checks.append([when(rng, month, rng.randint(1, days)), LOW_ID, "省", "否"])
    if month == "2026-10":  # the dispatch worker misses provincial and city inspections
        for level in ("省", "省", "省", "市", "市"):
            checks.append([when(rng, month, rng.randint(1, days)), SHORTFALL_ID, level, "否"])
    checks.sort(key=lambda c: (c[0][:16], c[1]))
    files["phone_checks"] = [["CC%s-%04d" % (tag, i), c[0], c[1], c[2], c[3]]
                             for i, c in enumerate(checks, start=1)]

    training = []
    session_days = sorted(rng.sample(range(3, days - 2), rng.choice([2, 3])))
    for n, day in enumerate(session_days, start=1):
        for w in roster:
            attendance = rng.choices(["出席", "请假", "缺席"], PROFILES[w["profile"]]["attend"])[0]
            training.append(["PX%s-%02d" % (tag, n), "%s-%02d" % (month, day), w["id"],
                             attendance])
    files["training"] = training

    visits = []
    for w in roster:
        p = PROFILES[w["profile"]]
        kinds = (["矛盾纠纷排查"] * rng.randint(*p["visits"]) + ["房屋排查"] * rng.randint(*p["visits"]))
        k = w["key_persons"]
        key_visits = {"diligent": k + rng.randint(0, k), "low": 0,
                      "average": max(0, k - (1 if rng.random() < 0.3 else 0))}[w["profile"]]
        kinds += ["重点人员走访"] * key_visits
        for kind in kinds:
            visits.append(["%s-%02d" % (month, rng.randint(1, days)), w["id"], kind])
    visits.sort()
    files["visits"] = [["ZF%s-%04d" % (tag, i), v[1], v[0], v[2]]
                       for i, v in enumerate(visits, start=1)]
    return files


def check_properties(town_dir, expected):
    """Assert the properties the samples exist for, using the oracle's own output."""
    oct_rows = list(csv.DictReader(io.StringIO(expected["2026-10"])))
    flagged = [r for r in oct_rows if r["建议更换"] == "是"]
    assert [r["网格员编号"] for r in flagged] == [LOW_ID], flagged
    for month in MONTHS:
        rows = oracle.compute_month(town_dir, month)
        assert oracle.last_ranked(rows) == {LOW_ID}, (month, oracle.last_ranked(rows))
        assert not rows[LOW_ID]["duty"]
        duty = sum(1 for r in rows.values() if r["duty"])
        assert duty >= 0.75 * len(rows), (month, duty, len(rows))
    assert any(oracle.compute_month(town_dir, m)[LOW_ID]["总分"] < 0 for m in MONTHS)
    ranks = [r["排名"] for r in oct_rows]
    assert len(set(ranks)) < len(ranks), "no tie in 2026-10"
    short = [r for r in oct_rows if r["未扣足"] != "0.00"]
    assert SHORTFALL_ID in [r["网格员编号"] for r in short], short
    assert all(r["历史不完整"] == "否" for r in oct_rows)
    aug = list(csv.DictReader(io.StringIO(expected["2026-08"])))
    assert NEWCOMER_ID not in [r["网格员编号"] for r in aug]
    assert all(r["历史不完整"] == "是" for r in aug)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    town_dir = os.path.join(ROOT, "Input", "qinghe")
    expected_dir = os.path.join(ROOT, "Tests", "EndToEndTests", "Expected")
    workers = make_roster(random.Random(args.seed))
    headers = oracle.COLUMNS
    for index, month in enumerate(MONTHS):
        files = make_month(month, workers, random.Random(args.seed * 100 + index))
        month_dir = os.path.join(town_dir, month)
        os.makedirs(month_dir, exist_ok=True)
        for name, rows in files.items():
            write_csv(os.path.join(month_dir, name + ".csv"), headers[name], rows,
                      crlf=(month, name) == CRLF_FILE, bom=(month, name) == BOM_FILE)
    os.makedirs(expected_dir, exist_ok=True)
    expected = {m: oracle.report(town_dir, m) for m in MONTHS}
    check_properties(town_dir, expected)
    for month, text in expected.items():
        with open(os.path.join(expected_dir, "qinghe-%s.csv" % month), "wb") as f:
            f.write(text.encode("utf-8"))
    print("wrote %s and %s" % (town_dir, expected_dir))


if __name__ == "__main__":
    main()
