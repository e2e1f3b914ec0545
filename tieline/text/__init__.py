"""Text stage: the page's layout, paragraphs and sentences with offsets."""

from .layout import Layout, Span, is_boilerplate, page_layout
from .sentences import split_sentences

__all__ = ["Layout", "Span", "is_boilerplate", "page_layout", "split_sentences"]
