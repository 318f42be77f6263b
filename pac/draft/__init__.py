"""``pac draft``: a first declaration from a notice's own text, rule-based and honest by construction.

Every drafted fact carries the section it stands in and a quote copied verbatim from one line of the
notice; nothing is drafted that the text does not say. Where the drafter links facts by judgement
(a basis to a purpose, a retention rule to a whole activity) the provenance note starts with
``Review:``. The declaration's ``notice.draft`` marks it as an unreviewed draft.
"""

from .assemble import draft

__all__ = ["draft"]
