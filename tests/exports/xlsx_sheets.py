"""Every sheet of an XLSX file as JSON, for tests/export_formats.rs (issue #29): its name, its
frozen pane (the top-left cell of the scrolling part, "A2" for a frozen header row, or null), its
cells as rows of strings (numbers as the shortest text: 2, not 2.0; empty cells as ""), and its
hyperlinks ({"J2": "https://…"})."""
import json
import sys

import openpyxl


def text(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


book = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = []
for ws in book.worksheets:
    links = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.hyperlink is not None and cell.hyperlink.target:
                links[cell.coordinate] = cell.hyperlink.target
    out.append({
        "name": ws.title,
        "frozen": ws.freeze_panes,
        "rows": [[text(v) for v in row] for row in ws.iter_rows(values_only=True)],
        "links": links,
    })
print(json.dumps(out, ensure_ascii=False))
