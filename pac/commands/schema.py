"""``pac schema``: print a JSON Schema that pac publishes."""

from __future__ import annotations

import argparse
import json

from ..validation import schema

SCHEMAS = ("declaration", "waivers", "findings")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("schema", help="print the JSON Schema of declarations (or of another format)")
    parser.add_argument("name", nargs="?", default="declaration", choices=SCHEMAS, help="which schema (default: declaration)")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    print(json.dumps(schema(arguments.name), indent=2, ensure_ascii=False))
    return 0
