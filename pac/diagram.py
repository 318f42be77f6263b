"""Graphviz diagrams of the data-flow graph, drawn for lawyers.

>>> picture = diagram(organisation, Reference.packaged(), date(2026, 11, 22), findings=found)  # doctest: +SKIP
>>> svg = render(picture, "svg")   # None when Graphviz's `dot` is not installed          # doctest: +SKIP

Countries are clusters (the controller's country, the rest of the EEA, countries with an adequacy
decision, other third countries, and recipients whose country is not stated); node shapes show roles;
edges carry the data categories and the transfer tool with its verdict: red and bold without a valid
tool, dashed orange when it cannot be judged, double lines for special-category or criminal data.
The title gives the organisation, the date and the finding counts, and a legend explains the rest.

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
from .graph import CONTROLLER, ZONES, build_graph, chain
from .model import Organisation
from .reference import Reference
from .results import severity_counts
from .transfers import describe

FORMATS = ("svg", "png", "pdf", "dot")
"""The formats :func:`render` writes."""

MAX_RECIPIENTS = 60
"""Above this many recipients, recipients are drawn in groups of the same zone, role and transfer verdict."""

INSTALL_GRAPHVIZ = ("install Graphviz to draw them: 'sudo apt-get install graphviz' (Debian, Ubuntu), "
                    "'brew install graphviz' (macOS) or see https://graphviz.org/download/")

_CATEGORIES_SHOWN = 4
_NAMES_SHOWN = 6
_WRAP = 30
_TITLE_WRAP = 100
_UNKNOWN = "unknown"  # the cluster of nodes whose country is not stated

_SHAPES = {"data_subject": "ellipse", "controller": "doubleoctagon", "processor": "box", "sub_processor": "component",
           "joint_controller": "hexagon", "third_party_controller": "octagon", "public_authority": "house",
           "recipient": "box"}
_STYLES = {"processor": "filled,rounded", "recipient": "filled,rounded,dashed"}
"""Node styles other than plain ``filled``: a recipient without a stated role has a dashed outline."""
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

# Dutch terms as the Dutch text of the GDPR (the AVG) uses them: verwerkingsverantwoordelijke (art. 4(7)),
# verwerker (art. 4(8)), ontvanger and overheidsinstantie (art. 4(9)), betrokkene (art. 4(1)),
# gezamenlijke verwerkingsverantwoordelijken (art. 26), doorgifte (hoofdstuk V), adequaatheidsbesluit (art. 45);
# "subverwerker" is what Dutch practice calls the "andere verwerker" of art. 28(2) and (4).
_WORDS = {
    "en": {
        "title": "{name}: flows of personal data on {date}",
        "counts": "findings: {error} · {warning} · {info} · {waived}",
        "error": ("{n} error", "{n} errors"), "warning": ("{n} warning", "{n} warnings"), "info": ("{n} info",) * 2,
        "waived": ("{n} waived",) * 2,
        "home": "Controller's country: {country}", "eea": "Rest of the EEA",
        "adequate": "Adequacy decision in force (GDPR Art. 45)", "third_country": "Third countries (no adequacy decision)",
        _UNKNOWN: "Country not stated", "partial": "adequacy decision covers only some recipients",
        "data_subject": "data subjects", "controller": "controller", "processor": "processor",
        "sub_processor": "sub-processor", "joint_controller": "joint controller",
        "third_party_controller": "third-party controller", "public_authority": "public authority",
        "recipient": "recipient (role not stated)",
        "valid": "valid", "unverified": "not established", "invalid": "invalid", "no_tool": "no transfer tool",
        "data_not_stated": "data not stated", "more": "+{n} more", "art9": "Art. 9", "art10": "Art. 10",
        "legend": "Legend",
        "legend_invalid": "transfer without a valid tool", "legend_unverified": "transfer that cannot be judged",
        "legend_valid": "transfer on a valid tool", "legend_domestic": "flow inside the EEA",
        "legend_special": "special-category (Art. 9) or criminal (Art. 10) data",
    },
    "nl": {
        "title": "{name}: stromen van persoonsgegevens op {date}",
        "counts": "bevindingen: {error} · {warning} · {info} · {waived}",
        "error": ("{n} fout", "{n} fouten"), "warning": ("{n} waarschuwing", "{n} waarschuwingen"),
        "info": ("{n} info",) * 2, "waived": ("{n} met ontheffing",) * 2,
        "home": "Land van de verwerkingsverantwoordelijke: {country}", "eea": "Rest van de EER",
        "adequate": "Adequaatheidsbesluit van kracht (AVG art. 45)",
        "third_country": "Derde landen (geen adequaatheidsbesluit)", _UNKNOWN: "Land niet vermeld",
        "partial": "adequaatheidsbesluit geldt slechts voor een deel van de ontvangers",
        "data_subject": "betrokkenen", "controller": "verwerkingsverantwoordelijke", "processor": "verwerker",
        "sub_processor": "subverwerker", "joint_controller": "gezamenlijke verwerkingsverantwoordelijke",
        "third_party_controller": "andere verwerkingsverantwoordelijke", "public_authority": "overheidsinstantie",
        "recipient": "ontvanger (rol niet vermeld)",
        "valid": "geldig", "unverified": "niet vastgesteld", "invalid": "ongeldig", "no_tool": "geen doorgifte-instrument",
        "data_not_stated": "gegevens niet vermeld", "more": "+{n} meer", "art9": "art. 9", "art10": "art. 10",
        "legend": "Legenda",
        "legend_invalid": "doorgifte zonder geldig instrument", "legend_unverified": "doorgifte die niet te beoordelen is",
        "legend_valid": "doorgifte met een geldig instrument", "legend_domestic": "stroom binnen de EER",
        "legend_special": "bijzondere (art. 9) of strafrechtelijke (art. 10) gegevens",
    },
}
LANGUAGES = tuple(_WORDS)


def diagram(organisation: Organisation, reference: Reference, as_of: date, *, findings: Iterable[Finding] = (),
            lang: str = "en") -> graphviz.Digraph:
    """The data-flow diagram of ``organisation`` on ``as_of``; ``findings`` (from the engine, for this
    organisation and date) give the counts in the title and the marks on the elements they concern;
    ``lang`` is ``en`` or ``nl`` (the notice's own terms, where the declaration gives them)."""
    if lang not in _WORDS:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return _Drawing(organisation, reference, as_of, tuple(findings), lang).draw()


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
    lines = textwrap.wrap(printable(value), width) or [""]
    return "<BR/>".join(html.escape(line) for line in lines)


def _label(*rows: str) -> str:
    """An HTML-like label of rows already escaped."""
    return "<" + "<BR/>".join(rows) + ">"


def _small(text: str, colour: str | None = None) -> str:
    font = f'<FONT POINT-SIZE="9" COLOR="{colour}">' if colour else '<FONT POINT-SIZE="9">'
    return f"{font}{text}</FONT>"


def _double(style: dict[str, str]) -> dict[str, str]:
    """``style`` with its line doubled, as special-category and criminal data are drawn."""
    return {**style, "color": f"{style['color']}:invis:{style['color']}"}


class _Drawing:
    """One diagram being drawn: the graph, which box each node is drawn in, and the words of ``lang``."""

    def __init__(self, organisation: Organisation, reference: Reference, as_of: date, findings: tuple[Finding, ...],
                 lang: str):
        self.organisation, self.reference, self.as_of, self.lang = organisation, reference, as_of, lang
        self.words = _WORDS[lang]
        self.findings = findings
        self.graph = build_graph(organisation, reference, as_of)
        grouped = len(organisation.recipients) > MAX_RECIPIENTS
        self.box = {node: self._group(node) if grouped else node for node in self.graph}
        self.members: dict[str, list[str]] = {}
        for node in sorted(self.graph):
            self.members.setdefault(self.box[node], []).append(node)

    def _group(self, node: str) -> str:
        """The box of ``node`` when recipients are drawn in groups: data subjects together; recipients by zone,
        role, transfer verdict and how many hands the data pass through to reach them."""
        data = self.graph.nodes[node]
        if data["kind"] != "recipient":
            return "group/data_subjects" if data["kind"] == "data_subject" else node
        route = chain(self.graph, node)
        transfer = self.graph.edges[route[-2], node]["transfer"]
        return f"group/{data['zone'] or _UNKNOWN}/{data['role']}/{transfer}/{len(route) - 1}"

    def draw(self) -> graphviz.Digraph:
        dot = graphviz.Digraph(self.organisation.id, engine="dot")
        # newrank: dot's other ranking, which clusters need (the default one fails on some: "trouble in init_rank")
        dot.attr(rankdir="LR", newrank="true", labelloc="t", fontname="Helvetica", nodesep="0.25", ranksep="0.8",
                 label=self._title())
        dot.attr("node", fontname="Helvetica", fontsize="11", style="filled", fillcolor="white")
        dot.attr("edge", fontname="Helvetica", fontsize="9", arrowsize="0.7")
        self._boxes(dot)
        self._edges(dot)
        self._legend(dot)
        return dot

    # -- title ------------------------------------------------------------------------------------
    def _title(self) -> str:
        title = self.words["title"].format(name=self.organisation.name, date=self.as_of.isoformat())
        summary = self.words["counts"].format(**{key: self._count(key, n)
                                                 for key, n in severity_counts(self.findings).items()})
        return _label(f'<FONT POINT-SIZE="16"><B>{_text(title, _TITLE_WRAP)}</B></FONT>', html.escape(summary))

    def _count(self, key: str, n: int) -> str:
        """``n`` findings of severity ``key`` (or waived), in words: "1 error", "3 warnings"."""
        return self.words[key][n != 1].format(n=n)

    # -- nodes ------------------------------------------------------------------------------------
    def _boxes(self, dot: graphviz.Digraph) -> None:
        """Data subjects on their own, everyone else in the cluster of their zone (and country)."""
        clusters: dict[str, dict[str, list[str]]] = {}
        for box, nodes in self.members.items():
            data = self.graph.nodes[nodes[0]]
            if data["kind"] == "data_subject":
                self._node(dot, box, nodes)
                continue
            zone = data["zone"] or _UNKNOWN
            country = data["country"] if zone in ("eea", "adequate", "third_country") and box == nodes[0] else ""
            clusters.setdefault(zone, {}).setdefault(country, []).append(box)
        for zone in (*ZONES, _UNKNOWN):
            if zone not in clusters:
                continue
            with dot.subgraph(name=f"cluster_{zone}") as cluster:
                cluster.attr(label=_label(f"<B>{self._zone_name(zone)}</B>"), labeljust="l", style="filled,rounded",
                             fillcolor=_FILLS[zone], color="#999999", fontsize="12")
                for country, boxes in sorted(clusters[zone].items()):
                    if country:
                        with cluster.subgraph(name=f"cluster_{zone}_{country}") as inner:
                            inner.attr(label=_label(self._country_name(country)), style="filled,rounded",
                                       fillcolor="white:" + _FILLS[zone], color="#bbbbbb", fontsize="10")
                            for box in boxes:
                                self._node(inner, box, self.members[box])
                    else:
                        for box in boxes:
                            self._node(cluster, box, self.members[box])

    def _zone_name(self, zone: str) -> str:
        if zone == "home":
            home = self.graph.nodes[CONTROLLER]["country"]
            return html.escape(self.words["home"].format(country=self.reference.country_name(home) or home))
        return html.escape(self.words[zone])

    def _country_name(self, code: str) -> str:
        name = html.escape(f"{self.reference.country_name(code) or code} ({code})")
        decisions = self.reference.adequacy_in_force(code, self.as_of)
        if any(d.scope_conditions for d in decisions):
            name += "<BR/>" + _small(html.escape(self.words["partial"]))
        return name

    def _role(self, node: str) -> str:
        data = self.graph.nodes[node]
        return "third_party_controller" if data["kind"] == "recipient" and data["role"] == "controller" else data["role"]

    def _node(self, dot: graphviz.Digraph, box: str, nodes: list[str]) -> None:
        role = self._role(nodes[0])
        what = html.escape(self.words[role])
        if len(nodes) == 1:
            rows = [f"<B>{self._name(nodes[0])}</B>", _small(what)]
        else:
            rows = [f"<B>{len(nodes)} × {what}</B>", *self._group_rows(nodes)]
        badge, colour = self._badge(nodes)
        if badge:
            rows.append(_small(badge, colour))
        attributes = {"shape": _SHAPES[role], "style": _STYLES.get(role, "filled"), "color": colour or "black",
                      "penwidth": "2" if colour else "1"}
        if role == "controller":
            attributes["fillcolor"] = "#cfe0fa"
        element = self.graph.nodes[nodes[0]]["element"]
        if len(nodes) == 1 and element is not None and element.provenance:
            attributes["tooltip"] = graphviz.escape(printable(str(element.provenance[0])))
        dot.node(box, _label(*rows), **attributes)

    def _name(self, node: str) -> str:
        data = self.graph.nodes[node]
        element = data["element"]
        return _text(element.label(self.lang) if data["kind"] != "controller" else data["name"])

    def _group_rows(self, nodes: list[str]) -> list[str]:
        """The countries and the first names of a group of recipients."""
        countries = sorted({c for n in nodes if (c := self.graph.nodes[n]["country"])})
        names = [self.graph.nodes[n]["element"].label(self.lang) for n in nodes[:_NAMES_SHOWN]]
        if len(nodes) > _NAMES_SHOWN:
            names.append(self.words["more"].format(n=len(nodes) - _NAMES_SHOWN))
        rows = [_small(_text(", ".join(countries)))] if countries else []
        return rows + [_small(_text(", ".join(names)))]

    def _badge(self, nodes: list[str]) -> tuple[str, str | None]:
        """The count of errors and warnings on ``nodes``, and the colour of the worst."""
        subjects = set(nodes)
        counts = Counter(f.severity for f in self.findings if not f.waived and not subjects.isdisjoint(f.subjects))
        parts = [self._count(s, counts[s]) for s in ("error", "warning") if counts[s]]
        colour = "#c00000" if counts["error"] else "#e07000" if counts["warning"] else None
        return html.escape(" · ".join(parts)), colour

    # -- edges ------------------------------------------------------------------------------------
    def _edges(self, dot: graphviz.Digraph) -> None:
        flows: dict[tuple[str, str], list[dict]] = {}
        for source, target, data in sorted(self.graph.edges(data=True), key=lambda e: (e[0], e[1])):
            flows.setdefault((self.box[source], self.box[target]), []).append(data)
        for (source, target), edges in flows.items():
            status = min((e.get("transfer", "domestic") for e in edges), key=_STATUS_RANK.index)
            special = any(e["special"] or e["criminal"] for e in edges)
            style = _double(_EDGE_STYLES[status]) if special else dict(_EDGE_STYLES[status])
            rows = self._category_rows(edges)
            if status not in ("domestic", "unknown_country"):  # a transfer: its tools, tied to the edge
                rows.append(self._tool_row(edges, status))
                style["decorate"] = "true"
            dot.edge(source, target, _label(*rows) if rows else None, **style)

    def _category_rows(self, edges: list[dict]) -> list[str]:
        """The data categories that flow on ``edges``: special-category and criminal data first and marked, then
        the others; a few of each, and how many more."""
        organisation, words = self.organisation, self.words
        special = sorted({c for e in edges for c in e["special"]})
        criminal = sorted({c for e in edges for c in e["criminal"]} - set(special))
        marked = [(mark, c) for mark, ids in (("art9", special), ("art10", criminal)) for c in ids]
        rows = [f'<FONT COLOR="{_SPECIAL_COLOUR}"><B>{words[mark]}: {_text(organisation.category(c).label(self.lang))}'
                "</B></FONT>" for mark, c in marked[:_CATEGORIES_SHOWN]]
        if len(marked) > _CATEGORIES_SHOWN:
            more = html.escape(words["more"].format(n=len(marked) - _CATEGORIES_SHOWN))
            rows.append(f'<FONT COLOR="{_SPECIAL_COLOUR}"><B>{more}</B></FONT>')
        others = sorted({c for e in edges for c in e["categories"]} - set(special) - set(criminal))
        names = [organisation.category(c).label(self.lang) for c in others[:_CATEGORIES_SHOWN]]
        if len(others) > _CATEGORIES_SHOWN:
            names.append(words["more"].format(n=len(others) - _CATEGORIES_SHOWN))
        if names:
            rows.append(_text(", ".join(names)))
        return rows or [f'<I>{html.escape(words["data_not_stated"])}</I>']

    def _tool_row(self, edges: list[dict], status: str) -> str:
        """The claimed transfer tools of ``edges`` whose verdict is the drawn ``status``, and that verdict."""
        tools = sorted({describe(v.claim, self.reference)
                        for e in edges if "assessment" in e for v in e["assessment"].verdicts if v.verdict == status})
        verdict = self.words[status]
        text = f"{', '.join(tools)}: {verdict}" if tools else f"{self.words['no_tool']}: {verdict}"
        colour = _EDGE_STYLES[status]["color"]
        return f'<FONT COLOR="{colour}"><B>{_text(text)}</B></FONT>'

    # -- legend -----------------------------------------------------------------------------------
    def _legend(self, dot: graphviz.Digraph) -> None:
        """Sample shapes in two columns, then sample edges; invisible edges keep them side by side."""
        words = self.words
        with dot.subgraph(name="cluster_legend") as legend:
            legend.attr(label=_label(f"<B>{html.escape(words['legend'])}</B>"), labeljust="l", style="rounded",
                        color="#999999", fontsize="12")
            legend.attr("node", fontsize="9", height="0.3", margin="0.05")
            shapes = [f"legend/{role}" for role in _SHAPES]
            for node, (role, shape) in zip(shapes, _SHAPES.items()):
                legend.node(node, _label(html.escape(words[role])), shape=shape, style=_STYLES.get(role, "filled"))
            for left, right in zip(shapes[::2], shapes[1::2]):
                legend.edge(left, right, style="invis")
            for index, kind in enumerate(("invalid", "unverified", "valid", "domestic", "special")):
                style = _double(_EDGE_STYLES["domestic"]) if kind == "special" else _EDGE_STYLES[kind]
                start, end = f"legend/{kind}", f"legend/{kind}/text"
                legend.node(start, "", shape="point", width="0.05", height="0.05")
                legend.node(end, _label(html.escape(words[f"legend_{kind}"])), shape="plaintext", style="")
                legend.edge(start, end, **style)
                legend.edge(shapes[min(2 * index + 1, len(shapes) - 1)], start, style="invis")
