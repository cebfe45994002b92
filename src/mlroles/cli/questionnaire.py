"""The interactive questionnaire of `fit` and `path me`: at most twelve questions on stderr.

Both ask where you are on the skill map (three questions). `fit` then asks the five kinds of
work it scores, and then, one at a time, about the skills that most separate the roles
leading for you so far (each answer re-ranks them). `path me` asks nothing about wants (its
plan does not use them) and instead asks about the target role's skills you were not asked
about yet, the most needed first. Every answer is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from ..catalogue import Catalogue
    from ..models import Role
    from ..profile import Profile

MAX_QUESTIONS = 12
LEADERS = 4
"""How many leading roles the next skill question tries to tell apart."""
ASKED_INTERESTS = ("modelling", "data", "deployment", "research", "business")
LEVEL_WORDS = {"none": 0, "awareness": 1, "working": 2, "practitioner": 3, "expert": 4}
SCALE = {"none": 0, "basic": 1, "some": 2, "solid": 3, "strong": 4, "top": 5}
AMOUNT = {"none": 0, "little": 1, "some": 2, "fair": 3, "lots": 4, "most": 5}


class NoAnswers(UsageError):
    """Input ended before the questions were answered (exit 2, not an interruption)."""


def _ask(console: Console, question: str, choices: dict[str, int], default: int | None) -> int:
    """Ask until the answer is a number or a name from `choices`; Enter keeps a shown
    default, and only a shown one."""
    from rich.text import Text

    numbers = sorted(set(choices.values()))
    legend = " / ".join(f"{n}={name}" for name, n in choices.items())
    prompt = Text.assemble((question, "bold"), "\n  ", (legend, "dim"))
    if default is not None:
        prompt.append(f" [Enter keeps {default}]", style="cyan")
    prompt.append("\n> ")
    while True:
        try:
            answer = console.input(prompt).strip().casefold()
        except EOFError:
            console.print()  # end the prompt's line before the error
            raise NoAnswers(
                "no answers: stdin closed.",
                hint="Pass --swe/--ml/--skill/--want or --profile FILE instead.",
            ) from None
        if not answer and default is not None:
            return default
        if answer.isdigit() and int(answer) in numbers:
            return int(answer)
        if answer in choices:
            return choices[answer]
        console.print(Text(f"Please answer {numbers[0]}-{numbers[-1]} or a name.", style="red"))


def next_skill(catalogue: Catalogue, profile: Profile, asked: set[str]) -> str | None:
    """The skill whose answer best separates the roles leading for this profile: the
    widest spread of needed level among them (a role not listing it needs none),
    a skill never rated nor estimated before one that was estimated."""
    from ..fit import rank_roles
    from ..knowledge import held

    leaders = [fit.role for fit in rank_roles(catalogue, profile).fits[:LEADERS]]
    best: tuple[float, int, str] | None = None
    candidates = {need.skill for role in leaders for need in role.skills}
    for skill_id in sorted(candidates - asked - set(profile.skills) - set(profile.lacking)):
        levels = [
            next((n.level.rank for n in role.skills if n.skill == skill_id), 0) for role in leaders
        ]
        spread = (
            max(levels) - min(levels) + (0.5 if not held(catalogue, profile, skill_id).known else 0)
        )
        key = (spread, sum(levels), skill_id)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def _role_skills_to_ask(catalogue: Catalogue, profile: Profile, target: Role) -> list[str]:
    """The target's skills not rated yet: unknown ones first, the most needed first."""
    from ..knowledge import held

    open_needs = [
        need
        for need in target.skills
        if need.skill not in profile.skills and need.skill not in profile.lacking
    ]
    open_needs.sort(key=lambda n: (held(catalogue, profile, n.skill).known, -n.level.rank))
    return [need.skill for need in open_needs]


def ask_profile(catalogue: Catalogue, start: Profile, target: Role | None = None) -> Profile:
    """Ask the questions (answers given as flags are the defaults) and return the profile."""
    from rich.console import Console
    from rich.text import Text

    from ..models import Interest, Level
    from ..profile import INTEREST_QUESTIONS, checked_profile

    console = Console(stderr=True, highlight=False)
    console.print(Text("A few questions: answer by number or name (Ctrl-C stops).", style="bold"))
    number = 0

    def question(text: str) -> str:
        nonlocal number
        number += 1
        return f"{number}. {text}"

    swe = _ask(console, question("Your software-engineering skill?"), SCALE, start.swe)
    ml = _ask(console, question("Your machine-learning knowledge?"), SCALE, start.ml)
    comm = _ask(
        console,
        question("How strong and willing a communicator and writer are you?"),
        SCALE,
        start.comm,
    )
    wants = dict(start.wants)
    if target is None:
        for name in ASKED_INTERESTS:
            interest = Interest(name)
            wants[interest] = _ask(
                console, question(INTEREST_QUESTIONS[interest]), AMOUNT, wants.get(interest)
            )
    profile = checked_profile(
        swe=swe, ml=ml, comm=comm, skills=start.skills, lacking=start.lacking, wants=wants
    )
    queue = _role_skills_to_ask(catalogue, profile, target) if target is not None else []
    asked: set[str] = set()
    levels = list(Level)
    while number < MAX_QUESTIONS:
        if target is None:
            skill_id = next_skill(catalogue, profile, asked)
        else:
            skill_id = queue.pop(0) if queue else None
        if skill_id is None:
            break
        asked.add(skill_id)
        answer = _ask(
            console, question(f"Your level in {catalogue.skill(skill_id).name}?"), LEVEL_WORDS, None
        )
        skills = {k: v for k, v in profile.skills.items() if k != skill_id}
        lacking = tuple(s for s in profile.lacking if s != skill_id)
        if answer:
            skills[skill_id] = levels[answer - 1]
        else:
            lacking += (skill_id,)
        profile = checked_profile(
            swe=swe, ml=ml, comm=comm, skills=skills, lacking=lacking, wants=profile.wants
        )
    return profile
