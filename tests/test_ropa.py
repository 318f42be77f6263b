"""The Art. 30(1) record: what each column holds, the three formats, and ``pac ropa``."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pac.cli import main
from pac.loader import load
from pac.reference import Reference
from pac.reports.ropa import render, render_csv, render_markdown, render_xlsx, spreadsheet_safe
from pac.ropa import COLUMNS, records

AS_OF = date(2026, 1, 1)
POLICIES = Path(__file__).resolve().parents[1] / "policies"

BODY = """\
controller:
  legal_name: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
  registration: {register: KvK, number: "12345678", provenance: {section: Contact, quote: "KvK"}}
  vat_number: NL001234567B01
  address: {street: Dorpsstraat 1, city: Utrecht, country: NL, provenance: {section: Contact, quote: "Dorpsstraat 1"}}
  contacts: [{channel: phone, value: "+31 30 123 4567", provenance: {section: Contact, quote: "030"}}]
  dpo: {designated: true, name: J. Jansen, contacts: [{channel: email, value: fg@x.example, provenance: {section: FG, quote: "fg"}}], provenance: {section: FG, quote: "FG"}}
  provenance: {section: Contact, quote: "wij"}
data_subjects:
  - {id: customers, name: Customers, provenance: {section: Klanten, quote: "klanten"}}
data_categories:
  - {id: email, name: E-mail address, provenance: {section: Gegevens, quote: "e-mail"}}
  - {id: health, name: Allergies, special: health, provenance: {section: Gegevens, quote: "allergie"}}
  - {id: record, name: Certificate of conduct, criminal: true, provenance: {section: Gegevens, quote: "VOG"}}
activities:
  - id: shop
    name: Web shop
    data_subjects: [customers]
    categories: [email, health, record]
    purposes:
      - {id: deliver, name: Deliver orders, legal_basis: contract, provenance: {section: Doelen, quote: "leveren"}}
      - {id: tips, name: Send tips, provenance: {section: Doelen, quote: "tips"}}
    retention:
      - {purposes: [deliver], period: P2Y, limit: exactly, after: contract_end, provenance: {section: Bewaren, quote: "2 jaar"}}
      - {categories: [health], vague: niet langer dan nodig, provenance: {section: Bewaren, quote: "nodig"}}
    provenance: {section: Winkel, quote: "winkel"}
  - id: other
    name: Job applications
    provenance: {section: Vacatures, quote: "sollicitatie"}
recipients:
  - {id: mailer, name: Mailer, named: true, role: processor, country: US, activities: [shop],
     transfer_tools: [{tool: scc, version: "2021", module: 2, provenance: {section: Doorgifte, quote: "SCC"}}],
     provenance: {section: Ontvangers, quote: "Mailer"}}
  - {id: host, name: Host, named: true, role: processor, country: DE, activities: [shop], provenance: {section: Ontvangers, quote: "Host"}}
  - {id: cloud, name: Cloud suppliers, named: false, role: processor, provenance: {section: Ontvangers, quote: "cloud"}}
security_measures:
  - {description: Encrypted connections, provenance: {section: Beveiliging, quote: "versleuteld"}}
"""


@pytest.fixture
def rows(load_one):
    return records(load_one(BODY), Reference.packaged(), AS_OF)


def test_one_record_per_activity_with_the_art_30_items(rows):
    shop, other = rows
    assert (shop.activity, other.activity) == ("Web shop", "Job applications")
    assert shop.controller[1:] == ("KvK 12345678", "VAT NL001234567B01", "Dorpsstraat 1, Utrecht, NL",
                                   "phone: +31 30 123 4567")
    assert shop.dpo == ("J. Jansen", "email: fg@x.example")
    assert shop.purposes == ("Deliver orders", "Send tips")
    assert shop.legal_bases == ("Deliver orders: Performance of a contract / pre-contractual steps (GDPR Art. 6(1)(b))",
                                "Send tips: not stated")
    assert shop.data_categories == ("E-mail address", "Allergies [special category: Health data]",
                                    "Certificate of conduct [criminal convictions and offences (GDPR Art. 10)]")
    assert shop.retention == ("kept P2Y after the end of the contract [Deliver orders]",
                              "kept 'niet langer dan nodig' [Allergies]")
    assert shop.security == other.security == ("Encrypted connections",)
    assert other.purposes == other.retention == ()


def test_recipients_and_transfers_come_from_the_transfer_assessment(rows):
    shop, other = rows
    assert shop.recipients == ("Mailer (processor, United States)", "Host (processor, Germany)",
                               "Cloud suppliers (category, processor) (the declaration does not say which activities)")
    mailer, cloud = shop.transfers  # Host is in the EEA: no transfer
    assert mailer.startswith("Mailer \u2192 United States (US): Standard data protection clauses")
    assert "(valid: " in mailer
    assert cloud == "Cloud suppliers: the declaration does not say in which country; the transfer cannot be assessed"
    assert other.recipients == (shop.recipients[2],)


def test_csv_has_a_heading_row_and_neutralises_formulas(rows, tmp_path):
    text = render_csv(rows)
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == [heading for _, heading in COLUMNS]
    assert len(parsed) == 3
    controller = parsed[1][1]
    assert controller.startswith("'=HYPERLINK(")  # OWASP CSV injection: a leading quote makes it text
    # Sets and dicts must not leak their order: two processes with other hash seeds write the same record.
    command = [sys.executable, "-m", "pac", "ropa", str(tmp_path / "demo.yaml"), "--as-of", AS_OF.isoformat()]  # load_one's file
    outputs = [subprocess.run(command, check=True, capture_output=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}).stdout
               for seed in ("1", "2")]
    assert outputs[0] == outputs[1] == text.encode()


@pytest.mark.parametrize("text, safe", [("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                        ("\tx", "'\tx"), ("plain = text", "plain = text")])
def test_spreadsheet_safe(text, safe):
    assert spreadsheet_safe(text) == safe


def test_markdown_escapes_untrusted_text(load_one):
    organisation = load_one(BODY.replace("name: Web shop", "name: \"<script>alert(1)</script> | [x](http://evil)\""))
    text = render_markdown(records(organisation, Reference.packaged(), AS_OF), AS_OF)
    assert "<script>" not in text and "[x](http" not in text
    assert "### \\<script\\>alert(1)\\</script\\> \\| \\[x\\](http://evil)" in text
    assert "| Purposes (Art. 30(1)(b)) | Deliver orders<br>Send tips |" in text


def test_xlsx_is_deterministic_and_never_a_formula(rows):
    openpyxl = pytest.importorskip("openpyxl")
    data = render_xlsx(rows, AS_OF)
    assert render_xlsx(rows, AS_OF) == data
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == [heading for _, heading in COLUMNS]
    controller = sheet.cell(row=2, column=2)
    assert controller.data_type == "s" and controller.value.startswith("'=HYPERLINK(")
    assert sheet.cell(row=3, column=5).value == "Job applications"


def test_xlsx_without_openpyxl_says_how_to_install_it(rows, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(RuntimeError, match=r"pip install 'pac-gdpr\[xlsx\]'"):
        render(rows, "xlsx", AS_OF)


def test_pac_ropa_writes_the_seed_policies(capsys):
    assert main(["ropa", str(POLICIES), "--as-of", "2026-01-01"]) == 0
    parsed = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    activities = sum(len(o.activities) for o in load([POLICIES]))
    assert len(parsed) == 1 + activities


def test_pac_ropa_xlsx_needs_a_file_and_never_replaces_an_input(tmp_path, capsys):
    we4u = str(POLICIES / "we4u.yaml")
    assert main(["ropa", we4u, "--format", "xlsx"]) == 2
    assert "--output" in capsys.readouterr().err
    assert main(["ropa", we4u, "--format", "md", "-o", we4u]) == 2
    assert "it is one of the input files" in capsys.readouterr().err
    out = tmp_path / "ropa.xlsx"
    assert main(["ropa", we4u, "--format", "xlsx", "-o", str(out), "--as-of", "2026-01-01"]) == 0
    assert out.read_bytes()[:2] == b"PK"


def test_pac_ropa_reports_invalid_input(write, capsys):
    assert main(["ropa", str(write("pac: 1\norganisation: demo\nactivities: 3\n"))]) == 2
    assert "demo.yaml:3:13: error" in capsys.readouterr().err
