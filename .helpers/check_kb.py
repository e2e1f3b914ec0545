"""Validate one knowledge-base file alone (links to ids defined elsewhere are ignored)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tieline.actors.kb import read_entries, KnowledgeBase, validate  # noqa: E402
from tieline.model import Actor  # noqa: E402
import dataclasses  # noqa: E402

path = sys.argv[1]
kb = KnowledgeBase()
for actor, where in read_entries(path):
    if actor.id in kb.actors:
        sys.exit(f"duplicate id {actor.id} at {where}")
    kb.actors[actor.id] = actor
    kb.origins[actor.id] = where
external = set()
for a in list(kb):
    for link in a.links:
        if link.target not in kb.actors:
            external.add(link.target)
for t in external:
    kb.actors[t] = Actor(id=t, name=f"__external_{t}")
validate(kb)
print("OK", len(kb) - len(external), "entries; external link targets:", sorted(external))
