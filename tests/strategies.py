"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from mlroles.catalogue import Catalogue
from mlroles.models import Interest, Level
from mlroles.profile import Profile

LEVELS = list(Level)


@st.composite
def profiles(
    draw: st.DrawFn, catalogue: Catalogue, axes: bool = True, wants: bool = True
) -> Profile:
    """A person: some skills rated, some said to be lacking, maybe axis answers and wants."""
    ids = [skill.id for skill in catalogue.skills]
    axis = st.one_of(st.none(), st.integers(0, 5)) if axes else st.none()
    rated = draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(LEVELS), max_size=8))
    lacking = draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
    wanted = (
        draw(st.dictionaries(st.sampled_from(list(Interest)), st.integers(0, 5), max_size=6))
        if wants
        else {}
    )
    return Profile(
        swe=draw(axis),
        ml=draw(axis),
        comm=draw(axis),
        skills=rated,
        lacking=tuple(s for s in lacking if s not in rated),
        wants=wanted,
    )
