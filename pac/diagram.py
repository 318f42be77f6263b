"""Graphviz diagrams of the data flows, drawn for lawyers.

>>> picture = diagram(organisation, Reference.packaged(), date(2026, 11, 22), findings=found)  # doctest: +SKIP
>>> svg = render(picture, "svg")   # None when Graphviz's `dot` is not installed          # doctest: +SKIP

:func:`draw` draws the plain :class:`~pac.flows.DataFlows` (what reports carry); :func:`diagram` first
reads them off a declaration.

Countries are clusters (the controller's country, the rest of the EEA, countries with an adequacy
decision, other third countries, and recipients whose country is not stated); node shapes show roles;
edges carry the data categories and the transfer tool with its verdict: red and bold without a valid
tool, dashed orange when it cannot be judged, double lines for special-category or criminal data.
The title gives the organisation, the date and the finding counts, and a legend explains the rest.
In a report, each node links to the report's row on it and carries an id its findings link back to.
The picture is kept narrow (labels wrapped, shorter in the shapes Graphviz draws wider than their text; the
legend in the data subjects' column), so that across a landscape A4 page its smallest text still prints at 8 pt
or more; no edge runs along the legend, which sits left of the controller's edges.

An organisation with more than :data:`MAX_RECIPIENTS` recipients is drawn with its recipients grouped
by zone, role and transfer verdict, so that the picture stays readable and renders in a second.
Every name from the declaration is escaped; the DOT source is the same for the same input.
"""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from datetime import date
from typing import Iterable

import graphviz

from .checking import Finding
from .errors import printable
from .flows import DataFlows, Flow, Node, flows
from .graph import CONTROLLER, ZONES
from .messages import count, words
from .model import Organisation
from .reference import Reference
from .results import severity_counts

FORMATS = ("svg", "png", "pdf", "dot")
"""The formats :func:`render` writes."""

MAX_RECIPIENTS = 60
"""Above this many recipients, recipients are drawn in groups of the same zone, role and transfer verdict."""

INSTALL_GRAPHVIZ = ("install Graphviz to draw them: 'sudo apt-get install graphviz' (Debian, Ubuntu), "
                    "'brew install graphviz' (macOS) or see https://graphviz.org/download/")

_CATEGORIES_SHOWN = 3
_NAMES_SHOWN = 6
_WRAP = 18
_EDGE_WRAP = 17
"""Characters per line of names in boxes and of edge labels: short lines keep the picture narrow enough to print
at its natural size."""
_SHAPE_WRAPS = {"hexagon": 13, "octagon": 13, "house": 11}
"""Characters per line in the shapes other than boxes, which Graphviz draws around an ellipse around their text
(1.6 to 1.8 times as wide as it): shorter lines keep them about as wide as a box."""
_LEGEND_WRAP = 20
"""Characters per line of the legend's words on lines, which sit in the data subjects' column."""
_SOFT_HYPHEN = "\u00ad"
_TITLE_WRAP = 70
_UNKNOWN = "unknown"  # the cluster of nodes whose country is not stated

_SHAPES = {"data_subject": "box", "controller": "box", "processor": "box", "sub_processor": "component",
           "joint_controller": "hexagon", "third_party_controller": "octagon", "public_authority": "house",
           "recipient": "box"}
_PERIPHERIES = {"controller": "2"}
"""The controller is drawn with a double outline."""
_STYLES = {"data_subject": "filled,diagonals", "processor": "filled,rounded", "recipient": "filled,rounded,dashed"}
"""Node styles other than plain ``filled``: data subjects have cut corners (a box, narrower than an ellipse); a
recipient without a stated role has a dashed outline."""
_FILLS = {"home": "#e3eefc", "eea": "#e6f4e6", "adequate": "#fdf6dc", "third_country": "#fbe4e4", _UNKNOWN: "#eeeeee"}
_STATUS_RANK = ("invalid", "unverified", "unknown_country", "valid", "domestic")
"""Transfer statuses, worst first: a group of edges is drawn as its worst."""
_EDGE_STYLES = {
    "invalid": {"color": "#c00000", "penwidth": "2.5", "style": "bold"},
    "unverified": {"color": "#e07000", "style": "dashed"},
    "unknown_country": {"color": "#e07000", "style": "dashed"},
    "valid": {"color": "#2e7d32"},
    "domestic": {"color": "#555555"},
}
_SPECIAL_COLOUR = "#7b1fa2"



def diagram(organisation: Organisation, reference: Reference, as_of: date, *, findings: Iterable[Finding] = (),
            lang: str = "en") -> graphviz.Digraph:
    """The data-flow diagram of ``organisation`` on ``as_of``; ``findings`` (from the engine, for this
    organisation and date) give the counts in the title and the marks on the elements they concern;
    ``lang`` is ``en`` or ``nl`` (the notice's own terms, where the declaration gives them)."""
    return draw(flows(organisation, reference, as_of), organisation.name, findings=findings, lang=lang)


def draw(data: DataFlows, name: str, *, findings: Iterable[Finding] = (), lang: str = "en",
         links: bool = False) -> graphviz.Digraph:
    """The diagram of the data flows ``data`` of the organisation called ``name`` (see :func:`diagram`); with
    ``links``, each node has the id ``node-<organisation>/<subject>`` and links to ``#flow-<organisation>/<subject>``
    (the report's row on it)."""
    return _Drawing(data, name, tuple(findings), lang, links).draw()


def render(picture: graphviz.Digraph, fmt: str) -> bytes | None:
    """``picture`` as ``fmt`` (one of :data:`FORMATS`), or None when Graphviz's ``dot`` is not installed
    (``dot`` itself, the DOT source, needs no Graphviz)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "dot":
        return picture.source.encode("utf-8")
    try:
        return picture.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        return None


def _text(value: str, width: int = _WRAP) -> str:
    """Untrusted text for an HTML-like label: control characters shown, markup escaped, long lines wrapped."""
    lines = textwrap.wrap(printable(value), width, break_long_words=False) or [""]  # words stay whole
    return "<BR/>".join(html.escape(line) for line in lines)


def _words(text: str, width: int = _WRAP) -> str:
    """pac's own words (the catalogue's, so trusted) wrapped as :func:`_text` wraps text; a word too long for a
    line breaks at a soft hyphen in it, shown as a hyphen there (Dutch compounds: verwerkings-|verantwoordelijke)."""
    lines = textwrap.wrap(text.replace(_SOFT_HYPHEN, _SOFT_HYPHEN + " "), width, break_long_words=False) or [""]
    return "<BR/>".join(html.escape(line.replace(_SOFT_HYPHEN + " ", "").replace(_SOFT_HYPHEN, "-")) for line in lines)


def _width(role: str) -> int:
    """Characters per line of the words in a node of ``role``'s shape."""
    return _SHAPE_WRAPS.get(_SHAPES[role], _WRAP)


def _look(role: str) -> dict[str, str]:
    """The shape, outline and style of the nodes of ``role``, in the picture and in its legend."""
    look = {"shape": _SHAPES[role], "style": _STYLES.get(role, "filled")}
    if role in _PERIPHERIES:
        look["peripheries"] = _PERIPHERIES[role]
    if role == "data_subject":
        look["margin"] = "0.14,0.04"  # clear of the cut corners
    return look


def _label(*rows: str) -> str:
    """An HTML-like label of rows already escaped."""
    return "<" + "<BR/>".join(rows) + ">"


def _small(text: str, colour: str | None = None) -> str:
    font = f'<FONT POINT-SIZE="9" COLOR="{colour}">' if colour else '<FONT POINT-SIZE="9">'
    return f"{font}{text}</FONT>"


def _double(style: dict[str, str]) -> dict[str, str]:
    """``style`` with its line doubled, as special-category and criminal data are drawn."""
    return {**style, "color": f"{style['color']}:invis:{style['color']}"}


def role_of(node: Node) -> str:
    """The role a node is drawn (and named) as: a recipient that is a controller is a third-party controller."""
    return "third_party_controller" if node.kind == "recipient" and node.role == "controller" else node.role


class _Drawing:
    """One diagram being drawn: the flows, which box each node is drawn in, and the words of ``lang``."""

    def __init__(self, data: DataFlows, name: str, findings: tuple[Finding, ...], lang: str, links: bool):
        self.data, self.name, self.lang, self.links = data, name, lang, links
        self.words = words(lang)
        self.findings = findings
        self.nodes = {node.id: node for node in data.nodes}
        self.inflow = {flow.target: flow for flow in data.flows if flow.kind != "collection"}
        grouped = sum(1 for n in data.nodes if n.kind == "recipient") > MAX_RECIPIENTS
        self.box = {node.id: self._group(node) if grouped else node.id for node in data.nodes}
        self.members: dict[str, list[str]] = {}
        for node in data.nodes:  # sorted by id
            self.members.setdefault(self.box[node.id], []).append(node.id)
        self.open_findings: dict[str, list[int]] = {}
        """The findings (by index) on each subject, waived ones left out: a box's badge reads its members'."""
        for index, finding in enumerate(findings):
            if not finding.waived:
                for subject in finding.subjects:
                    self.open_findings.setdefault(subject, []).append(index)

    def _group(self, node: Node) -> str:
        """The box of ``node`` when recipients are drawn in groups: data subjects together; recipients by zone,
        role, transfer verdict and how many hands the data pass through to reach them."""
        if node.kind != "recipient":
            return "group/data_subjects" if node.kind == "data_subject" else node.id
        return f"group/{node.zone or _UNKNOWN}/{node.role}/{self.inflow[node.id].status}/{node.hops}"

    def draw(self) -> graphviz.Digraph:
        dot = graphviz.Digraph(self.data.organisation, engine="dot")
        # newrank: dot's other ranking, which clusters need (the default one fails on some: "trouble in init_rank")
        dot.attr(rankdir="LR", newrank="true", labelloc="t", fontname="Helvetica", nodesep="0.18", ranksep="0.2",
                 label=self._title())
        dot.attr("node", fontname="Helvetica", fontsize="11", style="filled", fillcolor="white", margin="0.06,0.03")
        dot.attr("edge", fontname="Helvetica", fontsize="9", arrowsize="0.7")
        self._boxes(dot)
        self._edges(dot)
        self._legend(dot)
        return dot

    # -- title ------------------------------------------------------------------------------------
    def _title(self) -> str:
        title = self.words["title"].format(name=self.name, date=self.data.as_of)
        summary = self.words["counts"].format(**{key: self._count(key, n)
                                                 for key, n in severity_counts(self.findings).items()})
        return _label(f'<FONT POINT-SIZE="14"><B>{_text(title, _TITLE_WRAP)}</B></FONT>', html.escape(summary))

    def _count(self, key: str, n: int) -> str:
        """``n`` findings of severity ``key`` (or waived), in words: "1 error", "3 warnings"."""
        return count(self.lang, key, n)

    # -- nodes ------------------------------------------------------------------------------------
    def _boxes(self, dot: graphviz.Digraph) -> None:
        """Data subjects on their own, everyone else in the cluster of their zone (and country). The controller's
        country is named in its nodes, not on its cluster, whose label the controller's many edges would cross."""
        clusters: dict[str, dict[str, list[str]]] = {}
        for box, members in self.members.items():
            node = self.nodes[members[0]]
            if node.kind == "data_subject":
                self._node(dot, box, members)
                continue
            zone = node.zone or _UNKNOWN
            country = node.country if zone in ("eea", "adequate", "third_country") and box == members[0] else ""
            clusters.setdefault(zone, {}).setdefault(country or "", []).append(box)
        for zone in (*ZONES, _UNKNOWN):
            if zone not in clusters:
                continue
            with dot.subgraph(name=f"cluster_{zone}") as cluster:
                label = "" if zone == "home" else _label(f"<B>{_words(self.words[zone], _EDGE_WRAP)}</B>")
                cluster.attr(label=label, labeljust="r", style="filled,rounded", fillcolor=_FILLS[zone],
                             color="#999999", fontsize="11")
                for country, boxes in sorted(clusters[zone].items()):
                    if country:
                        with cluster.subgraph(name=f"cluster_{zone}_{country}") as inner:
                            inner.attr(label=_label(self._country_name(country)), labeljust="r", style="filled,rounded",
                                       fillcolor="white:" + _FILLS[zone], color="#bbbbbb", fontsize="10")
                            for box in boxes:
                                self._node(inner, box, self.members[box])
                    else:
                        for box in boxes:
                            self._node(cluster, box, self.members[box])

    def _country_name(self, code: str) -> str:
        country = self.data.country(code)
        name = _text(f"{country.name(self.lang) if country else code} ({code})", _EDGE_WRAP)
        if country is not None and country.partial:
            name += "<BR/>" + _small(_words(self.words["partial"]))
        return name

    def _node(self, dot: graphviz.Digraph, box: str, members: list[str]) -> None:
        node = self.nodes[members[0]]
        role = role_of(node)
        width = _width(role)
        if len(members) == 1:
            rows = [f"<B>{_text(node.name(self.lang), width)}</B>", _small(_words(self.words[role], width))]
        else:
            rows = [f"<B>{_words(f'{len(members)} × {self.words[role]}', width)}</B>", *self._group_rows(members)]
        if node.zone == "home" and node.country:
            country = self.data.country(node.country)
            home = self.words["home"] if node.kind == "controller" else self.words["here"]
            rows.append(_small(_text(home.format(country=country.name(self.lang) if country else node.country), width)))
        badge, colour = self._badge(members)
        if badge:
            rows.append(_small(badge, colour))
        attributes = {**_look(role), "color": colour or "black", "penwidth": "2" if colour else "1"}
        if role == "controller":
            attributes["fillcolor"] = "#cfe0fa"
        if self.links:
            attributes["id"] = f"node-{self.data.organisation}/{box}"
            if len(members) == 1:
                attributes["URL"] = f"#flow-{self.data.organisation}/{box}"
        if len(members) == 1:
            if node.source:
                attributes["tooltip"] = graphviz.escape(node.source)
        dot.node(box, _label(*rows), **attributes)

    def _group_rows(self, members: list[str]) -> list[str]:
        """The countries and the first names of a group of recipients."""
        countries = sorted({c for n in members if (c := self.nodes[n].country)})
        names = [self.nodes[n].name(self.lang) for n in members[:_NAMES_SHOWN]]
        if len(members) > _NAMES_SHOWN:
            names.append(self.words["more"].format(n=len(members) - _NAMES_SHOWN))
        rows = [_small(_text(", ".join(countries)))] if countries else []
        return rows + [_small(_text(", ".join(names)))]

    def _badge(self, members: list[str]) -> tuple[str, str | None]:
        """The count of errors and warnings on ``members``, and the colour of the worst."""
        on_box = {index for member in members for index in self.open_findings.get(member, ())}
        counts = Counter(self.findings[index].severity for index in on_box)
        parts = [self._count(s, counts[s]) for s in ("error", "warning") if counts[s]]
        colour = "#c00000" if counts["error"] else "#e07000" if counts["warning"] else None
        return html.escape(" · ".join(parts)), colour

    # -- edges ------------------------------------------------------------------------------------
    def _edges(self, dot: graphviz.Digraph) -> None:
        """One edge per pair of boxes, carrying every category of every flow between them, drawn as the worst."""
        merged: dict[tuple[str, str], list[Flow]] = {}
        for flow in self.data.flows:
            merged.setdefault((self.box[flow.source], self.box[flow.target]), []).append(flow)
        for (source, target), edges in merged.items():
            status = min((e.status for e in edges), key=_STATUS_RANK.index)
            special = any(c.mark for e in edges for c in e.categories)
            style = _double(_EDGE_STYLES[status]) if special else dict(_EDGE_STYLES[status])
            rows = self._category_rows(edges)
            if status not in ("domestic", "unknown_country"):  # a transfer: its tools, tied to the edge
                rows.append(self._tool_row(edges, status))
                style["decorate"] = "true"
            dot.edge(source, target, _label(*rows) if rows else None, **style)

    def _category_rows(self, edges: list[Flow]) -> list[str]:
        """The data categories that flow on ``edges``: special-category and criminal data first and marked, then
        the others; a few of each, and how many more."""
        words, lang = self.words, self.lang
        categories = {c.id: c for e in edges for c in e.categories}
        marked = sorted((c for c in categories.values() if c.mark), key=lambda c: (c.mark != "art9", c.id))
        rows = [f'<FONT COLOR="{_SPECIAL_COLOUR}"><B>{_text(words[c.mark] + ": " + c.name(lang), _EDGE_WRAP)}</B></FONT>'
                for c in marked[:_CATEGORIES_SHOWN]]
        if len(marked) > _CATEGORIES_SHOWN:
            more = html.escape(words["more"].format(n=len(marked) - _CATEGORIES_SHOWN))
            rows.append(f'<FONT COLOR="{_SPECIAL_COLOUR}"><B>{more}</B></FONT>')
        others = sorted((c for c in categories.values() if not c.mark), key=lambda c: c.id)
        names = [c.name(lang) for c in others[:_CATEGORIES_SHOWN]]
        if len(others) > _CATEGORIES_SHOWN:
            names.append(words["more"].format(n=len(others) - _CATEGORIES_SHOWN))
        if names:
            rows.append(_text(", ".join(names), _EDGE_WRAP))
        return rows or [f'<I>{html.escape(words["data_not_stated"])}</I>']

    def _tool_row(self, edges: list[Flow], status: str) -> str:
        """The claimed transfer tools of ``edges`` whose verdict is the drawn ``status``, and that verdict."""
        tools = sorted({t.name(self.lang) for e in edges for t in e.tools if t.verdict == status})
        text = (self.words["tool_verdict"].format(tools=", ".join(tools), verdict=self.words[status]) if tools
                else self.words["no_tool"])
        colour = _EDGE_STYLES[status]["color"]
        return f'<FONT COLOR="{colour}"><B>{_text(text, _EDGE_WRAP)}</B></FONT>'

    # -- legend -----------------------------------------------------------------------------------
    def _legend(self, dot: graphviz.Digraph) -> None:
        """A sample of each node shape with its role written in it, and a table of the lines with their meaning, in
        the column of the data subjects: left of the controller's, so that none of the controller's edges can run
        along it (without data subjects, an unseen edge to the controller sets it there)."""
        with dot.subgraph(name="cluster_legend") as legend:
            legend.attr(label=_label(f"<B>{html.escape(self.words['legend'])}</B>"), labeljust="l", style="rounded",
                        color="#999999", fontsize="11", margin="4")
            legend.attr("node", fontsize="9")
            for role in _SHAPES:
                legend.node(f"legend/{role}", _label(_words(self.words[role], _width(role))), **_look(role))
            legend.node("legend/lines", self._lines(), shape="plaintext", style="")
        subjects = [box for box, members in self.members.items() if self.nodes[members[0]].kind == "data_subject"]
        with dot.subgraph() as column:
            column.attr(rank="same")
            for box in (*(f"legend/{role}" for role in _SHAPES), "legend/lines", *subjects):
                column.node(box)
        if not subjects and CONTROLLER in self.box:
            dot.edge("legend/lines", CONTROLLER, style="invis")

    def _lines(self) -> str:
        """The legend's table of lines: a sample of each line the edges are drawn with, and its words."""
        rows = []
        for kind in ("invalid", "unverified", "valid", "domestic", "special"):
            style = _EDGE_STYLES["domestic" if kind == "special" else kind]
            line = ('HEIGHT="4" BORDER="1" SIDES="TB"' if kind == "special" else
                    f'HEIGHT="6" BORDER="{round(float(style.get("penwidth", "1")))}" SIDES="B"'
                    + (' STYLE="dashed"' if style.get("style") == "dashed" else ""))
            sample = f'<TD FIXEDSIZE="TRUE" WIDTH="20" {line} COLOR="{style["color"]}"></TD>'
            rows.append(f'<TR><TD><TABLE BORDER="0" CELLPADDING="0"><TR>{sample}</TR></TABLE></TD>'
                        f'<TD ALIGN="LEFT" BALIGN="LEFT">{_words(self.words[f"legend_{kind}"], _LEGEND_WRAP)}</TD></TR>')
        return '<<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="0">' + "".join(rows) + "</TABLE>>"
