#!/usr/bin/env python3
"""Seeded generator of kangning months (SPEC section 12).

    python3 Tools/make_kangning_samples.py                      # the committed sample: Input/kangning/2026-10
    python3 Tools/make_kangning_samples.py --out /tmp/k --month 2026-11 --seed 5 --teams 40

Writes <out>/kangning/<month>/{roster,quotas,services,households,survey}.csv (UTF-8, LF).
The same arguments give the same bytes (random.Random(seed), no clock, no hashing order).

The committed sample (no --out) also pins the cases SPEC section 12 is about: 12 teams in four
站点, every 岗位; T01 over quota in every 工作项目 (services beyond the target count, capped);
T02 without a survey (flagged 未开展满意度调查); T03 with 知晓 exactly 60% and 满意 exactly 90%;
T04 with every household on file (覆盖 100%) and T05 with more on file than in its area
(capped); T11 and T12 alike, so that two teams share a 团队排名. Random months (--out) draw
these cases by chance: about one team in six has no survey and one in five a survey of 10 or 20
rows placed exactly on the thresholds.
"""
import argparse
import calendar
import os
import random

ITEMS = ["家庭医生签约", "慢病随访", "健康档案更新", "健康教育"]
ROLES = ["全科医生", "公卫医师", "护士", "网格员"]
SITES = ["东湖站", "西山站", "南湖站", "北山站", "青龙站", "白塔站"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
         "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕"]
BASES = ["1800", "2000", "2200", "2500.50", "3000", "1234.56", "2750", "1999.99", "2600", "3100.25"]


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")


def generate(out_root, month, seed, teams, sample):
    rng = random.Random(seed)
    year, mon = map(int, month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    folder = os.path.join(out_root, "kangning", month)
    os.makedirs(folder, exist_ok=True)
    sites = SITES[:4] if sample else SITES[:max(2, min(len(SITES), teams // 3 + 1))]
    roster, quotas, services, households, survey = [], [], [], [], []
    person = 0
    service_no = 0
    survey_no = 0
    resident = 0
    plan = {}
    for t in range(1, teams + 1):
        team = "T%02d" % t
        site = sites[(t - 1) % len(sites)] if sample else rng.choice(sites)
        size = rng.randint(2, 5)
        roles = ["全科医生"] + [rng.choice(ROLES) for _ in range(size - 1)]
        if sample and t == 1:
            roles = ROLES[:]                      # every 岗位 in one team
        members = []
        for role in roles:
            person += 1
            pid = "K%03d" % person
            members.append(pid)
            roster.append([pid, rng.choice(SURNAMES) + rng.choice(GIVEN), site, team, role, rng.choice(BASES)])
        targets = {item: rng.randint(4, 30) for item in ITEMS}
        done = {item: rng.randint(0, targets[item] + 3) for item in ITEMS}
        area = rng.randint(60, 400)
        on_file = rng.randint(area // 2, area + 10)
        survey_rows = rng.randint(3, 25)
        aware = None
        satisfied = None
        kind = rng.random()
        if sample:
            if t == 1:
                done = {item: targets[item] + rng.randint(1, 4) for item in ITEMS}
            if t == 2:
                survey_rows = 0
            if t == 3:
                survey_rows, aware, satisfied = 10, 6, 9
            if t == 4:
                on_file = area
            if t == 5:
                on_file = area + 7
            if t == 12:
                twin = plan["T11"]
                targets, done, area, on_file = dict(twin["targets"]), dict(twin["done"]), twin["area"], twin["on_file"]
                survey_rows, aware, satisfied = twin["survey_rows"], twin["aware"], twin["satisfied"]
        else:
            if kind < 1 / 6:
                survey_rows = 0
            elif kind < 1 / 6 + 1 / 5:
                survey_rows = rng.choice([10, 20])
                aware = survey_rows * 6 // 10 + rng.choice([-1, 0, 0, 1])
                satisfied = survey_rows * 9 // 10 + rng.choice([-1, 0, 0, 1])
                satisfied = min(satisfied, survey_rows)
        if survey_rows and aware is None:
            aware = sum(rng.random() < 0.7 for _ in range(survey_rows))
            satisfied = sum(rng.random() < 0.85 for _ in range(survey_rows))
        plan[team] = dict(targets=targets, done=done, area=area, on_file=on_file,
                          survey_rows=survey_rows, aware=aware, satisfied=satisfied)
        for item in ITEMS:
            quotas.append([team, item, targets[item]])
        for item in ITEMS:
            for _ in range(done[item]):
                service_no += 1
                if resident == 0 or rng.random() < 0.85:
                    resident += 1              # otherwise the same resident again (counts twice)
                services.append(["FW%s-%05d" % (month.replace("-", ""), service_no), rng.choice(members),
                                 "%04d-%02d-%02d" % (year, mon, rng.randint(1, days)), item, "JM%06d" % resident])
        households.append([team, area, on_file])
        for k in range(survey_rows):
            survey_no += 1
            a = "是" if k < aware else "否"
            if k < satisfied:
                s = "满意" if rng.random() < 0.6 else "基本满意"
            else:
                s = "不满意"
            survey.append(["WJ%s-%04d" % (month.replace("-", ""), survey_no), team, a, s])
    # Rows interleaved as exports are (teams mixed), but deterministically.
    rng.shuffle(services)
    rng.shuffle(survey)
    rng.shuffle(quotas)
    write(os.path.join(folder, "roster.csv"), ["人员编号", "姓名", "站点", "团队", "岗位", "绩效工资基数(元)"], roster)
    write(os.path.join(folder, "quotas.csv"), ["团队", "工作项目", "月度目标"], quotas)
    write(os.path.join(folder, "services.csv"), ["服务编号", "人员编号", "服务日期", "工作项目", "居民编号"], services)
    write(os.path.join(folder, "households.csv"), ["团队", "辖区户数", "已建档户数"], households)
    write(os.path.join(folder, "survey.csv"), ["问卷编号", "团队", "是否知晓", "满意度"], survey)
    return folder


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", help="output root (default: the committed sample under Input/)")
    p.add_argument("--month", default="2026-10")
    p.add_argument("--seed", type=int, default=20261012)
    p.add_argument("--teams", type=int, default=12)
    a = p.parse_args()
    sample = a.out is None
    out = a.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Input")
    print(generate(out, a.month, a.seed, a.teams, sample))


if __name__ == "__main__":
    main()
