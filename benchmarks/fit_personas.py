"""Does `mlroles fit` give the advice the sources give? People drawn from the sources' stories.

    python benchmarks/fit_personas.py [--top 3]

Each persona is a person one of the five sources describes (cited by file and line, told in
our own words), given to `fit` as the flags such a person would pass, with the roles that
source says suit them. The personas and their expected roles were written down from the
sources before the scoring weights were tuned. The script runs the real command (JSON
output), prints each persona's top 3 and whether every expected role is in it, and exits 1
if any persona fails. The question to ask of the table: would a careers adviser agree?
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Persona:
    name: str
    source: str
    """Seed file and line."""
    story: str
    """What the source says about this person, paraphrased."""
    flags: tuple[str, ...]
    expected: tuple[str, ...]
    """Roles the source says suit them: each must be in the top 3."""
    not_expected: tuple[str, ...] = ()
    """Roles the source says are not for them: none may be in the top 3."""


def _flags(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PERSONAS = (
    Persona(
        "Software engineer moving into ML",
        "003_db08eb6f423fd5a5:52-54",
        "ML engineers usually begin as developers and pick up ML by study or on the job; it "
        "has never been easier for a developer to make that move.",
        _flags(
            "--swe 5 --ml 2 --comm 2 --skill software-engineering=expert "
            "--skill python=practitioner --skill ml-fundamentals=working "
            "--want modelling=4 --want deployment=4"
        ),
        ("ml-engineer",),
    ),
    Persona(
        "Statistician",
        "003_db08eb6f423fd5a5:19",
        "Data science grew out of statistics and the business side.",
        _flags(
            "--swe 1 --ml 2 --comm 3 --skill statistics=expert --skill mathematics=practitioner "
            "--skill data-analysis=practitioner --skill experimentation=practitioner "
            "--skill python=working --skill sql=working "
            "--want modelling=3 --want data=4 --want business=3 --want deployment=1"
        ),
        ("data-scientist",),
    ),
    Persona(
        "Astrophysics PhD",
        "001_e53fc3eac9b3ddff:133",
        "Data scientists range from undergraduates to people with very technical PhDs, "
        "astrophysics among them.",
        _flags(
            "--swe 2 --ml 3 --comm 3 --skill mathematics=expert --skill statistics=practitioner "
            "--skill research-methods=expert --skill python=practitioner "
            "--skill publishing=practitioner --want modelling=4 --want data=4 --want research=3"
        ),
        ("data-scientist",),
    ),
    Persona(
        "Business analyst",
        "003_db08eb6f423fd5a5:38",
        "Many data scientists begin as business analysts and add maths and analytics through "
        "courses or on the job (and line 72: analysts are good candidates to cross-train).",
        _flags(
            "--swe 1 --ml 1 --comm 4 --skill domain-expertise=practitioner "
            "--skill data-analysis=working --skill data-visualisation=practitioner "
            "--skill sql=working --want business=4 --want data=4 --want modelling=3"
        ),
        ("data-scientist",),
    ),
    Persona(
        "Data analyst",
        "004_8e03d3091c28da6a:51",
        "Data analysts draw insights from data and run the business metrics; the line with "
        "data science is blurred (Lyft moved its analysts to the data-scientist title).",
        _flags(
            "--swe 1 --ml 1 --comm 4 --skill sql=practitioner --skill data-analysis=practitioner "
            "--skill business-metrics=practitioner --skill data-visualisation=practitioner "
            "--skill experimentation=working --want data=5 --want business=4"
        ),
        ("data-analyst", "data-scientist"),
    ),
    Persona(
        "DevOps engineer",
        "001_e53fc3eac9b3ddff:131",
        "DevOps engineers own deployment and monitoring (line 123); ML DevOps is above all a "
        "software-engineering role.",
        _flags(
            "--swe 4 --ml 1 --comm 2 --skill deployment-monitoring=expert --skill ci-cd=expert "
            "--skill containers=practitioner --skill cloud-platforms=practitioner "
            "--skill command-line=expert --want deployment=5"
        ),
        ("mlops-engineer",),
    ),
    Persona(
        "New computer-science graduate",
        "002_2593a1e0d7703640:64-66",
        "ML engineers typically hold a bachelor's or master's in computer science; the niche "
        "ML-engineering specialisms only make sense after a few years (000, line 44).",
        _flags(
            "--swe 3 --ml 2 --comm 2 --skill python=practitioner "
            "--skill data-structures-algorithms=practitioner --skill version-control=working "
            "--skill mathematics=working --skill ml-fundamentals=working "
            "--want modelling=4 --want deployment=3"
        ),
        ("ml-engineer",),
        ("ml-platform-engineer", "ml-hardware-engineer", "ml-solutions-architect"),
    ),
    Persona(
        "PhD who publishes",
        "002_2593a1e0d7703640:70-74",
        "Research scientists usually have a PhD with strong research experience and "
        "publications (and 004, line 18: first-author papers at top conferences).",
        _flags(
            "--swe 2 --ml 4 --comm 3 --skill research-methods=expert --skill publishing=expert "
            "--skill mathematics=expert --skill statistics=practitioner "
            "--skill ml-fundamentals=practitioner --skill deep-learning=working "
            "--skill python=practitioner --want research=5 --want modelling=4"
        ),
        ("research-scientist",),
    ),
    Persona(
        "Science PhD who wants to build ML products",
        "001_e53fc3eac9b3ddff:133",
        "ML engineers also come from science and engineering PhDs, often not in ML itself.",
        _flags(
            "--swe 3 --ml 3 --comm 3 --skill mathematics=expert --skill statistics=practitioner "
            "--skill python=practitioner --skill research-methods=practitioner "
            "--want modelling=4 --want deployment=4 --want research=1"
        ),
        ("ml-engineer",),
    ),
    Persona(
        "Backend engineer who likes data plumbing",
        "001_e53fc3eac9b3ddff:131",
        "Data engineering often looks like software engineering with the ML team as the "
        "customer: pipelines, storage and monitoring of data (line 123).",
        _flags(
            "--swe 4 --ml 1 --comm 2 --skill sql=expert --skill data-storage=practitioner "
            "--skill data-pipelines=practitioner --skill software-engineering=practitioner "
            "--want data=5 --want deployment=3"
        ),
        ("data-engineer",),
    ),
    Persona(
        "Quant with a maths PhD",
        "003_db08eb6f423fd5a5:48",
        "Quants at trading firms are data scientists: maths PhDs at home in R and Matlab who "
        "leave production code to scarce programmers.",
        _flags(
            "--swe 2 --ml 3 --comm 3 --skill mathematics=expert --skill statistics=expert "
            "--skill other-languages=practitioner --skill domain-expertise=practitioner "
            "--want modelling=5 --want business=3 --want deployment=0"
        ),
        ("data-scientist",),
    ),
    Persona(
        "Engineer who runs researchers' experiments",
        "004_8e03d3091c28da6a:26",
        "A research engineer uses engineering skill to set up and run the experiments research "
        "scientists design.",
        _flags(
            "--swe 4 --ml 3 --comm 2 --skill software-engineering=practitioner "
            "--skill python=expert --skill ml-fundamentals=practitioner "
            "--skill deep-learning=practitioner --want research=4 --want modelling=3 "
            "--want deployment=3"
        ),
        ("research-engineer",),
    ),
    Persona(
        "Engineer who loves to teach",
        "004_8e03d3091c28da6a:106",
        "Developer advocates are engineers with strong communication who promote ML products "
        "and educate their users.",
        _flags(
            "--swe 3 --ml 3 --comm 5 --skill communication=expert --skill technical-writing=expert "
            "--skill developer-education=practitioner --want communication=5"
        ),
        ("developer-advocate",),
    ),
    Persona(
        "Business lead with domain expertise",
        "004_8e03d3091c28da6a:34-40",
        "Product owners and managers need vision, leadership, project management and subject "
        "expertise, with a high-level grasp of ML.",
        _flags(
            "--swe 1 --ml 1 --comm 5 --skill strategy-leadership=expert "
            "--skill product-management=practitioner --skill domain-expertise=expert "
            "--want business=5 --want modelling=1 --want deployment=0"
        ),
        ("product-owner", "product-manager"),
    ),
    Persona(
        "Backend developer curious about GenAI",
        "000_2d9966c018cdad27:58-61",
        "AI engineers build products on LLM and GenAI tools, closer to traditional software "
        "engineering than ML engineering is.",
        _flags(
            "--swe 4 --ml 2 --comm 2 --skill software-engineering=practitioner "
            "--skill python=practitioner --skill llm-genai=working "
            "--skill other-languages=practitioner --want deployment=4 --want modelling=3"
        ),
        ("ai-engineer",),
    ),
)


@dataclass(frozen=True)
class Outcome:
    persona: Persona
    top: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return all(role in self.top for role in self.persona.expected) and not any(
            role in self.top for role in self.persona.not_expected
        )


def run(persona: Persona, top: int = 3) -> Outcome:
    """`mlroles fit FLAGS --top N --format json`, in process, as the CLI parses it."""
    from typer.testing import CliRunner

    from mlroles.cli import app

    argv = ["fit", *persona.flags, "--top", str(top), "--format", "json"]
    result = CliRunner().invoke(app, argv)
    if result.exit_code != 0:
        raise SystemExit(f"{persona.name}: fit failed: {result.stderr or result.stdout}")
    roles = json.loads(result.stdout)["roles"]
    return Outcome(persona, tuple(role["id"] for role in roles))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("COLUMNS", "100")
    outcomes = [run(persona, args.top) for persona in PERSONAS]
    print("| persona | source | expected in top 3 | top 3 | ok |")
    print("| --- | --- | --- | --- | --- |")
    for outcome in outcomes:
        p = outcome.persona
        expected = ", ".join(p.expected) + (
            f" (not {', '.join(p.not_expected)})" if p.not_expected else ""
        )
        print(
            f"| {p.name} | {p.source} | {expected} | {', '.join(outcome.top)} | "
            f"{'pass' if outcome.passed else 'FAIL'} |"
        )
    passed = sum(outcome.passed for outcome in outcomes)
    print(f"\n{passed}/{len(outcomes)} personas pass.")
    return 0 if passed == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
