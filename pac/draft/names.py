"""Names of organisations compared as one: case folded, without a legal form ('B.V.', 'Ltd', 'vzw', 'Stichting'),
a country suffix ('Ireland'), parentheses and punctuation, and one the whole words of the other ('Google' in
'Google Ireland'; not 'Meta' in 'Metabase')."""

from __future__ import annotations

import re

_FORMS = re.compile(r"(?i)\b(?:b\.?v\.?|n\.?v\.?|ltd\.?|llc|inc\.?|gmbh|limited|vzw|stichting|ireland)(?!\w)|\(.*?\)|[.,]")


def key(name: str) -> str:
    """The name as it is compared: case folded, without legal form, parentheses and punctuation."""
    return " ".join(_FORMS.sub(" ", name.casefold()).split())


def within(short: str, long: str) -> bool:
    """Whether the key ``short`` is whole words of the key ``long``."""
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def same(a: str, b: str) -> bool:
    """Whether two keys name one organisation: equal, or the shorter (of at least four characters) whole words of
    the longer."""
    return a == b or min(len(a), len(b)) >= 4 and (within(a, b) or within(b, a))
