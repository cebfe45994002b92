"""Reading a job ad: sections, negated clauses, collaborators, titles; and linear time."""

from __future__ import annotations

import time

import pytest

from mlroles.adreading import Section, heading_kind, read_ad, stem
from mlroles.catalogue import Catalogue
from mlroles.triage import params, triage

AD = """\
Senior Data Scientist

About us
Acme builds payment software used by shops everywhere.

What you'll do
- Design A/B tests and explain what moves retention.
- Partner with our data engineers and the DevOps team on data quality.
- You will not deploy models or run production services.

Requirements
- Strong statistics and SQL.
- Kubernetes experience is a plus.

Benefits
- Pension, gym, and a learning budget for dashboards courses.
"""


def _sections(text: str) -> dict[str, Section]:
    ad = read_ad(text)
    return {t.word: t.section for t in ad.tokens}


def test_sections_come_from_headings_and_cues() -> None:
    sections = _sections(AD)
    assert sections["payment"] is Section.COMPANY
    assert sections["retention"] is Section.DUTIES
    assert sections["statistics"] is Section.REQUIREMENTS
    assert sections["kubernetes"] is Section.NICE  # "is a plus" inside requirements
    assert sections["pension"] is Section.BENEFITS
    assert read_ad(AD).title == "Senior Data Scientist"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("## Responsibilities", Section.DUTIES),
        ("What we're looking for:", Section.REQUIREMENTS),
        ("**Nice to have**", Section.NICE),
        ("Preferred qualifications", Section.NICE),
        ("About the role", Section.ROLE),
        ("About Acme", Section.COMPANY),
        ("Why join us?", Section.BENEFITS),
        ("- Build dashboards for the finance team.", None),
        ("You will build dashboards for the finance team every single week.", None),
        ("Location:", Section.BENEFITS),
        ("Location: Redmond, WA", None),  # a job board's field, not a heading
        ("Company: Northwind Bank", None),
        # A contractor's posting describes the project, not the company.
        ("What the project is about", Section.ROLE),
        ("Project", Section.ROLE),
        # Matched as whole headings: a duty line or a skill is no heading.
        ("Project management", None),
        ("Own the post-training stack", None),
        ("Manage your own projects independently", None),
        # "About the post" and "What the traineeship is about" describe the job, not the
        # employer; "Employer: Acme" is a job board's field.
        ("About the post", Section.ROLE),
        ("What the traineeship is about", Section.ROLE),
        ("About the internship", Section.ROLE),
        ("About the postdoc", Section.ROLE),
        ("About the company", Section.COMPANY),
        # "About" a job's title heads the job; "About" a name, the employer.
        ("About Product Manager, Financial Fraud", Section.ROLE),
        ("About Acme Engineering", Section.COMPANY),
        ("About Advocate Health", Section.COMPANY),
        ("About Scientist.com", Section.COMPANY),
        ("About the hiring manager", Section.COMPANY),
        ("About our engineers", Section.COMPANY),
        ("Employer: Acme University", None),
        ("Publication date", None),  # the posting's date, read as page details
    ],
)
def test_heading_kind(line: str, kind: Section | None) -> None:
    assert heading_kind(line) is kind


def test_a_field_line_does_not_end_the_duties() -> None:
    """'Location: Redmond' once headed a benefits section that swallowed the whole ad."""
    read = read_ad(
        "Research Scientist Intern\n\nLocation: Redmond, WA\n\n"
        "Develop algorithms for new depth sensors in Python and C++.\n"
    )
    sections = {t.word: t.section for t in read.tokens}
    assert sections["redmond"] is Section.DETAILS
    assert sections["python"] is Section.DUTIES


def test_prose_that_starts_with_a_field_is_read_as_prose() -> None:
    read = read_ad(
        "ML Engineer\n\nTeam: AI Agents. "
        + "We run agents in production that resolve support tickets on their own. " * 3
        + "\n\nLocation: Remote\n"
    )
    sections = {t.word: t.section for t in read.tokens}
    assert sections["agents"] is Section.DUTIES
    assert sections["remote"] is Section.DETAILS


def test_negated_and_collaboration_clauses_are_marked() -> None:
    ad = read_ad(AD)
    by_word = {t.word: t for t in ad.tokens}
    assert by_word["deploy"].negated and by_word["production"].negated
    assert not by_word["retention"].negated
    assert by_word["devops"].collaboration and not by_word["design"].collaboration
    # A clause ends at sentence punctuation: the next line is not negated.
    assert not by_word["statistics"].negated


def test_what_the_hire_does_not_do_and_who_they_work_with_do_not_count(
    catalogue: Catalogue,
) -> None:
    result = triage(catalogue, AD)
    assert result.matches[0].role.id == "data-scientist"
    mlops = next((m for m in result.matches if m.role.id == "mlops-engineer"), None)
    terms = {e.term for e in mlops.evidence} if mlops else set()
    assert "DevOps" not in terms  # "the DevOps team" is a collaborator
    assert not any(e.section is Section.BENEFITS for m in result.matches for e in m.evidence)


def test_a_term_counts_once_per_section(catalogue: Catalogue) -> None:
    """The terms' part: a repeat adds nothing (the words part counts a word's repeats,
    damped by the logarithm, as word models do)."""
    terms_only = params()._replace(words_weight=0.0)
    once = "ML Engineer\n\nResponsibilities\n- Deploy models to production.\n"
    many = once + "- Deploy models again.\n- Deploy models daily.\n"
    score = {t: triage(catalogue, t, model=terms_only).matches[0].score for t in (once, many)}
    assert score[once] == score[many]


def test_stems_join_inflections_not_derivations() -> None:
    assert stem("deploys") == stem("deployed") == stem("deploying") == "deploy"
    assert stem("models") == stem("modelling") == stem("modeling") == "model"
    assert stem("GPUs") == "gpu" and stem("APIs") == "api" and stem("status") == "status"
    assert stem("installing") == stem("install")
    # Words a general-purpose stemmer would merge, though they mean different things.
    for a, b in [
        ("production", "product"),
        ("excellent", "Excel"),
        ("engine", "engineer"),
        ("experience", "experiment"),
        ("clusters", "clustering"),
    ]:
        assert stem(a) != stem(b)
    assert stem("C++") == "c++"


@pytest.mark.parametrize(
    "text",
    [
        "Ingeniero de datos\n\nBuscamos una persona para el equipo de ventas en Madrid.\n",
        "Barista\n\nMake coffee for our guests, keep the bar clean, smile.\n",
        "Data Scientist\n\nJoin us.\n",
    ],
)
def test_too_little_to_go_on_says_so(catalogue: Catalogue, text: str) -> None:
    result = triage(catalogue, text)
    assert not result.decided
    assert result.verdict.startswith("Cannot tell")
    assert result.warning is None


def test_a_decisive_ad_names_its_role(catalogue: Catalogue) -> None:
    result = triage(catalogue, AD)
    assert result.decided and result.verdict.startswith("Reads as Data scientist (")


def _cpu(text: str, catalogue: Catalogue) -> float:
    started = time.process_time()
    triage(catalogue, text)
    return time.process_time() - started


@pytest.mark.parametrize(
    "unit",
    [
        "run experiments ",
        "experiment ",
        "x-",
        "deploy models, ",
        "\u00e9" * 50 + " ",
        # One long line with a nice-to-have cue: split into sentences, each marked once.
        "Python is a plus. ",
        "(e.g. Spark) a plus; ",
        # "not required" looks back only as far as it may reach.
        "tools are not required ",
    ],
)
def test_triage_time_grows_linearly(catalogue: Catalogue, unit: str) -> None:
    """256 KiB of one repeated pattern costs about 4x what 64 KiB costs, not 16x."""
    quarter = "Title\n" + unit * (64 * 1024 // len(unit))
    full = "Title\n" + unit * (256 * 1024 // len(unit))
    baseline = min(_cpu(quarter, catalogue) for _ in range(3))
    measured = min(_cpu(full, catalogue) for _ in range(2))
    assert measured <= 8 * baseline + 0.05


def test_a_first_line_that_is_a_sentence_is_also_read_as_text() -> None:
    short = read_ad("Data Scientist\nRun A/B tests.\n")
    assert [t.word for t in short.tokens if t.line == 1] == []
    ad = read_ad("We are looking for an engineer to deploy models and monitor drift daily.\n")
    assert ad.title is not None and ad.title.startswith("We are looking")
    words = {t.word: t.section for t in ad.tokens if t.line == 1}
    assert words["deploy"] is Section.INTRO and words["drift"] is Section.INTRO


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("About the job", None),  # LinkedIn's description pane
        ("Full job description", None),  # Indeed's
        ("## Job Description", None),
        ("Overview:", None),
        ("Senior Data Scientist", "Senior Data Scientist"),
        ("Data Scientist-Identity team", "Data Scientist-Identity team"),  # reads like a heading
        ("MLOps Support Team Lead", "MLOps Support Team Lead"),
        ("Postdoctoral position in ML", "Postdoctoral position in ML"),
        ("Position: ML Ops", "ML Ops"),  # a field label, then the title
        ("Senior Data Science Role", "Senior Data Science Role"),
        ("Capital Allocation Quant", "Capital Allocation Quant"),  # not the "location" cue
        ("<!-- saved from the board -->\nData Engineer", "Data Engineer"),  # a hidden comment
    ],
)
def test_a_copied_description_panes_heading_is_not_a_title(first: str, title: str | None) -> None:
    ad = read_ad(f"{first}\nDeploy models and monitor drift.\n\nRequirements\n- Python\n")
    assert ad.title == title
    if title is None:  # the heading opens a section, and its words are read in it
        assert ad.title_line == 0 and ad.sections[0] == (1, heading_kind(first.strip("#: ")))
        assert {t.word for t in ad.tokens if t.line == 2} >= {"deploy", "drift"}
    else:
        assert ad.title_line == first.count("\n") + 1


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        ("Back to jobs\nNew\n\nSenior Data Scientist", "Senior Data Scientist"),
        ("Apply now »\n\nData Scientist", "Data Scientist"),
        ("Pearson logo\nLead Specialist, AI Scientist", "Lead Specialist, AI Scientist"),
        ("New York, NY, USA\nML Engineer", "ML Engineer"),
        ("First listed on: 12 January 2022\nPostdoctoral Fellowship", "Postdoctoral Fellowship"),
        ("Klarna\n\nData Scientist", "Data Scientist"),  # the employer over the title
        ("Quantum Chemistry meets Deep Learning", "Quantum Chemistry meets Deep Learning"),
        ("Technical Product Manager, ML", "Technical Product Manager, ML"),  # not "City, ST"
        ("📍 Job Overview\n\n  • Job Title: Platform Engineer", "Platform Engineer"),
        ("πŸ“ Job Overview\n\nWe build maps.", None),  # an icon the page's encoding garbled
        ("Responsibilities\n- Build models.", None),  # the ad opens with a section
        ("Back to jobs\n\nWhat you will do\n- Build models.", None),  # a section, not a title
        ("Acme\nLondon, UK\nData Scientist", "Data Scientist"),  # past the place
        ("Senior SWE, ML", "Senior SWE, ML"),  # no place: "SWE" is no city
        ("Easy Apply\nData Scientist", "Data Scientist"),
        ("Home \u203a Careers \u203a Engineering\nData Scientist", "Data Scientist"),
        ("Skip to main content\nML Engineer", "ML Engineer"),
        ("Job Title - ML Engineer", "ML Engineer"),
    ],
)
def test_a_page_copied_whole_has_its_title_found_below_the_job_boards_furniture(
    opening: str, title: str | None
) -> None:
    ad = read_ad(f"{opening}\n\nWhat you will do\n- Deploy models and monitor drift.\n")
    assert ad.title == title
    if title is not None:
        assert ad.lines[ad.title_line - 1].strip().endswith(title)
    # What stands above the title is the page's furniture: no section, no evidence.
    assert all(t.section is Section.DETAILS for t in ad.tokens if t.line < ad.title_line)
    assert {t.word for t in ad.tokens if t.section is Section.DUTIES} >= {"deploy", "drift"}
