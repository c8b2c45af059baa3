"""Trend charts drawn on the server: the geometry of an SVG from a series of progress.Point.

The page needs no script and no inline style (the site's CSP allows neither): shapes carry
classes that the stylesheet colours, and every figure is also in a table beside the chart.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.functional import cached_property

from recommendations.choices import Status

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 36
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
# Month labels along the axis: no more than this many, or they overlap.
MAX_LABELS = 8


def _nice_ceiling(value):
    """The smallest of 1, 2, 5 × a power of ten at or above `value` (at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class Column:
    x: float
    width: float
    segments: list  # [(status, y, height)]


@dataclass
class Label:
    x: float
    text: str


class TrendChart:
    """Two views of one series: completion share as a line, counts by status as columns."""

    width, height = WIDTH, HEIGHT
    left, top, bottom = LEFT, TOP, TOP + PLOT_HEIGHT
    right = LEFT + PLOT_WIDTH

    def __init__(self, points, *, slug):
        self.points = points
        self.slug = slug  # makes the SVG title and description ids unique on the page

    def __bool__(self):
        return bool(self.points)

    @cached_property
    def _step(self):
        return PLOT_WIDTH / max(len(self.points), 1)

    def _centre(self, index):
        return round(LEFT + self._step * (index + 0.5), 1)

    @cached_property
    def highest(self):
        return _nice_ceiling(max((p.total for p in self.points), default=0))

    def _y(self, value, top_value):
        return round(TOP + PLOT_HEIGHT * (1 - value / top_value), 1)

    @cached_property
    def share_line(self):
        """The `points` attribute of the completion polyline."""
        return " ".join(
            f"{self._centre(i)},{self._y(p.share, 100)}" for i, p in enumerate(self.points)
        )

    @cached_property
    def share_dots(self):
        return [(self._centre(i), self._y(p.share, 100)) for i, p in enumerate(self.points)]

    share_ticks = [
        Tick(round(TOP + PLOT_HEIGHT * (1 - v / 100), 1), f"{v}%") for v in (0, 25, 50, 75, 100)
    ]

    @cached_property
    def count_ticks(self):
        values = sorted({0, self.highest // 2, self.highest})
        return [Tick(self._y(v, self.highest), f"{v:,}") for v in values]

    @cached_property
    def columns(self):
        width = round(max(self._step * 0.7, 1), 1)
        columns = []
        for index, point in enumerate(self.points):
            x = round(self._centre(index) - width / 2, 1)
            base = point.total
            segments = []
            # Stacked from the bottom in ladder order, not accepted on top.
            for status in reversed(Status.values):
                n = point.counts[status]
                if not n:
                    continue
                y = self._y(base, self.highest)
                height = round(self._y(base - n, self.highest) - y, 1)
                segments.append((status, y, height))
                base -= n
            columns.append(Column(x, width, segments))
        return columns

    @cached_property
    def labels(self):
        """Month names under the axis: the first, the last and evenly spaced ones between."""
        count = len(self.points)
        every = max(1, -(-count // MAX_LABELS))
        wanted = {0, count - 1, *range(0, count, every)}
        # Keep the last label clear of the one before it.
        if count - 1 - max((i for i in wanted if i < count - 1), default=-every) < every / 2:
            wanted.discard(max(i for i in wanted if i < count - 1))
        return [
            Label(self._centre(i), date_format(self.points[i].day, "YEAR_MONTH_FORMAT"))
            for i in sorted(wanted)
            if i >= 0
        ]

    @property
    def first(self):
        return self.points[0]

    @property
    def last(self):
        return self.points[-1]
