"""Is the catalogue true to its sources? Checks on the raw catalogue files against the seeds.

Used by `test_fidelity.py`, which runs them on the bundled catalogue and shows that each
check catches a planted fault. The checks read the YAML as written (not the validated
model), so they see every string a reader will see, wherever it sits.

Evidence terms (`evidence:` lists) are left out: they are job-ad matching words, checked
separately.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

COPY_RUN = 12
"""A run of this many words shared with a seed counts as copied."""
CORPUS_SOURCES = frozenset({"job-ad-corpus"})
"""Sources that are no seed: the job-ad corpus, whose claims tests/test_corpus.py checks
against the ads themselves."""

LABELS = {"id", "name", "aliases", "track", "roles", "topic", "remove_roles"}
"""Keys whose strings are names and ids, not claims: they need no citation."""

OUTLOOK_FIELDS = ("figure", "measure", "origin", "period")

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

REPO = Path(__file__).resolve().parents[1]


def find_seeds() -> Path | None:
    """The seed documents: `$MLROLES_SEEDS` when it is set (and only there), else
    `<repo>/../shared/seeds` (where CI keeps them), else `/work/shared/seeds`; None when
    the place looked in holds none."""
    chosen = os.environ.get("MLROLES_SEEDS")
    candidates = [chosen] if chosen else [REPO.parent / "shared" / "seeds", "/work/shared/seeds"]
    for candidate in candidates:
        if any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    return None


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def load(directory: Path) -> dict[str, Any]:
    """Every catalogue file under `directory`, parsed, by its path relative to it."""
    return {
        path.relative_to(directory).as_posix(): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(directory.rglob("*.yaml"))
    }


def _has_citation(node: dict[str, Any]) -> bool:
    sources = node.get("sources")
    return (bool(sources) and isinstance(sources, list)) or node.get("reading") is True


def _is_label(value: Any) -> bool:
    """A name or a list of names (the top-level `roles:` collection is no label)."""
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(item, str) for item in value)
    )


def strings(node: Any, path: str = "", cited: bool = False) -> Iterator[tuple[str, str, bool]]:
    """(path, text, cited) for every claim string: `cited` when it sits inside a mapping
    that cites sources (or says it is the catalogue's own reading). Source-id lists,
    labels and evidence terms are skipped."""
    if isinstance(node, dict):
        cited = cited or _has_citation(node)
        for key, value in node.items():
            if key in ("sources", "evidence") or (key in LABELS and _is_label(value)):
                continue
            yield from strings(value, f"{path}.{key}" if path else str(key), cited)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from strings(item, f"{path}[{index}]", cited)
    elif isinstance(node, str):
        yield path, node, cited


def _citations(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, source id) for every citation outside evidence terms."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "evidence":
                continue
            if key == "sources" and isinstance(value, list) and path:
                for source_id in value:
                    yield f"{path}.sources", str(source_id)
            else:
                yield from _citations(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _citations(item, f"{path}[{index}]")


class Seeds:
    """The seed texts, and which seed each source id (or alias) stands for."""

    def __init__(self, seed_dir: Path, catalogue: dict[str, Any]) -> None:
        self.text = {p.stem: p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))}
        self.seed_of: dict[str, str] = {}
        for document in catalogue.values():
            for source in (document or {}).get("sources", []) if isinstance(document, dict) else []:
                names = [source.get("id"), *source.get("aliases", [])]
                seed = next((name for name in names if name in self.text), None)
                if seed is not None:
                    self.seed_of.update(dict.fromkeys(names, seed))
        self._runs: dict[tuple[str, ...], str] = {}
        for stem, text in self.text.items():
            found = words(text)
            for i in range(len(found) - COPY_RUN + 1):
                self._runs.setdefault(tuple(found[i : i + COPY_RUN]), stem)

    def copied_run(self, text: str) -> tuple[str, str] | None:
        """The first run of COPY_RUN words `text` shares with a seed, and that seed."""
        found = words(text)
        for i in range(len(found) - COPY_RUN + 1):
            run = tuple(found[i : i + COPY_RUN])
            if run in self._runs:
                return " ".join(run), self._runs[run]
        return None


def check(data_dir: Path, seed_dir: Path) -> list[str]:
    """Every fidelity problem in the catalogue at `data_dir`, one line each."""
    catalogue = load(data_dir)
    seeds = Seeds(seed_dir, catalogue)
    problems: list[str] = []
    for name, document in catalogue.items():
        for path, text, cited in strings(document):
            if not cited and not path.startswith("sources["):
                problems.append(f"{name}: {path}: uncited text {text!r}")
            copy = seeds.copied_run(text)
            if copy:
                problems.append(f"{name}: {path}: copies {copy[0]!r} from {copy[1]}")
        for path, source_id in _citations(document):
            if source_id not in seeds.seed_of and source_id not in CORPUS_SOURCES:
                problems.append(f"{name}: {path}: cites {source_id!r}, which is no seed document")
        problems += _figures(name, document, seeds)
    return problems


def _figures(name: str, document: Any, seeds: Seeds) -> list[str]:
    """Numbers in outlook entries that none of the entry's cited seeds contains."""
    problems = []
    roles = document.get("roles", []) if isinstance(document, dict) else []
    for r, role in enumerate(roles):
        for o, figure in enumerate(role.get("outlook", [])):
            cited = [seeds.text[seeds.seed_of[s]] for s in figure["sources"] if s in seeds.seed_of]
            in_seeds = set().union(*(numbers(text) for text in cited))
            for field in OUTLOOK_FIELDS:
                for number in sorted(numbers(str(figure.get(field, ""))) - in_seeds):
                    path = f"roles[{r}].outlook[{o}].{field}"
                    problems.append(f"{name}: {path}: {number} is not in the cited source")
    return problems
