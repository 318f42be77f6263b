"""``pac graph PATH... --out DIR``: draw each organisation's data flows as a Graphviz diagram."""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path

from ..diagram import FORMATS, INSTALL_GRAPHVIZ, diagram, render
from ..errors import InvalidInput, printable
from ..messages import LANGUAGES
from ..output import OutputError, write_atomic
from ..pytest.plugins import engine_for
from ._common import add_as_of, add_input_arguments, load_checked, report_invalid


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "graph", help="draw the data flows of declarations as diagrams (Graphviz)",
        description="Write <organisation-id>.<format> into DIR for every organisation. Without Graphviz's `dot` "
                    "pac writes the DOT source only, and says how to install Graphviz. Exit 0 when the diagrams "
                    "were written, 2 when the input is invalid.")
    add_input_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write the diagrams to")
    parser.add_argument("--format", type=_formats, default=("svg",), metavar="FORMATS",
                        help=f"comma-separated, of {', '.join(FORMATS)} (default: svg)")
    add_as_of(parser, "draw the flows, and judge the transfers, as on this date")
    parser.add_argument("--lang", choices=LANGUAGES, default="en",
                        help="label language: en, or nl for the notice's own (Dutch) terms (default: en)")
    parser.set_defaults(run=run)


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"{value!r}: choose from {', '.join(FORMATS)}")
    return formats


def run(arguments: argparse.Namespace) -> int:
    as_of = arguments.as_of or date.today()
    engine = engine_for(arguments.paths)
    try:
        organisations, waivers, inputs = load_checked(arguments.paths, engine, arguments)
    except InvalidInput as error:
        report_invalid(error)
        return 2
    missing_graphviz = False
    try:
        for organisation in organisations:
            evaluation = engine.evaluate(organisation, as_of, waivers)
            for check in sorted(evaluation.crashes):
                print(printable(f"pac: warning: check {check} crashed on {organisation.id}, so the finding counts "
                                "are incomplete (`pac check` shows the error)"), file=sys.stderr)
            picture = diagram(organisation, engine.reference, as_of, findings=evaluation.all_findings(),
                              lang=arguments.lang)
            outputs: dict[str, bytes] = {}
            for fmt in arguments.format:
                content = render(picture, fmt)
                if content is None:  # no Graphviz: the DOT source stands in for the picture
                    missing_graphviz = True
                    fmt, content = "dot", picture.source.encode("utf-8")
                outputs[fmt] = content
            for fmt, content in outputs.items():
                path = write_atomic(arguments.out / f"{organisation.id}.{fmt}", content, inputs)
                print(printable(str(path)))
    except OutputError as error:
        print(error.format(), file=sys.stderr)
        return 2
    except OSError as error:
        print(f"pac: error: {printable(str(error))}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as error:  # pac escapes every label, so this is Graphviz failing
        problem = (error.stderr or b"").decode(errors="replace").strip().splitlines()[:1] or [f"exit status {error.returncode}"]
        print(printable(f"pac: error: Graphviz's dot could not draw the diagram: {problem[0]}"), file=sys.stderr)
        return 2
    if missing_graphviz:
        print(f"pac: Graphviz's `dot` is not installed, so the diagrams were written as DOT source (.dot); "
              f"{INSTALL_GRAPHVIZ}", file=sys.stderr)
    return 0
