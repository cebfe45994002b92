"""Whether an ad is in English: triage reads no other language, and says so."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Invoke
from mlroles.adlanguage import in_english
from mlroles.catalogue import Catalogue
from mlroles.triage import NOT_ENGLISH, triage

GERMAN = """\
Machine Learning Engineer (m/w/d)

Ihre Aufgaben
- Sie entwickeln und trainieren Modelle mit PyTorch und bringen sie mit Docker und
  Kubernetes in die Produktion.
- Sie arbeiten eng mit dem Team für Data Engineering zusammen und betreuen die
  Pipelines auf AWS.

Ihr Profil
- Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung.
- Sehr gute Kenntnisse in Python, SQL und MLOps sowie Erfahrung mit MLflow.
"""

CHINESE = """\
机器学习工程师

岗位职责
1. 负责推荐系统中深度学习模型的训练、评估与上线部署,使用 PyTorch 与 Kubernetes。
2. 搭建并维护模型监控与数据管道,保证线上服务稳定。
任职要求
1. 熟练掌握 Python、SQL,熟悉 Spark、Kafka 等大数据工具。
2. 有 MLOps 或模型部署经验者优先。
"""

ENGLISH_WITH_A_GERMAN_BLURB = """\
Machine Learning Engineer

Über uns: Wir sind ein Familienunternehmen aus Hamburg mit über 200 Mitarbeitenden.

What you will do
- Train and deploy models with PyTorch, and keep them running on Kubernetes.
- Work with our data engineers on the pipelines that feed them.

What we are looking for
- Strong Python and SQL, and experience with MLflow or a similar tool.
"""


def test_english_ads_are_english_and_others_are_not() -> None:
    assert in_english(ENGLISH_WITH_A_GERMAN_BLURB)
    assert not in_english(GERMAN)
    assert not in_english(CHINESE)


def test_text_too_short_to_tell_counts_as_english() -> None:
    assert in_english("Data Scientist\n\nPython, SQL\n")
    assert in_english("机器学习")
    assert in_english("")


def test_an_ad_in_another_language_cannot_be_told(catalogue: Catalogue) -> None:
    for text in (GERMAN, CHINESE):
        result = triage(catalogue, text)
        # Terms match (PyTorch, Kubernetes, MLOps), but the tool cannot read the ad.
        assert result.terms_found >= 3
        assert result.decided is False and result.warning is None
        assert result.verdict == NOT_ENGLISH
    assert triage(catalogue, ENGLISH_WITH_A_GERMAN_BLURB).decided is True


def test_cli_an_ad_in_another_language_says_so_and_exits_0(invoke: Invoke, tmp_path: Path) -> None:
    ad = tmp_path / "stelle.txt"
    ad.write_text(GERMAN, encoding="utf-8")
    result = invoke("triage", str(ad), width=80)
    assert result.exit_code == 0 and result.stderr == ""
    assert f"Verdict: {NOT_ENGLISH}" in result.stdout
    data = json.loads(invoke("triage", str(ad), "-f", "json").stdout)
    assert data["decided"] is False and data["verdict"] == NOT_ENGLISH


TERSE_US = """\
Data Scientist
Chicago, IL (hybrid)

Skills: Python, SQL, pandas, scikit-learn, XGBoost, Airflow, dbt, Snowflake, Tableau.
PhD from MIT or similar; see Ho et al., 2020 for the kind of models we build.
Apply: jobs@acme.com or https://acme.com/careers/data-scientist?src=la
"""

POLISH = """\
Inżynier uczenia maszynowego

Zakres obowiązków
- Projektowanie i trenowanie modeli uczenia maszynowego w PyTorch, wdrażanie ich na
  Kubernetes oraz monitorowanie jakości w środowisku produkcyjnym.
- Współpraca z zespołem inżynierii danych przy budowie potoków przetwarzania danych.
Wymagania
- Bardzo dobra znajomość języka Python i SQL, doświadczenie z chmurą AWS lub GCP.
"""

GERMAN_BLURB_OVER_ENGLISH_DUTIES = """\
Machine Learning Engineer

Die Muster GmbH ist ein mittelständisches Familienunternehmen mit Sitz in München und ist
seit über 50 Jahren ein führender Anbieter von Lösungen für die Industrie. Wir sind stolz auf
unsere Kultur und die Zusammenarbeit mit unseren Kunden in der ganzen Welt und sind ein
verlässlicher Partner für die Automobilindustrie und den Maschinenbau. Unsere Werte sind
Vertrauen, Verantwortung und Innovation, und wir leben sie jeden Tag mit mehr als 2000
Mitarbeitenden an 30 Standorten, die sich auf ihre Arbeit bei uns freuen.

Your role
- Build and deploy ML models for predictive maintenance
- Own the pipeline from data to production

Your profile
- MSc in CS, 3+ years of Python, PyTorch and Docker
"""


def test_terse_english_with_addresses_places_and_citations_is_english(
    catalogue: Catalogue,
) -> None:
    # "com", "il", "mit", "et al", "la" are no evidence of another language.
    assert in_english(TERSE_US)
    assert triage(catalogue, TERSE_US).verdict != NOT_ENGLISH


def test_a_language_neither_list_knows_is_told_by_its_letters() -> None:
    assert not in_english(POLISH)


def test_english_duties_under_a_german_blurb_are_an_english_ad(catalogue: Catalogue) -> None:
    assert not in_english(GERMAN_BLURB_OVER_ENGLISH_DUTIES)  # the whole text alone
    result = triage(catalogue, GERMAN_BLURB_OVER_ENGLISH_DUTIES)
    assert result.verdict != NOT_ENGLISH and result.decided
