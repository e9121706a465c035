#!/usr/bin/env python3
"""The peer of the gridpay benchmark: town qinghe (SPEC section 3) as one idiomatic DuckDB SQL
script, with the sheets written by XlsxWriter (constant_memory mode).

    qinghe_duckdb.py --input-dir DIR/qinghe --month 2026-10 --out-dir OUT [--threads N]
                     [--scores-csv FILE]

Writes OUT/qinghe-<month>.xlsx (考核汇总, 绩效工资 with 小计/合计, 扣分明细) and
OUT/qinghe-<month>-pay.csv (the same columns and format as gridpay's pay CSV: UTF-8 BOM, CRLF,
every field quoted, one row per worker ordered by 网格员编号). --scores-csv also writes the score
sheet in the row format of Tools/qinghe_reference.py, for checking the peer against that oracle.

Exactness: money and scores are DECIMAL. DuckDB divides DECIMALs in DOUBLE, so the two items
that divide (the grid means of 网格巡查 and 事件上报) are computed as integer numerators and
denominators in HUGEINT and rounded half away from zero by integer division (macro
round_div); everything else is DECIMAL multiplication and addition, and ROUND on a DECIMAL
(half away from zero). No value passes through binary floating point before it is written.

Replacement flag (建议更换): computed only when the two earlier month folders exist (each is
scored from its own inputs); otherwise 否 and 备注 says the history is incomplete.

Line numbers in 扣分明细 are the record's position in its file + 1 (the header); they equal the
file line when no quoted field spans lines.

Needs: duckdb, xlsxwriter (pip). Not used by gridpay or its tests.
"""
import argparse
import calendar
import csv
import os
import sys
import time

import duckdb
import xlsxwriter

TABLES = {
    "roster": {"网格员编号": "VARCHAR", "姓名": "VARCHAR", "村(社区)": "VARCHAR", "网格编号": "VARCHAR",
               "绩效工资基数(元)": "DECIMAL(12,2)", "重点人员数": "INTEGER"},
    "patrol": {"网格员编号": "VARCHAR", "日期": "DATE", "巡查时长(分钟)": "DECIMAL(18,6)"},
    "events": {"事件编号": "VARCHAR", "网格员编号": "VARCHAR", "上报时间": "TIMESTAMP",
               "事件类型": "VARCHAR", "核查结果": "VARCHAR"},
    "phone_checks": {"抽查编号": "VARCHAR", "抽查时间": "TIMESTAMP", "网格员编号": "VARCHAR",
                     "抽查层级": "VARCHAR", "是否接听": "VARCHAR"},
    "training": {"培训编号": "VARCHAR", "培训日期": "DATE", "网格员编号": "VARCHAR", "出勤": "VARCHAR"},
    "visits": {"走访编号": "VARCHAR", "网格员编号": "VARCHAR", "走访日期": "DATE", "走访类型": "VARCHAR"},
}
MINUTE_SCALE = 10 ** 6  # DECIMAL(18,6) above

ITEMS = ["业务培训", "日常考核", "网格巡查", "事件上报", "电话畅通", "上级调度"]
SUMMARY_HEADER = ["排名", "网格员编号", "姓名", "村(社区)", "网格编号"] + ITEMS + [
    "总分", "完成工作任务", "建议更换", "备注"]
PAY_HEADER = ["网格员编号", "姓名", "村(社区)", "网格编号", "绩效工资基数", "总分", "考核绩效",
              "电话畅通扣款", "上级调度扣款", "扣款合计", "实发绩效", "未扣足"]
DETAIL_HEADER = ["网格员编号", "姓名", "考核项目", "扣分原因", "次数", "扣分", "扣款(元)", "来源文件", "行号"]
HISTORY_INCOMPLETE = "历史不完整，未提出建议"


def read_csv_sql(path, table):
    cols = ", ".join("'%s': '%s'" % (name, typ) for name, typ in TABLES[table].items())
    path = path.replace("'", "''")
    return (f"read_csv('{path}', header = true, auto_detect = false, delim = ',', quote = '\"', "
            f"escape = '\"', strict_mode = true, columns = {{{cols}}})")


def previous_month(month, back):
    year, mon = map(int, month.split("-"))
    index = year * 12 + (mon - 1) - back
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def month_complete(town_dir, month):
    return all(os.path.isfile(os.path.join(town_dir, month, t + ".csv")) for t in TABLES)


def score_month(con, town_dir, month, p):
    """Creates {p}_roster, {p}_events, {p}_phone, {p}_training, {p}_visits and {p}_scores."""
    d = os.path.join(town_dir, month)
    year, mon = map(int, month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    src = {t: read_csv_sql(os.path.join(d, t + ".csv"), t) for t in TABLES}
    # Materialized in file order: rowid is the record's position (for 行号 and roster order).
    con.execute(f"CREATE OR REPLACE TEMP TABLE {p}_roster AS SELECT * FROM {src['roster']}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {p}_events AS SELECT * FROM {src['events']}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {p}_phone AS SELECT * FROM {src['phone_checks']}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {p}_training AS SELECT * FROM {src['training']}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {p}_visits AS SELECT * FROM {src['visits']}")
    con.execute(f"""
CREATE OR REPLACE TEMP TABLE {p}_scores AS
WITH
patrol AS (                                   -- the largest table: aggregated straight from the file
    SELECT 网格员编号, sum("巡查时长(分钟)") AS 巡查分钟
    FROM {src['patrol']} GROUP BY 网格员编号),
events AS (
    SELECT 网格员编号,
           count(*) FILTER (WHERE 核查结果 = '有效') AS 有效,
           count(*) FILTER (WHERE 核查结果 = '无效') AS 无效
    FROM {p}_events GROUP BY 网格员编号),
phone AS (
    SELECT 网格员编号,
           count(*) FILTER (WHERE 是否接听 = '否' AND 抽查层级 = '镇') AS 镇未接,
           count(*) FILTER (WHERE 是否接听 = '否' AND 抽查层级 = '县') AS 县未接,
           count(*) FILTER (WHERE 是否接听 = '否' AND 抽查层级 = '市') AS 市未接,
           count(*) FILTER (WHERE 是否接听 = '否' AND 抽查层级 = '省') AS 省未接
    FROM {p}_phone GROUP BY 网格员编号),
training AS (
    SELECT 网格员编号,
           count(*) FILTER (WHERE 出勤 = '缺席') AS 缺席,
           count(*) FILTER (WHERE 出勤 = '请假') AS 请假
    FROM {p}_training GROUP BY 网格员编号),
visits AS (
    SELECT 网格员编号,
           count(*) FILTER (WHERE 走访类型 = '矛盾纠纷排查') AS 矛盾纠纷排查,
           count(*) FILTER (WHERE 走访类型 = '房屋排查') AS 房屋排查,
           count(*) FILTER (WHERE 走访类型 = '重点人员走访') AS 重点人员走访
    FROM {p}_visits GROUP BY 网格员编号),
worker AS (
    SELECT r.rowid AS 序号, r.网格员编号, r.姓名, r."村(社区)", r.网格编号,
           r."绩效工资基数(元)" AS 基数, r.重点人员数,
           coalesce(pa.巡查分钟, 0) AS 巡查分钟,
           coalesce(e.有效, 0) AS 有效, coalesce(e.无效, 0) AS 无效,
           coalesce(ph.镇未接, 0) AS 镇未接, coalesce(ph.县未接, 0) AS 县未接,
           coalesce(ph.市未接, 0) AS 市未接, coalesce(ph.省未接, 0) AS 省未接,
           coalesce(t.缺席, 0) AS 缺席, coalesce(t.请假, 0) AS 请假,
           coalesce(v.矛盾纠纷排查, 0) AS 矛盾纠纷排查, coalesce(v.房屋排查, 0) AS 房屋排查,
           coalesce(v.重点人员走访, 0) AS 重点人员走访
    FROM {p}_roster r
    LEFT JOIN patrol pa USING (网格员编号) LEFT JOIN events e USING (网格员编号)
    LEFT JOIN phone ph USING (网格员编号) LEFT JOIN training t USING (网格员编号)
    LEFT JOIN visits v USING (网格员编号)),
grid AS (                                     -- 考核以各网格月平均值计分
    SELECT *,
           CAST(sum(巡查分钟) OVER g * {MINUTE_SCALE} AS HUGEINT) AS 网格巡查分钟_scaled,
           CAST(sum(有效) OVER g AS HUGEINT) AS 网格有效事件,
           CAST(count(*) OVER g AS HUGEINT) AS 网格人数
    FROM worker WINDOW g AS (PARTITION BY 网格编号)),
items AS (
    SELECT *,
        CAST(10 - 2 * 缺席 - 1 * 请假 AS DECIMAL(18, 2)) AS 业务培训,
        CAST(20 - 2 * (greatest(0, 4 - 矛盾纠纷排查) + greatest(0, 4 - 房屋排查)
                       + greatest(0, 重点人员数 - 重点人员走访)) AS DECIMAL(18, 2)) AS 日常考核,
        -- 20 × min(1, grid minutes / 60 / D / n / 10), in cents: minutes·10 / (3·D·n)
        cents(least(2000, round_div(网格巡查分钟_scaled,
                                    {3 * days} * 网格人数 * {MINUTE_SCALE // 10}))) AS 网格巡查,
        -- 30 × min(1, grid valid / n / 25) − 3 × own invalid, in cents over the denominator n
        cents(round_div(least(3000 * 网格人数, 120 * 网格有效事件) - 300 * 无效 * 网格人数,
                        网格人数)) AS 事件上报,
        CAST(20 - 5 * 镇未接 AS DECIMAL(18, 2)) AS 电话畅通,
        CAST(-(20 * 省未接 + 15 * 市未接 + 10 * 县未接) AS DECIMAL(18, 2)) AS 上级调度,
        CAST(30 * 镇未接 AS DECIMAL(18, 2)) AS 电话畅通扣款,
        CAST(150 * 省未接 + 120 * 市未接 + 100 * 县未接 AS DECIMAL(18, 2)) AS 上级调度扣款,
        有效 >= 25 AND 巡查分钟 >= {600 * days} AS 完成工作任务   -- 日均巡查小时 >= 10
    FROM grid),
totals AS (
    SELECT *,
        业务培训 + 日常考核 + 网格巡查 + 事件上报 + 电话畅通 + 上级调度 AS 总分,
        电话畅通扣款 + 上级调度扣款 AS 扣款合计
    FROM items),
pay AS (
    SELECT *,
        round(基数 * greatest(总分, 0) * 0.01, 2) AS 考核绩效,
        rank() OVER (ORDER BY 总分 DESC) AS 排名
    FROM totals)
SELECT *,
    greatest(0, 考核绩效 - 扣款合计) AS 实发绩效,
    greatest(0, 扣款合计 - 考核绩效) AS 未扣足,
    排名 = max(排名) OVER () AS 末位
FROM pay
""")


def run(args):
    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {int(args.threads)}")
    con.execute("SET preserve_insertion_order = true")
    # Round half away from zero of num / den (den > 0) in integers; DuckDB's // truncates.
    con.execute("CREATE MACRO round_div(num, den) AS sign(num) * ((2 * abs(num) + den) // (2 * den))")
    con.execute("CREATE MACRO cents(c) AS CAST(c AS DECIMAL(18, 0)) * 0.01")

    town_dir, month = args.input_dir, args.month
    phases = {}
    t0 = time.monotonic()
    score_month(con, town_dir, month, "cur")
    earlier = [previous_month(month, k) for k in (1, 2)]
    history = all(month_complete(town_dir, m) for m in earlier)
    if history:
        for k, m in enumerate(earlier, start=1):
            score_month(con, town_dir, m, f"h{k}")
        con.execute("""
CREATE OR REPLACE TEMP TABLE result AS
SELECT s.*, (s.末位 AND coalesce(h1.末位, false) AND coalesce(h2.末位, false)
             AND NOT s.完成工作任务) AS 建议更换
FROM cur_scores s
LEFT JOIN h1_scores h1 USING (网格员编号) LEFT JOIN h2_scores h2 USING (网格员编号)""")
    else:
        con.execute("CREATE OR REPLACE TEMP TABLE result AS SELECT *, false AS 建议更换 FROM cur_scores")
    remark = "" if history else HISTORY_INCOMPLETE
    phases["sql"] = time.monotonic() - t0
    t0 = time.monotonic()

    os.makedirs(args.out_dir, exist_ok=True)
    xlsx_path = os.path.join(args.out_dir, f"qinghe-{month}.xlsx")
    wb = xlsxwriter.Workbook(xlsx_path, {"constant_memory": True})
    head = wb.add_format({"bold": True})
    score_fmt = wb.add_format({"num_format": "0.00"})
    money_fmt = wb.add_format({"num_format": "#,##0.00"})

    def yes_no(b):
        return "是" if b else "否"

    def stream(sql, batch=20000):
        cur = con.execute(sql)
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                return
            yield from rows

    # 考核汇总: by rank, equal totals by 网格员编号.
    ws = wb.add_worksheet("考核汇总")
    ws.write_row(0, 0, SUMMARY_HEADER, head)
    ws.freeze_panes(1, 0)
    items = ", ".join(ITEMS)
    r = 0
    for r, row in enumerate(stream(f"""
SELECT 排名, 网格员编号, 姓名, "村(社区)", 网格编号, {items}, 总分, 完成工作任务, 建议更换
FROM result ORDER BY 排名, 网格员编号"""), start=1):
        ws.write_number(r, 0, row[0])
        ws.write_row(r, 1, row[1:5])
        for c in range(5, 12):
            ws.write_number(r, c, float(row[c]), score_fmt)
        ws.write_string(r, 12, yes_no(row[12]))
        ws.write_string(r, 13, yes_no(row[13]))
        if remark:
            ws.write_string(r, 14, remark)
    ws.autofilter(0, 0, r, len(SUMMARY_HEADER) - 1)

    # 绩效工资: villages in roster order, workers in roster order, 小计 per village, 合计.
    ws = wb.add_worksheet("绩效工资")
    ws.write_row(0, 0, PAY_HEADER, head)
    ws.freeze_panes(1, 0)
    r = 0
    for row in stream("""
WITH v AS (SELECT "村(社区)", min(序号) AS 村序 FROM result GROUP BY ALL),
rows AS (
    SELECT v.村序, 0 AS kind, 序号, 网格员编号, 姓名, "村(社区)", 网格编号, 基数 AS 绩效工资基数, 总分,
           考核绩效, 电话畅通扣款, 上级调度扣款, 扣款合计, 实发绩效, 未扣足
    FROM result JOIN v USING ("村(社区)")
    UNION ALL
    SELECT CASE WHEN GROUPING("村(社区)") = 1 THEN 9223372036854775807 ELSE min(v.村序) END,
           1 + GROUPING("村(社区)"), NULL, NULL,
           CASE WHEN GROUPING("村(社区)") = 1 THEN '合计' ELSE '小计' END, "村(社区)", NULL,
           sum(基数), NULL, sum(考核绩效), sum(电话畅通扣款), sum(上级调度扣款), sum(扣款合计),
           sum(实发绩效), sum(未扣足)
    FROM result JOIN v USING ("村(社区)")
    GROUP BY ROLLUP ("村(社区)"))
SELECT 网格员编号, 姓名, "村(社区)", 网格编号, 绩效工资基数, 总分, 考核绩效, 电话畅通扣款, 上级调度扣款,
       扣款合计, 实发绩效, 未扣足
FROM rows ORDER BY 村序, kind, 序号"""):
        r += 1
        for c in range(4):
            if row[c] is not None:
                ws.write_string(r, c, row[c])
        for c in range(4, 12):
            if row[c] is not None:
                ws.write_number(r, c, float(row[c]), score_fmt if c == 5 else money_fmt)
    ws.autofilter(0, 0, r, len(PAY_HEADER) - 1)
    ws.write_string(r + 2, 0, "制表：")
    ws.write_string(r + 2, 4, "审核：")
    ws.write_string(r + 2, 8, "负责人：")
    for c in (0, 4, 8):
        ws.write_string(r + 3, c, "日期：")

    # 扣分明细: one row per deduction (per input row; the 日常考核 shortfalls once with their count).
    ws = wb.add_worksheet("扣分明细")
    ws.write_row(0, 0, DETAIL_HEADER, head)
    ws.freeze_panes(1, 0)
    r = 0
    for r, row in enumerate(stream("""
WITH d AS (
    SELECT 网格员编号, 1 AS item, '无故缺席培训 ' || 培训编号 AS reason, 1 AS times, -2 AS points, 0 AS yuan,
           'training.csv' AS file, rowid + 2 AS line
    FROM cur_training WHERE 出勤 = '缺席'
    UNION ALL
    SELECT 网格员编号, 1, '请假缺席培训 ' || 培训编号, 1, -1, 0, 'training.csv', rowid + 2
    FROM cur_training WHERE 出勤 = '请假'
    UNION ALL
    SELECT 网格员编号, 2, reason, n, -2 * n, 0, 'visits.csv', NULL
    FROM result,
         (VALUES ('矛盾纠纷排查少于4次'), ('房屋排查少于4次'), ('重点人员走访未覆盖')) AS t(reason),
         LATERAL (SELECT CASE reason WHEN '矛盾纠纷排查少于4次' THEN greatest(0, 4 - 矛盾纠纷排查)
                                     WHEN '房屋排查少于4次' THEN greatest(0, 4 - 房屋排查)
                                     ELSE greatest(0, 重点人员数 - 重点人员走访) END AS n)
    WHERE n > 0
    UNION ALL
    SELECT 网格员编号, 4, '无效事件 ' || 事件编号, 1, -3, 0, 'events.csv', rowid + 2
    FROM cur_events WHERE 核查结果 = '无效'
    UNION ALL
    SELECT 网格员编号, CASE WHEN 抽查层级 = '镇' THEN 5 ELSE 6 END,
           CASE WHEN 抽查层级 = '镇' THEN '镇抽查专用电话未接听 ' || 抽查编号
                ELSE 抽查层级 || '级调度电话未接听 ' || 抽查编号 END, 1,
           CASE 抽查层级 WHEN '镇' THEN -5 WHEN '县' THEN -10 WHEN '市' THEN -15 ELSE -20 END,
           CASE 抽查层级 WHEN '镇' THEN 30 WHEN '县' THEN 100 WHEN '市' THEN 120 ELSE 150 END,
           'phone_checks.csv', rowid + 2
    FROM cur_phone WHERE 是否接听 = '否')
SELECT d.网格员编号, r.姓名, ['业务培训', '日常考核', '网格巡查', '事件上报', '电话畅通', '上级调度'][d.item],
       d.reason, d.times, d.points, d.yuan, d.file, d.line
FROM d JOIN result r USING (网格员编号)
ORDER BY r.序号, d.item, d.line"""), start=1):
        ws.write_row(r, 0, row[:4])
        ws.write_number(r, 4, row[4])
        ws.write_number(r, 5, row[5])
        ws.write_number(r, 6, row[6], money_fmt)
        ws.write_string(r, 7, row[7])
        if row[8] is not None:
            ws.write_number(r, 8, row[8])
    ws.autofilter(0, 0, r, len(DETAIL_HEADER) - 1)
    wb.close()
    phases["xlsx"] = time.monotonic() - t0
    t0 = time.monotonic()

    # Pay CSV for payroll import: gridpay's format.
    def guard(text):
        text = "" if text is None else str(text)
        return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

    pay_path = os.path.join(args.out_dir, f"qinghe-{month}-pay.csv")
    with open(pay_path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        w.writerow(PAY_HEADER)
        for row in stream("""
SELECT 网格员编号, 姓名, "村(社区)", 网格编号, 基数, 总分, 考核绩效, 电话畅通扣款, 上级调度扣款, 扣款合计,
       实发绩效, 未扣足
FROM result ORDER BY 网格员编号"""):
            w.writerow([guard(x) for x in row[:4]] + [str(x) for x in row[4:]])

    if args.scores_csv:  # the row format of Tools/qinghe_reference.py
        with open(args.scores_csv, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["排名", "网格员编号"] + ITEMS + ["总分", "完成工作任务", "建议更换", "历史不完整",
                                                "绩效工资基数", "考核绩效", "扣款合计", "实发绩效", "未扣足"])
            for row in stream(f"""
SELECT 排名, 网格员编号, {items}, 总分, 完成工作任务, 建议更换, 基数, 考核绩效, 扣款合计, 实发绩效, 未扣足
FROM result ORDER BY 排名, 网格员编号"""):
                w.writerow([row[0], row[1]] + [str(x) for x in row[2:9]]
                           + [yes_no(row[9]), yes_no(row[10]), yes_no(not history)]
                           + [str(x) for x in row[11:]])
    phases["pay_csv"] = time.monotonic() - t0
    return xlsx_path, pay_path, phases


def main(argv):
    ap = argparse.ArgumentParser(description="qinghe month with DuckDB + XlsxWriter (benchmark peer)")
    ap.add_argument("--input-dir", required=True, help="the town folder, holding YYYY-MM folders")
    ap.add_argument("--month", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's own)")
    ap.add_argument("--scores-csv")
    args = ap.parse_args(argv)
    started = time.monotonic()
    xlsx_path, pay_path, phases = run(args)
    print("peer: wrote %s and %s in %.2f s (%s; duckdb %s, xlsxwriter %s)" % (
        xlsx_path, pay_path, time.monotonic() - started,
        ", ".join("%s %.2f s" % kv for kv in phases.items()), duckdb.__version__, xlsxwriter.__version__),
        file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
