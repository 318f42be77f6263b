"""The data-flow graph: its nodes, edges and their attributes, and how far personal data reach."""

from __future__ import annotations

from datetime import date

import networkx
import pytest

import pac
from pac.graph import CONTROLLER, build_graph, inflow, inflows
from pac.reference import Reference

AS_OF = date(2026, 11, 22)
REFERENCE = Reference.packaged()
P = "provenance: {section: S, quote: q}"

FLOWS = f"""
controller: {{legal_name: Voorbeeld B.V., country: NL, {P}}}
data_subjects:
  - {{id: users, name: Users, term: gebruikers, {P}}}
  - {{id: staff, name: Staff, {P}}}
data_categories:
  - {{id: email, name: E-mail address, {P}}}
  - {{id: health, name: Health data, special: health, {P}}}
  - {{id: record, name: Criminal record, criminal: true, {P}}}
  - {{id: salary, name: Salary, {P}}}
activities:
  - id: care
    name: Care
    data_subjects: [users]
    categories: [email, health]
    purposes:
      - {{id: treat, name: Treatment, legal_basis: contract, {P}}}
      - {{id: remind, name: Reminders, categories: [email], legal_basis: contract, {P}}}
    {P}
  - id: hr
    name: HR
    data_subjects: [users, staff]
    categories: [salary, record]
    purposes: [{{id: pay, name: Payroll, legal_basis: contract, {P}}}]
    {P}
recipients:
  - {{id: hosting, name: Hosting, named: true, role: processor, country: DE, activities: [care],
     processor_agreement: {{in_place: true, {P}}}, {P}}}
  - {{id: mailer, name: Mailer, named: true, role: sub_processor, parent: hosting, country: US, categories: [email], {P}}}
  - {{id: insurer, name: Insurer, named: true, role: controller, country: CH, categories: [salary],
     transfer_tools: [{{tool: adequacy, {P}}}], {P}}}
  - {{id: tax, name: Tax authority, named: true, role: public_authority, country: NL, activities: [hr], {P}}}
  - {{id: vague, name: Partners, named: false, role: recipient, {P}}}
"""


@pytest.fixture
def graph(load_one) -> networkx.DiGraph:
    return build_graph(load_one(FLOWS), REFERENCE, AS_OF)


def test_build_graph_is_public_api():
    assert pac.build_graph is build_graph and "build_graph" in pac.__all__


def test_nodes_are_named_as_findings_name_their_subject(graph):
    assert set(graph) == {CONTROLLER, "data_subjects/users", "data_subjects/staff", "recipients/hosting",
                          "recipients/mailer", "recipients/insurer", "recipients/tax", "recipients/vague"}
    assert graph.graph == {"organisation": "demo", "as_of": AS_OF}


def test_node_kinds_roles_and_elements(graph):
    kinds = {n: (d["kind"], d["role"]) for n, d in graph.nodes(data=True)}
    assert kinds == {
        CONTROLLER: ("controller", "controller"), "data_subjects/users": ("data_subject", "data_subject"),
        "data_subjects/staff": ("data_subject", "data_subject"), "recipients/hosting": ("recipient", "processor"),
        "recipients/mailer": ("recipient", "sub_processor"), "recipients/insurer": ("recipient", "controller"),
        "recipients/tax": ("recipient", "public_authority"), "recipients/vague": ("recipient", "recipient")}
    users = graph.nodes["data_subjects/users"]
    assert users["name"] == "Users" and users["element"].label("nl") == "gebruikers"
    assert graph.nodes[CONTROLLER]["name"] == "Voorbeeld B.V." and graph.nodes[CONTROLLER]["element"].country == "NL"


def test_node_countries_and_zones_on_the_date(graph):
    places = {n: (d["country"], d["zone"]) for n, d in graph.nodes(data=True) if d["kind"] != "data_subject"}
    assert places == {CONTROLLER: ("NL", "home"), "recipients/tax": ("NL", "home"), "recipients/hosting": ("DE", "eea"),
                      "recipients/insurer": ("CH", "adequate"), "recipients/mailer": ("US", "adequate"),
                      "recipients/vague": (None, None)}
    assert graph.nodes["recipients/insurer"]["adequacy"] == ("CH",)
    assert graph.nodes["recipients/mailer"]["adequacy"] == ("US-DPF",)
    assert graph.nodes["recipients/hosting"]["adequacy"] == ()


def test_zones_follow_the_date(load_one):
    """The EU-US Data Privacy Framework applies from 2023-07-10; the day before, the US is a third country."""
    organisation = load_one(FLOWS)
    before = build_graph(organisation, REFERENCE, date(2023, 7, 9))
    after = build_graph(organisation, REFERENCE, date(2023, 7, 10))
    assert before.nodes["recipients/mailer"]["zone"] == "third_country"
    assert after.nodes["recipients/mailer"]["zone"] == "adequate"


def test_edges_run_from_data_subjects_through_the_controller_to_sub_processors(graph):
    kinds = {(u, v): d["kind"] for u, v, d in graph.edges(data=True)}
    assert kinds == {
        ("data_subjects/users", CONTROLLER): "collection", ("data_subjects/staff", CONTROLLER): "collection",
        (CONTROLLER, "recipients/hosting"): "disclosure", ("recipients/hosting", "recipients/mailer"): "onward",
        (CONTROLLER, "recipients/insurer"): "disclosure", (CONTROLLER, "recipients/tax"): "disclosure",
        (CONTROLLER, "recipients/vague"): "disclosure"}


def test_collection_edges_gather_every_activity_of_the_group(graph):
    users = graph.edges["data_subjects/users", CONTROLLER]
    assert users["activities"] == ("care", "hr")
    assert users["purposes"] == ("pay", "remind", "treat")
    assert users["categories"] == ("email", "health", "record", "salary")
    assert users["special"] == ("health",) and users["criminal"] == ("record",)
    staff = graph.edges["data_subjects/staff", CONTROLLER]
    assert (staff["activities"], staff["categories"], staff["special"]) == (("hr",), ("record", "salary"), ())


def test_disclosures_carry_what_flows_and_why(graph):
    hosting = graph.edges[CONTROLLER, "recipients/hosting"]
    assert hosting["stated_by"] == "activities"
    assert (hosting["categories"], hosting["purposes"], hosting["special"]) == (("email", "health"), ("remind", "treat"),
                                                                               ("health",))
    # listed categories: only the purposes that use them send them, from any activity when none is named
    insurer = graph.edges[CONTROLLER, "recipients/insurer"]
    assert (insurer["stated_by"], insurer["categories"], insurer["purposes"]) == ("categories", ("salary",), ("pay",))
    mailer = graph.edges["recipients/hosting", "recipients/mailer"]
    assert (mailer["stated_by"], mailer["categories"], mailer["purposes"]) == ("categories", ("email",),
                                                                               ("remind", "treat"))
    vague = graph.edges[CONTROLLER, "recipients/vague"]
    assert (vague["stated_by"], vague["categories"], vague["purposes"]) == (None, (), ())


def test_edges_into_recipients_carry_the_transfer_assessment(graph):
    statuses = {v: d["transfer"] for _, v, d in graph.edges(data=True) if d["kind"] != "collection"}
    assert statuses == {"recipients/hosting": "domestic", "recipients/tax": "domestic", "recipients/insurer": "valid",
                        "recipients/mailer": "invalid", "recipients/vague": "unknown_country"}
    assessment = graph.edges["recipients/hosting", "recipients/mailer"]["assessment"]
    assert assessment.recipient.id == "mailer" and assessment.on == AS_OF and assessment.status == "invalid"
    assert graph.edges[CONTROLLER, "recipients/insurer"]["assessment"].decisive.claim.tool == "adequacy"
    assert all("transfer" not in d for _, _, d in graph.in_edges(CONTROLLER, data=True))


def test_personal_data_reach_sub_processors_transitively(graph):
    assert networkx.descendants(graph, CONTROLLER) == {
        "recipients/hosting", "recipients/mailer", "recipients/insurer", "recipients/tax", "recipients/vague"}
    assert "recipients/mailer" in networkx.descendants(graph, "data_subjects/staff")
    assert networkx.ancestors(graph, "recipients/mailer") == {
        "recipients/hosting", CONTROLLER, "data_subjects/users", "data_subjects/staff"}
    assert networkx.shortest_path(graph, CONTROLLER, "recipients/mailer") == [
        CONTROLLER, "recipients/hosting", "recipients/mailer"]
    assert networkx.shortest_path(graph, CONTROLLER, "recipients/tax") == [CONTROLLER, "recipients/tax"]


def test_a_bare_organisation_has_only_its_controller(load_one):
    graph = build_graph(load_one(""), REFERENCE, AS_OF)
    assert list(graph.nodes(data="name")) == [(CONTROLLER, "demo")]
    assert graph.nodes[CONTROLLER]["zone"] is None and graph.number_of_edges() == 0


def test_the_engine_gives_checks_the_same_graph(load_one):
    """``ctx.graph`` is this graph, built once per evaluation."""
    organisation = load_one(FLOWS)
    seen = []

    @pac.check("graph-seen", title="t", articles=["GDPR Art. 44"], severity="info", subject="recipients", remedy="r")
    def graph_seen(recipient, ctx):
        """Records the graph it sees."""
        seen.append(ctx.graph)

    engine = pac.Engine([graph_seen], REFERENCE)
    engine.evaluate(organisation, AS_OF)
    assert len(seen) == 5 and all(g is seen[0] for g in seen)
    assert set(seen[0].edges) == set(build_graph(organisation, REFERENCE, AS_OF).edges)


def test_checks_read_transfers_and_flows_without_building_the_graph(load_one, monkeypatch):
    """``ctx.transfer`` and ``ctx.flow`` give what the graph's edge into the recipient carries, computed once per
    evaluation without the graph (building it, and importing networkx, cost more than every check that asks)."""
    organisation = load_one(FLOWS)
    graph = build_graph(organisation, REFERENCE, AS_OF)
    seen = []

    @pac.check("flows-seen", title="t", articles=["GDPR Art. 44"], severity="info", subject="recipients", remedy="r")
    def flows_seen(recipient, ctx):
        """Records the transfer and flow it sees."""
        seen.append((recipient.subject, ctx.transfer(recipient), ctx.flow(recipient)))

    monkeypatch.setattr("pac.graph.build_graph", lambda *arguments: pytest.fail("the graph was built"))
    pac.Engine([flows_seen], REFERENCE).evaluate(organisation, AS_OF)
    assert [(node, pac.Flow.of(inflow(graph, node)), inflow(graph, node)["assessment"]) for node, _, _ in seen] == [
        (node, flow, assessment) for node, assessment, flow in seen]
    assert inflows(organisation, REFERENCE, AS_OF) == {node: inflow(graph, node) for node, _, _ in seen}
