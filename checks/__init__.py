"""pac's GDPR check catalogue, one module per topic; installed as ``pac_checks``.

pac loads it through its ``pac`` entry point, as it loads any third-party check pack. Every
module of this package is a topic (a check may name another, ``@check(..., topic=...)``); every
:class:`~pac.checking.Check` in it belongs to the catalogue.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module, resources

from pac import Check, Translations, hookimpl, translated

TRANSLATIONS = Translations({"nl": resources.files(__name__) / "nl.yaml"})
"""The checks' titles, remedies and rationales in Dutch, for reports in Dutch (``--lang nl``)."""
TOPICS = tuple(import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


@hookimpl
def pac_checks() -> list[Check]:
    return translated((value for module in TOPICS for value in vars(module).values() if isinstance(value, Check)),
                      TRANSLATIONS)
