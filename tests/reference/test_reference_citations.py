"""Every packaged fact keeps its citation: sources that resolve, and its verification status."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from pac.reference import Citation, Reference

REF = Reference.packaged()


def every_row(ref: Reference) -> Iterator[Any]:
    """Every row object the API hands out."""
    yield from (ref.country(code) for code in ref.countries())
    yield from ref.eea_states()
    yield from (ref.not_eea_reminder(code) for code in ("GB", "CH", "FO"))
    yield from (decision for code in ref.countries() for decision in ref.adequacy_decisions(code))
    yield ref.decision("INT-EPO")
    yield from ref.transfer_tools()
    yield from ref.scc_versions()
    yield from ref.legal_bases()
    yield from ref.art9_conditions()
    yield from ref.special_categories()
    yield ref.criminal_data
    yield ref.art9_national_note("NL")
    yield from ref.notice_items()
    yield from ref.notice_rules()
    yield from ref.retention_rules()
    yield ref.consent_age_rule
    yield from (ref.consent_age(code) for code in ref.countries())
    yield from ref.obligations(include_proposals=True)


def citations(value: Any) -> Iterator[Citation]:
    """The citations in a row, including those of its notes and events."""
    if isinstance(value, Citation):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from citations(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from citations(item)


ALL_CITATIONS = [citation for row in every_row(REF) for citation in citations(row)]


def test_every_row_has_a_citation():
    rows = list(every_row(REF))
    assert len(rows) > 600
    assert all(isinstance(row.citation, Citation) for row in rows)


def test_every_cited_source_resolves_to_a_packaged_source():
    cited = {source for citation in ALL_CITATIONS for source in citation.sources}
    assert cited <= REF.sources.keys()
    assert {"S01", "S23", "S47", "ISO3166"} <= cited


def test_sources_of_the_research_note_and_the_country_list():
    research = [s for s in REF.sources if not s.startswith("RCP-") and not s[:3] in ("NL-", "DE-", "BE-", "FR-", "UK-")]  # RCP-*: the well-known recipients' sources
    assert len(research) == 47  # S01-S47 without S45 and S46, S48 (Privacy Shield scope), ISO3166
    assert len(REF.sources) - len(research) == 19 + 11 + 6  # 19 well-known recipients' sources, 11 of national law,
    # 6 of UK law on transfers (UK-EXIT-2019, UK-SCH21, UK-KR, UK-US, UK-IDTA, UK-DUAA)
    assert REF.sources["S01"].title == "Regulation (EU) 2016/679 (GDPR)"
    assert REF.sources["S01"].note is not None
    assert REF.sources["ISO3166"].url == "https://salsa.debian.org/iso-codes-team/iso-codes"


def test_rows_without_sources_are_unverified():
    assert all(citation.unverified for citation in ALL_CITATIONS if not citation.sources)


@pytest.mark.parametrize("decision", ["CH", "FO", "GG", "IM", "JE", "NZ", "US-SAFE-HARBOR"])
def test_decisions_with_unverified_dates_say_so(decision: str):
    citation = REF.decision(decision).citation
    assert citation.unverified
    assert "adopted" in citation.unverified_fields and "in_force" in citation.unverified_fields


def test_unverified_rows_are_marked():
    assert REF.obligation("prior_consultation_sa_advice").citation.unverified
    assert all(REF.consent_age(code).citation.unverified for code in ("SI", "IS", "LI"))
    assert all(condition.citation.unverified for condition in REF.art9_conditions())
    assert REF.art9_national_note("NL").citation.unverified
    assert REF.retention_rule("nl_fiscal_administration").citation.unverified_fields == ("start",)
    assert "in_force" in REF.decision("BR").citation.unverified_fields


def test_verified_rows_are_not_marked():
    for citation in (REF.decision("US-DPF").citation, REF.obligation("breach_notify_sa").citation,
                     REF.consent_age("NL").citation, REF.eea_state("NO").citation):
        assert not citation.unverified
        assert citation.unverified_fields == ()


def test_compound_verification_strings_are_kept_verbatim():
    assert REF.decision("CH").citation.verification == "primary (number, status); unverified (date)"
    assert REF.decision("GB").citation.verification == (
        "primary (2021 decision, sunset); secondary (2025 decision numbers, expiry 2031-12-27)")


ARTICLE = re.compile(r"GDPR Art\. \d+")


def test_articles_use_one_citation_form():
    articles = [tool.article for tool in REF.transfer_tools()]
    articles += [basis.article for basis in REF.legal_bases()]
    articles += [condition.article for condition in REF.art9_conditions()]
    articles += [item.art13 for item in REF.notice_items() if item.art13]
    articles += [item.art14 for item in REF.notice_items() if item.art14]
    articles += [row.article for row in REF.obligations() if row.article]
    assert all(ARTICLE.match(article) for article in articles)
    assert len(articles) > 60
