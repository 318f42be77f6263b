"""``pac draft``: services a notice names only by their product ('we versturen de nieuwsbrief met Laposta') are
named recipients; the same names in a denial, an instruction, a pointer elsewhere, a user's account or a question
are not (``pac/draft/services.py`` and its word list ``pac/draft/data/services.yaml``)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from pac.draft import services
from pac.draft.assemble import draft


def _named(text: str, listed: bool = False) -> list[str]:
    return [text[n.start:n.end] for n in services.named(text, listed)]


@pytest.mark.parametrize("sentence, language, names", [
    ("De ledenadministratie doen we in Sportlink.", "nl", ["Sportlink"]),
    ("De incassobestanden maken we aan in Twinfield.", "nl", ["Twinfield"]),
    ("Onze boekhouding gebeurt in Exact Online.", "nl", ["Exact Online"]),
    ("Mailchimp verstuurt onze nieuwsbrief.", "nl", ["Mailchimp"]),
    ("We keep your CV in Bullhorn.", "en", ["Bullhorn"]),
    ("Interviews by video take place on Microsoft Teams or Zoom.", "en", ["Microsoft Teams", "Zoom"]),
    ("We take online payments with Stripe, and in the studio with a SumUp card reader.", "en", ["Stripe", "SumUp"]),
    ("Our bookkeeper keeps our accounts in Xero.", "en", ["Xero"]),
    ("Met Conscribo houden we de ledenlijst bij.", "nl", ["Conscribo"]),
    ("Church members can update their details in ChurchSuite.", "en", ["ChurchSuite"]),
    ("Ik verstuur mijn nieuwsbrief met MailChimp.", "nl", ["MailChimp"]),
])
def test_a_service_named_only_by_its_product_in_prose_is_a_named_recipient(sentence: str, language: str, names: list[str]):
    text = f"Privacy\n\nWho we are\nShop B.V. is responsible.\n\nDiensten\n{sentence}\n"
    found = draft(text, "example", language, None)["recipients"]
    assert [r["name"] for r in found] == names
    assert all(r["named"] and r["provenance"]["quote"] in sentence for r in found)


@pytest.mark.parametrize("sentence", [
    "Wij gebruiken geen Google Analytics en geen advertentiecookies.",
    "We don't use Google Analytics or any advertising pixels.",
    "Volg ons op Instagram en Facebook!",
    "Download de app in de App Store of in Google Play.",
    "Google Analytics-cookies wist u in Chrome of Safari.",
    "Klik je op een knop naar Instagram, dan geldt de privacyverklaring van Meta.",
    "Anything you post there is public and governed by Instagram's own terms.",
    "Log in met je Google-account.",
    "If you apply with your LinkedIn profile, we save time.",
    "Verkopen jullie mijn gegevens aan bedrijven zoals Google?",
    "We advertise our vacancies on Indeed and LinkedIn.",
    "U vindt ons ook op Google Maps.",
    "Je vindt Groenhorst op Instagram, Pinterest en TikTok.",  # where the organisation has pages, by its own name
    "De gemeente is ook te vinden op Facebook, Instagram en LinkedIn.",
    "You can find Corrib Tours on Instagram and Facebook.",
    "Wij hebben een Facebookpagina, maar wij plaatsen daar nooit foto's van cliënten.",  # a page of its own
    "We have a LinkedIn page.",
    "Op onze contactpagina staat een kaart van Google Maps, zodat je ons makkelijk vindt.",
    "Je kunt ons bereiken via WhatsApp.",
    "Onze website draait op WordPress en we meten met Matomo; betalen kan met iDEAL.",
    "Privacyvragen over betalingen: privacy@mollie.com of www.mollie.com/privacy.",
])
def test_a_name_in_a_denial_instruction_pointer_account_or_question_is_no_recipient(sentence: str):
    assert _named(sentence) == []


def test_a_denial_taken_back_or_in_a_condition_and_a_contrast_leave_the_service_used():
    assert _named("Wij delen geen gegevens met derden, behalve met Mollie voor betalingen.") == ["Mollie"]
    assert _named("Als u niet wilt dat wij Google Analytics gebruiken, kunt u de cookies weigeren.") == ["Google Analytics"]
    assert _named("In plaats van Google Analytics gebruiken wij Plausible.") == ["Plausible"]
    assert _named("Wij beheren de mailinglijst in ons Mailchimp-account.") == ["Mailchimp"]


def test_a_product_with_its_company_is_one_mention_and_a_legal_entity_no_product():
    assert _named("Pushberichten lopen via Firebase Cloud Messaging van Google.") == ["Firebase Cloud Messaging"]
    assert _named("Intercom, Inc. hosts our chat and Intercom R&D Unlimited Company supports it.") == []
    assert [n.company for n in services.named("We use Google Analytics and YouTube.")] == ["google", "google"]


def test_a_bare_name_is_a_service_only_as_an_item_of_a_list_and_matched_case_sensitively():
    assert _named("Mollie") == [] and _named("Mollie", listed=True) == ["Mollie"]
    assert _named("Gebruik de knoppen om in te zoomen op de kaart; we zoom in on details.") == []


def test_well_known_recipients_are_looked_up_in_the_reference_data_only():
    assert services.well_known("Google Ireland Limited") == "google"
    assert services.well_known("Sportlink") is None  # in the word list, not among the cited well-known recipients


def test_the_word_list_holds_names_and_companies_only_and_each_name_once():
    data = yaml.safe_load(resources.files("pac.draft").joinpath("data/services.yaml").read_text("utf-8"))
    entries = [entry for group in data["services"].values() for entry in group]
    names = [name for entry in entries for name in entry["names"]] + data["not_services"]
    assert len(entries) >= 360 and len(names) == len(set(names))
    assert all(set(entry) == {"id", "company", "names"} for entry in entries)  # no legal facts: those are cited elsewhere
    reference = yaml.safe_load(resources.files("pac.reference").joinpath("data/recipients.yaml").read_text("utf-8"))
    known = {name for row in reference["recipients"] for name in row["names"]}
    assert not known & set(names)  # the reference's names are read from the reference


def test_presence_on_social_media_and_a_product_s_former_name_are_no_second_recipient():
    assert _named("We are on Facebook and X, but please don't send us personal details there.") == []
    assert _named("Volg De Draaischijf op Instagram of Facebook!") == []
    assert _named("Ik verstuur de nieuwsbrief met Brevo (voorheen Sendinblue).") == ["Brevo"]


@pytest.mark.parametrize("sentence", [
    "Als je inlogt via Facebook, krijgen wij je naam.",
    "Wij hebben ook een pagina op LinkedIn.",
    "Stuur ons een bericht via Facebook Messenger.",
    "Deel deze hulpvraag via WhatsApp of Facebook.",
    "Je kunt een klus met je buren delen via WhatsApp.",
])
def test_a_user_s_own_log_in_page_message_or_share_is_no_recipient(sentence: str):
    assert _named(sentence) == []


def test_what_the_user_sends_through_the_organisation_s_own_tool_names_it():
    assert _named("Stuur ons je cv via Homerun.") == ["Homerun"]


@pytest.mark.parametrize("sentence, language", [
    ("We don't use Google Analytics or any advertising pixels.", "en"),
    ("Onze website gebruikt alleen noodzakelijke cookies; wij gebruiken geen trackingcookies van Facebook of Google.", "nl"),
    ("U vindt ons ook op Google Maps. Recensies die u daar plaatst, vallen onder de privacyverklaring van Google.", "nl"),
])
def test_the_drafter_names_no_recipient_a_notice_mentions_only_to_deny_or_point_elsewhere(sentence: str, language: str):
    text = f"Privacy\n\nWho we are\nShop B.V. is responsible.\n\nWebsite\n{sentence}\n"
    assert draft(text, "example", language, None).get("recipients", []) == []


def test_a_product_followed_by_its_company_s_legal_name_is_the_product():
    assert _named("Ik werk in het boekhoudprogramma Moneybird van Moneybird B.V. uit Amsterdam.") == ["Moneybird"]


def test_a_name_opening_a_dutch_compound_is_the_service_and_is_een_dienst_van_names_its_company_once():
    assert _named("Wij plaatsen de foto's op onze website en onze Facebookpagina.") == ["Facebook"]
    assert _named("Met uw toestemming komen de foto's op onze Instagram-pagina.") == ["Instagram"]
    assert _named("Klanten sturen ons foto's via WhatsApp. WhatsApp is een dienst van Meta.") == ["WhatsApp", "WhatsApp"]


@pytest.mark.parametrize("sentence, names", [
    ("Onze webshop is gebouwd met JouwWeb en betalingen lopen via Worldpay.", ["JouwWeb", "Worldpay"]),
    ("Patiëntgegevens leggen wij vast in Promedico; beveiligd mailen doen we met Zivver.", ["Promedico", "Zivver"]),
    ("Donations are processed by Virgin Money Giving or CAF Donate.", ["Virgin Money Giving", "CAF Donate"]),
    ("Lesboekingen beheren we in Momoyoga en de boekhouding in Reeleezee.", ["Momoyoga", "Reeleezee"]),
    ("Remote support is given with TeamViewer; our website is hosted by IONOS.", ["TeamViewer", "IONOS"]),
    ("Sessions happen over Zoom and I keep my notes in DropBox.", ["Zoom", "DropBox"]),
])
def test_the_services_small_organisations_name_are_in_the_word_list(sentence: str, names: list[str]):
    assert _named(sentence) == names


@pytest.mark.parametrize("sentence, names", [
    ("Infomedics verzorgt de nota's.", ["Infomedics"]),
    ("Appointments: Acuity Scheduling handles them.", ["Acuity Scheduling"]),
    ("Sessions: Zoom for video calls.", ["Zoom"]),
    ("Video sessions are held over Zoom and I make sure nobody overhears.", ["Zoom"]),
])
def test_a_service_that_processes_or_is_used_by_a_freelancer_is_named_without_the_organisation_s_we(
        sentence: str, names: list[str]):
    assert _named(sentence) == names


@pytest.mark.parametrize("sentence", [
    "Wij plaatsen géén cookies van Google Analytics.",
    "I have accounts for my studio on Instagram and Facebook.",
    "U kunt mij benaderen via WhatsApp.",
    "We zijn ook te bereiken via WhatsApp.",
    "Read the Mailchimp privacy policy for the details.",
])
def test_a_stressed_denial_own_accounts_a_contact_channel_and_a_company_s_document_name_no_recipient(sentence: str):
    assert _named(sentence) == []


def test_a_service_named_again_as_the_author_of_its_privacy_policy_is_named_once():
    assert _named("Wij versturen de nieuwsbrief met Mailchimp; zie ook het Mailchimp privacybeleid.") == ["Mailchimp"]


@pytest.mark.parametrize("sentence", [
    "We record whether you use a CGM sensor to manage your diabetes.",  # a continuous glucose monitor
    "Our Outlook for next year: we keep your data in the UK.",
])
def test_an_abbreviation_or_a_word_that_is_also_a_product_names_no_service(sentence: str):
    assert _named(sentence) == []
