"""Reads every sheet of a workbook gridpay wrote, for the tools that compare it with an oracle.

Standard library only (zipfile + xml), so CI needs nothing installed for it."""
import re
import zipfile
import xml.etree.ElementTree as ET
from fractions import Fraction

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheets(path, number=Fraction):
    """{sheet name: rows}; a row is a list of cell values by column, None where a cell is empty.
    Text cells (inline or shared strings, a formula's text result) are str; number cells go
    through `number`: Fraction (exact) unless the caller asks for float."""
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    out = {}
    for s in wb.find("m:sheets", NS):
        # Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/…").
        xml = ET.fromstring(z.read("xl/" + target[s.get(R_NS)].lstrip("/").replace("xl/", "", 1)))
        rows = []
        for row in xml.find("m:sheetData", NS):
            cells = {}
            for c in row:
                col = re.match(r"[A-Z]+", c.get("r")).group(0)
                idx = 0
                for ch in col:
                    idx = idx * 26 + ord(ch) - 64
                t = c.get("t")
                vnode = c.find("m:v", NS)
                if t == "inlineStr":
                    v = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                elif t == "s":
                    v = shared[int(vnode.text)]
                elif t == "str":
                    v = vnode.text
                else:
                    v = number(vnode.text) if vnode is not None else None
                cells[idx - 1] = v
            width = max(cells) + 1 if cells else 0
            rows.append([cells.get(i) for i in range(width)])
        out[s.get("name")] = rows
    return out
