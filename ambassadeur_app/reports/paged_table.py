"""A long table laid out in linear time (see ``pdf.long_table``, which imports this lazily).

A reportlab ``LongTable`` split at a page break copies every remaining row into a new table
(and measures the page's rows twice): a month of 16 000 rows on ~530 pages copied ~4 million.
Here every row is measured once, in small blocks; each page then takes the rows that fit
(cumulative heights) into a ``Table`` of its own, given the measured heights, and the rest
stays behind as an offset. The cells' styles are resolved once on the whole table and shared
by the page tables; the drawn commands (grid, backgrounds, spans) are mapped to each page's
rows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

# A Flowable subclass needs reportlab when it is defined: this module is itself imported only
# inside ``pdf.long_table``, so reportlab still loads only for a PDF.
from reportlab.platypus import Flowable, Table  # noqa: TID253

MEASURED_BLOCK = 64  # rows measured together (reportlab's row measure is quadratic in a table's rows)
KEEP_WITH_TOTALS = 2  # body rows that the closing rows (totals) take along to their page
TOLERANCE = 1e-7  # points: rows whose heights add up to the room left, give or take rounding, fit

Segments = Sequence[tuple[int, int]]  # ranges of the whole table's rows, in order


class _Rows:
    """What every piece of one table shares: the resolved cells, their heights, the commands."""

    def __init__(self, data: list[list[Any]], widths: Sequence[float], style: Any) -> None:
        # Resolving the cells' styles on the whole table once is linear; the page tables share them.
        whole: Any = Table(data, colWidths=list(widths), style=style)
        if whole._srflcmds or whole._sircmds:
            raise ValueError("long_table: split-dependent rows ('splitfirst'...) are not supported")
        self.values: list[list[Any]] = whole._cellvalues
        self.styles: list[list[Any]] = whole._cellStyles
        self.drawn: list[tuple[Any, ...]] = [
            *whole._bkgrndcmds,
            *whole._linecmds,
            *whole._spanCmds,
            *whole._nosplitCmds,
        ]
        self.widths = list(widths)
        self.width = sum(self.widths)
        self.count = len(data)
        heights: list[float] = []
        for start in range(0, self.count, MEASURED_BLOCK):
            block = self.table([(start, min(start + MEASURED_BLOCK, self.count))])
            block.wrap(self.width, 0x7FFFFFFF)
            heights += block._rowHeights
        self.heights = heights
        self.tops = [0.0, *accumulate(heights)]  # tops[r]: height of the rows above row r

    def height(self, start: int, stop: int) -> float:
        return self.tops[stop] - self.tops[start]

    def table(self, segments: Segments, *, measured: bool = False) -> Any:
        """Return a table of these rows of the whole table, its commands mapped to them."""
        values = [row for start, stop in segments for row in self.values[start:stop]]
        styles = [row for start, stop in segments for row in self.styles[start:stop]]
        heights = [h for start, stop in segments for h in self.heights[start:stop]] if measured else None
        commands = []
        for command in self.drawn:
            (first_col, first), (last_col, last) = command[1:3]
            rows = _mapped(first % self.count, last % self.count, segments)
            if rows:
                commands.append((command[0], (first_col, rows[0]), (last_col, rows[1]), *command[3:]))
        return Table(
            values,
            colWidths=self.widths,
            rowHeights=heights,
            style=commands,
            cellStyles=styles,
            normalizedData=1,
            longTableOptimize=0,
        )


def _mapped(first: int, last: int, segments: Segments) -> tuple[int, int] | None:
    """Return where rows ``first``..``last`` of the whole table land in a table of ``segments``."""
    found: list[int] = []
    offset = 0
    for start, stop in segments:
        low, high = max(first, start), min(last, stop - 1)
        if low <= high:
            found += [offset + low - start, offset + high - start]
        offset += stop - start
    return (found[0], found[-1]) if found else None


class PagedTable(Flowable):
    """The rows ``start`` onwards of a table whose first ``header`` rows are repeated on every page
    and whose last ``footer`` rows (totals) are kept with some of the rows above them."""

    def __init__(self, rows: _Rows, header: int, footer: int, start: int | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.header = header
        self.footer = footer
        self.start = header if start is None else start
        self.end = rows.count - footer  # the first closing row
        self.hAlign = "CENTER"  # as a Table

    def _rest(self) -> list[tuple[int, int]]:
        return [(0, self.header), (self.start, self.rows.count)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        rows = self.rows
        self.width = rows.width
        self.height = rows.height(0, self.header) + rows.height(self.start, rows.count)
        return self.width, self.height

    def start_height(self) -> float:
        """Return the least room the table takes at the bottom of a page (see ``split``): its
        titles and first row, or all of it when its totals take every row along."""
        rows = self.rows
        if self.footer and self.end - self.start <= KEEP_WITH_TOTALS:
            return self.wrap(0, 0)[1]
        return rows.height(0, self.header) + rows.height(self.start, min(self.start + 1, rows.count))

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        rows = self.rows
        if self.wrap(availWidth, availHeight)[1] <= availHeight + TOLERANCE:
            return [rows.table(self._rest(), measured=True)]
        at_top = getattr(getattr(self, "_frame", None), "_atTop", True)
        room = availHeight - rows.height(0, self.header) + TOLERANCE
        fit = bisect_right(rows.tops, rows.tops[self.start] + room) - 1 - self.start
        if self.footer:  # the totals' page keeps some rows: take fewer here if need be
            left = self.end - self.start
            keeps = (KEEP_WITH_TOTALS, 1, 0) if at_top else (KEEP_WITH_TOTALS,)
            fit = min(fit, next((left - keep for keep in keeps if left - keep > 0), 0))
        if fit <= 0:  # not even a row under the header: all of it goes to the next page
            return []
        stop = self.start + fit
        return [
            rows.table([(0, self.header), (self.start, stop)], measured=True),
            PagedTable(rows, self.header, self.footer, stop),
        ]

    def draw(self) -> None:
        table = self.rows.table(self._rest(), measured=True)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def paged_table(
    data: list[list[Any]], widths: Sequence[float], style: Any, header: int, footer: int
) -> PagedTable:
    return PagedTable(_Rows(data, widths, style), header, footer)
