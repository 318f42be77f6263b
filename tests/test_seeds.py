"""The five encoded notices in policies/: valid, and true to their sources.

The notices themselves are not in this repository; when they are beside it (``../shared/seeds/``,
as in the project's workspace, listed in ``policies/notices.txt``), every provenance quote of every
declaration must be found in its own notice.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pac import load
from pac.engine import notice_text
from pac.model import Organisation, Provenance
from pac.provenance import iter_provenance, missing_quotes
from seed_notices import seed_notices

POLICIES = Path(__file__).parents[1] / "policies"
SEEDS = {"we4u": "000_fd97e0624e36bef7.txt", "we-do-better": "001_0b763607a1e1e43f.txt",
         "wehelpen": "002_22b6cc68801b38bc.txt", "je-zaak-voor-elkaar": "003_f5ae54acf7f4bf1f.txt",
         "wijkconnect": "004_866edc71d6df14e9.txt"}
ORGANISATIONS = {org.id: org for org in load([POLICIES])}


def test_the_five_notices_are_encoded():
    assert sorted(ORGANISATIONS) == sorted(SEEDS)


@pytest.mark.parametrize("org_id", sorted(SEEDS))
def test_declaration_is_given_its_own_notice(org_id: str):
    notice = ORGANISATIONS[org_id].notice
    assert notice is not None and notice.language == "nl" and notice.text_file is None
    assert seed_notices()[org_id].name == SEEDS[org_id]


@pytest.mark.parametrize("org_id", sorted(SEEDS))
def test_every_quote_is_found_in_the_notice(org_id: str):
    organisation = ORGANISATIONS[org_id]
    text = notice_text(organisation, seed_notices()[org_id])
    if text is None:
        pytest.skip(f"the notice text ({seed_notices()[org_id]}) is not beside this repository")
    quotes = [p for p in iter_provenance(organisation) if p.quote]
    assert len(quotes) > 100  # the check really runs over the whole declaration
    assert missing_quotes(organisation, text) == []


def test_quotes_are_found_as_a_plain_search_would_find_them():
    """The one-pass search finds exactly what searching the normalised text for each quote finds."""
    from pac.provenance import found_in, quote_form

    notice = "Wij  verwerken je gegevens voor het leveren van\nde dienst (overeenkomst). Het leveren van de dienst!"
    quotes = ["verwerken je gegevens", "ERKEN JE GEGEVENS VO", "van de dienst (overeenkomst)", "leveren",
              "dienst (overeenkomst). het", "het leveren van de dienst!", "de dienst (overeenkomst", "   ",
              "je gegevens niet", "van\nde dienst", "verwerken  je", "gegevens voor het", "\u201cde dienst\u201d"]
    assert found_in(notice, quotes) == {q for q in quotes if quote_form(q) in quote_form(notice)}
    assert found_in(notice, []) == set()


def _every_provenance(node, found):
    """A plain walk over every field of every model object, for comparison."""
    if isinstance(node, tuple):
        for item in node:
            _every_provenance(item, found)
    elif isinstance(node, Provenance):
        found.setdefault(id(node), node)
    elif dataclasses.is_dataclass(node):
        for f in dataclasses.fields(node):
            if not (isinstance(node, Organisation) and f.name == "purposes"):
                _every_provenance(getattr(node, f.name), found)
    return found


@pytest.mark.parametrize("org_id", sorted(SEEDS))
def test_iter_provenance_walks_only_fields_that_can_hold_provenance_and_misses_none(org_id: str):
    organisation = ORGANISATIONS[org_id]
    assert list(iter_provenance(organisation)) == list(_every_provenance(organisation, {}).values())


def test_quote_form_straightens_quote_marks_and_spaces():
    from pac.provenance import quote_form

    assert quote_form("\u201eZo\u201d \u2018zeg\u2019 \u00abwij\u00bb\u00a0HET\u201a\u201b \u201c") == "\"zo\" 'zeg' \"wij\" het'' \""
