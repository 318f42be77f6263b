"""``pac draft`` on synthetic notices: rights, retention, the controller and the notice's other statements
(children, automated decisions, cookies) are drafted when stated, and not when not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pac import load
from pac.cli import main
from pac.draft import cookies, retention, statements
from pac.draft.controller import controller
from pac.draft.rights import rights, scope
from pac.draft.assemble import draft
from pac.draft.text import MAX_SENTENCE, sentences


def _rights(text: str) -> list[str]:
    return [r["right"] for r in rights(sentences(text))]


@pytest.mark.parametrize("text, expected", [
    ("Je rechten\n\nJe hebt recht op inzage, correctie en verwijdering van je gegevens.\n",
     ["access", "rectification", "erasure"]),
    ("Privacy\n\nJe kunt je gegevens laten verwijderen. U kunt ons vragen uw gegevens te corrigeren.\n",
     ["rectification", "erasure"]),
    ("Wat kun je doen?\n\nJe hebt de volgende rechten:\n- inzage\n- dataportabiliteit\n- bezwaar\n",
     ["access", "portability", "objection"]),
    ("Contact\n\nYou can ask us to delete your data, or request a copy of your personal data.\n",
     ["access", "erasure"]),
    ("Inzage, correctie en verwijdering\n\nStuur ons een e-mail als je gegevens wilt inzien.\n", ["access"]),
    ("Toestemming intrekken\n\nJe kunt je keuze altijd intrekken via de instellingen.\n", ["withdraw_consent"]),
    ("Klachten\n\nBen je het niet eens met ons? Dan kun je een klacht indienen. Dat doe je bij de "
     "Autoriteit Persoonsgegevens.\n", ["complaint"]),
    ("Your privacy\n\nYou may complain to the Information Commissioner's Office.\n", ["complaint"]),
    ("Je rechten\n\nJe hebt het recht bezwaar te maken tegen het plaatsen van cookies.\n", ["objection"]),
    ("Your rights\n\nYou have the following rights:\n  - to ask us to limit how we use your data\n"
     "  - to receive your data in a machine-readable format\n", ["restriction", "portability"]),
    ("What you can do\n\nYou can see the personal data we hold about you, and have your account data removed.\n",
     ["access", "erasure"]),
    ("What you can do\n\nYou can ask us to pause the use of your data while we answer your question.\n", ["restriction"]),
    ("Jouw rechten\n\nJe mag:\n- je gegevens bekijken;\n- foute gegevens laten verbeteren.\n", ["access", "rectification"]),
    ("Uw rechten\n\nOp uw verzoek verwijderen wij uw gegevens.\n", ["erasure"]),
    ("Uw rechten\n\nU kunt vragen gegevens die niet kloppen te laten corrigeren.\n", ["rectification"]),
    ("Your rights\n\nYou can ask us to erase data that we no longer need.\n", ["erasure"]),
    ("4. Your rights\nYou are entitled to:\n- obtain a copy of your personal data;\n- have inaccurate data rectified.\n",
     ["access", "rectification"]),
    ("Children\n\nParents can ask us to delete their child's data.\n", ["erasure"]),
    ("Veelgestelde vragen\n\nKan ik zien welke gegevens jullie van mij hebben?\nJa. Dat kan.\n\n"
     "Mag ik mijn gegevens laten verwijderen?\nJa, stuur ons een e-mail.\n\nKan ik bezwaar maken?\nNee. Wij hebben "
     "bezwaar niet nodig.\n", ["access", "erasure"]),
    ("Wat als mijn gegevens niet kloppen?\n\nDan kun je ons vragen ze te verbeteren. Ook kun je bezwaar maken tegen "
     "het gebruik voor de nieuwsbrief.\n", ["rectification", "objection"]),
    ("Kan ik mijn gegevens meenemen?\n\nOp verzoek sturen wij je gegevens in een machineleesbaar formaat.\n",
     ["portability"]),
    ("Jouw rechten\n\nJe hebt recht op toegang tot je gegevens, het recht om vergeten te worden en het recht om niet "
     "het voorwerp te zijn van een geautomatiseerde beslissing.\n", ["access", "erasure", "no_automated_decision"]),
    ("Klachten\n\nBen je niet tevreden, dan kan je terecht bij de Gegevensbeschermingsautoriteit in Brussel.\n",
     ["complaint"]),
    ("Complaints\n\nIf you are unhappy, you can complain to the Data Protection Commission.\n", ["complaint"]),
    ("Privacy\n\nJe hebt het recht om je gegevens in te kijken. Je kan je ook verzetten tegen onze herinneringen. "
     "Niet tevreden? Neem contact op met de Gegevensbeschermingsautoriteit.\n", ["access", "objection", "complaint"]),
    ("Photos\n\nWith your consent, we take photos at our concerts. If you change your mind, just tell us.\n",
     ["withdraw_consent"]),
    ("Uw rechten\n\nU mag altijd vragen welke gegevens wij van u hebben.\n", ["access"]),
    ("Uw rechten\n\nU kunt uw gegevens laten bijwerken of laten afschermen. Klagen kan bij de privacywaakhond, de "
     "Autoriteit Persoonsgegevens.\n", ["rectification", "restriction", "complaint"]),
    ("Je rechten\n\nJe hebt recht op inzage, verbetering en wissing van je gegevens.\n",
     ["access", "rectification", "erasure"]),
    ("Your rights\n\nYou can ask for your data in a format you can take elsewhere.\n", ["portability"]),
    ("Your rights\n\nYou can ask us to transfer your information to you or another organisation.\n", ["portability"]),
    ("Nieuwsbrief\n\nMet je toestemming sturen wij je een nieuwsbrief. Afmelden kan via de link onderaan.\n",
     ["withdraw_consent"]),  # unsubscribing from what a consent covers
    ("Newsletter\n\nWith your consent we send a newsletter. You stay on the list until you unsubscribe.\n", []),
])
def test_rights_as_nouns_verbs_and_lists(text: str, expected: list[str]):
    assert sorted(_rights(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Gerechtvaardigd belang\n\nDaarom beperken wij de toegang tot deze gegevens.\n",
    "Je rechten\n\nJe kunt je cookies verwijderen via de instellingen van je browser.\n",
    "Je rechten\n\nJe kunt je account verwijderen in de app.\n",
    "Nieuwsbrief\n\nAls je je toestemming intrekt, verwijderen wij je e-mailadres.\n",
    "Newsletter\n\nIf you withdraw your consent, we stop sending it.\n",
    "Rechten\n\nNeem contact op als je een verzoek hebt.\n\nBeveiliging\n\n- we beperken de toegang tot je gegevens\n",
    "Uw rechten\n\nU heeft geen recht op overdraagbaarheid van uw gegevens.\n",
    "Your rights\n\nYou do not have the right to object to the processing, because we need it for the contract.\n",
    "Uw rechten\n\nHet recht op verwijdering geldt niet voor facturen.\n",
    "Jouw rechten\n\nHeb je geen opdracht gegeven? Dan verwijderen we je gegevens na drie maanden.\n",
    "Jouw rechten\n\nWe beperken het aantal medewerkers dat je gegevens kan zien.\n",
    "Your rights\n\nYour employer can ask us to have the schedule data moved to another provider.\n",
    "Complaints\n\nYou can submit a complaint to our data protection officer, who supervises our compliance.\n",
    "Rechten\n\nWij vragen geen toestemming; er is dus ook geen toestemming die u kunt intrekken.\n",
    "Updates\n\nWe keep your address until you withdraw your consent.\n",
    "Lessons\n\nTutors can ask us to remove a pupil from their timetable at any time.\n",
    "Your rights\n\nDeleting your account in the parent portal removes your login, not your lesson records.\n",
    "Uw rechten\n\nEen recht van bezwaar heeft u niet tegen de verwerking die nodig is voor de huurovereenkomst.\n",
    "Uw rechten\n\nGegevens die de gemeente over u heeft, kunt u alleen bij de gemeente zelf opvragen.\n",
    "Your rights\n\nOther parents cannot ask to see your child's records.\n",
    "Nemen jullie automatische besluiten?\n\nNee. Wij nemen geen besluiten die uitsluitend geautomatiseerd zijn.\n",
    "Kan ik mijn gegevens laten verwijderen?\n\nNee, die gegevens moeten wij bewaren.\n",
    "Klachten\n\nOnze klachtencommissie is bereikbaar via Postbus 1020.\n",
    "Service\n\nNiet tevreden over je bestelling? Neem contact op met onze klantenservice.\n",
    "Bookings\n\nIf you change your mind about a lesson, just tell us a day before.\n",
    "Kan ik mijn account verwijderen?\n\nJa, dat kan in de app.\n",
    "Rooster\n\nJe kunt ons vragen stellen over het aanpassen van je rooster.\n",
])
def test_no_right_where_none_is_offered(text: str):
    assert _rights(text) == []


def _rules(text: str) -> list[tuple]:
    return [tuple(rule.get(k) for k in ("period", "limit", "after", "until", "vague"))
            for s in sentences(f"Bewaren\n\n{text}\n") for rule in retention.rules(s)]


@pytest.mark.parametrize("text, expected", [
    ("Wij bewaren je gegevens tot 2 jaar na het einde van de overeenkomst.", ("P2Y", "exactly", "contract_end", None, None)),
    ("Wij bewaren je sollicitatie tot 4 weken.", ("P4W", "at_most", None, None, None)),
    ("Facturen bewaren wij 7 jaar (fiscale bewaarplicht).", ("P7Y", "exactly", None, None, None)),
    ("Wij bewaren deze gegevens zeven (7) jaar.", ("P7Y", "exactly", None, None, None)),
    ("We keep your file for no more than twenty-four months.", ("P24M", "at_most", None, None, None)),
    ("Camerabeelden worden hooguit vier weken bewaard.", ("P4W", "at_most", None, None, None)),
    ("Wij bewaren je cv anderhalf jaar.", ("P18M", "exactly", None, None, None)),
    ("Offertes bewaren wij een half jaar.", ("P6M", "exactly", None, None, None)),
    ("Logbestanden: max. 6 mnd bewaard.", ("P6M", "at_most", None, None, None)),
    ("Gegevens ouder dan 2 jaar worden verwijderd.", ("P2Y", "exactly", None, None, None)),
    ("Recordings are overwritten automatically after 72 hours.", ("PT72H", "exactly", None, None, None)),
    ("Je gegevens bewaren we zolang je account bestaat.", (None, None, None, "account_deletion", None)),
    ("Wij bewaren uw gegevens zolang uw account actief is.", (None, None, None, "account_deletion", None)),
    ("Wij bewaren je gegevens zolang je lid bent.", (None, None, None, "contract_end", None)),
    ("Wij bewaren je gegevens niet langer dan nodig.", (None, None, None, None, "niet langer dan nodig")),
    ("Wij zullen je gegevens niet langer bewaren dan strikt noodzakelijk is.",
     (None, None, None, None, "niet langer bewaren dan strikt noodzakelijk")),
])
def test_retention_as_stated(text: str, expected: tuple):
    assert _rules(text) == [expected]


@pytest.mark.parametrize("text", [
    "Wij gebruiken je gegevens maximaal zes maanden.",  # a limit on use, not on storage
    "We delete old backups once a week.",  # a frequency
])
def test_no_retention_period_where_none_is_stated(text: str):
    assert _rules(text) == []


def _rules_under(heading: str, text: str) -> list[tuple]:
    return [(rule.get("period"), rule.get("limit")) for s in sentences(f"{heading}\n\n{text}\n") for rule in retention.rules(s)]


@pytest.mark.parametrize("text, expected", [
    ("How long: 24 months after your last message.", [("P24M", "exactly")]),  # a line labelled with its retention
    ("Bewaartermijn: 6 maanden na het afronden van de hulpvraag.", [("P6M", "exactly")]),
    ("Chatten met de gemeente | naam, berichten | | één jaar", [("P1Y", "exactly")]),  # a table's retention column
    ("Statistieken over het gebruik van de app | gebruiksgegevens | gerechtvaardigd belang | 26 maanden",
     [("P26M", "exactly")]),
    ("Account | naam | overeenkomst | tot 12 maanden na het opzeggen van je account", [("P12M", "exactly")]),
    ("Na drie jaar wissen we je herstelfiche.", [("P3Y", "exactly")]),
    ("Wij halen de foto's dan binnen een week van de website.", [("P1W", "at_most")]),
    ("We bewaren je gegevens tot 2 jaar nadat je lid-af bent.", [("P2Y", "exactly")]),  # until then, not 'up to'
])
def test_retention_in_labels_tables_and_verbs(text: str, expected: list):
    assert _rules_under("Klanten", text) == expected


@pytest.mark.parametrize("heading, text", [
    ("Cookies", "De Matomo-cookies worden na 13 maanden verwijderd."),  # a cookie's lifetime
    ("Cookies", "_ga | Google Analytics | statistieken | 2 jaar"),  # a row of a cookie table
    ("Klanten", "Klantnummer | naam | 16 jaar en ouder"),  # a cell that does not open with a period
])
def test_no_retention_from_cookie_lifetimes_or_other_cells(heading: str, text: str):
    assert _rules_under(heading, text) == []


def test_children_as_stated():
    drafted = statements.children(sentences(
        "Kinderen\n\nWij verwerken geen gegevens van kinderen jonger dan 16 jaar zonder toestemming van een ouder of "
        "voogd. We kunnen echter niet controleren hoe oud een bezoeker is.\n"))
    assert (drafted["minimum_age"], drafted["parental_consent"], drafted["age_verified"]) == (16, True, False)
    assert statements.children(sentences("Sollicitaties\n\nWij bewaren je brief tot 4 weken.\n")) is None
    assert statements.children(sentences("Children\n\nOur services are not directed at children under 13.\n"))["minimum_age"] == 13


@pytest.mark.parametrize("text, expected", [
    ("Geautomatiseerde besluitvorming\n\nWij nemen geen besluiten op basis van geautomatiseerde besluitvorming.\n",
     {"used": False}),
    ("Profiling\n\nWe do not use profiling or take automated decisions with adverse effects for you.\n",
     {"used": False, "profiling": False, "qualified": "adverse_effects"}),
    ("Scoring\n\nWe use automated decision-making and profiling to assess applications.\n",
     {"used": True, "profiling": True}),
    ("Je rechten\n\nJe hebt het recht niet te worden onderworpen aan geautomatiseerde besluitvorming.\n", None),
])
def test_automated_decisions_as_stated(text: str, expected: dict | None):
    drafted = statements.automated_decisions(sentences(text))
    assert (drafted and {k: v for k, v in drafted.items() if k != "provenance"}) == expected


def test_the_right_not_to_be_subject_to_automated_decisions():
    assert _rights("Je rechten\n\nJe hebt het recht niet te worden onderworpen aan geautomatiseerde besluitvorming.\n") == [
        "no_automated_decision"]


def test_cookies_with_the_notice_own_category_and_consent():
    drafted = cookies.cookies(sentences(
        "Cookies\n\n- Functionele cookies: die staan altijd aan.\n- Marketingcookies: hiervoor vragen wij je toestemming.\n"
        "- Tracking cookies volgen je over websites.\n\nWij gebruiken geen social media cookies.\n"), set(), [], [])[0]
    assert [(c["category"], c["term"], c.get("consent")) for c in drafted] == [
        ("functional", "Functionele cookies", "not_asked"), ("marketing", "Marketingcookies", "asked"),
        ("tracking", "Tracking cookies", None)]
    assert len({c["id"] for c in drafted}) == 3


def test_dpo_authority_and_complaint_route_are_drafted_when_stated(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Privacyverklaring van Voorbeeld B.V.\n\nWie zijn wij\n\nVoorbeeld B.V. (KvK 12345678) is verantwoordelijk.\n\n"
        "Functionaris\n\nOnze functionaris voor de gegevensbescherming bereik je via fg@voorbeeld.nl.\n\n"
        "Klachten\n\nJe kunt een klacht indienen bij de Autoriteit Persoonsgegevens.\n\nKinderen\n\n"
        "Wij verwerken geen gegevens van kinderen jonger dan 16 jaar.\n\nCookies\n\nWij plaatsen analytische cookies.\n",
        encoding="utf-8")
    output = tmp_path / "voorbeeld.yaml"
    assert main(["draft", str(notice), "-o", str(output)]) == 0
    (organisation,) = load([output])
    assert organisation.controller.dpo.designated and organisation.controller.dpo.contacts[0].value == "fg@voorbeeld.nl"
    assert organisation.controller.supervisory_authority.name == "Autoriteit Persoonsgegevens"
    assert organisation.notice.states_right("complaint")
    assert organisation.notice.children.minimum_age == 16
    assert [c.category for c in organisation.cookies] == ["analytics"]


def test_a_choice_to_accept_cookies_is_consent_asked():
    (drafted,), _ = cookies.cookies(sentences("Cookies\n\nJe kunt ervoor kiezen statistische cookies te accepteren.\n"),
                                    set(), [], [])
    assert (drafted["category"], drafted["consent"]) == ("analytics", "asked")


@pytest.mark.parametrize("text, expected", [
    ("Wie zijn wij\n\nMaatschap Huisartsen Zuid is verantwoordelijk. Ingeschreven in het Handelsregister onder nummer "
     "87654321. Telefoon: +31 (0)20 123 45 67.\n",
     {"legal_name": "Maatschap Huisartsen Zuid", "register": ("KvK", "87654321"), "phone": "+31 (0)20 123 45 67"}),
    ("Who we are\n\nNorth Sea Tools Ltd is the controller, company number 01234567. You may complain to the "
     "Information Commissioner.\n",
     {"legal_name": "North Sea Tools Ltd", "register": ("company number", "01234567"), "authority": "Information Commissioner"}),
    ("Over ons\n\nDe verwerkingsverantwoordelijke is Atelier Noord CommV (KBO 0123.456.789). Je kunt klagen bij de "
     "Gegevensbeschermingsautoriteit.\n",
     {"legal_name": "Atelier Noord CommV", "register": ("KBO", "0123.456.789"), "authority": "Gegevensbeschermingsautoriteit"}),
    ("Contact\n\nFietsplan B.V., KVK-nummer 11223344, is verantwoordelijk.\n",
     {"legal_name": "Fietsplan B.V.", "register": ("KvK", "11223344")}),
    ("Who we are\n\nThe app is developed by Nordlicht Software GmbH and offered by Lumen Rooster B.V., which is the "
     "controller, registered under company number 75123456. Questions go to +31 30 799 1234.\n",
     {"legal_name": "Lumen Rooster B.V.", "register": ("company number", "75123456"), "phone": "+31 30 799 1234"}),
    ("Artikel 1 Verantwoordelijke\n\nVerwerkingsverantwoordelijke is Woonstichting De Kern, statutair gevestigd te "
     "Zwolle, KvK 05012345. Voor bedrijfsruimten is er onze dochter De Kern Vastgoed B.V.\n",
     {"legal_name": "Woonstichting De Kern", "register": ("KvK", "05012345")}),
    ("About us\n\nGlenmore Childcare CLG runs a crèche in Glenmore, Co. Kilkenny, registered with the Companies "
     "Registration Office under number 612345. Contact: info@glenmore.example or (056) 772 1234.\n",
     {"legal_name": "Glenmore Childcare CLG", "register": ("CRO", "612345"), "phone": "(056) 772 1234"}),
    ("Over mij\n\nIk ben M.J. Bakker h.o.d.n. Bakker Boekhouding, KvK-nummer 87654321. Je bereikt mij op "
     "mj@bakker.example of 06 12 34 56 78. Ik werk met Moneybird B.V.\n",
     {"legal_name": "M.J. Bakker", "register": ("KvK", "87654321"), "phone": "06 12 34 56 78"}),
    ("Who we are\n\nRiverside Music Ltd teaches piano. Registered in England and Wales No. 08123456. Contact us at "
     "office@riverside.example or on 0118 496 0777. You can complain to the ICO.\n",
     {"legal_name": "Riverside Music Ltd", "register": ("Registered in England", "08123456"), "phone": "0118 496 0777",
      "authority": "Information Commissioner's Office"}),
    ("1. Wie wij zijn\n\nHet platform wordt beheerd door Coöperatie SamenSterk U.A. (hierna: \"SamenSterk\"), "
     "ingeschreven in het handelsregister onder nummer 77123456.\nContact: privacy@samensterk.example | 030 760 4400\n",
     {"legal_name": "Coöperatie SamenSterk U.A.", "register": ("KvK", "77123456"), "phone": "030 760 4400"}),
    ("Wie zijn we?\n\nTurnkring Sint-Jan v.z.w. (ondernemingsnummer 0456.789.123) is de verantwoordelijke. Je bent "
     "welkom op gsm 0486 11 22 33.\n",
     {"legal_name": "Turnkring Sint-Jan v.z.w.", "register": ("KBO", "0456.789.123"), "phone": "0486 11 22 33"}),
    ("Over ons\n\nHet platform wordt aangeboden door Klus B.V., Stationsplein 8, 5611 AB Eindhoven (KvK 90000302).\n",
     {"legal_name": "Klus B.V.", "register": ("KvK", "90000302")}),
    ("Wie zijn we?\n\nSpeelplein De Vlieger vzw (ondernemingsnummer BE 0712.345.678) is verantwoordelijk. Bel onze "
     "coördinator op 0473 12 34 56.\n",
     {"legal_name": "Speelplein De Vlieger vzw", "register": ("KBO", "0712.345.678"), "phone": "0473 12 34 56"}),
])
def test_controller_identity(text: str, expected: dict):
    found = controller(sentences(text))
    drafted = {"legal_name": found.get("legal_name"),
               "register": (found["registration"]["register"], found["registration"]["number"])}
    drafted |= {"phone": c["value"] for c in found.get("contacts", ()) if c["channel"] == "phone"}
    drafted |= {"authority": found["supervisory_authority"]["name"]} if "supervisory_authority" in found else {}
    assert drafted == expected


def test_consent_for_cookies_in_english():
    drafted = cookies.cookies(sentences("Cookies\n\nOur website uses strictly necessary cookies, which do not need your "
                                        "consent. We only place analytics cookies if you accept them.\n"), set(), [], [])[0]
    assert [(c["category"], c.get("consent")) for c in drafted] == [("strictly_necessary", "not_asked"), ("analytics", "asked")]


def test_a_register_number_with_a_leading_zero_stays_a_string(tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text("Who we are\n\nNorth Sea Tools Ltd is the controller, company number 09876543.\n", encoding="utf-8")
    output = tmp_path / "north-sea.yaml"
    assert main(["draft", str(notice), "--lang", "en", "-o", str(output)]) == 0
    (organisation,) = load([output])
    assert organisation.controller.registration.number == "09876543"


def test_contacts_of_others_are_not_the_controller_s():
    found = controller(sentences(
        "Wie zijn wij\n\nStichting Lindewaard is verantwoordelijk. Mail privacy@lindewaard.example.\n\nPas\n\n"
        "Voor de landelijke pas mailt u service@landelijkebieb.example.\n\nKlachten\n\n"
        "De Autoriteit Persoonsgegevens is telefonisch bereikbaar op 088 1805 250.\n"))
    assert [c["value"] for c in found["contacts"]] == ["privacy@lindewaard.example"]


@pytest.mark.parametrize("text, name", [
    ("Over ons\n\nHuisartsenpraktijk Het Anker, Havenstraat 10, 1971 AB IJmuiden, KvK-nummer 90000084, is een "
     "praktijk. Onze boekhouding doet Administratiekantoor Gelders B.V.\n", "Huisartsenpraktijk Het Anker"),
    ("About us\n\nRiverside Food Bank (registered charity 1190001) gives food parcels.\n", "Riverside Food Bank"),
    ("Who we are\n\nOur software comes from Parish Tools Ltd. Brookside Parish Council, Mill Lane, Brookside, is the "
     "controller of the data it holds.\n", "Brookside Parish Council"),
    ("Privacy\n\nTandartspraktijk Zuidpoort is de verantwoordelijke voor uw gegevens. Wij werken met Softdent B.V.\n",
     "Tandartspraktijk Zuidpoort"),
    ("Privacy\n\nDe Stichting is verantwoordelijk voor je gegevens. Wij werken met Stichting Kompas Noord.\n",
     "Stichting Kompas Noord"),
])
def test_the_controller_s_name_without_legal_form(text: str, name: str):
    """Named as the subject saying it is the controller or opening its address or register entry; a subject that
    opens with an article ('De Stichting') is no name."""
    assert controller(sentences(text))["legal_name"] == name


def test_a_sole_trader_s_trade_name():
    found = controller(sentences("Over mij\n\nMarieke Bakker, handelend onder de naam Bakker Boekhouding, is "
                                 "verantwoordelijk voor je gegevens.\n"))
    assert (found["legal_name"], found["trade_names"]) == ("Marieke Bakker", ["Bakker Boekhouding"])


def test_contacts_of_a_contractor_the_authority_and_an_outside_dpo():
    found = controller(sentences(
        "Artikel 1\n\nWoonstichting De Kern, KvK 05012345, is verantwoordelijk. Telefoon: 038 455 7000.\n\n"
        "Reparaties\n\nReparaties doet Onderhoudsbedrijf Vakwerk B.V. Bij spoed belt u Vakwerk via telefoonnummer "
        "038 421 9900.\n\nKlachten\n\nU kunt klagen bij de AP. De AP is bereikbaar via telefoonnummer 088 1805 250.\n\n"
        "DPO\n\nOur data protection officer is provided by Comply Ireland Ltd: dpo@comply.example.\n"))
    assert [c["value"] for c in found["contacts"]] == ["038 455 7000"]
    assert [c["value"] for c in found["dpo"]["contacts"]] == ["dpo@comply.example"]


def test_the_controller_s_own_address_beside_the_authority():
    found = controller(sentences("Wie zijn wij\n\nStichting Kompas is verantwoordelijk.\n\nKlachten\n\nMail je klacht "
                                 "naar privacy@kompas.example of dien die in bij de toezichthouder.\n"))
    assert [c["value"] for c in found["contacts"]] == ["privacy@kompas.example"]


def test_the_authority_a_complaint_goes_to():
    found = controller(sentences(
        "Transfers\n\nWe use the data transfer agreement issued by the Information Commissioner.\n\nYour rights\n\n"
        "You can complain to the Information Commissioner's Office. Acme Ltd is the controller.\n"))
    assert found["supervisory_authority"]["name"] == "Information Commissioner's Office"


def test_withdrawal_stated_under_one_activity_covers_that_activity_only(tmp_path: Path):
    """Withdrawal is one right of the notice, limited to the activities it is stated for; the other consents
    are still reported by consent-withdrawal-route."""
    notice = tmp_path / "notice.txt"
    notice.write_text("Privacyverklaring\n\nNieuwsbrief\nMet je toestemming sturen we je een nieuwsbrief. Je toestemming "
                      "trek je in via de afmeldlink.\n\nFotowedstrijd\nMet je toestemming plaatsen we je foto op onze "
                      "website.\n", encoding="utf-8")
    output = tmp_path / "draft.yaml"
    assert main(["draft", str(notice), "-o", str(output)]) == 0
    (organisation,) = load([output])
    (withdrawal,) = [r for r in organisation.notice.rights if r.right == "withdraw_consent"]
    assert withdrawal.activities == ("nieuwsbrief",)
    main(["check", str(output), "--as-of", "2026-12-01", "--report-dir", str(tmp_path / "report"), "--quiet"])
    found = json.loads((tmp_path / "report" / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert [f["subject"] for f in found if f["check"] == "consent-withdrawal-route"] == ["purposes/fotowedstrijd-2"]


def test_withdrawal_among_the_rights_covers_every_consent():
    stated = rights(sentences("Je rechten\n\nJe kunt je toestemming altijd intrekken.\n"))
    activities = [{"id": "nieuwsbrief", "term": "Nieuwsbrief"}]
    scope(stated, activities)
    assert stated == [{"right": "withdraw_consent", "provenance": stated[0]["provenance"]}]


def test_a_numbered_heading_opens_a_section_and_a_numbered_list_stays_a_list():
    found = sentences("Notice\n\n1. About us\nWe arrange tutoring.\n\n2. Purposes\n\n  1. To send the newsletter.\n"
                      "  2. To count readers.\n")
    assert [(s.section, s.bullet) for s in found] == [("1. About us", False), ("2. Purposes", True), ("2. Purposes", True)]


@pytest.mark.parametrize("text, name, phones", [
    # a public body, which has no legal form, and a municipality's '14' number
    ("2. Wie is verantwoordelijk?\n\nHet college van burgemeester en wethouders van de gemeente Vlietdam, Raadhuisplein 1, "
     "2871 AB Vlietdam, is verwerkingsverantwoordelijke. U bereikt ons via telefoonnummer 14 0182.\n"
     "De app wordt gebouwd door Bouwsoft B.V. in Zwolle.\n",
     "college van burgemeester en wethouders van de gemeente Vlietdam", ["14 0182"]),
    # a party jointly responsible with the controller is not the controller
    ("Over ons\n\nKwekerij Brem B.V. (hierna: Brem) verkoopt planten. Brem is de verwerkingsverantwoordelijke.\n\n"
     "Social media\n\nVoor de statistieken van onze pagina zijn Meta Platforms Ireland Ltd en Brem gezamenlijk "
     "verantwoordelijk.\n", "Kwekerij Brem B.V.", []),
])
def test_a_public_body_and_not_a_party_responsible_for_itself(text: str, name: str, phones: list):
    found = controller(sentences(text))
    assert found["legal_name"] == name
    assert [c["value"] for c in found.get("contacts", ()) if c["channel"] == "phone"] == phones


@pytest.mark.parametrize("text, mine, dpos", [
    # an address at 'dpo@' is no DPO where the notice has none ('data protection lead')
    ("About us\n\nNorth Ltd is the controller. Questions go to our data protection lead at dpo@north.example.\n",
     ["dpo@north.example"], []),
    # 'fg@' is the DPO's wherever it stands once the notice has a DPO ('functionaris gegevensbescherming')
    ("Wie zijn wij\n\nStichting Vonk is verantwoordelijk. Onze functionaris gegevensbescherming heeft een eigen adres. "
     "U bereikt haar via fg@vonk.example.\n", [], ["fg@vonk.example"]),
    # a general address given for the DPO is the controller's channel too
    ("Wie zijn wij\n\nStichting Hand is verantwoordelijk. Mail onze functionaris voor gegevensbescherming via "
     "privacy@hand.example.\n", ["privacy@hand.example"], ["privacy@hand.example"]),
    # the DPO's address given again for rights requests stays the DPO's
    ("Who we are\n\nLane Ltd is the controller. Mail hello@lane.example. Our Data Protection Officer: "
     "dpo@lane.example.\n\nRights\n\nWrite to dpo@lane.example.\n", ["hello@lane.example"], ["dpo@lane.example"]),
])
def test_contacts_of_the_controller_and_of_its_dpo(text: str, mine: list, dpos: list):
    found = controller(sentences(text))
    assert [c["value"] for c in found.get("contacts", ())] == mine
    assert [c["value"] for c in found.get("dpo", {}).get("contacts", ())] == dpos


def test_a_party_itself_or_jointly_responsible_is_not_the_controller_nor_a_company_working_for_it():
    """A sentence saying another party is itself or jointly responsible does not name the controller; where no
    sentence does, a first name that works 'voor ons' is no guess at it, and the contacts keep the sentence saying
    who is responsible as their provenance."""
    joint = controller(sentences(
        "Wie zijn wij?\n\nKwekerij Rood B.V. verkoopt planten. Rood is de verwerkingsverantwoordelijke.\n\nSociale media\n\n"
        "Voor de statistieken van onze pagina zijn Meta Platforms Ireland Ltd en Rood gezamenlijk verantwoordelijk.\n"))
    assert joint["legal_name"] == "Kwekerij Rood B.V."
    found = controller(sentences(
        "Wie is verantwoordelijk?\n\nHet college van de gemeente Vliet is verwerkingsverantwoordelijke. Mail privacy@vliet.example.\n"
        "\nVerwerkers\n\nDe app wordt voor ons gebouwd door Appbouw B.V. in Zwolle.\n"))
    assert "legal_name" not in found and [c["value"] for c in found["contacts"]] == ["privacy@vliet.example"]
    assert "is verwerkingsverantwoordelijke" in found["provenance"]["quote"]


@pytest.mark.parametrize("unit", ["we use Zoom ", "analytics cookies ", "essentiële, ", "Stichting Vonk B.V. en "])
def test_drafting_grows_near_linearly_with_a_sentence_without_full_stops(unit: str):
    """A run of text without a full stop is read in bounded pieces, so four times the text takes clearly less than
    the sixteen times a quadratic rule would (a list of 'essentiële, ' backtracked exponentially; 1,000 service names
    in one sentence took 28 s). Processor seconds, the least of three (a busy machine inflates single runs)."""
    import time

    def cost(n: int) -> float:
        text = "Cookies en diensten\n\nWij gebruiken " + unit * n + "cookies.\n"
        runs = []
        for _ in range(3):
            start = time.process_time()
            draft(text, "x", "nl", None)
            runs.append(time.process_time() - start)
        return max(min(runs), 1e-3)

    assert cost(500) / cost(125) < 8
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences("Kop\n\n" + unit * 500 + "\n"))


@pytest.mark.parametrize(("abbreviation", "name"), [
    ("AP", "Autoriteit Persoonsgegevens"), ("GBA", "Gegevensbeschermingsautoriteit"),
    ("APD", "Autorité de protection des données"), ("ICO", "Information Commissioner's Office"),
    ("DPC", "Data Protection Commission"), ("CNIL", "Commission nationale de l'informatique et des libertés"),
    ("IMY", "Integritetsskyddsmyndigheten"),
])
def test_an_authority_by_its_abbreviation_is_a_complaint_and_the_authority(abbreviation: str, name: str):
    """One list of authorities: the right to complain and the controller's authority know the same abbreviations."""
    text = f"Klachten\n\nWij zijn Noordlicht B.V. Niet tevreden? U kunt een klacht indienen bij de {abbreviation}.\n"
    assert _rights(text) == ["complaint"]
    assert controller(sentences(text))["supervisory_authority"]["name"] == name


def _contacts(text: str) -> tuple[list[str], list[str]]:
    """The controller's contact values and its DPO's."""
    found = controller(sentences(text))
    return ([c["value"] for c in found.get("contacts", ())],
            [c["value"] for c in found.get("dpo", {}).get("contacts", ())])


@pytest.mark.parametrize(("text", "values"), [
    # a labelled line whose value is a number is no heading over the next line
    ("Contact\n\nHavenlicht B.V. is verantwoordelijk.\n\nTelefoon: 030 123 4567\n\nprivacy@havenlicht.example\n",
     ["privacy@havenlicht.example", "030 123 4567"]),
    # an area code in brackets after the word, a nine-digit Irish or Belgian number, a number just before an address
    ("Contact us\n\nWillow Lane Ltd is the controller. Telephone: (01) 555 0123.\n", ["(01) 555 0123"]),
    ("Contact us\n\nWillow Lane Ltd is the controller. Telephone: 015550123 or email hello@willowlane.example.\n",
     ["hello@willowlane.example", "015550123"]),
    ("Kontakt\n\nVerantwortlich ist die Nordweg GmbH, Hafenstraße 2, 20457 Hamburg, 040-5550123, info@nordweg.example\n",
     ["info@nordweg.example", "040-5550123"]),
    # a fax number is no phone contact
    ("Contact\n\nNordweg GmbH is the controller.\nTel.: +49 40 555 0123\nFax: +49 40 555 0124\n", ["+49 40 555 0123"]),
])
def test_contact_lines_of_the_controller(text: str, values: list[str]):
    assert _contacts(text)[0] == values


@pytest.mark.parametrize(("text", "name"), [
    ("Privacy\n\nVZW Kringloop Oost is responsible for your data.\n", "VZW Kringloop Oost"),
    ("Privacy\n\nAls Jeugdhuis Kwartier vzw zijn wij verantwoordelijk voor je gegevens.\n", "Jeugdhuis Kwartier vzw"),
    ("Who we are\n\nHarbour Lights Rescue (\"we\", \"us\") is a UK-registered charity in Dover.\n", "Harbour Lights Rescue"),
    # the name line of an address block, which stands like a heading over its lines
    ("Privacybeleid\n\nDeze verklaring geldt voor onze website.\n\nVerantwoordelijke\n\nZeilmakerij Noord BV\n"
     "Kade 12, 1234 AB Hoorn\nE-mail: info@zeilmakerij.example\n", "Zeilmakerij Noord BV"),
])
def test_the_controller_s_name_before_its_form_after_an_opener_and_over_its_address(text: str, name: str):
    assert controller(sentences(text))["legal_name"] == name


def test_a_contact_block_opened_by_the_dpo_is_the_dpo_s():
    text = ("Contact\n\nWillow Lane Ltd is the controller. We may be contacted at:\nEmail: hello@willowlane.example\n\n"
            "Data protection officer\n\nOur data protection officer may be contacted at:\nEmail: dpo.office@counsel.example\n"
            "Telephone: (01) 555 0199\n")
    assert _contacts(text) == (["hello@willowlane.example"], ["dpo.office@counsel.example", "(01) 555 0199"])


def test_a_contact_block_of_the_authority_is_not_the_controller_s():
    text = ("Contact\n\nHavenlicht B.V. is verantwoordelijk. Bel ons op 030 123 4567.\n\nKlachten\n\n"
            "U kunt een klacht indienen bij:\nAutoriteit Persoonsgegevens\nPostbus 93374\nTelefoon 088 1805 250\n")
    assert _contacts(text)[0] == ["030 123 4567"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Your privacy rights\n\nThese may include the right (i) to request access to your data, (ii) to request rectification "
     "or erasure; (iii) to restrict the processing; (iv) to data portability.\n",
     ["access", "rectification", "erasure", "restriction", "portability"]),
    # the items of a list of a right's conditions state no right
    ("Uw rechten\n\nU mag ons vragen uw gegevens te wissen wanneer:\n- u uw toestemming voor de verwerking intrekt;\n"
     "- u bezwaar maakt tegen het gebruik.\n", ["erasure"]),
    ("Privacy\n\nHieronder leest u hoe u bezwaar kunt maken tegen het gebruik van uw gegevens.\n", ["objection"]),
    ("Your rights\n\nYou can ask us which personal data we hold about you.\n", ["access"]),
    ("Uw rechten\n\nU heeft recht op toegang tot de persoonlijke gegevens die wij bewaren.\n", ["access"]),
    ("Your rights\n\n- Right to limit data collection, for example to emails we must send\n", ["restriction"]),
    ("Uw rechten\n\nSamengevat hebt u recht op:\n- rectificatie,\n- beroep bij een toezichthoudende overheid.\n",
     ["rectification", "complaint"]),
    ("Privacy\n\nIf you want to see what data we hold about you, email us.\n", ["access"]),
    ("Privacy\n\nWil je weten welke gegevens wij van je hebben? Mail ons.\n", ["access"]),
    # a heading that names the right its section explains
    ("Your rights\n\nRight of access\n\nYou can obtain the information we hold.\n\nRight to data portability\n\n"
     "We send it to you in a common format.\n", ["access", "portability"]),
])
def test_rights_in_real_phrasings(text: str, expected: list[str]):
    assert sorted(_rights(text)) == sorted(expected)


@pytest.mark.parametrize(("line", "expected"), [
    # an answer 'No.' ends its sentence; 'No.' before a number, 'Co.' and 'St.' with a capital, 'str.' before a
    # house number do not
    ("No. We never sell your data.", ["No.", "We never sell your data."]),
    ("We will say no. Then we delete the request.", ["We will say no.", "Then we delete the request."]),
    ("Registered in England and Wales No. 04567123. We teach.", ["Registered in England and Wales No. 04567123.", "We teach."]),
    ("We are in Bantry, Co. Cork. We teach.", ["We are in Bantry, Co. Cork.", "We teach."]),
    ("Wij zitten aan de St. Jorisstraat 4. Bel ons.", ["Wij zitten aan de St. Jorisstraat 4.", "Bel ons."]),
    ("Unser Büro: Lindenstr. 12, Köln. Wir helfen.", ["Unser Büro: Lindenstr. 12, Köln.", "Wir helfen."]),
])
def test_sentences_end_after_a_word_not_after_an_abbreviation(line: str, expected: list[str]):
    assert [s.text for s in sentences(f"Vragen\n\n{line}\n")] == expected
