#!/usr/bin/env python3
"""Makes the legacy XLS fixtures the tests read (SPEC §16, format = "xls").

Nothing writes BIFF .xls files on Debian by default (Python's xlwt is not packaged), so each
workbook is written as an XLSX with openpyxl and saved as XLS by LibreOffice headless, as a
clerk's "save as Excel 97-2003" would. The tests read the committed .xls files; they never
convert. Run again (python3 scripts/make-xls-fixtures.py, from the repository's root) after
changing the qinghe sample (Input/qinghe): FormMetamorphicTests checks the sources' SHA-256.

Excel 95 (BIFF5), which LibreOffice no longer saves, is written by hand (excel95_events): gridpay
refuses it, and the tests check the refusal.

Needs: python3 with openpyxl, and soffice (LibreOffice).
"""
import datetime
import hashlib
import os
import subprocess
import sys
import tempfile
import tomllib

import struct

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READER = os.path.join(ROOT, "Tests/GridpayXLSXReaderTests/Fixtures")
QINGHE = os.path.join(ROOT, "Tests/GridpayPipelineTests/Fixtures/qinghe-xls")
# The tables written again with every cell a formula (FormMetamorphicTests' formula form).
QINGHE_FORMULAS = os.path.join(ROOT, "Tests/GridpayPipelineTests/Fixtures/qinghe-xls-formulas")
FORMULA_TABLES = ["roster", "phone_checks", "training"]
MONTHS = ["2026-08", "2026-09", "2026-10"]


def text(cell, value):
    """A text cell (also one starting with '=', which openpyxl would take for a formula)."""
    cell.value = value
    cell.data_type = "s"


def merged_events(path):
    """MergedHeaderRunTests' sheet: 单号 and 人 merged down over rows 1-2, 扣分 across 分 and 备注."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "事件"
    for ref, name in [("A1:A2", "单号"), ("B1:B2", "人"), ("C1:D1", "扣分")]:
        sheet.merge_cells(ref)
        sheet[ref.split(":")[0]] = name
    sheet["C2"], sheet["D2"] = "分", "备注"
    for r, row in enumerate([["E1", "A1", 2, "迟到"], ["E2", "A2", 3, ""], ["E3", "A1", 1, "缺勤"]], start=3):
        for c, value in enumerate(row, start=1):
            if value != "":
                sheet.cell(row=r, column=c, value=value)
    book.save(path)


def number_formats(path):
    """Number cells under date, date-time, elapsed-hours, time-of-day and percent formats."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "格式"
    sheet.append(["单号", "时长", "日期", "时间", "月日时", "率", "钟点"])
    rows = [
        ["E1", 1.0625, datetime.date(2026, 10, 5), datetime.datetime(2026, 10, 5, 8, 38),
         datetime.datetime(2026, 10, 5, 8, 38), 0.923, 0.35],
        ["E2", 0.0625, datetime.date(2026, 10, 31), datetime.datetime(2026, 10, 31, 23, 59, 59),
         datetime.datetime(2026, 10, 31, 23, 59), 0.05, 1.0625],
    ]
    formats = [None, "[h]:mm:ss", "yyyy/m/d", "yyyy/m/d h:mm:ss", "m/d h:mm", None, "h:mm:ss"]
    for row in rows:
        sheet.append(row)
    for r in range(2, 4):
        for c, f in enumerate(formats, start=1):
            if f:
                sheet.cell(row=r, column=c).number_format = f
    sheet.cell(row=2, column=6).number_format = "0.0%"
    sheet.cell(row=3, column=6).number_format = "0%"
    book.save(path)


FORMULAS = [
    # (kind, formula, number format): each row's 值 is a formula; LibreOffice stores its result.
    ("数字", "=2+0.5", None),
    ("整数", "=6*7", None),
    ("引用", "=B3*2", None),
    ("日期", "=DATE(2026,10,5)", "yyyy/m/d"),
    ("日期时间", "=DATE(2026,10,5)+TIME(8,38,0)", "yyyy/m/d h:mm:ss"),
    ("百分比", "=0.923", "0.0%"),
    ("文字", '="网格"&"员"', None),
    ("长文字", '=REPT("网格",3000)', None),
    ("长英文", '=REPT("ab",5000)', None),
    ("空文字", '=""', None),
    ("真", "=1>0", None),
    ("假", "=1>2", None),
    ("除以零", "=1/0", None),
    ("无值", "=NA()", None),
]


def formulas(path):
    """XLSReaderTests' formula cells: a result of each kind (number, date, percent, text, long
    text over CONTINUE records, empty text, booleans, errors)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公式"
    sheet.append(["种类", "值"])
    for r, (kind, formula, number_format) in enumerate(FORMULAS, start=2):
        sheet.cell(row=r, column=1, value=kind)
        cell = sheet.cell(row=r, column=2, value=formula)
        if number_format:
            cell.number_format = number_format
    book.save(path)


def formula_events(path):
    """ExportFormTests' events with formula columns: 分 a formula of each result (a number, text
    "1", two error values), 备注 an error value in a column the rule file does not declare."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "事件"
    sheet.append(["单号", "人", "分", "备注"])
    for row in [["E1", "A1", "=1+1", "=1/0"], ["E2", "A2", "=3/0", ""], ["E3", "A1", "=NA()", ""], ["E4", "A2", '="1"', ""]]:
        sheet.append([value if value else None for value in row])
    book.save(path)


def record(kind, data):
    return struct.pack("<HH", kind, len(data)) + data


def excel95_events(path):
    """An Excel 5.0/95 workbook (BIFF5), written by hand: LibreOffice no longer saves this
    format. A compound file whose stream "Book" holds the workbook globals (BOF version 0x0500,
    CODEPAGE, one BOUNDSHEET) and the sheet events: 单号, 人, 分 as LABEL and NUMBER cells."""
    def sheet_records():
        out = record(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0, 0))
        rows = [["单号", "人", "分"], ["E1", "A1", 2], ["E2", "A2", 3], ["E3", "A1", 1]]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    text = value.encode("gbk")
                    out += record(0x0204, struct.pack("<HHHH", r, c, 15, len(text)) + text)
                else:
                    out += record(0x0203, struct.pack("<HHHd", r, c, 15, float(value)))
        return out + record(0x000A, b"")
    name = b"events"
    globals_size = 12 + 6 + (4 + 7 + len(name)) + 4
    book = record(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0, 0))
    book += record(0x0042, struct.pack("<H", 936))
    book += record(0x0085, struct.pack("<IBBB", globals_size, 0, 0, len(name)) + name)
    book += record(0x000A, b"")
    assert len(book) == globals_size
    stream = book + sheet_records()
    stream += b"\0" * (4096 - len(stream))   # at the mini-stream cutoff: in ordinary sectors
    with open(path, "wb") as f:
        f.write(compound_file("Book", stream))


def compound_file(name, stream):
    """A compound file (version 3, 512-byte sectors) holding one stream: sector 0 the FAT,
    sector 1 the directory, then the stream's sectors."""
    end, free, fat_sector, none = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    sectors = (len(stream) + 511) // 512
    fat = [fat_sector, end] + [3 + i if i + 1 < sectors else end for i in range(sectors)]
    fat += [free] * (128 - len(fat))
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))

    def entry(entry_name, kind, child, start, size):
        encoded = (entry_name + "\0").encode("utf-16-le") if entry_name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", none, none, child) + b"\0" * 36 + struct.pack("<III", start, size, 0))
    directory = entry("Root Entry", 5, 1, end, 0) + entry(name, 2, none, 2, len(stream))
    directory += (b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", none, none, none) + b"\0" * 48) * 2
    body = struct.pack("<128I", *fat) + directory + stream.ljust(sectors * 512, b"\0")
    return header + body


def formula_text(value):
    """A formula giving `value` as text."""
    return '="' + value.replace('"', '""') + '"'


def qinghe_table(path, columns, records, as_formulas=False):
    """A platform's export of one table: a cover sheet, then 导出 with a title row above the
    header, numbers as number cells, dates and date-times as date cells, minutes as elapsed
    hours ([h]:mm:ss), the rest as text (FormMetamorphicTests' XLS form). `as_formulas`: every
    cell a formula giving that value (the XLS form with formula columns)."""
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active["A1"] = "平台导出"
    sheet = book.create_sheet("导出")
    sheet["A1"] = "清河镇网格化管理平台导出"
    header, rows = records[0], records[1:]
    for c, name in enumerate(header, start=1):
        text(sheet.cell(row=2, column=c), name)
    kinds = [columns[name] for name in header]
    for r, row in enumerate(rows, start=3):
        for c, (value, kind) in enumerate(zip(row, kinds), start=1):
            if value == "":
                continue
            cell = sheet.cell(row=r, column=c)
            if as_formulas:
                formula_cell(cell, value, kind)
            elif kind == "minutes":
                cell.value = float(value) / 1440
                cell.number_format = "[h]:mm:ss"
            elif kind in ("integer", "decimal"):
                cell.value = int(value) if kind == "integer" else float(value)
            elif kind == "date":
                cell.value = datetime.date.fromisoformat(value)
                cell.number_format = "yyyy/m/d"
            elif kind == "datetime":
                cell.value = datetime.datetime.fromisoformat(value)
                cell.number_format = "yyyy/m/d hh:mm:ss"
            else:
                text(cell, value)
    book.save(path)


def formula_cell(cell, value, kind):
    """A cell holding a formula whose result is `value` as the plain form's cell would hold it."""
    if kind == "minutes":
        cell.value = f"={value}/1440"
        cell.number_format = "[h]:mm:ss"
    elif kind in ("integer", "decimal"):
        cell.value = f"={value}+0"
    elif kind == "date":
        d = datetime.date.fromisoformat(value)
        cell.value = f"=DATE({d.year},{d.month},{d.day})"
        cell.number_format = "yyyy/m/d"
    elif kind == "datetime":
        t = datetime.datetime.fromisoformat(value)
        cell.value = f"=DATE({t.year},{t.month},{t.day})+TIME({t.hour},{t.minute},{t.second})"
        cell.number_format = "yyyy/m/d hh:mm:ss"
    else:
        cell.value = formula_text(value)


def parse_csv(path):
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def convert(xlsx, out_dir, profile, to="xls"):
    """Saved by LibreOffice, which computes every formula and stores its result."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                    "--outdir", out_dir, xlsx], check=True, stdout=subprocess.DEVNULL)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        made = []
        for name, write in [("libreoffice-merged-events", merged_events), ("libreoffice-number-formats", number_formats),
                            ("libreoffice-formulas", formulas), ("libreoffice-formula-events", formula_events)]:
            xlsx = os.path.join(tmp, name + ".xlsx")
            write(xlsx)
            convert(xlsx, READER, profile)
            made.append(os.path.join(READER, name + ".xls"))
            if name == "libreoffice-formula-events":
                # The same workbook as XLSX with the results LibreOffice computed (openpyxl stores none).
                computed = os.path.join(tmp, "computed")
                convert(xlsx, computed, profile, to="xlsx")
                os.replace(os.path.join(computed, name + ".xlsx"), os.path.join(READER, name + ".xlsx"))
                made.append(os.path.join(READER, name + ".xlsx"))
        excel95_events(os.path.join(READER, "excel95-events.xls"))
        made.append(os.path.join(READER, "excel95-events.xls"))
        with open(os.path.join(ROOT, "Rules/qinghe.toml"), "rb") as f:
            rules = tomllib.load(f)
        for folder, tables, as_formulas in [(QINGHE, None, False), (QINGHE_FORMULAS, FORMULA_TABLES, True)]:
            sources = []
            for month in MONTHS:
                out = os.path.join(folder, month)
                os.makedirs(out, exist_ok=True)
                for key, table in rules["tables"].items():
                    if tables is not None and key not in tables:
                        continue
                    source = os.path.join(ROOT, "Input/qinghe", month, table["file"])
                    columns = {c["name"]: ("minutes" if "分钟" in c["name"] else c["type"]) for c in table["columns"]}
                    stem = table["file"].removesuffix(".csv")
                    xlsx = os.path.join(tmp, stem + ".xlsx")
                    qinghe_table(xlsx, columns, parse_csv(source), as_formulas)
                    convert(xlsx, out, profile)
                    with open(source, "rb") as f:
                        sources.append(f"{hashlib.sha256(f.read()).hexdigest()}  {month}/{table['file']}")
                    made.append(os.path.join(out, stem + ".xls"))
            with open(os.path.join(folder, "sources.sha256"), "w") as f:
                f.write("\n".join(sources) + "\n")
    for path in made:
        print(os.path.relpath(path, ROOT), os.path.getsize(path))


if __name__ == "__main__":
    sys.exit(main())
