"""A drafted seed, reviewed and corrected by hand, produces the same findings as the hand encoding; the README
shows what the review changed, counted from the two committed files.

``benchmarks/draft-review/draft/we4u.yaml`` is a snapshot of what ``pac draft`` wrote for the We4U notice (the
commit is named in the README), not what it writes today: the drafter improves, the snapshot and its review stay.
"""

from __future__ import annotations

import difflib
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from pac import load
from pac.cli import main
from pac.draft.assemble import MARKER
from seed_notices import seed_notices

ROOT = Path(__file__).parents[1]
FOLDER = ROOT / "benchmarks" / "draft-review"
DRAFT, REVIEWED, HAND = FOLDER / "draft" / "we4u.yaml", FOLDER / "reviewed" / "we4u.yaml", ROOT / "policies" / "we4u.yaml"
NOTICE = seed_notices()["we4u"]
IGNORED = {"id", "name", "term", "provenance", "note"}
"""What a reviewer may change without changing the fact an element states."""


def _elements(declaration: dict) -> dict[str, list]:
    """The elements of a declaration, per kind (a field of the controller or notice is one element)."""
    controller, notice = declaration.get("controller", {}), declaration.get("notice", {})
    activities = declaration.get("activities", [])
    return {
        "controller fields": [{k: v} for k, v in controller.items() if k != "provenance"],
        "notice fields": [{k: v} for k, v in notice.items() if k not in ("rights", "provenance")],
        "rights": notice.get("rights", []),
        "data subjects": declaration.get("data_subjects", []),
        "data categories": declaration.get("data_categories", []),
        "activities": [{k: v for k, v in a.items() if k not in ("purposes", "retention")} for a in activities],
        "purposes": [p for a in activities for p in a.get("purposes", [])],
        "retention rules": [r for a in activities for r in a.get("retention", [])],
        "recipients": declaration.get("recipients", []),
        "transfer tools": declaration.get("transfer_tools", []),
        "cookies": declaration.get("cookies", []),
        "security measures": declaration.get("security_measures", []),
    }


def _facts(element: object) -> object:
    if isinstance(element, date):  # '2023-08-21' as the drafter quotes it, or a YAML date
        return element.isoformat()
    if not isinstance(element, dict):
        return element
    return {k: _facts(v) for k, v in element.items() if k not in IGNORED}


def _quotes(node: object) -> set[str]:
    if isinstance(node, dict):
        return ({node["quote"]} if "quote" in node else set()) | {q for v in node.values() for q in _quotes(v)}
    if isinstance(node, list):
        return {q for v in node for q in _quotes(v)}
    return set()


def _sections(text: str) -> dict[str, list[str]]:
    """The lines of a YAML file per top-level key (comments left out)."""
    found: dict[str, list[str]] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line and not line[0].isspace() and not line.startswith("- "):
            key = line.split(":", 1)[0]
        found.setdefault(key, []).append(line)
    return found


def review_table() -> str:
    """The README's table of the review: per kind, the elements drafted and reviewed, those whose facts the
    reviewer kept as drafted and those that keep a drafted quote; then the lines removed and added."""
    draft = yaml.safe_load(DRAFT.read_text(encoding="utf-8"))
    reviewed = yaml.safe_load(REVIEWED.read_text(encoding="utf-8"))
    rows = ["| kind | drafted | reviewed | facts kept as drafted | with a drafted quote |", "|---|---:|---:|---:|---:|"]
    for kind, elements in _elements(reviewed).items():
        drafted = _elements(draft)[kind]
        left = [_facts(e) for e in drafted]
        kept = 0
        for element in elements:
            if _facts(element) in left:
                left.remove(_facts(element))
                kept += 1
        quoted = _quotes(drafted)
        with_quote = sum(bool(_quotes(e) & quoted) for e in elements)
        rows.append(f"| {kind} | {len(drafted)} | {len(elements)} | {kept} | {with_quote} |")
    before, after = _sections(DRAFT.read_text(encoding="utf-8")), _sections(REVIEWED.read_text(encoding="utf-8"))
    counts = []
    for key in dict.fromkeys([*before, *after]):
        diff = list(difflib.unified_diff(before.get(key, []), after.get(key, []), lineterm="", n=0))[2:]
        removed, added = sum(d.startswith("-") for d in diff), sum(d.startswith("+") for d in diff)
        if removed or added:
            counts.append(f"`{key}` -{removed} +{added}")
    total = sum(len(lines) for lines in before.values())
    return "\n".join(rows) + f"\n\nLines of the draft's {total} that the reviewer removed and added, per section: " + ", ".join(counts) + "."


def test_the_readme_shows_the_review_as_committed():
    assert review_table() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_raw_draft_is_an_unreviewed_draft_and_the_review_is_not():
    (drafted,) = load([DRAFT])
    (reviewed,) = load([REVIEWED])
    assert drafted.notice.draft == MARKER and reviewed.notice.draft is None


def _findings(declaration: Path, folder: Path) -> list[tuple[str, str, str]]:
    main(["check", str(declaration), "--notice", f"we4u={NOTICE}", "--as-of", "2025-06-30", "--report-dir", str(folder),
          "--quiet"])
    found = json.loads((folder / "findings.json").read_text(encoding="utf-8"))["findings"]
    return sorted((f["check"], f["subject"], f["severity"]) for f in found)


@pytest.mark.skipif(not NOTICE.is_file(), reason="the seed notices are not beside the repository")
def test_the_reviewed_draft_gives_the_findings_of_the_hand_encoding(tmp_path: Path):
    reviewed = _findings(REVIEWED, tmp_path / "reviewed")
    assert reviewed == _findings(HAND, tmp_path / "hand")
    assert len(reviewed) > 20 and not [f for f in reviewed if f[0] == "quotes-found-in-notice"]
