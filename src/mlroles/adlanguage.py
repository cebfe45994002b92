"""Whether a job ad is written in English, the only language triage's terms are in.

An ad in Chinese or Japanese still names PyTorch, NPU or SoC in Latin letters, and an ad
in German or French shares words such as "Python" and "Machine Learning" with English, so
a handful of terms can match in an ad the tool cannot read. The checks, linear in the text
(URLs and e-mail addresses left out): most of its letters must be Latin; the commonest
function words of German, French, Spanish, Portuguese, Italian and Dutch must not clearly
outnumber English ones (at least 5, and more than twice as many); and a text with almost no
English function words must not be full of letters English lacks (Polish, Czech,
Vietnamese). On 411 of the postings the corpus' ads were paraphrased from, as the search
tool stored them (34 in those languages or Chinese, 377 in English), and the corpus' 756
English ads, the checks tell every one apart (session 9). Text too short to tell counts as
English, and an ad whose duties and requirements read as English is English whatever its
company blurb or benefits are written in.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # runs of Latin letters
_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters of any script
_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_MIN_LETTERS = 40  # fewer letters than this: too short to tell
_MIN_WORDS = 20
_LATIN_SHARE = 0.75  # at least this share of the letters are Latin
_FEW_ENGLISH = 0.02  # English function words are some 30 % of English prose, not 2 %
_ACCENTED_SHARE = 0.03  # of the letters: Polish, Czech, Vietnamese; English names stay below

# Function words of one list that are not words of the other, nor common in English ads as
# names, codes or abbreviations ("in", "a", "de", "do"; "mit", "il", "la", "com", "et al").
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
        der das und ist für wir sie ein eine den dem auf nicht oder sich bei zur zum
        les pour avec vous nous une est dans sur aux
        el las del para con por su uma com
        gli della che è nel sono het een voor zijn
        """,
    )
)  # German; French; Spanish and Portuguese; Italian and Dutch


def in_english(text: str, body: str = "") -> bool:
    """Whether the ad reads as English, or is too short to tell. An ad is refused only on
    clear evidence: terse ads of tool lists have few function words of any language. When
    the whole text reads as foreign, `body` (its duties and requirements) decides if it is
    long enough to: a long company blurb in German over English duties is an English ad."""
    whole = _reads_as_english(text)
    return whole is not False or _reads_as_english(body) is True


def _reads_as_english(text: str) -> bool | None:
    """True or False, or None when the text is too short to tell."""
    # URLs and e-mail addresses say nothing of the language (split, not a regex: linear).
    text = " ".join(w for w in text.split() if "@" not in w and "://" not in w and "www." not in w)
    letters = sum(map(len, _LETTERS.findall(text)))
    if letters < _MIN_LETTERS:
        return None
    latin = sum(map(len, _WORD.findall(text)))
    if latin < _LATIN_SHARE * letters:
        return False
    english = other = words = 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        words += 1
        english += word in _ENGLISH
        other += word in _OTHER
    if words < _MIN_WORDS:
        return None
    if other >= 5 and other > 2 * english:
        return False
    # A language with neither list's words: few English ones, and letters English lacks.
    few = english < _FEW_ENGLISH * words
    return not (few and len(_ACCENTED.findall(text)) > _ACCENTED_SHARE * letters)
