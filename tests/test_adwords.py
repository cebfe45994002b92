"""The words part of triage: an ad's words as the model counts them, and the shipped model."""

from __future__ import annotations

import math

import pytest

from mlroles.adreading import read_ad
from mlroles.adwords import (
    TITLE_MARK,
    TITLE_REPEAT,
    WordModel,
    ad_words,
    evidence,
    logits,
    model_from,
    part_for,
    shipped_model,
    vector,
)
from mlroles.catalogue import Catalogue

AD = """Senior Data Engineer

About us
We are a friendly payments company with a big warehouse of snacks.

What you will do
- Build batch pipelines in Airflow and dbt.
- You will not build dashboards.
- Partner with our data scientists on features.

Benefits
- Free lunch and pension.
"""


def test_the_words_counted_are_the_duties_not_the_blurb_or_the_benefits() -> None:
    words = ad_words(read_ad(AD))
    # stems, alone and in pairs: "pipelines" and "pipeline" are one word
    assert words.counts["pipelin"] == 1 and words.counts["batch_pipelin"] == 1
    assert {"airflow", "dbt", "build_batch"} <= set(words.counts)
    for blurb in ("friendly", "snack", "lunch", "pension"):
        assert not any(w.startswith(blurb) for w in words.counts), blurb
    # a negated clause and a team the hire works with are not the job's words
    assert not any(w.startswith("dashboard") for w in words.counts)
    assert not any(w.startswith("scientist") for w in words.counts)


def test_the_titles_words_count_three_times_as_words_of_their_own() -> None:
    words = ad_words(read_ad(AD))
    assert words.counts[TITLE_MARK + "senior"] == TITLE_REPEAT == 3
    assert words.counts[TITLE_MARK + "data_engineer"] == 3
    assert "senior" not in words.counts  # the title is not also read as a duty
    assert words.where[TITLE_MARK + "data_engineer"] == (1, "Data Engineer")
    # the body's words as the ad writes them, not as the tokens keep them
    assert words.where["airflow"] == (7, "Airflow") and words.where["dbt"] == (7, "dbt")
    assert words.where["batch_pipelin"] == (7, "batch pipelines")


def test_pairs_are_neighbouring_words_without_the_commonest_words() -> None:
    words = ad_words(read_ad("Role\n\nResponsibilities\n- Build the feature store for ranking"))
    assert "featur_stor" in words.counts and "stor_for" not in words.counts
    assert "for" not in words.counts and "the" not in words.counts


MODEL = WordModel(
    ("a", "b", "c"),
    (0.5, 0.0, -0.5),
    {"x": 1.0, "y": 2.0, "z": 1.5},
    {"x": [[0, 1.0]], "y": [[1, 2.0], [2, -1.0]]},
)


def test_the_vector_has_length_one_over_the_known_words() -> None:
    words = ad_words(read_ad("T\n\nResponsibilities\n- x x y unknown"))
    x = vector(MODEL, words)
    assert set(x) == {"x", "y"}
    assert math.isclose(sum(v * v for v in x.values()), 1.0)
    # (1 + ln 2) x idf 1 against (1 + ln 1) x idf 2
    assert x["x"] / x["y"] == pytest.approx((1 + math.log(2)) / 2)
    assert vector(MODEL, ad_words(read_ad("T\n\nResponsibilities\n- nothing known"))) == {}


def test_logits_are_centred_on_the_roles_mean() -> None:
    out = logits(MODEL, {"x": 0.6, "y": 0.8})
    assert sum(out) == pytest.approx(0.0)
    raw = [0.5 + 0.6, 0.0 + 1.6, -0.5 - 0.8]
    assert out == pytest.approx([v - sum(raw) / 3 for v in raw])


def test_a_role_the_words_do_not_know_gets_its_related_roles_part() -> None:
    parts = {"a": 2.0, "b": -1.0, "c": 0.5}
    assert part_for(parts, "a") == 2.0 and part_for(parts, "b") == -1.0
    # an unknown role is read by the words of the roles the catalogue relates it to
    assert part_for(parts, "users-own", ("b", "c", "not-in-the-model")) == 0.5
    assert part_for(parts, "users-own", ("b",)) == -1.0
    # with none the model knows, the median: its terms must outdo the words' favourites
    assert part_for(parts, "users-own", ("nowhere",)) == 0.5
    assert part_for(parts, "users-own") == 0.5
    assert part_for({}, "anything") == 0.0


def test_evidence_lists_the_words_that_add_most_once() -> None:
    words = ad_words(read_ad("Data Scientist\n\nResponsibilities\n- data data science"))
    model = WordModel(
        ("ds",),
        (0.0,),
        {TITLE_MARK + "data_scientist": 1.0, TITLE_MARK + "data": 1.0, "data": 1.0},
        {
            TITLE_MARK + "data_scientist": [[0, 3.0]],
            TITLE_MARK + "data": [[0, 2.0]],
            "data": [[0, 1.0]],
        },
    )
    (shown,) = evidence(model, vector(model, words), words, scale=2.0)
    # "Data" of the title says nothing "Data Scientist" has not said on the same line
    assert [(w.words, w.line) for w in shown] == [("Data Scientist", 1), ("data", 4)]
    assert shown[0].weight > shown[1].weight > 0


def test_the_shipped_model_is_whole(catalogue: Catalogue) -> None:
    model = shipped_model()
    known = {role.id for role in catalogue.roles}
    assert set(model.roles) <= known and len(model.roles) >= 14
    assert len(model.intercepts) == len(model.roles)
    assert len(model.idf) > 5000 and all(v >= 1.0 for v in model.idf.values())
    for word, weights in model.weights.items():
        assert word in model.idf
        assert all(0 <= int(i) < len(model.roles) and abs(w) >= 0.2 for i, w in weights)


def test_a_model_file_without_one_intercept_per_role_is_refused() -> None:
    with pytest.raises(ValueError, match="one intercept per role"):
        model_from({"roles": ["a", "b"], "intercepts": [0.1], "idf": {}, "weights": {}})
