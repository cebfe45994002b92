"""Write a large synthetic catalogue overlay, to measure how mlroles scales.

    python benchmarks/generate_catalogue.py OUT_DIR [--roles 5000] [--skills 20000] [--format json]
        [--realistic]

The overlay is a directory of files (200 roles or 2,000 skills each) that
loads on top of the bundled catalogue (or alone, with --no-bundled). Content is
deterministic (seeded), so two runs write the same files.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any, TypedDict

ROLES_PER_FILE = 200
SKILLS_PER_FILE = 2000
CATEGORIES = [
    "software-engineering",
    "machine-learning",
    "maths-statistics",
    "data",
    "infrastructure",
    "research",
    "product-business",
    "communication",
]
LEVELS = ["awareness", "working", "practitioner", "expert"]
WORDS = [
    "model",
    "data",
    "pipeline",
    "deploy",
    "train",
    "evaluate",
    "monitor",
    "research",
    "publish",
    "analyse",
    "report",
    "design",
    "build",
    "scale",
    "optimise",
    "serve",
    "label",
    "feature",
    "metric",
    "experiment",
    "platform",
    "cloud",
]


def cited(text: str) -> dict[str, Any]:
    return {"text": text, "sources": ["bench-source"]}


def sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_role(
    rng: random.Random, number: int, skills: int, per_role: int = 8, summary_words: int = 25
) -> dict[str, Any]:
    picked = rng.sample(range(skills), per_role)
    return {
        "id": f"bench-role-{number}",
        "name": f"Bench role {number}",
        "aliases": [f"br{number}"],
        "track": rng.choice(["research", "production"]),
        "summary": cited(sentence(rng, summary_words)),
        "goal": cited(sentence(rng)),
        "work_product": cited(sentence(rng)),
        "responsibilities": [cited(sentence(rng)) for _ in range(4)],
        "skills": [
            {"skill": f"bench-skill-{s}", "level": rng.choice(LEVELS), "sources": ["bench-source"]}
            for s in picked
        ],
        "tools": [
            {
                "name": f"Tool {rng.randrange(500)}",
                "kind": "engineering",
                "sources": ["bench-source"],
            }
            for _ in range(3)
        ],
        "backgrounds": [cited(sentence(rng))],
        "ml_need": cited(sentence(rng, 8)),
        "position": {
            "swe": rng.randrange(6),
            "ml": rng.randrange(6),
            "comm": rng.randrange(6),
            "rationale": sentence(rng),
            "sources": ["bench-source"],
        },
        "evidence": [
            {
                "term": rng.choice(WORDS),
                "signals": "data",
                "weight": 1.0,
                "sources": ["bench-source"],
            }
        ],
    }


def make_skill(rng: random.Random, number: int) -> dict[str, Any]:
    return {
        "id": f"bench-skill-{number}",
        "name": f"Bench skill {number}",
        "category": rng.choice(CATEGORIES),
        "description": sentence(rng, 10),
        "sources": ["bench-source"],
    }


def write(path: Path, data: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    else:
        import yaml

        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def declarations() -> dict[str, Any]:
    """The bundled catalogue's tracks and skill categories, cited to the benchmark source:
    the generated roles and skills use them, and they must load without the bundled ones."""
    import yaml

    from mlroles.layers import bundled_data_dir

    path = bundled_data_dir() / "tracks-and-categories.yaml"
    declared = yaml.safe_load(path.read_text(encoding="utf-8"))
    for kind in ("tracks", "skill_categories"):
        for item in declared[kind]:
            item["sources"] = ["bench-source"]
    return {kind: declared[kind] for kind in ("tracks", "skill_categories")}


class Shape(TypedDict):
    """How big each generated role is (the keyword arguments of `generate`)."""

    per_role: int
    summary_words: int


REALISTIC: Shape = {"per_role": 30, "summary_words": 43}
"""ESCO-like roles: 30 skills each and a summary of about 300 characters."""


def generate(
    out: Path,
    roles: int,
    skills: int,
    fmt: str = "json",
    *,
    per_role: int = 8,
    summary_words: int = 25,
) -> list[Path]:
    rng = random.Random(20261127)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "json" if fmt == "json" else "yaml"
    written = []
    source = {
        "sources": [
            {
                "id": "bench-source",
                "title": "Synthetic benchmark data",
                "author": "mlroles",
                "kind": "generated",
                "contributes": "Nothing real: load for benchmarks only.",
            }
        ]
    }
    written.append(out / f"00-sources.{suffix}")
    write(written[-1], source, fmt)
    written.append(out / f"01-tracks-and-categories.{suffix}")
    write(written[-1], declarations(), fmt)
    for start in range(0, skills, SKILLS_PER_FILE):
        chunk = [make_skill(rng, n) for n in range(start, min(start + SKILLS_PER_FILE, skills))]
        written.append(out / f"10-skills-{start:06d}.{suffix}")
        write(written[-1], {"skills": chunk}, fmt)
    for start in range(0, roles, ROLES_PER_FILE):
        chunk = [
            make_role(rng, n, skills, per_role, summary_words)
            for n in range(start, min(start + ROLES_PER_FILE, roles))
        ]
        written.append(out / f"20-roles-{start:06d}.{suffix}")
        write(written[-1], {"roles": chunk}, fmt)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--roles", type=int, default=5000)
    parser.add_argument("--skills", type=int, default=20000)
    parser.add_argument("--format", choices=["json", "yaml"], default="json")
    parser.add_argument(
        "--realistic", action="store_true", help="30 skills a role, 300-character summaries"
    )
    args = parser.parse_args()
    if args.realistic:
        files = generate(args.out, args.roles, args.skills, args.format, **REALISTIC)
    else:
        files = generate(args.out, args.roles, args.skills, args.format)
    biggest = max(path.stat().st_size for path in files)
    print(f"wrote {len(files)} files to {args.out}; largest {biggest} bytes")


if __name__ == "__main__":
    main()
