"""The layout of a comparison of two or more roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import BLANK, Block, Column, Document, Grid, Responsive, Row, para, stack
from .parts import (
    INDENT,
    bullet,
    cell,
    citation,
    disagreement_sections,
    flat,
    heading,
    indented,
    labelled,
    labelled_item,
    level_of,
    ruled,
    text_row,
    views,
)

if TYPE_CHECKING:
    from ...compare import RoleComparison, SkillLevels


def _levels_row(item: SkillLevels) -> Row:
    return text_row(flat(item.skill.name), *map(level_of, item.levels))


def _group_row(label: str, columns: int) -> Row:
    """A label over the rows of one group ("shared"): not a skill, and drawn so."""
    return Row((cell((label, "group")), *((),) * (columns - 1)))


@views.renders("RoleComparison")
def _comparison(view: RoleComparison) -> Block:
    names = [role.name for role in view.roles]
    parts: list[Block] = []
    for contrast in view.curated:
        title = f"What the sources say: {contrast.first.name} vs {contrast.second.name}"
        columns = [Column(kind="strong"), Column(contrast.first.name), Column(contrast.second.name)]
        rows: list[Row] = []
        records: list[Block] = [para(flat(title, "strong"))]
        for contrast_row in contrast.rows:
            rows.append(
                text_row(flat(contrast_row.dimension), flat(contrast_row.a), flat(contrast_row.b))
            )
            records += [
                heading(contrast_row.dimension),
                indented(*labelled(contrast.first.name, contrast_row.a)),
                indented(*labelled(contrast.second.name, contrast_row.b)),
            ]
        table = ruled(columns, rows, title=title)
        # What the rows paraphrase, once under the table: a column of them would crowd it.
        cited = dict.fromkeys(source for each in contrast.rows for source in each.sources)
        parts += [Responsive(table, stack(*records), min_width=70), citation(cited), BLANK]
    parts += disagreement_sections(view.disagreements, show=True)

    field_columns = [Column(kind="strong"), *(Column(name) for name in names)]
    field_rows: list[Row] = []
    field_records: list[Block] = [para(("Profiles side by side", "strong"))]
    for row in view.fields:
        field_records.append(heading(row.label))
        for name, values in zip(names, row.values, strict=True):
            if len(values) > 1:  # one bullet an item, never run together (issue 18, item 3)
                field_records.append(indented((name, "strong"), (":", "")))
                field_records += [bullet(flat(value), indent=INDENT + 2) for value in values]
            else:
                field_records.append(indented(*labelled(name, "".join(values) or "-")))
        cells = [
            tuple(bullet(flat(v), indent=0) for v in values)
            if len(values) > 1
            else (cell(flat(values[0])) if values else cell(("-", "muted")))
            for values in row.values
        ]
        field_rows.append(Row((cell(flat(row.label)), *cells)))
    fields = Grid(
        tuple(field_columns),
        tuple(field_rows),
        title="Profiles side by side",
        ruled=True,
        separate_rows=True,
    )
    wide_enough = 30 + 30 * len(names)
    parts += [Responsive(fields, stack(*field_records), min_width=wide_enough), BLANK]

    skill_columns = [Column("Skill"), *(Column(name) for name in names)]
    width = len(skill_columns)
    some = [i for i in view.partial_skills if sum(lv is not None for lv in i.levels) > 1]
    groups = [("shared", view.shared_skills)]
    groups += [(f"only {name}", view.skills_only_in(i)) for i, name in enumerate(names)]
    skill_rows: list[Row] = []
    for label, items in [*groups, ("some of them", some)]:
        if items:
            skill_rows += [_group_row(label, width), *map(_levels_row, items)]
    parts += [ruled(skill_columns, skill_rows, title="Skills"), BLANK]

    tools = [labelled_item("Shared", ", ".join(view.shared_tools) or "none")]
    tools += [
        labelled_item(f"Only {name}", ", ".join(only) or "none")
        for name, only in zip(names, view.tools_only, strict=True)
    ]
    tools += [
        labelled_item(" and ".join(r.name for r in users), ", ".join(some))
        for users, some in view.tools_by_users()
    ]
    parts += [heading("Tools"), *tools]
    return Document(((" vs ".join(names), ""),), stack(*parts))
