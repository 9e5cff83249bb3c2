"""Excel workbooks (``.xlsx``): the first sheet, read like a spreadsheet's CSV.

Reading them needs ``openpyxl``, an optional extra (``pip install 'matryoshka[xlsx]'``);
without it the message says so, and saving the sheet as CSV works the same. A cell's
place is its row and column (``B3`` is line 3, column 2). A cell formatted as a date
arrives as a date, but Excel has no dates before 1900: write those as text
(``1815-06-18``), which is read the same.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

from matryoshka.errors import MatryoshkaError
from matryoshka.format.importing.delimited import add_row, table_of_header
from matryoshka.format.importing.table import Cell, Problems, Table

#: Columns read from a sheet: a sequence has eight fields; the rest are notes.
MAX_COLUMNS = 64


def read_xlsx(data: bytes, file: str, problems: Problems) -> Table:
    """The first sheet of a workbook as a table of text cells.

    Raises:
        MatryoshkaError: openpyxl is missing, or the bytes are not a workbook.
    """
    try:
        import openpyxl
    except ImportError:
        raise MatryoshkaError.at(
            file,
            "reading .xlsx needs openpyxl: pip install 'matryoshka[xlsx]', or save the "
            "sheet as CSV (UTF-8)",
        ) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(min_row=1, min_col=1, max_col=MAX_COLUMNS, values_only=True)
        table: Table | None = None
        for line, values in enumerate(rows, start=1):
            cells = [Cell(_text(v), line, col) for col, v in enumerate(values, start=1)]
            if not any(cell.text.strip() for cell in cells):
                continue
            if table is None:
                table = table_of_header(cells, file, problems)
            else:
                add_row(table, cells, line, problems)
        book.close()
    except MatryoshkaError:
        raise
    except (zipfile.BadZipFile, KeyError, IndexError, ValueError, TypeError, OSError) as err:
        raise MatryoshkaError.at(
            file, f"not a readable .xlsx workbook ({type(err).__name__})", 1, 1
        ) from None
    if table is None:
        raise MatryoshkaError.at(file, "the first sheet is empty: nothing to import", 1, 1)
    return table


def _text(value: object) -> str:
    """A cell's value as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
