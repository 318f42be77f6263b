"""Citations in Dutch (pac.citations): the article first, then ``lid``, ``sub`` and the statute, for every citation
a check of the catalogue or pac's reference data uses; English stays as written."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from pac import Engine
from pac.citations import JUDGMENTS, cite
from test_catalogue import CITATION


@pytest.mark.parametrize("english, dutch", [
    ("GDPR Art. 13(1)(f)", "art. 13 lid 1 sub f AVG"),
    ("GDPR Art. 10", "art. 10 AVG"),
    ("GDPR Art. 4(11)", "art. 4 punt 11 AVG"),
    ("GDPR Art. 49(1) second subparagraph", "art. 49 lid 1 tweede alinea AVG"),
    ("GDPR Art. 13(3), Art. 14(4)", "art. 13 lid 3 en art. 14 lid 4 AVG"),
    ("GDPR Art. 46(2)(b), Art. 47", "art. 46 lid 2 sub b en art. 47 AVG"),
    ("GDPR Art. 14(5)(a)-(d)", "art. 14 lid 5 sub a-d AVG"),
    ("GDPR Recital 47", "overweging 47 AVG"),
    ("GDPR Chapter V", "hoofdstuk V AVG"),
    ("UAVG art. 6", "art. 6 UAVG"),
    ("UAVG", "UAVG"),
    ("Tw art. 11.7a", "art. 11.7a Tw"),
    ("Tw art. 11.7(3)", "art. 11.7 lid 3 Tw"),
    ("BW art. 7:454(3)", "art. 7:454 lid 3 BW"),
    ("AWR art. 52", "art. 52 AWR"),
    ("Directive 2002/58/EC art. 5(3)", "art. 5 lid 3 Richtlijn 2002/58/EG"),
    ("Law of 30 July 2018 art. 10/2", "art. 10/2 Wet van 30 juli 2018"),
    ("CDE/WER art. III.86, III.88", "art. III.86 en art. III.88 CDE/WER"),
    ("CPCE art. L34-5", "art. L34-5 CPCE"),
    ("BDSG § 38(1)", "§ 38 lid 1 BDSG"),
    ("CJEU C-311/18", "HvJ EU 16 juli 2020, C-311/18 (Schrems II)"),
    ("CJEU C-673/17", "HvJ EU 1 oktober 2019, C-673/17 (Planet49)"),
    ("CJEU C-1/99", "HvJ EU C-1/99"),  # a judgment pac has no date for: by its number
    ("EDPB Guidelines 2/2018", "EDPB-richtsnoeren 2/2018"),
    ("WP260 rev.01", "WP260 rev.01"),
    ("AP DPIA list 2019", "DPIA-lijst van de AP (2019)"),
    # another form is shown as written
    ("AO §147(1) Nr. 1, (3); HGB §257(1) Nr. 1, (4)", "AO §147(1) Nr. 1, (3); HGB §257(1) Nr. 1, (4)"),
])
def test_a_citation_in_dutch(english: str, dutch: str):
    assert cite(english, "nl") == dutch
    assert cite(english) == cite(english, "en") == english


def _reference_citations() -> set[str]:
    """Every citation pac's reference data gives findings: articles, national laws, statutes, exceptions (the
    ``law`` of the ages of digital consent is prose a message quotes, no citation)."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("article", "law", "statute", "customer_exception") and isinstance(item, str):
                    found.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for file in resources.files("pac.reference.data").iterdir():
        if file.name.endswith(".yaml") and file.name != "consent_ages.yaml":
            walk(yaml.safe_load(file.read_text(encoding="utf-8")))
    return found


def test_every_citation_of_the_catalogue_and_the_reference_data_renders_in_dutch():
    cited = {a for c in Engine.from_plugins().checks for a in c.articles}
    assert all(CITATION.match(a) for a in cited)  # the forms the catalogue test allows
    everything = cited | _reference_citations()
    assert len(everything) > 150
    for citation in sorted(everything):
        dutch = cite(citation, "nl")
        if re.match(r"(GDPR|CJEU|EDPB|Directive|Tw|UAVG|BW|AWR|Wwft) ", citation):
            assert "GDPR" not in dutch and "Art." not in dutch and "CJEU" not in dutch, citation
            assert (dutch != citation or " " not in citation) and not re.search(r"\((\d+|[a-z])\)", dutch), (citation, dutch)
        if citation.startswith("CJEU "):
            assert citation.removeprefix("CJEU ") in JUDGMENTS, citation  # every judgment a check cites has its date
