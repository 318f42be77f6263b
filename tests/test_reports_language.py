"""`--lang nl`: report.html and report.md in Dutch throughout (pac's own words, from the one catalogue the
diagrams use too; Dutch country names; the checks' titles, remedies and rationales and the citations), the
findings' English messages marked as English, the output deterministic."""

from __future__ import annotations

import dataclasses
import html
import re
import string
from pathlib import Path
from typing import Any, Iterator

import pytest

from pac.messages import LANGUAGES, words
from pac.reports import tally
from reports_support import FINDINGS, Element, parse, sample_run
from test_reports_end_to_end import POLICIES, pac_check


SKIPPED = {"code", "title", "style", "script"}


def chrome(page: str) -> tuple[str, str]:
    """The text pac writes in the page's language, and the text marked ``lang="en"`` inside the page; neither
    holds code (ids, paths), the title, the style sheet or the script."""
    own: list[str] = []
    marked: list[str] = []

    def walk(element: Element, english: bool) -> None:
        english = english or (element.tag != "html" and element.attrs.get("lang") == "en")
        for child in element.children:
            if isinstance(child, str):
                (marked if english else own).append(child)
            elif child.tag not in SKIPPED:
                walk(child, english)

    walk(parse(page)[0], False)
    return " ".join(" ".join(own).split()), " ".join(" ".join(marked).split())


def leaves(value: Any) -> Iterator[str]:
    """Every string of a catalogue entry (a string, a pair, or a mapping of them)."""
    if isinstance(value, str):
        yield value
    else:
        for item in (value.values() if isinstance(value, dict) or hasattr(value, "values") else value):
            yield from leaves(item)


def english_left(text: str, provisions: set[str]) -> list[str]:
    """The catalogue's English words (each fixed piece of a message, six characters or more, whole words) that
    ``text`` holds where the Dutch catalogue says something else; citations of provisions do not count."""
    english, dutch = words("en"), words("nl")
    text = re.sub(r"``[^`]*``|\b\w+(?:\.\w+)+", "", text)  # identifiers (notice.draft) are not words
    left = []
    for key in english:
        for en, nl in zip(leaves(english[key]), leaves(dutch[key])):
            pieces = {p.strip(" .,:;()") for p in re.split(r"\{[^}]*\}|<[^>]*>", en)} - set(re.split(r"\W+", nl))
            for piece in pieces:
                if len(piece) >= 6 and not any(piece in p for p in provisions) and \
                        re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", text):
                    left.append(f"{key}: {piece!r}")
    return left


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, run_pac) -> dict[str, Path]:
    """The reports of the five encoded notices in English and in Dutch, and the Dutch ones once more."""
    out = tmp_path_factory.mktemp("language")
    return {name: pac_check(run_pac, POLICIES.parent, ["policies"], str(out / name), *options) for name, options in
            (("en", ()), ("nl", ("--lang", "nl")), ("nl-again", ("--lang", "nl")))}


def test_every_language_has_the_same_words_with_the_same_fields():
    english = words("en")
    fields = string.Formatter()
    for lang in LANGUAGES:
        catalogue = words(lang)
        assert catalogue.keys() == english.keys(), lang
        for key in english:
            pairs = list(zip(leaves(english[key]), leaves(catalogue[key]), strict=True))
            for en, other in pairs:
                assert {f for _, f, _, _ in fields.parse(en) if f} == {f for _, f, _, _ in fields.parse(other) if f}, key
    with pytest.raises(ValueError, match="lang must be one of en, nl"):
        words("de")


def test_the_dutch_report_has_no_english_of_its_own_left(reports):
    page = (reports["nl"] / "report.html").read_text(encoding="utf-8")
    provisions = {a for cell in re.findall(r"</code></a></td><td>([^<]*)</td>", page) for a in cell.split("; ")}
    assert len(provisions) > 40  # every check's citations, as the table of how each check ended gives them
    # the findings' messages are Dutch now; the declaration's names they quote ('...') stay as written
    assert english_left(re.sub(r"'[^']*'|\"[^\"]*\"", "", chrome(page)[0]), provisions) == []
    english = (reports["en"] / "report.html").read_text(encoding="utf-8")
    assert len(english_left(chrome(english)[0], provisions)) > 50  # the test has teeth


def test_the_dutch_report_gives_the_checks_texts_and_citations_in_dutch_and_says_which_texts_are_english(reports):
    page = (reports["nl"] / "report.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "AVG-auditrapport" in page
    titles = re.findall(r'<h3><code>([^<]+)</code> <span>([^<]+)</span>', page)
    assert len(titles) > 60 and not re.search(r'<h3><code>[^<]+</code> <span lang="en">', page)  # every check, Dutch
    assert ("legal-basis-stated", "Elk doeleinde heeft een rechtsgrond") in titles
    assert "<strong>Betreft:</strong> <span>doeleinden</span>" in page
    assert "<td>art. 6 lid 1 sub f AVG; art. 13 lid 1 sub d AVG</td>" in page  # the table of how each check ended
    assert "HvJ EU 16 juli 2020, C-311/18 (Schrems II)" in page and "GDPR Art." not in chrome(page)[0]
    assert "HubSpot Knowledge Base" in chrome(page)[1]  # the public facts of the reference data stay English, marked
    assert "De openbare feiten uit de referentiegegevens van pac" in page  # so, and the page says so
    english = (reports["en"] / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and ' lang="en"' not in english.replace('<html lang="en">', "")
    assert "<td>GDPR Art. 6(1)(f); GDPR Art. 13(1)(d)</td>" in english


def test_the_dutch_report_names_countries_roles_and_verdicts_in_dutch(reports):
    page = (reports["nl"] / "report.html").read_text(encoding="utf-8")
    text = chrome(page)[0]
    assert "Verenigde Staten (US)" in text and "United States" not in text
    assert "Nederland (NL)" in text and "Netherlands" not in text
    assert "geen geldig doorgifte-instrument" in text and "verwerker" in text
    for dutch, english in (("Adequaatheidsbesluit van de Commissie", "Commission adequacy decision"),  # transfer
                           ("Standaardbepalingen inzake gegevensbescherming", "Standard contractual clauses"),  # tools
                           ("EU-VS-privacyschild", "EU-US Privacy Shield")):
        assert dutch in text and english not in text
    assert ">fout<" in page  # severity badges
    assert 'content: "pagina " counter(page) " van " counter(pages)' in page  # the printed page numbers


def test_the_dutch_summary_is_in_dutch(reports):
    summary = (reports["nl"] / "report.md").read_text(encoding="utf-8")
    assert summary.startswith("## pac: AVG-toetsen per 2025-03-01")
    assert "| Organisatie | Fouten | Waarschuwingen | Info | Met ontheffing | Toetsen geslaagd |" in summary
    assert "Openstaande fouten en waarschuwingen" in summary and "- **fout** `" in summary
    assert "Errors" not in summary and "Open errors" not in summary


def test_the_same_input_gives_the_same_dutch_reports(reports):
    for name in ("report.html", "report.md"):
        assert (reports["nl"] / name).read_bytes() == (reports["nl-again"] / name).read_bytes()
    assert (reports["nl"] / "findings.json").read_bytes() == (reports["en"] / "findings.json").read_bytes()
    assert (reports["nl"] / "report.sarif").read_bytes() == (reports["en"] / "report.sarif").read_bytes()


def test_the_draft_banner_is_in_the_reports_language():
    run = sample_run()
    assert tally.draft_banner(run, "nl") is None
    drafted = dataclasses.replace(run, findings=(dataclasses.replace(FINDINGS[0], check=tally.DRAFT_CHECK),))
    assert tally.draft_banner(drafted, "nl").startswith("Niet-beoordeeld concept: de verklaring van acme ")
    assert tally.draft_banner(drafted).startswith("Unreviewed draft: the declaration of acme ")


def test_the_dutch_report_says_every_message_and_verdict_reason_in_dutch(reports):
    page = (reports["nl"] / "report.html").read_text(encoding="utf-8")
    messages = re.findall(r'<p class="message">.*?</p>', page, re.DOTALL)
    assert len(messages) > 100 and not [m for m in messages if 'lang="en"' in m]
    verdicts = re.findall(r'<td><span class="verdict-[a-z_]+">.*?</td>', page)  # the flows table's verdicts and why
    assert len(verdicts) > 20 and not [v for v in verdicts if 'lang="en"' in v]
    assert "De privacyverklaring vermeldt" in page and "The notice" not in chrome(page)[0]
    english = (reports["en"] / "report.html").read_text(encoding="utf-8")
    assert "The notice states no legal basis for" in english and "De privacyverklaring" not in english
