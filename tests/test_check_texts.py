"""The checks' titles, remedies and rationales in Dutch (checks/nl.yaml, read by pac.check_texts): every check of
the catalogue has all three, nothing else is there, each keeps the English text's citations, numbers and dates,
and a report in Dutch shows them; a check without a Dutch text keeps its English one, marked so."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import pac_checks
from pac import Engine
from pac.check_texts import Translations, translated
from pac.checking import CheckText
from pac.reports import html
from reports_support import BASIS, CHECKS, Element, parse, sample_run

CATALOGUE = [c for c in Engine.from_plugins().checks if c.translations is pac_checks.TRANSLATIONS]
DUTCH = pac_checks.TRANSLATIONS.texts["nl"]


def test_every_check_of_the_catalogue_has_its_texts_in_dutch_and_no_other_id_is_there():
    assert len(CATALOGUE) == len(pac_checks.pac_checks()) > 60
    assert sorted(DUTCH) == sorted(c.id for c in CATALOGUE)
    for check in CATALOGUE:
        text = check.text("nl")
        assert text.lang == "nl" and text == DUTCH[check.id]
        assert all((text.title, text.remedy, text.rationale)), check.id
        assert check.text("en") == CheckText(check.title, check.remedy, check.rationale)


@pytest.mark.parametrize("check", CATALOGUE, ids=lambda c: c.id)
def test_a_dutch_text_keeps_what_the_english_one_cites(check):
    """The same numbers (articles, paragraphs, dates, periods, case numbers), the same guidelines and judgments,
    the same identifiers and check ids; citations in the Dutch form (pac.citations), no English statute name."""
    dutch = check.text("nl")
    for english, translation in ((check.title, dutch.title), (check.remedy, dutch.remedy),
                                 (check.rationale, dutch.rationale)):
        assert set(re.findall(r"\d+", english)) <= set(re.findall(r"\d+", translation)), english
        kept = set(re.findall(r"``[^`]+``|WP\d+ rev\.\d+|WP\d+|C-\d+/\d+", english))
        kept |= {w for w in re.findall(r"[a-z]+(?:-[a-z]+)+", english) if w in DUTCH}
        assert {k for k in kept if k not in translation} == set(), check.id
        assert not re.search(r"\bGDPR\b|\b[Aa]rt\. \d+\(|\bCJEU\b|\bRecital\b", translation), translation
    assert len(dutch.rationale.split("\n\n")) == len(check.rationale.split("\n\n"))  # the same paragraphs


def test_a_malformed_entry_is_refused_with_its_file_and_id(tmp_path: Path):
    file = tmp_path / "nl.yaml"
    file.write_text("legal-basis-stated:\n  title: Titel\n  remedy: Herstel\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"nl\.yaml: legal-basis-stated: give exactly title, remedy, rationale"):
        Translations({"nl": file})("legal-basis-stated", "nl")
    file.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="must map check ids to their texts"):
        Translations({"nl": file})("legal-basis-stated", "nl")


@pytest.fixture
def dutch_run(tmp_path: Path):
    """The sample run with one check translated into Dutch; its others (a third party's) are not."""
    file = tmp_path / "nl.yaml"
    file.write_text(f"{BASIS.id}:\n  title: De regel van de grondslag\n  remedy: Doe wat de regel vraagt.\n"
                    "  rationale: |\n    Waarom de regel geldt.\n\n    Zijn bronnen.\n", encoding="utf-8")
    checks = translated([BASIS], Translations({"nl": file})) + [c for c in CHECKS if c is not BASIS]
    return dataclasses.replace(sample_run(), checks=tuple(checks))


def _catalogue_entry(page: str, id: str) -> Element:
    return next(d for d in parse(page)[0].iter("div", class_="check") if d.attrs["id"] == f"check-{id}")


def test_a_dutch_report_shows_a_checks_dutch_texts_and_marks_the_rest_english(dutch_run):
    page = html.render(dutch_run, "nl")
    entry = _catalogue_entry(page, BASIS.id)
    assert "De regel van de grondslag" in entry.text() and "Zijn bronnen." in entry.text()
    assert 'lang="en"' not in str(entry.attrs) and all(
        "lang" not in e.attrs for e in entry.iter() if e.tag in ("span", "p"))
    assert "The sample-basis rule" not in page and "Do what sample-basis asks." not in page
    assert "<strong>Herstel:</strong> <span>Doe wat de regel vraagt.</span>" in page  # the findings' remedy too
    other = _catalogue_entry(page, "sample-notice")
    assert '<span lang="en">The sample-notice rule</span>' in page and "Why sample-notice holds." in other.text()
    assert "Betreft:</strong> <span>doeleinden</span>" in page and "Betreft:</strong> <span>de privacyverklaring</span>" in page
    assert "art. 6 lid 1 AVG; art. 13 lid 1 sub c AVG" in entry.text() and "GDPR Art." not in page
    assert '<li lang="en">waiver of sample-clean matched no finding' in page  # the engine's notes are English
    # the filter's values are the provisions as the findings carry them
    assert '<option>art. 13 AVG</option>' in page and 'data-provisions="art. 6 AVG|art. 13 AVG"' in page


def test_an_english_report_is_as_it_was(dutch_run):
    assert html.render(dutch_run) == html.render(sample_run())


def test_a_remedy_a_check_wrote_for_its_finding_stays_as_written(dutch_run):
    check = dutch_run.checks[0]
    assert html.remedy_of(check.remedy, check, "nl").remedy == "Doe wat de regel vraagt."
    assert html.remedy_of("Something particular.", check, "nl") == CheckText("", "Something particular.", "")
    assert html.remedy_of(check.remedy, None, "nl").lang == "en"
