"""The data-flow graph of one organisation on one date, as a :class:`networkx.DiGraph` to query.

>>> graph = build_graph(organisation, Reference.packaged(), date(2026, 11, 22))  # doctest: +SKIP
>>> graph.nodes["recipients/mailchimp"]["zone"]                                   # doctest: +SKIP
'third_country'

**Nodes** are keyed as findings name their subject: ``"controller"``, ``"data_subjects/<id>"`` and
``"recipients/<id>"``. Every node has

- ``kind``: ``controller``, ``data_subject`` or ``recipient``;
- ``role``: for recipients their declared role (``processor``, ``sub_processor``, ``joint_controller``,
  ``controller`` for a third-party controller, ``public_authority``, or ``recipient`` when the notice
  gives none); ``controller`` and ``data_subject`` for the others;
- ``element``: the model element (``None`` for a controller the declaration does not describe), for
  its ``label(lang)``, ``location`` and ``provenance``; ``name``: its English name;
- ``country`` (ISO code or ``None`` when not stated; data subjects have none), ``zone`` (see
  :data:`ZONES`; ``None`` without a country) and ``adequacy`` (ids of the adequacy decisions in force
  there on the date; they may cover only part of the country's recipients).

**Edges** are flows of personal data: data-subject group -> controller (``kind`` ``collection``),
controller -> recipient (``disclosure``) and processor -> sub-processor (``onward``). Every edge has
``activities``, ``purposes`` and ``categories`` (sorted id tuples), ``special`` and ``criminal`` (the
categories among them of GDPR Art. 9(1) and Art. 10) and ``stated_by``: ``"categories"`` when the
declaration lists the recipient's categories, ``"activities"`` when they follow from its activities,
``None`` when the declaration does not say which data flow (then ``categories`` is empty). Edges into a
recipient also carry ``assessment``, its :class:`~pac.transfers.TransferAssessment` on the date, and
``transfer``, that assessment's status.

A path from the controller is a chain of recipients: ``networkx.descendants(graph, "controller")`` is
everyone personal data reach, sub-processors included; ``networkx.shortest_path(graph, "controller", node)`` the path to one of
them, and :func:`inflow` the edge that brings them their data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterable, Mapping

from .model import Activity, Organisation, Purpose, Recipient
from .reference import Reference
from .transfers import assess, regime

if TYPE_CHECKING:  # pragma: no cover
    import networkx

CONTROLLER = "controller"
"""The controller's node."""

ZONES = ("home", "eea", "adequate", "third_country")
"""Where a node's country lies on the date: the controller's own country, the rest of the EEA, a
country with an adequacy decision in force (GDPR Art. 45), or any other third country."""


def build_graph(organisation: Organisation, reference: Reference, as_of: date) -> networkx.DiGraph:
    """The data flows of ``organisation`` on ``as_of``, with countries and transfers judged by ``reference``."""
    import networkx  # imported here so that `import pac` stays fast for commands that draw no graph

    home = organisation.country
    graph = networkx.DiGraph(organisation=organisation.id, as_of=as_of)
    law = regime(organisation, reference, as_of).jurisdiction  # adequacy as the controller's law has it

    def place(country: str | None) -> dict:
        adequacy = tuple(d.id for d in reference.adequacy_in_force(country, as_of, law)) if country else ()
        return {"country": country, "zone": _zone(country, home, bool(adequacy), reference, as_of),
                "adequacy": adequacy}

    graph.add_node(CONTROLLER, kind="controller", role="controller", element=organisation.controller,
                   name=organisation.name, **place(home))
    for subject in organisation.data_subjects:
        graph.add_node(subject.subject, kind="data_subject", role="data_subject", element=subject, name=subject.name,
                       country=None, zone=None, adequacy=())
    for recipient in organisation.recipients:
        graph.add_node(recipient.subject, kind="recipient", role=recipient.role, element=recipient, name=recipient.name,
                       **place(recipient.country))

    collected: dict[str, list[Activity]] = {}
    for activity in organisation.activities:
        for subject_id in activity.data_subjects:
            collected.setdefault(subject_id, []).append(activity)
    for subject_id, activities in collected.items():
        graph.add_edge(organisation.data_subject(subject_id).subject, CONTROLLER, kind="collection",
                       stated_by="activities", **_flow(organisation, (a.id for a in activities),
                                                       (p.id for a in activities for p in a.purposes),
                                                       (c for a in activities for c in a.categories)))
    for recipient, edge in zip(organisation.recipients, inflows(organisation, reference, as_of).values()):
        parent = organisation.recipient(recipient.parent).subject if recipient.parent else CONTROLLER
        graph.add_edge(parent, recipient.subject, **edge)
    return graph


def inflows(organisation: Organisation, reference: Reference, as_of: date) -> dict[str, dict]:
    """The attributes of the edge into each recipient of :func:`build_graph`'s graph, by recipient node, in
    declaration order: what :func:`inflow` gives, for checks that ask only that, without building the graph."""
    edges: dict[str, dict] = {}
    disclosed: dict[tuple, dict] = {}  # recipients of the same activities and categories receive the same flow
    for recipient in organisation.recipients:
        assessment = assess(organisation, recipient, reference, as_of)
        key = (recipient.activities, recipient.categories)
        if key not in disclosed:
            disclosed[key] = _disclosed(organisation, recipient)
        edges[recipient.subject] = {"kind": "onward" if recipient.parent else "disclosure", "assessment": assessment,
                                    "transfer": assessment.status, **disclosed[key]}
    return edges


@dataclass(frozen=True, slots=True)
class Flow:
    """What an edge of the graph carries: the ids of the activities, purposes and data categories (with the
    special and criminal ones among them) of one flow, and ``stated_by``: ``"categories"``, ``"activities"``,
    or None when the declaration does not say which data flow."""

    activities: tuple[str, ...]
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    special: tuple[str, ...]
    criminal: tuple[str, ...]
    stated_by: str | None

    @classmethod
    def of(cls, edge: Mapping) -> Flow:
        """The flow of an edge's attributes."""
        return cls(edge["activities"], edge["purposes"], edge["categories"], edge["special"], edge["criminal"],
                   edge["stated_by"])


def inflow(graph: networkx.DiGraph, node: str) -> dict:
    """The attributes of the edge that brings personal data to recipient ``node`` (from the controller, or
    from the processor it works under): its ``assessment``, ``purposes``, ``categories``, ..."""
    (source,) = graph.predecessors(node)
    return graph.edges[source, node]


def _zone(country: str | None, home: str | None, adequate: bool, reference: Reference, on: date) -> str | None:
    """The zone of ``country``; ``adequate`` when an adequacy decision is in force there on ``on``."""
    if country is None:
        return None
    if country == home:
        return "home"
    if reference.in_eea(country, on):
        return "eea"
    return "adequate" if adequate else "third_country"


def _disclosed(organisation: Organisation, recipient: Recipient) -> dict:
    """What the declaration says flows to ``recipient``: its categories, else its activities' categories."""
    activities = recipient.activities
    categories = recipient.categories or tuple(c for a in activities for c in organisation.activity(a).categories)
    stated_by = "categories" if recipient.categories else "activities" if activities else None
    return {"stated_by": stated_by, **_flow(organisation, activities, _sending(organisation, recipient), categories)}


def _sending(organisation: Organisation, recipient: Recipient) -> tuple[str, ...]:
    """The purposes that send data to ``recipient``: those of its activities (of any activity when it
    names none), and of these, when it lists its categories, those that use one of them."""
    if recipient.activities:
        candidates: Iterable[Purpose] = (p for a in recipient.activities for p in organisation.activity(a).purposes)
    elif recipient.categories:
        candidates = organisation.purposes
    else:
        return ()
    wanted = set(recipient.categories)
    return tuple(p.id for p in candidates if not wanted or wanted & set(p.categories))


def _flow(organisation: Organisation, activities: Iterable[str], purposes: Iterable[str],
          categories: Iterable[str]) -> dict:
    ids = sorted(set(categories))
    return {"activities": tuple(sorted(set(activities))), "purposes": tuple(sorted(set(purposes))),
            "categories": tuple(ids),
            "special": tuple(c for c in ids if organisation.category(c).special),
            "criminal": tuple(c for c in ids if organisation.category(c).criminal)}
