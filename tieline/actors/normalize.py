"""Name normalization shared by the knowledge base and the matcher.

Case, accents, apostrophes and the many quote marks of transliterated Arabic, hyphens
and runs of spaces are folded, so "Al Qa'ida", "al-Qa`ida" and "AL QAIDA" meet.

Example:
    >>> normalize_name("Al Qa’ida")
    'al qaida'
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘`´ʼʻʿʾ′"
_DROP = str.maketrans("", "", _APOSTROPHES)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold_char(c: str) -> str:
    """One character folded the way :func:`normalize_name` folds it (may be empty)."""
    if c in _APOSTROPHES:
        return ""
    decomposed = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return base.lower()


def normalize_name(name: str) -> str:
    """Lowercase, strip accents and apostrophes, turn other punctuation into spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = text.translate(_DROP).lower()
    return " ".join(_NON_WORD.sub(" ", text).split())
