"""Reading tieline's YAML data files: libyaml's fast safe loader when PyYAML has it.

The actor base alone is over a thousand entries; PyYAML's pure-Python loader takes
seconds on it, the C loader (same safe subset, same result) a fraction of that.

Example:
    >>> load_yaml("a: [1, 2]")
    {'a': [1, 2]}
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse ``text`` as YAML with the safe loader (raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
