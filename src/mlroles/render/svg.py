"""The skill map as a standalone SVG bubble chart (a real vector chart, not a screenshot)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..chart import MapPoint, SkillChart
from ..skillmap import HIGH
from ..textsafe import xml_text

WIDTH, HEIGHT = 820, 700
LEFT, RIGHT, TOP, BOTTOM = 70, 150, 60, 140  # margins: labels may use the right one
CHAR_WIDTH = 6.6  # average width of a 12px label character, for keeping labels on the canvas


FOOTER_CHARS = 112
"""A footer line's length: 11px characters across the canvas, less its left margin."""


def _footer(chart: SkillChart) -> list[str]:
    """Two lines naming the sources the plotted positions cite, from the loaded catalogue
    (issue 17: the footer named the bundled ones, whatever was loaded); their count when
    the names need more room than two lines."""
    import textwrap

    from . import counted

    cited = sorted({source for p in chart.points for source in p.role.position.sources})
    basis = "'mlroles show ROLE' gives each value's basis."

    def wrapped(text: str) -> list[str]:
        return textwrap.wrap(text, FOOTER_CHARS, break_on_hyphens=False, break_long_words=False)

    lines = wrapped(f"Positions are mlroles's reading of {', '.join(cited)}; {basis}")
    if len(lines) > 2:
        many = counted(len(cited), "source")
        lines = wrapped(
            f"Positions are mlroles's reading of {many} ('mlroles sources' lists them); {basis}"
        )
    return lines


def radius(comm: int) -> float:
    """Bubble radius for a communication weight of 0-5."""
    return 7 + 3.2 * comm


def _x(value: float) -> float:
    return LEFT + value / 5 * (WIDTH - LEFT - RIGHT)


def _y(value: float) -> float:
    return TOP + (5 - value) / 5 * (HEIGHT - TOP - BOTTOM)


MAX_SIDE_BY_SIDE = 3
"""Most roles drawn as their own bubble at one position (all centred on it). More become
one grouped bubble ("12 roles"), so label placement stays bounded (at most 36 positions x
3 labels, however large the catalogue)."""
GROUP_RADIUS = 20.0
GROUP_NAMES = 12  # names listed in a group's tooltip before "and N more"


@dataclass(frozen=True)
class Mark:
    """One bubble: a role, or the group of every role at a crowded position."""

    members: tuple[MapPoint, ...]
    cx: float
    cy: float
    r: float
    label: str

    @property
    def grouped(self) -> bool:
        return len(self.members) > 1

    @property
    def highlighted(self) -> bool:
        return any(p.highlighted for p in self.members)


def _marks(points: tuple[MapPoint, ...]) -> list[Mark]:
    """Bubbles on the canvas, in marker order: roles at the same position sit side by side,
    centred on it; a position with more than MAX_SIDE_BY_SIDE roles is one group bubble."""
    groups: dict[tuple[int, int], list[MapPoint]] = {}
    for point in sorted(points, key=lambda p: p.marker):
        groups.setdefault((point.swe, point.ml), []).append(point)
    marks = []
    for (swe, ml), members in groups.items():
        if len(members) > MAX_SIDE_BY_SIDE:
            # Highlighted roles (--role) keep their own bubble and label, on the group's
            # centre: the rest are counted.
            rest = [p for p in members if not p.highlighted]
            for point in members if len(rest) < 2 else [p for p in members if p.highlighted]:
                marks.append(Mark((point,), _x(swe), _y(ml), radius(point.comm), point.role.name))
            if len(rest) >= 2:
                label = f"{len(rest)} roles"
                marks.append(Mark(tuple(rest), _x(swe), _y(ml), GROUP_RADIUS, label))
            continue
        # Every bubble is centred on its value; roles sharing a point overlap there, and
        # their labels find room around it (with a leader line when it is further out).
        for point in members:
            marks.append(Mark((point,), _x(swe), _y(ml), radius(point.comm), point.role.name))
    return sorted(marks, key=lambda m: m.members[0].marker)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _overlap_area(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, width) * max(0.0, height)


TEXT_HEIGHT = 14.0
RINGS = (4.0, 16.0, 30.0, 46.0, 64.0, 84.0)  # label distances beyond a bubble's edge
LEADER_FROM = 8.0  # a label further than this from its bubble gets a leader line


class Label(NamedTuple):
    x: float
    y: float
    anchor: str
    box: Box
    leader: tuple[float, float, float, float] | None  # from the bubble's edge to the label


def text_box(x: float, y: float, anchor: str, text: str, height: float = TEXT_HEIGHT) -> Box:
    """The box a 12px text drawn at (x, y) with `anchor` takes (baseline at y)."""
    width = len(text) * CHAR_WIDTH
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left, y - height + 3, left + width, y + 3)


def _quadrant_labels(
    plot_right: float, plot_bottom: float
) -> tuple[tuple[str, float, float, str], ...]:
    return (
        ("low SWE / high ML", LEFT + 8, TOP + 16, "start"),
        ("high SWE / high ML", plot_right - 8, TOP + 16, "end"),
        ("low SWE / low ML", LEFT + 8, plot_bottom - 8, "start"),
        ("high SWE / low ML", plot_right - 8, plot_bottom - 8, "end"),
    )


def fixed_texts(you: tuple[float, float] | None) -> list[Box]:
    """The chart's own texts and the 'you' marker, which no role label may cover."""
    plot_right, plot_bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    boxes = []
    for value in range(6):
        boxes.append(text_box(_x(value), plot_bottom + 18, "middle", str(value)))
        boxes.append(text_box(LEFT - 10, _y(value) + 4, "end", str(value)))
    for text, x, y, anchor in _quadrant_labels(plot_right, plot_bottom):
        boxes.append(text_box(x, y, anchor, text))
    if you is not None:
        x, y = you
        boxes.append((x - 9, y - 10, x + 9, y + 7))  # the marker
        boxes.append(text_box(x + 11, y + 4, "start", "you"))
    return boxes


def _on_canvas(box: Box) -> bool:
    return (
        box[0] >= LEFT + 2
        and box[2] <= WIDTH - 4
        and box[1] >= 40
        and box[3] <= HEIGHT - BOTTOM - 4
    )


def _candidates(mark: Mark, text: str) -> list[Label]:
    """Spots around a bubble, nearest first: right, left, below, above, then diagonals."""
    out = []
    for ring in RINGS:
        d = mark.r + ring
        diag = d * 0.72
        for dx, dy, anchor in (
            (d, 4.0, "start"),
            (-d, 4.0, "end"),
            (0.0, d + 10, "middle"),
            (0.0, -d + 2, "middle"),
            (diag, diag + 8, "start"),
            (-diag, diag + 8, "end"),
            (diag, -diag + 4, "start"),
            (-diag, -diag + 4, "end"),
        ):
            x, y = mark.cx + dx, mark.cy + dy
            box = text_box(x, y, anchor, text)
            leader = None
            if ring > LEADER_FROM:
                # from the bubble's edge towards the label's nearest corner or side
                tx = min(max(mark.cx, box[0]), box[2])
                ty = min(max(mark.cy, box[1]), box[3])
                length = max(1e-6, ((tx - mark.cx) ** 2 + (ty - mark.cy) ** 2) ** 0.5)
                ex = mark.cx + (tx - mark.cx) * mark.r / length
                ey = mark.cy + (ty - mark.cy) * mark.r / length
                leader = (ex, ey, tx, ty)
            out.append(Label(x, y, anchor, box, leader))
    return out


def place_labels(marks: list[Mark], you: tuple[float, float] | None = None) -> list[Label]:
    """A label per bubble where it covers no other text (the chart's own texts, the 'you'
    marker, labels placed before it) and, where possible, no other bubble; the nearest such
    spot wins. Quadratic in the bubbles, which grouping bounds (see MAX_SIDE_BY_SIDE)."""
    texts = fixed_texts(you)
    bubbles = [(m.cx - m.r, m.cy - m.r, m.cx + m.r, m.cy + m.r) for m in marks]
    labels: list[Label] = []
    for index, mark in enumerate(marks):
        candidates = [c for c in _candidates(mark, mark.label) if _on_canvas(c.box)]
        others = bubbles[:index] + bubbles[index + 1 :]
        clear_of_text = [c for c in candidates if not any(_overlaps(c.box, t) for t in texts)]
        chosen = next(
            (c for c in clear_of_text if not any(_overlaps(c.box, b) for b in others)),
            clear_of_text[0] if clear_of_text else None,
        )
        if chosen is None:  # nowhere clear: the spot that covers the least text
            chosen = min(
                candidates or _candidates(mark, mark.label),
                key=lambda c: sum(_overlap_area(c.box, t) for t in texts),
            )
        labels.append(chosen)
        texts.append(chosen.box)
    return labels


def _group_title(mark: Mark) -> str:
    first = sorted(mark.members, key=lambda p: (not p.highlighted, p.role.name.casefold()))
    names = ", ".join(p.role.name for p in first[:GROUP_NAMES])
    more = len(first) - GROUP_NAMES
    swe, ml = mark.members[0].swe, mark.members[0].ml
    return f"{len(first)} roles at SWE {swe}, ML {ml}: {names}" + (
        f" and {more} more" if more > 0 else ""
    )


def _line(kind: str, ends: tuple[float, float, float, float], stroke: str, dash: str = "") -> str:
    """A line from (x1, y1) to (x2, y2): a whole number as it is, others to one place."""
    values = (str(v) if isinstance(v, int) else f"{v:.1f}" for v in ends)
    at = " ".join(f'{n}="{v}"' for n, v in zip(("x1", "y1", "x2", "y2"), values, strict=True))
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line class="{kind}" {at} stroke="{stroke}"{dashed}/>'


def render_svg(chart: SkillChart, title: str = "ML roles: software engineering vs ML") -> str:
    plot_right, plot_bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="12" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{xml_text(title)}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{WIDTH / 2:.0f}" y="28" text-anchor="middle" font-size="17" '
        f'font-weight="bold">{xml_text(title)}</text>',
    ]
    for value in range(6):  # gridlines and ticks
        x, y = _x(value), _y(value)
        out.append(_line("grid", (x, TOP, x, plot_bottom), "#e5e5e5"))
        out.append(_line("grid", (LEFT, y, plot_right, y), "#e5e5e5"))
        out.append(f'<text x="{x:.1f}" y="{plot_bottom + 18}" text-anchor="middle">{value}</text>')
        out.append(f'<text x="{LEFT - 10}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    split_x, split_y = _x(HIGH - 0.5), _y(HIGH - 0.5)
    out += [
        _line("axis", (LEFT, plot_bottom, plot_right, plot_bottom), "#333"),
        _line("axis", (LEFT, TOP, LEFT, plot_bottom), "#333"),
        _line("quadrant", (split_x, TOP, split_x, plot_bottom), "#999", "6 4"),
        _line("quadrant", (LEFT, split_y, plot_right, split_y), "#999", "6 4"),
        f'<text x="{(LEFT + plot_right) / 2:.0f}" y="{plot_bottom + 42}" text-anchor="middle" '
        'font-weight="bold">Software-engineering skill (0-5)</text>',
        f'<text x="22" y="{(TOP + plot_bottom) / 2:.0f}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 22 {(TOP + plot_bottom) / 2:.0f})">ML knowledge (0-5)</text>',
    ]
    for text, x, y, anchor in _quadrant_labels(plot_right, plot_bottom):
        out.append(
            f'<text class="quadrant-label" x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" '
            f'fill="#888" font-style="italic">{text}</text>'
        )
    marks = _marks(chart.points)
    for mark in sorted(marks, key=lambda m: -m.r):  # small bubbles on top
        colour = "#e0a100" if mark.highlighted else "#3b7dd8"
        if mark.grouped:
            out.append(
                f'<circle class="group" data-roles="{len(mark.members)}" cx="{mark.cx:.1f}" '
                f'cy="{mark.cy:.1f}" r="{mark.r:.1f}" fill="{colour}" fill-opacity="0.2" '
                f'stroke="{colour}" stroke-dasharray="4 3"><title>'
                f"{xml_text(_group_title(mark))}</title></circle>"
            )
            continue
        point = mark.members[0]
        position = point.role.position
        reading = " (* mlroles's own reading)" if position.readings() else ""
        out.append(
            f'<circle class="role" data-role="{xml_text(point.role.id)}" data-comm="{point.comm}" '
            f'cx="{mark.cx:.1f}" cy="{mark.cy:.1f}" r="{mark.r:.1f}" fill="{colour}" '
            f'fill-opacity="0.35" stroke="{colour}"><title>{xml_text(point.role.name)}: '
            f"SWE {position.marked('swe')}, "
            f"ML {position.marked('ml')}, communication {position.marked('comm')}"
            f"{xml_text(reading)}</title></circle>"
        )
    you = (_x(chart.you.swe), _y(chart.you.ml)) if chart.you is not None else None
    for mark, label in zip(marks, place_labels(marks, you), strict=True):
        x, y, anchor = label.x, label.y, label.anchor
        if label.leader is not None:
            out.append(_line("leader", label.leader, "#999"))
        weight = ' font-weight="bold"' if mark.highlighted else ""
        kind = "group-label" if mark.grouped else "role-label"
        role = "" if mark.grouped else f' data-role="{xml_text(mark.members[0].role.id)}"'
        out.append(
            f'<text class="{kind}"{role} x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{weight}>'
            f"{xml_text(mark.label)}</text>"
        )
    if any(mark.grouped for mark in marks):
        out.append(
            f'<text class="group-legend" x="{WIDTH / 2:.0f}" y="48" text-anchor="middle" '
            f'font-size="11" fill="#666">A dashed bubble groups the roles at one position '
            f"(more than {MAX_SIDE_BY_SIDE}); narrow the map with --track or --role</text>"
        )
    if you is not None:
        x, y = you
        out.append(
            f'<path class="you" d="M {x:.1f} {y - 9:.1f} L {x + 8:.1f} {y + 6:.1f} '
            f'L {x - 8:.1f} {y + 6:.1f} Z" fill="#c0307a"/>'
        )
        out.append(
            f'<text class="you-label" x="{x + 11:.1f}" y="{y + 4:.1f}" fill="#c0307a" '
            'font-weight="bold">you</text>'
        )
    legend_y = plot_bottom + 80
    out.append(
        f'<text class="legend-title" x="{LEFT}" y="{legend_y + 4}" font-weight="bold">'
        "Bubble size: communication and technical writing</text>"
    )
    x = LEFT + 330.0
    for comm in (1, 3, 5):
        r = radius(comm)
        out.append(
            f'<circle class="legend" cx="{x + r:.1f}" cy="{legend_y:.1f}" r="{r:.1f}" '
            'fill="#3b7dd8" fill-opacity="0.35" stroke="#3b7dd8"/>'
        )
        out.append(f'<text x="{x + 2 * r + 6:.1f}" y="{legend_y + 4:.1f}">{comm} of 5</text>')
        x += 2 * r + 60
    footer = _footer(chart)
    for offset, line in zip((26, 12)[-len(footer) :], footer, strict=True):
        out.append(
            f'<text class="note" x="{LEFT}" y="{HEIGHT - offset}" fill="#666" '
            f'font-size="11">{xml_text(line)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
