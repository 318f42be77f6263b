"""An organisation's data flows on one date as plain data: what its diagram draws and its report's flows
table says in words.

:func:`flows` reads them off the data-flow graph (:func:`pac.graph.build_graph`) while the declaration is at
hand; :mod:`pac.diagram` draws them and :mod:`pac.reports.html` lists them without it. They cross process
boundaries (pytest-xdist) as :meth:`DataFlows.to_dict`. Names are given in English and in Dutch (the notice's
own terms; for countries and transfer tools, pac's reference data), so that either language can be drawn from the
same data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from .errors import printable
from .graph import CONTROLLER, build_graph
from .model import Organisation
from .reference import Reference
from .phrases import Phrase, from_data, to_data
from .transfers import describe, regime

@dataclass(frozen=True, slots=True)
class Name:
    """A name in English and in Dutch: the notice's own terms (the English one when the notice gives none), or the
    Dutch name in pac's reference data."""

    en: str
    nl: str

    def __call__(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True, slots=True)
class Node:
    """A data-subject group, the controller or a recipient, keyed as findings name their subject."""

    id: str
    kind: str
    role: str
    name: Name
    country: str | None
    zone: str | None
    hops: int
    """How many hands data pass through from the controller to reach it (0: the controller, data subjects)."""
    source: str
    """Where the notice says so (its first provenance), or ""."""


@dataclass(frozen=True, slots=True)
class Category:
    """A data category on a flow; ``mark`` is ``art9`` (special category), ``art10`` (criminal data) or ""."""

    id: str
    name: Name
    mark: str


@dataclass(frozen=True, slots=True)
class Tool:
    """A transfer tool claimed for a flow, what it is worth there on the date, and why."""

    name: Name
    verdict: str
    reason: Phrase
    """Why, in English; said in Dutch too (:mod:`pac.phrases`)."""


@dataclass(frozen=True, slots=True)
class Flow:
    """Personal data going from one node to another: collected (data subjects to the controller), disclosed
    (to a recipient) or passed on (by a processor to its sub-processor). ``status`` is the transfer's
    (:data:`pac.transfers.Status`; ``domestic`` for a collection); ``reason`` says why."""

    source: str
    target: str
    kind: str
    categories: tuple[Category, ...]
    stated: bool
    """Whether the declaration says which data flow (else ``categories`` is empty)."""
    status: str
    tools: tuple[Tool, ...]
    general: bool
    """Whether the tools are the notice's general ones (the recipient has none of its own)."""
    reason: Phrase | str


@dataclass(frozen=True, slots=True)
class Country:
    """A country a node is in: its names, and whether an adequacy decision in force covers only some recipients."""

    code: str
    name: Name
    partial: bool


@dataclass(frozen=True, slots=True)
class DataFlows:
    """Every node and flow of one organisation on ``as_of``, and the countries they are in."""

    organisation: str
    as_of: str
    nodes: tuple[Node, ...]
    flows: tuple[Flow, ...]
    countries: tuple[Country, ...]

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)

    def country(self, code: str) -> Country | None:
        return next((c for c in self.countries if c.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for flow, plain in zip(self.flows, data["flows"]):  # the reasons with their phrases
            plain["reason"] = to_data(flow.reason)
            for tool, said in zip(flow.tools, plain["tools"]):
                said["reason"] = to_data(tool.reason)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DataFlows:
        def name(value: dict[str, str]) -> Name:
            return Name(**value)

        nodes = tuple(Node(**{**n, "name": name(n["name"])}) for n in data["nodes"])
        flows = tuple(Flow(**{**f, "categories": tuple(Category(c["id"], name(c["name"]), c["mark"])
                                                       for c in f["categories"]),
                              "tools": tuple(Tool(name(t["name"]), t["verdict"], from_data(t["reason"]))
                                             for t in f["tools"]),
                              "reason": from_data(f["reason"])})
                      for f in data["flows"])
        countries = tuple(Country(c["code"], name(c["name"]), c["partial"]) for c in data["countries"])
        return cls(data["organisation"], data["as_of"], nodes, flows, countries)


def flows(organisation: Organisation, reference: Reference, as_of: date) -> DataFlows:
    """The data flows of ``organisation`` on ``as_of``, with countries and transfers judged by ``reference``."""
    import networkx  # imported here so that `import pac` stays fast for commands that draw no graph

    graph = build_graph(organisation, reference, as_of)
    hops = networkx.single_source_shortest_path_length(graph, CONTROLLER)  # data subjects send, they are no hop away
    nodes = []
    for node_id in sorted(graph):
        data = graph.nodes[node_id]
        element = data["element"]
        if data["kind"] == "controller" or element is None:
            name = Name(data["name"], data["name"])
        else:
            name = Name(element.label("en"), element.label("nl"))
        source = printable(str(element.provenance[0])) if element is not None and element.provenance else ""
        nodes.append(Node(node_id, data["kind"], data["role"], name, data["country"], data["zone"],
                          hops.get(node_id, 0), source))
    edges = []
    for source_id, target_id, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        assessment = data.get("assessment")
        marks = {**{c: "art10" for c in data["criminal"]}, **{c: "art9" for c in data["special"]}}
        categories = tuple(Category(c, Name(organisation.category(c).label("en"), organisation.category(c).label("nl")),
                                    marks.get(c, "")) for c in data["categories"])
        tools = tuple(Tool(Name(describe(v.claim, reference, jurisdiction=assessment.regime.jurisdiction),
                                describe(v.claim, reference, "nl", assessment.regime.jurisdiction)), v.verdict, v.reason)
                      for v in (assessment.verdicts if assessment else ()))
        edges.append(Flow(source_id, target_id, data["kind"], categories, data["stated_by"] is not None,
                          data.get("transfer", "domestic"), tools, bool(assessment and assessment.general),
                          assessment.reason if assessment else ""))
    codes = sorted({n.country for n in nodes if n.country})
    law = regime(organisation, reference, as_of).jurisdiction
    countries = tuple(Country(code, Name(reference.country_name(code) or code, reference.country_name(code, "nl") or code),
                              any(d.scope_conditions for d in reference.adequacy_in_force(code, as_of, law)))
                      for code in codes)
    return DataFlows(organisation.id, as_of.isoformat(), tuple(nodes), tuple(edges), countries)

