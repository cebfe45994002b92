"""The skill map drawn on a character grid: pure layout, no Rich.

Roles are numbered markers (a bubble whose size shows the communication weight, then
the number); markers never overwrite each other: a marker that would land on a taken cell
moves to the nearest free place on its row, then on the rows next to it, but never as far as
half a grid step, so that no marker reads as another value. Roles that find no room are
counted instead ("+12" at their position, and a line saying how to narrow the map); the
legend still lists them all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..chart import MapPoint, SkillChart
from ..skillmap import HIGH

Y_MARGIN = 3  # "5 ┤" before the plot area


@dataclass(frozen=True)
class Glyphs:
    v: str
    h: str
    cross: str
    tick_y: str
    corner: str
    small: str
    medium: str
    large: str
    you: str
    arrow: str

    def bubble(self, comm: int) -> str:
        return self.small if comm <= 1 else self.medium if comm <= 3 else self.large


UNICODE = Glyphs("│", "─", "┼", "┤", "└", "•", "●", "◉", "★", "→")
ASCII = Glyphs("|", "-", "+", "|", "+", ".", "o", "O", "*", "->")


@dataclass
class Grid:
    width: int
    height: int
    cells: list[list[str]] = field(default_factory=list)
    styles: list[list[str]] = field(default_factory=list)
    taken: list[list[bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cells = [[" "] * self.width for _ in range(self.height)]
        self.styles = [[""] * self.width for _ in range(self.height)]
        self.taken = [[False] * self.width for _ in range(self.height)]

    def put(self, row: int, col: int, text: str, style: str = "", *, take: bool = False) -> None:
        for i, char in enumerate(text):
            if 0 <= col + i < self.width:
                self.cells[row][col + i] = char
                self.styles[row][col + i] = style
                if take:
                    self.taken[row][col + i] = True

    def under(self, row: int, col: int, length: int) -> list[tuple[str, str]]:
        """What `length` cells from (row, col) show now, to put back with `restore`."""
        end = min(col + length, self.width)
        return list(zip(self.cells[row][col:end], self.styles[row][col:end], strict=True))

    def restore(self, row: int, col: int, saved: list[tuple[str, str]]) -> None:
        for offset, (char, style) in enumerate(saved):
            self.cells[row][col + offset], self.styles[row][col + offset] = char, style
            self.taken[row][col + offset] = False

    def free(self, row: int, col: int, length: int) -> bool:
        if col < 0 or col + length > self.width:
            return False
        return not any(self.taken[row][col : col + length])


@dataclass(frozen=True)
class Placement:
    marker: int
    row: int
    col: int
    text: str


@dataclass(frozen=True)
class Picture:
    lines: tuple[tuple[tuple[str, str], ...], ...]
    """Each line as runs of (text, style)."""
    placements: tuple[Placement, ...]
    plot_width: int
    plot_height: int


def _to_col(value: float, plot_width: int) -> int:
    return Y_MARGIN + round(value / 5 * (plot_width - 1))


def _to_row(value: float, plot_height: int) -> int:
    return round((5 - value) / 5 * (plot_height - 1))


def _place(
    grid: Grid, row: int, col: int, length: int, reach: tuple[int, int]
) -> tuple[int, int] | None:
    """The free spot nearest to (row, col), searching the row first, then its neighbours,
    at most `reach` (rows, columns) away."""
    rows, cols = reach
    for dr in sorted(range(-rows, rows + 1), key=abs):
        r = row + dr
        if not 0 <= r < grid.height - 2:
            continue
        for dc in range(cols + 1):
            for c in (col + dc, col - dc) if dc else (col,):
                if c >= Y_MARGIN + 1 and grid.free(r, c - 1, length + 2):
                    return r, c
    return None


def _reach(plot_width: int, plot_height: int) -> tuple[int, int]:
    """How far (rows, columns) a marker may move and still sit nearer its own value than
    any other: strictly less than half a grid step."""
    half_rows, half_cols = (plot_height - 1) / 10, (plot_width - 1) / 10
    return max(0, math.ceil(half_rows) - 1), max(0, math.ceil(half_cols) - 1)


def draw(chart: SkillChart, width: int, height: int, glyphs: Glyphs) -> Picture:
    """Lay the chart out in `width` columns; the plot area is `height` rows high."""
    plot_width = max(20, width - Y_MARGIN - 1)
    plot_height = max(7, height)
    grid = Grid(Y_MARGIN + plot_width + 1, plot_height + 2)
    bottom = plot_height  # the x-axis row

    # Axes and the quadrant lines (between 2 and 3: a value of HIGH or more is "high").
    for row in range(plot_height):
        grid.put(
            row,
            Y_MARGIN - 1,
            glyphs.tick_y if row in _tick_rows(plot_height) else glyphs.v,
            "muted",
        )
    for y in range(6):
        grid.put(_to_row(y, plot_height), 0, f"{y:>1}", "muted")
    grid.put(bottom, Y_MARGIN - 1, glyphs.corner + glyphs.h * plot_width, "muted")
    for x in range(6):
        grid.put(bottom + 1, _to_col(x, plot_width), str(x), "muted")
    split_col = _to_col(HIGH - 0.5, plot_width)
    split_row = _to_row(HIGH - 0.5, plot_height)
    for row in range(plot_height):
        grid.put(row, split_col, glyphs.v, "muted")
    grid.put(split_row, Y_MARGIN, glyphs.h * plot_width, "muted")
    grid.put(split_row, split_col, glyphs.cross, "muted")

    # Roles position by position, most communication-heavy first so the big bubbles get
    # their exact spot. Where some find no room, markers are taken back until a "+N" for
    # the rest fits: every role is drawn or counted at its own position.
    placements: list[Placement] = []
    reach = _reach(plot_width, plot_height)
    positions: dict[tuple[int, int], list[MapPoint]] = {}
    for point in sorted(chart.points, key=lambda p: (-p.comm, p.marker)):
        positions.setdefault((point.swe, point.ml), []).append(point)
    crowded = 0
    for (swe, ml), members in positions.items():
        row, col = _to_row(ml, plot_height), _to_col(swe, plot_width)
        here: list[Placement] = []
        beneath: list[list[tuple[str, str]]] = []  # what each marker covers (an axis line)
        for point in members:
            text = glyphs.bubble(point.comm) + str(point.marker)
            spot = _place(grid, row, col, len(text), reach)
            if spot is None:
                break
            style = "focus" if point.highlighted else "marker"
            beneath.append(grid.under(spot[0], spot[1], len(text)))
            grid.put(spot[0], spot[1], text, style, take=True)
            here.append(Placement(point.marker, spot[0], spot[1], text))
        while len(here) < len(members):
            text = f"+{len(members) - len(here)}"
            spot = _place(grid, row, col, len(text), reach)
            if spot is not None:
                grid.put(spot[0], spot[1], text, "strong", take=True)
                here.append(Placement(0, spot[0], spot[1], text))
                crowded += len(members) - len(here) + 1
                break
            if not here:  # not even a count fits: the legend still lists them
                crowded += len(members)
                break
            taken_back = here.pop()
            grid.restore(taken_back.row, taken_back.col, beneath.pop())
        placements += here
    if chart.you is not None:
        text = glyphs.you + "you"
        row, col = _to_row(chart.you.ml, plot_height), _to_col(chart.you.swe, plot_width)
        spot = _place(grid, row, col, len(text), (3, grid.width))  # you: anywhere near
        if spot is not None:
            grid.put(spot[0], spot[1], text, "name", take=True)
            placements.append(Placement(0, spot[0], spot[1], text))

    # Quadrant names in the corners, where nothing else is.
    for row, name, side in (
        (0, "low SWE / high ML", "left"),
        (0, "high SWE / high ML", "right"),
        (plot_height - 1, "low SWE / low ML", "left"),
        (plot_height - 1, "high SWE / low ML", "right"),
    ):
        start = Y_MARGIN + 1 if side == "left" else Y_MARGIN + plot_width - len(name)
        inside = start + len(name) < split_col if side == "left" else start > split_col
        if inside and grid.free(row, start, len(name)):
            grid.put(row, start, name, "region", take=True)

    lines = []
    for row in range(grid.height):
        runs: list[tuple[str, str]] = []
        for char, style in zip(grid.cells[row], grid.styles[row], strict=True):
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + char, style)
            else:
                runs.append((char, style))
        lines.append(tuple(runs))
    if crowded:
        note = (
            f"+N: {crowded} roles with no room at their position (listed below); "
            "narrow the map with --track or --role"
        )
        lines.append(((note, "muted"),))
    return Picture(tuple(lines), tuple(placements), plot_width, plot_height)


def _tick_rows(plot_height: int) -> set[int]:
    return {_to_row(y, plot_height) for y in range(6)}


def plain_lines(picture: Picture) -> list[str]:
    return ["".join(text for text, _ in line).rstrip() for line in picture.lines]
