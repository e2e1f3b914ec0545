"""Text stage: paragraphs and sentences with offsets."""

from .sentences import split_sentences

__all__ = ["split_sentences"]
