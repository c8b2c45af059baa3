"""Reading an Excel download back in tests."""

import io

from openpyxl import load_workbook


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
