"""The bundled catalogue: complete, cited, paraphrased, and holding the facts users rely on."""

from __future__ import annotations

import pytest

from mlroles.catalogue import Catalogue

ML_ROLES = {
    "research-scientist",
    "applied-research-scientist",
    "research-engineer",
    "product-owner",
    "product-manager",
    "data-scientist",
    "data-analyst",
    "data-engineer",
    "ml-engineer",
    "mlops-engineer",
    "ml-platform-engineer",
    "ml-hardware-engineer",
    "ml-solutions-architect",
    "developer-advocate",
    "ai-engineer",
}
ADJACENT_ROLES = {"software-engineer", "business-analyst", "science-phd-graduate"}
SEED_FILES = {
    "howell-top-ml-roles": "000_2d9966c018cdad27",
    "full-stack-which-ml-role": "001_e53fc3eac9b3ddff",
    "jobboard-mle-vs-rs": "002_2593a1e0d7703640",
    "techtarget-ds-vs-mle": "003_db08eb6f423fd5a5",
    "ml-roles-blog": "004_8e03d3091c28da6a",
}
SOURCE_IDS = set(SEED_FILES)
# The labelled job-ad corpus (corpus/): cited by triage's evidence terms only.
CORPUS = "job-ad-corpus"
COPY_RUN = 12


def test_every_role_the_sources_name_is_there(catalogue: Catalogue) -> None:
    ml = {r.id for r in catalogue.roles_on(["research", "production"])}
    assert ml == ML_ROLES
    assert {r.id for r in catalogue.roles_on(["adjacent"])} == ADJACENT_ROLES
    research = {r.id for r in catalogue.roles_on(["research"])}
    assert research == {"research-scientist", "applied-research-scientist", "research-engineer"}


def test_all_five_sources_are_listed_and_cited(catalogue: Catalogue) -> None:
    assert {s.id for s in catalogue.sources} == SOURCE_IDS | {CORPUS}
    for source in catalogue.sources:
        assert source.aliases == ((SEED_FILES[source.id],) if source.id != CORPUS else ())
        assert catalogue.citing_roles(source.id), f"{source.id} is cited by no role"


def test_source_metadata_is_only_what_the_documents_give(catalogue: Catalogue) -> None:
    howell = catalogue.source("howell-top-ml-roles")
    assert howell.title is None and howell.author == "Egor Howell"
    assert howell.label == "(untitled practitioner's article)"
    board = catalogue.source("jobboard-mle-vs-rs")
    assert board.author is None and board.published == "2023-12-06"
    assert board.credits == ("job-board article", "2023-12-06")
    assert catalogue.source("techtarget-ds-vs-mle").publisher == "TechTarget"
    blog = catalogue.source("ml-roles-blog")
    assert blog.url == "ml-skills/the-ultimate-machine-learning-system/machine-learning-roles"


def test_evidence_cites_the_seeds_and_the_corpus_by_readable_ids(catalogue: Catalogue) -> None:
    cited = {s for role in catalogue.roles for t in role.evidence for s in t.sources}
    assert cited == SOURCE_IDS | {CORPUS}


@pytest.mark.parametrize("role_id", sorted(ML_ROLES | ADJACENT_ROLES))
def test_every_profile_section_is_filled(catalogue: Catalogue, role_id: str) -> None:
    role = catalogue.role(role_id)
    assert role.summary.text and role.goal.text and role.work_product.text
    assert role.responsibilities and role.skills
    assert role.ml_need.text and role.position.rationale
    assert role.position.basis is not None, f"{role_id}: no basis for its skill-map values"
    if role.track == "adjacent":
        # The sources only mention adjacent roles as starting points: the profile says so.
        assert "this profile is thin" in role.summary.text
    else:
        assert role.backgrounds
    assert role.cited_sources()
    assert set(role.cited_sources()) <= SOURCE_IDS | {CORPUS}
    if role.track != "adjacent" and not any(
        "no specific tools" in note.text for note in role.notes
    ):
        assert role.tools, f"{role_id} has no tools and no note saying the sources name none"


def test_the_ds_vs_mle_table(catalogue: Catalogue) -> None:
    match = catalogue.contrast_between("data-scientist", "ml-engineer")
    assert match is not None
    contrast, swapped = match
    assert not swapped
    rows = {row.dimension: (row.a, row.b) for row in contrast.rows}
    assert rows["Goal"] == ("Generate business insights", "Turn data into products")
    assert rows["Skill"] == ("Better statistician", "Better engineer")
    assert rows["ML need"][0].startswith("Depends")
    assert rows["ML need"][1].startswith("A must")
    assert "architect" in rows["Analogy"][0] and "general contractor" in rows["Analogy"][1]
    assert "ml-roles-blog" in contrast.rows[0].sources


SKILL_MAP_TABLE = {
    "research-scientist": ("original", {"mathematics", "statistics", "ml-fundamentals"}),
    "applied-research-scientist": ("real-world problems", {"domain-expertise"}),
    "research-engineer": ("run the experiments", {"software-engineering", "ml-fundamentals"}),
    "product-owner": ("goals and vision", {"strategy-leadership", "domain-expertise"}),
    "product-manager": ("business, time and technical goals", {"product-management"}),
    "data-scientist": ("insights", {"mathematics", "statistics", "domain-expertise"}),
    "data-analyst": ("metrics", {"data-analysis", "domain-expertise"}),
    "data-engineer": ("data pipelines", {"data-storage", "big-data"}),
    "ml-engineer": ("Train ML models and deploy", {"software-engineering", "statistics"}),
    "mlops-engineer": ("Deploy ML systems", {"software-engineering", "ml-fundamentals"}),
}


@pytest.mark.parametrize("role_id", sorted(SKILL_MAP_TABLE))
def test_the_ten_rows_of_the_skill_map_table(catalogue: Catalogue, role_id: str) -> None:
    phrase, skills = SKILL_MAP_TABLE[role_id]
    role = catalogue.role(role_id)
    assert phrase in role.responsibilities[0].text
    assert "ml-roles-blog" in role.responsibilities[0].sources
    assert skills <= {need.skill for need in role.skills}


TOOLS = {
    "data-engineer": {"Hadoop", "Airflow"},
    "mlops-engineer": {"AWS Lambda"},
    "data-scientist": {"Python", "SQL", "R", "Power BI", "Tableau", "Qlik", "Matlab", "Julia"},
    "ml-engineer": {"TensorFlow", "PyTorch", "scikit-learn", "Apache Spark", "AWS", "Docker"},
    "research-scientist": {"TensorFlow", "PyTorch", "Jupyter Notebooks"},
    "ai-engineer": {"RAG", "Prompt engineering", "Fine-tuning", "Java", "Go"},
}


@pytest.mark.parametrize("role_id", sorted(TOOLS))
def test_the_tools_the_sources_tie_to_each_role(catalogue: Catalogue, role_id: str) -> None:
    assert TOOLS[role_id] <= {tool.name for tool in catalogue.role(role_id).tools}


CONTRASTS = [
    ("data-scientist", "ml-engineer"),
    ("mlops-engineer", "ml-engineer"),
    ("data-scientist", "data-analyst"),
    ("research-scientist", "research-engineer"),
    ("ml-engineer", "research-scientist"),
    ("ml-engineer", "ai-engineer"),
]


@pytest.mark.parametrize(("a", "b"), CONTRASTS)
def test_every_contrast_is_reachable_in_either_order(catalogue: Catalogue, a: str, b: str) -> None:
    forward, backward = catalogue.contrast_between(a, b), catalogue.contrast_between(b, a)
    assert forward is not None and backward is not None
    assert forward[0] is backward[0] and forward[1] != backward[1]


def test_variants_keep_both_views(catalogue: Catalogue) -> None:
    ds = {v.id for v in catalogue.role("data-scientist").variants}
    assert {"analytics", "modelling", "reporting", "research-or-engineering"} <= ds
    rs = {v.id for v in catalogue.role("research-scientist").variants}
    assert "same-as-research-engineer" in rs


def test_specialisms_and_outlook(catalogue: Catalogue) -> None:
    mle = catalogue.role("ml-engineer")
    assert {s.role for s in mle.specialisms} == {
        "ml-platform-engineer",
        "ml-hardware-engineer",
        "ml-solutions-architect",
    }
    figures = {o.figure: o for o in mle.outlook}
    assert figures["+22%"].period.startswith("2019-2029")
    assert "Bureau of Labor Statistics" in figures["+22%"].origin
    assert "LinkedIn" in figures["+74% a year"].origin
    rs = catalogue.role("research-scientist")
    assert rs.outlook[0].figure == "+15%"


# The review's D1-D16, in order: where the sources disagree, each kept with who holds it.
DISAGREEMENTS = [
    "what-a-data-scientist-does",
    "ml-engineer-subset-of-data-science",
    "who-builds-the-model",
    "who-deploys-and-monitors",
    "devops-or-mlops",
    "research-scientist-vs-engineer",
    "research-scientist-phd",
    "where-research-scientists-work",
    "research-scientist-engineering",
    "ml-engineer-backgrounds",
    "data-scientist-backgrounds",
    "one-person-both-jobs",
    "ml-engineer-hiring",
    "where-ml-engineers-work",
    "data-scientist-ml-need",
    "ai-engineer-vs-ml-engineer",
]


def test_the_reviews_sixteen_disagreements_are_data(catalogue: Catalogue) -> None:
    assert [d.id for d in catalogue.disagreements] == DISAGREEMENTS
    for item in catalogue.disagreements:
        assert len(item.views) >= 2 and all(view.holder for view in item.views)
    phd = next(d for d in catalogue.disagreements if d.id == "research-scientist-phd")
    assert [v.sources for v in phd.views][-1] == ("ml-roles-blog",)


def test_the_pandemic_figures_and_the_advice_are_carried(catalogue: Catalogue) -> None:
    ds = catalogue.role("data-scientist")
    figures = {o.figure for o in ds.outlook}
    assert {"56% then 40%", "38%", "21,000 to 17,000, then 18,000"} <= figures
    assert any("optimism" in note.text for note in ds.notes)
    advice = " ".join(g.text for g in catalogue.role("ml-engineer").getting_started)
    for idea in ("internships", "conferences", "pivot", "courses", "open-source", "hiring"):
        assert idea in advice, idea
