"""The pytest plugin end to end, in a scratch pytest session (pytester): items, selection, reports,
waivers, --pac-as-of, xdist, and checks, reference data and severities added by a conftest.py."""

from __future__ import annotations

import gc
import json
import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pac import Check, Engine

DECLARATION = """\
pac: 1
organisation: demo
data_subjects: [{id: users, name: Users, relationship: user, provenance: {section: A, quote: users}}]
data_categories: [{id: email, name: E-mail, provenance: {section: A, quote: e-mail}}]
activities:
  - id: service
    name: Service
    data_subjects: [users]
    categories: [email]
    purposes:
      - {id: deliver, name: Deliver the service, legal_basis: contract, provenance: {section: Doelen, quote: leveren}}
      - {id: improve, name: Improve the website, provenance: {section: Doelen, quote: "de website te verbeteren"}}
    provenance: {section: Dienst, quote: dienst}
"""

SWEDISH_RETENTION = """
        @pac.hookimpl
        def pac_reference_data():
            return {"src": ["TEST-SE"], "ver": "secondary",
                    "sources": [{"id": "TEST-SE", "title": "Bokföringslag (1999:1078) 7 kap. 2 §", "url": "https://example.org"}],
                    "retention": [{"id": "se_bookkeeping", "country": "SE", "record": "Bookkeeping records", "kind": "min",
                                   "period": "P7Y", "statute": "BFL 7 kap. 2 §"}]}
"""
"""A conftest.py hook (to follow ``import pac``) that adds a Swedish statutory retention row to the reference data."""

ARGS = ("-o", "pac_paths=policies", "-p", "no:randomly")


@pytest.fixture
def policies(pytester: pytest.Pytester) -> Path:
    folder = pytester.mkdir("policies")
    (folder / "demo.yaml").write_text(DECLARATION, encoding="utf-8")
    return folder


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*ARGS, "--pac-as-of", "2026-11-22", *args)


def test_items_have_stable_readable_node_ids(pytester, policies):
    result = run(pytester, "--collect-only", "-q", "-k", "legal-basis-stated or legitimate", "--pac-granularity", "subject")
    ids = [line for line in result.outlines if "::" in line]
    assert ids == ["policies/demo.yaml::legal-basis-stated[purposes/deliver]",
                   "policies/demo.yaml::legal-basis-stated[purposes/improve]",
                   "policies/demo.yaml::legitimate-interest-named[purposes/deliver]",
                   "policies/demo.yaml::legitimate-interest-named[purposes/improve]"]
    def collected() -> list[str]:
        return [line for line in run(pytester, "--collect-only", "-q").outlines if "::" in line]

    assert collected() == collected()  # deterministic order


def test_by_default_a_failing_subject_has_its_own_item_and_the_passing_ones_share_one(pytester, policies):
    result = run(pytester, "--collect-only", "-q", "-k", "legal-basis-stated or legitimate")
    assert [line for line in result.outlines if "::" in line] == [
        "policies/demo.yaml::legal-basis-stated[purposes/improve]",  # fails
        "policies/demo.yaml::legal-basis-stated",  # purposes/deliver, which passes
        "policies/demo.yaml::legitimate-interest-named"]  # both purposes pass
    # -k on a passing subject selects the item that covers it
    selected = run(pytester, "-k", "legal-basis-stated and purposes/deliver")
    selected.assert_outcomes(passed=1)
    run(pytester, "-p", "cacheprovider", "-k", "legal-basis-stated").assert_outcomes(passed=1, failed=1)
    run(pytester, "-p", "cacheprovider", "-k", "legal-basis-stated", "--lf").assert_outcomes(failed=1)


def test_a_crashing_check_is_one_failing_item_by_default(pytester, policies):
    pytester.makeconftest("""
        import pac

        @pac.check("crashes", title="Crashes", articles=["GDPR Art. 5(2)"], severity="error", subject="purposes",
                   remedy="None.")
        def crashes(purpose, ctx):
            "Raises."
            raise RuntimeError("boom")
            yield

        @pac.hookimpl
        def pac_checks():
            return [crashes]
    """)
    result = run(pytester, "-k", "crashes", "--pac-report-dir", "out")
    result.assert_outcomes(failed=1)
    assert "check crashes crashed" in result.stdout.str() and "RuntimeError: boom" in result.stdout.str()
    subject = run(pytester, "-k", "crashes", "--pac-granularity", "subject", "--pac-report-dir", "fine")
    subject.assert_outcomes(failed=2)
    assert (pytester.path / "out/report.md").read_text() == (pytester.path / "fine/report.md").read_text()


def test_a_finding_fails_its_item_with_a_lawyer_readable_report(pytester, policies):
    result = run(pytester, "-k", "legal-basis-stated")
    result.assert_outcomes(passed=1, failed=1)
    text = result.stdout.str()
    assert "error [legal-basis-stated] GDPR Art. 6(1), GDPR Art. 13(1)(c)" in text
    assert "The notice states no legal basis for 'Improve the website'." in text
    assert "where: policies/demo.yaml:12:9 (purposes/improve)" in text
    assert "notice: Doelen: \u201cde website te verbeteren\u201d" in text
    assert "remedy: State for this purpose" in text
    assert "Traceback" not in text and "def legal_basis_stated" not in text


def test_markers_select_by_topic_severity_and_article(pytester, policies):
    engine = Engine.from_plugins()

    def selected(marker: str) -> set[Check]:
        lines = run(pytester, "--collect-only", "-q", "-m", marker).outlines
        return {engine.check(line.split("::")[1].split("[")[0]) for line in lines if "::" in line}

    article, topic, severity = selected("gdpr_art21"), selected("pac_lawfulness"), selected("pac_warning")
    assert engine.check("objection-right-stated") in article
    assert all(any(re.match(r"GDPR Art\. 21\b", a) for a in c.articles) for c in article)
    assert engine.check("legal-basis-stated") in topic and {c.topic for c in topic} == {"lawfulness"}
    assert {c.severity for c in severity} <= {"warning"}


def test_last_failed_and_exitfirst(pytester, policies):
    run(pytester, "-p", "cacheprovider", "-k", "legal-basis-stated").assert_outcomes(passed=1, failed=1)
    run(pytester, "-p", "cacheprovider", "-k", "legal-basis-stated", "--lf").assert_outcomes(failed=1)
    stopped = run(pytester, "-x")
    assert stopped.parseoutcomes()["failed"] == 1 and "stopping after 1 failures" in stopped.stdout.str()


def test_pac_items_skip_the_hooks_of_each_phase_but_not_their_reports(pytester, policies):
    # a pac item runs nothing in its setup, call and teardown: pytest's per-phase hooks (capture, logging, fixtures)
    # are not called for it, while every report still goes through makereport and logreport
    pytester.makeconftest("""
        import pytest

        def pytest_runtest_setup(item):
            raise RuntimeError("a per-phase hook ran for " + item.nodeid)

        def pytest_runtest_makereport(item, call):
            item.user_properties.append(("seen_" + call.when, "yes"))
    """)
    result = run(pytester, "-k", "legal-basis-stated", "--junitxml=junit.xml")
    result.assert_outcomes(passed=1, failed=1)
    assert "a per-phase hook ran" not in result.stdout.str()
    cases = list(ET.parse(pytester.path / "junit.xml").getroot().iter("testcase"))
    assert [case.get("name") for case in cases] == ["legal-basis-stated[purposes/improve]", "legal-basis-stated"]
    assert all({p.get("name") for p in case.iter("property")} >= {"seen_setup", "seen_call", "seen_teardown"}
               for case in cases)
    # under --pdb's protocol (or --setup-show) pytest runs its own hooks, which here fail the item
    shown = run(pytester, "-k", "legal-basis-stated", "--setup-show")
    shown.assert_outcomes(errors=2)


def test_what_pac_keeps_for_the_run_is_made_without_the_cyclic_collector_then_frozen():
    from pac.pytest.session import kept

    enabled, before = gc.isenabled(), gc.get_freeze_count()
    try:
        with kept():
            assert not gc.isenabled()
            made = [[] for _ in range(1000)]
        assert gc.isenabled() == enabled and gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()


def test_the_terminal_summary_does_not_scan_the_empty_phases_of_pac_items(pytester, policies):
    # pytest looks up each failure's teardown output among all passed setup and teardown reports (quadratic); pac's
    # items have none, so their reports leave the terminal's statistics before the summary
    pytester.makeconftest("""
        import pytest

        @pytest.hookimpl(trylast=True)
        def pytest_terminal_summary(terminalreporter):
            terminalreporter.write_line(f"phases kept: {len(terminalreporter.stats.get('', []))}")
    """)
    result = run(pytester, "-k", "legal-basis-stated", "--junitxml=junit.xml", "--durations=0")
    result.assert_outcomes(passed=1, failed=1)
    assert "phases kept: 0" in result.stdout.str()
    assert "error [legal-basis-stated]" in result.stdout.str()  # the failure's report, in the default style
    assert len(list(ET.parse(pytester.path / "junit.xml").getroot().iter("testcase"))) == 2


def test_a_skip_mark_on_a_pac_item_is_honoured(pytester, policies):
    pytester.makeconftest("""
        import pytest

        def pytest_collection_modifyitems(items):
            for item in items:
                if "improve" in item.name:
                    item.add_marker(pytest.mark.skip(reason="under review"))
                elif item.name == "legal-basis-stated":
                    item.add_marker(pytest.mark.xfail(reason="known", strict=True))
    """)
    result = run(pytester, "-k", "legal-basis-stated", "-rs")
    result.assert_outcomes(skipped=1, failed=1)  # the passing item, xfail(strict=True), fails as XPASS(strict)
    assert "under review" in result.stdout.str()


def test_junit_items_carry_pac_properties(pytester, policies):
    run(pytester, "--junitxml=junit.xml", "-k", "legal-basis-stated")
    cases = ET.parse(pytester.path / "junit.xml").getroot().iter("testcase")
    properties = [{p.get("name"): p.get("value") for p in case.iter("property")} for case in cases]
    assert properties[0] == {"pac_check": "legal-basis-stated", "pac_articles": "GDPR Art. 6(1); GDPR Art. 13(1)(c)",
                             "pac_severity": "error", "pac_organisation": "demo", "pac_subject": "purposes/improve"}


def test_findings_json_is_written_and_identical_with_xdist(pytester, policies):
    run(pytester, "--pac-report-dir", "serial")
    result = run(pytester, "--pac-report-dir", "parallel", "-n", "2")
    assert "2 workers" in result.stdout.str() or "gw1" in result.stdout.str()
    serial = (pytester.path / "serial" / "findings.json").read_text()
    assert serial == (pytester.path / "parallel" / "findings.json").read_text()
    document = json.loads(serial)
    assert document["as_of"] == "2026-11-22" and document["tool"]["name"] == "pac"
    assert [o["id"] for o in document["organisations"]] == ["demo"]
    improve = [f for f in document["findings"] if f["check"] == "legal-basis-stated"]
    assert improve == [{
        "check": "legal-basis-stated", "severity": "error", "organisation": "demo", "subject": "purposes/improve",
        "also": [],
        "articles": ["GDPR Art. 6(1)", "GDPR Art. 13(1)(c)"],
        "message": "The notice states no legal basis for 'Improve the website'.",
        "location": {"file": "policies/demo.yaml", "line": 12, "column": 9},
        "evidence": [{"section": "Doelen", "quote": "de website te verbeteren"}],
        "remedy": improve[0]["remedy"], "waived": False, "waiver": None}]


def write_waivers(folder: Path, body: str) -> None:
    (folder / "waivers.yaml").write_text("pac: 1\nwaivers:\n" + textwrap.indent(textwrap.dedent(body), "  "))


def test_valid_waiver_reports_the_finding_as_waived(pytester, policies):
    write_waivers(policies, """\
        - check: legal-basis-stated
          organisation: demo
          subject: purposes/improve
          justification: Legal is rewriting this section of the notice.
          owner: legal@example.org
          expires: 2026-12-31
        """)
    result = run(pytester, "-k", "legal-basis-stated", "-rx", "--pac-report-dir", "out")
    result.assert_outcomes(passed=1, xfailed=1)
    assert "waived: Legal is rewriting this section of the notice. (owner: legal@example.org, until 2026-12-31" in \
        result.stdout.str()
    (finding,) = [f for f in json.loads((pytester.path / "out/findings.json").read_text())["findings"]
                  if f["check"] == "legal-basis-stated"]
    assert finding["waived"] is True and finding["waiver"]["owner"] == "legal@example.org"


def test_expired_waiver_is_ignored_with_a_visible_note(pytester, policies):
    write_waivers(policies, """\
        - {check: legal-basis-stated, organisation: demo, justification: Accepted until the rewrite., owner: legal, expires: 2026-11-21}
        """)
    result = run(pytester, "-k", "legal-basis-stated")
    result.assert_outcomes(passed=1, failed=1)
    assert "note: waiver of legal-basis-stated (all subjects) expired on 2026-11-21 and no longer applies" in \
        result.stdout.str()
    # the expiry date itself is still covered
    run(pytester, "-k", "legal-basis-stated", "--pac-as-of", "2026-11-21").assert_outcomes(passed=1, xfailed=1)


def test_waivers_given_on_the_command_line_are_read_once_for_all_policy_folders(pytester, policies):
    other = pytester.mkdir("more")
    (other / "other.yaml").write_text(DECLARATION.replace("organisation: demo", "organisation: other"), encoding="utf-8")
    write_waivers(pytester.path, """\
        - {check: legal-basis-stated, organisation: demo, justification: Accepted until the rewrite., owner: legal, expires: 2026-11-21}
        """)
    result = run(pytester, "-o", "pac_paths=policies more", "--pac-waivers", "waivers.yaml", "-k", "legal-basis-stated")
    result.assert_outcomes(passed=2, failed=2)
    assert result.stdout.str().count("waiver of legal-basis-stated (all subjects) expired on 2026-11-21") == 1


@pytest.mark.parametrize("body, message", [
    ("- {check: legal-basis-stated, organisation: demo, owner: legal}\n", "missing required key 'justification'"),
    ("- {check: legal-basis-stated, organisation: demo, justification: Because we said so., owner: x, expires: 2026-02-30}\n",
     "is not a valid date"),
    ("- {check: no-such-check, organisation: demo, justification: Because we said so., owner: x}\n",
     "waiver for unknown check 'no-such-check'"),
])
def test_malformed_waiver_is_an_input_error(pytester, policies, body: str, message: str):
    write_waivers(policies, body)
    result = run(pytester)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    text = result.stdout.str()
    assert "policies/waivers.yaml:3:" in text and message in text and "Traceback" not in text


def test_invalid_declaration_is_a_located_collection_error(pytester, policies):
    (policies / "broken.yaml").write_text("pac: 1\norganisation: broken\ncontroller: {country: NO, colour: red}\n")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    assert "policies/broken.yaml:3:27: error: $.controller.colour: unknown key 'colour'" in result.stdout.str()


def test_as_of_reaches_the_checks_and_gdpr_dates_are_enforced(pytester, policies):
    pytester.makeconftest("""
        import pac

        @pac.check("as-of-seen", title="Reports the date", articles=["GDPR Art. 5(2)"], severity="error",
                   subject="organisation", remedy="None.")
        def as_of_seen(organisation, ctx):
            "Echoes the evaluation date."
            yield ctx.finding(f"evaluated on {ctx.as_of}")

        @pac.hookimpl
        def pac_checks():
            return [as_of_seen]
    """)
    result = run(pytester, "-k", "as-of-seen", "--pac-as-of", "2020-07-16")
    assert "evaluated on 2020-07-16" in result.stdout.str()
    too_early = run(pytester, "--pac-as-of", "2018-05-24")
    assert too_early.ret == pytest.ExitCode.USAGE_ERROR
    assert "the GDPR applies from 2018-05-25" in too_early.stderr.str()
    assert run(pytester, "--pac-as-of", "21-11-2026").ret == pytest.ExitCode.USAGE_ERROR


def test_conftest_adds_a_check_a_jurisdiction_and_tunes_a_severity(pytester, policies):
    (policies / "demo.yaml").write_text(DECLARATION.replace("pac: 1\n", "pac: 1\ncontroller: {country: SE, "
                                                            "provenance: {section: A, quote: b}}\n", 1))
    pytester.makeconftest("""
        import pac

        @pac.check("se-bookkeeping-minimum", title="Swedish bookkeeping records are kept 7 years",
                   articles=["GDPR Art. 6(1)(c)"], severity="warning", subject="organisation",
                   remedy="Keep bookkeeping records for the Swedish minimum.")
        def se_bookkeeping(organisation, ctx):
            "Uses reference data added by this conftest."
            for rule in ctx.reference.retention_rules(organisation.controller.country):
                yield ctx.finding(f"{rule.id}: at least {rule.period} ({rule.statute})")

        @pac.hookimpl
        def pac_checks():
            return [se_bookkeeping]

        @pac.hookimpl
        def pac_severity(check, finding):
            return "warning" if check.id == "legal-basis-stated" else None
    """ + SWEDISH_RETENTION)
    result = run(pytester, "-k", "se-bookkeeping or legal-basis-stated", "--pac-report-dir", "out")
    result.assert_outcomes(passed=2)  # the user check warns; the tuned check no longer fails (one item, both purposes)
    findings = json.loads((pytester.path / "out/findings.json").read_text())["findings"]
    assert [(f["check"], f["severity"], f["message"]) for f in findings] == [
        ("legal-basis-stated", "warning", "The notice states no legal basis for 'Improve the website'."),
        ("se-bookkeeping-minimum", "warning", "se_bookkeeping: at least P7Y (BFL 7 kap. 2 §)")]
    assert "warning: demo legal-basis-stated [purposes/improve]" in result.stdout.str()


def test_the_report_draws_diagrams_on_the_reference_data_the_run_was_checked_with(pytester, policies):
    (policies / "demo.yaml").write_text(DECLARATION.replace("legal_basis: contract,", "legal_basis: contract, "
                                                            "record_types: [se_bookkeeping],"), encoding="utf-8")
    pytester.makeconftest("""
        import pac
    """ + SWEDISH_RETENTION)
    run(pytester, "-k", "legal-basis-stated", "--pac-report-dir", "out")
    page = (pytester.path / "out/report.html").read_text(encoding="utf-8")
    assert "did not record the data flows" not in page  # the run carries them, drawn on the run's reference data
    assert '<svg class="drawing"' in page or shutil.which("dot") is None


def test_coarser_granularities_keep_stable_node_ids(pytester, policies):
    per_check = run(pytester, "--collect-only", "-q", "--pac-granularity", "check", "-k", "legal-basis")
    assert [line for line in per_check.outlines if "::" in line] == ["policies/demo.yaml::legal-basis-stated"]
    whole = run(pytester, "--pac-granularity", "organisation", "--pac-report-dir", "out")
    whole.assert_outcomes(failed=1)
    assert "policies/demo.yaml::all-checks" in whole.stdout.str()
    per_subject = run(pytester, "--pac-report-dir", "fine")
    assert (pytester.path / "out/findings.json").read_text() == (pytester.path / "fine/findings.json").read_text()
    assert per_subject.ret == pytest.ExitCode.TESTS_FAILED


def test_pac_hooks_in_a_pytest_plugins_module_are_used(pytester, policies):
    pytester.makepyfile(house_rules="""
        import pac

        @pac.check("house-rule", title="A house rule", articles=["GDPR Art. 5(2)"], severity="error",
                   subject="organisation", remedy="Follow the house rule.")
        def house_rule(organisation, ctx):
            "Always finds one thing."
            yield ctx.finding("house rule broken")

        @pac.hookimpl
        def pac_checks():
            return [house_rule]
    """)
    pytester.makeconftest("pytest_plugins = ['house_rules']\n")
    result = run(pytester, "-k", "house-rule")
    result.assert_outcomes(failed=1)
    assert "house rule broken" in result.stdout.str()


def test_the_plugin_freezes_the_collected_model_for_the_garbage_collector(pytester, policies):
    import gc

    gc.unfreeze()
    try:
        run(pytester, "--collect-only", "-q")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_one_option_table_feeds_pytest_and_pac_check(pytester):
    from pac.cli import parser
    from pac.commands.check import pytest_arguments
    from pac.pytest.options import OPTIONS

    pytest_help = pytester.runpytest("--help").stdout.str()
    arguments = parser().parse_args(["check", "policies", "--as-of", "2026-01-01", "--waivers", "a.yaml", "--waivers",
                                     "b.yaml", "--granularity", "check", "--no-cache"])
    for option in OPTIONS:
        assert f"--pac-{option.name}" in pytest_help and hasattr(arguments, option.dest), option.name
    args = pytest_arguments(arguments)
    for pair in (["--pac-as-of", "2026-01-01"], ["--pac-waivers", "a.yaml"], ["--pac-waivers", "b.yaml"],
                 ["--pac-granularity", "check"], ["--pac-cache-dir", ".pac_cache"]):
        assert any(args[i:i + 2] == pair for i in range(len(args))), pair
    assert "--pac-no-cache" in args and "--pac-fail-on" not in args  # not given: the ini default decides
