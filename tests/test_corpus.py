"""The job-ad corpus in corpus/: every ad labelled, every label valid, splits fixed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from benchmark_modules import load_benchmark
from mlroles.catalogue import Catalogue

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))["ads"]
SPLITS = load_benchmark("corpus").SPLITS
REQUIRED = {"url", "found", "employer", "sector", "title", "role", "also", "misleading_title"}


def test_every_ad_has_a_label_and_every_label_an_ad() -> None:
    files = {path.stem for path in (CORPUS / "ads").glob("*.txt")}
    assert files == set(LABELS)


@pytest.mark.parametrize("ad_id", sorted(LABELS))
def test_label_is_complete_and_valid(catalogue: Catalogue, ad_id: str) -> None:
    label = LABELS[ad_id]
    assert set(label) >= REQUIRED, REQUIRED - set(label)
    assert label["split"] in SPLITS
    role = catalogue.role(label["role"])
    assert role.evidence, f"{role.id} has no evidence terms to be found by"
    for other in label["also"]:
        assert catalogue.role(other).id != role.id
    if "variant" in label:
        assert label["variant"] in {v.id for v in role.variants}
    assert str(label["url"]).startswith(("http://", "https://"))
    text = (CORPUS / "ads" / f"{ad_id}.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0].strip() == str(label["title"]).strip()
    assert len(text.split()) >= 60, "too short to be an ad"


def test_the_corpus_is_large_and_varied_enough() -> None:
    roles = Counter(label["role"] for label in LABELS.values())
    assert len(LABELS) >= 300
    assert sum(1 for label in LABELS.values() if label["misleading_title"]) >= 0.2 * len(LABELS)
    urls = Counter(label["url"] for label in LABELS.values())
    assert urls.most_common(1)[0][1] == 1, "the same posting twice"
    for role, count in roles.items():
        splits = Counter(label["split"] for label in LABELS.values() if label["role"] == role)
        assert splits["test"] >= 1 and splits["dev"] >= 1, role
        assert count >= 5, role


SEEDS = [
    Path(__file__).resolve().parents[2] / "shared" / "seeds",
    Path("/work/shared/seeds"),
]


def _seed_texts() -> dict[str, str]:
    for folder in SEEDS:
        if folder.is_dir():
            return {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    return {}


def _train_ads() -> list[tuple[dict[str, object], str]]:
    """The ads evidence may be mined from: train, and the held-out splits already read."""

    fit = load_benchmark("corpus").FIT
    return [
        (label, (CORPUS / "ads" / f"{ad_id}.txt").read_text(encoding="utf-8"))
        for ad_id, label in LABELS.items()
        if label["split"] in fit
    ]


def test_evidence_terms_occur_where_they_are_cited(catalogue: Catalogue) -> None:
    """A term cited to a seed is in that seed; one cited to the corpus is in an ad of its
    role (or variant) that terms may be mined from. Nothing is read from dev or from the
    held-out split not yet read."""
    from mlroles.termmatch import term_found

    seeds = _seed_texts()
    if not seeds:
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    train = _train_ads()
    wrong = []
    for role in catalogue.roles:
        lists = [(None, role.evidence)] + [(v.id, v.evidence) for v in role.variants]
        for variant, terms in lists:
            ads = [
                text
                for label, text in train
                if label["role"] == role.id and (variant is None or label.get("variant") == variant)
            ]
            for term in terms:
                for source in term.sources:
                    if source == "job-ad-corpus":
                        ok = any(term_found(term.term, text, term.unless) for text in ads)
                    else:
                        seed = catalogue.source(source).aliases[0]  # the seed's file name
                        ok = term_found(term.term, seeds[seed], term.unless)
                    if not ok:
                        wrong.append(f"{role.id} {variant or ''} {term.term!r} not in {source}")
    assert wrong == []


def test_skill_phrases_for_ads_occur_in_the_corpus(catalogue: Catalogue) -> None:
    from mlroles.termmatch import term_found

    texts = [text for _, text in _train_ads()]
    missing = [
        f"{skill.id}: {phrase!r}"
        for skill in catalogue.skills
        if skill.in_ads is not None
        for phrase in (*skill.in_ads.terms, *skill.in_ads.hints)
        if not any(term_found(phrase, text) for text in texts)
    ]
    # A product is cited to the corpus too: some ad there writes it as the catalogue does,
    # as a name of its own ("Ray", not the end of "KubeRay").
    missing += [
        f"{skill.id}: {product!r}"
        for skill in catalogue.skills
        if skill.in_ads is not None
        for product in skill.in_ads.products
        if not any(re.search(rf"(?<!\w){re.escape(product)}(?!\w)", text) for text in texts)
    ]
    assert missing == []


def test_the_notes_on_product_titles_give_the_corpus_counts(catalogue: Catalogue) -> None:
    """The product manager and owner notes quote counts of the corpus: they must match it."""
    from mlroles.termmatch import term_found

    # The notes were written from the ads before the fresh held-out splits were collected.
    texts = [
        (CORPUS / "ads" / f"{i}.txt").read_text(encoding="utf-8")
        for i, label in sorted(LABELS.items())
        if label["split"] in ("train", "dev", "test")
    ]
    titled_pm = [t for t in texts if "product manager" in t.splitlines()[0].lower()]
    titled_po = [t for t in texts if "product owner" in t.splitlines()[0].lower()]
    roadmap = sum(term_found("roadmap*", t) for t in titled_pm)
    strategy = sum(term_found("strateg*", t) for t in titled_pm)
    timelines = sum(term_found("timeline*", t) for t in titled_pm)
    backlog = sum(term_found("backlog", t) for t in titled_po)
    pm_note = " ".join(n.text for n in catalogue.role("product-manager").notes).split()
    po_note = " ".join(n.text for n in catalogue.role("product-owner").notes).split()
    pm_text, po_text = " ".join(pm_note), " ".join(po_note)
    assert f"Of the {len(titled_pm)} ads titled product manager" in pm_text
    assert f"{roadmap} ask for a roadmap and {strategy} for product strategy" in pm_text
    assert timelines == 0 and "none speaks of timelines" in pm_text
    assert backlog == len(titled_po) and f"all {len(titled_po)} ads titled product owner" in po_text


def test_the_note_on_ai_architect_titles_gives_the_corpus_counts(catalogue: Catalogue) -> None:
    """The solutions architect's note quotes how many 'AI architect' ads describe its work."""
    # The note was written from the splits read by then: all but fresh7 and later ones.
    titled = [
        label["role"]
        for label in LABELS.values()
        if label["split"] in SPLITS[: SPLITS.index("fresh6") + 1]
        and re.search(r"\bAI\s+Architect\b", label["title"], re.IGNORECASE)
    ]
    ours = titled.count("ml-solutions-architect")
    note = " ".join(
        " ".join(n.text for n in catalogue.role("ml-solutions-architect").notes).split()
    )
    assert f"{ours} of the {len(titled)} ads with that title describe this role" in note
    assert ours * 2 > len(titled)  # most: what makes the title an alias of the role


def test_kappa_counts_agreement_beyond_chance() -> None:
    kappa = load_benchmark("label_agreement").kappa
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    # Half agree, as two raters who each say "a" or "b" at random would: no skill shown.
    assert kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == 0.0
    assert kappa([("a", "a"), ("a", "a"), ("b", "b"), ("a", "b")]) == pytest.approx(0.5)


def test_merge_points_at_one_posting_paraphrased_twice() -> None:
    corpus = load_benchmark("corpus")
    first = (
        "Data Analyst. Analyse user activity data to work out how scammers operate, bringing "
        "out patterns across listings, accounts, messaging and transactions. Track how active "
        "rules perform (precision, recall, false-positive rate) and tune them."
    )
    twin = (
        "Data Analyst. Dig into data on what users do to work out how scammers operate, "
        "bringing to light patterns across listings, accounts, messaging and transactions. "
        "Track how the live rules perform (precision, recall, false-positive rate)."
    )
    other = (
        "ML Engineer. Train ranking models in PyTorch, ship them behind low-latency services "
        "and watch them in production with dashboards and alerts for drift."
    )
    twins = corpus.likely_twins({"new-1": twin, "new-2": other}, {"old-1": first})
    assert [(a, b) for a, b, _ in twins] == [("new-1", "old-1")]
    titled = "Data Scientist - Research Sovereign AI\nBuild multimodal models for hospitals."
    retold = "Data Scientist - Research Sovereign AI\nTrain models on clinical text and images."
    assert [(a, b) for a, b, _ in corpus.likely_twins({"n": retold}, {"o": titled})] == [("n", "o")]
    title = "Senior Machine Learning Engineer\n"
    common = {
        "n": title
        + "Build fraud models on card transactions and serve them in real time to risk teams.",
        "m": title + "Own the ranking stack for a video feed, from features to online experiments.",
    }
    assert corpus.likely_twins(common, {}) == []
