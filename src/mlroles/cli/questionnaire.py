"""The interactive questionnaire of `fit` (and `path me`): about ten questions on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from ..catalogue import Catalogue
    from ..profile import Profile

# The skills asked about: what most distinguishes the roles' starting points.
ASKED_SKILLS = ("python", "statistics", "sql", "ml-fundamentals")
ASKED_INTERESTS = ("modelling", "data", "deployment", "research", "business")
LEVEL_WORDS = {"none": 0, "awareness": 1, "working": 2, "practitioner": 3, "expert": 4}


def _ask(console: Console, question: str, choices: dict[str, int], default: int | None) -> int:
    """Ask until the answer is a number or a name from `choices`."""
    from rich.text import Text

    numbers = sorted(set(choices.values()))
    legend = " / ".join(f"{n}={name}" for name, n in choices.items() if not name.isdigit())
    prompt = Text.assemble((question, "bold"), "\n  ", (legend, "dim"))
    if default is not None:
        prompt.append(f" [{default}]", style="cyan")
    prompt.append("\n> ")
    while True:
        answer = console.input(prompt).strip().casefold()
        if not answer and default is not None:
            return default
        if answer.isdigit() and int(answer) in numbers:
            return int(answer)
        if answer in choices:
            return choices[answer]
        console.print(Text(f"Please answer {numbers[0]}-{numbers[-1]} or a name.", style="red"))


def ask_profile(catalogue: Catalogue, start: Profile) -> Profile:
    """Ask about axes, a few skills and the work wanted; answers given as flags are defaults."""
    from rich.console import Console
    from rich.text import Text

    from ..models import Interest, Level
    from ..profile import INTEREST_QUESTIONS, Profile

    console = Console(stderr=True, highlight=False)
    console.print(
        Text("A few questions (Enter keeps the value in brackets; Ctrl-C stops).", style="bold")
    )
    scale = {"none": 0, "basic": 1, "some": 2, "solid": 3, "strong": 4, "top": 5}
    swe = _ask(console, "1. Your software-engineering skill?", scale, start.swe)
    ml = _ask(console, "2. Your machine-learning knowledge?", scale, start.ml)
    comm = _ask(
        console, "3. How strong and willing a communicator and writer are you?", scale, start.comm
    )
    levels = list(Level)
    skills = dict(start.skills)
    for number, skill_id in enumerate(ASKED_SKILLS, start=4):
        skill = catalogue.skill(skill_id)
        current = skills.get(skill_id)
        answer = _ask(
            console,
            f"{number}. Your level in {skill.name}?",
            LEVEL_WORDS,
            current.rank if current else None,
        )
        if answer:
            skills[skill_id] = levels[answer - 1]
        else:
            skills.pop(skill_id, None)
    wants = dict(start.wants)
    amount = {"none": 0, "little": 1, "some": 2, "fair": 3, "lots": 4, "most": 5}
    first = 4 + len(ASKED_SKILLS)
    for number, name in enumerate(ASKED_INTERESTS, start=first):
        interest = Interest(name)
        wants[interest] = _ask(
            console, f"{number}. {INTEREST_QUESTIONS[interest]}", amount, wants.get(interest)
        )
    return Profile(swe=swe, ml=ml, comm=comm, skills=skills, wants=wants)
