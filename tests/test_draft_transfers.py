"""``pac draft``: the transfer tools a notice states, in all the names notices give them, only where it claims
them (not in a definition, not denied), and the countries it names."""

from __future__ import annotations

import pytest

from pac.draft.assemble import draft
from pac.draft.transfers import country


def _tools(text: str, language: str = "nl") -> list[str]:
    """The tools drafted, general or on a recipient."""
    drafted = draft(f"Privacy\n\n{text}\n", "example", language, None)
    return [t["tool"] for element in (drafted, *drafted.get("recipients", ())) for t in element.get("transfer_tools", ())]


@pytest.mark.parametrize(("sentence", "tool"), [
    ("Wij sluiten standaardcontractbepalingen met deze partijen.", "scc"),
    ("Wij gebruiken de modelcontractbepalingen van de Europese Commissie.", "scc"),
    ("Wij maken gebruik van de EU-modelcontracten.", "scc"),
    ("Wij maken gebruik van de EU-modelclausules.", "scc"),
    ("We have agreed standard contractual clauses.", "scc"),
    ("Hiervoor gebruiken wij SCC's.", "scc"),
    ("De ontvanger is aangesloten bij het DPF.", "eu_us_dpf"),
    ("De ontvanger valt onder het EU-VS-gegevensprivacykader.", "eu_us_dpf"),
    ("Wij geven alleen gegevens door aan landen die de Europese Commissie als veilig heeft aangemerkt.", "adequacy"),
    ("Voor dat land heeft de Europese Commissie een passend beschermingsniveau vastgesteld.", "adequacy"),
    ("Voor dat land bestaat een adequaatheidsbeslissing van de Europese Commissie.", "adequacy"),
    ("Our group relies on its Binding Corporate Rules.", "bcr"),
    ("Onze leverancier is aangesloten bij het Privacy Shield.", "privacy_shield"),
    ("Xero is in a country the European Commission has recognised as providing adequate protection.", "adequacy"),
    ("The UK has adequacy regulations for the EEA, so no further safeguards are needed.", "adequacy"),
    ("We use the International Data Transfer Agreement issued by the Information Commissioner.", "scc_supervisory_authority"),
    # spellings of real notices: lower case, hyphens, the framework's official Dutch name
    ("Google is aangesloten bij het privacy shield.", "privacy_shield"),
    ("Onze hostingpartij is Privacy-Shield gecertificeerd.", "privacy_shield"),
    ("De ontvanger neemt deel aan het EU-VS-kader voor gegevensbescherming.", "eu_us_dpf"),
    ("De ontvanger is gecertificeerd onder het EU-US data privacy framework.", "eu_us_dpf"),
    ("Wij sluiten standaard-contractbepalingen met deze partij.", "scc"),
    ("Voor dat land geldt een adequaatheidsbeschikking van de Europese Commissie.", "adequacy"),
])
def test_every_name_of_a_tool(sentence: str, tool: str):
    assert _tools(f"Doorgifte buiten de EER\n{sentence}") == [tool]


@pytest.mark.parametrize(("text", "tools"), [
    ("Definitions\n\"Standard Contractual Clauses\" or \"SCCs\" means the clauses of Decision (EU) 2021/914.", []),
    ("Begrippen\n- \"Standaardcontractbepalingen\": de door de Europese Commissie vastgestelde clausules.", []),
    ("Transfers\nWe do not transfer data outside the EEA, so we need no standard contractual clauses.", []),
    ("Doorgifte\nWij geven geen gegevens door buiten de EER en gebruiken dus geen SCC's.", []),
    ("Transfers\nWe previously relied on the EU-US Privacy Shield, which is no longer valid.", []),
    ("International transfers\nOur own data privacy framework sets how staff handle data abroad.", []),
])
def test_a_tool_only_defined_or_denied_is_not_claimed(text: str, tools: list[str]):
    assert _tools(text, "en") == tools


@pytest.mark.parametrize(("text", "tools"), [
    ("International transfers\nWhere no other safeguard applies, we only transfer your data with your explicit consent.",
     ["derogation_explicit_consent"]),
    ("International transfers\nA transfer may be necessary for the establishment, exercise or defence of legal claims.",
     ["derogation_legal_claims"]),
    ("Doorgifte buiten de EER\nDoorgifte kan nodig zijn om vitale belangen te beschermen.", ["derogation_vital_interests"]),
    ("Emergencies\nWe may transfer your data to the ambulance service to protect your vital interests.", []),
])
def test_derogations_where_data_leave_the_eu(text: str, tools: list[str]):
    assert _tools(text, "en") == tools


@pytest.mark.parametrize(("text", "tools"), [
    # another sentence of the section names a tool for another transfer: the measures are still claimed
    ("Doorgifte buiten de EER\nGoogle is gecertificeerd onder het EU-US Data Privacy Framework.\nTwilio verstuurt sms-berichten "
     "vanuit de Verenigde Staten.\nOnze bank werkt alleen in Nederland.\nVoor de sms-berichten hebben wij passende waarborgen getroffen.",
     ["eu_us_dpf", "appropriate_measures"]),
    # the measures named in the next sentence: no unspecified measures
    ("Doorgifte buiten de EER\nWij hebben passende waarborgen getroffen.\nDat zijn de standaardcontractbepalingen.", ["scc"]),
])
def test_unspecified_measures_unless_a_tool_is_named_beside_them(text: str, tools: list[str]):
    assert sorted(_tools(text)) == sorted(tools)


@pytest.mark.parametrize(("text", "code"), [
    ("Mailchimp heeft servers in de VS.", "US"), ("Stripe is gevestigd in Ierland.", "IE"),
    ("Mailchimp is een Amerikaans bedrijf.", "US"), ("We use a US-based provider.", "US"),
    ("Twilio valt onder het EU-VS-gegevensprivacykader.", None), ("Zoom joined the EU-U.S. Data Privacy Framework.", None),
    ("De servers staan binnen de EU.", None), ("Sommige gegevens gaan buiten de EER.", None),
])
def test_countries_as_stated_never_from_a_tool_name(text: str, code: str | None):
    assert country(text) == code


@pytest.mark.parametrize(("text", "tools"), [
    # a passive's agent ('worden door X opgeslagen') is no separable 'geven ... door' after a denial
    ("Doorgifte buiten de EER\nWij verkopen geen gegevens en ze worden door Zendesk in de Verenigde Staten opgeslagen "
     "met uw uitdrukkelijke toestemming.", ["derogation_explicit_consent"]),
    ("Doorgifte buiten de EER\nWij geven geen gegevens door aan partijen buiten de EER, ook niet met uw uitdrukkelijke "
     "toestemming.", []),
    ("Doorgifte buiten de EER\nWij geven uw gegevens nooit door, tenzij met uw uitdrukkelijke toestemming.", []),
])
def test_a_denial_of_transfers_is_not_a_passive_agent(text: str, tools: list[str]):
    assert _tools(text) == tools


@pytest.mark.parametrize(("text", "tools"), [
    # list items under a lead-in about data leaving the UK or the EEA: derogations of Art. 49
    ("Where we hold data\nWe may transfer data to a country outside the UK only where one of these applies:\n"
     "- you have given your explicit and informed consent;\n- it is needed to protect the vital interests of a person;\n"
     "- it is needed for the defence of legal claims.",
     ["derogation_explicit_consent", "derogation_vital_interests", "derogation_legal_claims"]),
    # adequacy that the UK recognises, for a UK controller
    ("Transfers\nWe only send data abroad where the country is recognised by the UK as providing adequate protection.",
     ["adequacy"]),
    # the general measures opened by a heading that names the tool
    ("International transfers\nWe use appropriate safeguards for every transfer.\n\nStandard Contractual Clauses\n"
     "Our hosting provider signed the standard contractual clauses with us.", ["scc"]),
])
def test_tools_in_lists_and_headings_on_transfers(text: str, tools: list[str]):
    assert sorted(_tools(text, "en")) == sorted(tools)


@pytest.mark.parametrize(("text", "tools"), [
    ("Doorgifte buiten de EER\nOnze leverancier neemt deel aan het Safe Harbor-programma.", ["safe_harbor"]),
    ("Transfers\nWe once relied on Safe Harbour, which is no longer valid.", []),
])
def test_safe_harbor_as_an_older_notice_claims_it(text: str, tools: list[str]):
    assert _tools(text) == tools


@pytest.mark.parametrize(("text", "tools"), [
    ("Data sent to the United States travel under the UK Addendum to the EU Standard Contractual Clauses.",
     ["scc_supervisory_authority"]),
    ("We use the International Data Transfer Addendum.", ["scc_supervisory_authority"]),
    ("We use the standard contractual clauses with the UK Addendum.", ["scc", "scc_supervisory_authority"]),
])
def test_the_uk_addendum_is_the_ico_s_clauses_and_the_clauses_it_amends_are_part_of_its_name(text: str,
                                                                                          tools: list[str]):
    assert sorted(_tools(text, "en")) == tools


def test_a_lead_in_that_denies_transfers_claims_no_tool_for_its_items():
    text = ("Transfers\n\nWe do not transfer your data outside the UK, and we only record health information with:\n\n"
            "- your explicit consent\n")
    assert _tools(text, "en") == []
