"""Relations: dyad states and transitions, and the dyad timeline view."""

from .dyad import DyadTimeline, dyad_timeline, timeline_text
from .states import DyadState, Transition, dyad_states, transitions

__all__ = ["DyadState", "DyadTimeline", "Transition", "dyad_states", "dyad_timeline",
           "timeline_text", "transitions"]
