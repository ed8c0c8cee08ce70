"""xlsx_cells.py: reads a workbook rotaplan wrote back with openpyxl and checks it (tests/desk.sh).

    table XLSX PLAN.JSON MODEL UNIT   every block period of every resident of the plan's JSON is,
                                      in the sheet of the resident's cohort, the department's
                                      name (else the facility's) or a leave word; a parallel
                                      session is noted beside it; one fill per place, distinct
                                      places distinct fills; frozen panes, landscape, fit to width,
                                      repeated header rows and name columns
    sheets XLSX NAME...               the workbook starts with these sheets, in this order
    cell XLSX SHEET REF VALUE         the cell holds exactly VALUE
    row XLSX SHEET ID SPEC...         the row of resident ID: SPEC is HEADER=VALUE (exact),
                                      HEADER~TEXT (contains), HEADER!=VALUE, with HEADER a header
                                      of the sheet's row 2, or monthN / weekN (period N)
    leave XLSX SHEET ID WORD FIRST LAST  periods FIRST..LAST hold WORD, the periods around not

Exit 0 when every check holds; else each failure on stderr and exit 1. Run with /usr/bin/python3
(Debian's python3-openpyxl).
"""
import json
import sys

import openpyxl

LEAVE = {"休止", "産休", "病休", "留学", "大学院", "休職"}
failures = []


def fail(msg):
    failures.append(msg)


def resident_row(ws, rid):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == rid:
            return row
    return None


def period_column(period):
    return 2 + period  # A: id, B: name, C: period 1


def check_table(path, plan_path, model_id, unit):
    wb = openpyxl.load_workbook(path)
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    fills = {}
    checked = 0
    for res in plan["residents"]:
        sheet = "%d年度" % res["cohort"]
        if sheet not in wb.sheetnames:
            fail("no sheet %s for %s" % (sheet, res["id"]))
            continue
        ws = wb[sheet]
        row = resident_row(ws, res["id"])
        if row is None:
            fail("%s: no row for %s" % (sheet, res["id"]))
            continue
        if (ws.cell(row=row, column=2).value or None) != res.get("name"):
            fail("%s: name %r, expected %r" % (res["id"], ws.cell(row=row, column=2).value,
                                                 res.get("name")))
        for st in res["stints"]:
            want = st["department_name"] or st["department"] or st["facility_name"]
            for p in range(st["start_period"], st["end_period"] + 1):
                v = ws.cell(row=row, column=period_column(p)).value
                if st["mode"] == "parallel":
                    if v in LEAVE:
                        continue
                    if not v or "＋" + want not in v:
                        fail("%s period %d: %r does not note the session at %s" %
                             (res["id"], p, v, want))
                    continue
                checked += 1
                if v in LEAVE:
                    continue
                if not v or not v.startswith(want):
                    fail("%s period %d: %r, expected %r" % (res["id"], p, v, want))
                    continue
                key = (st["facility"], st["department"])
                colour = ws.cell(row=row, column=period_column(p)).fill.fgColor.rgb
                fills.setdefault(key, set()).add(colour)
    if checked == 0:
        fail("no period checked")
    colours = {}
    for key, seen in fills.items():
        if len(seen) != 1:
            fail("%s has fills %s" % (key, sorted(seen)))
        colours.setdefault(next(iter(seen)), []).append(key)
    by_department = unit == "week"
    for colour, keys in colours.items():
        names = {k[1] if by_department else k[0] for k in keys}
        if len(names) > 1:
            fail("one fill %s for %s" % (colour, sorted(names)))
    for sheet in wb.sheetnames:
        if not sheet.endswith("年度"):
            continue
        ws = wb[sheet]
        if ws.freeze_panes != "C4":
            fail("%s: frozen at %s, expected C4" % (sheet, ws.freeze_panes))
        if ws.page_setup.orientation != "landscape":
            fail("%s: not landscape" % sheet)
        # fitToWidth 1 is the default and left out of the file
        if (ws.page_setup.fitToWidth not in (None, 1) or ws.page_setup.fitToHeight not in (0, "0")
                or not ws.sheet_properties.pageSetUpPr.fitToPage):
            fail("%s: not fitted to the page width" % sheet)
        if ws.print_title_rows != "$2:$3" or ws.print_title_cols != "$A:$B":
            fail("%s: repeated %s %s" % (sheet, ws.print_title_rows, ws.print_title_cols))
        if "研修ローテーション表" not in (ws["A1"].value or ""):
            fail("%s: title %r" % (sheet, ws["A1"].value))


def header_column(ws, header):
    if header.startswith("month") or header.startswith("week"):
        return period_column(int(header[5 if header.startswith("month") else 4:]))
    for col in range(1, ws.max_column + 1):
        if ws.cell(row=2, column=col).value == header:
            return col
    return None


def check_row(path, sheet, rid, specs):
    ws = openpyxl.load_workbook(path)[sheet]
    row = resident_row(ws, rid)
    if row is None:
        fail("%s: no row %s" % (sheet, rid))
        return
    for spec in specs:
        for op in ("!=", "=", "~"):
            if op in spec:
                header, want = spec.split(op, 1)
                break
        col = header_column(ws, header)
        if col is None:
            fail("%s: no column %s" % (sheet, header))
            continue
        v = ws.cell(row=row, column=col).value
        text = "" if v is None else (str(int(v)) if isinstance(v, float) and v == int(v)
                                     else str(v))
        ok = {"=": text == want, "!=": text != want, "~": want in text}[op]
        if not ok:
            fail("%s %s %s: %r, expected %s %r" % (sheet, rid, header, text, op, want))


def check_leave(path, sheet, rid, word, first, last):
    ws = openpyxl.load_workbook(path)[sheet]
    row = resident_row(ws, rid)
    if row is None:
        fail("%s: no row %s" % (sheet, rid))
        return
    for p in range(first - 1, last + 2):
        v = ws.cell(row=row, column=period_column(p)).value
        inside = first <= p <= last
        if inside and v != word:
            fail("%s period %d: %r, expected %s" % (rid, p, v, word))
        if not inside and v == word:
            fail("%s period %d: %s outside the leave" % (rid, p, word))


def main(argv):
    cmd, path = argv[1], argv[2]
    if cmd == "table":
        check_table(path, argv[3], argv[4], argv[5])
    elif cmd == "sheets":
        names = openpyxl.load_workbook(path).sheetnames
        if names[:len(argv) - 3] != argv[3:] and names[0] != argv[3]:
            fail("sheets %s, expected to start %s" % (names, argv[3:]))
        for want in argv[3:]:
            if want not in names:
                fail("no sheet %s in %s" % (want, names))
    elif cmd == "cell":
        v = openpyxl.load_workbook(path)[argv[3]][argv[4]].value
        if v != argv[5]:
            fail("%s!%s: %r, expected %r" % (argv[3], argv[4], v, argv[5]))
    elif cmd == "row":
        check_row(path, argv[3], argv[4], argv[5:])
    elif cmd == "leave":
        check_leave(path, argv[3], argv[4], argv[5], int(argv[6]), int(argv[7]))
    else:
        fail("unknown command %s" % cmd)
    for f in failures:
        print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
