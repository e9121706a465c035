#!/usr/bin/env python3
"""Seeded, deterministic generator of the sample month 2026-10 for xinhe (新河街道, scheme B).

Usage (from the repository root):  python3 Tools/make_xinhe_samples.py [--seed N]

Writes Input/xinhe/2026-10/ with the three exports that Rules/xinhe.toml declares:
  人员名册.csv  人员编号, 姓名, 所属社区, 网格, 岗位                      (UTF-8, LF)
  督查记录.csv  记录编号, 人员编号, 督查日期, 考核类别, 督查方式, 扣分, 问题描述, 是否一票否决
                                                                        (UTF-8, LF)
  民意调查.csv  问卷编号, 人员编号, 调查日期, 满意度                      (LF; encoding as
                declared for table survey in Rules/xinhe.toml: GB18030 bytes when it says
                encoding = "gb18030", UTF-8 otherwise — the rows are the same either way)

Cast:
  - 6 communities, 30 workers (XH001-XH030), 1-2 grids per community, 专职 and 兼职 posts;
  - about 30 random findings (0.5-3 points each) with free-text descriptions, some with
    commas and double quotes;
  - the "weak" worker (WEAK_ID) gets a block of findings that takes 综治维稳 below zero
    (floored at 0) and his total below 60 (pay at half rate);
  - the "veto" worker (VETO_ID) has the month's only veto row (安全生产, 是否一票否决 = 是);
  - every worker is surveyed by 8-12 households; a few workers have poor satisfaction.
Standard library only. Same seed -> byte-identical files.
"""
import argparse
import csv
import io
import os
import random
import re
import sys

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
MONTH = "2026-10"
DAYS = 31
DEFAULT_SEED = 20261001
RULES = os.path.join(ROOT, "Rules", "xinhe.toml")

COMMUNITIES = [  # name, grid code prefix, grids, workers per grid
    ("新河社区", "XH", [3, 2]),
    ("河东社区", "HD", [3, 2]),
    ("河西社区", "HX", [2, 3]),
    ("景苑社区", "JY", [5]),
    ("滨江社区", "BJ", [3, 2]),
    ("杏林社区", "XL", [5]),
]
WEAK_ID = "XH017"
VETO_ID = "XH023"
PART_TIME = {"XH004", "XH009", "XH013", "XH017", "XH021", "XH026", "XH030"}
LOW_SATISFACTION = {"XH008": 0.80, "XH017": 0.60, "XH025": 0.72}  # chance of 满意/基本满意
USUAL_SATISFACTION = 0.94

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
         "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "志强",
         "海燕", "红梅", "玉兰", "春生", "国庆", "淑珍", "晓东", "文博", "雪梅", "振华"]

CATEGORIES = ["网格基本信息", "党建", "计生", "综治维稳", "文明创建", "就业社保", "民政",
              "安全生产", "统计", "其他交办任务"]
METHODS = ["听", "评", "看", "议"]
POINTS = ["0.5", "0.5", "1", "1", "1", "1.5", "2", "2", "3"]
DESCRIPTIONS = {
    "网格基本信息": ["实有人口信息更新不及时", "房屋信息与实际不符, \"人房关联\"缺失2处",
                 "网格员公示牌信息过期", "重点场所底数不清"],
    "党建": ["\"三会一课\"记录不全", "党员活动日未组织,台账空白", "流动党员联系卡未发放"],
    "计生": ["流动人口婚育信息漏登", "出生登记信息未及时录入", "计生特殊家庭走访记录缺失"],
    "综治维稳": ["矛盾纠纷排查台账不完整", "重点人员走访记录\"照抄\"上月", "邻里纠纷未及时上报，引发二次冲突"],
    "文明创建": ["楼道堆放杂物,未督促清理", "\"门前三包\"落实不到位", "小广告清理不及时"],
    "就业社保": ["就业登记台账不全", "城乡居民医保参保动员未入户", "失业人员信息未更新"],
    "民政": ["低保对象动态管理不到位", "高龄补贴\"应享未享\"1户", "残疾人两项补贴名单未核实"],
    "安全生产": ["出租屋消防隐患未上报", "沿街商铺灭火器过期，未督促更换", "电动车楼道充电，劝导不力"],
    "统计": ["月报迟报1天", "入户调查表漏项，\"人口变动表\"未填", "统计台账数据前后不一致"],
    "其他交办任务": ["交办的防汛巡查未按时完成", "疫苗接种摸排进度滞后", "街道交办的\"清单化\"任务逾期"],
}


def survey_encoding():
    """The encoding that Rules/xinhe.toml declares for table survey (utf-8 when absent)."""
    with open(RULES, encoding="utf-8") as f:
        text = f.read()
    section = re.search(r"^\[tables\.survey\]\n(.*?)(?=^\[)", text, re.S | re.M)
    m = re.search(r'^encoding\s*=\s*"([^"]+)"', section.group(1), re.M) if section else None
    return (m.group(1) if m else "utf-8").lower()


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def date(rng, first=1, last=DAYS):
    return "%s-%02d" % (MONTH, rng.randint(first, last))


def make(seed):
    rng = random.Random(seed)

    roster = []
    names = set()
    n = 0
    for community, code, grids in COMMUNITIES:
        for g, count in enumerate(grids, start=1):
            for _ in range(count):
                n += 1
                wid = "XH%03d" % n
                while True:
                    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                    if name not in names:
                        names.add(name)
                        break
                post = "兼职" if wid in PART_TIME else "专职"
                roster.append([wid, name, community, "%s-%02d" % (code, g), post])
    ids = [r[0] for r in roster]
    assert len(ids) == 30 and WEAK_ID in ids and VETO_ID in ids

    findings = []
    # Random findings: about a third of the workers get one to three each.
    others = [w for w in ids if w not in (WEAK_ID, VETO_ID)]
    for wid in sorted(rng.sample(others, 13)):
        for _ in range(rng.randint(1, 3)):
            cat = rng.choice(CATEGORIES)
            findings.append([wid, date(rng), cat, rng.choice(METHODS), rng.choice(POINTS),
                             rng.choice(DESCRIPTIONS[cat]), "否"])
    # The weak worker: 综治维稳 loses 6 + 5 = 11 (floored at 0) and eight more categories lose
    # 3.5 + 4 + 3 + 4 + 3 + 2.5 + 4 + 3 = 27, so his categories sum to 100 - 10 - 27 = 63
    # before the survey item; poor satisfaction then takes him below 60.
    for cat, method, pts, desc in [
        ("综治维稳", "评", "6", "辖区两起邻里纠纷未排查上报，\"小事拖大\""),
        ("综治维稳", "议", "5", "重点人员连续两周未走访，记录补写"),
        ("网格基本信息", "看", "3.5", "实有人口信息错漏12处"),
        ("党建", "听", "4", "\"三会一课\"记录不全"),
        ("计生", "听", "3", "流动人口婚育信息漏登"),
        ("文明创建", "看", "4", "楼道堆放杂物,未督促清理"),
        ("民政", "评", "3", "低保对象动态管理不到位"),
        ("安全生产", "看", "2.5", "出租屋消防隐患未上报"),
        ("统计", "议", "4", "月报迟报3天, 数据\"估填\""),
        ("其他交办任务", "议", "3", "交办的防汛巡查未按时完成"),
    ]:
        findings.append([WEAK_ID, date(rng), cat, method, pts, desc, "否"])
    # The month's only veto.
    findings.append([VETO_ID, date(rng), "安全生产", "看", "5",
                     "辖区\"三合一\"场所违规住人，未排查上报，发生火情", "是"])
    findings.append([VETO_ID, date(rng), "统计", "听", "1", "统计台账数据前后不一致", "否"])
    # By date, then worker; numbered in that order: 记录编号 + the seven columns above.
    findings.sort(key=lambda r: (r[1], r[0], r[2]))
    findings = [["DC%s-%03d" % (MONTH.replace("-", ""), i)] + r for i, r in enumerate(findings, start=1)]

    surveys = []
    for wid in ids:
        good = LOW_SATISFACTION.get(wid, USUAL_SATISFACTION)
        for _ in range(rng.randint(8, 12)):
            x = rng.random()
            if x < good * 0.75:
                answer = "满意"
            elif x < good:
                answer = "基本满意"
            else:
                answer = "不满意"
            surveys.append([wid, date(rng, 10), answer])
    # The cast holds: one veto; the weak worker's categories (63) minus the survey item stay
    # below 60, i.e. his rate is below 84% (each point under 90 costs 0.5).
    assert sum(1 for r in findings if r[-1] == "是") == 1
    weak = [r[2] for r in surveys if r[0] == WEAK_ID]
    assert sum(1 for a in weak if a != "不满意") * 100 < 84 * len(weak)
    surveys.sort(key=lambda r: (r[1], r[0]))
    surveys = [["MY%s-%04d" % (MONTH.replace("-", ""), i)] + r for i, r in enumerate(surveys, start=1)]

    return roster, findings, surveys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    roster, findings, surveys = make(args.seed)
    out = os.path.join(ROOT, "Input", "xinhe", MONTH)
    os.makedirs(out, exist_ok=True)
    files = [
        ("人员名册.csv", "utf-8", ["人员编号", "姓名", "所属社区", "网格", "岗位"], roster),
        ("督查记录.csv", "utf-8", ["记录编号", "人员编号", "督查日期", "考核类别", "督查方式", "扣分",
                                 "问题描述", "是否一票否决"], findings),
        ("民意调查.csv", survey_encoding(), ["问卷编号", "人员编号", "调查日期", "满意度"], surveys),
    ]
    for name, encoding, header, rows in files:
        with open(os.path.join(out, name), "wb") as f:
            f.write(csv_text(header, rows).encode(encoding))
        print("wrote %s (%d rows, %s)" % (os.path.relpath(os.path.join(out, name), ROOT), len(rows), encoding))


if __name__ == "__main__":
    main()
