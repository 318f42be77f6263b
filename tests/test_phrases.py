"""The findings' messages and the transfer verdicts' reasons in Dutch (pac.phrases, pac.phrasebook): every
message of the five seeds and of the evaluation suite is a phrase with a Dutch rendering, and it stays one across
processes (pytest-xdist, findings serialised) up to report.html and report.md."""

from __future__ import annotations

import dataclasses
import json
import pickle
import string
from datetime import date

import pytest
from markupsafe import escape

from evaluation.suite import discover, evaluate
from pac import Engine
from pac.flows import flows
from pac.phrases import Phrase, Term, from_data, said, say, to_data
from pac.phrasebook import phrasebook
from pac.reports import html, markdown
from pac.results import finding_from_dict, finding_to_dict
from pac.validation import schema
from reports_support import sample_run
from test_golden import AS_OF, findings, organisations
from test_plugin import ARGS, DECLARATION

STILL_ENGLISH: set[str] = set()
"""Checks whose messages are not phrases yet (each one shown in English on a Dutch report, marked so)."""


def fields(template: str) -> set[tuple[str, str | None]]:
    return {(f, c) for _, f, _, c in string.Formatter().parse(template) if f is not None}


def test_every_language_has_the_same_phrases_with_the_same_fields():
    english, dutch = phrasebook("en"), phrasebook("nl")
    assert english.keys() == dutch.keys()
    assert english["_joins"].keys() == dutch["_joins"].keys()
    for key in english.keys() - {"_joins"}:
        assert fields(english[key]) == fields(dutch[key]), key  # a language may join a list its own way
        for template in (english[key], dutch[key]):
            assert {s for _, f, s, _ in string.Formatter().parse(template) if f} <= {"", *english["_joins"]}, key


VOCABULARY = {  # the groups of words a phrase takes from the declaration's vocabulary, and where the schema lists them
    "role": ("recipient", "properties", "role"), "kind": ("purpose", "properties", "kind"),
    "event": ("retention", "properties", "after"), "limit": ("limit",), "basis": ("legal_basis_key",),
    "channel": ("contact", "properties", "channel"), "cookie-category": ("cookie", "properties", "category"),
    "cookie-type": ("cookie", "properties", "type"), "repealed": ("cited_law", "properties", "law"),
    "business": ("recipient", "properties", "business", "properties", "kinds", "items"),
    "relation": ("recipient", "properties", "locations", "items", "properties", "relation"),
    "decision": ("purpose", "properties", "automated_decision", "properties", "kind"),
    "effect": ("purpose", "properties", "automated_decision", "properties", "effect"),
    "right": ("right", "properties", "right"), "claim": ("claim", "properties", "claim"),
}


def test_every_value_of_the_vocabulary_has_its_words():
    definitions = schema("declaration")["$defs"]
    for group, path in VOCABULARY.items():
        node = definitions
        for step in path:
            node = node[step]
        values = set(node["enum"]) - ({"other"} if group == "event" else set())  # another event: its description
        assert {f"{group}.{v}" for v in values} <= phrasebook("en").keys(), group


def test_a_phrase_is_its_english_and_says_itself_in_dutch_with_its_values():
    phrase = say("transfer-to", name="Acme", where=say("verdict.destination-for", where=Term("Germany (DE)", "Duitsland (DE)"),
                                                      relation=say("relation.storage")),
                 area=Term("the EEA", "de EER"))
    assert phrase == "Personal data go to 'Acme' in Germany (DE), for storage, outside the EEA"
    assert phrase.said("nl") == "Persoonsgegevens gaan naar 'Acme' in Duitsland (DE), voor opslag, buiten de EER"
    listed = say("controller-called-processor", name="X", roles=(say("role.controller"), say("role.processor")))
    assert listed.endswith("calls 'X' controller and processor of the processing it describes; a controller is not "
                           "the processor of its own processing.")
    assert "'X' verwerkingsverantwoordelijke en verwerker" in listed.said("nl")
    assert said("as written", "nl") == "as written" and said(listed, "en") == listed
    with pytest.raises(KeyError):
        say("no-such-phrase")
    with pytest.raises(TypeError, match="a phrase's value must be"):
        say("legal-basis-missing", name=object())


def test_a_phrase_survives_plain_data_and_pickling():
    phrase = say("verdict.no-adequacy-on", where=Term("India (IN)", "India (IN)"), on=date(2026, 1, 1),
                 applies=say("verdict.applies-from", decision=Term("Decision X", "Besluit X"), start=date(2027, 1, 1)))
    for copy in (from_data(json.loads(json.dumps(to_data(phrase)))), pickle.loads(pickle.dumps(phrase))):
        assert isinstance(copy, Phrase) and copy == phrase and copy.said("nl") == phrase.said("nl")
    assert "Besluit X geldt vanaf 2027-01-01" in phrase.said("nl")


def _all_findings():
    for organisation in organisations():
        yield from findings(organisation.id, AS_OF)
    engine = Engine.from_plugins()
    for case in discover():
        yield from evaluate(case, engine).findings


def test_every_finding_of_the_seeds_and_the_evaluation_suite_is_said_in_dutch():
    seen = set()
    for finding in _all_findings():
        if finding.check in STILL_ENGLISH:
            continue
        assert isinstance(finding.message, Phrase), (finding.check, finding.message)
        dutch = finding.message.said("nl")
        assert dutch != finding.message and "{" not in dutch, (finding.check, dutch)
        seen.add(finding.check)
    assert len(seen) > 40


def test_every_transfer_reason_of_the_seeds_is_said_in_dutch():
    engine = Engine.from_plugins()
    reasons = [r for o in organisations() for f in flows(o, engine.reference, AS_OF).flows
               for r in (f.reason, *(t.reason for t in f.tools)) if r]
    assert reasons and all(isinstance(r, Phrase) and r.said("nl") != r for r in reasons)


def test_a_finding_crossing_processes_is_still_said_in_dutch():
    finding = next(f for f in findings("we4u", AS_OF) if f.check == "transfer-tool-valid")
    plain = finding_to_dict(finding)
    assert "phrase" not in plain and plain["message"] == finding.message  # findings.json: English, as before
    back = finding_from_dict(json.loads(json.dumps(finding_to_dict(finding, phrase=True))))
    assert isinstance(back.message, Phrase) and back.message == finding.message
    assert back.message.said("nl") == finding.message.said("nl") != finding.message


@pytest.fixture
def declaration(pytester: pytest.Pytester) -> None:
    (pytester.mkdir("policies") / "demo.yaml").write_text(DECLARATION, encoding="utf-8")


def test_a_dutch_report_written_by_xdist_workers_says_the_messages_in_dutch(pytester, declaration):
    pytester.runpytest(*ARGS, "--pac-as-of", "2026-11-22", "-n", "2", "--pac-lang", "nl", "--pac-report-dir", "out")
    page = (pytester.path / "out" / "report.html").read_text(encoding="utf-8")
    dutch = "De privacyverklaring vermeldt geen grondslag voor &#39;Improve the website&#39;."
    assert f"<span>{dutch}</span>" in page and "The notice states no legal basis" not in page
    summary = (pytester.path / "out" / "report.md").read_text(encoding="utf-8")
    assert "De privacyverklaring vermeldt geen grondslag voor 'Improve the website'." in summary
    english = json.loads((pytester.path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert "The notice states no legal basis for 'Improve the website'." in {f["message"] for f in english["findings"]}


def test_a_report_says_phrases_in_its_language_and_marks_plain_messages_english():
    run = sample_run()
    phrase = say("legal-basis-missing", name="Marketing <b>")
    run = dataclasses.replace(run, findings=(dataclasses.replace(run.findings[0], message=phrase), *run.findings[1:]))
    page = html.render(run, "nl")
    assert f"<span>{escape(phrase.said('nl'))}</span>" in page and escape(phrase) not in page  # Dutch, not marked
    assert '<span lang="en">The notice gives no recipients.</span>' in page  # a check's plain str: as written
    assert "De privacyverklaring vermeldt geen grondslag voor 'Marketing" in markdown.render(run, "nl")
    english = html.render(run, "en")
    assert f"<span>{escape(phrase)}</span>" in english and "privacyverklaring" not in english
