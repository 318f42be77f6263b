"""``pac draft``: cookies and similar trackers (category, provider, consent) and the score's cookies kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from pac import load
from pac.draft.compare import facts, unmatched


def _declared(tmp_path: Path, name: str, cookies: str, recipients: str = "") -> object:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"pac: 1\norganisation: {name}\n{recipients}cookies:\n{cookies}", encoding="utf-8")
    (organisation,) = load([path])
    return facts(organisation)["cookies"]


def test_the_score_counts_a_cookie_as_its_category_and_provider(tmp_path: Path):
    ga = "recipients:\n  - {id: ga, name: Google Analytics LLC, named: true, role: recipient, provenance: {section: Cookies, quote: x}}\n"
    reviewed = _declared(tmp_path, "reviewed",
                         "  - {id: a, name: _ga, type: cookie, category: analytics, provider: ga, provenance: {section: Cookies, quote: x}}\n"
                         "  - {id: b, name: _gid, type: cookie, category: analytics, provider: ga, provenance: {section: Cookies, quote: x}}\n"
                         "  - {id: c, name: Session, type: cookie, category: strictly_necessary, provenance: {section: Cookies, quote: x}}\n", ga)
    assert sorted(reviewed, key=str) == [("analytics", "google analytics"), ("strictly_necessary", None)]
    ga_short = "recipients:\n  - {id: g, name: Google Analytics, named: true, role: recipient, provenance: {section: Cookies, quote: x}}\n"
    drafted = _declared(tmp_path, "drafted",
                        "  - {id: a, name: Analytics cookies, type: cookie, category: analytics, provider: g, provenance: {section: Cookies, quote: x}}\n"
                        "  - {id: c, name: Necessary cookies, type: cookie, category: strictly_necessary, provenance: {section: Cookies, quote: x}}\n",
                        ga_short)
    assert not unmatched(drafted, reviewed, "cookies") and not unmatched(reviewed, drafted, "cookies")
    unnamed = _declared(tmp_path, "unnamed", "  - {id: a, name: Analytics cookies, type: cookie, category: analytics, "
                                             "provenance: {section: Cookies, quote: x}}\n")
    assert unmatched(unnamed, reviewed, "cookies") == [("analytics", None)]  # the provider the notice names is missed


def _drafted(text: str, language: str = "nl") -> dict:
    from pac.draft.assemble import draft
    return draft(text, "example", language, None)


def _trackers(drafted: dict) -> list[tuple]:
    names = {r["id"]: r["name"] for r in drafted.get("recipients", ())}
    return [(c["category"], names.get(c.get("provider")), c.get("consent")) for c in drafted.get("cookies", ())]


def test_a_cookie_table_gives_each_provider_its_category_and_the_prose_its_consent():
    drafted = _drafted("Privacy statement of Example Tutors Ltd\n\nWho we are\nExample Tutors Ltd is the controller.\n\n"
                       "Cookies\nCookie | Provider | Category | Expiry\nsession_id | Example Tutors | Strictly necessary | Session\n"
                       "_ga | Google Analytics | Analytics | 2 years\n_gid | Google Analytics | Analytics | 24 hours\n"
                       "hubspotutk | HubSpot | Marketing | 6 months\n"
                       "We use analytics and marketing cookies only if you accept them in our cookie banner.\n", "en")
    assert _trackers(drafted) == [("strictly_necessary", None, None), ("analytics", "Google Analytics", "asked"),
                                  ("marketing", "HubSpot", "asked")]


def test_prose_names_a_provider_after_the_label_and_a_pixel_by_its_name():
    drafted = _drafted("Privacyverklaring\n\nCookies\nOnze website gebruikt noodzakelijke cookies en analytische cookies "
                       "van Matomo. Voor de analytische cookies vragen wij je toestemming. Met je toestemming plaatsen we "
                       "ook de Facebook-pixel.\n")
    assert _trackers(drafted) == [("strictly_necessary", None, None), ("analytics", "Matomo", "asked"),
                                  ("marketing", "Facebook", "asked")]
    pixel = drafted["cookies"][2]
    assert pixel["type"] == "pixel" and sorted(r["name"] for r in drafted["recipients"]) == ["Facebook", "Matomo"]


def test_a_category_list_item_with_its_providers_on_the_line_below():
    drafted = _drafted("Cookieverklaring\n\nWelke cookies gebruiken wij?\n"
                       "  • Functionele cookies: hiermee tonen wij video's.\n    Aanbieders: YouTube, Vimeo.\n"
                       "  • Marketing cookies: hiermee volgen wij bezoekers. Hiervoor is altijd jouw toestemming vereist.\n"
                       "    Aanbieders: Google Ads.\n")
    assert _trackers(drafted) == [("functional", "YouTube", None), ("functional", "Vimeo", None),
                                  ("marketing", "Google Ads", "asked")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tracking cookies of marketingcookies gebruiken wij niet.", []),
    ("We do not use marketing cookies. We don't place tracking cookies.", []),
    ("Via de cookiebanner kun je toestemming geven voor het plaatsen van niet-functionele cookies.",
     [("unclassified", None, "asked")]),
    ("Wij plaatsen cookies die noodzakelijk zijn voor het functioneren van de site.", [("strictly_necessary", None, None)]),
    ("Noodzakelijke cookies plaatsen wij zonder toestemming.", [("strictly_necessary", None, "not_asked")]),
    ("Our website only uses cookies that are essential for it to work. We do not use analytics or advertising cookies.",
     [("strictly_necessary", None, None)]),
    ("We don't use Google Analytics or any advertising pixels.", []),
    ("Wij gebruiken geen Google Analytics, maar wel marketingcookies.", [("marketing", None, None)]),
    ("Wij gebruiken functionele cookies die nodig zijn om de website te laten werken.", [("functional", None, None)]),
])
def test_labels_denials_and_classes(sentence: str, expected: list[tuple]):
    assert _trackers(_drafted(f"Privacy\n\nCookies\n{sentence}\n")) == expected


def test_a_table_that_is_not_about_cookies_drafts_none():
    drafted = _drafted("Privacy\n\nOntvangers\nPartij | Doel | Land\nStatcounter | statistieken | Ierland\n")
    assert "cookies" not in drafted


def test_a_provider_cookies_without_a_category_take_their_purpose_for_review():
    drafted = _drafted("Privacy\n\nWelke cookies gebruiken jullie?\n"
                       "- Cookies van Google Analytics, om te meten hoe de website wordt gebruikt. Wij plaatsen deze pas "
                       "nadat je ze in de cookiebanner hebt geaccepteerd.\n- Cookies van YouTube, als je een ingesloten video afspeelt.\n")
    assert _trackers(drafted) == [("analytics", "Google Analytics", "asked"), ("unclassified", "YouTube", None)]
    assert all(c["provenance"][0]["note"].startswith("Review:") if isinstance(c["provenance"], list)
               else c["provenance"]["note"].startswith("Review:") for c in drafted["cookies"])
    assert drafted["cookies"][1]["type"] == "embed"


def test_a_table_whose_purpose_cell_names_the_provider_and_a_sentence_on_these_cookies():
    drafted = _drafted("Privacy Policy\n\nCookies\nName | Purpose | Duration\n_ga | Google Analytics – statistics | 2 years\n"
                       "_fbp | Meta Pixel – advertising | 3 months\nWe ask for your consent before placing these cookies. "
                       "Our booking widget also uses a strictly necessary session cookie, which does not require consent.\n", "en")
    assert [(category, (provider or "").split()[:1], consent) for category, provider, consent in _trackers(drafted)] == [
        ("analytics", ["Google"], "asked"), ("marketing", ["Meta"], "asked"), ("strictly_necessary", [], "not_asked")]
    assert drafted["cookies"][1]["type"] == "pixel"


def test_consent_as_agreeing_before_the_label():
    drafted = _drafted("Privacybeleid\n\nCookies\nOnze website plaatst alleen noodzakelijke cookies en, als je daarmee "
                       "akkoord gaat, statistische cookies van Google Analytics. Advertentiecookies gebruiken we niet.\n")
    assert _trackers(drafted) == [("strictly_necessary", None, None), ("analytics", "Google Analytics", "asked")]


def test_a_purpose_cell_places_a_row_for_review_and_the_title_names_the_controller_own_cookies():
    drafted = _drafted("Privacy Statement KlusMaatje\n\nOver ons\nWij brengen buren en klussers samen.\n\nCookies\nCookie | Aanbieder | Doel | Bewaartermijn\n"
                       "_fbp | Meta | advertenties op Facebook | 3 maanden\n"
                       "km_session | KlusMaatje | ingelogd blijven | sessie\n")
    assert _trackers(drafted) == [("marketing", "Meta", None), ("functional", None, None)]
    assert drafted["cookies"][0]["provenance"]["note"].startswith("Review:")


def test_a_block_of_labelled_lines_states_its_category_consent():
    drafted = _drafted("Privacyverklaring\n\nCookies\nSoort: noodzakelijke cookies\nDoel: de website laten werken\n"
                       "Toestemming: niet nodig\n\nSoort: statistische cookies\nDoel: bezoekers tellen\n"
                       "Toestemming: we vragen je toestemming via de cookiebanner\n")
    assert _trackers(drafted) == [("strictly_necessary", None, "not_asked"), ("analytics", None, "asked")]


def test_providers_coordinated_after_a_label_and_cookies_a_feature_needs():
    drafted = _drafted("Privacy notice\n\nCookies\nOur website uses the cookies that the booking form needs to work. "
                       "Analytics cookies from Google Analytics and Hotjar show us which pages are used.\n", "en")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("strictly_necessary", None), ("analytics", "Google Analytics"),
                                                          ("analytics", "Hotjar")]


def test_a_provider_that_places_cookies_gets_the_category_its_purpose_states():
    drafted = _drafted("Privacyverklaring\n\nCookies\nOp sommige pagina's tonen wij video's van YouTube. YouTube plaatst "
                       "cookies waarmee het uw surfgedrag kan volgen. Vimeo plaatst geen cookies.\n")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("tracking", "YouTube")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Soorten cookies\nEr zijn drie soorten cookies: functionele, analytische en tracking cookies. Websites gebruiken "
     "analytische cookies om bezoekers te tellen.\n", []),
    ("Cookies\nCookies can be divided into three categories: necessary cookies, statistics cookies and advertising "
     "cookies.\n", []),
    ("Cookies\nAls u als website-eigenaar tracking cookies plaatst, moet u daarvoor toestemming vragen.\n", []),
    ("Cookies\nWij gebruiken analytische cookies om bezoekers te tellen.\n", [("analytics", None, None)]),
    ("Cookies\nBakkerij Jansen gebruikt alleen functionele cookies.\n", [("functional", None, None)]),
    ("Welke cookies gebruiken wij?\nFunctionele cookies houden bij wat er in je mandje ligt.\n", [("functional", None, None)]),
    ("Cookies\nWe have two kinds of cookies on our site:\n- Necessary cookies\n- Statistics cookies, only if you "
     "accept them.\n", [("strictly_necessary", None, None), ("analytics", None, "asked")]),
    ("Veelgestelde vragen\nPlaatst de site cookies?\nAlleen functionele cookies.\n", [("functional", None, None)]),
])
def test_a_label_without_provider_is_drafted_only_where_the_notice_tells_of_its_own_trackers(text: str, expected: list):
    assert _trackers(_drafted(f"Privacy\n\n{text}")) == expected


def test_a_service_is_the_provider_of_the_category_its_heading_or_sentence_names():
    drafted = _drafted("Cookieverklaring\n\nFunctionele cookies\nFunctionele cookies plaatsen wij altijd.\n\nAnalytische cookies\n"
                       "Wij maken gebruik van Hotjar om te zien waar bezoekers afhaken. Hiervoor plaatsen wij analytische "
                       "cookies, pas na je toestemming.\n")
    assert _trackers(drafted) == [("functional", None, None), ("analytics", "Hotjar", "asked")]
    english = _drafted("Cookie policy\n\nCookies\nWe use these cookies.\nAnalytics cookies: Google Analytics shows us which "
                       "pages are read.\n2.3 Marketing cookies\nWe use LinkedIn Ads (through Google Tag Manager) for this.\n"
                       "2.4 Third-party cookies\nWe use Mouseflow as well.\n", "en")
    assert [(c, p) for c, p, _ in _trackers(english)] == [("analytics", "Google Analytics"), ("marketing", "LinkedIn Ads")]


def test_a_service_used_for_a_purpose_in_a_cookie_section_follows_that_purpose_for_review():
    drafted = _drafted("Privacy policy\n\nCookies\nWe use Google Analytics to measure how often our pages are read.\n"
                       "We use Mailchimp for our newsletter.\n", "en")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("analytics", "Google Analytics")]
    assert drafted["cookies"][0]["provenance"]["note"].startswith("Review:")
    elsewhere = _drafted("Privacy policy\n\nNewsletter\nWe use Mailchimp to measure how often our mails are opened.\n", "en")
    assert "cookies" not in elsewhere


@pytest.mark.parametrize(("text", "expected"), [
    ("Our choices\nSpecifically, we do not:\n- use the Meta Pixel or any other ad tracker;\n- set marketing cookies.\n", []),
    ("Cookies\nIf we ever add marketing cookies, we will ask for your consent first.\n", []),
    ("Cookies\nWe place technical or functional cookies without your consent.\n", [("functional", None, "not_asked")]),
    ("Cookies\nWe also use analytic cookies.\n", [("analytics", None, None)]),
    ("Cookies\nWe use cookies.\nAnalytics — Plausible Analytics and Microsoft Clarity, loaded after you accept.\n",
     [("analytics", "Plausible Analytics", None), ("analytics", "Microsoft Clarity", None)]),
    ("Cookies\nWij plaatsen cookies.\nBijvoorbeeld cookies van Facebook of Google.\n", []),
    ("Cookies\nWij spreken van \"functionele cookies\" als een cookie de site laat werken.\n", []),
    ("Cookies\nWe use cookies to analyse how visitors find their way around the site.\n", [("analytics", None, None)]),
])
def test_denied_lists_hypotheses_synonyms_openings_examples_and_purposes(text: str, expected: list):
    assert _trackers(_drafted(f"Privacy\n\n{text}", "en")) == expected


def test_table_rows_read_their_category_and_provider_from_other_cells():
    drafted = _drafted("Cookiebeleid\n\nCookies\nWij gebruiken deze cookies.\nDoel | Naam | Type | Bewaartermijn |\n"
                       "Statistieken (Google Analytics) | _ga | Third party | 2 jaar |\n"
                       "Advertising cookie | _li | Third party | 1 maand |\n")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("analytics", "Google Analytics"), ("marketing", None)]
    split = _drafted("Cookie policy\n\nCookies\nCookie | Type | Duration | Description |\n"
                     "__hs_x | necessary | Session | This cookie is set by HubSpot. It keeps your choice. |\n"
                     "__hs_y | non-necessary | 30 minutes | HubSpot counts sessions with it. |\n", "en")
    assert [(c, p) for c, p, _ in _trackers(split)] == [("strictly_necessary", "HubSpot"), ("unclassified", "HubSpot")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Wij plaatsen cookies die voor het inloggen op de site noodzakelijk zijn.", [("strictly_necessary", None, None)]),
    ("We only set cookies that the shop needs to work.", [("strictly_necessary", None, None)]),
    ("We set cookies that are not needed for the site to work only with consent.", []),
    ("We set cookies that require your consent only after you accept them.", []),
])
def test_necessary_cookies_named_by_a_clause(sentence: str, expected: list):
    assert _trackers(_drafted(f"Privacy\n\nCookies\n{sentence}\n", "en")) == expected


def test_names_compared_as_one_organisation():
    from pac.draft.names import key, same
    assert key("Stichting Vonk") == key("Vonk vzw") == "vonk" and key("Google Ireland Limited") == "google"
    assert same("google", "google analytics") and same("meta", "meta-pixel")
    assert not same("meta", "metabase") and not same("ga", "ga tools")


def test_cookies_a_provider_sets_a_cookie_listed_with_its_category_and_a_table_under_a_bare_category_heading():
    drafted = _drafted("Cookie policy\n\nVideos\nWe show videos from Vimeo. Vimeo sets at least one cookie when you play "
                       "one.\nThe usual embeds would set advertising cookies from Google.\n\nOur own cookies\nWe keep this "
                       "cookie for you:\n- Cookie: sess_id (functional)\n\nNecessary\nCookie | Duration | Description\n"
                       "consent_x | 1 year | CookieYes sets this cookie to keep your choice.\n", "en")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("unclassified", "Vimeo"), ("functional", None),
                                                          ("strictly_necessary", "CookieYes")]


def test_social_media_buttons_embedded_videos_and_a_service_for_the_purpose_before_it():
    drafted = _drafted("Privacyverklaring\n\nBezoekersstatistieken\nMet onze cookies tellen wij bezoekers voor statistische "
                       "overzichten. Wij gebruiken daarvoor Matomo Cloud.\n\nKnoppen en video's\nOp onze website staan "
                       "'social media buttons' van onder andere Instagram en LinkedIn. Wij tonen ingesloten video's via "
                       "Vimeo.\n\nToestemming\nVoor de niet-functionele cookies vragen wij je toestemming. Analytische "
                       "cookies die je privacy niet raken plaatsen we zonder toestemming.\n")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [
        ("analytics", "Matomo Cloud"), ("social_media", "Instagram"), ("social_media", "LinkedIn"),
        ("unclassified", "Vimeo"), ("unclassified", None), ("analytics", None)]
    assert [c["type"] for c in drafted["cookies"]][3] == "embed"
    assert "cookies" not in _drafted("Privacyverklaring\n\nKnoppen\nWij hebben geen social media buttons van Facebook.\n")


def test_cookies_placed_by_coordinated_providers():
    drafted = _drafted("Privacyverklaring\n\nCookies van derden\nOp onze website worden ook cookies geplaatst door "
                       "Vimeo en Spotify, als je hun speler gebruikt.\n")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("unclassified", "Vimeo"), ("unclassified", "Spotify")]


def test_a_pixel_only_where_the_notice_tells_of_its_own_trackers():
    assert "cookies" not in _drafted("Handleiding\n\nTrackingcodes\nBij het gebruik van tools als de Snap Pixel worden "
                                     "persoonsgegevens verzameld.\n")
    drafted = _drafted("Privacyverklaring\n\nAdvertenties\nEr staat een Snap Pixel op onze website.\n")
    assert [(c, p) for c, p, _ in _trackers(drafted)] == [("marketing", "Snap Pixel")]
