"""Actor mentions: names, acronyms, defined acronyms, wings and references."""

from __future__ import annotations

import pytest

from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.actors.matcher import ActorMatcher, fold_text
from tieline.actors.resolve import resolve_mentions
from tieline.text import split_sentences

KB_YAML = """\
- id: hamas
  name: Hamas
  aliases: [Islamic Resistance Movement]
  wings: [Qassam Brigades]
  descriptors: [Palestinian, Gaza-based]
- id: hamas-iraq
  name: Hamas Iraq
- id: islamic-state
  name: Islamic State
  aliases: [Islamic State of Iraq and Syria]
  acronyms: [ISIS, IS]
  ambiguous: [IS]
  former_names: [{name: Al-Qaeda in Iraq, until: 2006}, {name: AQI, until: 2006}]
- id: wilayat-sinai
  name: Wilayat Sinai
  aliases: [Sinai Province]
  descriptors: [Sinai, Sinai-based]
  former_names: [{name: Ansar Bayt al-Maqdis, until: 2014}]
  links: [{type: affiliate_of, target: islamic-state, year: 2014}]
- id: al-qaeda
  name: al-Qaeda
  aliases: [al-Qaida, Al Qa'ida]
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build_kb([("test.yaml", KB_YAML)])


def mentions(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    return [(m.text, m.actor_id) for m in found]


def test_fold_text_keeps_length() -> None:
    text = "Al Qa’ida – Groupe Islamique Armé"
    assert len(fold_text(text)) == len(text)


@pytest.mark.parametrize("text, expected", [
    ("Hamas fired rockets.", [("Hamas", "hamas")]),
    ("Hamas Iraq is not Hamas.", [("Hamas Iraq", "hamas-iraq"), ("Hamas", "hamas")]),
    ("Al Qa'ida and al-Qaida and AL QAIDA.", [("Al Qa'ida", "al-qaeda"), ("al-Qaida", "al-qaeda"),
                                             ("AL QAIDA", "al-qaeda")]),
    ("ISIS attacked.", [("ISIS", "islamic-state")]),
    ("In Iraq, AQI grew.", [("AQI", "islamic-state")]),
])
def test_names_aliases_and_acronyms(kb: KnowledgeBase, text: str,
                                    expected: list[tuple[str, str]]) -> None:
    assert mentions(kb, text) == expected


def test_lowercase_words_are_not_names(kb: KnowledgeBase) -> None:
    assert mentions(kb, "hamas is a word in a url slug; is it?") == []


def test_ambiguous_acronym_needs_the_actor_named_elsewhere(kb: KnowledgeBase) -> None:
    assert mentions(kb, "IS claimed it.") == []
    assert mentions(kb, "The Islamic State grew. IS claimed it.")[-1] == ("IS", "islamic-state")


def test_acronym_defined_in_the_text(kb: KnowledgeBase) -> None:
    text = "Ansar Bayt al-Maqdis (ABM) emerged in Sinai. Later ABM pledged allegiance."
    assert mentions(kb, text)[-1] == ("ABM", "wilayat-sinai")


def test_wing_widens_the_mention_and_is_recorded(kb: KnowledgeBase) -> None:
    text = "Hamas’ military wing met the armed wing of Hamas."
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    assert [(m.text, m.actor_id, m.wing) for m in found] == [
        ("Hamas’ military wing", "hamas", "military wing"),
        ("the armed wing of Hamas", "hamas", "armed wing")]


def test_named_wing_resolves_to_its_organization(kb: KnowledgeBase) -> None:
    assert mentions(kb, "The Qassam Brigades fired.") == [("Qassam Brigades", "hamas")]


def test_affiliate_reference_resolves_through_the_links(kb: KnowledgeBase) -> None:
    # the phrase names the affiliate; the parent's name in it is still the parent's
    assert mentions(kb, "Ties between Hamas and ISIS’s Sinai affiliate") == [
        ("Hamas", "hamas"), ("ISIS’s Sinai affiliate", "wilayat-sinai"), ("ISIS", "islamic-state")]


def test_descriptor_resolves_to_latest_fitting_actor(kb: KnowledgeBase) -> None:
    text = "Wilayat Sinai met Hamas. The Palestinian group denied it. The group said so."
    found = mentions(kb, text)
    assert ("The Palestinian group", "hamas") in found
    assert found[-1] == ("The group", "hamas")


def test_word_final_apostrophe_in_a_name() -> None:
    kb = build_kb([("t.yaml", "- id: pkk\n  name: Kurdistan Workers' Party\n")])
    assert mentions(kb, "The Kurdistan Workers’ Party fought.") == [
        ("Kurdistan Workers’ Party", "pkk")]


def test_a_state_named_as_a_place_is_not_an_actor() -> None:
    kb = build_kb([("t.yaml", "- id: syria\n  name: Syria\n  kind: state\n")])
    assert mentions(kb, "Rebels fought in north-western Syria.") == []
    assert mentions(kb, "Syria shelled the town.") == [("Syria", "syria")]


CONTEXT_KB = """\
- id: ira
  name: Irish Republican Army
  acronyms: [IRA]
  ambiguous: [IRA]
  country: Ireland
  active: [1919, 1969]
- id: pira
  name: Provisional Irish Republican Army
  acronyms: [PIRA, IRA]
  ambiguous: [IRA]
  country: United Kingdom
  active: [1969, 2005]
- id: uvf
  name: Ulster Volunteer Force
  acronyms: [UVF]
  country: United Kingdom
- id: tara
  name: Tara
  ambiguous: [Tara]
  country: United Kingdom
- id: lashkar-e-taiba
  name: Lashkar-e-Taiba
  acronyms: [LeT, LET]
  ambiguous: [LET]
  country: Pakistan
- id: jaish-e-mohammad
  name: Jaish-e-Mohammad
  acronyms: [JeM]
  country: Pakistan
- id: islamic-state
  name: Islamic State
  acronyms: [IS]
  ambiguous: [IS]
  country: Iraq
- id: islamic-army-in-iraq
  name: Islamic Army in Iraq
  acronyms: [IAI]
  country: Iraq
- id: official-ira
  name: Official Irish Republican Army
  aliases: [Officials]
  ambiguous: [Officials]
  country: United Kingdom
  active: [1969, 2010]
- id: norway
  name: Norway
  kind: state
  aliases: [Oslo]
  ambiguous: [Oslo]
  country: Norway
- id: fatah
  name: Fatah
  country: Palestine
"""


@pytest.fixture(scope="module")
def context_kb() -> KnowledgeBase:
    return build_kb([("context.yaml", CONTEXT_KB)])


def test_years_in_the_text_pick_the_ira_of_the_time(context_kb: KnowledgeBase) -> None:
    assert mentions(context_kb, "In 1975 the IRA bombed a pub.") == [("IRA", "pira")]
    assert mentions(context_kb, "In 1921 the IRA fought the British.") == [("IRA", "ira")]
    assert mentions(context_kb, "The IRA fought.") == []  # nothing to tell them apart


def test_an_ambiguous_name_needs_support_from_the_document(context_kb: KnowledgeBase) -> None:
    assert mentions(context_kb, "Tara and the UVF worked together.") == [
        ("Tara", "tara"), ("UVF", "uvf")]
    assert mentions(context_kb, "Tara said nothing.") == []


def test_years_alone_do_not_settle_a_name_that_may_be_a_word(context_kb: KnowledgeBase) -> None:
    assert mentions(context_kb, "In 1995 officials said Fatah was armed. Officials in Gaza "
                                "agreed.") == [("Fatah", "fatah")]
    assert mentions(context_kb, "In 1972 the Officials and the UVF clashed.") == [
        ("Officials", "official-ira"), ("UVF", "uvf")]   # a group of its country


def test_an_ambiguous_state_name_does_not_vouch_for_itself(context_kb: KnowledgeBase) -> None:
    assert mentions(context_kb, "Fatah signed the Oslo accords in 1993.") == [("Fatah", "fatah")]


def test_acronym_ambiguity_is_case_sensitive(context_kb: KnowledgeBase) -> None:
    assert mentions(context_kb, "LeT and JeM were allies.") == [
        ("LeT", "lashkar-e-taiba"), ("JeM", "jaish-e-mohammad")]
    assert mentions(context_kb, "LET US PRAY.") == []


def test_an_ambiguous_acronym_beside_other_groups_resolves(context_kb: KnowledgeBase) -> None:
    assert mentions(context_kb, "The IAI fought with IS to take Mosul.") == [
        ("IAI", "islamic-army-in-iraq"), ("IS", "islamic-state")]
    assert mentions(context_kb, "IS claimed it.") == []
    assert mentions(context_kb, "THE IAI SAYS IS WAS WRONG.") == [("IAI", "islamic-army-in-iraq")]


def test_the_core_of_an_affiliate_is_its_parent(kb: KnowledgeBase) -> None:
    text = "Wilayat Sinai received funds from the group's core in Syria."
    assert mentions(kb, text)[-1] == ("the group's core", "islamic-state")
    assert mentions(kb, "Wilayat Sinai grew. ISIS's core shrank.")[-1] == ("ISIS's core", "islamic-state")


def test_bare_plural_with_a_descriptor_names_the_one_fitting_actor(kb: KnowledgeBase) -> None:
    text = "Hamas met Wilayat Sinai. Hamas encouraged Sinai-based militants to fire rockets."
    assert ("Sinai-based militants", "wilayat-sinai") in mentions(kb, text)


def test_the_second_of_two_places_is_a_place_too() -> None:
    kb = build_kb([("t.yaml", "- id: syria\n  name: Syria\n  kind: state\n"
                              "- id: iraq\n  name: Iraq\n  kind: state\n")])
    assert mentions(kb, "Fighters came from bases in Syria and Iraq.") == []
    assert mentions(kb, "Syria and Iraq signed a pact.") == [("Syria", "syria"), ("Iraq", "iraq")]


TERRITORY_KB = """\
- id: hamas
  name: Hamas
  territories: [{name: Gaza, from: 2007}, {name: Gazan, from: 2007}]
- id: wilayat-sinai
  name: Wilayat Sinai
"""


def test_a_held_territory_stands_for_its_holder_only_beside_it() -> None:
    kb = build_kb([("territory.yaml", TERRITORY_KB)])
    text = "Hamas and Wilayat Sinai traded. Their weapons likely came from Gaza."
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    assert [(m.text, m.actor_id, m.how) for m in found][-1] == ("Gaza", "hamas", "territory")
    assert mentions(kb, "Rockets were fired from Gaza.") == []


def test_the_last_word_of_a_recent_name_stands_for_it() -> None:
    kb = build_kb([("t.yaml", "- id: mahdi-army\n  name: Mahdi Army\n- id: hezbollah\n  name: Hezbollah\n")])
    text = "The Mahdi Army grew. In 2003, members of the Army were trained by Hezbollah."
    assert ("the Army", "mahdi-army") in mentions(kb, text)
    assert mentions(kb, "Hezbollah fought the Army of Lebanon.") == [("Hezbollah", "hezbollah")]


def test_a_leader_named_with_another_group_stands_for_that_tie() -> None:
    kb = build_kb([("t.yaml", "- id: kh\n  name: Kata'ib Hezbollah\n  leaders: [Abu Mahdi al-Muhandis]\n"
                              "- id: kia\n  name: Kata'ib al-Imam Ali\n  acronyms: [KIA]\n")])
    assert mentions(kb, "Abu Mahdi al-Muhandis, the founder of KIA, spoke.") == [("KIA", "kia")]
    assert mentions(kb, "Abu Mahdi al-Muhandis spoke.") == [("Abu Mahdi al-Muhandis", "kh")]


COLLECTIVE_KB = """\
- id: nusra
  name: Jabhat al-Nusra
  country: Syria
- id: syria-rebels
  name: Independent Islamist Groups (Syria)
  collective_phrases: [rebel groups, opposition groups]
  country: Syria
- id: iraq-small
  name: Small Groups in Iraq
  collective_phrases: [rebel groups]
  country: Iraq
"""


def test_a_class_of_groups_is_the_collective_of_the_country_in_question() -> None:
    kb = build_kb([("c.yaml", COLLECTIVE_KB)])
    assert mentions(kb, "Several rebel groups joined Jabhat al-Nusra.") == [
        ("Several rebel groups", "syria-rebels"), ("Jabhat al-Nusra", "nusra")]
    assert mentions(kb, "Several rebel groups met.") == []  # no country: no collective


def test_the_collective_is_of_the_country_most_groups_named_belong_to() -> None:
    kb = build_kb([("c.yaml", COLLECTIVE_KB + "- id: mali-group\n  name: Ansar Dine\n"
                                              "  country: Mali\n- id: mali-other\n"
                                              "  name: MUJAO\n  country: Mali\n")])

    found = mentions(kb, "Rebel groups joined Ansar Dine and MUJAO, not Jabhat al-Nusra.")

    assert ("Rebel groups", "syria-rebels") not in found


def test_the_longest_name_wins_over_a_leading_shorter_one() -> None:
    kb = build_kb([("t.yaml", "- id: is\n  name: The Islamic State\n"
                              "- id: isgs\n  name: Islamic State in the Greater Sahara\n")])
    assert mentions(kb, "AQIM and the Islamic State in the Greater Sahara compete.") == [
        ("Islamic State in the Greater Sahara", "isgs")]


def test_a_long_hyphenated_name_needs_no_capital() -> None:
    kb = build_kb([("t.yaml", "- id: anti-balaka\n  name: Anti-balaka\n")])
    assert [m[1] for m in mentions(kb, "anti-balaka militias attacked.")] == ["anti-balaka"]


def test_a_name_settled_by_context_helps_settle_another() -> None:
    kb = build_kb([("t.yaml", """\
- id: ji
  name: Jemaah Islamiyah
  acronyms: [JI]
  ambiguous: [JI]
  country: Indonesia
  region: Southeast Asia
  active: [1993, null]
- id: jei
  name: Jamaat-e-Islami
  acronyms: [JI]
  ambiguous: [JI]
  country: Pakistan
  region: South Asia
- id: milf
  name: Moro Islamic Liberation Front
  acronyms: [MILF]
  ambiguous: [MILF]
  country: Philippines
  region: Southeast Asia
- id: asg
  name: Abu Sayyaf
  country: Philippines
  region: Southeast Asia
""")])
    text = "JI members trained at MILF camps in the late 1990s, Abu Sayyaf said."
    assert ("JI members", "ji") in mentions(kb, text)


LEADERS_YAML = """\
- id: taliban
  name: Taliban
  leaders: [{name: Mullah Omar}]
- id: al-qaeda
  name: al-Qaeda
  leaders: [{name: Osama bin Laden}, {name: bin Laden}]
- id: hezbollah
  name: Hezbollah
  leaders: [{name: Hassan Nasrallah}]
"""


@pytest.mark.parametrize("text, expected", [
    # tied by the group named with them, by a possessive, or acting as the subject
    ("Hezbollah's leader Hassan Nasrallah met the delegation.",
     [("Hezbollah", "hezbollah"), ("Hassan Nasrallah", "hezbollah")]),
    ("He signed bin Laden's fatwa.", [("bin Laden", "al-qaeda")]),
    ("Osama bin Laden authorized the plot.", [("Osama bin Laden", "al-qaeda")]),
    # a person the sentence is merely about stands for nobody
    ("In 2014 Ghazi pledged support to them, criticising Mullah Omar.", []),
])
def test_a_leader_stands_for_the_group_only_where_the_text_ties_them(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(build_kb([("l.yaml", LEADERS_YAML)]), text) == expected
