"""What a report produces: tables of cells (each figure may link to the list behind it) and a
chart per table. The screen, the chart and the Excel file are all drawn from these."""
from __future__ import annotations

from dataclasses import dataclass, field

NUMBER, PERCENT, TEXT, DAYS = "number", "percent", "text", "days"


@dataclass
class Cell:
    value: object
    link: str | None = None
    kind: str = NUMBER

    def display(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == PERCENT:
            return f"{self.value * 100:.1f}%".replace(".", ",")
        if self.kind == DAYS:
            return f"{self.value:.0f}"
        if isinstance(self.value, float):
            return f"{self.value:.1f}".replace(".", ",")
        return str(self.value)


@dataclass
class Chart:
    """Bars: one group per label, one bar per series (name, values)."""

    labels: list[str]
    series: list[tuple[str, list[float]]]

    @property
    def maximum(self) -> float:
        return max([v or 0 for _name, values in self.series for v in values] + [1])


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    chart: Chart | None = None
    key: str = ""  # a stable id for the page and tests

    def column(self, index: int) -> list[object]:
        return [row[index].value for row in self.rows]

    def add_total(self, label: str, summed, shares: dict[int, tuple[int, int]] | None = None):
        """A last row: ``label``, the sum of each column in ``summed``, and in each column of
        ``shares`` the ratio of two of the sums (part column, whole column)."""
        sums = {index: sum(row[index].value or 0 for row in self.rows) for index in summed}
        cells = [text(label)]
        for index in range(1, len(self.columns)):
            if index in sums:
                cells.append(Cell(sums[index]))
            elif shares and index in shares:
                part, whole = shares[index]
                cells.append(Cell(ratio(sums[part], sums[whole]), kind=PERCENT))
            else:
                cells.append(Cell(None))
        self.rows.append(cells)

    def chart_columns(self, *series: tuple[str, int], rows: slice = slice(None)) -> None:
        """Chart ``rows`` (default: all) by their first cell, one series per (name, column)."""
        shown = self.rows[rows]
        self.chart = Chart([str(row[0].value) for row in shown],
                           [(name, [row[index].value or 0 for row in shown])
                            for name, index in series])


def text(value) -> Cell:
    return Cell(value, kind=TEXT)


def ratio(part: int | None, whole: int | None) -> float | None:
    return (part or 0) / whole if whole else None
