"""Reading a download back in tests: a CSV file's rows, an Excel workbook's text."""

import codecs
import csv
import io

from openpyxl import load_workbook

# The columns of the public export, the CSV's and the workbook's alike.
EXPORT_HEADER = [
    "code",
    "title",
    "policy areas",
    "status",
    "status as of",
    "lead side",
    "responsible bodies",
    "priority",
    "target date",
    "overdue",
    "raised at",
    "latest public update",
    "text",
    "link",
]


def rows_of(body):
    """The rows of a CSV download, which starts with a byte order mark (Excel needs it)."""
    assert body.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def workbook_text(raw):
    """Every sheet's name, every cell's value and every hyperlink's target, one a line."""
    texts = []
    for ws in load_workbook(io.BytesIO(raw)).worksheets:
        texts.append(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    texts.append(str(cell.value))
                if cell.hyperlink is not None:
                    texts.append(cell.hyperlink.target or "")
    return "\n".join(texts)
