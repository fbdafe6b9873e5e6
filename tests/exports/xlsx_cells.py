"""The cells of the first sheet of an XLSX file, as JSON rows of strings (numbers written as
the shortest text: 2, not 2.0; empty cells as ""), for tests/outputs.rs (issue #29)."""
import json
import sys

import openpyxl


def text(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


ws = openpyxl.load_workbook(sys.argv[1], data_only=True).active
print(json.dumps([[text(v) for v in row] for row in ws.iter_rows(values_only=True)], ensure_ascii=False))
