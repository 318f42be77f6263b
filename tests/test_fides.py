"""Importing Fides manifests: the mapping of Fides' vocabulary, what is left out, located errors, ``pac import fides``."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pac.cli import main
from pac.engine import Engine
from pac.errors import InvalidInput
from pac.fides import _retention, convert, pac_id
from pac.loader import display, load

FIXTURES = Path(__file__).parent / "fixtures" / "fides"


@pytest.fixture(scope="module")
def imported():
    return convert([FIXTURES])


@pytest.fixture(scope="module")
def acme(imported, tmp_path_factory):
    path = tmp_path_factory.mktemp("policies") / "acme.yaml"
    path.write_text(imported.to_yaml(), encoding="utf-8")
    (organisation,) = load([path])
    return organisation


def test_the_import_is_a_valid_declaration_of_the_fides_organization(imported, acme):
    assert imported.organisation == acme.id == "acme"
    assert imported.files == (display(FIXTURES / "organization.yml"), display(FIXTURES / "systems.yml"))
    assert acme.name == "Acme Shop B.V."
    assert [(c.channel, c.value) for c in acme.controller.contacts] == [("email", "privacy@acme.example"),
                                                                         ("phone", "+31 20 123 4567")]
    assert acme.controller.dpo.name == "D. P. Officer" and acme.controller.country is None
    assert acme.notice is None


def test_systems_become_activities_and_declarations_purposes(acme):
    assert [a.id for a in acme.activities] == ["shop_app", "health_module", "mailer", "analytics_vendor"]
    deliver, confirm, newsletter = acme.activity("shop_app").purposes
    assert (deliver.name, deliver.kind, deliver.legal_basis.basis) == ("Deliver orders", "service_delivery", "contract")
    assert (confirm.kind, confirm.channels) == ("communication", ("email",))
    assert (newsletter.kind, newsletter.channels, newsletter.legal_basis.basis) == ("direct_marketing", ("email",), "consent")
    assert newsletter.term == "marketing.communications.email"
    allergies = acme.purpose("health_module.personalize.content")
    assert allergies.kind is None  # Fides' "personalize" has no counterpart among pac's kinds
    assert allergies.art9_condition.condition == "explicit_consent"
    assert acme.purpose("analytics_vendor.analytics.reporting").legal_basis.basis == "legitimate_interests"
    assert acme.activity("shop_app").dpia.status == "not_required"


def test_vocabulary_becomes_pac_keys(acme):
    assert acme.data_subject("customer").relationship == "customer"
    assert acme.category("user.contact.email").name == "Customer e-mail address"  # from the manifest's taxonomy
    assert acme.category("user.contact.email").source == "data_subject"  # from the user ingress flow
    assert acme.category("user.health.condition").special == "health"
    assert acme.category("user.name").special is None


def test_retention_text_becomes_a_period_only_when_it_is_one(acme):
    deliver, vague = acme.activity("shop_app").retention
    assert (str(deliver.period), deliver.limit, deliver.after, deliver.purposes) == ("P2Y", "exactly", None,
                                                                                     ("shop_app.essential.service",))
    assert vague.vague == "until the subscriber unsubscribes"


@pytest.mark.parametrize("text, rule", [
    ("P18M", {"period": "P18M", "limit": "exactly"}),
    ("30 days", {"period": "P30D", "limit": "exactly"}),
    ("up to 2 years", {"period": "P2Y", "limit": "at_most"}),
    ("At least 7 Years", {"period": "P7Y", "limit": "at_least"}),
    ("30", {"vague": "30"}),  # no unit: not a period
    ("as long as needed", {"vague": "as long as needed"}),
])
def test_retention_text(text, rule):
    found = _retention(text)
    assert {k: v for k, v in found.items() if k != "description"} == rule


def test_third_parties_vendors_and_transfers_become_recipients(acme):
    mailer = acme.recipient("mailer")
    assert (mailer.name, mailer.named, mailer.role, mailer.country) == ("Mailer Inc.", True, "recipient", None)
    assert mailer.activities == ("mailer", "shop_app")  # its own processing, and the shop app's egress to it
    assert [t.tool for t in mailer.transfer_tools] == ["scc"]  # "Supplementary Measures" is no transfer tool
    assert "Supplementary Measures" in mailer.note
    assert acme.recipient("analytics_vendor").activities == ("analytics_vendor", "shop_app")
    networks = acme.recipient("third-parties-advertising-networks")
    assert (networks.named, networks.categories) == (False, ("user.device.cookie_id",))
    abroad = acme.recipient("health_module-abroad")
    assert (abroad.named, abroad.country, [t.tool for t in abroad.transfer_tools]) == (False, None, ["scc"])
    assert acme.get("recipients", "health_module") is None  # the organisation's own system is no recipient


def test_every_element_says_it_was_imported(imported):
    def walk(value, path):
        if isinstance(value, dict):
            if "provenance" in value:
                facts = value["provenance"] if isinstance(value["provenance"], list) else [value["provenance"]]
                assert all(f["fact"].startswith(f"imported from Fides manifest {display(FIXTURES)}/") for f in facts), path
            elif "id" in value or "tool" in value:
                pytest.fail(f"{path} has no provenance")
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(imported.declaration, "$")


def test_pac_reports_what_fides_cannot_express(acme):
    evaluation = Engine.from_plugins().evaluate(acme, date(2026, 1, 1))
    unknown = {s for f in evaluation.all_findings() if f.check == "recipient-country-known" for s in f.subjects}
    assert {"recipients/mailer", "recipients/health_module-abroad"} <= unknown


def test_the_output_does_not_depend_on_hash_seeds(imported):
    """Sets and dicts must not leak their order: two processes with other hash seeds write the same declaration."""
    command = [sys.executable, "-m", "pac", "import", "fides", str(FIXTURES)]
    outputs = [subprocess.run(command, check=True, capture_output=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}).stdout
               for seed in ("1", "2")]
    assert outputs[0] == outputs[1] == imported.to_yaml().encode()


SYSTEM = """\
system:
  - fides_key: app
    privacy_declarations:
      - data_use: essential.service
        data_categories: [user.name]
        legal_basis_for_processing: {basis}
"""


def errors(*paths: Path) -> list[str]:
    with pytest.raises(InvalidInput) as raised:
        convert(paths)
    return [e.format() for e in raised.value.errors]


def test_a_value_outside_fides_vocabulary_is_a_located_error(tmp_path, write):
    (error,) = errors(write(SYSTEM.format(basis="Because we can"), "fides.yml"))
    assert error.startswith(f"{tmp_path / 'fides.yml'}:6:37: error: system[0].privacy_declarations[0]"
                            ".legal_basis_for_processing: 'Because we can' is not a value Fides defines")
    assert "legitimate interests" in error


def test_structural_problems_are_located_errors(write):
    found = errors(write("""\
        system:
          - fides_key: app
            egress: [{fides_key: elsewhere, type: system}]
            privacy_declarations:
              - data_categories: user.name
          - name: no key
            privacy_declarations: []
          - fides_key: app
            privacy_declarations: []
        """, "fides.yml"), write("just: a list\n", "other.yml"))
    text = "\n".join(found)
    assert "fides.yml:3:14: error: system[0].egress[0]: egress to system 'elsewhere', which none" in text
    assert "system[0].privacy_declarations[0]: missing required key 'data_use'" in text
    assert "system[0].privacy_declarations[0].data_categories: expected a list" in text
    assert "fides.yml:6:5: error: system[1]: missing required key 'fides_key'" in text
    assert "system[2].fides_key: system 'app' is declared twice" in text
    assert "other.yml:1:1: error: not a Fides manifest" in text


def test_items_after_one_that_is_no_string_are_located_at_their_own_place(tmp_path, write):
    found = errors(write("""\
        system:
          - fides_key: app
            privacy_declarations:
              - data_use: essential.service
                data_categories:
                  - user.name
                  - 5
                  - User.name
        """, "fides.yml"))
    at = f"{tmp_path / 'fides.yml'}:%s: error: system[0].privacy_declarations[0].data_categories"
    assert [e.splitlines()[0] for e in found] == [
        at % "7:13" + "[1]: expected a string (a Fides key)",
        at % "8:13" + "[2]: data category 'User.name' and 'user.name' would both get the pac id 'user.name'"]


def test_a_third_party_system_receives_its_own_activity_only(write):
    """A vendor's system whose key gives the pac id of one of the organisation's systems is no recipient of it."""
    imported = convert([write("""\
        system:
          - fides_key: vendor
            privacy_declarations:
              - {data_use: essential.service, data_categories: [user.name], legal_basis_for_processing: Contract}
          - fides_key: Vendor
            legal_name: Vendor Inc.
            privacy_declarations: []
        """, "fides.yml")])
    (vendor,) = imported.declaration["recipients"]
    assert (vendor["name"], vendor["activities"]) == ("Vendor Inc.", [])


def test_pac_import_fides_writes_a_declaration_pac_loads(tmp_path, capsys):
    out = tmp_path / "policies" / "shop.yaml"
    assert main(["import", "fides", str(FIXTURES), "-o", str(out)]) == 0
    (organisation,) = load([out])
    assert organisation.id == "shop"  # named after the output file, as pac requires
    assert main(["import", "fides", str(FIXTURES)]) == 0
    assert "organisation: acme\n" in capsys.readouterr().out


def test_pac_import_fides_refuses_bad_ids_and_bad_manifests(tmp_path, write, capsys):
    assert main(["import", "fides", str(FIXTURES), "-o", str(tmp_path / "Not An Id.yaml")]) == 2
    assert "no organisation id" in capsys.readouterr().err
    assert main(["import", "fides", str(write(SYSTEM.format(basis="Maybe"), "fides.yml"))]) == 2
    assert "'Maybe' is not a value Fides defines" in capsys.readouterr().err
    assert main(["import", "fides", str(tmp_path / "missing")]) == 2


DATASETS = Path(__file__).parent / "fixtures" / "fides-datasets"


@pytest.fixture(scope="module")
def care(tmp_path_factory):
    imported = convert([DATASETS], "care")
    path = tmp_path_factory.mktemp("care") / "care.yaml"
    path.write_text(imported.to_yaml(), encoding="utf-8")
    (organisation,) = load([path])
    return imported, organisation


def test_a_dataset_alone_is_imported_with_its_special_categories():
    imported = convert([DATASETS / "datasets.yml"])
    activities = {a["id"]: a for a in imported.declaration["activities"]}
    assert sorted(activities) == ["app_db", "crm_export"]
    assert activities["app_db"]["categories"] == ["user.contact.email", "user.health.allergy"]  # nested fields too
    assert activities["app_db"]["purposes"] == [] and "no system that uses it" in activities["app_db"]["note"]
    categories = {c["id"]: c for c in imported.declaration["data_categories"]}
    assert categories["user.health.allergy"]["special"] == "health"  # Art. 9 data are not lost
    assert categories["user.criminal_history"]["criminal"] is True


def test_a_dataset_gives_its_categories_to_the_system_that_uses_it(care):
    imported, organisation = care
    app = organisation.activity("care-app-eu")  # a readable id from the key "Care App (EU)"
    assert app.categories == ("user.contact.email", "user.health.allergy")
    assert organisation.category("user.health.allergy").special == "health"
    assert "no privacy declaration names" in app.note
    assert organisation.activity("crm_export").name == "Data held in CRM export"  # used by no system
    assert organisation.get("activities", "app_db") is None


def test_roles_third_countries_processor_agreements_and_addresses_are_carried_over(care):
    _, organisation = care
    hosting = organisation.recipient("hosting")
    assert (hosting.role, hosting.country) == ("processor", "US")
    assert hosting.country_provenance[0].fact.endswith("system[1].third_country_transfers")
    assert hosting.processor_agreement.in_place
    assert "https://hosting.example/dpa" in hosting.processor_agreement.provenance[0].note
    assert "Legal address (Fides): 1 Main Street, Springfield" in hosting.note


def test_every_fides_key_pac_cannot_carry_is_reported_with_its_location(care, capsys):
    imported, _ = care
    dropped = [f"{e.location.line}:{e.location.column} {e.message}" for e in imported.dropped]
    assert dropped == [
        "15:5 dataset[1].description: pac has no place for Fides' 'description'; it is left out",
        "6:5 system[0].system_type: pac has no place for Fides' 'system_type'; it is left out"]
    assert [e.location.file for e in imported.dropped] == [display(DATASETS / "datasets.yml"),
                                                          display(DATASETS / "systems.yml")]
    assert main(["import", "fides", str(DATASETS)]) == 0
    err = capsys.readouterr().err
    assert f"{display(DATASETS / 'systems.yml')}:6:5: warning: system[0].system_type:" in err
    assert "2 Fides keys left out" in err


def test_names_that_yaml_1_2_reads_as_numbers_are_written_quoted(care):
    imported, organisation = care
    text = imported.to_yaml()
    assert 'name: "1e3"' in text and 'name: "0o17"' in text
    assert organisation.activity("care-app-eu").name == "1e3"  # read back as written, not as 1000.0
    assert organisation.activity("care-app-eu").purposes[0].name == "0o17"


@pytest.mark.parametrize("key, pid", [("Shop App (EU)", "shop-app-eu"), ("user.contact.email", "user.contact.email"),
                                      ("__private--key__", "private-key"), ("!!!", "x")])
def test_ids_are_readable(key, pid):
    assert pac_id(key) == pid
