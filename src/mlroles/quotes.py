"""Which excerpts of a job ad's lines to quote, so that every term triage matched shows.

Triage keeps, for each matched term, an excerpt of its line cut around the term; a long
line matched in several places has several. The evidence a person sees quotes each line
once, with the fewest excerpts that show all its terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .triage import Evidence, by_line


def quoted_lines(evidence: Sequence[Evidence]) -> list[tuple[int, str, list[str], str]]:
    """`triage.by_line`, each line quoted so that every matched term shows (issue 18,
    item 6): each term's excerpt is cut around it, so a long line matched in two places
    is quoted by two excerpts, the one that shows most first."""
    excerpts: dict[int, list[str]] = {}
    for item in evidence:
        if item.excerpt not in excerpts.setdefault(item.line, []):
            excerpts[item.line].append(item.excerpt)
    return [
        (number, _joined(_covering(terms, excerpts[number])), terms, section)
        for number, _, terms, section in by_line(evidence)
    ]


def _joined(quotes: Sequence[str]) -> str:
    """Excerpts of one line as one quote, a single `…` where text is left out between them."""
    inner = [q.removesuffix("…") for q in quotes[:-1]] + list(quotes[-1:])
    return inner[0] + "".join(" … " + q.removeprefix("…") for q in inner[1:]) if inner else ""


def _covering(terms: Sequence[str], excerpts: Sequence[str]) -> list[str]:
    """Fewest excerpts (greedily) that between them show every one of `terms`."""
    chosen: list[str] = []
    missing = set(terms)
    while missing:
        best = max(excerpts, key=lambda text: len(_terms_shown(missing, text)))
        shown = _terms_shown(missing, best)
        if not shown:
            break
        missing -= shown
        for index, earlier in enumerate(chosen):
            merged = merged_excerpt(earlier, best)
            if merged is not None:  # cut from overlapping stretches of the line: one quote
                chosen[index] = best = merged
                break
        else:
            chosen.append(best)
    return chosen or list(excerpts[:1])


def merged_excerpt(first: str, second: str) -> str | None:
    """Two excerpts of one line as one, where one holds the other or they overlap."""
    a, b = first.strip("…"), second.strip("…")
    if b in a:
        return first
    if a in b:
        return second
    for head, tail, x, y in ((first, second, a, b), (second, first, b, a)):
        for size in range(min(len(x), len(y)) - 1, 9, -1):  # an overlap of ten or more
            if x.endswith(y[:size]):
                lead = "…" if head.startswith("…") else ""
                return lead + x + y[size:] + ("…" if tail.endswith("…") else "")
    return None


def _terms_shown(terms: Iterable[str], excerpt: str) -> set[str]:
    """Which of `terms` (a `*` ends a stem) `excerpt` shows every word of."""
    text = excerpt.casefold()
    return {t for t in terms if all(w.rstrip("*") in text for w in t.casefold().split())}
