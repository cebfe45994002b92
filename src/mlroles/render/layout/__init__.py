"""Every view laid out once, as blocks (see `blocks.py`), for all four drawers.

No Rich here and no format: `rich_draw` draws the blocks for a terminal, `plain` for a pipe
or a file, `markdown` and `html` as documents. Spans say what their text is (a heading, a
citation, a level), never how it looks. Catalogue text goes into spans as data, so a role
called "[bold]x" prints as written.

One module a family of views; adding a view means writing its layout there (registered with
`@views.renders("ViewName")`) and naming its module in `FAMILIES`.
"""

from __future__ import annotations

from importlib import import_module

from ..blocks import Block

FAMILIES = {
    "RoleListing": "roles",
    "RoleProfile": "roles",
    "Bibliography": "roles",
    "RoleComparison": "compare",
    "SkillMap": "maps",
    "SkillChart": "maps",
    "FitResult": "fit",
    "TransitionPlan": "fit",
    "SearchResult": "search",
    "Triage": "triage",
    "TriageBatch": "triage",
}
"""The module that lays out each view, imported only when a view of it is shown."""


def layout(view: object) -> Block:
    """`view` as layout blocks."""
    from .parts import views

    family = FAMILIES.get(type(view).__name__)
    if family is not None:
        import_module(f"{__name__}.{family}")
    return views(view)
