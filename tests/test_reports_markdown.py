"""report.md: a short summary for pull requests and $GITHUB_STEP_SUMMARY, with inert untrusted text."""

from __future__ import annotations

import dataclasses

from pac.errors import Location
from pac.reports import markdown
from pac.reports.text import markdown as escape
from reports_support import FINDINGS, HOSTILE, sample_run


def test_a_table_of_counts_per_organisation():
    lines = markdown.render(sample_run()).splitlines()
    assert lines[0] == "## pac: GDPR checks as of 2025-03-01"
    table = [line for line in lines if line.startswith("| ")]
    assert table[0] == "| Organisation | Errors | Warnings | Info | Waived | Checks passed |"
    # An escaped pipe in the hostile name does not add a cell.
    cells = [row.replace("\\|", "").split("|")[1:-1] for row in table[2:]]
    assert [[c.strip() for c in row[1:]] for row in cells] == [["1", "1", "0", "1", "2 of 5"], ["0", "0", "1", "0", "1 of 2"]]
    assert cells[1][0].strip() == "Bravo B.V. (`bravo`)"


def test_open_errors_and_warnings_are_listed_most_severe_first():
    text = markdown.render(sample_run())
    items = [line for line in text.splitlines() if line.startswith("- **")]
    assert [item.split("**")[1] for item in items] == ["error", "warning"]  # info is counted, not listed
    assert items[1] == ("- **warning** `acme` `sample-notice` `notice`: The notice gives no recipients. "
                        "(policies/acme.yaml:0:0)")
    assert "**Checks that crashed** (they fail their items; nothing was checked): `sample-broken` on `acme`" in text


def test_a_long_list_is_cut():
    first = FINDINGS[0]
    many = tuple(dataclasses.replace(first, location=Location(first.location.file, line, 1), message=f"m{line}")
                 for line in range(1, markdown.LISTED + 8))
    text = markdown.render(dataclasses.replace(sample_run(), findings=many))
    assert sum(1 for line in text.splitlines() if line.startswith("- **error**")) == markdown.LISTED
    assert "- and 7 more" in text and f"({markdown.LISTED + 7})</summary>" in text


def test_hostile_text_is_literal():
    text = markdown.render(sample_run())
    assert "<script>" not in text and "\x07" not in text and "\u202e" not in text
    assert escape(HOSTILE) in text
    assert escape("a|b <i>*x*</i> [l](u) `c` $m$ #1 &amp; ~s~ _u_\\") == (
        "a\\|b \\<i\\>\\*x\\*\\</i\\> \\[l\\](u) \\`c\\` \\$m\\$ \\#1 \\&amp; \\~s\\~ \\_u\\_\\\\")
    assert escape("two\nlines\x07") == "two lines\\\\x07"  # shown as: two lines\x07
