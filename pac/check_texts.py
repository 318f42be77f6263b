"""A check pack's texts in other languages: per language one YAML file that gives, by check id, the check's
``title``, ``remedy`` and ``rationale`` (paragraphs separated by a blank line, as in a docstring)::

    legal-basis-stated:
      title: Elk doeleinde heeft een rechtsgrond
      remedy: Vermeld voor dit doeleinde op welke grond van art. 6 lid 1 AVG het berust.
      rationale: |
        Verwerking is alleen rechtmatig op een grond van art. 6 lid 1 AVG ...

A pack attaches them with :func:`translated`; a report in that language then shows them (``Check.text``), and a
check without a text in the language keeps its English one. A file is read on first use, once.
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from importlib.resources.abc import Traversable
from typing import Iterable, Mapping

import yaml

from .checking import Check, CheckText

FIELDS = ("title", "remedy", "rationale")


class Translations:
    """The texts of a pack's checks in other languages, from one file per language (read on first use)."""

    def __init__(self, files: Mapping[str, Traversable]):
        self.files = dict(files)

    def __call__(self, id: str, lang: str) -> CheckText | None:
        """The texts of check ``id`` in ``lang``, or None where there are none."""
        return self.texts.get(lang, {}).get(id)

    @cached_property
    def texts(self) -> dict[str, dict[str, CheckText]]:
        """Every file's texts, by language and check id; a ValueError names a malformed entry."""
        return {lang: _read(lang, file) for lang, file in self.files.items()}


def _read(lang: str, file: Traversable) -> dict[str, CheckText]:
    entries = yaml.load(file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(entries, dict):
        raise ValueError(f"{file}: must map check ids to their texts")
    texts = {}
    for id, entry in entries.items():
        if not isinstance(entry, dict) or sorted(entry) != sorted(FIELDS) or \
                not all(isinstance(entry[f], str) and entry[f].strip() for f in FIELDS):
            raise ValueError(f"{file}: {id}: give exactly {', '.join(FIELDS)}, each a text")
        texts[id] = CheckText(**{f: entry[f].strip() for f in FIELDS}, lang=lang)
    return texts


def translated(checks: Iterable[Check], translations: Translations) -> list[Check]:
    """``checks``, each with ``translations`` for its texts in other languages."""
    return [dataclasses.replace(check, translations=translations) for check in checks]
