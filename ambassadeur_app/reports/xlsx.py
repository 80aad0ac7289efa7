"""Shared helpers for xlsx documents: real types, safe text, styles, A4 print setup."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app.domain.text import printable
from ambassadeur_app.reports.output import atomic_output

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell import Cell

DATE_FORMAT = "DD/MM/YYYY"
HOURS_FORMAT = "0.00"
EURO_FORMAT = '#,##0.00 "€"'
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel's limit: a longer cell makes it "repair" the file
# Every font is named: a bold cell whose font has no name falls back to a serif font in
# LibreOffice. Calibri is the workbook's default font; Carlito replaces it where it is absent.
FONT_NAME = "Calibri"
FONT_SIZE = 11
SIGNATURE_HEIGHT = 70  # points: room for a signature (about 2,5 cm)


def cell_text(text: str) -> str:
    """Return user text as a cell can hold it (a carnet from an older version may hold
    characters that XML refuses, or a text longer than a cell)."""
    text = printable(text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


# The writers of each open workbook: ``workbook_to`` gives their formulas their values.
_WRITERS: weakref.WeakKeyDictionary[Any, list[SheetWriter]] = weakref.WeakKeyDictionary()


class SheetWriter:
    """Append typed rows to a write-only sheet and remember where each row landed."""

    def __init__(self, workbook: Workbook, title: str, *, landscape: bool = False) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.worksheet.page import PageMargins
        from openpyxl.worksheet.worksheet import Worksheet

        # The stubs lack most attributes of write-only sheets (page setup, widths...).
        self.sheet: Any = workbook.create_sheet(title)
        self.row = 0
        self.values: dict[str, float] = {}  # by coordinate, the value of a formula given one
        self._pending: dict[int, float] = {}  # by id of its cell, not yet appended
        _WRITERS.setdefault(workbook, []).append(self)
        # Print on A4, fit to the page width. A write-only sheet writes these properties
        # before its rows, so they are set now.
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        setup = self.sheet.page_setup
        setup.paperSize = Worksheet.PAPERSIZE_A4
        setup.orientation = "landscape" if landscape else "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        # Narrow margins leave more width to the columns, so fitting to the page width
        # shrinks the text less.
        self.sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        self._font = Font(name=FONT_NAME, size=FONT_SIZE)
        self._bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        self._title = Font(name=FONT_NAME, size=14, bold=True)
        self._header_fill = PatternFill("solid", fgColor="DCE6F1")
        thin = Side(style="thin", color="7F8C99")
        self._thin = thin
        self._border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._top = Alignment(vertical="top")
        from openpyxl.cell import Cell, WriteOnlyCell
        from openpyxl.styles.cell_style import StyleArray

        self._new_cell, self._style_array, self._cell_type = WriteOnlyCell, StyleArray, Cell
        self._arrays: dict[tuple[object, ...], Any] = {}
        self._boxes: dict[str, Any] = {}
        probe: Any = self._new_cell(self.sheet)
        probe.border = self._border  # registered first, as by the first table row before: same styles.xml
        self._border_id = probe._style.borderId

    def _styled(
        self,
        cell: Any,
        *,
        font: Any,
        alignment: Any = None,
        number_format: str | None = None,
        fill: Any = None,
        border: Any = None,
    ) -> None:
        """Give ``cell`` these styles.

        Setting styles the usual way hashes each of them against every style of the workbook,
        for every cell: on a month of 16 000 lines that was most of the export. Each combination
        of styles is set once, on a probe cell; the cells get a copy of its style array (the
        numbers of its styles in the workbook).
        """
        key = (id(font), id(alignment), number_format, id(fill), id(border))
        found = self._arrays.get(key)
        if found is None:
            probe: Any = self._new_cell(self.sheet)
            probe.font = font
            for attribute, value in (
                ("alignment", alignment),
                ("number_format", number_format),
                ("fill", fill),
                ("border", border),
            ):
                if value is not None:
                    setattr(probe, attribute, value)
            found = self._arrays[key] = probe._style
        cell._style = self._style_array(found)

    def cell(
        self,
        value: Any,
        *,
        number_format: str | None = None,
        bold: bool = False,
        title: bool = False,
        header: bool = False,
        border: bool = False,
        wrap: bool = False,
    ) -> Cell:
        """Return a cell; user text starting like a formula stays text."""
        if isinstance(value, str):
            value = cell_text(value)
        cell = self._new_cell(self.sheet, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
            cell.data_type = "s"
        self._styled(
            cell,
            font=self._title if title else self._bold if bold or header else self._font,
            alignment=self._wrap if wrap or header else self._top,
            number_format=number_format or (DATE_FORMAT if isinstance(value, date) else None),
            fill=self._header_fill if header else None,
            border=self._border if border or header else None,
        )
        return cell

    def box(self, edges: str, text: str | None = None) -> Cell:
        """Return a cell drawn with the given edges (``"ltrb"``): part of a frame."""
        from openpyxl.styles import Border, Side

        if edges not in self._boxes:

            def side(letter: str) -> Side | None:
                return self._thin if letter in edges else None

            self._boxes[edges] = Border(left=side("l"), right=side("r"), top=side("t"), bottom=side("b"))
        cell = self._new_cell(self.sheet, value=text)
        self._styled(cell, font=self._font, alignment=self._top, border=self._boxes[edges])
        return cell

    def formula(
        self,
        expression: str,
        number_format: str,
        bold: bool = False,
        border: bool = False,
        *,
        value: float,
    ) -> Cell:
        """Return a cell holding a formula the app wrote (never user text).

        Args:
            value: what the formula gives, as the app computes it: saved as the formula's last
                result, which a reader that does not compute formulas reads (openpyxl's
                ``data_only``, a regional consolidation, a preview); Excel and LibreOffice
                recompute it on opening.
        """
        cell = self._new_cell(self.sheet, value=f"={expression}")
        self._pending[id(cell)] = value
        font = self._bold if bold else self._font
        self._styled(cell, font=font, number_format=number_format, border=self._border if border else None)
        return cell

    def append(self, values: list[Any], *, height: float | None = None, border: bool = False) -> int:
        """Append a row (plain values are wrapped as safe cells); return its row number.

        Args:
            height: the row's height in points (a signature box), else automatic.
            border: draw every cell of the row, empty ones included (a table's row).
        """
        if height:
            self.sheet.row_dimensions[self.row + 1].height = height
        if self._pending:
            from openpyxl.utils import get_column_letter

            for column, value in enumerate(values, start=1):
                if (result := self._pending.pop(id(value), None)) is not None:  # a formula
                    self.values[f"{get_column_letter(column)}{self.row + 1}"] = result
        if border:
            cells = []
            for value in values:
                if isinstance(value, self._cell_type):
                    ours: Any = value  # a cell of ours: it has its styles
                    ours._style.borderId = self._border_id
                    cells.append(value)
                else:
                    cells.append(self.cell(value, border=True, wrap=isinstance(value, str)))
            self.sheet.append(cells)
        else:
            self.sheet.append([v if _plain(v) else self.cell(v) for v in values])
        self.row += 1
        return self.row

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width

    def freeze_above(self, row: int) -> None:
        """Keep rows above ``row`` in view; in a write-only sheet, call before the first row."""
        assert self.row == 0, "freeze panes before writing rows"
        self.sheet.freeze_panes = f"A{row}"

    def print_setup(self, *, title_row: int | None, footer: str) -> None:
        """Repeat the header row on every printed page; page numbers in the footer."""
        if title_row:
            self.sheet.print_title_rows = f"{title_row}:{title_row}"
        footer_item = self.sheet.oddFooter
        footer_item.left.text = printable(footer).replace("&", "&&")  # & starts a footer code
        footer_item.right.text = "Page &P sur &N"


def _plain(value: Any) -> bool:
    """Tell whether openpyxl can take ``value`` as it is (the fast path for most cells)."""
    from openpyxl.cell import Cell

    if isinstance(value, str):
        return not value.startswith(FORMULA_TRIGGERS) and cell_text(value) == value
    return value is None or (isinstance(value, Cell | int | float) and not isinstance(value, bool))


@contextmanager
def workbook_to(path: Path) -> Iterator[Workbook]:
    """Yield a write-only workbook, saved atomically to ``path`` when the block ends.

    If anything fails, the half-written sheets are closed and nothing is left at ``path``.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    try:
        yield workbook
        with atomic_output(path) as part:
            _save(workbook, part)
            results = {w.sheet.path.lstrip("/"): w.values for w in _WRITERS.get(workbook, []) if w.values}
            if results:
                _save_results(part, results)
    except BaseException:
        for sheet in workbook.worksheets:
            with suppress(Exception):  # a sheet already written raises; nothing to undo
                sheet.close()
        raise


def _save(workbook: Workbook, path: Path) -> None:
    """Save ``workbook`` to ``path`` (``Workbook.save``), closing its archive even when writing
    fails: an archive left open tries to finish itself when collected, on a full disk too, and
    prints « Exception ignored in: ZipFile.__del__ » on stderr."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()  # closes the archive
    except BaseException:
        with suppress(Exception):  # the same failure again, as it writes its end: the file goes
            archive.close()
        raise


# A formula cell as openpyxl writes it: its formula, then an empty value.
_FORMULA_CELL = re.compile(rb'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f>)<v\s*(?:/>|></v>)')


def _save_results(path: Path, results: dict[str, dict[str, float]]) -> None:
    """Write into the saved workbook ``path`` each formula's result: ``results`` gives, by
    sheet part (``xl/worksheets/sheet1.xml``), the value of each cell (openpyxl writes formulas
    without their results)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if values := results.get(info.filename):

                def filled(found: re.Match[bytes], values: dict[str, float] = values) -> bytes:
                    value = values.get(found.group(2).decode())
                    return found.group(0) if value is None else found.group(1) + b"<v>%r</v>" % float(value)

                data = _FORMULA_CELL.sub(filled, data)
            target.writestr(info, data)
