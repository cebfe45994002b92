"""What a job ad asks for: catalogue skills and tools, required or nice, unknown tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import Invoke
from mlroles.adreading import read_ad
from mlroles.catalogue import Catalogue
from mlroles.models import tool_names
from mlroles.requirements import asked, extract

AD = """\
Machine Learning Engineer

About us
We are a bank that loves Tableau dashboards.

What you'll do
- Train models in PyTorch and ship them behind APIs on AWS.
- Partner with our data engineers on Airflow pipelines.
- You will not write SQL reports.

Requirements
- Python, Docker, Kubernetes and Terraform.
- Git and a go-getter attitude.

Nice to have
- Experience with Spark, MLflow or Go.
"""


def _asks(catalogue: Catalogue, text: str = AD) -> dict[str, bool]:
    return {item.key: item.required for item in extract(catalogue, read_ad(text)).items}


def test_required_and_nice_come_from_sections(catalogue: Catalogue) -> None:
    asks = _asks(catalogue)
    for required in ("PyTorch", "AWS", "Python", "Docker", "containers", "version-control"):
        assert asks[required] is True, required
    assert asks["Go"] is False and asks["big-data"] is False


def test_blurb_negation_and_collaborators_do_not_count(catalogue: Catalogue) -> None:
    asks = _asks(catalogue)
    assert "Tableau" not in asks  # the company blurb
    assert "SQL" not in asks and "sql" not in asks  # "you will not write SQL reports"
    # "a go-getter" is not the Go language: short tool names keep their case.
    assert "Go" in asks and asks["Go"] is False


def test_an_item_asked_twice_is_required(catalogue: Catalogue) -> None:
    text = AD.replace("- Experience with Spark, MLflow or Go.", "- Docker and Go.")
    assert _asks(catalogue, text)["Docker"] is True


def test_tools_the_catalogue_lacks_are_listed(catalogue: Catalogue) -> None:
    unknown = {t.name: t.required for t in extract(catalogue, read_ad(AD)).unknown_tools}
    # Kubernetes and MLflow are how ads ask for skills the catalogue has (they count for
    # those skills) and products the catalogue has no tool entry for (they are named).
    assert unknown == {"Kubernetes": True, "Terraform": True, "MLflow": False}
    asks = _asks(catalogue)
    assert asks["containers"] is True and asks["mlops"] is False
    # Docker is a catalogue tool, and Spark is the catalogue's Apache Spark.
    assert "Docker" not in unknown and asks["Docker"] is True
    assert asks["Apache Spark"] is False


@pytest.mark.parametrize(
    ("line", "tool"),
    [
        ("- Python, SQL or Pyspark.", "Apache Spark"),  # an Apache project's Python API
        ("- PySpark on Databricks.", "Apache Spark"),
        ("- Dashboards in PowerBI.", "Power BI"),  # a name of capitalised words, run together
    ],
)
def test_a_tool_as_ads_also_write_it(catalogue: Catalogue, line: str, tool: str) -> None:
    result = extract(catalogue, read_ad(f"Analyst\n\nRequirements\n{line}\n"))
    assert tool in {item.key for item in result.items}
    assert {t.name.lower() for t in result.unknown_tools}.isdisjoint({"pyspark", "powerbi"})


def test_a_variant_a_catalogue_names_as_its_own_tool_stays_that_tool(
    catalogue: Catalogue,
) -> None:
    role = next(role for role in catalogue.roles if role.tools)
    pyspark = role.tools[0].model_copy(update={"name": "PySpark"})
    mended = role.model_copy(update={"tools": (pyspark, *role.tools)})
    roles = [mended if r.id == role.id else r for r in catalogue.roles]
    own = Catalogue(catalogue.sources, catalogue.skills, roles, catalogue.contrasts)
    result = extract(own, read_ad("Engineer\n\nRequirements\n- PySpark and Spark.\n"))
    assert {"PySpark", "Apache Spark"} <= {item.key for item in result.items}
    pyspark_ask = next(item for item in result.items if item.key == "PySpark")
    assert pyspark_ask.kind == "tool"


def test_a_tool_by_the_phrases_its_skill_gives(catalogue: Catalogue) -> None:
    line = "- Large language models, retrieval-augmented generation and RLHF."
    result = extract(catalogue, read_ad(f"Engineer\n\nRequirements\n{line}\n"))
    tools = {item.key: item.line for item in result.items if item.kind == "tool"}
    assert tools == {"LLMs": 4, "RAG": 4, "Fine-tuning": 4}
    # Acronyms of other senses are no such phrases: the data protection officer, a ledger.
    other = "- Work with the DPO on GDPR; track DPO and SFT reporting.\n"
    assert "Fine-tuning" not in _asks(catalogue, f"Analyst\n\nDuties\n{other}")


def test_a_phrase_that_is_a_catalogues_own_tool_stays_that_tool(catalogue: Catalogue) -> None:
    role = next(role for role in catalogue.roles if role.tools)
    rlhf = role.tools[0].model_copy(update={"name": "RLHF"})
    mended = role.model_copy(update={"tools": (rlhf, *role.tools)})
    roles = [mended if r.id == role.id else r for r in catalogue.roles]
    own = Catalogue(catalogue.sources, catalogue.skills, roles, catalogue.contrasts)
    asks = _asks(own, "Engineer\n\nRequirements\n- RLHF for our chat models.\n")
    assert "RLHF" in asks and "Fine-tuning" not in asks


def test_a_tools_phrases_find_nothing_once_its_role_is_removed(
    invoke: Invoke, tmp_path: Path
) -> None:
    overlay = tmp_path / "remove.yaml"
    overlay.write_text("remove_roles: [ai-engineer]\n")  # the one role that uses LLMs
    ad = tmp_path / "ad.txt"
    ad.write_text("Engineer\n\nRequirements\n- Large language models and Python.\n")
    result = invoke("-c", str(overlay), "triage", str(ad), "-f", "json")
    assert result.exit_code == 0, result.stderr
    asked = {item["id"] for item in json.loads(result.stdout)["asks"]["items"]}
    assert "Python" in asked and "LLMs" not in asked


def _validated_skill(invoke: Invoke, tmp_path: Path, in_ads: str) -> Result:
    """`mlroles validate` on a user's skill whose `in_ads` are these lines."""
    skills = tmp_path / "skills.yaml"
    skills.write_text(
        "skills:\n  - id: teamwork\n    name: Teamwork\n    category: communication\n"
        "    description: Working with others.\n    sources: [me]\n    in_ads:\n"
        f"{in_ads}      sources: [me]\n"
    )
    return invoke("validate", str(skills))


def test_phrases_for_a_tool_no_role_uses_are_refused(invoke: Invoke, tmp_path: Path) -> None:
    in_ads = "      terms: [teamwork]\n      tools:\n        - {tool: Kubernetes, phrases: [k8s]}\n"
    result = _validated_skill(invoke, tmp_path, in_ads)
    assert result.exit_code == 1
    assert "in_ads.tools[0].tool: no role uses a tool named 'Kubernetes'" in result.stdout


def test_plural_acronyms_and_verbs_are_not_tools(catalogue: Catalogue) -> None:
    text = "Engineer\n\nRequirements\n- Python, SLOs, LSTMs, Build, p99, int4 and Kafka.\n"
    unknown = [t.name for t in extract(catalogue, read_ad(text)).unknown_tools]
    assert unknown == ["Kafka"]


def test_a_tool_asks_for_its_skill(catalogue: Catalogue) -> None:
    asks = _asks(catalogue, "Data Scientist\n\nRequirements\n- R and SQL.\n- R&D spirit.\n")
    assert asks["R"] is True and asks["other-languages"] is True
    assert "R" not in _asks(catalogue, "Data Scientist\n\nRequirements\n- R&D spirit.\n")
    assert "R" not in _asks(catalogue, "Data Scientist\n\nRequirements\n- R/D budgets.\n")
    # A short name before a slash and another name is one of two alternatives.
    asks = _asks(catalogue, "Analyst\n\nRequirements\n- SQL, R/Python or SAS; Go/Java.\n")
    assert asks["R"] is True and asks["Go"] is True and asks["Python"] is True


def test_acronyms_must_be_written_in_capitals(catalogue: Catalogue) -> None:
    asks = _asks(catalogue, "ML Engineer\n\nDuties\n- Serve models behind a REST layer.\n")
    assert asks["apis-and-integration"] is True
    lower = "ML Engineer\n\nDuties\n- Expose the chip to the rest of the inference stack.\n"
    assert "apis-and-integration" not in _asks(catalogue, lower)


def test_names_of_teams_and_jobs_are_not_asks(catalogue: Catalogue) -> None:
    team = "Engineer\n\nDuties\n- Join the Machine Learning Platform team and run Kafka.\n"
    assert "ml-fundamentals" not in _asks(catalogue, team)
    job = "Engineer\n\nDuties\n- As a Machine Learning Engineer you run Kafka.\n"
    assert "ml-fundamentals" not in _asks(catalogue, job)
    asked_for = "Engineer\n\nRequirements\n- Machine Learning experience.\n"
    assert _asks(catalogue, asked_for)["ml-fundamentals"] is True
    tool_job = "Engineer\n\nDuties\n- As a Python Developer you run Kafka.\n"
    assert _asks(catalogue, tool_job)["Python"] is True


def test_a_capital_opening_a_line_or_followed_by_punctuation_is_no_name(
    catalogue: Catalogue,
) -> None:
    text = (
        "Engineer\n\nRequirements\n- Mentor engineers and review their code.\n"
        "- Strong Communication, Team player.\n"
    )
    asks = _asks(catalogue, text)
    assert asks["strategy-leadership"] is True and asks["communication"] is True
    job = "Engineer\n\nDuties\n- Be our Kubernetes Engineer.\n"
    result = extract(catalogue, read_ad(job))
    assert "containers" in {i.key for i in result.items}
    assert [t.name for t in result.unknown_tools] == ["Kubernetes"]


def test_a_product_must_be_written_as_its_name_to_be_listed(catalogue: Catalogue) -> None:
    text = "Engineer\n\nRequirements\n- A flask of ideas and APIs in Flask.\n"
    assert [t.name for t in extract(catalogue, read_ad(text)).unknown_tools] == ["Flask"]
    lower = "Engineer\n\nRequirements\n- A flask of ideas and good APIs.\n"
    assert extract(catalogue, read_ad(lower)).unknown_tools == ()


def test_degree_subjects_are_not_asks(catalogue: Catalogue) -> None:
    degree = "Analyst\n\nRequirements\n- A degree in Mathematics, Statistics or Economics.\n"
    asks = _asks(catalogue, degree)
    assert "mathematics" not in asks and "statistics" not in asks
    phd = "Scientist\n\nRequirements\n- PhD in statistics or a related field.\n"
    assert "statistics" not in _asks(catalogue, phd)
    sentence = "Analyst\n\nRequirements\n- A degree in biology. Strong statistics.\n"
    assert _asks(catalogue, sentence)["statistics"] is True
    years = "Engineer\n\nRequirements\n- Degree in CS and 3+ years of machine learning.\n"
    assert _asks(catalogue, years)["ml-fundamentals"] is True
    hands_on = "Engineer\n\nRequirements\n- Degree in CS and hands-on Kubernetes.\n"
    assert _asks(catalogue, hands_on)["containers"] is True
    impact = "Engineer\n\nDuties\n- Make a major impact by applying machine learning.\n"
    assert _asks(catalogue, impact)["ml-fundamentals"] is True
    latency = "Engineer\n\nDuties\n- Keep 20 ms in statistics of latency.\n"
    assert _asks(catalogue, latency)["statistics"] is True


def test_a_skills_unless_phrases_guard_its_other_senses(catalogue: Catalogue) -> None:
    overhead = "Engineer\n\nDuties\n- Cut communication overhead in distributed training.\n"
    assert "communication" not in _asks(catalogue, overhead)
    tracking = "Engineer\n\nDuties\n- Set up experiment tracking with MLflow.\n"
    asks = _asks(catalogue, tracking)
    assert "experimentation" not in asks and asks["mlops"] is True
    assert _asks(catalogue, "DS\n\nDuties\n- Design A/B tests.\n")["experimentation"] is True
    line = "Engineer\n\nDuties\n- You will report to the head of ML.\n"
    assert "technical-writing" not in _asks(catalogue, line)


def test_a_phrase_does_not_run_across_a_list(catalogue: Catalogue) -> None:
    listed = "Engineer\n\nDuties\n- Keep each model, registry entries and logs in order.\n"
    assert "mlops" not in _asks(catalogue, listed)
    asked = "Engineer\n\nDuties\n- Keep each model registry entry in order.\n"
    assert _asks(catalogue, asked)["mlops"] is True


def test_ml_models_as_a_workload_are_not_ml_fundamentals(catalogue: Catalogue) -> None:
    serving = "Engineer\n\nDuties\n- Build the platform for deploying ML models at scale.\n"
    assert "ml-fundamentals" not in _asks(catalogue, serving)
    building = "Scientist\n\nDuties\n- Build ML models that predict churn.\n"
    assert _asks(catalogue, building)["ml-fundamentals"] is True


def test_tool_entries_split_into_tools() -> None:
    assert tool_names("AWS, Azure or GCP (basics)") == ["AWS", "Azure", "GCP"]
    assert tool_names("Docker and CI/CD") == ["Docker", "CI/CD"]


def test_asked_groups_for_people(catalogue: Catalogue) -> None:
    groups = dict(asked(extract(catalogue, read_ad(AD))))
    assert "PyTorch" in groups["Required"] and "Go" in groups["Nice to have"]
    assert groups["Not in the catalogue"] == ["Kubernetes", "Terraform", "MLflow (nice to have)"]


def test_cli_triage_shows_and_exports_what_the_ad_asks(invoke: Invoke, tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text(AD)
    table = invoke("triage", str(ad), width=100).stdout
    assert "What the ad asks for\n" in table
    assert "Not in the catalogue: Kubernetes, Terraform, MLflow (nice to have)" in table
    data = json.loads(invoke("triage", str(ad), "-f", "json").stdout)
    items = {i["id"]: i for i in data["asks"]["items"]}
    assert items["PyTorch"]["required"] is True and items["PyTorch"]["kind"] == "tool"
    assert items["PyTorch"]["section"] == "responsibilities" and items["PyTorch"]["line"] == 7
    assert [t["name"] for t in data["asks"]["unknown_tools"]] == [
        "Kubernetes",
        "Terraform",
        "MLflow",
    ]
    markdown = invoke("triage", str(ad), "-f", "markdown").stdout
    assert "## What the ad asks for\n" in markdown and "- **Required:** " in markdown


def test_a_skills_products_are_listed_as_written_and_count_for_it(
    catalogue: Catalogue,
) -> None:
    text = (
        "Engineer\n\nRequirements\n- Write CUDA kernels and models in dbt on Vertex AI.\n"
        "- A ray of sunshine, Rays of light, Ray tracing and AWS X-Ray.\n"
    )
    result = extract(catalogue, read_ad(text))
    assert [t.name for t in result.unknown_tools] == ["CUDA", "dbt", "Vertex AI"]
    asks = {item.key for item in result.items}
    assert {"parallel-computing", "data-pipelines", "cloud-platforms"} <= asks
    assert "distributed-systems" not in asks  # none of those is Ray


def test_a_product_may_be_written_in_other_capitals_but_not_all_lower_case(
    catalogue: Catalogue,
) -> None:
    text = (
        "Engineer\n\nRequirements\n- SLURM clusters, Numpy and Github Actions.\n"
        "- Some cuda, a jira.\n"
    )
    result = extract(catalogue, read_ad(text))
    # listed as the catalogue writes them
    assert [t.name for t in result.unknown_tools] == ["Slurm", "NumPy", "GitHub Actions"]
    asks = {item.key for item in result.items}
    assert {"parallel-computing", "python", "ci-cd"} <= asks
    assert "product-management" not in asks  # "a jira" is not Jira


def test_a_product_before_a_slash_is_named(catalogue: Catalogue) -> None:
    text = "Scientist\n\nRequirements\n- pandas/NumPy, Jira/Confluence and Terraform/Helm.\n"
    result = extract(catalogue, read_ad(text))
    names = [t.name for t in result.unknown_tools]
    assert names[:4] == ["pandas", "NumPy", "Jira", "Terraform"]
    asks = {item.key for item in result.items}
    assert {"data-analysis", "python", "product-management", "deployment-monitoring"} <= asks
    # "R&D" is still not R, and "SQLAlchemy" is not SQL
    assert "R" not in _asks(catalogue, "Scientist\n\nRequirements\n- R&D and SQLAlchemy.\n")
    assert "SQL" not in _asks(catalogue, "Scientist\n\nRequirements\n- SQLAlchemy.\n")


def test_a_gpu_data_center_asks_for_parallel_computing(catalogue: Catalogue) -> None:
    text = "Engineer\n\nRequirements\n- Experience operating GPU Data Center infrastructure.\n"
    assert "parallel-computing" in _asks(catalogue, text)
    # an organisation's name is not a skill asked for
    lab = "Engineer\n\nDuties\n- Join the Atmospheric Research Laboratory in Boulder.\n"
    assert "research-methods" not in _asks(catalogue, lab)


def test_formats_and_chip_terms_are_not_tools(catalogue: Catalogue) -> None:
    text = (
        "Engineer\n\nRequirements\n"
        "- Python, Kafka, FP8, BF16, TF32, MXFP4, INT4, SoC, PCIe, MoE and LoRA.\n"
    )
    assert [t.name for t in extract(catalogue, read_ad(text)).unknown_tools] == ["Kafka"]


def test_a_bullets_opening_verb_and_plural_chips_are_not_tools(catalogue: Catalogue) -> None:
    text = "Engineer\n\nRequirements\n- Use Flink, Kafka and Python on H100s.\n"
    assert [t.name for t in extract(catalogue, read_ad(text)).unknown_tools] == ["Flink", "Kafka"]


def test_a_hint_is_not_an_ask_but_search_finds_the_skill_by_it(
    catalogue: Catalogue, invoke: Invoke
) -> None:
    alone = "Engineer\n\nDuties\n- Collaborate with the data team on pipelines.\n"
    assert "communication" not in _asks(catalogue, alone)
    # Beside a term asked for as nice to have, the hint in the duties changes nothing.
    nice = alone + "\nNice to have\n- Strong communication.\n"
    result = extract(catalogue, read_ad(nice))
    communication = next(i for i in result.items if i.key == "communication")
    assert communication.required is False and communication.line == 7
    found = invoke("search", "drift", "-f", "json").stdout
    assert "deployment-monitoring" in {hit["id"] for hit in json.loads(found)["results"]}


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("- 3+ years of experience in payments or lending.", True),
        ("- Experience with healthcare data.", True),
        ("- A background in banking, preferably retail credit.", True),
        ("- Knowledge of the insurance industry.", True),
        ("- A good understanding of capital markets.", True),
        ("- Expertise in supply chain planning.", True),
        ("- Familiarity with regulatory reporting.", True),
        ("- Payments industry knowledge.", True),
        ("- A telecoms background.", True),
        ("- Clinical expertise.", True),
        ("- Five years in the energy sector.", True),
        # Years spent in a field, exposure to it, or a preference for it.
        ("- 2-6+ years in Credit Risk / Lending / Cards.", True),
        ("- At least two years working in fintech lending.", True),
        ("- You will gain exposure to marketing and finance teams.", False),
        ("- A background in Trust & Safety.", True),
        ("- Five years in product management, preferably in payments.", True),
        ("- A background in fraud, underwriting or trust and safety.", True),
        ("- Work hand in hand with Credit Portfolio Management.", False),
        # Naming the field says what the work is about, not that the hire must know it.
        ("- Build payment systems and credit models in Python.", False),
        ("- We serve 40 banks and insurers.", False),
        # A cue with another preposition, or in another noun, asks for no field.
        ("- Build knowledge graphs for clinical data.", False),
        ("- Maintain a knowledge base for insurance claims.", False),
        ("- Run background jobs for payment processing.", False),
        ("- Expertise: credit default models.", False),
        # A field word in another sense: the skill's unless phrases, at the match's end.
        ("- Improve the customer experience in retail.", False),
        ("- Experience with credit assignment in RL.", False),
        ("- Experience with energy-based models.", False),
        ("- Experience with foundational data modelling.", False),
        # Fields are matched by their written start, not their stem.
        ("- Knowledge of the market and of the bank's data.", False),
    ],
)
def test_knowing_a_field_of_work_is_subject_matter_expertise(
    catalogue: Catalogue, line: str, asked: bool
) -> None:
    asks = _asks(catalogue, f"Data Scientist\n\nRequirements\n{line}\n")
    assert ("domain-expertise" in asks) is asked


def test_search_finds_a_skill_by_its_fields(invoke: Invoke) -> None:
    found = json.loads(invoke("search", "insurance", "-f", "json").stdout)["results"]
    assert ("domain-expertise", "field of work") in {(h["id"], h["field"]) for h in found}


def test_a_phrase_cannot_be_both_a_term_and_a_hint(invoke: Invoke, tmp_path: Path) -> None:
    in_ads = "      terms: [teamwork]\n      hints: [Teamwork]\n"
    result = _validated_skill(invoke, tmp_path, in_ads)
    assert result.exit_code == 1
    assert "in_ads: 'teamwork' is both a term and a hint: keep one" in result.stdout


@pytest.mark.parametrize(
    ("body", "skill"),
    [
        ("- Technical leadership\n- Team player\n", "strategy-leadership"),
        ("- Experience in a senior leadership role\n", "strategy-leadership"),
        ("- Publish externally and contribute to open source\n", "publishing"),
        ("- Balance latency, cost, model quality and throughput\n", "model-evaluation"),
        ("- Reduce inference cost. Model validation before each release\n", "model-evaluation"),
        ("- Transformer architecture\n- Model validation\n", "model-evaluation"),
        ("- Serve as the subject matter expert in machine learning\n", "ml-fundamentals"),
        (
            "- A BSc in Computer Science and a high degree of ownership over statistics\n",
            "statistics",
        ),
        ("- A degree in Computer Science, and a major focus on statistics\n", "statistics"),
        ("- Play a major role, for example leading machine learning projects\n", "ml-fundamentals"),
        ("- Bring engineering discipline among the people doing statistics\n", "statistics"),
        # A guard covers a term's first word ("lead to"), not its last, but for a field's.
        ("- Act as tech lead to a team of four ML engineers.\n", "strategy-leadership"),
        ("- Design and track experiments.\n", "experimentation"),
        ("- Experience developing predictive ML models in production.\n", "ml-fundamentals"),
    ],
)
def test_a_guard_or_a_degree_stops_at_its_clause(
    catalogue: Catalogue, body: str, skill: str
) -> None:
    assert skill in _asks(catalogue, "Engineer\n\nRequirements\n" + body)


def test_a_guard_holds_across_a_line_wrapped_at_a_fixed_width(catalogue: Catalogue) -> None:
    wrapped = (
        "Engineer\n\nDuties\nYou will profile training jobs and tune NCCL collective\n"
        "communication for our clusters, and report to our finance\nleadership on costs.\n"
    )
    asks = _asks(catalogue, wrapped)
    assert "communication" not in asks and "strategy-leadership" not in asks
    # A new bullet is a new clause: the guard does not reach into it.
    bullets = "Engineer\n\nDuties\n- Tune NCCL collective\n- Communication with users\n"
    assert "communication" in _asks(catalogue, bullets)


@pytest.mark.parametrize(
    ("body", "skill"),
    [
        ("- Build models of performance and power for chips.\n", "model-evaluation"),
        ("- Keep the architecture models and cost models of the SoC.\n", "model-evaluation"),
        ("- Model the performance of the main operators.\n", "model-evaluation"),
        ("- Support the leadership team and leadership sessions.\n", "strategy-leadership"),
        ("- Run jobs on leadership computing platforms.\n", "strategy-leadership"),
        ("- Grow revenue for our publishers.\n", "publishing"),
        ("- Social media marketing skills.\n", "communication"),
        ("- You work well with ambiguity.\n", "communication"),
        ("- Disciplines (among them Mathematics and Statistics).\n", "statistics"),
        ("- Detect objects in LiDAR point clouds.\n", "cloud-platforms"),
        ("- Forecast cloud cover for the next six hours.\n", "cloud-platforms"),
        ("- Strong infrastructure-as-code skills (Terraform).\n", "software-engineering"),
        ("- You will be reporting directly to the CTO.\n", "technical-writing"),
        ("- Build document classification for contracts.\n", "technical-writing"),
        ("- Own regulatory reporting data flows.\n", "technical-writing"),
        ("- Research & Development of new sensors.\n", "research-methods"),
        ("- Join a team that leads the world in forecasting.\n", "strategy-leadership"),
        ("- Each intern has a mentor.\n", "strategy-leadership"),
        ("- Build them together with your mentors.\n", "strategy-leadership"),
        ("- Work closely with a mentor and his team.\n", "strategy-leadership"),
        ("- Make sure the models can be explained.\n", "communication"),
        ("- Know Spark's lazy evaluation.\n", "model-evaluation"),
        ("- Gather requirements and validate them with the business.\n", "model-evaluation"),
        ("- Track business performance metrics for the sales team.\n", "model-evaluation"),
        ("- Drive our digital transformation into a data-driven firm.\n", "data-analysis"),
        ("- Fluent German, written and spoken.\n", "communication"),
    ],
)
def test_other_senses_ask_for_nothing(catalogue: Catalogue, body: str, skill: str) -> None:
    assert skill not in _asks(catalogue, "Engineer\n\nDuties\n" + body)


def test_other_senses_of_model_performance_causal_inference_and_subjects(
    catalogue: Catalogue,
) -> None:
    hardware = "Architect\n\nDuties\n- Build models of performance and power for chips.\n"
    assert "model-evaluation" not in _asks(catalogue, hardware)
    judged = "Scientist\n\nDuties\n- Track model performance in production.\n"
    assert "model-evaluation" in _asks(catalogue, judged)
    causal = "Scientist\n\nRequirements\n- Experience with causal inference.\n"
    asks = _asks(catalogue, causal)
    assert "statistics" in asks and "ml-specialism" not in asks
    subject = (
        "Analyst\n\nRequirements\n- A degree in a quantitative subject (Mathematics or"
        " Physics, for example).\n- A subject, for example mathematics or statistics.\n"
    )
    asks = _asks(catalogue, subject)
    assert "mathematics" not in asks and "statistics" not in asks


@pytest.mark.parametrize(
    ("body", "skill"),
    [
        ("- Strong coding skills in C++ and Python.\n", "software-engineering"),
        ("- Review code and designs with colleagues.\n", "software-engineering"),
        ("- Write production-grade code for perception.\n", "software-engineering"),
        ("- Design machine learning solutions able to scale worldwide.\n", "ml-systems-design"),
        ("- Own the architecture of the ML platform.\n", "ml-systems-design"),
        ("- Back-test the models and write up the results.\n", "model-evaluation"),
        # The senses the guards keep out are narrow: these still ask.
        ("- Strong execution and communication skills.\n", "communication"),
        ("- Results must be explained to clinicians in plain words.\n", "communication"),
        ("- Use your mentoring skills to grow junior engineers.\n", "strategy-leadership"),
        ("- Act as a research mentor to PhD students.\n", "strategy-leadership"),
        ("- Provide formal mentoring to junior data scientists.\n", "strategy-leadership"),
        ("- Grow with your mentoring of new hires.\n", "strategy-leadership"),
        ("- Lead the innovation agenda of the search team.\n", "strategy-leadership"),
        ("- Take part in team rituals such as code reviews.\n", "software-engineering"),
        ("- Published 3+ first-author papers at NeurIPS or ICML.\n", "publishing"),
        ("- Published novel research at top-tier venues.\n", "publishing"),
        ("- Published on arXiv or in peer-reviewed journals.\n", "publishing"),
        ("- Dig into data to find where margins leak.\n", "data-analysis"),
        ("- Publish papers at top venues (NeurIPS 2025).\n", "publishing"),
    ],
)
def test_how_ads_word_an_ask(catalogue: Catalogue, body: str, skill: str) -> None:
    assert skill in _asks(catalogue, "Engineer\n\nDuties\n" + body)


@pytest.mark.parametrize(
    "line",
    [
        "Published Jan 20, 2026",
        "Published: 2023 - Open until filled",
        "Published on: 29 November 2019",
        "Publication date",
        "Published externally only",
        "Posted 3 days ago",
        "Posted a month ago",
        "Posted 08-Jun-2026",
        "Published March 2025",
        "Published Nov. 3, 2025",
        "Published 11/2025",
        "Published: Friday 21 November 2025",
        "Published: Fri, 21 Nov 2025",
        "Published: 21st of November 2025",
        "Published: over a month ago",
        "Published: Just now",
        "Published: November, 2025",
        "Published: 20251121",
        "Published: a few days ago",
        "Published:",
        "- Published on: 29 November 2019",  # a bullet with a colon before the date
        "• Published: 3 days ago",
    ],
)
def test_when_the_ad_went_up_asks_for_no_publishing(catalogue: Catalogue, line: str) -> None:
    ad = f"Research Scientist\n\n{line}\n\nDuties\n- Train models in PyTorch.\n"
    assert "publishing" not in _asks(catalogue, ad)


def test_a_nice_to_have_cue_speaks_of_its_own_sentence(catalogue: Catalogue) -> None:
    """A paragraph on one line: the duties before "is a plus" stay required."""
    line = "You will build data pipelines in Airflow. Experience with Kafka is a plus.\n"
    asks = _asks(catalogue, "Data Engineer\n\nThe role\n" + line)
    assert asks["data-pipelines"] is True
    assert asks["big-data"] is False  # Kafka asks for big data, nice to have


def test_what_the_ad_says_is_not_required_is_not_asked(catalogue: Catalogue) -> None:
    no = "Scientist\n\nRequirements\n- SQL and Python.\n- Publications are not required.\n"
    assert "publishing" not in _asks(catalogue, no)
    # ... unless it is welcomed in the same breath: then it is nice to have.
    welcome = (
        "Scientist\n\nRequirements\n- SQL.\n- Publications would be nice but are not required.\n"
    )
    assert _asks(catalogue, welcome)["publishing"] is False
    # A hedge between the negation and its word changes nothing.
    for hedge in ("strictly", "necessarily", "absolutely", "always", "really"):
        line = f"- Python.\n- Kafka experience is not {hedge} required.\n"
        asks = _asks(catalogue, f"Engineer\n\nRequirements\n{line}")
        assert "big-data" not in asks and asks["python"] is True


@pytest.mark.parametrize(
    "line",
    [
        "- Published 2-3 first-author papers at NeurIPS.",
        "Published 10-20 papers in peer-reviewed venues.",
        "- Published 2024 papers.",  # a bullet is never the posting's date
        "Published: 3+ papers at NeurIPS",  # after a colon, a date must follow
    ],
)
def test_a_record_of_papers_is_no_date(catalogue: Catalogue, line: str) -> None:
    assert "publishing" in _asks(catalogue, f"Research Scientist\n\nRequirements\n{line}\n")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A cue speaks of its sentence; brackets and abbreviations end none.
        ("- Experience with cloud platforms (e.g. AWS or GCP) is a plus", {"AWS": False}),
        ("- Strong Python and SQL; Spark is a plus", {"python": True, "Apache Spark": False}),
        ("- Strong SQL required. dbt experience is a plus.", {"sql": True}),
        # A cue before a colon heads the rest of the line.
        ("- Nice to have: Docker; Kubernetes; Terraform.", {"Docker": False}),
        # "not required" takes the few words before it, not the line.
        ("- Python required, Kubernetes not required.", {"python": True}),
        ("- Experience in Python and AWS (certification not required).", {"AWS": True}),
        ("- Kafka is not required but is an asset", {"big-data": False}),
        (
            "- GPU design is not required, but machine learning is a must.",
            {"ml-fundamentals": True},
        ),
    ],
)
def test_what_a_line_asks_and_how(
    catalogue: Catalogue, line: str, expected: dict[str, bool]
) -> None:
    asks = _asks(catalogue, f"Engineer\n\nRequirements\n{line}\n")
    assert {key: asks.get(key) for key in expected} == expected


def test_a_duty_that_needs_nothing_still_asks(catalogue: Catalogue) -> None:
    """In the duties, "GPUs are not needed" describes the work, not what the job asks."""
    asks = _asks(
        catalogue, "Engineer\n\nDuties\n- Deploy models on AWS where GPUs are not needed.\n"
    )
    assert asks["AWS"] is True


@pytest.mark.parametrize(
    ("body", "not_asked"),
    [
        # A tool's name in its everyday sense.
        ("- Find out where you excel.\n", "Excel"),
        ("- Reply in a swift and friendly way.\n", "Swift"),
        ("- Go through the dashboards we already have.\n", "Go"),
        ("- Go live with the new model by spring.\n", "Go"),
        ("- Go beyond the brief.\n", "other-languages"),
        # A match does not run into a bracket.
        ("- Foundation of MCP (Model Context Protocol) servers.\n", "Foundation models"),
        # "promptly" is no prompt; a product named after a skill is the product.
        ("- Raise risks and blockers promptly.\n", "llm-genai"),
        ("- Run jobs on Azure Machine Learning.\n", "ml-fundamentals"),
        # Communication between GPUs, and a job board's category, ask for no communication.
        ("- Design distributed communication strategies for training.\n", "communication"),
        ("- Overlap computation with communication.\n", "communication"),
        ("- Tune the cluster communication topology.\n", "communication"),
        ("- Acme - Bangalore - Marketing & Communications\n", "communication"),
        # The company leading is no ask for leadership.
        ("- We are leading the region's move to clean energy.\n", "strategy-leadership"),
    ],
)
def test_words_that_only_look_like_an_ask(catalogue: Catalogue, body: str, not_asked: str) -> None:
    assert not_asked not in _asks(catalogue, "Engineer\n\nDuties\n" + body)


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("- Advanced Excel and SQL.\n", "Excel"),
        ("- Services in Rust or Go.\n", "Rust"),
        ("- Services in Rust or Go.\n", "Go"),
        ("- Go or Python for our backend.\n", "Go"),
        ("- Dashboards in EXCEL.\n", "Excel"),
        ("- Fine-tune foundation models for search.\n", "Foundation models"),
        ("- Lead the data science team.\n", "strategy-leadership"),
        ("- Own our CD/CI automation.\n", "CI/CD"),
        # Specialist areas, strategy and analysis as ads also name them.
        ("- Train ASR and TTS models.\n", "ml-specialism"),
        ("- Build image classification and object detection models.\n", "ml-specialism"),
        ("- Work on neural machine translation.\n", "ml-specialism"),
        ("- Large vision-language models.\n", "ml-specialism"),
        ("- Shape the technical strategy of the team.\n", "strategy-leadership"),
        ("- Lead projects in ML and signal processing.\n", "strategy-leadership"),
        ("- Lead exploratory analyses of the flows we own.\n", "data-analysis"),
        ("- Able to analyse large datasets.\n", "data-analysis"),
        ("- Practise continuous delivery.\n", "ci-cd"),
    ],
)
def test_the_same_words_as_asks(catalogue: Catalogue, body: str, asked: str) -> None:
    assert asked in _asks(catalogue, "Engineer\n\nDuties\n" + body)


@pytest.mark.parametrize(
    "line",
    [
        "Job family: Data Science and Statistics",
        "Specialisation: Data Science, Datasets and Statistics",
        "- Area: Machine Learning",
        "Field: Engineering - Machine Learning",
        "Teams: Software Engineering, Operations, Data Science.",
        "Directorate: Human & Robotic Exploration",
    ],
)
def test_a_job_boards_field_asks_for_nothing(catalogue: Catalogue, line: str) -> None:
    assert _asks(catalogue, f"Analyst\n\n{line}\n\nDuties\n- Write reports.\n").keys() == {
        "technical-writing"
    }


def test_a_word_in_another_script_is_one_word(catalogue: Catalogue) -> None:
    """Words were runs of ASCII letters, so "Réseaux" read as the R language and "seaux"."""
    asks = _asks(catalogue, "Ingénieur\n\nRequirements\n- Réseaux de neurones, Équipe.\n")
    assert "R" not in asks and "other-languages" not in asks
    assert _asks(catalogue, "Ingénieur\n\nRequirements\n- R et Python.\n").keys() >= {"R"}


@pytest.mark.parametrize(
    ("body", "not_asked"),
    [
        # An everyday word in any case, or a name in the wrong capitals.
        ("- Excel at communicating with stakeholders.\n", "Excel"),
        ("- SWIFT and SEPA payments.\n", "Swift"),
        # "Go" opening a sentence as a verb, or joined to another word.
        ("- Go the extra mile for our users.\n", "Go"),
        ("\u25aa Go through the backlog.\n", "Go"),
        ("- Run the Go/NoGo review.\n", "Go"),
        ("- Excel in a fast-paced team.\n", "Excel"),
        ("- The ability to excel in a fast-paced environment.\n", "Excel"),
        ("- Someone who excels at communication.\n", "Excel"),
        ("-Go the extra mile.\n", "Go"),
        ("- Go-getters wanted.\n", "Go"),
        ("- A Go-getter attitude.\n", "Go"),
        ("- Own the Go-to-market plans.\n", "Go"),
        ("- Prepare Go/No-Go decisions for launches.\n", "Go"),
        ("- Migrate reports from SAP R/3.\n", "R"),
        ("- Provide prompt feedback to customers.\n", "llm-genai"),
        ("- Gather parallel text for translation models.\n", "parallel-computing"),
        ("- Experience, with documented knowledge, of applied mathematics.\n", "technical-writing"),
    ],
)
def test_everyday_senses_of_names(catalogue: Catalogue, body: str, not_asked: str) -> None:
    assert not_asked not in _asks(catalogue, "Engineer\n\nDuties\n" + body)


def test_a_go_no_go_decision_names_no_tool(catalogue: Catalogue) -> None:
    text = "Engineer\n\nDuties\n- Prepare Go/No-Go decisions for launches.\n"
    result = extract(catalogue, read_ad(text))
    assert "Go" not in {item.key for item in result.items}
    assert result.unknown_tools == ()


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("- Advanced excel skills and SQL.\n", "Excel"),
        ("- Services written in Rust.\n", "Rust"),
        ("- Experience with Go beyond the basics.\n", "Go"),
        ("- Go is a plus.\n", "Go"),
        ("- Go programming experience.\n", "Go"),
        ("- Go-based microservices.\n", "Go"),
        ("- Shell scripting (bash, zsh).\n", "Bash"),
        ("- BASH scripting.\n", "Bash"),
        ("- RUST and C++.\n", "Rust"),
        ("- Advanced skills in Excel in a finance context.\n", "Excel"),
        ("- Export the reports to Excel.\n", "Excel"),
        ("- Experience with Go/Node.js backends.\n", "Go"),
        ("- Java/Go/NoSQL experience.\n", "Go"),
        ("- Languages: Go for services, Python for ML.\n", "Go"),
        ("- Go over gRPC.\n", "Go"),
        ("- Golang services.\n", "Go"),
        ("- Go and Rust for our services.\n", "Go"),
        ("- Experience with deep (reinforcement) learning.\n", "deep-learning"),
        ("- Experience in (consumer) lending.\n", "domain-expertise"),
        ("- Published: 2023, 2024 first-author papers.\n", "publishing"),
    ],
)
def test_names_in_their_own_sense(catalogue: Catalogue, body: str, asked: str) -> None:
    assert asked in _asks(catalogue, "Engineer\n\nRequirements\n" + body)


def test_a_tag_line_with_a_sentence_is_read(catalogue: Catalogue) -> None:
    line = "Teams: you will mentor engineers and lead the MLOps roadmap."
    asks = _asks(catalogue, f"Engineer\n\n{line}\n\nDuties\n- Write reports.\n")
    assert {"strategy-leadership", "mlops"} <= asks.keys()


@pytest.mark.parametrize(
    ("line", "tools"),
    [
        ("- 熟悉Python和PyTorch\uff0c有Kubernetes经验", {"Python", "PyTorch"}),
        ("- Python、PyTorchの経験", {"Python", "PyTorch"}),
        ("- Go言語での開発経験", {"Go"}),
        ("- SQLを用いた分析", {"SQL"}),
        ("- 3年以上のAWS経験", {"AWS"}),
        ("- Go或Rust开发", {"Go", "Rust"}),
        ("- Swift开发", {"Swift"}),
        ("- Python/SQL를 활용한", {"Python", "SQL"}),
        ("- \u0e41\u0e25\u0e30SQL", {"SQL"}),  # Thai: no spaces either
        ("- \u062e\u0628\u0631\u0629 Python \u0648SQL", {"Python", "SQL"}),  # Arabic "and"
    ],
)
def test_names_beside_scripts_written_without_spaces(
    catalogue: Catalogue, line: str, tools: set[str]
) -> None:
    result = extract(catalogue, read_ad(f"Engineer\n\nRequirements\n{line}\n"))
    assert tools <= {item.key for item in result.items}
    assert {t.name for t in result.unknown_tools} <= {"Kubernetes"}


def test_levels_verbs_and_catalogue_names_are_no_unknown_tools(catalogue: Catalogue) -> None:
    text = (
        "Engineer\n\nRequirements\n- Python, Docker, Kubernetes and Apache Spark.\n"
        "- Adapt and fine-tune LLMs with PyTorch.\n- Building pipelines: Airflow, dbt.\n"
        "- English at C1 level; grade IC3; researcher profile R2.\n"
        "- Python Programming, Model Serving, Terraform.\n"
        "- Languages: Python; training with Megatron-LM.\n"
    )
    unknown = [t.name for t in extract(catalogue, read_ad(text)).unknown_tools]
    assert unknown == ["Kubernetes", "dbt", "Terraform", "Megatron-LM"]


def test_a_name_with_a_suffix_is_no_unknown_tool(catalogue: Catalogue) -> None:
    text = "Engineer\n\nRequirements\n- Go-Lang, Golang and Kubernetes.\n"
    result = extract(catalogue, read_ad(text))
    assert "Go" in {item.key for item in result.items}
    assert [t.name for t in result.unknown_tools] == ["Kubernetes"]


def test_a_bullet_mark_does_not_make_a_name(catalogue: Catalogue) -> None:
    """A skill named at a line's start is asked for, whatever the bullet's mark."""
    for mark in ("-", "\u25aa", "\u25cf"):
        line = f"{mark} Machine Learning Engineer experience, 3+ years."
        assert "ml-fundamentals" in _asks(catalogue, f"Engineer\n\nRequirements\n{line}\n")
