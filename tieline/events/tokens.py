"""The tokens of a parsed sentence, made once.

Iterating a spaCy ``Doc`` builds a new ``Token`` object for each position every time;
the role readers walk a sentence many times over. :func:`tokens` keeps one tuple per
parsed sentence on the ``Doc`` itself, so it goes with the parse and nothing outlives
it.

Example:
    >>> [t.text for t in tokens(nlp("Hamas fought."))]  # doctest: +SKIP
    ['Hamas', 'fought', '.']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEY = "tieline.tokens"
_ROOT = "tieline.root"
_TEXT = "tieline.text"


def tokens(doc: Doc) -> tuple[Token, ...]:
    """The tokens of ``doc``, built once."""
    found: tuple[Token, ...] | None = doc.user_data.get(_KEY)
    if found is None:
        found = tuple(doc)
        doc.user_data[_KEY] = found
    return found


def root(doc: Doc) -> Token | None:
    """The root of the parse's first sentence."""
    if _ROOT not in doc.user_data:
        doc.user_data[_ROOT] = next((t for t in tokens(doc) if t.dep_ == "ROOT"), None)
    found: Token | None = doc.user_data[_ROOT]
    return found


def text(doc: Doc) -> str:
    """The parsed text (``Doc.text`` joins the tokens anew on every call)."""
    found: str | None = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.text
        doc.user_data[_TEXT] = found
    return found
