"""Names as pages print them: apostrophes, ayns, dashes and dotted acronyms.

The base spells a name one way; a page may print the same name with a backtick or an
ʿ for the ayn, curly apostrophes, an en or em dash with or without spaces around it,
or an acronym with its dots. Each spelling is matched to the base's entry, and the
offsets are those of the text as printed.
"""

from __future__ import annotations

import pytest

from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.actors.matcher import ActorMatcher

KB_YAML = """\
- id: jamaat-nasr
  name: Jama'at Nasr al-Din
- id: valley-front-k
  name: Valley Front (Karim)
  acronyms: [VF-K]
- id: valley-front
  name: Valley Front
  acronyms: [VF]
- id: river-army
  name: River Army-Independent
  acronyms: [RA-I]
- id: freedonia
  name: Freedonia
  kind: state
  aliases: [F.R.D.]
"""


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    kb: KnowledgeBase = build_kb([("test.yaml", KB_YAML)])
    return ActorMatcher(kb)


def found(matcher: ActorMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.candidates[0][0]) for m in matcher.find(text)]


@pytest.mark.parametrize("spelling", [
    "Jama'at Nasr al-Din", "Jama`at Nasr al-Din", "Jamaʿat Nasr al-Din", "Jamaʾat Nasr al-Din",
    "Jama’at Nasr al-Din", "Jamaat Nasr al-Din", "Jama'at Nasr al–Din", "Jama'at Nasr al‑Din",
])
def test_apostrophes_ayns_and_hyphens_meet(matcher: ActorMatcher, spelling: str) -> None:
    assert found(matcher, f"Fighters of {spelling} attacked.") == [(spelling, "jamaat-nasr")]


@pytest.mark.parametrize("spelling, actor", [
    ("VF – K", "valley-front-k"), ("VF—K", "valley-front-k"), ("VF -K", "valley-front-k"),
    ("VF-K", "valley-front-k"), ("RA – I", "river-army"), ("RA–I", "river-army"),
    ("River Army – Independent", "river-army"), ("Valley Front – Karim", "valley-front-k"),
])
def test_a_dash_with_or_without_spaces_is_the_bases_hyphen(matcher: ActorMatcher, spelling: str,
                                                           actor: str) -> None:
    text = f"Militants of the {spelling} ambushed a convoy."
    start = text.index(spelling)
    [match] = matcher.find(text)
    assert (match.start, match.end, match.text, match.candidates[0][0]) == (
        start, start + len(spelling), spelling, actor)


def test_the_dash_between_two_names_still_parts_them(matcher: ActorMatcher) -> None:
    assert found(matcher, "The VF – Freedonia talks failed.") == [("VF", "valley-front"),
                                                                  ("Freedonia", "freedonia")]


def test_a_dotted_acronym_is_matched_with_its_dots(matcher: ActorMatcher) -> None:
    assert found(matcher, "Since 2015, the F.R.D. has backed the VF.") == [
        ("F.R.D.", "freedonia"), ("VF", "valley-front")]
    assert found(matcher, "They fled to F.R.D") == [("F.R.D", "freedonia")]


def test_acronyms_stay_case_sensitive(matcher: ActorMatcher) -> None:
    assert found(matcher, "The Vf-k and the ra – i were absent.") == []
