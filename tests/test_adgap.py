"""This ad and me: the gap between a job ad's requirements and a person's profile."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Invoke
from mlroles.adgap import ad_gap, needed_level
from mlroles.adreading import read_ad
from mlroles.catalogue import Catalogue
from mlroles.knowledge import held
from mlroles.loading import load_bundled
from mlroles.models import Level
from mlroles.profile import Profile
from mlroles.requirements import extract
from mlroles.triage import triage, with_profile
from strategies import profiles

POSTINGS = Path(__file__).parent / "data" / "postings"
ADS = sorted(POSTINGS.glob("*.md"))[:12]
CATALOGUE = load_bundled()


@settings(max_examples=40, deadline=None)
@given(profiles(CATALOGUE, wants=False), st.sampled_from(ADS))
def test_a_skill_held_at_the_level_asked_is_never_missing(me: Profile, ad: Path) -> None:
    result = with_profile(CATALOGUE, triage(CATALOGUE, ad.read_text()), me)
    gap = result.gap
    assert gap is not None
    for lacking in gap.lack:
        have = held(CATALOGUE, me, lacking.skill.id)
        assert have.known and have.rank < needed_level(gap.role, lacking.skill.id).rank
    # a skill nobody asked about is unknown, never a gap
    unknown = {g.skill.id for g in gap.unknown}
    assert not unknown & {g.skill.id for g in gap.lack}
    assert all(not held(CATALOGUE, me, s).known for s in unknown)
    assert 0 <= gap.closeness <= 100


def test_closeness_counts_only_what_the_profile_speaks_to(catalogue: Catalogue) -> None:
    ad = "ML Engineer\n\nRequirements\n- Python and SQL.\n- Kubernetes.\n"
    asks = extract(catalogue, read_ad(ad))
    role = catalogue.role("ml-engineer")
    both = Profile(skills={"python": Level.EXPERT, "sql": Level.EXPERT})
    gap = ad_gap(catalogue, both, asks, role)
    assert {g.skill.id for g in gap.unknown} == {"containers"}
    assert gap.closeness == 100 and gap.lack == ()
    half = Profile(skills={"python": Level.EXPERT}, lacking=("sql",))
    assert 0 < ad_gap(catalogue, half, asks, role).closeness < 100


def test_cli_triage_with_a_profile(invoke: Invoke, tmp_path: Path) -> None:
    ad = str(POSTINGS / "05-mle-recsys.md")
    flags = ["--swe", "3", "--skill", "python=expert", "--skill", "deep-learning=none"]
    table = invoke("triage", ad, *flags, width=100)
    assert table.exit_code == 0, table.stderr
    assert "You and this ad\n" in table.stdout and "How close you are: " in table.stdout
    data = json.loads(invoke("triage", ad, *flags, "-f", "json").stdout)
    gap = data["gap"]
    assert gap["role"] == "ml-engineer" and 0 <= gap["closeness"] <= 100
    lacking = {g["skill"]: g for g in gap["lack"]}
    assert lacking["deep-learning"]["have"] is None and lacking["deep-learning"]["required"]
    assert "python" in {h["skill"] for h in gap["have"]}
    plain = json.loads(invoke("triage", ad, "-f", "json").stdout)
    assert plain["gap"] is None


def test_cli_many_ads_sorted_by_fit(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "ads"
    folder.mkdir()
    for name in ("05-mle-recsys.md", "03-data-analyst-ops.txt", "14-research-scientist.md"):
        (folder / name).write_text((POSTINGS / name).read_text())
    me = ["--skill", "sql=expert", "--skill", "data-visualisation=expert", "--ml", "1"]
    data = json.loads(invoke("triage", str(folder), *me, "--sort", "fit", "-f", "json").stdout)
    closeness = [row["closeness"] for row in data["ads"]]
    assert closeness == sorted(closeness, reverse=True)
    assert Path(data["ads"][0]["file"]).name == "03-data-analyst-ops.txt"
    nope = invoke("triage", str(folder), "--sort", "fit")
    assert nope.exit_code == 2 and "--sort fit needs a profile" in nope.stderr


def test_questions_and_an_ad_cannot_both_come_from_stdin(invoke: Invoke) -> None:
    result = invoke("triage", "-", "-i")
    assert result.exit_code == 2
    assert result.stderr.startswith("mlroles: error: -i and an ad from stdin both need stdin.")
