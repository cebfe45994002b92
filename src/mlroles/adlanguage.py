"""Whether a job ad is written in English, the only language triage's terms are in.

An ad in Chinese or Japanese still names PyTorch, NPU or SoC in Latin letters, and an ad
in German or French shares words such as "Python" and "Machine Learning" with English, so
a handful of terms can match in an ad the tool cannot read. Two checks, both linear in the
text: most of its letters must be Latin, and among its words the commonest English function
words must outnumber those of the languages other than English that job ads most often come
in here (German, French, Spanish, Portuguese, Italian, Dutch). On 411 of the postings the
corpus' ads were paraphrased from, as the search tool stored them (34 in those languages or
Chinese, 377 in English), and the corpus' 756 English ads, the two checks tell every one
apart (session 9). Text too short to tell counts as English.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")  # runs of Latin letters
_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters of any script
_MIN_LETTERS = 40  # fewer letters than this: too short to tell
_MIN_WORDS = 20
_LATIN_SHARE = 0.75  # at least this share of the letters are Latin

# Function words that are not also words of the other list ("in", "a", "de", "do" are in none).
_ENGLISH = frozenset(
    re.findall(
        r"\S+",
        """
        the and of to for with you we our is are will be on as or your this that an by at
        from have can us who it their
        """,
    )
)
_OTHER = frozenset(
    re.findall(
        r"\S+",
        """
        der die das und ist mit für wir sie ein eine den dem des auf nicht oder sich bei zur
        zum
        le la les et du pour avec vous nous une est dans sur par au aux
        el los las y del para con por lo al su os da dos em uma com
        il gli di della che è nel sono het en van een voor met zijn op
        """,
    )
)  # German; French; Spanish and Portuguese; Italian and Dutch


def in_english(text: str) -> bool:
    """Whether the ad reads as English, or is too short to tell."""
    letters = sum(map(len, _LETTERS.findall(text)))
    if letters < _MIN_LETTERS:
        return True
    latin = sum(map(len, _WORD.findall(text)))
    if latin < _LATIN_SHARE * letters:
        return False
    english = other = words = 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        words += 1
        english += word in _ENGLISH
        other += word in _OTHER
    return words < _MIN_WORDS or english >= other
