"""``pac draft``: legal bases tied to their purposes, one synthetic notice per layout (Dutch and English),
and the score that counts a basis only on its own purpose."""

from __future__ import annotations

from pathlib import Path

import yaml

from pac import load
from pac.cli import main
from pac.draft.compare import facts, unmatched


def _purposes(tmp_path: Path, text: str, language: str = "nl") -> list[dict]:
    tmp_path.mkdir(exist_ok=True)
    notice = tmp_path / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    output = tmp_path / "draft.yaml"
    assert main(["draft", str(notice), "--lang", language, "-o", str(output)]) == 0
    load([output])  # validates
    drafted = yaml.safe_load(output.read_text(encoding="utf-8"))
    return [p for a in drafted.get("activities", ()) for p in a.get("purposes", ())]


def _tied(purposes: list[dict]) -> list[tuple[str, str]]:
    return [(p["legal_basis"]["basis"], p["provenance"]["quote"]) for p in purposes]


def _by_section(purposes: list[dict]) -> list[tuple[str, str]]:
    return [(p["legal_basis"]["basis"], p["provenance"]["section"]) for p in purposes]


def test_the_score_counts_a_basis_only_on_its_own_purpose(tmp_path: Path):
    def declaration(name: str, purposes: str) -> dict:
        path = tmp_path / f"{name}.yaml"
        path.write_text(f"pac: 1\norganisation: {name}\nnotice: {{language: nl}}\nactivities:\n  - id: a\n    name: A\n"
                        f"    provenance: {{section: Nieuwsbrief, quote: Nieuwsbrief}}\n    purposes:\n{purposes}",
                        encoding="utf-8")
        (organisation,) = load([path])
        return facts(organisation)["bases"]

    reviewed = declaration("reviewed", "      - {id: p, name: P, legal_basis: consent, provenance: "
                                       "{section: Nieuwsbrief > Doelen, quote: Verzenden van onze nieuwsbrief}}\n")
    elsewhere = declaration("elsewhere", "      - {id: p, name: P, legal_basis: consent, provenance: "
                                         "{section: Verhalen > Doelen, quote: Verzenden van onze nieuwsbrief}}\n")
    other = declaration("other", "      - {id: p, name: P, legal_basis: consent, provenance: "
                                 "{section: Nieuwsbrief > Doelen, quote: Marketing over nieuwe diensten}}\n")
    same = declaration("same", "      - {id: p, name: P, legal_basis: consent, provenance: "
                               "{section: Nieuwsbrief > Doelen, quote: 'Verzenden van onze nieuwsbrief (toestemming)'}}\n")
    assert unmatched(elsewhere, reviewed, "bases")  # shares only the generic sub-heading
    assert unmatched(other, reviewed, "bases")  # same section, another purpose's statement
    assert not unmatched(same, reviewed, "bases")


def test_a_basis_in_parentheses_ties_its_own_purpose(tmp_path: Path):
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nDienstverlening\n\nDoelen\n\n"
                                "Wij verwerken je persoonsgegevens voor de volgende doelen:\n\n"
                                "- Het leveren van de dienst (overeenkomst)\n- Het sturen van de nieuwsbrief (toestemming)\n"
                                "- Het bijhouden van de administratie (art. 6 lid 1 sub c AVG)\n- Het verbeteren van de app\n\n"
                                "Cookies\n\nWe delen niets totdat er weer (met toestemming) cookies zijn geplaatst.\n")
    assert [(p["name"], p.get("legal_basis", {}).get("basis")) for p in dutch] == [
        ("Het leveren van de dienst", "contract"), ("Het sturen van de nieuwsbrief", "consent"),
        ("Het bijhouden van de administratie", "legal_obligation"), ("Het verbeteren van de app", None)]
    assert dutch[2]["legal_basis"]["provenance"]["quote"] == "Het bijhouden van de administratie (art. 6 lid 1 sub c AVG)"
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nAccounts\n\n"
                                         "We use your data for: sending the newsletter (consent, Art. 6(1)(a) GDPR); "
                                         "fraud checks (Art. 6(1)(f) GDPR).\n", "en")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in english] == [
        ("We use your data for: sending the newsletter", "consent"), ("fraud checks", "legitimate_interests")]


def test_a_basis_before_its_purpose_in_parentheses(tmp_path: Path):
    (tied,) = [_tied(_purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nMatching\n\nVerwerkingsgrondslag\n\n"
                                         "Uitvoeren overeenkomst (matching), Toestemming (marketing).\n"))]
    assert [basis for basis, _ in tied] == ["contract", "consent"]


def test_parallel_numbered_lists_in_english(tmp_path: Path):
    purposes = _purposes(tmp_path / "x", "Privacy notice of Example Ltd\n\nNewsletter\n\nPurposes\n\n"
                                         "  1. To send you the newsletter.\n  2. To find errors in our mailings.\n"
                                         "  3. To count readers.\n\n"
                                         "Legal basis\n\n  1. Consent.\n  2. Legitimate interest.\n  3. See above.\n", "en")
    assert _tied(purposes[:2]) == [("consent", "To send you the newsletter."),
                                   ("legitimate_interests", "To find errors in our mailings.")]
    assert all(p["legal_basis"]["provenance"]["note"].startswith("Review:") for p in purposes[:2])
    assert purposes[2]["name"] == "To count readers." and "legal_basis" not in purposes[2]


def test_a_basis_over_a_list_of_purposes(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nMarketing\n\n"
                                "Op basis van je toestemming verwerken wij je gegevens om:\n\n"
                                "- je onze nieuwsbrief te sturen\n- je te bellen over nieuwe diensten\n")
    assert _tied(dutch) == [("consent", "je onze nieuwsbrief te sturen"), ("consent", "je te bellen over nieuwe diensten")]
    assert dutch[0]["legal_basis"]["provenance"]["quote"] == "Op basis van je toestemming verwerken wij je gegevens om:"
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nMarketing\n\nWith your consent we:\n\n"
                                         "- send you our newsletter\n- show you offers that suit you\n", "en")
    assert _tied(english) == [("consent", "send you our newsletter"), ("consent", "show you offers that suit you")]


def test_prose_ties_a_basis_to_the_purpose_its_sentence_states(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nOrders\n\nWe use your address to deliver your "
                                  "order because this is necessary to perform our contract with you. We keep invoices "
                                  "because tax law requires it. We will not share your data without your consent, "
                                  "unless the law requires it.\n", "en")
    assert [(p["legal_basis"]["basis"], p["name"][:18]) for p in english] == [
        ("contract", "We use your addres"), ("legal_obligation", "We keep invoices b")]
    assert all(p["legal_basis"]["provenance"]["note"].startswith("Review:") for p in english)
    dutch = _purposes(tmp_path / "nl", "Notice of Voorbeeld B.V.\n\nBestellingen\n\nWij gebruiken je adres om je "
                                       "bestelling te bezorgen, omdat dit nodig is voor de uitvoering van de overeenkomst.\n"
                                       "Als wij je gegevens op basis van je toestemming verwerken, kun je die intrekken.\n")
    assert [(p["legal_basis"]["basis"], p["name"]) for p in dutch] == [("contract", "Bestellingen")]


def test_a_table_flattened_to_text(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nWhat we do\n\nPurpose | Legal basis\n"
                                  "Sending the newsletter | Consent\nKeeping invoices | Legal obligation (Art. 6(1)(c))\n"
                                  "Improving the site | Consent or legitimate interest\n", "en")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in english] == [
        ("Sending the newsletter", "consent"), ("Keeping invoices", "legal_obligation")]
    dutch = _purposes(tmp_path / "nl", "Notice of Voorbeeld B.V.\n\nOverzicht\n\nDoel\tGrondslag\n"
                                       "Nieuwsbrief\tToestemming\n")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in dutch] == [("Nieuwsbrief", "consent")]


def test_bases_the_text_does_not_tie_stay_collective(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text("Notice of Voorbeeld B.V.\n\nWebsite\n\nDoelen\n\n- Het verbeteren van de website\n"
                      "- Het meten van bezoeken\n\nGrondslag\n\nWij verwerken deze gegevens op basis van je toestemming "
                      "of ons gerechtvaardigd belang.\n", encoding="utf-8")
    output = tmp_path / "draft.yaml"
    assert main(["draft", str(notice), "-o", str(output)]) == 0
    (activity,) = yaml.safe_load(output.read_text(encoding="utf-8"))["activities"]
    assert [b["basis"] for b in activity["collective_legal_bases"]] == ["consent", "legitimate_interests"]
    assert [p.get("legal_basis") for p in activity["purposes"]] == [None, None]
    (organisation,) = load([output])
    assert organisation.activities[0].collective_legal_bases
    notice.write_text("Notice of Voorbeeld B.V.\n\nWebsite\n\nDoelen\n\n- Het verbeteren van de website\n\n"
                      "Waar het kan, is de grondslag ons gerechtvaardigd belang. Waar dat niet kan, verwerken wij je "
                      "gegevens alleen met jouw toestemming. Ook dan is de grondslag gerechtvaardigd belang.\n", encoding="utf-8")
    output.unlink()
    assert main(["draft", str(notice), "-o", str(output)]) == 0
    (activity,) = yaml.safe_load(output.read_text(encoding="utf-8"))["activities"]
    assert [b["basis"] for b in activity["collective_legal_bases"]] == ["legitimate_interests", "consent"]
    assert [p.get("legal_basis") for p in activity["purposes"]] == [None]


def test_sections_survive_page_headers_list_lead_ins_and_block_headings():
    from pac.draft.text import sentences

    text = ("Privacyverklaring Voorbeeld\n\nNieuwsbrief\n\nDoelen\n\nWij verwerken je gegevens voor de volgende doelen:\n\n"
            "- Verzenden van de nieuwsbrief (toestemming)\n\nPrivacyverklaring Voorbeeld\n\n"
            "Wij bewaren je gegevens zolang je de nieuwsbrief wilt.\n\nPersoonsgegevens: Telefoonnummer.\nWaarom\n\n"
            "  1. Om je te bellen.\n")
    assert [(s.section, s.text[:20]) for s in sentences(text)] == [
        ("Nieuwsbrief > Doelen", "Wij verwerken je geg"), ("Nieuwsbrief > Doelen", "Verzenden van de nie"),
        ("Nieuwsbrief > Doelen", "Wij bewaren je gegev"), ("Persoonsgegevens: Telefoonnummer > Waarom", "Om je te bellen.")]


def test_a_processor_agreement_is_no_contract_basis(tmp_path: Path):
    assert _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nDelen\n\nDoelen\n\n"
                               "- Hosting van de website (verwerkersovereenkomst)\n") == [
        {"id": "hosting-van-de-website-verwerkersovereen", "name": "Hosting van de website (verwerkersovereenkomst)",
         "provenance": {"section": "Delen > Doelen", "quote": "Hosting van de website (verwerkersovereenkomst)"}}]


def test_one_basis_in_a_block_is_applied_to_its_listed_purposes_for_review(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nSupport\n\nPurposes\n\n- Answering your question\n"
                                   "- Improving our help pages\n\nWe do this because we have a legitimate interest in "
                                   "helping our customers.\n\nRetention\n\nWe keep your data as long as necessary to "
                                   "perform the contract.\n", "en")
    assert [p["legal_basis"]["basis"] for p in purposes] == ["legitimate_interests"] * 2  # not the contract
    assert all(p["legal_basis"]["provenance"]["note"].startswith("Review: the section 'Support' states one basis")
               for p in purposes)


def test_an_empty_list_item_is_no_purpose(tmp_path: Path):
    purposes = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nNieuwsbrief\n\nDoelen\n\n-\n  2. \n- Verzenden van de nieuwsbrief\n")
    assert [p["name"] for p in purposes] == ["Verzenden van de nieuwsbrief"]


def test_labelled_purpose_and_basis(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nNieuwsbrief\n\nDoel: het versturen van de nieuwsbrief.\n"
                                "Grondslag: toestemming (art. 6 lid 1 sub a AVG).\n\nFacturen\n\nDoel: de administratie. "
                                "Grondslag: wettelijke verplichting.\n")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in dutch] == [
        ("het versturen van de nieuwsbrief", "consent"), ("de administratie", "legal_obligation")]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nSupport\n\nPurpose: answering your questions\n"
                                         "Legal basis: our legitimate interest in helping customers\n", "en")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in english] == [("answering your questions", "legitimate_interests")]


def test_a_statutory_duty_in_its_own_words(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nFacturen\n\nWij zijn wettelijk verplicht om facturen te "
                                "bewaren voor de Belastingdienst.\n")
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nInvoices\n\nWe are legally obliged to keep "
                                         "invoices for the tax authority.\n", "en")
    assert [p["legal_basis"]["basis"] for p in dutch + english] == ["legal_obligation"] * 2


def test_prose_names_the_article_or_says_what_the_processing_rests_on(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nLedenadministratie\n\nWij verwerken deze gegevens op grond "
                                "van artikel 6 lid 1 onder b AVG.\n")
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nAnalytics\n\nThis processing is based on "
                                         "your consent.\n", "en")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in dutch + english] == [
        ("Ledenadministratie", "contract"), ("Analytics", "consent")]


def test_asking_for_consent_ties_it_and_needing_none_does_not(tmp_path: Path):
    purposes = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nCookies\n\nVoor analytische cookies is geen toestemming "
                                   "nodig. Voor marketingcookies vragen wij wel om je toestemming.\n")
    assert [(p["legal_basis"]["basis"], p["legal_basis"]["provenance"]["quote"]) for p in purposes] == [
        ("consent", "Voor marketingcookies vragen wij wel om je toestemming.")]


def test_prose_in_other_words_than_the_article_and_this_refers_back(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nDonations\n\nWe record your gift. We do this because "
                                  "it is necessary to carry out the agreement you make with us when you give.\nWe keep "
                                  "your Gift Aid declaration because the tax authority requires it.\n", "en")
    assert [(p["legal_basis"]["basis"], p["name"], p["provenance"]["quote"][:20]) for p in english] == [
        ("contract", "We record your gift.", "We record your gift."),
        ("legal_obligation", "We keep your Gift Aid declaration because the tax authority requires it.", "We keep your Gift Ai")]
    assert english[0]["legal_basis"]["provenance"]["quote"].startswith("We do this because")
    assert "the sentence before it" in english[0]["legal_basis"]["provenance"]["note"]
    dutch = _purposes(tmp_path / "nl", "Notice of Voorbeeld B.V.\n\nCursussen\n\nWij geven cursussen digitale "
                                       "vaardigheden. Dit is een taak van algemeen belang die de gemeente ons heeft opgedragen.\n")
    assert [(p["legal_basis"]["basis"], p["name"], p["provenance"]["quote"]) for p in dutch] == [
        ("public_task", "Cursussen", "Wij geven cursussen digitale vaardigheden.")]
    assert dutch[0]["legal_basis"]["provenance"]["note"].startswith("Review:")


def test_unambiguous_basis_words_need_no_other_cue(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nVolunteering\n\nIf you are hurt on a reserve, we may "
                                  "call the emergency services to protect your vital interests.\n", "en")
    assert [p["legal_basis"]["basis"] for p in english] == ["vital_interests"]
    campaigns = _purposes(tmp_path / "c", "Privacy notice of Example Ltd\n\nCampaigns\n\nWe only email supporters who "
                                          "have given us their consent.\n", "en")
    assert [p["legal_basis"]["basis"] for p in campaigns] == ["consent"]
    assert _purposes(tmp_path / "q", "Notice of Voorbeeld B.V.\n\nNieuwsbrief\n\nHeb je ons toestemming gegeven? "
                                     "Dan kun je die altijd intrekken.\n") == []  # a question ties nothing


def test_a_lead_in_stating_a_basis_in_other_words(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nLenen\n\nOm de overeenkomst met u uit te voeren, verwerken "
                                "wij:\n\n- wat u leent;\n- uw betalingen.\n\nOmdat de wet dat van ons vraagt, verwerken wij:\n\n"
                                "- het aantal leden voor de gemeente.\n")
    assert [(p["legal_basis"]["basis"], p["name"]) for p in dutch] == [
        ("contract", "wat u leent;"), ("contract", "uw betalingen."), ("legal_obligation", "het aantal leden voor de gemeente.")]
    assert dutch[2]["legal_basis"]["provenance"]["quote"].startswith("Omdat de wet dat van ons vraagt")


def test_a_table_header_names_the_purpose_and_basis_columns(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nOverzicht\n\nDoel | Gegevens | Grondslag\n"
                                "Nieuwsbrief | e-mailadres | Toestemming\nPlaatsing | naam, contract | Uitvoering van de overeenkomst\n"
                                "Ongevallen | telefoonnummer | Vitaal belang van het kind\n")
    assert [(p["name"], p["legal_basis"]["basis"], p["provenance"]["section"]) for p in dutch] == [
        ("Nieuwsbrief", "consent", "Overzicht"), ("Plaatsing", "contract", "Overzicht"),
        ("Ongevallen", "vital_interests", "Overzicht")]


def test_a_generic_heading_names_no_purpose(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nWhy we use your data\n\nWe use your address to deliver "
                                  "your parcel. We do this because it is necessary to perform our contract with you.\n", "en")
    assert [(p["legal_basis"]["basis"], p["name"]) for p in english] == [
        ("contract", "We use your address to deliver your parcel.")]


def test_purpose_and_basis_headings_in_other_words_stay_under_their_activity(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nMembers\n\nWhat we use your information for\n\n"
                                  "  1. To run your membership.\n  2. To send you offers.\n\nOur lawful basis for each use\n\n"
                                  "  1. Performance of our contract with you.\n  2. Your consent.\n", "en")
    assert [(p["name"], p["legal_basis"]["basis"], p["provenance"]["section"]) for p in english] == [
        ("To run your membership.", "contract", "Members > What we use your information for"),
        ("To send you offers.", "consent", "Members > What we use your information for")]
    dutch = _purposes(tmp_path / "nl", "Notice of Voorbeeld B.V.\n\nHuurders\n\nDoeleinden\n\n  1. Het innen van de huur.\n"
                                       "  2. Het toetsen van uw inkomen.\n\nRechtsgrond\n\n  1. Uitvoering van de overeenkomst.\n"
                                       "  2. Wettelijke verplichting (Woningwet).\n")
    assert [(p["name"][:27], p["legal_basis"]["basis"]) for p in dutch] == [
        ("Het innen van de huur.", "contract"), ("Het toetsen van uw inkomen.", "legal_obligation")]


def test_items_of_a_basis_list_are_no_purposes(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text("Privacy notice of Example Ltd\n\nMembers\n\nWe run your membership and send you offers.\n\n"
                      "Lawful bases\n\n- Performance of our contract with you.\n- Your consent.\n", encoding="utf-8")
    output = tmp_path / "draft.yaml"
    assert main(["draft", str(notice), "--lang", "en", "-o", str(output)]) == 0
    (activity,) = yaml.safe_load(output.read_text(encoding="utf-8"))["activities"]
    assert "purposes" not in activity
    assert [b["basis"] for b in activity["collective_legal_bases"]] == ["contract", "consent"]


def test_each_clause_between_semicolons_is_read_on_its_own(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nPhotography\n\nVisitors in the background are not asked "
                                  "for consent; we rely on our legitimate interests in promoting our events.\n", "en")
    assert [(p["legal_basis"]["basis"], p["legal_basis"]["provenance"]["quote"][:25]) for p in english] == [
        ("legitimate_interests", "we rely on our legitimate")]


def test_a_listed_purpose_stating_its_own_basis_at_length(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nPatiënten\n\nWaarvoor gebruiken wij je gegevens?\n\n"
                                "- het sturen van een herinnering voor de jaarlijkse vaccinatie (grondslag: gerechtvaardigd "
                                "belang, namelijk de gezondheid van de dieren die wij behandelen).\n- het bijhouden van de kaart\n")
    assert [(p["name"], p.get("legal_basis", {}).get("basis")) for p in dutch] == [
        ("het sturen van een herinnering voor de jaarlijkse vaccinatie", "legitimate_interests"),
        ("het bijhouden van de kaart", None)]


def test_consent_to_a_disclosure_is_no_purpose_of_its_own(tmp_path: Path):
    assert _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nAan wie geven wij gegevens door\n\nVraag je hulp bij schulden, "
                               "dan geven wij met jouw toestemming je naam door aan de schuldhulpverlening.\n") == []


def test_a_basis_beside_its_purpose_after_a_colon_or_dash(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nWaarom verwerken wij uw gegevens?\n\nWij verwerken uw gegevens "
                                "voor de volgende doelen:\n\n- Het leveren van uw bestelling: uitvoering van de overeenkomst\n"
                                "- Het versturen van onze nieuwsbrief – toestemming\n- Fraudepreventie: ons gerechtvaardigd belang\n"
                                "- Klantcontact: wij bellen u over de overeenkomst\n")
    assert [(p["name"], p.get("legal_basis", {}).get("basis")) for p in dutch] == [
        ("Het leveren van uw bestelling", "contract"), ("Het versturen van onze nieuwsbrief", "consent"),
        ("Fraudepreventie", "legitimate_interests"), ("Klantcontact: wij bellen u over de overeenkomst", None)]


def test_a_why_label_over_a_basis_label(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nLeasecontract\n\nWat: naam en adres.\nWaarom: om uw "
                                "leasecontract af te sluiten.\nGrondslag: uitvoering van de overeenkomst.\n")
    assert [(p["name"], p["legal_basis"]["basis"], p["provenance"]["quote"]) for p in dutch] == [
        ("om uw leasecontract af te sluiten", "contract", "Waarom: om uw leasecontract af te sluiten.")]


def test_a_basis_in_the_condition_of_a_clause_or_beside_objection_ties_nothing(tmp_path: Path):
    assert _purposes(tmp_path, "Privacy notice of Example Ltd\n\nMarketing\n\nWhere we rely on our legitimate interests, "
                               "you may ask us to stop.\n\nObjecting\n\nYou can object to processing based on our legitimate "
                               "interests.\n\nWhat you can do\n\nYou do not have the right to object to the processing "
                               "because we need your data to perform the contract.\n", "en") == []


def test_a_list_of_bases_each_naming_its_purpose(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nZwemles\n\nWij verwerken uw gegevens op de volgende grondslagen:\n"
                                "- Uitvoering van de overeenkomst: voor het inplannen van lessen.\n"
                                "- Toestemming: voor het delen van foto's in de ouderapp.\n"
                                "- Nieuwsbrief: voor het sturen van onze nieuwsbrief.\n")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in dutch] == [
        ("voor het inplannen van lessen", "contract"), ("voor het delen van foto's in de ouderapp", "consent")]


def test_explicit_consent_in_prose(tmp_path: Path):
    dutch = _purposes(tmp_path, "Notice of Voorbeeld B.V.\n\nMedische gegevens\n\nWij noteren een aandoening van uw kind "
                                "voor de badmeester. Dat doen wij met uw uitdrukkelijke toestemming.\n")
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nHealth\n\nWe record allergies only with your "
                                         "explicit consent.\n", "en")
    assert [p["legal_basis"]["basis"] for p in dutch + english] == ["consent", "consent"]


def test_a_listed_purpose_stating_its_basis_in_a_clause_is_named_by_its_first_words(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nWebsite visitors\n\nWe use your data for these purposes:\n"
                                  "- To show the website in your browser, because this is necessary for our legitimate "
                                  "interest in running a website.\n- To answer a demo request, because you ask us to take "
                                  "steps before entering into a contract.\n", "en")
    assert [(p["name"], p["legal_basis"]["basis"]) for p in english] == [
        ("To show the website in your browser", "legitimate_interests"), ("To answer a demo request", "contract")]


def test_the_score_counts_a_shared_statement_only_on_a_purpose_it_ties(tmp_path: Path):
    def declaration(name: str, purposes: list[str]) -> object:
        path = tmp_path / f"{name}.yaml"
        lead = "{section: Extra diensten, quote: 'Met je toestemming doen wij het volgende:'}"
        listed = "".join(f"      - {{id: p{i}, name: P, legal_basis: {{basis: consent, provenance: {lead}}}, provenance: "
                         f"{{section: Extra diensten, quote: '{quote}'}}}}\n" for i, quote in enumerate(purposes))
        path.write_text(f"pac: 1\norganisation: {name}\nnotice: {{language: nl}}\nactivities:\n  - id: a\n    name: A\n"
                        f"    provenance: {{section: Toestemming, quote: Toestemming}}\n    purposes:\n{listed}", encoding="utf-8")
        (organisation,) = load([path])
        return facts(organisation)["bases"]

    reviewed = declaration("reviewed", ["het tonen van je profielfoto", "het sturen van tips per e-mail"])
    wrong = declaration("wrong", ["het bijhouden van je leengeschiedenis"])  # the same lead-in, another item
    right = declaration("right", ["het sturen van tips per e-mail"])
    assert unmatched(wrong, reviewed, "bases")
    assert not unmatched(right, reviewed, "bases")
    assert len(unmatched(reviewed, right, "bases")) == 1


def test_a_heading_per_basis_ties_the_list_under_it(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nKlanten\n\nWij gebruiken je gegevens zo.\n\n"
                                   "Gerechtvaardigd belang\n\n- het voorkomen van fraude\n- het meten van websitebezoek\n\n"
                                   "Toestemming\n\n- het sturen van de nieuwsbrief\n\n"
                                   "Toestemming intrekken\n\n- via de link in elke e-mail\n\n"
                                   "Uitvoering van de overeenkomst\n\n- het bezorgen van je bestelling\n")
    assert [(p["legal_basis"]["basis"], p["name"], p["legal_basis"]["provenance"]["quote"]) for p in purposes] == [
        ("legitimate_interests", "het voorkomen van fraude", "Gerechtvaardigd belang"),
        ("legitimate_interests", "het meten van websitebezoek", "Gerechtvaardigd belang"),
        ("consent", "het sturen van de nieuwsbrief", "Toestemming"),
        ("contract", "het bezorgen van je bestelling", "Uitvoering van de overeenkomst")]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nMembers\n\nLegitimate interests\n\n"
                                         "- keeping the club safe\n\nHow long we keep data\n\n- one year\n", "en")
    assert _tied(english) == [("legitimate_interests", "keeping the club safe")]


def test_a_purpose_stated_in_an_overview_table_and_in_its_own_section_is_one_purpose(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nIn het kort\n\n"
                                   "Doel | Gegevens | Grondslag\n"
                                   "Versturen van de nieuwsbrief | e-mailadres | Toestemming\n"
                                   "Beheren van je account | naam | Uitvoering van de overeenkomst\n\n"
                                   "De nieuwsbrief\n\nEens per maand sturen wij een nieuwsbrief.\nGrondslag: je toestemming.\n\n"
                                   "Fraude\n\nWij controleren betalingen.\nGrondslag: gerechtvaardigd belang.\n")
    account, newsletter, fraud = purposes
    assert [p["legal_basis"]["basis"] for p in purposes] == ["contract", "consent", "legitimate_interests"]
    assert [place["quote"] for place in newsletter["legal_basis"]["provenance"]] == [
        "Grondslag: je toestemming.", "Versturen van de nieuwsbrief | e-mailadres | Toestemming"]
    assert [place["section"] for place in newsletter["provenance"]] == ["De nieuwsbrief", "In het kort"]
    assert account["provenance"]["section"] == "In het kort"  # no section of its own: stated once


def test_dutch_prose_bases_and_what_is_no_tie(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nGemeente\n\n"
                                   "Wij geven aan de gemeente door hoeveel uur hulp wij u gaven. "
                                   "Dat is een wettelijke plicht uit de Wet maatschappelijke ondersteuning.\n\n"
                                   "Extra's\n\nVoor de volgende verwerkingen vragen wij je eerst om toestemming:\n"
                                   "- het tonen van je profielfoto;\n- het gebruiken van je locatie.\n\n"
                                   "Met wie delen wij je gegevens?\n\n"
                                   "Als de wet ons daartoe verplicht, geven wij gegevens aan de politie.\n")
    assert _by_section(purposes) == [
        ("legal_obligation", "Gemeente"), ("consent", "Extra's"), ("consent", "Extra's")]


def test_the_score_reads_a_statement_by_its_section_and_quote(tmp_path: Path):
    def declaration(name: str, purpose: str) -> object:
        rows = "".join(f"      - {{id: p{i}, name: P, legal_basis: {{basis: contract, provenance: {{section: {section}, "
                       f"quote: Uitvoeren overeenkomst}}}}, provenance: {{section: {section}, quote: '{quote}'}}}}\n"
                       for i, (section, quote) in enumerate((("Naam organisatie", purpose), ("Berichten", "Wij slaan berichten op"))))
        path = tmp_path / f"{name}.yaml"
        path.write_text(f"pac: 1\norganisation: {name}\nnotice: {{language: nl}}\nactivities:\n  - id: a\n    name: A\n"
                        f"    provenance: {{section: Berichten, quote: Berichten}}\n    purposes:\n{rows}", encoding="utf-8")
        (organisation,) = load([path])
        return facts(organisation)["bases"]

    # the same basis statement, alone in its section: the purpose is the same, though quoted from another clause
    drafted = declaration("drafted", "met behulp van de naam van je organisatie kunnen we alle geplaatste")
    reviewed = declaration("reviewed", "alle geplaatste vragen en aanbod in één overzicht per organisatie plaatsen")
    assert not unmatched(drafted, reviewed, "bases")


def test_a_second_basis_with_its_own_purpose_in_a_numbered_basis_item(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nPersoonsgegevens: naam\n\nWaarom\n\n"
                                   "  1. Wij gebruiken je naam om je aan te spreken.\n  2. Wij zoeken fouten op.\n\n"
                                   "Verwerkingsgrondslag\n\n  1. Uitvoeren overeenkomst (matching), Toestemming (marketing).\n"
                                   "  2. Gerechtvaardigd belang.\n")
    assert [(p["legal_basis"]["basis"], p["name"], p["provenance"]["quote"]) for p in purposes] == [
        ("contract", "Wij gebruiken je naam om je aan te spreken. (matching)", "Wij gebruiken je naam om je aan te spreken."),
        ("consent", "marketing", "Uitvoeren overeenkomst (matching), Toestemming (marketing)."),
        ("legitimate_interests", "Wij zoeken fouten op.", "Wij zoeken fouten op.")]
    assert purposes[1]["legal_basis"]["provenance"]["note"].startswith("Review: basis item 1 names the purpose 'marketing'")


def test_flemish_and_english_wording_of_bases_and_a_parents_consent(tmp_path: Path):
    flemish = _purposes(tmp_path, "Privacyverklaring van Voorbeeld BV\n\nFacturatie\n\n"
                                  "Wij bewaren je facturen om te voldoen aan onze boekhoudkundige en fiscale verplichtingen.\n\n"
                                  "Camera\n\nWij filmen de inkom op grond van ons gewettigd belang bij de veiligheid.\n\n"
                                  "Jeugdleden\n\nVoor leden jonger dan 16 is de toestemming van de ouders vereist.\n")
    assert _by_section(flemish) == [
        ("legal_obligation", "Facturatie"), ("legitimate_interests", "Camera")]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nPayroll\n\n"
                                         "We process salary data because we must comply with the law on payroll taxes.\n", "en")
    assert [p["legal_basis"]["basis"] for p in english] == ["legal_obligation"]


def test_an_agreement_with_another_party_is_no_basis(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nAnalyse\n\nWij gebruiken Matomo om bezoek te "
                                   "meten. Met Matomo hebben wij een overeenkomst gesloten, omdat dat nodig is om je "
                                   "gegevens te beschermen.\n\nBestellingen\n\nWij bezorgen je bestelling. Dat is nodig "
                                   "voor de uitvoering van de overeenkomst die je met ons hebt gesloten.\n")
    assert _by_section(purposes) == [("contract", "Bestellingen")]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nHosting\n\nOur host stores our data. We have "
                                         "signed a data processing agreement with them because it is required.\n", "en")
    assert english == []


def test_a_basis_word_in_the_name_of_an_act_is_no_basis(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nZorg\n\nWij houden een zorgdossier bij. "
                                   "Dat doen wij omdat de wet (de Wet op de geneeskundige behandelingsovereenkomst) dat "
                                   "van ons vraagt.\n\nBehandeling\n\nWij plannen je afspraken, omdat dat nodig is voor de "
                                   "uitvoering van de behandelingsovereenkomst.\n")
    assert _by_section(purposes) == [
        ("legal_obligation", "Zorg"), ("contract", "Behandeling")]


def test_a_heading_that_is_a_basis_over_prose_ties_its_section(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nG. Verplichtingen van de wet\n\n"
                                   "Platforms moeten jaarlijks de inkomsten van verkopers melden. Daarom geven wij die door.\n\n"
                                   "Toestemming\n\nVia de cookiebanner kun je toestemming geven voor cookies.\n")
    assert [(p["legal_basis"]["basis"], p["provenance"]["quote"]) for p in purposes] == [
        ("legal_obligation", "Platforms moeten jaarlijks de inkomsten van verkopers melden.")]
    assert purposes[0]["legal_basis"]["provenance"]["quote"].endswith("Verplichtingen van de wet")
    assert purposes[0]["legal_basis"]["provenance"]["note"].startswith("Review: the heading")


def test_a_consent_as_an_inserted_clause_bears_on_the_words_after_it(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\n8. Cookies\n\nOp onze website gebruiken wij "
                                   "functionele cookies en, met je toestemming, analytische cookies van Google Analytics. "
                                   "Cookies verwijderen kan in je browser.\n")
    assert _tied(purposes) == [("consent", "analytische cookies van Google Analytics")]


def test_a_retention_table_names_no_basis_and_we_ask_your_consent(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nBewonersblad\n\n"
                                   "Voor het plaatsen van uw foto in ons bewonersblad vragen wij vooraf uw toestemming.\n\n"
                                   "Bewaartermijnen\n\nHuurdersdossier | 7 jaar na einde huurovereenkomst\n"
                                   "Klachten | 2 jaar\n")
    assert _by_section(purposes) == [("consent", "Bewonersblad")]


def test_a_bare_basis_bears_on_the_purpose_stated_before_it(tmp_path: Path):
    """A basis with no purpose of its own ('Wij vragen daarvoor je toestemming', 'We rely on our legitimate interest
    in ...', 'Grondslag: taak van algemeen belang') is tied to the purpose of the sentence before it."""
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nHerinneringen\n\nAls je dat wilt, sturen wij je "
                                "pushberichten met tips. Wij vragen daarvoor je toestemming via je telefoon.\n\nAfspraken\n\n"
                                "Voor een afspraak vragen wij uw naam. U ontvangt een herinnering per sms. Grondslag: taak van "
                                "algemeen belang.\n")
    assert [(p["legal_basis"]["basis"], p["provenance"]["quote"][:30]) for p in dutch] == [
        ("consent", "Als je dat wilt"), ("public_task", "U ontvangt een herinnering per")]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nMonitoring\n\nWe use the answers to check that "
                                         "our courses reach all groups. We rely on our legitimate interest in making our "
                                         "courses accessible.\n", "en")
    assert [(p["legal_basis"]["basis"], p["provenance"]["quote"][:25]) for p in english] == [
        ("legitimate_interests", "We use the answers to che")]


def test_a_retention_line_and_an_agreement_with_another_organisation_tie_no_basis(tmp_path: Path):
    purposes = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nPayments\n\nWhat we use: your billing address.\n"
                                   "How long: six years from the end of the financial year, as HMRC requires.\n\nReports\n\n"
                                   "We send your grades to your employer. We do this to perform our agreement with your "
                                   "employer.\n", "en")
    assert _tied([p for p in purposes if "legal_basis" in p]) == []


def test_steps_before_entering_into_a_contract(tmp_path: Path):
    """Art. 6(1)(b) covers steps at the reader's request before a contract ('zodat wij een overeenkomst met u kunnen
    sluiten'); without such words an 'overeenkomst' in passing ties nothing."""
    purposes = _purposes(tmp_path, "Privacyverklaring van Voorbeeld BV\n\nOffertes\n\nWij gebruiken uw gegevens om een "
                                   "offerte op te maken, zodat wij een overeenkomst met u kunnen sluiten.\n")
    assert [p["legal_basis"]["basis"] for p in purposes] == ["contract"]
    assert _purposes(tmp_path / "none", "Privacyverklaring van Voorbeeld BV\n\nOffertes\n\nDe overeenkomst staat in "
                                        "ons archief.\n") == []


def _named(purposes: list[dict]) -> list[tuple[str, str | None]]:
    return [(p["name"], p.get("legal_basis", {}).get("basis")) for p in purposes]


def test_a_basis_named_on_the_line_after_its_lead_in(tmp_path: Path):
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\n1. Doel, gegevens en bewaartermijn\n\n"
                                "Wij verwerken gegevens voor een paar doelen.\n\n2.1 Offertes opstellen\n\n"
                                "Voor dat doel gebruiken wij de volgende persoonsgegevens:\n- Naam\n- E-mailadres\n"
                                "De grondslag waarop wij deze gegevens mogen verwerken is:\nNa het verlenen van toestemming.\n")
    assert _named(dutch) == [("2.1 Offertes opstellen", "consent")]
    assert dutch[0]["legal_basis"]["provenance"]["quote"] == "Na het verlenen van toestemming."
    english = _purposes(tmp_path / "en", "Privacy statement of Example Ltd\n\n3.2 Invoicing\n\n"
                                         "For this purpose we use the following data:\n- Name\n- Postal address\n"
                                         "The basis on which we may process these data is:\n"
                                         "It is needed to carry out a contract with the data subject.\n", "en")
    assert _named(english) == [("3.2 Invoicing", "contract")]  # the data items are no purposes


def test_articles_cited_in_the_german_style_and_other_wordings_of_a_basis(tmp_path: Path):
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld B.V.\n\nLogbestanden\n\n"
                                "Wij bewaren IP-adressen op basis van art. 6 lid 1 lit. f AVG, om storingen te vinden.\n\n"
                                "Offertes\n\nDe rechtsgrondslag voor het maken van een offerte is Art. 6(1) lit. b AVG.\n\n"
                                "Beveiliging\n\nWij loggen inlogpogingen vanwege ons legitieme belang bij een veilige site.\n\n"
                                "Leden\n\nWij hebben je adres nodig vanwege onze overeenkomst met jou.\n")
    assert _named(dutch) == [("Logbestanden", "legitimate_interests"), ("Offertes", "contract"),
                             ("Beveiliging", "legitimate_interests"), ("Leden", "contract")]
    belgian = _purposes(tmp_path / "be", "Privacyverklaring van Voorbeeld vzw\n\nWaarom verwerken wij gegevens?\n\n"
                                         "a. Om te voldoen aan de wettelijke en reglementaire verplichtingen van een vzw.\n"
                                         "b. Om te voldoen aan de contractuele verplichting tegenover onze leden.\n")
    assert [basis for _, basis in _named(belgian)] == ["legal_obligation", "contract"]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nAccounts\n\n"
                                         "We need your details to provide you with the contracted services.\n", "en")
    assert _named(english) == [("Accounts", "contract")]


def test_a_list_item_introducing_the_items_after_it(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nHow we use your data\n\n"
                                  "We use your data as follows:\n"
                                  "- To perform our contract with you. This includes:\n- delivering your parcel;\n"
                                  "- sending the invoice;\n- Where you give us consent:\n- sending you our newsletter.\n", "en")
    assert _named(english) == [("delivering your parcel;", "contract"), ("sending the invoice;", "contract"),
                               ("sending you our newsletter.", "consent")]
    assert all(p["legal_basis"]["provenance"]["note"].startswith("Review:") for p in english)
    lettered = _purposes(tmp_path / "x", "Privacy notice of Example Ltd\n\nHow we use your data\n\n"
                                         "We collect personal information:\n1) with your consent:\n"
                                         "a) Offers - telling you about new courses;\n"
                                         "2) to fulfil our obligations under a contract:\n"
                                         "b) Bookings - confirming your place on a course;\n", "en")
    assert [(p["name"][:9], p["legal_basis"]["basis"]) for p in lettered] == [("a) Offers", "consent"),
                                                                               ("b) Bookin", "contract")]


def test_a_list_item_introducing_nothing_ties_no_purpose(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nHow we use your data\n\n"
                                  "We use your data in two ways:\n- with your consent:\n\nWe keep your data safe.\n", "en")
    assert not [p for p in english if p.get("legal_basis")]


def test_a_sentence_restating_the_basis_of_the_one_before_it(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nCustomers\n\n"
                                  "We send invoices to our customers, which is necessary to perform our agreement. "
                                  "We perform this processing on the basis of performance of contract. "
                                  "Sometimes we pass invoices to the tax office. We then do so on the basis of a legal obligation.\n",
                        "en")
    assert [(p["legal_basis"]["basis"], p["provenance"]["quote"][:26]) for p in english] == [
        ("contract", "We send invoices to our cu"), ("legal_obligation", "Sometimes we pass invoices")]


def test_a_basis_a_sentence_refers_back_with_is_not_applied_to_a_list(tmp_path: Path):
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld\n\nDossier\n\nIk leg voor elke cliënt een dossier aan. "
                                "Dit is een wettelijke plicht op grond van de WGBO.\n"
                                "Ik gebruik het dossier ook voor de volgende doelen:\n- het maken van de factuur\n"
                                "- het overleg met een collega\n")
    assert _named(dutch) == [("het maken van de factuur", None), ("het overleg met een collega", None),
                             ("Ik leg voor elke cliënt een dossier aan.", "legal_obligation")]


def test_one_basis_over_items_a_lead_in_introduces(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nOur customers\n\n"
                                  "When you buy from us, we need your data to perform our contract with you. We may use your data in "
                                  "order to:\n1. deliver your order\n2. answer your questions\n", "en")
    assert _named(english) == [("deliver your order", "contract"), ("answer your questions", "contract")]
    assert english[0]["legal_basis"]["provenance"]["note"].startswith("Review:")


def test_the_law_requiring_a_notice_is_no_basis(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nAbout this notice\n\n"
                                  "The law requires us to tell you which data we collect.\n", "en")
    assert not english


def test_a_list_of_bases_each_defined_by_when_it_applies(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nOur grounds\n\n"
                                  "1. Consent: where you have consented to our use of your data (by ticking a box).\n"
                                  "2. Contract performance: where we need your data to perform the contract we have with you.\n"
                                  "3. Legitimate interests: where we have a legitimate interest in using your data.\n", "en")
    assert not [p for p in english if p.get("legal_basis")]
    tied = _purposes(tmp_path / "x", "Privacy notice of Example Ltd\n\nNewsletter\n\n"
                                     "- Consent: when you sign up for the newsletter.\n", "en")
    assert _named(tied) == [("when you sign up for the newsletter", "consent")]


def test_a_table_whose_rows_run_over_lines(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nHow we use your data\n\n"
                                  "Purpose/Activity | Type of data | Lawful basis for processing including basis of "
                                  "legitimate interest |\nTo open your account | (a) Identity (b) Contact |\n"
                                  "Performance of a contract with you |\nTo keep our systems safe | (a) Technical |\n"
                                  "Necessary for our legitimate interests (to prevent fraud) |\n"
                                  "To collect debts | (a) Financial |\n(a) Performance of a contract (b) Legitimate interests |\n",
                        "en")
    assert _named(english) == [("To open your account", "contract"), ("To keep our systems safe", "legitimate_interests")]
    assert english[0]["legal_basis"]["provenance"]["quote"] == "Performance of a contract with you |"


def test_data_listed_under_a_purpose_heading_are_no_purposes(tmp_path: Path):
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld\n\n1. Doel en gegevens\n\n"
                                "Voor dit doel gebruiken wij de volgende gegevens:\n- Naam\n- E-mailadres\n")
    assert not dutch


def test_a_basis_cited_with_its_article_before_a_colon(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nOur lawful bases\n\nWe rely on these bases:\n"
                                  "- Art. 6(1)(b) — performance of a contract: running your membership, sending invoices.\n"
                                  "- Art. 6(1)(a) — consent: the monthly newsletter.\n", "en")
    assert _named(english) == [("running your membership, sending invoices", "contract"),
                               ("the monthly newsletter", "consent")]


def test_a_labelled_basis_in_parentheses_is_no_purpose_of_its_own(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nNewsletter\n\n"
                                  "If you tick the box, we send you our newsletter once a month.\n"
                                  "Legal basis: explicit consent (Art. 6(1)(a) GDPR).\n", "en")
    assert _named(english) == [("Newsletter", "consent")]
    assert english[0]["provenance"]["quote"].startswith("If you tick the box")


def test_paragraphs_defining_each_basis_tie_no_purpose(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nThe grounds the law allows\n\n"
                                  "Consent: The person has consented to the processing of the data.\n\n"
                                  "Legal obligation: Rules oblige the controller to keep some records.\n", "en")
    assert not english
    dutch = _purposes(tmp_path / "nl", "Privacyverklaring van Voorbeeld\n\nNieuwsbrief\n\n"
                                       "- Grondslag: uitvoering van de overeenkomst met de abonnee.\n")
    assert [basis for _, basis in _named(dutch)] == ["contract"]


def test_a_legal_obligation_under_a_named_statute(tmp_path: Path):
    dutch = _purposes(tmp_path, "Privacyverklaring van Voorbeeld\n\nIdentificatie\n\n"
                                "Op grond van de Wwft zijn wij verplicht de identiteit van elke koper vast te stellen.\n\n"
                                "Klantonderzoek\n\nOp basis van de Wet op het notarisambt moeten wij een dossier bijhouden.\n\n"
                                "Levering\n\nOp basis van de Overeenkomst moeten wij de goederen leveren.\n")
    assert _named(dutch) == [("Identificatie", "legal_obligation"), ("Klantonderzoek", "legal_obligation"),
                             ("Levering", "contract")]
    english = _purposes(tmp_path / "en", "Privacy notice of Example Ltd\n\nIdentity checks\n\n"
                                         "Under the Money Laundering Regulations we are required to check who you are.\n\n"
                                         "About this notice\n\nUnder the GDPR we are required to publish this notice.\n\n"
                                         "Your choice\n\nYou are not required by law to give us your phone number.\n", "en")
    assert _named(english) == [("Identity checks", "legal_obligation")]


def test_conditions_of_article_9_are_no_public_task(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nSafeguarding\n\n"
                                  "We record concerns about a child's welfare for reasons of substantial public interest.\n\n"
                                  "Our archive\n\nWe keep old team photos for archiving purposes in the public interest.\n\n"
                                  "Health questionnaire\n\nWe only use your answers about injuries with your explicit consent.\n", "en")
    assert _named(english) == [("Health questionnaire", "consent")]
    dutch = _purposes(tmp_path / "nl", "Privacyverklaring van Voorbeeld\n\nIncidenten\n\n"
                                       "Wij verwerken gezondheidsgegevens om redenen van zwaarwegend algemeen belang.\n")
    assert not dutch


def test_prose_under_a_heading_that_is_its_basis_may_name_that_basis(tmp_path: Path):
    english = _purposes(tmp_path, "Privacy notice of Example Ltd\n\nOur grounds\n\nWe use these grounds.\n\n"
                                  "4.1 By Consent\n\nPeople who want to hear about our concerts and agreed to receive our consent-based mailings.\n\n"
                                  "4.2 By Contract\n\nPeople who book a concert ticket. We use the booking to manage the contract with them.\n",
                        "en")
    assert [(p["name"], p["legal_basis"]["basis"], p["provenance"]["quote"][:16]) for p in english] == [
        ("4.1 By Consent", "consent", "People who want "), ("4.2 By Contract", "contract", "People who book ")]
    dutch = _purposes(tmp_path / "nl", "Privacyverklaring van Voorbeeld\n\nWebsite\n\nWij meten bezoeken.\n\nToestemming\n\n"
                                       "Via de banner kun je toestemming geven voor het plaatsen van cookies.\n")
    assert not [p for p in dutch if p.get("legal_basis")]  # how to give consent, under a sub-heading
