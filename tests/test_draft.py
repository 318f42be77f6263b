"""``pac draft``: every draft validates, every quote is verbatim, nothing is drafted the text does not say,
and a draft is reported as an unreviewed draft."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
import yaml

from pac import load
from pac.cli import main
from pac.draft.assemble import MARKER
from pac.draft.compare import facts
from pac.draft.text import MAX_WORDS, Sentence, quote

ROOT = Path(__file__).parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
NOTICES = sorted(ROOT.glob("evaluation/*/notice.txt")) + sorted(ROOT.glob("benchmarks/draft-development/*/notice.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])

CRAFTED = """Privacy notice of Example Shop

About this notice

The objective of this notice is to explain our website. Cookies are deleted when you close your browser.
We delete old cookies regularly. Our contract with suppliers covers paper and ink.
We do not keep a list of customers. Contact us if you have a question.

Newsletter

We may send you a newsletter.
"""


def _language(notice: Path) -> str:
    declaration = notice.parent / "declaration.yaml"
    if declaration.is_file():
        (organisation,) = load([declaration])
        return organisation.notice.language
    return "nl"


def _draft(notice: Path, folder: Path, language: str = "nl", org: str = "draft") -> Path:
    output = folder / f"{org}.yaml"
    assert main(["draft", str(notice), "--lang", language, "-o", str(output)]) == 0
    return output


def _quotes(node: object) -> list[str]:
    if isinstance(node, dict):
        return ([node["quote"]] if "quote" in node else []) + [q for v in node.values() for q in _quotes(v)]
    if isinstance(node, list):
        return [q for v in node for q in _quotes(v)]
    return []


@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.parent.name if p.name == "notice.txt" else p.stem[:3])
def test_every_draft_validates_and_quotes_verbatim(notice: Path, tmp_path: Path):
    language = _language(notice)
    if language not in ("nl", "en"):
        pytest.skip(f"pac draft reads Dutch and English notices, not {language!r}")
    output = _draft(notice, tmp_path, language)
    (organisation,) = load([output])
    assert organisation.notice.draft == MARKER
    lines = notice.read_text(encoding="utf-8").splitlines()
    quotes = _quotes(yaml.safe_load(output.read_text(encoding="utf-8")))
    assert quotes and all(any(q in line for line in lines) for q in quotes)


def test_nothing_is_drafted_that_the_text_does_not_say(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text(CRAFTED, encoding="utf-8")
    drafted = yaml.safe_load(_draft(notice, tmp_path, "en").read_text(encoding="utf-8"))
    assert set(drafted) == {"pac", "organisation", "notice"}  # no controller (no legal name), activities, recipients
    assert "rights" not in drafted["notice"]  # 'objective', 'deleted cookies' are no rights


def test_layouts_tie_bases_to_purposes(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text("Notice of Voorbeeld B.V.\n\nNieuwsbrief\n\nWaarom\n\n  1. Om je de nieuwsbrief te sturen.\n"
                      "  2. Om fouten op te sporen.\n\nVerwerkingsgrondslag\n\n  1. Toestemming.\n"
                      "  2. Gerechtvaardigd belang (het opsporen van fouten).\n\nBewaartermijn\n\n"
                      "Wij bewaren je gegevens maximaal 2 jaar na het einde van de overeenkomst.\n", encoding="utf-8")
    (activity,) = yaml.safe_load(_draft(notice, tmp_path).read_text(encoding="utf-8"))["activities"]
    assert [(p["legal_basis"]["basis"], p["provenance"]["quote"]) for p in activity["purposes"]] == [
        ("consent", "Om je de nieuwsbrief te sturen."), ("legitimate_interests", "Om fouten op te sporen.")]
    assert all(p["legal_basis"]["provenance"]["note"].startswith("Review:") for p in activity["purposes"])
    (rule,) = activity["retention"]
    assert (rule["period"], rule["limit"], rule["after"]) == ("P2Y", "at_most", "contract_end")


def test_a_draft_never_replaces_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    notice = tmp_path / "notice.txt"
    notice.write_text(CRAFTED, encoding="utf-8")
    output = tmp_path / "x.yaml"
    output.write_text("mine\n", encoding="utf-8")
    assert main(["draft", str(notice), "-o", str(output)]) == 2
    assert output.read_text(encoding="utf-8") == "mine\n"
    assert "never replaces" in capsys.readouterr().err


def test_check_reports_the_draft_with_a_banner(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text(CRAFTED, encoding="utf-8")
    reports = tmp_path / "reports"
    assert main(["draft", str(notice), "--org", "x", "--check", "--report-dir", str(reports)]) == 1
    findings = (reports / "findings.json").read_text(encoding="utf-8")
    assert '"declaration-reviewed"' in findings
    for report in ("report.md", "report.html"):
        assert "Unreviewed draft" in (reports / report).read_text(encoding="utf-8")


def test_an_age_is_no_retention_period(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text("Notice of Voorbeeld B.V.\n\nKinderen\n\nWij bewaren geen gegevens van kinderen jonger dan 16 jaar.\n",
                      encoding="utf-8")
    assert "activities" not in yaml.safe_load(_draft(notice, tmp_path).read_text(encoding="utf-8"))


def _scorer():
    """benchmarks/draft_score.py as a module."""
    spec = importlib.util.spec_from_file_location("draft_score", ROOT / "benchmarks" / "draft_score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def test_the_score_counts_matches_one_to_one():
    score = _scorer()
    assert score.score(Counter({"mailchimp": 1, "acme": 1}), Counter({"mailchimp the rocket": 1}), "recipients") == (1, 1, 2)
    assert score.score(Counter({("P2Y", "exactly"): 2}), Counter({("P2Y", "exactly"): 1}), "retention") == (1, 1, 2)


def test_against_shows_what_a_new_version_of_the_notice_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Notice of Voorbeeld B.V.\n\nJe rechten\n\nJe hebt het recht op inzage.\n", encoding="utf-8")
    new.write_text(old.read_text(encoding="utf-8") + "Je hebt ook het recht op bezwaar.\n", encoding="utf-8")
    declaration = _draft(old, tmp_path, org="voorbeeld")
    assert main(["draft", str(old), "--against", str(declaration)]) == 0
    capsys.readouterr()
    assert main(["draft", str(new), "--against", str(declaration)]) == 1
    assert "rights: the notice says, the declaration does not: objection" in capsys.readouterr().out


def test_the_score_compares_names_without_legal_form_or_parentheses():
    from pac.draft.compare import _name
    assert _name("Mailchimp (The Rocket Science Group LLC)") == _name("MailChimp") == "mailchimp"
    assert _name("Voorbeeld B.V.") == _name("voorbeeld bv") == "voorbeeld"
    assert _name("Limitedly Yours") == "limitedly yours"


def test_the_score_counts_a_withdrawal_route_as_the_right_once():
    """Withdrawal of consent is one right of the notice, whether recorded in notice.rights or as a route."""
    (organisation,) = load([ROOT / "evaluation" / "canal-desk" / "declaration.yaml"])
    assert not organisation.notice.states_right("withdraw_consent")
    assert facts(organisation)["rights"]["withdraw_consent"] == 1


def test_a_quote_is_the_clause_that_carries_the_fact():
    """A provenance quote is a few words: the clause around the fact, at most MAX_WORDS words, verbatim."""
    text = ("Voorbeeld B.V. is gevestigd aan de Dorpsstraat 1 in Laren en geregistreerd bij de Kamer van Koophandel "
            "onder nummer 12345678; wij bewaren je gegevens twee jaar na het einde van het lidmaatschap.")
    sentence = Sentence("Contact", None, text)
    number, street, period = text.index("12345678"), text.index("Dorpsstraat"), text.index("twee jaar")
    assert quote(sentence, number, number + 8) == "in Laren en geregistreerd bij de Kamer van Koophandel onder nummer 12345678"
    assert quote(sentence, street, street + 13) == "Voorbeeld B.V. is gevestigd aan de Dorpsstraat 1 in Laren en geregistreerd"
    assert quote(sentence, period, period + 9) == "wij bewaren je gegevens twee jaar na het einde van het lidmaatschap."
    assert all(len(quote(sentence, i, i + 1).split()) <= MAX_WORDS and quote(sentence, i, i + 1) in text
               for i in range(0, len(text), 7))


def test_the_score_measures_the_share_of_the_notice_quoted():
    assert _scorer().quoted("abcdef ghij abc", ["abc", "bcd", "ghij", "abc"]) == 11
