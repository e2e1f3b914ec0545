"""How much an event is to be trusted, from how it was found.

The score starts from how the pair was found (both actors in the trigger's roles, or
inferred from a joint act), rises when the sentence itself dates the event, and falls with
the modality, when an actor stands only behind a place the sentence names, and when
the doer is one member rather than the organization.

Example:
    >>> round(event_confidence(from_parse=True, dated_in_sentence=True, modality="reported",
    ...                        through_territory=False, single_member=False), 3)
    0.765
"""

from __future__ import annotations

BASE = 0.45
PARSED = 0.3           # both actors are in the trigger's roles, not inferred
DATED = 0.1            # the sentence states the date
CEILING = 0.95
MODALITY_FACTOR = {"asserted": 1.0, "reported": 0.9, "alleged": 0.8, "speculative": 0.7}
TERRITORY_FACTOR = 0.8  # the actor stands behind a place the sentence names
MEMBER_FACTOR = 0.6     # one member's act says less about the organization's stance


def event_confidence(*, from_parse: bool, dated_in_sentence: bool, modality: str,
                     through_territory: bool, single_member: bool) -> float:
    """The confidence of an event found this way (0 to :data:`CEILING`)."""
    confidence = BASE + (PARSED if from_parse else 0.0) + (DATED if dated_in_sentence else 0.0)
    confidence *= MODALITY_FACTOR[modality]
    if through_territory:
        confidence *= TERRITORY_FACTOR
    if single_member:
        confidence *= MEMBER_FACTOR
    return min(confidence, CEILING)
