"""The skill map as a standalone SVG bubble chart (a real vector chart, not a screenshot)."""

from __future__ import annotations

from ..chart import MapPoint, SkillChart
from ..skillmap import HIGH
from ..textsafe import xml_text

WIDTH, HEIGHT = 820, 700
LEFT, RIGHT, TOP, BOTTOM = 70, 150, 60, 140  # margins: labels may use the right one
CHAR_WIDTH = 6.6  # average width of a 12px label character, for keeping labels on the canvas


def radius(comm: int) -> float:
    """Bubble radius for a communication weight of 0-5."""
    return 7 + 3.2 * comm


def _x(value: float) -> float:
    return LEFT + value / 5 * (WIDTH - LEFT - RIGHT)


def _y(value: float) -> float:
    return TOP + (5 - value) / 5 * (HEIGHT - TOP - BOTTOM)


def _spread(points: tuple[MapPoint, ...]) -> dict[int, tuple[float, float]]:
    """Centres on the canvas; roles at the same position sit side by side, centred on it."""
    groups: dict[tuple[int, int], list[MapPoint]] = {}
    for point in points:
        groups.setdefault((point.swe, point.ml), []).append(point)
    centres = {}
    for (swe, ml), members in groups.items():
        members.sort(key=lambda p: p.marker)
        widths = [2 * radius(p.comm) + 4 for p in members]
        x = _x(swe) - sum(widths) / 2
        for point, width in zip(members, widths, strict=True):
            centres[point.marker] = (x + width / 2, _y(ml))
            x += width
    return centres


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _overlap_area(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, width) * max(0.0, height)


def _place_labels(
    points: tuple[MapPoint, ...], centres: dict[int, tuple[float, float]]
) -> dict[int, tuple[float, float, str]]:
    """A label spot per role: right, left, below or above its bubble, whichever first
    overlaps no bubble and no label placed before it and stays on the canvas."""
    bubbles: dict[int, Box] = {}
    for p in points:
        cx, cy = centres[p.marker]
        r = radius(p.comm)
        bubbles[p.marker] = (cx - r, cy - r, cx + r, cy + r)
    placed: list[Box] = []
    spots: dict[int, tuple[float, float, str]] = {}
    for point in sorted(points, key=lambda p: p.marker):
        cx, cy = centres[point.marker]
        r = radius(point.comm)
        w, h = len(point.role.name) * CHAR_WIDTH, 14.0
        below, above = cy + r + 2, cy - r - 3 - h
        candidates: list[tuple[float, float, str, Box]] = [
            (cx + r + 4, cy + 4, "start", (cx + r + 3, cy - h / 2, cx + r + 5 + w, cy + h / 2)),
            (cx - r - 4, cy + 4, "end", (cx - r - 5 - w, cy - h / 2, cx - r - 3, cy + h / 2)),
            (cx, below + 12, "middle", (cx - w / 2, below, cx + w / 2, below + h)),
            (cx, above + 12, "middle", (cx - w / 2, above, cx + w / 2, above + h)),
            (cx, below + 12, "end", (cx - w, below, cx, below + h)),
            (cx, below + 12, "start", (cx, below, cx + w, below + h)),
            (cx, above + 12, "end", (cx - w, above, cx, above + h)),
            (cx, above + 12, "start", (cx, above, cx + w, above + h)),
        ]

        def on_canvas(box: Box) -> bool:
            return (
                box[0] >= LEFT + 2
                and box[2] <= WIDTH - 4
                and box[1] >= 40
                and box[3] <= HEIGHT - BOTTOM + 28
            )

        def fits(box: Box, own: int = point.marker) -> bool:
            clear = not any(_overlaps(box, b) for m, b in bubbles.items() if m != own)
            return on_canvas(box) and clear and not any(_overlaps(box, o) for o in placed)

        chosen = next((c for c in candidates if fits(c[3])), None)
        if chosen is None:  # crowded: the spot on the canvas that covers the least
            obstacles = [b for m, b in bubbles.items() if m != point.marker] + placed
            usable = [c for c in candidates if on_canvas(c[3])] or candidates
            chosen = min(usable, key=lambda c: sum(_overlap_area(c[3], b) for b in obstacles))
        placed.append(chosen[3])
        spots[point.marker] = (chosen[0], chosen[1], chosen[2])
    return spots


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
        out.append(
            f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{plot_bottom}" '
            'stroke="#e5e5e5"/>'
        )
        out.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{plot_right}" y2="{y:.1f}" '
            'stroke="#e5e5e5"/>'
        )
        out.append(f'<text x="{x:.1f}" y="{plot_bottom + 18}" text-anchor="middle">{value}</text>')
        out.append(f'<text x="{LEFT - 10}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    split_x, split_y = _x(HIGH - 0.5), _y(HIGH - 0.5)
    out += [
        f'<line class="axis" x1="{LEFT}" y1="{plot_bottom}" x2="{plot_right}" y2="{plot_bottom}" '
        'stroke="#333"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{plot_bottom}" stroke="#333"/>',
        f'<line class="quadrant" x1="{split_x:.1f}" y1="{TOP}" x2="{split_x:.1f}" '
        f'y2="{plot_bottom}" stroke="#999" stroke-dasharray="6 4"/>',
        f'<line class="quadrant" x1="{LEFT}" y1="{split_y:.1f}" x2="{plot_right}" '
        f'y2="{split_y:.1f}" stroke="#999" stroke-dasharray="6 4"/>',
        f'<text x="{(LEFT + plot_right) / 2:.0f}" y="{plot_bottom + 42}" text-anchor="middle" '
        'font-weight="bold">Software-engineering skill (0-5)</text>',
        f'<text x="22" y="{(TOP + plot_bottom) / 2:.0f}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 22 {(TOP + plot_bottom) / 2:.0f})">ML knowledge (0-5)</text>',
    ]
    for text, x, y, anchor in (
        ("low SWE / high ML", LEFT + 8, TOP + 16, "start"),
        ("high SWE / high ML", plot_right - 8, TOP + 16, "end"),
        ("low SWE / low ML", LEFT + 8, plot_bottom - 8, "start"),
        ("high SWE / low ML", plot_right - 8, plot_bottom - 8, "end"),
    ):
        out.append(
            f'<text class="quadrant-label" x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" '
            f'fill="#888" font-style="italic">{text}</text>'
        )
    centres = _spread(chart.points)
    for point in sorted(chart.points, key=lambda p: -p.comm):  # small bubbles on top
        cx, cy = centres[point.marker]
        r = radius(point.comm)
        colour = "#e0a100" if point.highlighted else "#3b7dd8"
        position = point.role.position
        reading = " (* mlroles's own reading)" if position.readings() else ""
        out.append(
            f'<circle class="role" data-role="{xml_text(point.role.id)}" data-comm="{point.comm}" '
            f'cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{colour}" fill-opacity="0.35" '
            f'stroke="{colour}"><title>{xml_text(point.role.name)}: SWE {position.marked("swe")}, '
            f"ML {position.marked('ml')}, communication {position.marked('comm')}"
            f"{xml_text(reading)}</title></circle>"
        )
    labels = _place_labels(chart.points, centres)
    for point in chart.points:
        x, y, anchor = labels[point.marker]
        weight = ' font-weight="bold"' if point.highlighted else ""
        out.append(
            f'<text class="role-label" data-role="{xml_text(point.role.id)}" x="{x:.1f}" '
            f'y="{y:.1f}" text-anchor="{anchor}"{weight}>'
            f"{xml_text(point.role.name)}</text>"
        )
    if chart.you is not None:
        x, y = _x(chart.you.swe), _y(chart.you.ml)
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
    for offset, line in (
        (26, "Positions are mlroles's reading of the Full Stack 2x2 (full-stack-which-ml-role)"),
        (12, "and the skill table (ml-roles-blog); 'mlroles show ROLE' gives each value's basis."),
    ):
        out.append(
            f'<text class="note" x="{LEFT}" y="{HEIGHT - offset}" fill="#666" '
            f'font-size="11">{xml_text(line)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
