"""False alarms on ordinary messages of every kind, and recall on the newer blind disclosure sets.

The ordinary sets (tests/safeguarding/ordinary_*.yaml) were written by others without seeing the detector:
answers to the concern flow's details steps (classes, names, contacts, addresses), chat, idioms, policy
questions and everyday concerns. `ordinary_dev.yaml` is the development set (tune on it);
`ordinary_heldout.yaml` and `ordinary_blind_c.yaml` were held out: measured first, then their general causes
were fixed (as for the disclosure sets 6 and 7). See docs/safeguarding-notes.md.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.core.engine import meaning_layer
from bot.core.other_language import written_in_another_language
from bot.knowledge.loading import load_knowledge
from bot.matching.semantic import load_embedder
from bot.safeguarding.details import age_answer, nickname_answer, without_contacts
from bot.safeguarding.detector import Detection, SafeguardingDetector

ROOT = Path(__file__).resolve().parent.parent
SETS = Path(__file__).parent / "safeguarding"
MAX_FALSE_ALARMS = 0.01


@pytest.fixture(scope="module")
def detector() -> SafeguardingDetector:
    """The detector as the bot runs it: with the meaning layer when the sentence model is installed."""
    found = SafeguardingDetector.from_file(ROOT / "knowledge" / "safeguarding.yaml")
    embedder = load_embedder()
    if embedder is not None:
        found.attach_meaning(meaning_layer(ROOT / "knowledge", embedder, found.by_id))
    return found


def _load(name: str, key: str) -> list[dict[str, str]]:
    return yaml.safe_load((SETS / name).read_text(encoding="utf-8"))[key]


def _assert_found(detector: SafeguardingDetector, text: str, route: str, role: str = "any") -> Detection:
    """The message raises an alert, and it goes to `route`."""
    found = detector.detect(text, role=role)
    assert found is not None, text
    assert found.route == route, found
    return found


def _assert_found_by_a_rule(detector: SafeguardingDetector, text: str, route: str, role: str = "any") -> None:
    """The message raises an alert that goes to `route`, and a rule raised it, not closeness to the examples
    (the similarity layer) or to their meaning (the meaning layer)."""
    found = _assert_found(detector, text, route, role)
    assert not found.matched.startswith(("similar to", "close in meaning")), found


def _assert_route(detector: SafeguardingDetector, text: str, route: str | None, role: str = "any") -> None:
    """The message raises an alert that goes to `route`, or none at all when `route` is None."""
    if route is None:
        assert detector.detect(text, role=role) is None, text
    else:
        _assert_found(detector, text, route, role)


def _false_alarm_report(detector: SafeguardingDetector, items: list[dict[str, str]]) -> tuple[float, str]:
    """The false-alarm rate and a report: counts per kind, then every flagged message and why."""
    total: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    lines = []
    for item in items:
        total[item["kind"]] += 1
        if found := detector.detect(item["text"]):
            flagged[item["kind"]] += 1
            lines.append(f"  [{item['kind']}] {item['text']!r} -> {found.route} ({found.matched})")
    kinds = ", ".join(f"{kind} {flagged[kind]}/{total[kind]}" for kind in total)
    count = sum(flagged.values())
    rate = count / len(items)
    return rate, f"false alarms {rate:.1%} ({count}/{len(items)}); {kinds}\n" + "\n".join(lines)


@pytest.mark.parametrize("name", ["ordinary_dev.yaml", "ordinary_heldout.yaml", "ordinary_blind_c.yaml"])
def test_ordinary_messages_of_every_kind_rarely_raise_an_alarm(
    detector: SafeguardingDetector, name: str
) -> None:
    items = _load(name, "messages")
    assert len(items) >= 150
    assert {"details", "chat", "idioms", "policy", "concern"} <= {item["kind"] for item in items}
    rate, report = _false_alarm_report(detector, items)
    print(f"\n{name}: {report}")
    assert rate <= MAX_FALSE_ALARMS, report


@pytest.mark.parametrize(
    "text",
    [
        "tom@example.com",
        "com",
        "reception",
        "Mr Cox",
        "Dick Turner",
        "Year 2, Mrs Hickman's class",
        "14 Hitchin Road, Sexton Green, Derby DE22 3BT",
        "https://www.example.org/kill-the-lights",
        "call me on 07700 900123 after 5",
        "we were killing ourselves laughing at the nativity",
        "Does a 12-year-old need a mobile phone?",
        "a pupil filmed me and put it on tiktok",
        # round 19 (set AD): who the writer is, then a name (the similarity layer read these as disclosures)
        "I'm his dad, Dean Hardcastle",
        "I'm his nan, Pat Savage",
        "I am his mum, Claire Beaton",
        "I'm his mum, Lisa Cutts",
    ],
)
def test_details_names_contacts_and_idioms_from_the_review_are_not_alarms(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    ("text", "route"),
    [
        # the measured miss from the review
        ("a mum at pick-up said she'd beat her kid black and blue when they got home", "dsl"),
        # a title is a mention (the route), only the name after it is dropped
        ("Mr Cox grabbed my son by the neck", "headteacher"),
        ("miss hurt my arm when she pulled me", "headteacher"),
        ("mr b makes me stay behind on my own and shuts the door", "headteacher"),
        ("SIR HIT ME", "headteacher"),  # all in capitals: a capital does not mark a name
        ("SIR TUOCHED ME", "headteacher"),
        # contact details inside a disclosure are skipped, the disclosure is not
        ("a man messaged her from snap.example.com and asked for pics of her with no clothes on", "dsl"),
        ("he gave my daughter his number 07700 900123 and told her to keep it a secret", "dsl"),
        # an idiom elsewhere in the message does not hide a disclosure
        ("we were killing ourselves laughing but then she said she wants to kill herself", "dsl"),
        # who the writer is, then a sentence rather than a name
        ("I'm his mum, his dad Mark Payne hits him", "dsl"),
        ("Mum - Tyler says his stepdad Dean Savage locks him in the shed", "dsl"),
    ],
)
def test_disclosures_around_names_contacts_and_idioms_are_still_found(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "name", ["disclosures_blind5.yaml", "disclosures_blind6.yaml", "disclosures_blind7.yaml"]
)
def test_every_blind_disclosure_is_found_and_routed(detector: SafeguardingDetector, name: str) -> None:
    items = _load(name, "disclosures")
    problems = []
    for item in items:
        found = detector.detect(item["text"])
        if found is None:
            problems.append(f"  missed: {item['text']!r}")
        elif found.route != item["route"]:
            expected = item["route"]
            problems.append(f"  {item['text']!r}: expected {expected}, got {found.route} ({found.matched})")
    assert problems == [], f"{name}: {len(problems)} of {len(items)} wrong\n" + "\n".join(problems)


# ---- kinds of wording that fresh blind set 7 and ordinary set C showed were missing (our own wording) ----


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("a clip of a girl in year 5 with no top on is being shared round the class chat", "dsl"),
        ("my ex came to the house with a knife last night", "dsl"),
        ("my daughter says she thinks about dying every night", "dsl"),
        ("their mum is injecting again and there are syringes in the bathroom", "dsl"),
        ("a man tried to pull my son into his car outside the shop", "dsl"),
        ("a stranger approached my daughter outside the library and asked her name", "dsl"),
        ("his dad says if she takes him to Spain he'll make sure she never sees him again", "dsl"),
        ("when i wet the bed dad holds me under", "dsl"),
        ("mum puts me in a cold shower when im naughty", "dsl"),
        ("i get hit with the extension lead when i answer back", "dsl"),
        ("my big brother watches videos about how to blow things up for a group hes joining", "dsl"),
        ("It's 5pm and nobody has picked up Sam from reception and dad's phone is off", "dsl"),
        ("my daughter has disappeared at the fair, we've been searching for an hour", "dsl"),
        ("a boy online has my photos and wants more or he'll share them with everyone in my class", "dsl"),
        ("the dinner lady is rough with the younger ones", "headteacher"),
        (
            "Mr P was arrested last week for something involving children, is he still teaching my son?",
            "headteacher",
        ),
        ("the TA makes children who have an accident sit in wet trousers as a punishment", "headteacher"),
        ("the PE teacher was drunk on the residential trip", "headteacher"),
        ("Mrs K the head kept my son alone in her office with the blinds closed", "chair_of_governors"),
        ("the headteacher was drunk at the leavers disco", "chair_of_governors"),
        ("the headteacher is rough with the children in the nurture group", "chair_of_governors"),
    ],
)
def test_new_kinds_of_disclosure_wording_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    found = _assert_found(detector, text, route)
    assert not found.matched.startswith("similar to"), found  # a rule for the kind, not closeness to examples


@pytest.mark.parametrize(
    ("text", "route"),
    [
        # a staff word that names no one the concern is about (`not_people:`)
        (
            "the volunteer keeps kissing my daughter on the head and asking her to sit on her lap",
            "headteacher",
        ),
        ("Mrs Ahmed still hasn't come for her son and it's nearly 6", "dsl"),
        ("my uncle says people like my teacher are the enemy and makes me watch his videos", "dsl"),
        # staff named by what they do, or a little further before the concern (`near: 7`)
        ("the man who drives the school bus gives my son sweets if he doesn't tell anyone", "headteacher"),
        (
            "my daughter told me a cover teacher showed her whole class a video of a man being beaten",
            "headteacher",
        ),
    ],
)
def test_concerns_go_to_the_person_they_are_about(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text",
    [
        "a parent keeps sending me rude texts since we fell out at the gate, what can I do",
        "the booking page is taking forever",
        "it's a zoo at the gate at home time",
        "my little brother is so irritating I could scream",
        "the science club blew things up with baking soda",
        "she is on drugs for her asthma",
        "the new uniform still hasn't come for my daughter",
        "the class teacher changed mid year and nobody said why",
        "can staff post drunk photos from a night out",
    ],
)
def test_ordinary_wording_near_the_new_rules_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


# ---- policy questions: the sets of questions people ask the bot, measured for false alarms too ----------

DEVELOPMENT_QUESTION_SETS = [
    "questions.yaml",
    "complaints_questions.yaml",
    "blind/blind1.yaml",
    "blind/blind2.yaml",
    "blind/blind3.yaml",
    "blind/blind4.yaml",
]


@pytest.mark.parametrize("name", DEVELOPMENT_QUESTION_SETS)
def test_policy_questions_rarely_raise_an_alarm(detector: SafeguardingDetector, name: str) -> None:
    """Questions about the policies (friend requests, photos, a teacher's posts, complaints) share many
    words with disclosures; an alarm on one interrupts a parent who only asked about the rules."""
    questions = yaml.safe_load((Path(__file__).parent / name).read_text(encoding="utf-8"))["questions"]
    items = [{"text": q["text"], "kind": q["expect"]} for q in questions if q["expect"] != "safeguarding"]
    rate, report = _false_alarm_report(detector, items)
    assert rate <= MAX_FALSE_ALARMS, report


@pytest.mark.parametrize(
    "text",
    [
        # pupils or parents doing the adding, or an adult being contacted: a question for the policy
        "new teacher here, parents keep trying to add me on insta. what do i say to them",
        "Many of my pupils have been adding me on Facebook, although I have not accepted",
        "I've had a friend request from a pupil on instagram, should I accept?",
        "my son's teacher texted me on whatsapp about the trip money",
        "a governor texted me about a group of parents making comments on Facebook",
        # other everyday wording the development sets showed
        "can teachers post photos of themselves drunk",
        "i saw my childs teacher drunk in photos on facebook",
        "my daughter's teacher posts pics of herself drunk on insta, is that allowed for a teacher",
        "school can't do anything about what happens at home can they",
        "a parent threatened me online on a friday night",
        "a parent has been rude and aggressive to staff over her complaint",
        "My child is a fussy eater. I'm worried my child won't eat anything all day.",
        "this girl in my class just won't leave her alone on whatsapp",
        "Is it normal pickup time today?",
        "I've rung three times about the dinner money and nobody ever picks up the phone",
        "my husband says I can't say anything to the school or it will make things worse",
        # the knowledge's own stories (policy questions told at length) that raised alarms
        "my son keeps being left on his own at lunchtime, who do I complain to",
        "teacher here, a mum keeps messaging me on whatsapp about her daughters spellings",
        "parents keep asking for the video of the nativity, can I share it",
        "I posted something about the head on facebook last night, should I delete it",
        "the nasty messages happened at home not at school, is it even the schools business",
        "some parents on facebook keep calling the head names",
        "my complaint about the deputy head is being investigated by the deputy head",
    ],
)
def test_policy_questions_and_everyday_wording_are_not_alarms(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    ("text", "route"),
    [
        # a member of staff who says so, reporting a colleague: still an allegation
        ("I am a teacher and I saw a colleague messaging a pupil on snapchat", "headteacher"),
        ("im a TA and the class teacher messages one of the boys on instagram", "headteacher"),
        # a pupil writing "me": the writer is the child
        ("my class teacher messages me on snapchat at night", "headteacher"),
        ("my teacher keeps sending me follow requests on instagram", "headteacher"),
        ("sir added me on tiktok and keeps messaging me", "headteacher"),
        # the exceptions are narrow: the same words about a child at home are still found
        ("my dad threatened me and said he'd hurt me", "dsl"),
        ("we get left alone all weekend", "dsl"),
        ("my daughter refuses to eat anything for days", "dsl"),
        ("i dont want to talk about what happens at home", "dsl"),
        ("my mum is aggressive to me when she drinks", "dsl"),
        ("he said i cant say anything to mum", "dsl"),
        ("nobody picks me up and nobody answers the phone at home", "dsl"),
        ("my uncle picks me up from school and takes me to his house and says not to tell", "dsl"),
        ("the teacher was drunk on the school trip, there are photos on facebook", "headteacher"),
    ],
)
def test_disclosures_beside_the_new_exceptions_are_still_found(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text",
    [
        "i found miss on tiktok can i follow her",
        "mr jones has an instagram can i follow him",
        "sir is on youtube and snapchat, can we add him?",
        "our teacher has a tiktok account should i follow her or is that not allowed",
    ],
)
def test_a_pupil_asking_whether_to_follow_a_teacher_is_a_question_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the adult asks for the contact: "him" / "her" is the adult, the child is the one asked
        "sir wants me to follow him on insta",
        "miss asked me to add her on snapchat",
        "sir asked can i add him on snapchat",
        "mr smith told my son to message him on whatsapp",
        "the TA keeps asking my daughter to follow her on tiktok",
        # the writer's own question beside an adult's contact with a named child
        "miss messaged my son on whatsapp, should i message her",
        "the coach follows my daughter on instagram can i block him",
    ],
)
def test_an_adult_asking_a_child_for_private_contact_is_still_an_allegation(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "headteacher")


@pytest.mark.parametrize(
    "text",
    [
        # "a friend request" is not a child called "a friend"
        "my childs teacher sent me a friend request on facebook",
        "my daughter's TA sent me a friend request on facebook, do I accept?",
        "my kids' teacher sent me a friend request on insta",
        "the head sent a friend request to my husband on facebook",
        "ds teacher sent me friend req on fb lol should i accept",
        "my little ones teacher sent me a friend request lol awkward",
    ],
)
def test_a_parent_sent_a_friend_request_by_staff_is_a_question_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "the teacher sent a friend request to my son on insta",
        "sir sent me a friend request on snapchat",
        "my teacher sent me a friend request on facebook",
        "mr x keeps messaging my friend on snapchat",
        "the coach messages a friend of mine on insta at night",
        "miss added my best friend on tiktok",
    ],
)
def test_staff_requests_and_messages_to_a_child_or_their_friend_are_still_found(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "headteacher")


@pytest.mark.parametrize(
    "text",
    [
        "one of the TAs added me on insta, is she allowed to do that",
        "the head follows me on twitter is that against the rules",
        "a teacher from school messaged me on facebook about the PTA",
    ],
)
def test_staff_contacting_me_is_an_alarm_unless_the_writer_chose_an_adult_role(
    detector: SafeguardingDetector, text: str
) -> None:
    # Without a role the writer may be a child; a chosen "parent" or "staff" says what "I'm a parent" would.
    assert detector.detect(text) is not None
    assert detector.detect(text, role="pupil") is not None
    assert detector.detect(text, role="parent") is None
    assert detector.detect(text, role="staff") is None


@pytest.mark.parametrize(
    "text",
    [
        "my teacher sends me messages on snapchat at night",
        "sir added me on tiktok and keeps messaging me",
        "my class teacher follows me on insta",
    ],
)
def test_a_pupils_own_words_about_staff_contact_are_found_whatever_role_was_chosen(
    detector: SafeguardingDetector, text: str
) -> None:
    # A child may write on a parent's phone: "my teacher" and "sir" are a pupil's words.
    for role in ("any", "parent", "staff", "pupil"):
        found = detector.detect(text, role=role)
        assert found is not None and found.route == "headteacher", (role, found)


# ---- fresh blind sets D, E and F (each message with the role its writer would have chosen) -------------

FRESH_SETS = {
    # file: (routes that may differ from the label, named in its header; most ordinary messages flagged)
    "contact_blind_d.yaml": (2, 0.02),
    "home_blind_e.yaml": (2, 0.01),
    "mixed_blind_f.yaml": (0, 0.01),  # one of the two is the meaning layer's: a child scared after a film
    "short_blind_g.yaml": (0, 0.0),  # children's short chat: 20/200 before the short-message margin
    "flow_blind_h.yaml": (0, 0.0),  # what people type at each step of a flow: 4/250 before it
    "staff_online_blind_i.yaml": (0, 0.02),  # what staff write, and online harms
    "indirect_blind_j.yaml": (1, 0.05),  # young children, dialect, half-said worries: see the header
    "general_blind_l.yaml": (3, 0.06),  # every kind of writer and long stories: 24/300 at first look
    "general_blind_m.yaml": (3, 0.09),  # alarming names, policy questions, long stories: 37/300 at first look
    "general_blind_n.yaml": (6, 0.02),  # held out in round 7, read in round 8: 15/300 at first look
    "general_blind_o.yaml": (3, 0.04),  # held out in round 8, then read: 19/300 at first look
    "general_blind_p.yaml": (5, 0.07),  # held out in round 8, then read: 28/300 at first look
    "general_blind_q.yaml": (7, 0.07),  # held out in round 8, read in round 9: 33/300 at first look
    "general_blind_k.yaml": (3, 0.01),  # read in round 10: 106/120 found and 10/300 flagged before it
    "general_blind_r.yaml": (1, 0.02),  # held out in round 9, read in round 10: 12/300 at first look
    "general_blind_s.yaml": (0, 0.04),  # held out in round 10, read in round 11: 21/300 at first look
    "general_blind_t.yaml": (1, 0.04),  # held out in round 11, then read: 13/300 at first look
    "general_blind_u.yaml": (4, 0.014),  # read in round 12: 13/300 flagged and 7 missed at first look
    "general_blind_v.yaml": (6, 0.027),  # held out in round 12, then read: 14/300, 8 missed; round 13: 8/300
    # held out through round 13, read in round 14: 7/120 missed and 12/300 flagged at first look
    "general_blind_x_a.yaml": (0, 0.007),  # round 15: "something about the headteacher … him", to the chair
    "general_blind_x_b.yaml": (0, 0.014),  # a dog's nip and a power cut, by the similarity layer
    # held out through rounds 13 and 14, read in round 15: 12/120 missed and 8/300 flagged at first look
    "general_blind_y.yaml": (0, 0.0),
    # held out through rounds 14 and 15, read in round 16: 6/120 missed, 11 routes and 9/300 flagged at first
    # look; two routes left: a child's own sports coach, which the sets label both ways (round 20: "my
    # daughter's gymnastics coach" is the family's, and the DSL's, as the set labels it)
    "general_blind_z.yaml": (2, 0.01),
    # held out through rounds 15 and 16, read in round 17: 9/120 missed, 1 route and 8/300 flagged at first
    # look; the route left is "one of our sports coaches", the conflict above
    # round 21: the similarity layer, moved by that round's examples, reads a song's words ("mama, just
    # killed a man") as near a disclosure; a rule or an exclusion would hide a child saying it of their mum
    "general_blind_aa.yaml": (1, 0.007),
    # written in round 17 in the plainest words (3–14 words) and read at once; the route left is "the bus
    # driver", which may be the school's or the town's
    "simple_words.yaml": (1, 0.0),
    # written in round 17 in reported speech and heavy misspelling, read at once; 6/150 left, five of them the
    # similarity layer's (a film, a lesson, a telling-off retold) and a cat's scratches (the cat is also the
    # story told to cover self-harm, so that rule keeps it)
    "reported_speech.yaml": (0, 0.04),
    # written in round 17 about staff, the head and online harms, read at once; the three routes left are
    # a "bus driver", a "dance club lady" and a "chess club man" labelled the school's (it may not run them)
    "staff_and_online_plain.yaml": (3, 0.0),
    # written in round 17 with the concern buried in an everyday message, read at once; the routes left are
    # adults whose employer the message does not say, and most alarms are the similarity and meaning layers'
    "buried_concerns.yaml": (7, 0.125),
    # held out through rounds 16 and 17, read in round 18: 12/120 missed, 3 routes and 13/300 flagged at first
    # look; the routes left are named in its header, and most alarms left are staff training notes and books
    "general_blind_ab.yaml": (3, 0.03),
    # written in round 18 as children type, read at once; the alarm left is the similarity layer's ("jayden
    # said im not his freind anymore")
    "pupils_chat.yaml": (0, 0.007),
    # written in round 18 in second-language and dictated English, read at once; the routes left are an
    # after-school club's coach and a cover teacher named as a heading would be (round 20: a teacher greeted,
    # "dear teacher…", is no longer taken for whom the message is about)
    "second_language.yaml": (2, 0.06),
    # written in round 18 as answers at each step of the concern form, read at once; the route left is a
    # "chess club man" (the set labels him the DSL's); the alarms, "text me please, I'm deaf" and the
    # lollipop lady, are the similarity layer's
    "form_answers.yaml": (1, 0.008),
    # written in round 18 in regional and dialect English, read at once; the alarm left is the similarity
    # layer's ("he keeps saying he's dead … he means he's laughing")
    "dialect.yaml": (0, 0.007),
    # written in round 18 in online slang and algospeak, read at once
    "online_slang.yaml": (0, 0.0),
    # written in round 18 as a general set of hints and half-said things, read at once; the alarms left are
    # the similarity and meaning layers' (a note about a nan's hip replacement, Pompeii, hours cut at work)
    "general_blind_af.yaml": (2, 0.024),
    # written in round 18 as ordinary messages near worrying topics, read at once; the alarms left are the
    # similarity and meaning layers' (a stoma bag, football bruises, melatonin) and a crush kept secret
    "ordinary_near.yaml": (0, 0.027),
    # held out through rounds 17 and 18, read in round 19: 7/120 missed, 5 routes and 18/300 flagged at
    # first look; the routes left are a football club's coach, a TA named after the injury, a volunteer reader
    # called "the older man" and "miss" said to the teacher; the alarms left are staff training notes and the
    # similarity and meaning layers'
    "general_blind_ac.yaml": (4, 0.047),
    # written in round 17 as short plain messages, held out through rounds 17 and 18, read in round 19: 8/120
    # missed, 1 route and 6/300 flagged at first look; the route left is a bus driver's touch, which the
    # similarity layer finds; the alarms left are the similarity layer's
    "short_plain_ad.yaml": (1, 0.01),
    # written in round 19 as a safeguarding log's notes, read at once (the header says what is left)
    "staff_notes.yaml": (3, 0.047),
    # written in round 19 as follow-up messages and about relatives, read at once
    "followups_relatives.yaml": (2, 0.02),
    # written in round 19 as dictated messages, read at once
    "dictated.yaml": (0, 0.0),
    # written in round 19 as carers and professionals write, read at once
    "carers_professionals.yaml": (6, 0.034),
    # written in round 19 about disabled children and young carers, read at once
    "send_young_carers.yaml": (9, 0.02),
    # held out through rounds 18 and 19, read in round 20: 5/120 missed, 5 routes and 15/300 flagged at first
    # look (the header says what is left)
    "general_blind_ae.yaml": (2, 0.047),
    # written in round 20 as online harms now (AI images, live streams, sextortion, challenges), read at once
    "online_now.yaml": (2, 0.085),
    # written in round 20 as parents writing about their own lives, read at once
    "parents_own_lives.yaml": (2, 0.054),
    # written in round 20 as worries asked as questions or hypotheticals, read at once
    "asked_as_questions.yaml": (3, 0.08),
    # written in round 20 in understated and coded wording, read at once
    "understated.yaml": (5, 0.04),
    # held out through rounds 19 and 20, read in round 21: 8/120 missed, 1 route and 4/300 flagged at
    # round 21's start (the header says what is left)
    "general_blind_ag.yaml": (0, 0.004),
    # held out through rounds 20 and 21, read in round 22: 11/120 missed, 6 routes and 11/300 flagged at
    # round 22's start (the header says what is left)
    "general_blind_ah.yaml": (3, 0.01),
    # written in round 22 on the line between a complaint about staff and an allegation, read at once: 9/80
    # missed, 14 routes and 11/240 flagged at first look (its header says what is left)
    "staff_complaints.yaml": (3, 0.025),
    # held out through rounds 21 and 22, read in round 23: 5/120 missed, 4 routes and 10/300 flagged at round
    # 23's start (the header says what is left)
    "general_blind_ai.yaml": (0, 0.0),
    # written in round 23 as absence, lateness and pick-up messages, read at once: 80/100 missed, 7 routes and
    # 6/300 flagged at first look (its header says what is left)
    "absence_lateness.yaml": (0, 0.004),
    # written in round 23 as staff writing about their own lives, families and colleagues, read at once: 9/80
    # missed, 4 routes and 10/240 flagged at first look (its header says what is left)
    "staff_own_lives.yaml": (0, 0.021),
    # held out through rounds 22 and 23, read in round 24: 14/120 missed, 5 routes and 4/300 flagged at round
    # 24's start (the header says what is left)
    "general_blind_aj.yaml": (2, 0.007),
    # held out through rounds 23 and 24, read in round 25: 6/120 missed, 3 routes and 11/300 flagged at round
    # 25's start (the header says what is left)
    "general_blind_ak.yaml": (1, 0.02),
    # written in round 25 as second-language English, dialect, handovers and staff training, read at once:
    # 4/60 missed, 6 routes and 10/300 flagged at first look (its header says what is left)
    "general_probe_an.yaml": (3, 0.01),
    # written in round 25 as ordinary messages of twelve kinds beside 40 disclosures, read at once: 2/40
    # missed and 21/360 flagged with the round's starting rules (its header says what is left)
    "general_probe_ao.yaml": (0, 0.02),
    # held out through rounds 24 and 25, read in round 26: 17/120 missed, no route differing and 7/300
    # flagged at round 26's start (the header says what is left)
    "general_blind_al.yaml": (0, 0.014),
    # written in round 26 as short mid-conversation disclosures and one-line ordinary answers, read at once:
    # 1/60 missed and 7/300 flagged at first look (its header says what is left)
    "general_probe_aq.yaml": (0, 0.014),
    # held out through rounds 25 and 26, read in round 27: 15/120 missed, 4 routes and 13/300 flagged at round
    # 27's start (the header says what is left)
    "general_blind_am.yaml": (0, 0.02),
    # written in round 27 as disclosures inside other questions, at second hand and hedged, beside ordinary
    # messages that name harms, read at once: 6/60 missed, 1 route and 11/300 flagged at first look (its
    # header says what is left)
    "general_probe_as.yaml": (0, 0.007),
    # held out through rounds 26 and 27, read in round 28: 10/120 missed, 1 route and 7/300 flagged at round
    # 28's start (the header says what is left)
    "general_blind_ap.yaml": (0, 0.01),
    # written in round 28 as disclosures at the end of long messages, in form answers, by pupils in
    # text-speak, between children and from the past, beside ordinary messages of dark lessons, books, games,
    # faith, names and settled matters, read at once: 7/60 missed and 7/300 flagged at first look (its header
    # says what is left)
    "general_probe_au.yaml": (0, 0.007),
    # held out through rounds 27 and 28, read in round 29: 9/120 missed, 2 routes and 24/300 flagged at round
    # 29's start (the header says what is left)
    "general_blind_ar.yaml": (0, 0.04),
    # written in round 29 as hedged disclosures, parents' own struggles, dialect, SEND and young carers, rarer
    # harms and pupils' questions about themselves, beside ordinary messages of health, safeguarding work,
    # discipline, parents' lives, true crime, play, jobs and idioms, read at once: 5/60 missed, 2 routes and
    # 19/300 flagged at first look (its header says what is left)
    "general_probe_aw.yaml": (2, 0.03),
    # held out through rounds 28 and 29, read in round 30: 12/120 missed, 3 routes and 22/300 flagged at round
    # 30's start (the header says what is left)
    "general_blind_at.yaml": (3, 0.06),
    # written in round 30 as very short, coded, observed and online disclosures, domestic abuse and staff,
    # beside ordinary messages of accidents, RSE, online-safety questions, health, strong complaints, PE and
    # changing, family changes, form answers, dark play and idioms, read at once: 7/60 missed, 2 routes and
    # 25/300 flagged at first look (its header says what is left)
    "general_probe_ay.yaml": (2, 0.06),
    # held out through rounds 29 and 30, read in round 31: 12/120 missed, 1 route and 14/300 flagged at round
    # 31's start (the header says what is left)
    "general_blind_av.yaml": (1, 0.03),
    # written in round 31 as hedged, relayed and retracted disclosures, a child's own feelings, neglect in
    # details, exploitation, honour-based harm and weak English, beside ordinary messages of hedged worries,
    # gossip, safeguarding questions, the news, lost things, health, dark events, form answers, praise and
    # travel, read at once: 7/60 missed, 3 routes and 15/300 flagged at first look (its header says what is
    # left)
    "general_probe_ba.yaml": (3, 0.03),
    # held out through rounds 30 and 31, read in round 32: 11/120 missed, 9 routes and 21/300 flagged at round
    # 32's start (the header says what is left)
    "general_blind_ax.yaml": (9, 0.04),
    # written in round 32 as pasted notes and messages, harm between children, the past told now, "asking for
    # a friend", a parent's crisis, online harm and young carers, beside ordinary messages of first aid, games
    # and sport, dark lessons, grief, separated families, health, pasted ordinary things, short replies,
    # behaviour and home life, read at once: 5/60 missed, 5 routes and 13/300 flagged at first look (its
    # header says what is left)
    "general_probe_bc.yaml": (4, 0.02),
    # held out through rounds 31 and 32, read in round 33: 14/120 missed, 7 routes and 11/300 flagged at round
    # 33's start (the header says what is left)
    "general_blind_az.yaml": (5, 0.01),
    # written in round 33 as hedged disclosures, signs without a statement, a young child's own words,
    # exploitation, faith and honour, a child's mind, domestic abuse, staff and the head, and radicalisation,
    # beside ordinary messages of idioms, form answers, ordinary worries, medical routine, faith, trips, pets,
    # office admin in heavy words, children's play and parents' own lives, read at once: 4/60 missed, 1 route
    # and 15/300 flagged at first look (its header says what is left)
    "general_probe_be.yaml": (1, 0.02),
    # held out through rounds 32 and 33, read in round 34: 12/120 missed, 6 routes and 13/300 flagged at round
    # 34's start (the header says what is left)
    "general_blind_bb.yaml": (6, 0.03),
    # written in round 34 as admin messages with one clause of concern, siblings' and neighbours' reports,
    # babies, missing children, drunk carers, images, eating, staff and the head, beside ordinary messages of
    # closures, lost property, sport, praise, babies, costumes, SEN, clubs, form answers and family rules,
    # read in round 35: 11/60 missed, 1 route and 2/300 flagged at round 35's start (the header says what is
    # left)
    "general_probe_bg.yaml": (1, 0.01),
    # held out through rounds 33 and 34, read in round 35: 10/120 missed, 5 routes and 13/300 flagged at round
    # 35's start (the header says what is left)
    "general_blind_bd.yaml": (4, 0.04),
    # held out through rounds 34 and 35, read in round 36: 25/120 missed, 3 routes and 9/300 flagged at round
    # 36's start (the header says what is left)
    "general_blind_bf.yaml": (3, 0.02),
    # held out through rounds 35 and 36, read in round 37: 8/120 missed, 4 routes and 13/300 flagged at round
    # 37's start (the header says what is left)
    "general_blind_bh.yaml": (3, 0.03),
    # written in round 37 as a probe of set BJ's kinds (a change in a child, new adults at home, images,
    # SEND, honour, talk of dying, neighbours, staff and the head, told in pieces), read at once: 12/60
    # missed, 4 routes and 10/300 flagged at round 37's start (the header says what is left)
    "general_probe_bk.yaml": (4, 0.02),
    # held out through rounds 36 and 37, read in round 38: 29/120 missed, 1 route and 1/300 flagged at round
    # 38's start (BK, a probe of its kinds, had been read in round 37)
    "general_blind_bj.yaml": (0, 0.004),
    # held out through rounds 38 and 39, read in round 40: 32/120 missed, no route and 7/300 flagged at round
    # 40's
    # start (the header says what is left)
    "general_blind_bl.yaml": (0, 0.014),
    # held out through rounds 39 and 40, read in round 41: 22/120 missed, 3 routes and 9/300 flagged at round
    # 41's start; one route left: a neglect concern passed on by "the cleaner says…" (the header says what
    # is left)
    "general_blind_bm.yaml": (1, 0.007),
    # held out through rounds 40 and 41, read in round 42: 23/120 missed, 7 routes and 6/300 flagged at round
    # 42's start; two routes left (a coach and an instructor said to be "not school" a sentence away) and
    # three flags of the similarity layer (the header says what is left)
    "general_blind_bn.yaml": (2, 0.01),
    # held out through rounds 41 and 42, read in round 43: 10/120 missed, 2 routes and 7/300 flagged at round
    # 43's start; four flags of the similarity layer left (the header says what is left)
    "general_blind_bo.yaml": (0, 0.014),
    # held out through rounds 42 and 43, read in round 44: 21/120 missed, 4 routes and 15/300 flagged at round
    # 44's start; eight flags of the similarity layers left (the header says what is left)
    "general_blind_bp.yaml": (0, 0.027),
    # held out through rounds 43 and 44, read in round 45: 22/120 missed, 1 route and 16/300 flagged at round
    # 45's start; seven flags of the similarity layers left (the header says what is left)
    "general_blind_bq.yaml": (0, 0.024),
    # held out through rounds 44 and 45, read in round 46: 23/120 missed, 2 routes and 17/300 flagged at round
    # 46's start; eleven flags of the similarity layers left (the header says what is left)
    "general_blind_br.yaml": (0, 0.037),
    # held out through rounds 45 and 46, read in round 47: 19/120 missed, 3 routes and 11/300 flagged at round
    # 47's start; five flags of the similarity layers left (the header says what is left)
    "general_blind_bs.yaml": (0, 0.017),
    # held out through rounds 47 and 48, read in round 49: 3/120 missed, 5 routes and 4/300 flagged at round
    # 49's start; three routes left (a contractor mending the boiler and a visiting music tutor, which the set
    # gives the head, and a bare "coach", which it gives the DSL) and one flag of the similarity layer
    "general_blind_bt.yaml": (3, 0.004),
    # BT's ten kinds by two more writers, disclosures only (BT's 300 ordinary messages stand beside both):
    # 6/120 missed and 6 routes at round 49's start; three routes left (the header says which)
    "general_blind_bu.yaml": (3, None),
    # held out through rounds 48 and 49, read in round 50: 13/120 missed, 4 routes and 8/300 flagged at round
    # 50's start; one route left (a pupil named after the teacher spoken to, "sir george in my class…") and
    # three flags of the similarity layers (the header says which)
    "general_blind_bv.yaml": (1, 0.01),
    # held out through rounds 49 and 50, read in round 51: 13/120 missed, 7 routes and 8/300 flagged at round
    # 51's start; four replies that disclose only with the question they answer are left (not read here: the
    # test below holds the rest), four routes and three flags of the similarity layers (the header says which)
    "general_blind_bw.yaml": (4, 0.01),
    # held out through rounds 50 and 51, read in round 52: 9/120 missed, 3 routes and 14/300 flagged at round
    # 52's start; two flags of the similarity and meaning layers left (the header says which)
    "general_blind_bx.yaml": (0, 0.01),
    # held out through rounds 51 and 52, read in round 53: 22/120 missed, 4 routes and 9/300 flagged at round
    # 53's start; one reply left ("mums boyfriend", a form's bare answer), two routes (a staff log whose TA is
    # told, a Sunday-league coach named again as "Coach") and four flags of the similarity and meaning layers
    "general_blind_by.yaml": (2, 0.014),
    # held out through rounds 52 and 53, read in round 54: 10/120 missed, 1 route and 12/300 flagged at round
    # 54's start; seven flags of the similarity and meaning layers and rules a sentence apart left (the header
    # says which)
    "general_blind_bz.yaml": (0, 0.024),
    # held out through rounds 53 and 54, read in round 55: 21/120 missed, 1 route and 7/300 flagged at round
    # 55's start; one route left (a child's class given as "(year 1, Miss Patel)") and two flags of the
    # similarity and meaning layers (the header says which)
    "general_blind_ca.yaml": (1, 0.007),
    # held out through rounds 54 and 55, read in round 56: 19/120 missed, 5 routes and 6/300 flagged at round
    # 56's start; five flags of the similarity and meaning layers left (the header says which)
    "general_blind_cb.yaml": (0, 0.017),
    # held out through rounds 55 and 56, read in round 57: 17/120 missed, no route and 3/300 flagged at round
    # 57's start; one flag of the meaning layer left (the header says which)
    "general_blind_cc.yaml": (0, 0.004),
    # held out through rounds 56 and 57, read in round 58: 21/120 missed, 1 route and 6/300 flagged at round
    # 58's start; three flags of the similarity and meaning layers left (the header says which)
    "general_blind_cd.yaml": (0, 0.01),
    # held out through rounds 57 and 58, read in round 59: 19/120 missed, no route and 7/300 flagged at round
    # 59's start; three flags of the meaning layer left (the header says which)
    "general_blind_ce.yaml": (0, 0.01),
    # held out through rounds 58 and 59, read in round 60: 11/120 missed, 1 route and 9/300 flagged at round
    # 60's start; three flags of the similarity and meaning layers left (the header says which)
    "general_blind_cf.yaml": (0, 0.01),
    # held out through rounds 59 and 60, read in round 61: 30/120 missed, 3 routes and 2/300 flagged at round
    # 61's start; none missed, no route and no flag left
    "general_blind_cg.yaml": (0, 0.0),
    # held out through rounds 60 and 61, read in round 62: 27/120 missed, 3 routes and 17/300 flagged at round
    # 62's start; ten flags of the similarity and meaning layers left (the header says which and why)
    "general_blind_ch.yaml": (0, 0.034),
    # held out through rounds 61 and 62, read in round 63: 15/120 missed, 3 routes and 12/300 flagged at round
    # 63's start; seven flags of the similarity and meaning layers left (the header says which and why)
    "general_blind_ci.yaml": (0, 0.024),
    # held out through rounds 62 and 63, read in round 64: 19/120 missed, 1 route and 7/300 flagged at round
    # 64's start; four flags of the similarity and meaning layers left (the header says which)
    "general_blind_cj.yaml": (0, 0.014),
    # held out through rounds 63 and 64, read in round 65: 15/120 missed, 2 routes and 9/300 flagged at round
    # 65's start; one route (the head's own conduct read as the harm's, not its subject) and three flags of
    # the similarity and meaning layers left (the header says which)
    "general_blind_ck.yaml": (1, 0.01),
    # held out through rounds 64 and 65, read in round 66: 11/120 missed, 3 routes and 7/300 flagged at round
    # 66's start; one route (a club coach, labelled for the head) and two flags of the meaning and similarity
    # layers left (the header says which)
    "general_blind_cl.yaml": (1, 0.007),
    # held out through rounds 65 and 66, read in round 67: 23/120 missed, 7 routes and 5/300 flagged at round
    # 67's start; eight routes (a concern about a child near a mention of staff, read as about the staff; a
    # private tutor and a Sunday-league coach labelled for the DSL; a 1:1's "forgetting" labelled for the
    # head) and three flags of the similarity and meaning layers left (the header says which)
    "general_blind_cm.yaml": (8, 0.01),
}


@pytest.mark.parametrize("name", sorted(FRESH_SETS))
def test_every_fresh_blind_disclosure_is_found_with_the_writers_role(
    detector: SafeguardingDetector, name: str
) -> None:
    items = _load(name, "disclosures")
    missed, routed = [], 0
    for item in items:
        found = detector.detect(item["text"], role=item["role"])
        if found is None:
            missed.append(item["text"])
        routed += found is not None and found.route == item["route"]
    assert missed == []
    assert routed >= len(items) - FRESH_SETS[name][0]


@pytest.mark.parametrize("name", sorted(name for name, (_, flags) in FRESH_SETS.items() if flags is not None))
def test_ordinary_messages_beside_the_fresh_blind_disclosures_rarely_raise_an_alarm(
    detector: SafeguardingDetector, name: str
) -> None:
    items = _load(name, "ordinary")
    flagged = [item["text"] for item in items if detector.detect(item["text"], role=item["role"])]
    assert len(flagged) / len(items) <= FRESH_SETS[name][1], flagged


# ---- online contact between staff, parents and pupils: blind set D, its general causes in our words ----


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("miss said if i send her a pic of me she'll give me a merit", "pupil", "headteacher"),
        ("a man on roblox keeps sending me robux for pics", "pupil", "dsl"),
        ("my cousins friend messages me and says things about my body", "pupil", "dsl"),
        ("someone i met on fortnite asked me to go on snap and keep it between us", "pupil", "dsl"),
        ("a man online messaged me at midnight saying he cant stop thinking about me", "pupil", "dsl"),
        ("a man at the swimming club asked for photos of her in her swimsuit", "parent", "dsl"),
        ("the teacher asked my son for his snapchat at lunch", "parent", "headteacher"),
        ("the TA sends my daughter snapchat streaks every night", "parent", "headteacher"),
        ("the teaching assistant asked my son what colour his underwear was", "parent", "headteacher"),
        ("a volunteer at school messages my son on whatsapp", "parent", "headteacher"),
        ("the man from after school club messages my daughter on insta", "parent", "headteacher"),
        ("this is mia on my mums phone, the TA keeps messaging me on tiktok", "parent", "headteacher"),
        ("the head messages my son on fortnite", "parent", "chair_of_governors"),
        ("someone she met on minecraft has asked for her address and pictures", "parent", "dsl"),
        (
            "a man on roblox says hes a friend of her teacher and has asked for her address and photos",
            "parent",
            "dsl",
        ),
        ("the man messaging him isnt staff, he wants my son to send pics", "parent", "dsl"),
    ],
)
def test_online_contact_wording_from_blind_set_d_is_found_and_routed(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the teacher told the class a secret about the surprise assembly", "pupil"),
        ("miss said there's a secret surprise for mothers day so dont tell mum", "pupil"),
        ("the TA added me to the year 6 leavers whatsapp group", "parent"),
        ("my colleague posts drunk photos every weekend, should i say something", "staff"),
        ("is it ok for me to message the teacher on her insta to say thank you", "parent"),
    ],
)
def test_ordinary_online_contact_wording_from_blind_set_d_is_not_an_alarm(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# ---- home and wellbeing: blind set E, its general causes in our words ----


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("dad told me to tell miss i fell off my bike if she asks about my eye", "dsl"),
        ("my mum went abroad and i dont know when shes coming back, im at my aunties friends house", "dsl"),
        ("sir said in front of the class that i stink and everyone laughed", "headteacher"),
        ("the teacher called him thick and ripped up his work in front of everyone", "headteacher"),
        ("the head makes a boy sit in the corridor all day with no break", "chair_of_governors"),
        ("the TA locked my son in the sensory room on his own", "headteacher"),
        ("her stepdad uses his belt on her when she answers back", "dsl"),
        ("he has purple marks on his legs and wont say why", "dsl"),
        ("she had a round burn on her arm like a cigarette", "dsl"),
        ("nobody picks me up so i wait outside till it gets dark", "dsl"),
        ("the boy next door keeps asking us for food", "dsl"),
        ("she has been in the same clothes for two weeks and her hair is matted", "dsl"),
        ("his mum was spaced out at pick up and could barely stand", "dsl"),
        ("my son went missing overnight and we found him in town", "dsl"),
        ("she says she would rather live anywhere than home", "dsl"),
        (
            "her family are taking her to Egypt in the summer for a coming of age thing and she is scared",
            "dsl",
        ),
        ("a reception child is showing sexualised behaviour with the dolls, well beyond her age", "dsl"),
        ("he says he does runs for older lads and gets paid in cash", "dsl"),
        ("a man in a car asked the girls if they wanted to come and see his puppies", "dsl"),
        ("a man rang asking what time she finishes, says hes her uncle but she has no uncle", "dsl"),
        ("she begged to stay in class at home time, said her dad will be angry and she was shaking", "dsl"),
        ("I don't know who else to tell. The teacher hit my son.", "headteacher"),
        (
            "Not sure who else to tell. The head makes a boy stand in the corridor all day",
            "chair_of_governors",
        ),
        ("I'm the dinner lady. A boy in year 2 told me his dad locks him in his room", "dsl"),
    ],
)
def test_home_and_wellbeing_wording_from_blind_set_e_is_found_and_routed(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text",
    [
        "the paediatrician wants a letter from school about his concentration",
        "our cat died at the weekend so she might be upset today",
        "can she sit near the front, her new glasses are not ready yet",
        "my big brother says teachers lie about homework lol",
        "the year 6 trip letter says packed lunch, is that right",
    ],
)
def test_ordinary_family_wording_from_blind_set_e_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


# ---- mixed: blind set F, its general causes in our words ----


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("i skip lunch every day now so i can be skinny", "dsl"),
        ("she keeps throwing her lunch away and says shes too fat", "dsl"),
        ("i have to stay home to look after mum when she cant get up", "dsl"),
        ("i wear long sleeves so nobody sees the cuts on my arms", "dsl"),
        ("he told me he wants to go to sleep forever", "dsl"),
        ("the PE teacher keeps commenting on my daughter's body", "headteacher"),
        ("the head said something about a year 6 girls figure in assembly", "chair_of_governors"),
        ("she drew a man in bed with a little girl and said its her uncle", "dsl"),
        ("he cried and refused to go home when he saw his dad at the gate", "dsl"),
        ("a boy in year 5 keeps talking about the race war and drawing swastikas", "dsl"),
        ("we found a kitchen knife in his school bag", "dsl"),
        ("a man who is not on her list keeps waiting for her at the gate and she goes off with him", "dsl"),
        ("the TA buys one girl presents and keeps her in at break on her own", "headteacher"),
        ("the chess club volunteer asked a Y5 girl for her snapchat", "headteacher"),
        ("someone is hitting my friend at her house", "dsl"),
        ("i heard mum crying and he said he would kill her", "dsl"),
        ("he has been living with a family friend for months and mum is abroad", "dsl"),
        ("her mums boyfriend plays the tickling game with her", "dsl"),
    ],
)
def test_mixed_wording_from_blind_set_f_is_found_and_routed(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text",
    [
        "i bumped my knee on the table and miss gave me a plaster",
        "a boy hit him with a ruler when they were messing about, he is fine",
        "my brother punched me cos i had the last biscuit so i punched him back",
    ],
)
def test_childrens_squabbles_from_blind_set_f_are_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


def test_the_knowledges_own_stories_rarely_raise_an_alarm(detector: SafeguardingDetector) -> None:
    # Stories are policy questions told at length; one that raised an alarm would never reach the matcher.
    knowledge = load_knowledge(ROOT / "knowledge")
    stories = [story for topic in knowledge.topics.values() for story in topic.stories]
    stories += [story for intent in knowledge.intents.values() for story in intent.stories]
    stories += list(knowledge.out_of_scope_stories)
    flagged = [story for story in stories if detector.detect(story)]
    assert len(stories) >= 250
    assert len(flagged) / len(stories) <= 0.01, flagged


# ---- short messages: blind set G, its general causes in our words ----


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("i put my little brother to bed every night cos mum is out", "dsl"),
        ("i cook my own tea every nite", "dsl"),
        ("she leaves the kids on their own to go out drinking", "dsl"),
        ("i want to stop eating so i can disappear", "dsl"),
        ("dad says im going abroad in the summer to get married", "dsl"),
        ("her partner gets violent when he drinks", "dsl"),
        ("i think my boyfriend is looking at pictures of young girls", "dsl"),
        ("he said his uncle held a cushion over his face", "dsl"),
        ("i shook the baby when he wouldnt stop crying", "dsl"),
        ("mum drinks wine and then falls on the floor and we cant wake her", "dsl"),
    ],
)
def test_short_wording_from_blind_set_g_is_found(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text",
    [
        "she eats crisps for tea every night and puts herself to bed",  # under the meaning layer's 20 words
        "i put myself to bed most nights cos mum goes out",
        "he has biscuits for dinner most days",
    ],
)
def test_a_young_child_looking_after_themselves_at_night_is_found(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "dsl")


@pytest.mark.parametrize(
    "text",
    [
        "my son puts himself to bed now he's 10, is that normal",
        "can he have crisps for tea on a friday as a treat",
    ],
)
def test_a_child_going_to_bed_alone_or_a_treat_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the lodger goes into the girls room after lights out", True),
        ("my husband goes into the kids room at night to check on them, is that normal", False),
    ],
)
def test_an_adult_going_into_a_childs_room_at_night_is_found_unless_to_check_on_them(
    detector: SafeguardingDetector, text: str, found: bool
) -> None:
    assert (detector.detect(text, role="parent") is not None) is found


def test_headaches_are_not_headteachers_so_a_disclosure_goes_to_the_safeguarding_lead(
    detector: SafeguardingDetector,
) -> None:
    _assert_found(detector, "she keeps getting headaches since her dad hit her round the head", "dsl")


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("miss can i tell you something, my mums boyfriend hits me with his belt", "dsl"),
        ("miss my dad hit me last night", "dsl"),
        ("miss hit me", "headteacher"),
        ("miss can be really mean, she pinched my arm and it left a mark", "headteacher"),
    ],
)
def test_a_pupil_speaking_to_miss_is_not_an_allegation_about_her(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text", ["Grace Burns, Year 3 Hedgehogs", "Dolly Beater, Year 1 Owls", "Will Kidd, Reception"]
)
def test_a_name_and_a_class_typed_at_the_name_step_is_never_compared_with_the_example_disclosures(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    "text",
    [
        "Is there guidance on what to say if a child tells me they want to hurt themselves?",
        "What's the procedure if a child goes missing on a school trip?",
        "Do Year 6 get a talk on county lines before secondary?",
        "I'm going to be dead on my feet by Friday with all these assemblies",
        "How many pupils can a teaching assistant supervise alone in an after-school club?",
        "texting parents about a playground falling-out is a bit extreme, what should I do with the text?",
        "she's covered in chickenpox spots but not feeling too bad in herself",  # "feeling" is not "feeding"
    ],
)
def test_a_question_about_the_schools_procedure_or_a_figure_of_speech_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="staff") is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A parent governor was unprofessional with me at the fair meeting and talked over me", "parent"),
        ("A parent was quite aggressive with me at the gate again, what does the procedure say?", "staff"),
        ("I'm a TA and a dad was aggressive with me in the car park, can I report it?", "any"),
        ("If I post something in a private WhatsApp group, can I still get in trouble legally?", "parent"),
        ("Some messages in our staff group about a parent are pretty harsh, is that allowed?", "staff"),
        ("I rang the office and there was no one there to take my call, can someone ring me back?", "parent"),
    ],
)
def test_an_adult_writing_about_themselves_or_the_law_is_not_an_alarm(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("the dinner lady is really aggressive with me", "pupil", "headteacher"),
        ("the TA is really rough with my son", "parent", "headteacher"),
        ("the teacher was unprofessional with my daughter and touched her leg", "parent", "headteacher"),
        ("mr jones was really weird with me and said not to tell", "pupil", "headteacher"),
        ("if i tell anyone he says ill get in trouble", "pupil", "dsl"),
        ("my son said the coach told him if i tell ill be in trouble", "parent", "headteacher"),
        ("the TA messaged my daughter saying she is so pretty", "parent", "headteacher"),
        ("theres no one there when i get home and no food", "pupil", "dsl"),
    ],
)
def test_the_same_wording_about_a_child_is_still_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    "text",
    [
        "Holiday in term time, worth a fine? What gets me wound up is being asked permission at all",
        "my son really winds me up in the mornings, he won't get dressed",
        "a governor raises parents' gripes at meetings and gets choked off by the head, how do we handle it?",
    ],
)
def test_being_wound_up_or_choked_off_is_a_figure_of_speech_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("the head choked my son in the corridor", "chair_of_governors"),
        ("my son came home with a wound on his leg and says mr smith pushed him", "headteacher"),
        ("my dad choked me and wound the cord round my neck", "dsl"),
    ],
)
def test_a_choke_or_a_wound_is_still_found_beside_the_idioms(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route)


@pytest.mark.parametrize(
    "text",
    [
        "she hides in the toilets at home time since mum's boyfriend moved in",
        "he cries at home time and begs to stay at school since his stepdad arrived",
        "she has been hiding under the table at home time ever since her uncle started collecting her",
    ],
)
def test_a_child_dreading_home_time_since_a_new_adult_arrived_is_found(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "dsl")


@pytest.mark.parametrize(
    "text",
    [
        "he cries at pick up since we moved house because he misses his old friends",
        "she cries at home time since she started reception, is that normal",
        "ever since her nan moved in with them she clings to me at home time, she adores her nan",
    ],
)
def test_a_child_upset_at_home_time_for_an_ordinary_reason_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    "text",
    [
        "my kitten scratched my arm when i picked her up",
        "i want to die my hair pink for the summer",
        "i dont want to go home yet the party is so fun",
        "we slept in the car on our camping holiday",
        "he banged his head on the table at lunch, ice pack given",
        "we are going to India in the summer for my cousin's wedding",
    ],
)
def test_short_everyday_wording_from_blind_set_g_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


# ---- disclosures the similarity layer alone had caught: their kinds now have rules (our own wording) ----
# The similarity layer's margin was raised from 0.07 to 0.15 (docs/safeguarding-notes.md, *Short messages*);
# each kind of disclosure that had leaned on it below that line now has a rule. None of these was found by a
# rule before.


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("the TA locked my autistic daughter in a room", "headteacher"),
        ("the football coach asked my son to meet him at the park on his own", "headteacher"),
        ("miss threw a ruler at him when he got it wrong", "headteacher"),
        ("there are photos of pupils on the caretaker's own phone", "headteacher"),
        ("the dinner lady called me a little bitch", "headteacher"),
        ("I want to report the headteacher, I saw her slap a child", "chair_of_governors"),
        # blind set H's kinds (merged while this round was under way)
        (
            "a colleague keeps taking a girl from year 5 out of class for extra reading with the door closed",
            "headteacher",
        ),
    ],
)
def test_staff_conduct_that_leaned_on_similarity_is_found_by_a_rule(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    found = _assert_found(detector, text, route)
    assert not found.matched.startswith("similar to"), found


@pytest.mark.parametrize(
    "text",
    [
        "i have to sleep in the shed all night when i am naughty",
        "she isnt allowed back in the flat till her dads mates have gone",
        "she pushes a chair behind her door at night",
        "ive packed a bag and im never coming back",
        "my stepdad grabs my wrist really hard when he is cross",
        "my uncle hurt my arm",
        "i have to sleep in the same bed as mums boyfriend",
        "she has a burn on her leg and says it was mummy's iron",
        "he has bruises on his back and says he fell, its the fourth time",
        "his back was purple and yellow all over",
        "my uncle gave me medicine to make me sleepy",
        "my cousin makes me do stuff to him",
        "the man next door made me go into his garage and do things",
        "i hate bath time at my uncles, he locks the door",
        "he threw the remote at mum",
        "there is screaming and crashing at their house every night",
        "the police came again last night and mum was crying",
        "mums boyfriend broke her nose",
        "dad punched the wall and we hid in the bedroom",
        "he keeps a knife on him when he goes out",
        "he asks to take the leftovers home for his sisters",
        "she has missed all her hospital appointments this year",
        "she isn't allowed to go to school because she looks after the house",
        "the twins haven't been collected again",
        "his mum won't be back until sunday",
        "mum goes out and comes home when im asleep",
        "dad can't get out of bed so my son does the school run",
        "she is up all night because of the parties at her house",
        "my cousin is 13 and she is getting married in the summer",
        "she is in year 5 and her wedding is next year",
        "he says muslims are dangerous",
        "our people have to fight back against them",
        "he says immigrants are ruining everything",
        "mum says she will die and take us with her",
        "i dont want to go to my uncles, he did the thing again",
        "an older man keeps hanging around with my daughter",
        "the older boys made him pull his pants down",
        "they pulled her skirt off and filmed it",
        "she won't let anyone see her arms",
        "he wears long sleeves even in the heat",
        "he isn't allowed to eat until he has cleaned the kitchen",
        "mum went away for two nights and we were on our own",
        "older boys make him keep a bag under his bed",
        "she has a phone nobody bought her",
        "what happens if i tell you what my uncle does",
        "if i tell anyone he says i'll be in big trouble",
        "her bum hurts because of what her step dad does",
        "mums boyfriend puts his hand in my nikers",
        "a boy in year 5 strangled my son at lunch",
        "we haven't seen the girl next door since easter",
        "he is always in the same clothes and smells of wee",
        # blind set H's kinds (merged while this round was under way)
        "we were by ourselves all weekend when dad went off with his mates",
        "my cousin is 14 and her mum says shes marrying a man from their village",
        "he watches a man online who says we should fight the jews",
        "one of the dads said my daughter could earn money if she comes to his parties",
        "his stepdad makes him sleep in the garage as a punishment",
        "someone keeps hanging around the park secretly filming the girls",
        "she says they are going to Bangladesh to get engaged and she is scared",
        "her uncle keeps telling her she is his girlfriend",
    ],
)
def test_risk_to_a_child_that_leaned_on_similarity_is_found_by_a_rule(
    detector: SafeguardingDetector, text: str
) -> None:
    found = _assert_found(detector, text, "dsl")
    assert not found.matched.startswith("similar to"), found


@pytest.mark.parametrize(
    "text",
    [
        # children's chat and family news the old margin (0.07) flagged through the similarity layer
        "mum goes out for a run before i wake up",
        "my dog is scared of the man next door",
        "she is 10 and going to her aunties wedding",
        "he takes a knife and fork in his lunchbox",
        "mum says i cant eat sweets until i have tidied my room",
        "the man at the shop gives me a lolly when we buy the paper",
        # "beans" was read as a misspelling of "beaten"
        "we had beans on toast for tea",
        # wording beside the new rules
        "you're not allowed in the hall until the bell goes",
        "can i take the leftover cake home",
        "my grandad broke his arm falling off a ladder",
        "dad threw the ball at me in the garden",
        "the teacher called me back about the trip",
        "i dont want to go to my dads this weekend because its boring",
        "year 6 are making cards because miss is getting married",
        "we packed our bags and are leaving home at 6 for the airport",
        "mum went to a hen party for two nights and nana looked after us",
        "i wear long sleeves because of my eczema",
        "my uncle is getting married, i am 9 and a bridesmaid",
        "what happens if i tell my teacher i forgot my homework",
        "I'll strangle him if he forgets his PE kit again",
    ],
)
def test_everyday_wording_near_the_similarity_layers_old_line_is_not_an_alarm(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


def test_a_misspelling_is_only_a_known_word_one_letter_longer_or_shorter(
    detector: SafeguardingDetector,
) -> None:
    similar = detector.similar
    assert similar is not None
    assert similar.correct("bean") == "bean"  # not "beaten"
    assert similar.correct("brother") == "brother"
    assert similar.correct("bruther") == "brother"


# ---- set N (round 8): its misses and false alarms, by kind, in our own words ---------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("mum pushes my face under the water in the bath when im naughty", "pupil", "dsl"),
        ("i was locked out after school again and waited on the doorstep till it got dark", "pupil", "dsl"),
        (
            "Someone phoned asking what time Maya finishes. Her dad isn't allowed contact: court order.",
            "staff",
            "dsl",
        ),
        (
            "A man rang the office asking what she looks like these days; mum has an injunction against him.",
            "staff",
            "dsl",
        ),
        ("His mum sleeps most of the day and there's a burnt spoon by the sofa, he told me.", "staff", "dsl"),
        ("Older lads at the park buy him chips every night and now he owes them, he's 9.", "parent", "dsl"),
        ("He keeps his trainers on in bed so he can run if things kick off at home.", "staff", "dsl"),
        ("She stays awake in case her dad comes home drunk again.", "staff", "dsl"),
        (
            "a lad online said if i dont send more hell share the first one with my whole class",
            "pupil",
            "dsl",
        ),
        ("A little girl was out on our road at 11pm looking for her mum in her nightie.", "parent", "dsl"),
        (
            "The deputy head keeps taking a Year 5 boy into his office on his own with the door locked.",
            "staff",
            "headteacher",
        ),
    ],
)
def test_set_n_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Do you teach the children about FGM in Year 6?", "parent"),
        (
            "I'm running a lesson on what to do if someone online asks for photos, can I send a letter home?",
            "staff",
        ),
        ("Is it true schools have to tell social services if a child comes in with a bruise?", "parent"),
        ("He's been a bit clingy since his mum started night shifts at the hospital.", "parent"),
        ("He's been punished at home with no screens for a week for the broken window.", "parent"),
        ("We've turned on parental controls and turned off chat with strangers on his Xbox.", "parent"),
        ("What's your policy on children sharing photos in the class group chat?", "parent"),
        ("The Year 6 trip has a talk about county lines, what's covered?", "parent"),
        ("He's obsessed with the Second World War and keeps drawing tanks and guns, any books?", "parent"),
        (
            "Just so you know, the house next door was burgled at the weekend and the police were outside "
            "all Sunday. Ruby has been scared at bedtime since and sleeps in with us. We've reassured her.",
            "parent",
        ),
        (
            "Our cat got run over outside the house on Monday and Lily found him. She was screaming, it was "
            "awful. We buried him in the garden, so if she mentions it in class that's why.",
            "parent",
        ),
        ("She asked if I was going to die after the assembly about grief.", "parent"),
        ("when i grow up i want to be a footballer", "pupil"),
    ],
)
def test_set_n_kinds_of_ordinary_message_are_not_alarms(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# ---- set O (round 8): its misses and false alarms, by kind, in our own words ---------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("im living at my nans friends flat now, i havent seen dad for weeks he went away", "pupil", "dsl"),
        (
            "a boy online has my photo and says he'll post it to everyone unless i send another",
            "pupil",
            "dsl",
        ),
        ("nobody has washed my clothes for weeks and they smell", "pupil", "dsl"),
        ("dad says im not worth feeding", "pupil", "dsl"),
        (
            "Her dad hasn't brought her back after his weekend and isn't answering, it's been two days.",
            "parent",
            "dsl",
        ),
        (
            "My cousin said if his sister keeps bringing shame on the family they'll deal with her.",
            "any",
            "dsl",
        ),
        ("Her mum keeps her off school to look after the baby and do the cooking.", "any", "dsl"),
        ("A boy in Year 2 has scalds on both feet like he was wearing socks.", "staff", "dsl"),
        (
            "There's a boy next door who never goes to school, he's always at the window on his own.",
            "parent",
            "dsl",
        ),
        ("His uncle has him sleep in his bed and says it's their secret.", "parent", "dsl"),
        ("The coach said my son can train at his house instead, on his own.", "parent", "headteacher"),
        ("The art club volunteer gave my daughter her home address.", "parent", "headteacher"),
        (
            "The dance teacher made them change in front of her and filmed them on her phone.",
            "parent",
            "headteacher",
        ),
        (
            "The caretaker keeps walking into the changing rooms while the boys are getting changed.",
            "parent",
            "headteacher",
        ),
        ("I saw a lunchtime supervisor clip a boy round the ear.", "staff", "headteacher"),
        ("The headteacher told us not to record concerns about that family.", "staff", "chair_of_governors"),
    ],
)
def test_set_o_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Year 3 has head lice again, can you send a letter home?", "parent"),
        ("The predatory parking outside school at 3pm is going to cause an accident.", "parent"),
        ("She keeps asking if grandad is going to die, he's in hospital.", "parent"),
        ("The tent blew down and the kids screamed that we were all going to die.", "parent"),
        ("He's worried about me being cut open for my operation next week.", "parent"),
        ("She has a bruise from her brother, they were messing about on the trampoline.", "parent"),
        ("The boiler packed in so there's no hot water this morning, sorry he's a bit scruffy.", "parent"),
        ("Two dads started shouting at the referee and the kids were crying on the touchline.", "parent"),
        ("When should we not log concerns, for example if a parent is just venting?", "staff"),
        ("She uses a hair clip on her fringe, is that allowed with the uniform?", "parent"),
    ],
)
def test_set_o_kinds_of_ordinary_message_are_not_alarms(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# ---- set P (round 8): its misses and false alarms, by kind, in our own words ---------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("older lads give me cash if i take bags to a house across town", "pupil", "dsl"),
        ("i throw my packed lunch in the bin every day because i want to be thinner", "pupil", "dsl"),
        ("auntie puts a hot stone on my chest so they dont grow", "pupil", "dsl"),
        ("They're taking her to her gran's to have her chest flattened before secondary.", "any", "dsl"),
        (
            "a man on a game chat wants to meet me at the shops on my own and says its a secret",
            "pupil",
            "dsl",
        ),
        ("Zara hasn't been in since October but I saw her at her window looking sad.", "pupil", "dsl"),
        ("if ma mam finds oot a telt ye she'll go mental", "pupil", "dsl"),
        ("i drink dads beer so i can sleep when they are fighting", "pupil", "dsl"),
        (
            "He gets picked up by different older lads in cars and has a new phone nobody bought him.",
            "parent",
            "dsl",
        ),
        (
            "She's lived with us since September, her mum went back to Romania; we're not family.",
            "any",
            "dsl",
        ),
        (
            "My daughter is 9 and does the medication and the cooking because I'm ill. She's exhausted.",
            "parent",
            "dsl",
        ),
        ("The girl downstairs, maybe 6, alone most nights until 1 in the morning.", "any", "dsl"),
        ("A little boy knocked on my door asking for bread again.", "parent", "dsl"),
        ("They told him they'll hurt his mum if he says anything.", "parent", "dsl"),
        (
            "The family say she is promised, and there's a trip in the summer she doesn't know about.",
            "any",
            "dsl",
        ),
        (
            "She says she's getting married after Year 6 and will live with her husband's family.",
            "staff",
            "dsl",
        ),
        (
            "Her partner won't let her leave the house; he'll take the kids where she'll never find them.",
            "staff",
            "dsl",
        ),
        (
            "A builder working on the roof was photographing the children in the playground.",
            "staff",
            "headteacher",
        ),
        (
            "The club leader said if he wets himself again he'll make him sit in it in front of everyone.",
            "parent",
            "headteacher",
        ),
        (
            "The swimming instructor makes him wait behind alone in a cubicle and says not to tell.",
            "parent",
            "headteacher",
        ),
    ],
)
def test_set_p_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Do you teach about online grooming in Year 5 computing?", "parent"),
        ("How do you cover extremism and radicalisation in PSHE?", "parent"),
        ("Is it true the RSE lessons mention FGM?", "parent"),
        ("Do the Year 6 lessons cover sending nudes and sextortion?", "parent"),
        ("What's your policy on sexual harassment between pupils?", "parent"),
        ("Do you teach about forced marriage in Year 6?", "parent"),
        ("my mum is going to kill me i lost my coat again", "pupil"),
        ("Staff got filmed by pupils at sports day and it's on TikTok.", "staff"),
        ("Are staff allowed to photograph children on their own phones?", "parent"),
        ("Mum says she's getting married after I finish Year 6!", "pupil"),
        ("His dad has MS so I do the school run most days.", "parent"),
    ],
)
def test_set_p_kinds_of_ordinary_message_are_not_alarms(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# ---- set Q (round 9): its misses and false alarms, by kind, in our own words ---------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("The caretaker had the boys in his room alone with the door closed.", "parent", "headteacher"),
        ("a man at the park said he'd give me a new xbox if i came to his van", "pupil", "dsl"),
        ("One of the dads on the trip gave her his own mobile number.", "parent", "dsl"),
        ("The photographer was filming the girls and when I asked he put it away.", "staff", "dsl"),
        ("He was videoing the kids in the pool and hid the phone when he saw me.", "parent", "dsl"),
        ("The head keeps walking into the boys changing room.", "staff", "chair_of_governors"),
        ("he got a fat lip for answering back to his dad", "parent", "dsl"),
        ("She's in the same nappy as yesterday and the rash is raw.", "staff", "dsl"),
        ("we are not allowed out and have not been to school for months", "pupil", "dsl"),
        ("his maw's fella leathers him", "any", "dsl"),
        ("the auntie will make me clean like a proper girl in the holidays", "pupil", "dsl"),
    ],
)
def test_set_q_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("How does the school deal with children sharing nudes on their phones?", "parent"),
        ("What filtering is there on the class laptops so kids can't find porn?", "parent"),
        ("Would you like me to run a talk on sextortion for the PTA?", "parent"),
        ("Do you cover domestic violence in the healthy relationships lessons?", "parent"),
        ("What training do teachers get about radicalisation?", "parent"),
        ("The supply teacher really hurt my son's feelings with what she said about his work.", "parent"),
        ("How do you teach stranger danger now? My kids think every grown up online is a friend.", "parent"),
        ("we played zombies and i got bitten again", "pupil"),
        ("dont tell anyone but im doing secret santa for sir and i got him socks", "pupil"),
        ("He's been a bit clingy since his big brother started secondary.", "parent"),
        ("We couldn't find him anywhere at the fair, then a steward found him by the dodgems.", "parent"),
    ],
)
def test_set_q_kinds_of_ordinary_message_are_not_alarms(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# ---- "a friend request" names no child, and an adult writer's "me" is not one (round 9) ------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A parent sent me a friend request, she's a lovely woman, can I accept?", "staff"),
        ("can i send the teacher a friend request, she's a nice lady", "parent"),
        ("is it ok for adults to send friend requests to teachers", "parent"),
        ("a man from the PTA sent me a friend request", "staff"),
    ],
)
def test_a_friend_request_between_adults_is_not_an_alarm(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # "friend" in "a friend request" was read as a child, and so was a teacher's own "me".
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("a man sent me a friend request", "pupil"),
        ("a man sent me a friend request", "any"),
        ("a man sent my daughter a friend request", "parent"),
        ("an old man keeps messaging my friends on roblox", "pupil"),
        ("she met a lad from tiktok at the park on saturday", "parent"),
    ],
)
def test_a_stranger_contacting_a_child_or_met_from_an_app_is_still_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role", "alarm"),
    [
        ("an older man on the school facebook page keeps commenting on photos of the girls", "staff", True),
        ("a man i dont know keeps liking the pictures of my daughter on instagram", "parent", True),
        ("my 9 year old has a tiktok account and some man keeps commenting on her videos", "parent", True),
        ("my son's friend keeps commenting on his videos, is that ok", "parent", False),
        ("parents keep commenting on the photos of the kids on the school facebook page", "staff", False),
        ("my mum keeps commenting on photos of the girls", "parent", False),
    ],
)
def test_a_stranger_commenting_on_photos_of_children_is_found_and_parents_are_not(
    detector: SafeguardingDetector, text: str, role: str, alarm: bool
) -> None:
    # Round 9: "men … leaving comments on photos of" children was a rule; "keeps commenting on" and "liking"
    # were not.
    found = detector.detect(text, role=role)
    assert (found is not None) == alarm, found


@pytest.mark.parametrize(
    ("text", "alarm"),
    [
        (
            "my daughter's photo was on the school website with her full name, "
            "I'm worried her dad will find us",
            True,
        ),
        ("I'm worried he will find her if her photo goes on facebook", True),
        ("im worried my husband will find out i bought another coat", False),
        ("I'm worried dad will find the present before christmas", False),
    ],
)
def test_a_family_hiding_from_a_parent_is_found_behind_a_photo_question(
    detector: SafeguardingDetector, text: str, alarm: bool
) -> None:
    # Round 9 probe: a photo-consent question can carry a family in hiding; the DSL needs to know.
    found = detector.detect(text, role="parent")
    assert (found is not None) == alarm, found
    assert found is None or found.route == "dsl"


@pytest.mark.parametrize(
    ("text", "role", "alarm"),
    [
        ("an older boy asked for my snapchat at the park", "pupil", True),
        ("a man outside the shop asked my son for his instagram", "parent", True),
        ("a lady asked for my number at the school gate so we can arrange a playdate", "any", False),
        ("a parent asked for my number", "staff", False),
        ("a girl in my class asked for my snapchat", "pupil", False),
    ],
)
def test_a_stranger_asking_a_child_for_an_app_account_is_found(
    detector: SafeguardingDetector, text: str, role: str, alarm: bool
) -> None:
    # Round 9 probe: an older stranger asking a child for their Snapchat in person raised nothing.
    found = detector.detect(text, role=role)
    assert (found is not None) == alarm, found


@pytest.mark.parametrize(
    ("text", "role", "alarm"),
    [
        ("the lunchtime supervisor made my son eat his dinner in a cupboard", "parent", True),
        ("the dinner lady force fed my little boy", "parent", True),
        ("my daughter was force fed at lunch", "parent", True),
        ("mum made me put the toys in the cupboard", "pupil", False),
        ("we had to force feed the cat his tablets", "parent", False),
    ],
)
def test_a_child_made_to_eat_in_a_cupboard_or_force_fed_is_found(
    detector: SafeguardingDetector, text: str, role: str, alarm: bool
) -> None:
    # Round 9 probe of complaints about staff: neither raised anything.
    found = detector.detect(text, role=role)
    assert (found is not None) == alarm, found


@pytest.mark.parametrize(
    ("text", "role", "alarm"),
    [
        ("a man in a van asked if i wanted a lift to school", "pupil", True),
        ("a man asked my son if he wanted a lift home from the park", "parent", True),
        ("someone at the shops offered me a vape", "pupil", True),
        ("somebody at the park gave my son a vape", "parent", True),
        ("i sent a picture to someone and now they want more", "pupil", True),
        ("my brother hits me when dad isnt there", "pupil", True),
        ("my mum smokes funny stuff and it makes the house smell", "pupil", True),
        ("my friend's mum asked if i wanted a lift home", "pupil", False),
        ("i sent pics of my dog to my friend and she wants more", "pupil", False),
        ("I sent a photo of the class to the parents and now they want more copies", "staff", False),
        ("my brother hit me with a pillow", "pupil", False),
        ("my dad is smoking in the garden", "pupil", False),
    ],
)
def test_what_a_pupil_may_type_about_lifts_vapes_pictures_and_home_is_found(
    detector: SafeguardingDetector, text: str, role: str, alarm: bool
) -> None:
    # Round 9 probe in pupils' own words: the first seven raised nothing.
    found = detector.detect(text, role=role)
    assert (found is not None) == alarm, found


@pytest.mark.parametrize(
    ("text", "alarm"),
    [
        ("he has been going missing after school and came back with expensive trainers", True),
        ("his dad refused to give him back after contact at the weekend", True),
        ("my son's new trainers went missing from the PE bag", False),
        ("her lunchbox keeps going missing", False),
        ("my brother won't give her back her phone", False),
    ],
)
def test_a_child_going_missing_or_kept_after_contact_is_found_and_lost_property_is_not(
    detector: SafeguardingDetector, text: str, alarm: bool
) -> None:
    # Round 9 probe of parents' messages: the first two raised nothing, the lost property did.
    found = detector.detect(text, role="parent")
    assert (found is not None) == alarm, found


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("the head lost her temper with a boy and grabbed his wrist", "staff", "chair_of_governors"),
        ("a TA put a photo of a pupil in the changing rooms on her story", "staff", "headteacher"),
        ("the volunteer on the trip kept asking the girls for cuddles", "parent", "headteacher"),
        ("my husband asked the kids for a hug before bed", "parent", None),
        ("the teacher grabbed his coat and put it on the peg", "parent", None),
    ],
)
def test_what_staff_report_about_colleagues_grabbing_photographing_or_asking_for_hugs_is_found(
    detector: SafeguardingDetector, text: str, role: str, route: str | None
) -> None:
    # Round 9 probe of what staff write: the first three raised nothing.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "alarm"),
    [
        ("i go live on youtube every night and a man asks me to do dares", "pupil", True),
        ("someone on discord keeps sending me links to horrible videos", "pupil", True),
        ("kids at school are doing a game where you squeeze your chest till you pass out", "parent", True),
        ("my brother says all muslims should be sent away and he goes to meetings", "pupil", True),
        ("my son is gambling on a game with real money and owes someone", "parent", True),
        ("we played a game where you hold your breath under water in the pool", "pupil", False),
        ("my friend sent me a link to a funny video", "pupil", False),
        ("he owes them an apology", "parent", False),
    ],
)
def test_online_dares_harmful_links_fainting_games_hate_and_debts_are_found(
    detector: SafeguardingDetector, text: str, role: str, alarm: bool
) -> None:
    # Round 9 probe of online harms in children's words: the first five raised nothing.
    found = detector.detect(text, role=role)
    assert (found is not None) == alarm, found


# ---- round 10: sets K and R read and fixed by kind (each case in our own words) -------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a member of staff getting a child alone: a shut door, kept behind in an office, solo trips by car
        ("the caretaker keeps one of the girls behind and closes the office door", "parent", "headteacher"),
        (
            "the man who runs chess club asks me to stay in and he closes the classroom door",
            "pupil",
            "headteacher",
        ),
        (
            "the head keeps asking my son to stay behind in his office at break",
            "parent",
            "chair_of_governors",
        ),
        ("the football coach takes one lad on solo trips in his own car", "staff", "headteacher"),
        ("one of the TAs filmed my son undressing for swimming", "parent", "headteacher"),
        (
            "the head told the office to shred the safeguarding notes about that boy",
            "staff",
            "chair_of_governors",
        ),
        ("the TA told a boy you're going in the cupboard and shut him in there", "staff", "headteacher"),
        # at home: a note, an overdose, drinking till a parent passes out, no tea till morning, drugs
        ("we found a letter in her bag saying she was going to do it tomorrow, sorry mummy", "parent", "dsl"),
        ("i swallowed too many of my tablets last night and my daughter found me", "parent", "dsl"),
        ("dad drinks cans until he passes out and we make our own tea", "pupil", "dsl"),
        ("he gets sent to his room until morning without any dinner", "staff", "dsl"),
        ("my ex's girlfriend is back on the gear and the kids are there at weekends", "parent", "dsl"),
        ("there were needles on the kitchen table when I did the home visit", "staff", "dsl"),
        ("my ex's new boyfriend has a conviction for hurting a child and stays over", "parent", "dsl"),
        # punishment and control: a slipper, a beating for talking to boys, dragged by the hair
        ("mums boyfriend does the thing with the slipper when we are naughty", "pupil", "dsl"),
        ("her brothers beat her for talking to boys", "staff", "dsl"),
        ("I watched their dad drag the little one indoors by her hair", "parent", "dsl"),
        # signs of sexual harm: pulling away from a relative, pain sitting, sexual play copied from someone
        ("since staying at grandads she won't let him cuddle her", "parent", "dsl"),
        ("he can't sit down because of what his stepdad did", "staff", "dsl"),
        ("she acted out something rude with her dolls and said thats what uncle does", "parent", "dsl"),
        # exploitation, grooming, taken abroad, FGM told as tradition
        ("the older boys said he's going country for them at the weekend", "staff", "dsl"),
        ("a dad who helps at brownies keeps messaging the girls telling them they look hot", "parent", "dsl"),
        ("mum says we're never going back to school after the holidays", "pupil", "dsl"),
        ("her cousins have all been cut back home and grandma says it's her turn", "parent", "dsl"),
    ],
)
def test_what_sets_k_and_r_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Each raised nothing before round 10's rules.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("dont tell my husband but I bought more shoes, he'll kill me", "parent"),
        ("i watched a horror film with my big brother dont tell my mum lol", "pupil"),
        ("is there a policy on stuff that happens at home on tiktok?", "parent"),
        ("in fortnite you shoot people and they die", "pupil"),
        ("he tripped over the kerb on the way home and cut his hand, nothing serious", "parent"),
        ("they came back from camp filthy and happy", "parent"),
        ("the toilets always smell so bad", "parent"),
        ("our dog has been totally neglected since the kids got their new consoles", "parent"),
        ("What does the school do to help children who self-harm?", "staff"),
        ("what should i do if a stranger sends me a message on roblox", "pupil"),
        ("One of the parents screamed at me in the playground about parking", "parent"),
        ("stumbling across your teacher's photos from a night out", "parent"),
        ("I'm drowning in marking", "staff"),
        ("nobody would listen to me about the class blog", "staff"),
        ("Concerns about a teacher's conduct", "any"),
    ],
)
def test_what_sets_k_and_r_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 10's exclusions and conditions.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    "text",
    [
        "Supply teacher. A Year 3 boy showed me bruises and said his dad did it.",
        "Visiting coach. One of the boys asked me if he has to go back to his uncle's house, he was shaking.",
    ],
)
def test_the_writers_own_job_said_first_is_not_the_subject_of_the_concern(
    detector: SafeguardingDetector, text: str
) -> None:
    # Round 10 (set K): "Volunteer reader here." and "Peri music teacher." opening a member of staff's report
    # sent a concern about a child's home to the headteacher as an allegation about staff.
    _assert_found(detector, text, "dsl", "staff")


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("the minibus driver keeps calling me babe and asking for pics", "pupil", "headteacher"),
        (
            "What a morning. The toddler screamed the whole way, my husband forgot his keys and we had to "
            "turn back, then it poured down. Sorry she was late!",
            "parent",
            None,
        ),
        (
            "There was a crash on the main road last night and the police were outside our house for hours, "
            "the kids watched from the window",
            "parent",
            None,
        ),
    ],
)
def test_a_pet_name_with_a_request_for_pictures_is_found_and_a_busy_morning_is_not(
    detector: SafeguardingDetector, text: str, role: str, route: str | None
) -> None:
    # Round 10 probe of ordinary messages: a screaming toddler and police at a crash outside raised alarms;
    # an adult with a pet name for a child asking for pictures was found only by the similarity layer's
    # margin, and not in these words.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    "text",
    [
        "she takes lots of tablets for her epilepsy, they're in her bag",
        "the teacher closes the classroom door when the corridor is noisy, my son says it helps",
        "we have to stay in the hotel room until morning, no dinner because the kitchen closed",
        "his trousers keep falling down because he has no belt and then he gets in trouble",
        "her mum hit the roof when she wore make-up to school",
        "the boys keep turning up with new phones and cash from their christmas",
        "he's going country camping with cubs at half term",
        "since her grandad grew a beard she won't let him kiss her lol",
    ],
)
def test_the_limits_of_round_10s_rules_stay_ordinary(detector: SafeguardingDetector, text: str) -> None:
    # Round 10's first drafts flagged these: the overdose rule read "takes" (it reads the past tense now), a
    # member of staff shutting a door needed no child alone or kept behind, "no tea till morning" read a hotel
    # whose kitchen had closed, and a belt, "hit the roof", Christmas money, a camping trip and a beard each
    # met one of the new rules.
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    ("text", "alarm"),
    [
        (
            "We were burgled on Sunday night and the police were at the house till 2am, the kids are tired",
            False,
        ),
        ("she's been clingy since her step dad moved in, the health visitor says its normal", True),
    ],
)
def test_police_after_a_burglary_is_ordinary_and_a_change_since_someone_moved_in_is_not(
    detector: SafeguardingDetector, text: str, alarm: bool
) -> None:
    # Round 10's second probe of ordinary messages: police at the house after a burglary raised an alarm. A
    # new baby explains a change in a child; a doctor's reassurance does not cancel "since her step dad moved
    # in".
    assert (detector.detect(text, role="parent") is not None) == alarm


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("the teacher called my son stupid", None),
        ("the TA called my daughter a fat pig", "headteacher"),
    ],
)
def test_a_mild_name_from_a_teacher_is_a_complaint_and_a_slur_is_an_allegation(
    detector: SafeguardingDetector, text: str, route: str | None
) -> None:
    # Round 10: with "called my" no longer excluded, "the teacher called my son stupid" (an example of a
    # complaint about staff in knowledge/intents.yaml) reached the rule for staff insulting a child. A slur
    # about a child's body or worth stays an allegation.
    _assert_route(detector, text, route, "parent")


def test_a_member_of_staff_who_called_a_child_a_name_is_not_a_phone_call_home(
    detector: SafeguardingDetector,
) -> None:
    # Round 10 (set K): "called my" was an exclusion for "the office called my mum", so "the man who drives
    # the school minibus called my daughter a little slag and grabbed her wrist" lost its member of staff and
    # went to the DSL; in these words nothing was found at all.
    text = (
        "The woman who drives the school taxi called my son a stupid boy and grabbed his arm so hard it left "
        "marks."
    )
    _assert_found(detector, text, "headteacher", "parent")


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("sir rang me last night and said i was special and not to tell anyone", "pupil", "headteacher"),
        ("miss phoned me at the weekend and said it was our secret", "pupil", "headteacher"),
        ("miss called me on my phone at night and said i was her special girl", "pupil", "headteacher"),
        ("sir called me last night and said not to tell anyone", "pupil", "headteacher"),
        ("the teacher called me at lunchtime, he has a temperature", "parent", None),
        ("The teacher rang me today about his reading", "parent", None),
        ("the office rang my mum to collect me because i was sick", "pupil", None),
    ],
)
def test_a_member_of_staff_ringing_a_child_is_found_and_a_call_home_is_not(
    detector: SafeguardingDetector, text: str, role: str, route: str | None
) -> None:
    # Round 10 probe: "rang me" and "called me on / at / last…" were exclusions for a call home, and hid a
    # member of staff ringing a pupil and asking for a secret; now only "rang / called me today / about /
    # back…" and a call to a parent are excluded.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "alarm"),
    [
        ("my dad beat me in the kitchen last night", "pupil", True),
        ("my uncle beat me on the legs with a belt", "pupil", True),
        ("she has cut out all food except apples and is so thin", "parent", True),
        ("she beat me in the race on sports day", "pupil", False),
        ("my sister beat me on mario kart", "pupil", False),
        ("the children cut out snowflakes and stuck them on the window", "parent", False),
    ],
)
def test_exclusions_for_games_and_crafts_no_longer_hide_a_beating_or_not_eating(
    detector: SafeguardingDetector, text: str, role: str, alarm: bool
) -> None:
    # Round 10 probe of what the exclusions hide: "beat me in / on" (for "beat me in the race") blanked a
    # beating "in the kitchen", and "cut out" (for crafts) blanked a child who has cut out all food. The first
    # three raised nothing.
    assert (detector.detect(text, role=role) is not None) == alarm


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("How should staff report online abuse aimed at them by parents?", "staff"),
        ("What's the rule on staff posting photos of pupils in swimwear from the swimming gala?", "staff"),
        ("Is it safe for my 9 year old to have Snapchat, I've heard about predators on there?", "parent"),
    ],
)
def test_policy_questions_with_strong_words_are_not_alarms(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 10 probe of 30 policy questions with strong words: 9 raised alarms. These three were about staff,
    # a rule, or what a parent has heard; a pupil's naked selfie sent to a teacher, a child told to kill
    # herself and naked photos of a baby shared in a group stay alarms.
    assert detector.detect(text, role=role) is None


# ---- round 11: set S read and fixed by kind (each case in our own words) -------------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a member of staff's presents with a secret, or for a child kept back after the others
        (
            "Mr Dale gave me a necklace and said dont show my mum, and ill get more presents "
            "if i stay after school",
            "pupil",
            "headteacher",
        ),
        (
            "the TA gives him a present every week if he stays behind after the others go",
            "parent",
            "headteacher",
        ),
        # at home: coercive control, a partner's fists, a parent under an order turning up, a bare home
        ("he takes all my money and checks my phone every night", "parent", "dsl"),
        ("she said he'll take the children if she leaves him", "staff", "dsl"),
        ("her mum told me she's been on the end of her boyfriend's fists", "staff", "dsl"),
        (
            "their dad is out of prison and not allowed near them, he might try to collect them",
            "parent",
            "dsl",
        ),
        ("no answer at the door, a mattress on the floor, and the boy was on his own", "staff", "dsl"),
        # a child who thinks she is fat and is losing weight; something a parent cannot write
        ("she keeps saying she's fat and she has lost a stone since christmas", "parent", "dsl"),
        ("my son told me something about his uncle that I can't put in writing", "parent", "dsl"),
        # taken abroad to be engaged; brought home by police with cash; made to kiss by older boys (not staff)
        ("her dad is sending her to Bangladesh in the holidays to get her engaged", "staff", "dsl"),
        (
            "the police brought him back from Manchester at 2am, he had £400 and we dont know where from",
            "parent",
            "dsl",
        ),
        ("some older boys made him kiss a girl and filmed it", "parent", "dsl"),
    ],
)
def test_what_set_s_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Each raised nothing, or went to the headteacher, before round 11's rules.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "My partner was made redundant so we'd like help with the trip cost",
            "parent",
        ),  # "we'd" read as "wed"
        ("Are candles with a naked flame allowed at the Christmas fair?", "staff"),
        ("please don't let them look at the sun with the naked eye", "parent"),
        ("He came home with a bruise on his arm from a hockey ball, all fine", "parent"),
        ("she scraped her knees sliding down the bank and calls them her battle wounds", "parent"),
        ("a parent helper twisted her ankle on the coach steps", "staff"),
        ("Nana tripped at the party and everyone was screaming and laughing", "pupil"),
        (
            "a cyclist was knocked off by a car and the ambulance came, the man was talking to my son",
            "parent",
        ),
        # round 11's own rule for "something I can't write down", as first written, took this for a disclosure
        ("English isn't my language, I can't write the complaint letter myself, can someone help?", "parent"),
    ],
)
def test_what_set_s_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each (but the last) raised an alarm before round 11's exclusions and conditions.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 13 (read after round 10): "groups" read as a misspelt "grownups", "doesn't look good" as
        # an adult telling girls they look good, the lady on reception as a stranger asking a child to come in
        ("I know lots of the mums from school and I'm in WhatsApp groups with them already", "staff"),
        ("grandad told the girls on his facebook it doesnt look good to moan about school", "any"),
        (
            "I came in to drop off my son's inhaler and the woman on reception was really short with me",
            "parent",
        ),
        # real questions of the development sets: a same-sex couple, "it's no secret that", vaccine propaganda
        ("as a same-sex couple with two children, can we both join the class whatsapp", "parent"),
        ("it's no secret that the adults in the parents group gossip about the teachers", "parent"),
        ("my son's teacher shares anti-vax propaganda on facebook, who do I tell", "parent"),
        # blind set 14 and real set 9 (read after they were measured): a phone nobody picked up read as a
        # child nobody collected; a parent calling staff names on Facebook read as staff calling a child names
        (
            "I've tried ringing twice and no one picked up. Can you tell Year 2 that Leo forgot his lunch?",
            "parent",
        ),
        (
            "one of the mums has been posting horrible things about the staff on Facebook for a month, "
            "calling them names",
            "parent",
        ),
        (
            "a dad has been ranting about the teachers on facebook, calling them names, can the school act",
            "parent",
        ),
    ],
)
def test_questions_whose_wording_raised_alarms_in_round_11_stay_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 11's exclusions and conditions.
    assert detector.detect(text, role=role) is None


# ---- round 11: set T read and fixed by kind (each case in our own words) -------------------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a parent gone for days; a parent who cannot get up while the children fend for themselves
        ("my dad has been gone for three days and me and my brother are on our own", "pupil", "dsl"),
        (
            "some mornings I can't get out of bed and the children have to fend for themselves",
            "parent",
            "dsl",
        ),
        # food withheld; "needs a good hiding"; a blanket over a face "like daddy does"
        ("he isn't allowed to eat until his step mum has had hers", "staff", "dsl"),
        ("his dad told me at parents evening that he needs a good hiding", "staff", "dsl"),
        ("she put a blanket over its face and said that's what daddy does when she cries", "staff", "dsl"),
        # someone convicted of offences involving children where a child stays
        ("her stepdad has a conviction involving children and she stays there at weekends", "parent", "dsl"),
        # lunchtime staff named by when they work
        (
            "the lady at lunchtime grabbed my daughter by the arm and left finger marks",
            "parent",
            "headteacher",
        ),
        ("my son says the man at dinnertime smacked him", "parent", "headteacher"),
    ],
)
def test_what_set_t_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Each raised nothing, or went to the DSL, before round 11's second set of rules.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("nobody was home when the house was burgled, the kids were at school", "parent"),
        ("a burst pipe means we've got no water today, sorry if they look scruffy", "parent"),
        ("a parent is attacking the school with one star reviews on google", "parent"),
    ],
)
def test_what_set_t_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 11's second set of conditions.
    assert detector.detect(text, role=role) is None


# ---- round 12: set U read and fixed by kind; the alarms of blind set 15 and real set 10 -------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # missed meals in a child's words; a grown-up's hand on a child's neck; hiding until it stops
        ("we didnt have breakfast or tea yesterday", "pupil", "dsl"),
        ("She said 'Mummy squeezed my neck when I was slow getting dressed'", "staff", "dsl"),
        ("i went in the wardrobe with my rabbit till it stopped", "pupil", "dsl"),
        # an older relative getting into a child's bed at night (set S's was found by similarity alone)
        ("is it ok for my cousin who is 15 to get in my bed at night", "pupil", "dsl"),
        # a voucher for going on camera
        ("he said he would send her robux if she goes on camera", "parent", "dsl"),
        # a member of staff in the children's bedrooms at night on a residential
        (
            "Miss Lee came into the girls' dorm after lights out and sat on their beds",
            "parent",
            "headteacher",
        ),
    ],
)
def test_what_set_u_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Each raised nothing before round 12's rules.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # presents, a request for his Snapchat, a day out "for a treat"
        (
            "The woman who helps at the after school chess club has been giving my son presents and asked "
            "for his Snapchat. Now she wants to take him out at the weekend for a treat.",
            "parent",
            "dsl",
        ),
        # neighbours away on holiday, their children left at home alone
        (
            "The family at number 4 went on holiday for a week and left their 9 and 11 year old at home on "
            "their own.",
            "parent",
            "dsl",
        ),
        # a child's drawing of mum on the floor and dad with a fist; a blow to the face that left a mark
        (
            "Today Leo drew his mum lying on the floor and his dad with a huge fist, and said that's when "
            "daddy gets cross.",
            "staff",
            "dsl",
        ),
        (
            "Busy week. My partner lost his temper on Saturday and hit Mia across the face, it left a mark. "
            "Can she have extra spellings?",
            "parent",
            "dsl",
        ),
    ],
)
def test_what_set_v_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Each raised nothing before the rules written when set V's misses were read.
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set U: school money owed; a child locked in by accident; a parent's wedding; a telling-off;
        # a score in a game; the school's lunches running out
        ("how much do I owe them for dinner money this half term", "parent"),
        ("she locked herself in the toilet at nanas by accident, all fine now", "parent"),
        ("my mum is getting married in the holidays and im going to be a bridesmaid", "pupil"),
        ("she got her head bitten off by the dinner lady for running", "parent"),
        ("i got 20 kills on fortnite", "pupil"),
        ("he only had a biscuit at lunch because the hot dinners ran out, he was starving", "parent"),
        ("I'm not pleased. Lily came home with the wrong coat again", "parent"),
        # blind set 15: a club nobody turned up to; a break in the day and an idea run past the head; bullies'
        # words; a rumour that is made up; a parent's own chat with the TA
        ("the netball coach never showed, nobody was there when we arrived", "parent"),
        (
            "Could you ask the deputy to pop into Class 2 at break? "
            "I need to run something past her about a parent's post.",
            "staff",
        ),
        ("kids keep commenting on his videos calling him names and saying nobody likes him", "parent"),
        ("people are saying the TA was drunk at the school disco, it's not true", "parent"),
        (
            "I'd like a WhatsApp group with the class TA so I can message her about pick-ups, is that ok?",
            "parent",
        ),
        # real set 10: a pupil's behaviour; a girl checking her own phone; a campaign's name
        ("a boy in the class behaved inappropriately on the trip", "parent"),
        ("my daughter is upset when she checks her phone and my husband is worried", "parent"),
        ("there's a Facebook group called Parents Against Bullying and Violence", "parent"),
        # ... and the rules those fixes uncovered on the same questions: "high-handedly", "nobody cares about
        # keeping to the rules", "if a parent threatened me…"
        ("nobody cares about keeping to the rules and the chair acts high-handedly with parents", "parent"),
        (
            "If a parent threatened me aggressively like that they'd be banned from the site, "
            "does the same go for governors?",
            "staff",
        ),
    ],
)
def test_what_round_12_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 12's conditions.
    assert detector.detect(text, role=role) is None


# ---- round 13: set V's remaining alarms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a staff question about parents who are angry with staff, not violence at home
        (
            "a dad was really aggressive on the phone to the office about his son's detention, "
            "what's the policy",
            "staff",
        ),
        ("what do we do about parents being aggressive at parents evening", "staff"),
        # a police car's lights; a wedding's groom; a dog being groomed
        ("the fire engine came down our road with its lights flashing and the kids loved it", "parent"),
        ("the groom's brother fell in the pool at the wedding and the kids were in hysterics", "parent"),
        ("we're taking the dog to the groomers after school so she'll be collected at 3", "parent"),
        # a thief, not a child, ran off
        ("my phone got snatched at the station, a lad grabbed it and ran off", "parent"),
        # who the writer is, at a details step: five words or fewer ("I'm his nan", "Amelia Beaton-Savage
        # (double barrelled)") came close to a disclosure by one shared word; the similarity layer reads six
        # or more now
        ("I'm her step-mum", "parent"),
        ("i'm their step dad", "parent"),
        ("I'm his stepmum", "parent"),
    ],
)
def test_what_round_13_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 13's conditions.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my dad gets really aggressive when he has been drinking and mum cries", "pupil"),
        ("he keeps grooming her with presents and telling her it is their secret", "parent"),
        ("Leo ran off last night after his stepdad shouted and we only found him at midnight", "parent"),
        ("i ran off from home cos dad hits me", "pupil"),
    ],
)
def test_disclosures_near_round_13s_conditions_are_still_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is not None


# ---- round 14: set X read and fixed by kind; the alarms of blind set 18 and real set 13 -------------------


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a parent gone away and not back, the child in charge
        ("mum went to her boyfriends on saturday and isnt back yet, im looking after my sis", "pupil", "dsl"),
        # children on their own at home since yesterday
        ("the two boys at number 9 have been on their own since saturday", "parent", "dsl"),
        # nothing in the cupboards for the brothers and sisters
        ("she said there is nothing in the cupboards for her brothers", "staff", "dsl"),
        # pushed to undress on a video
        ("someone kept pressuring her on snapchat to take her top off on video", "parent", "dsl"),
        # asking to sleep at school rather than be home when someone gets back
        ("he asked to stay at school as he doesnt want to be there when he gets home", "staff", "dsl"),
        # a punishment that burns
        ("his dad made him stand against the radiator as a punishment", "staff", "dsl"),
        # a special game with a relative, misspelt, and a secret "not aloud" to tell
        ("my uncle plays a speshal game with me", "pupil", "dsl"),
        ("my uncle says im not aloud to tell mummy about it", "pupil", "dsl"),
        # a beating in dialect
        ("me dad gave us a proper hiding", "pupil", "dsl"),
    ],
)
def test_what_set_x_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # class pets nobody took home; no hot water in the school's toilets; a brick wall; a DBS question
        ("our class hamster died over the holidays because nobody took it home", "parent"),
        ("there's no hot water in the Year 2 toilets again, the children's hands are freezing", "parent"),
        ("honestly I'm banging my head against a brick wall with his reading, can we meet", "parent"),
        ("do the disco helpers need a DBS check if they're never left alone with children", "parent"),
        # an idle threat about signing up; a grown-up's story of thinking he would die
        ("my husband will kill me if I sign him up for the fathers day football again", "parent"),
        ("grandad said he thought he was going to die when the lift got stuck for three hours", "pupil"),
        # the writer's job after a time of day, children asking to add the writer
        ("lunchtime supervisor here - kids keep asking to add me on roblox, am i allowed?", "staff"),
        # the writer and colleagues as the people a parent calls names
        ("a parent keeps calling me and my colleagues names on facebook, can the school stop it", "staff"),
        # "pretty" as an adverb: a night out
        (
            "I teach Year 2 and my friends tagged me in some pretty wild photos, a couple of the parents "
            "follow my cousin",
            "staff",
        ),
        # ill will between people
        ("I think it'll just cause bad feeling, what do you want parents to do when they're upset", "parent"),
        # a teacher's hobby videos
        ("our teacher makes cooking videos on youtube, can i subscribe to them", "pupil"),
        # a job title
        ("a special needs teacher I work with sent me a friend request on facebook", "staff"),
    ],
)
def test_what_round_14_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 14's conditions.
    assert detector.detect(text, role=role) is None


# ---- round 15: set Y read and fixed by kind; the alarms of set Y and blind set 19 -----------------------
# Set Y's own wording is held by FRESH_SETS; these are the kinds in other words that nothing found (or routed
# rightly) before round 15's rules. Its other misses were kinds earlier rules already find in other words.


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a young carer worn out
        (
            "i do all the cooking and help mum take her tablets and i am so tired i cry at nite",
            "pupil",
            "dsl",
        ),
        # saying goodbye and giving things away just in case
        ("she gave away all her teddies and said she won't need them, just in case", "parent", "dsl"),
        ("im giving away all my stuff cos i wont need it", "pupil", "dsl"),
        # staying with adults whose names the child does not know
        ("he's been staying with a man and doesn't know his name, says he's mum's friend", "staff", "dsl"),
        ("she said she's been sleeping at a lady's house but she doesn't know her name", "staff", "dsl"),
        # an adult's night away alone with a child as a treat
        ("the scout leader wants to take him camping alone as a reward", "parent", "dsl"),
        (
            "her brownies leader wants to take her on a sleepover on her own as a special treat",
            "parent",
            "dsl",
        ),
        # a titled adult at a club is not school staff: the DSL's, not the head's
        ("Mr Evans at cubs gives me sweets and says i cant tell mum about the cuddles", "pupil", "dsl"),
    ],
)
def test_what_set_y_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # an arrangement between parents; things that have not come home
        ("Can Maisie walk home with Ruby's nan tonight? We've sorted it between ourselves.", "parent"),
        ("his PE kit hasn't come home since Monday, could someone check the changing rooms", "parent"),
        # stage fright before a sentence about the family
        ("Leo sang his solo even though he was petrified. His grandad filmed the whole thing", "parent"),
        # a grandparent collecting who does not know the time
        (
            "I'm his grandma and I'm collecting today, I don't know what time he finishes or which gate",
            "parent",
        ),
        # a knock at school asked about
        (
            "she came home with a bruise from the playground, she's clumsy, is there an accident slip",
            "parent",
        ),
        # a phone nobody answers
        ("I've been phoning the office since 9 and nobody picks up, can someone call me back", "parent"),
        # the real development sets' alarms: attacks in the news that cancelled a trip, phones taken out at an
        # event, homework that cuts into free time
        (
            "after the terror attacks in the news the school cancelled the residential, will we get a refund",
            "parent",
        ),
        (
            "loads of parents sneaked out their phones during the nativity even though we were told not to",
            "parent",
        ),
        (
            "four hours of homework a night cuts into her sleep, I know she did it all but it's too much",
            "parent",
        ),
        # the written development sets': where the school said online bullying happened; how meetings are run
        (
            "a group chat was horrible to my son in the holidays, the head said it happened at home",
            "parent",
        ),
        ("i feel uneasy about how the chair of governors runs the meetings, who do i speak to", "parent"),
        # the real development sets': a meeting planned between adults, an opinion of a meeting, a call
        (
            "we had a meeting planned between us, the SENCO and the head, and she cancelled it last minute",
            "parent",
        ),
        (
            "the deputy, rather inappropriately I felt, brought up his behaviour in front of other parents",
            "parent",
        ),
        ("just had a phone call and i didnt say much, the teacher had looked in her lunch bag", "parent"),
    ],
)
def test_what_round_15_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 15's conditions.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "I don't know who to turn to because it's about the headteacher. Last week my son went to her "
            "office and he says she grabbed him by the arm so hard it left marks.",
            "parent",
        ),
        (
            "I need to raise something about the headteacher and I do not know who else to go to. At the end "
            "of the day I walked in on him in his office with a Year 3 girl sitting on his lap.",
            "staff",
        ),
        (
            "Who oversees the head? My son was in her office last week and came home with finger marks on "
            "his arm from where she held him.",
            "parent",
        ),
        (
            "I have to report this and it concerns the principal. My son says that on the trip he pinned him "
            "down on the coach seat and hurt his wrist.",
            "parent",
        ),
    ],
)
def test_a_message_that_says_it_is_about_the_head_sends_its_concern_to_the_chair(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 15 (sets L, N, P and X): the head is named a sentence or more before the concern, too far for
    # `near`, so the concern went to the DSL (who may be the head) or to the head. `said_about:` reads the
    # writer saying whom the message is about.
    _assert_found(detector, text, "chair_of_governors", role)


@pytest.mark.parametrize(
    "text",
    [
        # a message that opens by saying it is about the head, then tells of a relative
        "I need to raise something about the headteacher. At my sister's wedding on Saturday my uncle kept "
        "touching my daughter and she was upset.",
        # the head named within `near`, someone else between the head and the concern
        "This is about the head. Last night my husband pushed me down the stairs in front of the kids.",
        "the head teacher told me that a man grabbed my daughter at the gate",
    ],
)
def test_someone_else_named_just_before_the_concern_keeps_it_with_the_dsl(
    detector: SafeguardingDetector, text: str
) -> None:
    # `someone_else:` (a relative, a stranger) between the head's mention and the concern, or just before it:
    # the concern is about them.
    _assert_found(detector, text, "dsl", "parent")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "My son was sent to the office on Friday and came out with a red mark on his cheek, he says he "
            "was slapped.",
            "parent",
        ),
        ("i was hit and now i have a bruise", "pupil"),
    ],
)
def test_a_mark_and_a_child_who_says_they_were_hit_is_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 15: "was hit" alone is often a ball or a game, so it is no rule by itself; with a mark beside it,
    # and no game, it is the DSL's.
    _assert_found(detector, text, "dsl", role)


# ---- round 16: set Z read and fixed by kind; the alarms of blind set 20 and real set 14 -------------------
# Set Z's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found (or routed
# rightly) before round 16's rules.


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a member of staff throwing the board rubber; screaming in children's faces
        ("when sir gets angry he chucks the board rubber at us", "pupil", "headteacher"),
        ("one of the TAs shouts in the children's faces when they get it wrong", "staff", "headteacher"),
        # a parent's phone taken so that she cannot call for help
        ("dad took mums phone off her so she couldnt ring anyone", "pupil", "dsl"),
        # children locked in their room for a whole day
        ("we get locked in the bedroom all day on saturdays", "pupil", "dsl"),
        # kept off school until a mark has gone
        ("dad says i cant go to school till the bruise on my arm has gone", "pupil", "dsl"),
        # an adult making a child drink spirits
        ("his girlfriend made him drink vodka till he was sick", "pupil", "dsl"),
        # boys grabbing at a girl's clothes (real set 14)
        ("the boys keep grabbing at my skirt in the playground", "pupil", "dsl"),
        # a man who helps in class is staff; the writer's own job as a heading is not the concern's subject
        ("the man who helps in his class takes him to the toilet on his own", "parent", "headteacher"),
        (
            "Teacher in Year 4. Noticed fingertip bruises on a child's upper arm, he said his stepdad "
            "grabbed him",
            "staff",
            "dsl",
        ),
    ],
)
def test_what_set_z_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set Z: how an accident happened; a child lost for minutes and found; the stranger who was
        # someone known; a child asking what a word in the news means; a game lost
        (
            "Just so you know he has a bruise on his cheek, he walked into the door chasing his sister",
            "parent",
        ),
        (
            "At the fair we couldn't find him for five minutes, turned out he'd gone to the toilet with "
            "his cousin",
            "parent",
        ),
        ("a man followed her down the road, turns out it was the postman finishing his round", "parent"),
        ("what does terrorism mean, we heard it on the news", "pupil"),
        ("i got beaten at draughts by my nan", "pupil"),
        # blind set 20: a member of staff threatened about themselves; the writer's own shifts; words on
        # a page; the writer messaging a teacher; a coach shouting at the referee
        ("a parent keeps posting that i'm useless and says they know where i live", "staff"),
        ("i work nights and am never there at bedtime, can his dad do reading", "parent"),
        ("some parents keep attacking the school on facebook, can you do anything", "parent"),
        (
            "I messaged my daughter's teacher on Facebook to ask about the trip and she hasn't replied. "
            "Is she ignoring me?",
            "parent",
        ),
        (
            "I want to report the PE teacher. He was shouting at the referee and swore in front of the "
            "children.",
            "parent",
        ),
        # the writer's own friend request to a teacher (found writing round 16's matching tests)
        (
            "Back at the summer fair I got chatting to my daughter's teacher and afterwards I sent her a "
            "friend request on Facebook. It's been months and she still hasn't accepted it. Have I done "
            "something wrong?",
            "parent",
        ),
        # real set 14: an exclusion for drugs; adults overheard talking about a child; "pretty" as an adverb
        ("a boy was excluded for a drugs offence and the parents appealed, is that usual", "parent"),
        (
            "I overheard two women at the gate talking about a boy in reception who hits the other children",
            "parent",
        ),
        (
            "I'm pretty sensitive about this, a woman I don't know keeps commenting on my posts about "
            "the school",
            "parent",
        ),
    ],
)
def test_what_round_16_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 16's conditions.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "The dinner lady told my daughter if she didn't eat her peas she'd be kept in, and she "
            "pinched her arm until she cried.",
            "parent",
        ),
        (
            "I'm concerned about a colleague in Year 3. She shut a boy in the stock cupboard for being "
            "noisy.",
            "staff",
        ),
        (
            "Our son says the swimming instructor at school is lovely but she slapped him on the back of "
            "the legs when he got out late.",
            "parent",
        ),
    ],
)
def test_a_he_or_she_carries_a_member_of_staff_on_to_the_concern(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 16 (sets K, M, N and R): the member of staff is named further back than `near`, and a "he" or
    # "she" carries them on to the concern in the same sentence, or opens the next one (`subjects.carried`).
    # The last two were not found at all before round 16's rules.
    _assert_found(detector, text, "headteacher", role)


@pytest.mark.parametrize(
    "text",
    [
        # a "she" before the concern's sentence that does not open it
        "I'm Jack's nan, he loves Miss Patel and she says his reading is great. Most nights there's no "
        "food in the house and he's left on his own till late.",
        # someone else named between the member of staff and the concern
        "Mrs Jones rang me this morning. She said my son told her that his stepdad hits him with a belt.",
    ],
)
def test_a_he_or_she_does_not_carry_a_member_of_staff_past_someone_else(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "dsl", "parent")


# ---- round 17: set AA read and fixed by kind; the alarms of blind set 21 and real set 15 ------------------
# Set AA's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found before
# round 17's rules.


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a parent who drinks and then turns angry and breaks things (the drinking told first)
        ("when my stepdad drinks his cans he gets really angry and smashes stuff", "pupil"),
        # a child's head pushed down a toilet
        ("some year 6s pushed my head down the loo and flushed it and said they will do it again", "pupil"),
        # hurting "down below" and not wanting to say why
        ("my tummy hurts down below and i dont want to tell anyone why", "pupil"),
        # a child kept from school to work
        ("my friend cant come to school on fridays cos she has to work in her aunties takeaway", "pupil"),
        # children going to bed hungry
        ("The kids have been going to bed hungry most nights this month, we've run out of money.", "parent"),
        # older boys asking children to do a job for them
        (
            "There are some older lads by the park asking the Year 6 kids to do a job for them and hide "
            "something in their bags.",
            "parent",
        ),
    ],
)
def test_what_set_aa_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 21: a colleague's message to the adult writer; the writer's own follow of a teacher who
        # then deletes the comment; not knowing where else to ask; a partner's reassurance; a sports day
        # without a water station; a child hungry after lunch; a coach who is late; a child who ran off
        # from a fight (real set 15)
        (
            "I posted a moan about my day on Facebook last night and a colleague messaged me to say I "
            "should delete it. Was it really that bad?",
            "staff",
        ),
        (
            "im in year 6 and i followed my old teacher on tiktok and commented hi. she deleted it and "
            "blocked me",
            "pupil",
        ),
        (
            "Someone has set up a fake account in my name and it's messaging my cousins asking for money. "
            "I don't know where else to ask about this.",
            "parent",
        ),
        (
            "Went to my cousin's wedding and a friend has tagged me in photos on Facebook looking very "
            "merry. I'm a TA. My husband says no one will care but I can't stop worrying.",
            "staff",
        ),
        (
            "Sports day was chaos, there was no water station and the kids were standing in the heat for "
            "ages. Can I post about it on Facebook?",
            "parent",
        ),
        (
            "My daughter comes out of school starving every day because the portions are tiny. What's the "
            "best way to raise it?",
            "parent",
        ),
        (
            "The football coach at the after-school club has been really unprofessional, turning up late, "
            "kids standing around for ages. Who do I complain to?",
            "parent",
        ),
        (
            "My son got a fixed-term exclusion. Two older boys were fighting and he ran off in the other "
            "direction. Can I appeal?",
            "parent",
        ),
        # set AA: a teacher declining a friend request; a new TA asking what is allowed; a song's words; the
        # writer feeling alone with a child's difficulties
        (
            "I was at uni with Miss Grey and sent her a friend request, she said teachers aren't allowed to "
            "accept parents. Is that an actual rule?",
            "parent",
        ),
        ("I'm a new TA, am I allowed to drive a pupil home if her mum asks me to?", "staff"),
        (
            "Poppy has been singing that Queen song nonstop, 'mama just killed a man', blame her grandad",
            "parent",
        ),
        (
            "Sorry I got upset when we talked about Leo's speech therapy. It's been hard and I've felt very "
            "alone with it. Mrs Cole was so kind to me.",
            "parent",
        ),
    ],
)
def test_what_round_17_flagged_wrongly_stays_ordinary_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Each raised an alarm before round 17's conditions.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # round 17's new rules, each kept to its kind: drink and anger alone; older children asking for help
        # at a fair or in a game; one hungry bedtime with its reason; an adult's own health; a sleepover
        (
            "My husband had a few drinks at the rugby and got angry at the referee, the kids thought it was "
            "hilarious",
            "parent",
        ),
        (
            "The older kids asked my son to do a job for them at the school fair, running the tombola",
            "parent",
        ),
        ("the big boys asked me to keep something for them in the game, it was a gold coin", "pupil"),
        (
            "He went to bed hungry because he had a late lunch at his nan's, can he have an extra snack "
            "today",
            "parent",
        ),
        (
            "my front bottom is sore after my smear test sorry cant say more but I need to leave work early "
            "to collect him",
            "parent",
        ),
        ("we were shouting all night at the sleepover cos we were playing games at my house", "pupil"),
    ],
)
def test_round_17s_rules_keep_to_their_kind(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Each raised an alarm with the rules as first written for set AA.
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    "text",
    [
        "then he hit mum and she fell over",
        "dad was singing really loud and then he hit mum",
        "he pushed mum down the stairs",
        "she hit dad with a pan",
    ],
)
def test_a_parent_hit_or_pushed_told_with_he_or_she_is_found(
    detector: SafeguardingDetector, text: str
) -> None:
    # Round 17, found probing the round's own rules: "hits my mum" was a rule, "he hit mum" was not.
    _assert_found(detector, text, "dsl", "pupil")


@pytest.mark.parametrize(
    "text",
    [
        "she pushed dad in the pool on holiday it was so funny",
        "she hit mum with a pillow in our pillow fight",
        "he hit mum accidentally with the door",
    ],
)
def test_a_parent_hit_in_play_or_by_accident_stays_ordinary(
    detector: SafeguardingDetector, text: str
) -> None:
    # The guard on the rule above: each is flagged when its `unless:` is taken away.
    assert detector.detect(text, role="pupil") is None


@pytest.mark.parametrize(
    "text",
    [
        "he punched my brother",
        "he hurt my sister",
        "she hit my baby brother",
        "he said he would kill mum",
        "she made me keep it a secret",
        "he shouts at me and hits me",
        "i got hit last night",
        "someone at home hurts me",
        "she threw a plate at dad",
        "he pushed mum into the wall",
    ],
)
def test_the_simplest_words_a_child_uses_are_found(detector: SafeguardingDetector, text: str) -> None:
    # Round 17: probing with the plainest sentences (a "he" or "she", a brother or sister, a parent as the one
    # hurt) found each of these missed; "he hit me" and "he hits my mum" were already found.
    _assert_found(detector, text, "dsl", "pupil")


@pytest.mark.parametrize(
    "text",
    [
        "he kicked my brother in football by accident",
        "she hit my brother in the playground and the teacher told her off",
        "she made me keep it a secret because its a surprise party for dad",
        "i got hit again at dodgeball, we lost 5-0",
    ],
)
def test_the_simplest_words_in_play_or_at_school_stay_ordinary(
    detector: SafeguardingDetector, text: str
) -> None:
    # The guards on the rules above (play, an accident, the playground, a surprise): each is flagged when its
    # `unless:` is taken away.
    assert detector.detect(text, role="pupil") is None


def test_asking_whether_one_may_tell_keeps_a_member_of_staffs_messages_a_concern(
    detector: SafeguardingDetector,
) -> None:
    # Round 17: "am I allowed" was first written into `not_staff_contact:` for a new TA asking what she may do
    # ("am I allowed to give a child a lift home"); it also hid a pupil asking whether she may tell. Only the
    # writer's own act is such a question now.
    _assert_found(
        detector, "am i allowed to tell you that sir messages me on snapchat at night", "headteacher", "pupil"
    )


def test_a_parent_saying_no_one_would_care_is_still_found(detector: SafeguardingDetector) -> None:
    # Round 17: the reassurance written for blind set 21 ("my husband says no one will care but I can't
    # stop worrying") first also took "and" and a sentence's end, which hid a child's "my mum says nobody
    # would care and shes right". Only "…but" is a reassurance now.
    _assert_found(detector, "my mum says nobody would care and shes right", "dsl", "pupil")


@pytest.mark.parametrize(
    "text",
    [
        "mum got a black eye at boxing",
        "We watched videos of soldiers in WW2 and the children asked to join the army cadets",
        "I relapsed on my diet again, the kids ate all the biscuits",
    ],
)
def test_the_plainest_words_rules_keep_to_their_kind(detector: SafeguardingDetector, text: str) -> None:
    # Round 17's rules for the simple-words set (a mother's injury, videos of fighters, a parent using again):
    # each of these raised an alarm with the rule as first written.
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    "text",
    [
        "i just want 2 die",
        "i dnt want 2 go hom",
        "me n my sis r home alon agen and its dark",
        "sum1 on roblox askd 4 pics of me",
    ],
)
def test_text_speak_and_numbers_for_words_are_read(detector: SafeguardingDetector, text: str) -> None:
    # Round 17 (the reported-speech set): "2" and "4" for "to" and "for", and short misspellings no fuzzy
    # match reaches ("hom", "alon", "agen", "askd"), are read as the words (`spellings:`).
    _assert_found(detector, text, "dsl", "pupil")


def test_a_number_read_as_a_word_is_still_a_number(detector: SafeguardingDetector) -> None:
    # "2" is "to" in "want 2 die", and still the year in the writer's heading "TA in Year 2." (not_people's
    # #1-6): read as "to" alone, the concern went to the headteacher as if about the TA.
    _assert_found(detector, "TA in Year 2. Noticed fingertip bruises on a girl's arm", "dsl", "staff")


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # round 17 (the staff-and-online set), in other words: food withheld as a punishment; a mouth taped; a
        # gamer's present sent to a home whose address was never given; a challenge with tablets
        ("the dinner lady takes my pudding away if im naughty in the morning", "pupil", "headteacher"),
        ("sir taped my mouth shut for talking", "pupil", "headteacher"),
        (
            "someone my son games with on xbox posted him a headset, we never gave anyone our address",
            "parent",
            "dsl",
        ),
        ("theres a challenge on tiktok where you take loads of tablets", "pupil", "dsl"),
    ],
)
def test_what_the_staff_and_online_set_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    "text",
    [
        "A teacher in America posted a photo of her class with tape over their mouths as a joke",
        "Some girls in her class made a fake account pretending to be my daughter and posted silly things",
    ],
)
def test_a_staged_photo_and_a_prank_account_stay_policy_questions(
    detector: SafeguardingDetector, text: str
) -> None:
    # The guards on two of those rules: each raised an alarm on a development question set as first written.
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    "text",
    [
        # round 17 (the buried-concern set), in other words, each inside an everyday message
        "Can I pay for the trip in cash? Also Noah said his uncle ties his hands when he won't go to sleep.",
        "Lost property: a red coat. Ava said she hides under her bed when her dad comes home shouting.",
        "Football club on Friday? Max isn't allowed to tell anyone about the game he plays with his uncle.",
        "Is there football club on Friday? He said his mum's boyfriend held his hand over the hob.",
    ],
)
def test_a_concern_buried_in_an_everyday_message_is_found(detector: SafeguardingDetector, text: str) -> None:
    _assert_found(detector, text, "dsl", "parent")


def test_a_locked_room_in_a_book_is_not_a_child_locked_in(detector: SafeguardingDetector) -> None:
    # The guard on round 17's condition for stories: "locks kids in the chokey" in Matilda is a book; the
    # condition first also took the word "book" anywhere, which hid a labelled disclosure with a reading book.
    assert (
        detector.detect("I loved Matilda when the headteacher locks kids in the chokey", role="pupil") is None
    )
    _assert_found(
        detector,
        "Her reading book hasn't changed. She said her dad's girlfriend locks her in the bathroom when "
        "she's naughty.",
        "dsl",
        "parent",
    )


# ---- round 18: set AB read; children's chat, second-language English and the form's answers probed ------
# The sets' own wording is held by FRESH_SETS; these are their kinds in other words that nothing found (or
# that raised an alarm) before round 18's rules.


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # children's chat: a secret that feels wrong, hurt and not allowed to say, hiding marks, a cover story
        ("i cant tell anyone but my arm hurts a lot", "pupil"),
        ("dad says no swimming until the bruises fade", "pupil"),
        ("if sir asks about my face say i walked into the door", "pupil"),
        ("our childminder makes the kids eat their dinner off the floor", "parent"),
        ("i am at home by myself a lot and have to make my sisters tea", "pupil"),
        ("there are mice and rubbish all over the kitchen floor and nobody cleans it", "pupil"),
        ("mums friend gave me some of her wine and i felt funny", "pupil"),
        ("dad did a horrible thing to me", "pupil"),
        ("im dead when i get home, not joking", "pupil"),
        ("he did that thing again", "pupil"),
        ("mum drank too much and was sick on the floor", "pupil"),
        ("if someone hurts you at home who do you tell", "pupil"),
        ("is it bad to have a secret that makes my tummy feel sick", "pupil"),
        ("i wear my hoodie so nobody sees my arms", "pupil"),
        ("we cant have any dinner until mum gets paid", "pupil"),
        # parents and staff, some in second-language English (set AB, the second-language set)
        ("she leaves the 8 year old in charge of the twins every night", "parent"),
        ("Her uncle has been staying and I caught him in her bed at 2am", "parent"),
        ("Her dad's family did something to her in the summer and now she can't walk properly", "parent"),
        ("her aunt will do the sunna on the girls in the holidays", "parent"),
        ("his father makes him work at the market every weekend all day", "parent"),
        ("if I tell you he will take it out on the children", "parent"),
        ("she was seen getting into a van with older lads after school", "staff"),
        ("he thinks the shooter was a hero and keeps watching the video", "parent"),
        ("a man from the shop put his hand on her knee", "parent"),
        ("my daughter says he touched her", "parent"),
        ("boys in year 5 are filming up girls skirts", "staff"),
    ],
)
def test_what_round_18s_sets_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 22 and real set 16: a parent's threats to the writer; a pupil's own request not accepted;
        # gossip quoted; a match lost; "none of the school's business" asked about; predators in general
        (
            "a mum posted threats about me on facebook after parents evening, can the school do anything",
            "staff",
        ),
        (
            "i sent sir a follow request on tiktok because he is my favourite teacher but he never accepted",
            "pupil",
        ),
        (
            "People on the WhatsApp group are commenting that there was always something off about the new "
            "teacher. Should I say something?",
            "parent",
        ),
        ("nobody likes me at netball cos we lost the match", "pupil"),
        (
            "Other parents say what happens at home is none of the school's business. Can the school do "
            "anything about a group chat?",
            "parent",
        ),
        ("I think issues that happen outside school should just be left alone by teachers", "parent"),
        ("If the school posts names with photos, predators could find our children", "parent"),
        # the pupils' chat set: laughing, a film's doll, hiding for fun, a dream of running away
        ("my brother sat on me and i couldnt breathe cos i was laughing", "pupil"),
        ("that clown doll in the film is so creepy he gives me nightmares", "pupil"),
        ("i hid in the wardrobe and dad couldnt find me lol", "pupil"),
        ("i want to run away to hogwarts", "pupil"),
        # set AB: a history lesson, a soap's storyline
        ("in history we learned that the vikings would kill people", "pupil"),
        ("The Eastenders storyline about coercive control is so good", "parent"),
        # the second-language and form-answer sets: a boy's circumcision, praise, a ball game, a late pick-up,
        # a kitchen accident, the writer alone with the children, a colleague asking the rule
        ("my son will have his circumcision next week so he will miss PE", "parent"),
        ("she said the teacher touched her shoulder and said well done", "parent"),
        ("the teacher was hitting the ball to the kids at rounders", "parent"),
        ("my son was left alone in the classroom waiting for me at home time because I was late", "parent"),
        ("he cut his finger with a knife chopping vegetables with me", "parent"),
        ("I am alone with the kids at night while my husband works away", "parent"),
        ("parents keep asking me about the photos from the nativity, what is the school rule?", "staff"),
    ],
)
def test_round_18s_ordinary_kinds_stay_ordinary(detector: SafeguardingDetector, text: str, role: str) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    "text",
    [
        # round 18's conditions do not hide what they sit beside (probed when they were written)
        "i sent sir a follow request and he never accepted but he messages me on snapchat saying im his "
        "favourite and its our secret",
        "the comments on facebook said something off about the coach, and my daughter says he touched her",
        "dad says what happens at home is none of the schools business and if i tell he will hit me",
        "there are predators who could be messaging my daughter, one man sent her a picture of himself",
        "mum threw me at the wall because i took her hairbrush",
        "why did hitler kill the jews, my uncle says he was right",
    ],
)
def test_round_18s_conditions_do_not_hide_a_disclosure(detector: SafeguardingDetector, text: str) -> None:
    assert detector.detect(text, role="pupil") is not None, text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # the online-slang set: words taken from apps to get past filters, and emoji used as code
        ("thinking about unaliving again", "pupil"),
        ("my mates stepdad graped her", "pupil"),
        ("i got SA'd at the party", "pupil"),
        ("older boys gave my brother 🍃 and told him to hold it", "pupil"),
        ("my uncle puts ❄ on the table and sniffs it", "pupil"),
        ("she said pay 50 quid or she posts my pics", "pupil"),
        ("hes 22 but its fine he says", "pupil"),
        ("an account that says its 30 keeps begging for pics", "pupil"),
        ("a year 10 gave my son pills and said they would make him feel good", "parent"),
        ("older kids showed us gore clips on the bus", "pupil"),
        ("a boy showed me corn on his phone at lunch", "pupil"),  # lunch is no reason to read it as food
        # the dialect set: Scots, Geordie and Yorkshire words no fuzzy match reaches
        ("am feart tae go hame", "pupil"),
        ("ma da hits me", "pupil"),  # "da" was read as "the" (text-speak) before round 18
        ("ma man's been beating me again", "parent"),
        ("the bairns are home on their own, their da's gone off", "parent"),
        ("she locks the fridge so we cant eat", "pupil"),
    ],
)
def test_online_slang_emoji_and_dialect_are_read_as_the_words_they_stand_for(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    "text",
    [
        "i was sad at the party because my friend left early",  # "sad" is not "SA'd"
        "corn on the cob for lunch 🌽 yum",
        "we watched a video about how corn grows on the farm",
        "my sister makes me be in her tiktok dance videos",
        "ive got a bruise on me arm from dodgeball",
        "ma da gied me a lift tae school",
    ],
)
def test_the_same_words_in_ordinary_use_stay_ordinary(detector: SafeguardingDetector, text: str) -> None:
    assert detector.detect(text, role="pupil") is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set AF: hints, euphemisms and behaviour described without naming abuse
        ("mum said if i tell the teacher the social will take us away", "pupil"),
        ("i dont want to go swimming cos people will see my legs", "pupil"),
        ("can u keep a secret about my dads house", "pupil"),
        ("i need help but dont call my dad", "pupil"),
        ("Her dad lost his temper last night and she got in the way, she has a sore arm", "parent"),
        ("Please do not let his grandad pick him up, I can't explain over text", "parent"),
        ("i dont see the point in anything anymore", "pupil"),
        ("Some days I can't get up to look after the kids", "parent"),
        ("i have a secret for the dark and i wont say", "pupil"),
    ],
)
def test_hints_and_half_said_things_are_found(detector: SafeguardingDetector, text: str, role: str) -> None:
    _assert_found(detector, text, "dsl", role)


def test_a_head_who_said_to_drop_a_concern_goes_to_the_chair_of_governors(
    detector: SafeguardingDetector,
) -> None:
    text = "I raised a TA and a child with the head and she said to drop it, nothing was logged"
    _assert_found(detector, text, "chair_of_governors", "staff")


@pytest.mark.parametrize(
    "text",
    [
        "if you need the social worker to take a look at the form let me know",
    ],
)
def test_a_social_worker_named_in_passing_stays_ordinary(detector: SafeguardingDetector, text: str) -> None:
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # the probe of messages near worrying topics: where the topic does hide a child at risk
        ("i think im pregnant and im 12, please dont tell anyone", "pupil"),
        ("when the health visitor comes mum tells us what to say", "pupil"),
        ("My ex is on a court order but he turned up at the school gate and took her", "parent"),
        ("The child is very drowsy with pinpoint pupils this morning", "staff"),
        ("Her mums friends give her sleepy juice at parties", "parent"),
    ],
)
def test_worrying_topics_that_hide_a_child_at_risk_are_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


def test_a_member_of_staff_giving_tablets_to_quieten_a_child_goes_to_the_headteacher(
    detector: SafeguardingDetector,
) -> None:
    text = "The TA gave him tablets from her bag to keep him quiet and he has been drowsy all afternoon"
    _assert_found(detector, text, "headteacher", "staff")


@pytest.mark.parametrize(
    "text",
    [
        # a baby not announced yet, a parent's present, a teacher leaving; a nan's door against burglars; the
        # emoji for snow in "its giving christmas"; an ordinary court order handed in
        "shh its a secret, mum is having a baby but dont tell anyone yet",
        "i know what dad got mum for christmas but i promised not to say",
        "me and amy are making a card for miss cos shes leaving, dont tell her",
        "my nan locks the door at night cos of burglars",
        "its giving christmas ❄️❄️ cant wait for the snow",
        "there is a court order saying dad can't collect, here is a copy for the office",
    ],
)
def test_secrets_locks_snow_and_court_orders_in_ordinary_use_stay_ordinary(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="pupil") is None


# ---- round 19: sets AC and AD read; the alarms of blind set 23 and real set 17 ----------------------------
# The sets' own wording is held by FRESH_SETS; these are their kinds in other words that nothing found (or
# that raised an alarm) before round 19's rules.


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("i stay at my nans most nights cos our house is scary", "pupil", "dsl"),
        ("her dad's girlfriend said she would set fire to the house", "parent", "dsl"),
        ("The new caretaker was cautioned for something involving children", "parent", "headteacher"),
        # the writer's job with its class as a heading is the writer; "the other supervisors" are staff
        (
            "Reception teacher. Evie acted out something sexual with dolls and said her cousin does that",
            "staff",
            "dsl",
        ),
        (
            "Lunchtime supervisor here. One of the other supervisors grabbed a Year 2 boy by the neck",
            "staff",
            "headteacher",
        ),
        ("the teacher shouted at my daughter and pulled her hair", "parent", "headteacher"),
        # found until round 19 only because "relapsed" was read fuzzily as "released"
        ("her ex was let out of prison and isn't allowed contact but he was at the gates", "parent", "dsl"),
    ],
)
def test_what_round_19s_sets_missed_is_found_in_other_words(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The parents association released a statement about the fair", "parent"),  # not "relapsed"
        ("I'm ready to kill someone, third fire drill this week", "staff"),
        ("hot dogs and hot chocolate at the bonfire, under 5s free, the guy is made by year 4", "parent"),
        ("Isla hasn't been outside all day because she was kept in at break", "parent"),
        ("Can we keep this between us adults and sort it out ourselves", "parent"),
        ("The phone rings and rings and nobody is there at the office", "parent"),
        ("Teenage girl had her phone confiscated for a week, is that allowed?", "parent"),
        ("Mrs Patel posted her new baby on tiktok and messaged us back, it's so cute", "pupil"),
        ("the TA tied her hair back for PE because it was in her eyes", "parent"),
    ],
)
def test_idioms_notices_and_school_matters_from_round_19s_sets_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # round 19's conditions do not hide what they sit beside
        ("my brother said he will kill me if i tell", "pupil"),
        ("the big boys make me nick sweets from the shop", "pupil"),
        ("the helper in our class sends me messages on my ipad at nite", "pupil"),
        ("he says he doesn't want to come home because of my husband", "parent"),
        ("a man online keeps messaging me and says dont tell anyone", "pupil"),
    ],
)
def test_round_19s_conditions_hide_no_disclosure_beside_them(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is not None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a safeguarding log's shorthand and what it records (the staff-notes probe, round 19)
        ('C (Y2) stated "if mum finds out she\'ll leather me". Tearful.', "staff", "dsl"),
        ('C said "the gas has been off for days and we\'re using candles"', "staff", "dsl"),
        ("C came in at 8.50 in shorts and t shirt, 1 degree, no coat. Hands blue.", "staff", "dsl"),
        (
            'Y5 said "people like them should all be killed" after watching his cousin\'s videos',
            "staff",
            "dsl",
        ),
        ("CT reports C said \"my big sister isn't coming back, she's getting married\"", "staff", "dsl"),
        ("HT shook a Y1 boy by the shoulders in the corridor", "staff", "chair_of_governors"),
        ("TA mocked C's stammer in front of the group", "staff", "headteacher"),
        # the worrying part sent after an ordinary message (the follow-up probe)
        ("oh and her stepdad's not allowed near children but he's staying over again", "parent", "dsl"),
        ("ps mums partner has started sleeping in her room", "parent", "dsl"),
    ],
)
def test_staff_log_shorthand_and_follow_up_messages_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("also we're getting a kitten, she said not to tell you", "parent"),
        ("my big brother hit me with a pillow in a pillow fight and i won", "pupil"),
        # the shorthand's edges: "prescribed" is not "proscribed"; a missed breakfast is no missed appointment
        ("Thomas has been prescribed antibiotics, M asked us to give them at lunch", "staff"),
        ("C missed breakfast after an early dentist appointment, toast given", "staff"),
        ("CT asked for the reading records by Friday", "staff"),
    ],
)
def test_surprises_play_fights_and_ordinary_log_notes_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # dictated into a phone (the dictated probe, round 19): a punishment, a threat to the family's birth
        # family, a parent's own thoughts
        ("when i get it wrong mum makes me kneel on rice", "pupil"),
        ("Kinship carer: her birth mum has messaged saying she knows which school she goes to", "parent"),
        ("Social worker: mum has told me she is having thoughts of hurting the children", "parent"),
    ],
)
def test_dictated_messages_and_carers_reports_are_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


def test_a_looked_after_childs_known_history_is_no_new_concern(detector: SafeguardingDetector) -> None:
    text = "She came to us after neglect as a baby, could she sit near the door in assembly?"
    assert detector.detect(text, role="parent") is None


def test_a_dictated_phone_number_is_blanked_like_a_typed_one() -> None:
    text = "my mums phone number is oh seven seven double two four five six nine one eight"
    assert without_contacts(text).split() == ["my", "mums", "phone", "number", "is"]
    assert without_contacts("he hit me seven times") == "he hit me seven times"


@pytest.mark.parametrize("text", ["mrs k hurt (mum)", "name: mr j hurt, dad", "its mrs hurt, her nan"])
def test_a_surname_typed_in_lower_case_after_a_title_and_before_a_bracket_or_comma_is_not_read(
    detector: SafeguardingDetector, text: str
) -> None:
    # Round 22 (set AH): "mrs d hurt (mum)" was read as a member of staff who hurt a mother
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize("text", ["mr b hurt me", "mrs k hurt my son, he came home crying"])
def test_what_follows_a_title_and_an_initial_is_still_read_when_the_sentence_goes_on(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "headteacher", "pupil")


@pytest.mark.parametrize("text", ["Surname is Batter, first name Jacob", "Child's name: Tyler Savage"])
def test_a_name_given_as_a_forms_answer_is_not_read(detector: SafeguardingDetector, text: str) -> None:
    # round 19 (the ordinary probe): "is Batter" was read as "battered"
    assert detector.detect(text, role="parent") is None


def test_a_name_given_with_a_title_keeps_the_title_and_a_sentence_after_it() -> None:
    assert without_contacts("his name is Mr Stabb and he hit me") == "his name is Mr Stabb and he hit me"
    assert "hits" in without_contacts("My name is Ellie and my dad hits me")


def test_a_probe_of_ordinary_messages_of_eight_kinds_rarely_raises_an_alarm(
    detector: SafeguardingDetector,
) -> None:
    # round 19: 400 messages written to look dangerous to a keyword filter (names, idioms, games, health,
    # family, school matters, staff notes, the safeguarding process itself); 14 flagged at the round's start
    items = _load("ordinary_probe.yaml", "ordinary")
    flagged = [item["text"] for item in items if detector.detect(item["text"], role=item["role"])]
    assert len(items) == 400
    assert len(flagged) <= 10, flagged


def test_messages_mixing_english_with_another_language_keep_their_measured_figures(
    detector: SafeguardingDetector,
) -> None:
    # round 19: 98/150 found at first look; a whole sentence in another language is not read (the rules are
    # English), so this set is held to its figures and to offering what it misses, not to finding it all
    items = _load("mixed_language.yaml", "disclosures")
    found = [detector.detect(item["text"], role=item["role"]) for item in items]
    ordinary = _load("mixed_language.yaml", "ordinary")
    flagged = [item["text"] for item in ordinary if detector.detect(item["text"], role=item["role"])]
    assert sum(f is not None for f in found) >= 112  # round 20: 112 ("he says he is 16", in English)
    # and every disclosure the check misses is offered to the DSL under the reply, by its language
    # (bot/core/other_language.py) or by its meaning
    markers = frozenset(load_knowledge(ROOT / "knowledge").language.other_languages)
    missed = [item for f, item in zip(found, items, strict=True) if f is None]
    unoffered = [
        item["text"]
        for item in missed
        if not written_in_another_language(item["text"], markers)
        and not detector.assess(item["text"], role=item["role"]).near
    ]
    assert unoffered == []
    assert sum(f is not None and f.route != item["route"] for f, item in zip(found, items, strict=True)) <= 6
    assert len(flagged) <= 7, flagged


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # disabled children's care (the SEND and young-carers probe, round 19)
        ("Leo was left in a soiled pad from breakfast until 3pm again", "staff", "dsl"),
        ("Her catheter bag was overflowing when she arrived, mum said she had no time", "staff", "dsl"),
        ("Dad has stopped her tube feeds at home and she has lost weight", "staff", "dsl"),
        ("His communication app was taken off him all weekend as a punishment", "staff", "dsl"),
        ("the TA held him face down and knelt on his back", "parent", "headteacher"),
        # young carers and a parent's health
        ("Mum said she might do something stupid and wants Leo to stay home with her", "staff", "dsl"),
        ("I'm 9 and I do mum's injections and toileting and I'm always tired", "pupil", "dsl"),
    ],
)
def test_disabled_childrens_care_and_young_carers_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Intimate care done twice as per his plan, two adults present, no concerns", "staff"),
        ("His hay fever medicine came home untouched, I think there was a mix up with the form", "parent"),
        ("She uses a communication board and pointed to 'happy' and 'park' today", "staff"),
        ("Mum has schizophrenia but it's well managed and she's doing great", "parent"),
    ],
)
def test_care_done_as_planned_and_a_known_illness_managed_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


def test_a_message_is_read_as_another_language_by_its_words_and_letters() -> None:
    markers = frozenset(load_knowledge(ROOT / "knowledge").language.other_languages)
    assert written_in_another_language("nikt mnie nie kocha, chcę się zabić", markers)
    assert written_in_another_language("bijau eiti namo, mamos draugas rėkia ir muša mane", markers)
    assert not written_in_another_language("Hi, it's Michał's mum, is there PE on Friday?", markers)
    assert not written_in_another_language("Zoë and José made a card for Chloé", markers)


# Set AE's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found (round 20)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("we get left in the house on our own", "pupil", "dsl"),
        ("me an ma wee brother get left in the hoose on oor ain", "pupil", "dsl"),  # Scots
        ("a boy in year 5 was made to strip in the woods by some teenagers", "parent", "dsl"),
        ("call me please, its about my partner and my son. he hurt him last night", "parent", "dsl"),
        ("a girl in my class asked if she can still come to school when she gets married", "staff", "dsl"),
        ("my daughter texted that she's going to take all of her dad's tablets", "parent", "dsl"),
        # the school's cook, a helper at swimming, a note passed on with who wrote it
        (
            "the school cook gives a year 2 girl sweets and tells her it's their secret",
            "parent",
            "headteacher",
        ),
        ("the lady who helps at school swimming filmed the girls changing", "parent", "headteacher"),
        (
            "Note from the reading helper: Maya said she isnt allowed to eat until she has been good",
            "staff",
            "dsl",
        ),
        # real set 18: an adult's "relationship" with a child, an adult sharing a room with one
        (
            "is it normal for the swimming coach to have a relationship with a 14 year old",
            "parent",
            "headteacher",
        ),
        ("the drama teacher shares a room with one of the girls at festivals", "parent", "headteacher"),
    ],
)
def test_round_twenty_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 24 and real set 18: a pupil's favourite teacher; something done unseen; "never bothered.
        # Is there…"; water at sports day; "more high than the head"; advice to tell someone; a sanction
        ("Mr Hussain is my favourite teacher, he has a tiktok about cooking, can i follow it", "pupil"),
        ("my friend wants to go on youtube on her phone in wet play and says nobody will notice", "pupil"),
        ("parents never complain here because they never bothered. Is there any point?", "parent"),
        ("there was no water out at the fun run and the kids were in tears in the heat", "staff"),
        ("Who is more high than the headteacher? My husband wants to take it further", "parent"),
        ("A parent shouted at me at the gate. My mentor says I should tell someone.", "staff"),
        ("The principal punished him for a post he made at the weekend, is that allowed?", "parent"),
        # set AE: night terrors; a member of staff's wedding
        ("he's been having night terrors since the clocks changed", "parent"),
        ("Mrs Ali is getting married in the summer so the class are making her a card", "parent"),
    ],
)
def test_round_twenty_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Set AG's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found (round 21)
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my uncle keeps showing my son clips about wiping out foreigners", "parent"),
        ("his uncle watches videos about wiping out immigrants with him", "parent"),
        (
            "Mia (Y3) off school for two weeks, house empty at the home visit and her mum's phone is off",
            "staff",
        ),
        ("her dad drinks from first thing and she is the one feeding the baby", "parent"),
        # real set 19: a child's clothes pulled up and filmed by another child
        ("a girl at the sleepover lifted my daughters nightie and filmed it", "parent"),
    ],
)
def test_round_twenty_one_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 25 and set AG: a parent aggressive at reception; a game noted as one; an accident staff
        # saw; a club after school; a parent's posts about a teacher; a behaviour chart; a pupil who wants to
        # follow a member of staff
        (
            "A mum was really aggressive at reception about the trip money, must we put up with that?",
            "staff",
        ),
        (
            "Y2 tag, one child shouted 'I'm going to kill you' and everyone was laughing. No concern.",
            "staff",
        ),
        ("bruise on forehead, walked into a peg in the cloakroom, seen by Mrs Hill", "staff"),
        ("he won't go home on the bus tonight, he's at cricket till 5", "parent"),
        ("someone keeps posting nasty comments about our teacher on facebook, calling her useless", "parent"),
        ("please don't give him a red mark on his behaviour chart, his book is at his dad's", "parent"),
        ("the PE teacher is also my football coach. I want to follow him on instagram for skills", "pupil"),
        # a game won, not people "wiped out" (the round's own rule for an extremist relative's videos)
        ("me and jay wiped out everyone in fortnite last night", "pupil"),
    ],
)
def test_round_twenty_one_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Set AH's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found (round 22)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("mum was asleep on the floor all day and i had crisps for tea", "pupil", "dsl"),
        ("what happens if my uncle maks me do rude things and i tel a teacher", "pupil", "dsl"),
        (
            "i dont go to school on fridays now cos i help at my dads work. he says dont tell teacher",
            "pupil",
            "dsl",
        ),
        ("dad and his mate smoke the funny smelling stuff and then they go sleepy", "pupil", "dsl"),
        (
            "my sisters kids are meant to be home schooled but they are on their own at home"
            " in the day and the"
            " 8 year old looks after the baby",
            "parent",
            "dsl",
        ),
        (
            "her birth mum messaged her through a friend saying she'll pick her up from"
            " school on monday, she's"
            " not allowed contact",
            "parent",
            "dsl",
        ),
        (
            "mum says Amira has been sent to stay with an aunty for a while but Amira says"
            " she does not know her"
            " and she is not really her aunty",
            "staff",
            "dsl",
        ),
        (
            "the SEN taxi escort says he had to help her in the toilet on the journey and"
            " they stop in laybys",
            "staff",
            "headteacher",
        ),
        # who it is about: the driver "of" the school bus; "hes the headteacher" said after the concern; a
        # caretaker named many words before what he showed
        (
            "the driver of the school bus made a disgusting comment about my daughters body",
            "parent",
            "headteacher",
        ),
        (
            "mr jones keeps me behind and touches my leg. hes the headteacher so who can i tell",
            "pupil",
            "chair_of_governors",
        ),
        (
            "the caretaker has been showing the girls clips on his phone, silly ones mostly"
            " she said, but one had"
            " naked people in it",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_twenty_two_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set AH: idioms, a school trip promised, a part in a play, a sibling's pillow fight, a broken washing
        # machine, the staffroom's bread knife
        ("Mr Brown is killing her confidence with all these tests", "parent"),
        ("someone driving like that outside the gates is going to kill somebody", "parent"),
        ("the kids were promised a trip to the zoo and now it's cancelled", "parent"),
        ("I feel like I am banging my head against a brick wall with the school", "parent"),
        ("he's over the moon, he got the lead role in the nativity", "parent"),
        ("she has a bruise on her cheek from a pillow fight with her sister", "parent"),
        ("his jumper is a bit grubby, the washing machine has packed in", "parent"),
        ("the big kitchen knife has gone missing from the staffroom, has anyone borrowed it", "staff"),
        # blind set 26 and real set 20: a dad screaming at the office; costumes photographed by the
        # teacher who
        # asks whether she may post them; school fruit; classmates' fake account; own-clothes day; a governor
        # who is "high-powered"
        ("dad screaming at the office staff over a complaint again, do we have to put up with it", "staff"),
        (
            "I took photos of the costumes on my phone at the dress rehearsal, my TA says I"
            " need to ask before I"
            " post them",
            "staff",
        ),
        ("my kids come home hungry because they don't get their fruit at school any more", "parent"),
        ("two boys in his class made a fake account with his photos to laugh at him", "parent"),
        ("is it own clothes day on friday? my teacher didnt say and i dont want to be the only one", "pupil"),
        (
            "a new parent governor, high-powered and very well-informed, keeps asking the"
            " chair hard questions",
            "parent",
        ),
    ],
)
def test_round_twenty_two_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The staff-complaints probe's own wording is held by FRESH_SETS; its kinds in other words (round 22)
@pytest.mark.parametrize(
    "text",
    [
        "Miss Jones told him he smells and is dirty",
        "he wasnt allowed a drink all morning because he forgot his water bottle, the TA said so",
        "the teacher said naughty children dont get lunch and he had none",
        "the cricket coach keeps my son behind in the equipment cupboard after the others have gone",
        "she came home with bruises on her arms after being restrained by the TA",
        "the forest school leader made them stay out in the rain with no coats as a punishment",
    ],
)
def test_harm_by_staff_told_as_a_complaint_goes_to_the_headteacher(
    detector: SafeguardingDetector, text: str
) -> None:
    _assert_found(detector, text, "headteacher", "parent")


@pytest.mark.parametrize(
    "text",
    [
        "the TA at the door was on her phone and didn't say good morning",
        "his hearing aid battery ran out and nobody noticed until home time",
        # the rule for a member of staff messaging a pupil is not a question about the rules on it
        "are staff allowed to message pupils on whatsapp",
    ],
)
def test_complaints_about_staff_that_tell_of_no_harm_stay_ordinary(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text, role="parent") is None


# Set AI's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found, or sent
# elsewhere (round 23)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("she said daddy held mummy by the throat in the kitchen last night", "staff", "dsl"),
        ("his stepdad shouted at the gate that if he grasses again he'll break his arm", "parent", "dsl"),
        # a taxi escort is the school's contractor; a school nurse heading a note is its writer, not its
        # subject
        (
            "the escort makes him sit alone in the back and he gets off the taxi with scratches on his arms",
            "parent",
            "headteacher",
        ),
        (
            "School nurse: a Year 5 boy told me his parents are taking him abroad to be married this summer",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_twenty_three_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set AI: "abuse of power", the school's heating, a joke about cruelty, sessions and training on a
        # harm, a procedure asked for a policy review, a parent preparing a child, things left at home
        ("this is an abuse of process by the governors panel", "parent"),
        ("the heating in reception has been off for days and the kids are cold", "parent"),
        ("making them run the cross country in the snow is child cruelty haha", "parent"),
        ("Is the FGM awareness course open to volunteers?", "staff"),
        ("Is the online safety evening about predators and grooming suitable for dads to come to?", "parent"),
        ("can you confirm the procedure if a parent arrives drunk to collect?", "staff"),
        (
            "What should my son do if someone he doesn't know asks to chat on his games console? I'd like to"
            " teach him",
            "parent",
        ),
        ("PE kit left at home for days, can you remind him", "parent"),
        # blind set 27: going on about a complaint, afraid of what complaining brings, a pupil showing a
        # teacher what classmates sent
        ("I don't want to go on about it but the homework is still not being marked", "parent"),
        ("Honestly I am afraid. If we complain will it be held against my son?", "parent"),
        ("a boy in her class showed me the messages on his phone that the others sent him", "staff"),
        # the round's own rules, narrowed on review: an illness, a trip's driver
        ("she won't be in today, she needs to get better first, back on Monday hopefully", "parent"),
        ("his favourite part of the trip was sitting up front by the coach driver", "parent"),
        ("the coach driver took some lovely photos of the class at the zoo", "parent"),
    ],
)
def test_round_twenty_three_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The absence-and-lateness probe's own wording is held by FRESH_SETS; its kinds in other words (round 23)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("my step dad put my clothes in bin bags outside and said i dont live here anymore", "pupil", "dsl"),
        ("he stays in his bedroom with no dinner until he apologises, that's how we do it", "parent", "dsl"),
        ("i was too scared to go out of my bedroom this morning until he left", "pupil", "dsl"),
        ("he's not coming in, i'm off my face, dont call social services", "parent", "dsl"),
        ("my daughter says she doesn't like the way he dries her after her bath", "parent", "dsl"),
        ("a boy online says he will post it online unless i send more pics", "pupil", "dsl"),
        (
            "Mum says Leo is staying with a family friend but she doesn't know who the friend is either",
            "staff",
            "dsl",
        ),
        ("there's a court order but he says he'll be at the gate at home time", "parent", "dsl"),
        # the school's bus driver is its contractor; the school nurse's advice is not about the nurse
        ("the bus driver keeps telling her she's his favourite, to sit in his van", "parent", "headteacher"),
        ("the school nurse said to let you know he's been burning himself with a lighter", "parent", "dsl"),
    ],
)
def test_absence_and_lateness_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


def test_a_pet_that_ran_away_is_not_a_child_running_away(detector: SafeguardingDetector) -> None:
    assert detector.detect("sorry late my cat ran away", role="pupil") is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 31 (long stories, read at once): a reply that "doesn't touch the main point", a child
        # showing a parent her own phone, a jumper's flashing nose, a claim about a driver the writer says is
        # untrue, a governors' meeting, school dinners that run out
        ("her reply repeats what the teacher told us and doesn't touch the main point, what next", "parent"),
        ("my daughter finally showed me her phone, girls in her class have a chat being horrible", "parent"),
        ("he wore his christmas jumper with the flashing nose to school and loved it", "parent"),
        (
            "one of the dads posted that the coach driver was drunk on the way to the residential, which is"
            " completely untrue",
            "staff",
        ),
        ("at our last meeting the governors talked about a teacher's posts online upsetting parents", "any"),
        ("he comes to mine starving after school because the veggie option always runs out", "parent"),
    ],
)
def test_round_twenty_three_long_story_details_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The staff-own-lives probe's own wording is held by FRESH_SETS; its kinds in other words (round 23)
@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("a supply teacher told us she's dating a lad who is 16, he's in year 11", "headteacher"),
        ("one of the middays posts photos of our girls saying which ones are prettiest", "headteacher"),
        ("one of the middays pinches the little ones and pulls their hair", "headteacher"),
        ("one of our ECTs has been messaging Y6 pupils on instagram late at night", "headteacher"),
        # a club coach the writer says is not the school's is the DSL's to hear
        ("my son's swimming coach (not the school one) messages him at night, says it's a secret", "dsl"),
    ],
)
def test_what_staff_tell_of_their_own_families_and_colleagues_is_found_and_routed(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    _assert_found(detector, text, route, "staff")


@pytest.mark.parametrize(
    "text",
    [
        "can someone grab me a coffee, I'm stuck on the gate",
        "Mum has dementia and was wandering at night again, I might be late in",
        "someone drew a rude picture on the toilet door in KS2 again",
        "im pregnant, my 12 week scan is on monday, can i swap my ppa",
    ],
)
def test_staff_writing_about_their_own_lives_stay_ordinary(detector: SafeguardingDetector, text: str) -> None:
    assert detector.detect(text, role="staff") is None


def test_long_ordinary_messages_to_a_school_keep_their_measured_alarms(
    detector: SafeguardingDetector,
) -> None:
    # round 20: 300 long e-mails (first aid, trips, health, bereavement, training, books, buildings) with no
    # child at risk; 45 flagged with the round's starting rules. The similarity and meaning layers raise most
    # of those left, so the set is held to its measured figure, not to the 1% of short messages.
    items = _load("ordinary_long.yaml", "ordinary")
    flagged = [item["text"] for item in items if detector.detect(item["text"], role=item["role"])]
    assert len(items) == 300
    assert len(flagged) <= 28, flagged  # round 21: 35 → 28, a long message must lean further


# The probes' own wording is held by FRESH_SETS; these are their kinds in other words (round 20)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # online harms now (the kinds the earlier rules already found in other words are left out)
        ("a girl on the stream dared me to hold my breath until i passed out", "pupil", "dsl"),
        ("my cousin is going to try the choking thing tonight", "pupil", "dsl"),
        (
            "somebody posted her home address in the group and told people to go and beat her up",
            "parent",
            "dsl",
        ),
        ("my stepdad makes me go live every night and do what people in the chat say", "pupil", "dsl"),
        # parents' own lives
        ("my husband locks me and the kids in the flat when he goes out", "parent", "dsl"),
        ("he's telling the children to say to the police that nothing happened", "parent", "dsl"),
        (
            "he's found where we are living now. he isn't allowed near us, please don't let him take them",
            "parent",
            "dsl",
        ),
        ("my probation says I'm not to be alone with kids but I've had them all week", "parent", "dsl"),
        ("we've been living in the car for a week, me and my boys", "parent", "dsl"),
        ("we've had nothing but bread for days, no money till Friday", "parent", "dsl"),
        ("I smacked him so hard last night his lip bled, I feel terrible", "parent", "dsl"),
        ("my boyfriend was in my daughter's bedroom with the door locked", "parent", "dsl"),
    ],
)
def test_round_twenty_probe_kinds_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A deepfake of a famous singer was on the news, my son asked if it was real", "parent"),
        ("There was a documentary about the blackout challenge, should my Y6 watch it?", "parent"),
        ("My son wants the book about sextortion from the lesson, where can I get it?", "parent"),
        ("you'll get it when you get home, it's a surprise for your birthday", "parent"),
        ("We moved out of the refuge last year and are doing really well", "parent"),
        ("I volunteer at the women's refuge, could we drop off some books?", "parent"),
        ("We've been granted refugee status at last!", "parent"),
        ("I work for the domestic abuse team and I'm running a drop in for parents", "any"),
        ("She's been really upset since her uncle took his own life, any books about grief?", "parent"),
        ("What's the procedure if a parent has been drinking and wants to collect?", "staff"),
        ("He keeps asking if I'm going to die since grandad's funeral", "parent"),
        ("A boy called her a terrorist in the playground, it's been sorted", "parent"),
        ("The roof leaked on the reading corner, luckily no one was in there", "staff"),
        ("The hedgehog the class found was underweight, so the trust took it in", "any"),
        ("Grandma nearly choked on her tea laughing at his song", "parent"),
        ("I hit my head on the cupboard door and it bled a bit", "parent"),
        ("I've done my safeguarding refresher online, can we meet to go over it?", "staff"),
    ],
)
def test_round_twenty_probe_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The last two probes' kinds in other words (round 20: worries asked as questions; understated wording);
# the kinds the earlier rules already found in other words are left out
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "my sister gives her boy medicine he doesn't need and says he has fits, is that a thing?",
            "parent",
            "dsl",
        ),
        (
            "who do I tell about a girl of 8 kept home from school to mind the baby every day?",
            "parent",
            "dsl",
        ),
        ("mum was poorly with her drinks again so i got my brother ready and we walked in", "pupil", "dsl"),
        ("sometimes i think it would be easier for everyone if i just wasnt around", "pupil", "dsl"),
        ("im not allowed any dinner till i lose weight mum says", "pupil", "dsl"),
        ("the lad from next door sits on his step till gone 11 most nights", "parent", "dsl"),
        (
            "my brother's back on the stuff and his little girl is doing it all, the baby's bottles and that",
            "parent",
            "dsl",
        ),
        ("the kids know to stay out of his way when he's had a drink", "parent", "dsl"),
        (
            "her new boyfriend isn't allowed to see his own children and he's moving in next week",
            "staff",
            "dsl",
        ),
        ("she's 14 and they did the engagement to her cousin over video, she's only a kid", "parent", "dsl"),
        ("he asked whether pills were quicker than jumping off something", "staff", "dsl"),
        (
            "the school's cook watches the boys get changed for PE in his car and says it's a secret",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_twenty_questions_and_understated_kinds_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Is it neglect if my 9 year old walks to the shop on his own?", "parent"),
        (
            "Would it count as neglect if she wore the same jumper all week? Our washing machine is broken",
            "parent",
        ),
        ("In the role play in training a child said 'my dad hurts me', what should I have said?", "staff"),
        ("She doesn't want to be kissed by her aunties, should I make her?", "parent"),
        ("How do I talk to my 6 year old about strangers without scaring her?", "parent"),
        ("My son came home asking what grooming is after a Newsround story, what do I say?", "parent"),
        ("a 9 year old girl in her class has started her periods, when are the puberty talks?", "parent"),
    ],
)
def test_round_twenty_questions_and_understated_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Set AJ's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found, or sent
# elsewhere (round 24)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "we stay at my mums friend's flat now, mum went to lithuania and i dont know when she is coming"
            " back",
            "pupil",
            "dsl",
        ),
        ("the swimming coach lifts the girls out of the water by their bottoms", "parent", "headteacher"),
        (
            "I saw Mr Patel sitting in his car with a year 6 girl, doors shut, for half an hour after school",
            "staff",
            "headteacher",
        ),
        # a taxi without its escort, the taxi's driver and the caretaker in a child's words are the school's
        (
            "the minibus came with no escort again and she got home upset with a bruise on her arm",
            "parent",
            "headteacher",
        ),
        ("the taxi lady who takes me home shouts at me and pinches my arm", "pupil", "headteacher"),
        (
            "the man who fixes things at school keeps asking me to come to his shed on my own",
            "pupil",
            "headteacher",
        ),
        # a member of staff who passed a concern on, said first, is its reporter, not its subject
        (
            "The minibus escort mentioned to me that when they drop Jay home nobody is ever in and he lets"
            " himself in, he is 7",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_twenty_four_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 28 and real set 22: a father shouting at staff over his complaint, a lost coat's owner,
        # a colleague posting about pupils, what bullies write, a child left out of teams, parents threatening
        # to move a child, a child excluded for what he did
        ("an angry dad was screaming at me in reception over his complaint, I was nearly crying", "staff"),
        ("what is your policy on lost jumpers? my daughters went missing after PE", "parent"),
        (
            "a colleague keeps posting about the children's behaviour on her instagram, I'm uncomfortable"
            " with it",
            "staff",
        ),
        (
            "my son gets nasty messages from a boy in his class saying nobody likes him, what can school do",
            "parent",
        ),
        ("no one wants him on their team at football and he is upset", "parent"),
        ("two parents are threatening to take their daughter out of the school because of me", "staff"),
        ("my son got a fixed term exclusion for grabbing a girl by the wrist, only a TA saw it", "parent"),
        # set AJ: a duty rota
        ("who is on playground duty today? nobody's there", "staff"),
    ],
)
def test_round_twenty_four_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Set AK's own wording is held by FRESH_SETS; these are its kinds in other words that nothing found, or sent
# elsewhere (round 25)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("Josh has long welts on his back from a belt, he says dad was cross", "staff", "dsl"),
        ("my cousin puts his willy on my bottom when he sleeps over", "pupil", "dsl"),
        ("Leo drew a picture of a man with a big thing and cried", "staff", "dsl"),
        ("my 13 year old stepson has been making my daughter play doctors and touching her", "parent", "dsl"),
        ("the club say he went with his aunt but he doesn't have an aunt, where is he?", "parent", "dsl"),
        (
            "they want to send my cousin (16) to Pakistan for marriage and she doesn't want to go",
            "parent",
            "dsl",
        ),
        ("i havent had a wash for ages and everyone says i smell", "pupil", "dsl"),
        # the driver of a named trip's bus is the school's; the school named as whom a child must not tell is
        # no one the concern is about
        ("the man who drives the swimming bus shouts at me and pinches my arm", "pupil", "headteacher"),
        (
            "my dad says i have to fight the people who live here when im big and dont tell teachers",
            "pupil",
            "dsl",
        ),
    ],
)
def test_round_twenty_five_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 30: a meeting that cut a parent off, a telling-off at work, a business's customers, pupils
        # on their own phones, another pupil's threat, a parent shouting in the office, a feeling about an app
        ("at the panel we kept being cut off and the chair had made her mind up before we started", "parent"),
        ("I'll get my knuckles rapped if I set up the class blog without asking", "staff"),
        ("my tutoring page has to be public or my clients can't find me, is that ok for a TA?", "staff"),
        ("the big kids go on instagram on their phones in the cloakroom and no one stops them", "parent"),
        (
            "got a message from a girl in year 5 saying she is going to beat me up after school tomorrow",
            "pupil",
        ),
        ("parent was screaming in the office again today, the new admin was crying", "staff"),
        (
            "his mum set him up with instagram at 9 and I'm uneasy about it, does the school say anything?",
            "any",
        ),
        # set AK: a bump told by the parent first, a tantrum, a harm asked about by name, talking about it at
        # home, a setting asked about
        ("Zak walked into a wall at soft play, he has a bruise on his cheek but he's fine", "parent"),
        ("he threw himself on the floor at the party when it was time to go home", "parent"),
        ("what is sexting? my daughter heard it at school and asked me", "parent"),
        ("when should I talk to my son about porn? he is 11", "parent"),
        ("which settings stop strangers messaging my daughter on roblox?", "parent"),
    ],
)
def test_round_twenty_five_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Set AL (held out through rounds 24 and 25, read in round 26): its kinds in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("how do i make the sad thoughts stop for good", "pupil", "dsl"),
        ("mummy isnt home and its dark", "pupil", "dsl"),
        ("dad stays on the sofa all the time and theres beer cans everywhere", "pupil", "dsl"),
        ("he's been out on the street on his own every night knocking on doors for food", "parent", "dsl"),
        ("J (Y1) being looked after by mum's friend for a couple of months, not family", "staff", "dsl"),
        ("R (Y2) absent 6 days, no answer on any number, house looks empty", "staff", "dsl"),
        ("the little ones were screaming in the garden at midnight and nobody came", "parent", "dsl"),
        ("after what he did to her mum the police said he can't come near them", "parent", "dsl"),
        ("a Y4 girl says she will be getting engaged in the holidays", "staff", "dsl"),
        ("her family are making engagement for her with a man from back home", "parent", "dsl"),
        ("my uncle says people from there are dirty and we should send them back", "pupil", "dsl"),
        ("his uncle says mum's going to take all the pills and he cries at night", "parent", "dsl"),
        ("two boys put their hands down her tights in the toilets", "staff", "dsl"),
        ("her 16 year old cousin has been getting in her bed when they stay over", "parent", "dsl"),
        ("the lunchtime lady makes him eat everything until he is sick", "parent", "headteacher"),
        ("the lady at after school club says my dad is a druggie", "pupil", "headteacher"),
        # the AQ probe: a contractor asking pupils for their accounts over the fence
        (
            "the scaffolders asked some Y3 girls for their snapchats through the fence",
            "staff",
            "headteacher",
        ),
    ],
)
def test_round_twenty_six_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set AL: an idiom after booking something, another parent's rude message, the office hanging up;
        # blind set 32: a made-up post about a member of staff, pupils asking to follow the adult writing;
        # real set 24: the readers spoken to as "you guys"
        ("my husband will murder me, I've signed us up for the fun run", "parent"),
        ("one of the dads sent me a really rude message about the parking", "parent"),
        ("the office lady hung up the phone on me this morning", "parent"),
        ("someone posted that the caretaker was drunk at collection, which is completely made up", "parent"),
        ("some of the older kids keep asking to add me on Insta since I started coaching netball", "staff"),
        ("Should I email the teacher or talk to her at the door? What would you guys do?", "parent"),
        # the AQ probe: names joined by "and" or "twins" as a form's answer; knuckles after punching a wall;
        # blind38: a parent following a teacher
        ("Ruby and Alfie Hurst-Savage (twins, Year 2)", "parent"),
        ("Y5 girl kicked the door in a temper, bruised toes, ice pack given, logged on CPOMS", "staff"),
        ("if we just follow mr khan on insta and never message him is that still wrong", "parent"),
        # the review: a child in the parents' bed, scared of something ordinary
        ("Maisie has been sleeping in our bed this week because she's scared of the thunder", "parent"),
        ("my son gets into our bed when he's scared", "parent"),
    ],
)
def test_round_twenty_six_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Set AM (held out through rounds 25 and 26, read in round 27) and the AS probe (read at once): their kinds in
# other words, each missed (or sent to the wrong person) by the rules the round started with
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # set AM: extremism at home; a story taken back; a child called a witch and taken for deliverance; a
        # hand held to an iron; a garage as punishment; syringes where children stay; "made me do naughty
        # things"; sleeping on a floor; a five-year-old who walked in alone; spirits in a drink; an app that
        # undresses photos; a girl to be married; a pupil's note for a teacher; a parent greeting "Teacher"; a
        # coach with a child between his legs
        (
            "my grandad says polish people are ruining this town and he goes to meetings and says i can"
            " come and"
            " fight them when im big",
            "pupil",
            "dsl",
        ),
        (
            "Quick one about the trip money. Also his dad keeps putting on videos of people getting their"
            " heads cut"
            " off on his phone and says that's what's coming for them",
            "parent",
            "dsl",
        ),
        (
            "Parents evening notes: Sam - reading. Leah - good. Josh - dad says he goes to a group at"
            " weekends and"
            " now says non believers deserve to be punished. Mia - great.",
            "staff",
            "dsl",
        ),
        ("it wasnt from falling over like i said", "pupil", "dsl"),
        (
            "Hello madam. My neighbour is calling her boy a witch and she took him to pastor for"
            " deliverance, he is 7",
            "parent",
            "dsl",
        ),
        (
            "Dinner notes: fish fingers ran out. Y2 girl blister on fingers, says her aunt held them on"
            " the iron"
            " because she was slow. More forks needed.",
            "staff",
            "dsl",
        ),
        ("i got put out in the garage to sleep cos i was bad", "pupil", "dsl"),
        (
            "Alright, our Mia says her dad's got syringes on the side at his flat where they stay",
            "parent",
            "dsl",
        ),
        ("my cousin made me do naughty things at sleepovers when i was little", "pupil", "dsl"),
        ("i sleep on the bathroom floor at my uncles", "pupil", "dsl"),
        (
            "Reception boy arrived on his own at 8, said he walked himself because mum was still asleep",
            "staff",
            "dsl",
        ),
        ("Y4 boy's juice bottle smelt of cider, he said dad filled it", "staff", "dsl"),
        ("boys in y6 put my daughter's photo in an ai app that takes clothes off", "parent", "dsl"),
        (
            "Reminder re reports. Also Aisha's dad told the office she won't be back after summer as the"
            " family are"
            " getting her married, she's 11.",
            "staff",
            "dsl",
        ),
        (
            "please give this to mr hughes. i dont want to go swimming because then they will see the"
            " marks on my"
            " arms",
            "pupil",
            "dsl",
        ),
        (
            "Teacher hello. My daughter say older girl in year 6 take her money every day and push her in"
            " toilet.",
            "parent",
            "dsl",
        ),
        (
            "the swimming coach had a Y3 girl sitting between his legs in the pool office",
            "staff",
            "headteacher",
        ),
        # the AS probe: a young child alone in the evenings while the parent works; a small child out alone at
        # night; a builder's number given to pupils
        (
            "Kai has been home on his own most nights while I do my shift at the care home. He's 7",
            "parent",
            "dsl",
        ),
        (
            "What does he need for the Christmas jumper day? Also Leo has been on his own in the evenings"
            " while I'm"
            " at work, the neighbour stopped popping in, he's 6",
            "parent",
            "dsl",
        ),
        (
            "A mum at the gate said a little boy from nursery was walking round the flats on his own at 10"
            " last night"
            " barefoot",
            "parent",
            "dsl",
        ),
        (
            "the builders fixing the school roof have given me and my friend their numbers and said"
            " message them",
            "pupil",
            "headteacher",
        ),
        # the review: a parent's own words before a marriage are not someone else's wedding
        ("my dad says they will get her married next year, she's 12", "parent", "dsl"),
    ],
)
def test_round_twenty_seven_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 34: a lady named by her job at school, a threat of court, a post on a member of staff's
        # own public account; real set 25: an order against the writer; set AM: a hiding at a game, an idle
        # threat over a lost thing, a training's scenario, staff briefings and courses, a pet put to sleep;
        # the AS probe: a threat to "expose" a parent online, articles and lessons on a harm, a phase of bed-
        # wetting
        ("lunch lady here, lots of the mums follow me on insta, should I remove them?", "staff"),
        (
            "my ex-husband is threatening to sue me over a post about him, nothing to do with the kids,"
            " but does the"
            " school care what I post?",
            "parent",
        ),
        ("a TA put something really unprofessional on her public TikTok, who do I tell?", "parent"),
        ("our grandad gets a good hiding at draughts off my son every weekend", "parent"),
        ("dad said he'll strangle me if i lose another water bottle haha", "pupil"),
        (
            "Training scenario for group B: 'A Y3 boy says his stepdad touches him and asks you not to tell.'"
            " Discuss.",
            "staff",
        ),
        ("county lines training for all staff next Tuesday after school", "staff"),
        ("First aid course reminder: self harm is covered on the afternoon", "staff"),
        ("Honour based abuse training is on the portal, please watch it before Friday", "staff"),
        ("our cat might have to be put to sleep forever this week, the kids are upset", "parent"),
        (
            "someone in the class chat is threatening to expose me on Facebook over the party, is that"
            " allowed?",
            "parent",
        ),
        (
            "Is there an article on county lines you'd recommend? I saw a news piece about county lines"
            " and want to"
            " talk to my son",
            "parent",
        ),
        ("why are Y6 learning about FGM? just curious what's in it", "parent"),
        ("she's been wetting the bed again since moving into the big bed, normal?", "parent"),
        # the review: a fear of needles, a decision called a mistake, gloves dried on a radiator, a group that
        # should not be punished
        ("she's scared of needles, can you tell me about the flu spray", "parent"),
        ("my husband says it was a mistake to choose this school", "parent"),
        ("I held them on the radiator to dry, his gloves were soaked", "parent"),
        ("gay people should not be punished for who they are, we talked about it at tea", "parent"),
        # the AS probe: old scars from a house fire (`old_scar`)
        (
            "he has scars on both arms from a house fire years ago, they're fine now, just so PE staff know",
            "parent",
        ),
    ],
)
def test_round_twenty_seven_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 28: set AP (read) and the AU probe, kinds in other words; each missed, or routed elsewhere, with the
# round's starting rules
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # set AP: a parent asleep on the floor with a bottle; a threat to a pet for telling; a child
        # screaming next door and called names; a rope hidden in a child's things; locked out overnight; a
        # pupil messaged late from a personal phone; gifts for live videos; a dinner lady writing about a
        # hungry child (the writer, not the one it is about)
        (
            "mum falls asleep on the kitchen floor holding a bottle of wine and i feed my little sister",
            "pupil",
            "dsl",
        ),
        ("if i tell anyone about the marks he said he'd drown the kitten", "pupil", "dsl"),
        ("toddler upstairs screams every night and I hear them calling him horrible names", "parent", "dsl"),
        ("I found a noose in his wardrobe last night", "parent", "dsl"),
        ("mum is always asleep so i make my baby brothers bottles", "pupil", "dsl"),
        ("Y2 boy locked out overnight, says he slept in the garden", "staff", "dsl"),
        ("saw her texting a Y6 pupil on her personal snapchat at 10pm", "staff", "headteacher"),
        # … and about the head, after a short lead-in and a dash ("the head saw…" would read as the head
        # noticing something)
        (
            "Concern about the headteacher - saw him texting a Y5 pupil from his own phone late at night",
            "staff",
            "chair_of_governors",
        ),
        ("my daughter goes live on an app and men send her coins to dance in her bra", "parent", "dsl"),
        (
            "one of the lunchtime ladies here a boy in year 1 keeps hiding food in his bag and says nobody"
            " feeds him at home",
            "staff",
            "dsl",
        ),
        # the AU probe: a small child out at night in nightclothes; a parent put in hospital in front of the
        # children; a child staying at a man's flat; a head pushed into a toilet
        (
            "Also she's been outside on the pavement in her nightie at midnight twice this week and nobody"
            " came to the door",
            "parent",
            "dsl",
        ),
        ("please don't let their dad collect, he put me in hospital at the weekend", "parent", "dsl"),
        ("my sons mate is 10 and sleeps round some bloke's flat most weekends", "parent", "dsl"),
        ("a boy in year 6 pushes me and puts my head in the toilet", "pupil", "dsl"),
    ],
)
def test_round_twenty_eight_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set AP: a chore that will be the death of the writer, a child's own treatment, a care plan's
        # drinks, a computer system that locks people out
        ("I'm literally going to die if I have to sew another costume", "parent"),
        ("his insulin injections are done at home so he might be tired in the mornings", "parent"),
        ("she needs to drink lots of water after her kidney infection", "parent"),
        ("in Ramadan she needs to make sure she drinks lots at suhoor", "parent"),
        ("the system locked me out again, can you reset my password", "staff"),
        ("the parents app has locked me out of my account again", "staff"),
        # blind set 37 and the blind42 probe: whether to delete comments; a pupil following a relative who
        # works at the school; a colleague messaging the writer's wife, a parent
        (
            "there are nasty comments about a teacher on the class page and I don't know whether to"
            " delete them",
            "parent",
        ),
        ("my auntie is a dinner lady at my school, can i still follow her on insta?", "pupil"),
        (
            "my wife is a parent here and one of the teachers keeps messaging her on facebook, who do I"
            " tell?",
            "staff",
        ),
        # the AU probe: a science lesson, a part in a musical, a film, a repair on its way, a joke about the
        # garden
        ("we did the private parts labelling in science today and jake got told off for laughing", "pupil"),
        ("he's in Fagin's gang in Oliver and needs a grubby costume", "parent"),
        ("we watched Home Alone last night and now she wants to booby trap the stairs", "parent"),
        ("the flat has mould, the housing association are coming to fix it on Monday", "parent"),
        ("I'm going to lock them out in the garden till they stop fighting", "parent"),
    ],
)
def test_round_twenty_eight_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# A read of round 28's rules after committing: each of these was flagged by a rule as first written, which
# read more than the cases it was written for (a landing, tights for PE, a streamed game, an errand, spilt
# drinks, a parent's night feeds, a crying baby, a message to a pupil's parent, a summer evening, a pet shut
# out, drawings)
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the kids slept on the landing when their cousins came to stay", "parent"),
        ("she can't hold her pencil yet and we're practising taking tights off for PE", "parent"),
        (
            "my son streams Minecraft from his room and people send him coins, is that allowed at his age",
            "parent",
        ),
        ("my husband went round a bloke's house to pick up a sofa", "parent"),
        ("Mum spilt the drinks on the floor at the party", "parent"),
        ("I do the baby's bottles at night so my wife can sleep", "any"),
        ("the baby next door cries every night, it's so sad", "parent"),
        ("saw him texting a Y6 pupils mum at 11pm from his own phone", "staff"),
        ("The kids played outside in their pyjamas till it got dark, lovely summer evening", "parent"),
        ("the dog got shut out overnight by mistake, he was fine", "parent"),
        ("nan pays the kids a pound for every picture they draw her", "parent"),
    ],
)
def test_round_twenty_eight_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 29: set AR (read), the AW probe and blind set 39, kinds in other words; each missed, or routed
# elsewhere, with the round's starting rules
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # set AR: how a child said it was done; a child's aid never replaced; a stranger filming at the
        # gate; the head told at length to delete a record; the head as where a concern might go; a child
        # tied to a radiator; drugs with needles at home; teeth and no dentist; parents a child cannot wake
        ("he told me his mum did it with the slipper", "pupil", "dsl"),
        ("his hearing aid broke in the summer and never got fixed", "parent", "dsl"),
        (
            "a woman keeps standing by the railings at home time filming the children on her phone",
            "parent",
            "dsl",
        ),
        (
            "our head has ignored two referrals from me this term about the same family, and this week he "
            "told me to remove the record of what the girl said",
            "staff",
            "chair_of_governors",
        ),
        (
            "Should this go to the DSL or the head? One of our TAs has been adding Y5 girls on Snapchat and "
            "messaging them at night",
            "staff",
            "headteacher",
        ),
        ("my stepdad ties me to the radiator when im bad", "pupil", "dsl"),
        (
            "her mum's friends come round to do their medicine with needles in the front room and she has "
            "to stay in her bedroom",
            "parent",
            "dsl",
        ),
        # the AW probe: dialect ("leathered", "a shiner", "meks … stand out in t'back yard")
        ("his teeth hurt all the time and he's never been to a dentist", "parent", "dsl"),
        ("mum has the funny smoke and then i cant wake her up", "pupil", "dsl"),
        (
            "our kids mate come round upset sayin her mas fella leathered her, shes got a shiner",
            "parent",
            "dsl",
        ),
        (
            "her mam meks that little lad stand out in t'back yard in t'cold wi no shoes on when he's been "
            "naughty",
            "parent",
            "dsl",
        ),
        # a later read: a child told by "he", who sends pictures, to delete them
        ("he sends me pics and says i should delete them", "pupil", "dsl"),
        # round 29's review: "the dog cage" as two words; a father who has found out where the family is
        ("dad puts me in the dog cage when he's playing his xbox", "pupil", "dsl"),
        (
            "we're in a refuge now and my son has started football training, but his dad has found out where"
            " we are",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_twenty_nine_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


# Round 29: kinds the similarity and meaning layers found at the round's start only by closeness to the
# examples (a car for hours, a fight filmed, FGM on a family visit, a colleague who "loses it", a walking aid
# taken as a punishment, private fostering): a rule for each kind now
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "my neighbour's kids (aged 5 and 7) get left in the car outside the gym for hours, even when "
            "it's freezing",
            "parent",
            "dsl",
        ),
        (
            "Could just be boys being boys but his stepbrother (15) makes him do fight club with bigger "
            "lads and videos it",
            "parent",
            "dsl",
        ),
        (
            "Mum told me at parents evening, very calmly, that her girl will have her cutting done when "
            "they visit family in the holidays, like all the women in their family.",
            "staff",
            "dsl",
        ),
        (
            "A colleague told me in the staffroom that she 'loses it' with one of the Y3 girls and slapped "
            "her arm when nobody was about.",
            "staff",
            "headteacher",
        ),
        (
            "Amira came in without her walker today, she said her dad took it away as a punishment and she "
            "had to crawl upstairs",
            "staff",
            "dsl",
        ),
        (
            "A man came to enrol a boy for Year 2, said he's 'looking after him for a friend' who's gone "
            "back to Albania, no relation, for a year maybe",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_twenty_nine_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 39, set AR, the AW and blind44 probes and real set 27: a telling-off; the writer's own
        # post; the messages a child is getting; parents as a teacher's friends; what school can do about
        # home; a word like "extremist"; an account groomed; a question about practice; news stories; a
        # collection; nails; stories and games; idioms; a bereavement with the GP; training; a sanction; a
        # podcast; a made-up claim
        ("my friend says the teacher can't tell us off for what we post at home", "pupil"),
        (
            "TA here. Posted a moan about the new car park on my own Facebook. My husband says I should "
            "delete it.",
            "staff",
        ),
        ("our class teacher is friends with lots of parents on facebook and messages them", "staff"),
        (
            "My class fell out on Xbox at the weekend. Can school actually do anything when it happened at "
            "home?",
            "staff",
        ),
        ("does it depend on the extremity of the comments", "any"),
        ("who is grooming our Twitter account before the new term", "staff"),
        ("Is it true teachers can't promise children they'll keep a secret?", "parent"),
        ("What can staff do if he runs off? He has autism and we want to know about restraint", "parent"),
        (
            "The BBC had a story about a girl who took her own life after online bullying, is school doing "
            "anything for Safer Internet Day?",
            "parent",
        ),
        (
            "Our mosque is collecting toiletries for the women's refuge, can we put a box in reception?",
            "parent",
        ),
        ("she's been biting her nails till they bleed with the SATs coming", "parent"),
        ("in my story the giant locks the boy in his castle", "pupil"),
        ("i was the wolf in the game and put them in my cage", "pupil"),
        ("if he loses one more water bottle I'm going to murder someone", "parent"),
        ("if I hear that song one more time I'll jump off a bridge", "parent"),
        ("since her nan died she's wetting the bed again, we've seen the GP", "parent"),
        ("my essay on child criminal exploitation for my DSL qualification is due Friday", "staff"),
        ("im scared my dad will be cross about my reading book", "pupil"),
        ("we made a magic potion that makes teachers disappear forever", "pupil"),
        ("I'm a support worker at a refuge and could run a session for staff", "parent"),
        ("He's lost loads of weight with his colitis, the consultant has changed his meds", "parent"),
        ("a parent on the local page claimed a TA hits children, which is completely made up", "parent"),
        (
            "We're planning a staff night out and someone wants a group video for TikTok, what happens if "
            "it goes wrong?",
            "staff",
        ),
        (
            "Someone on the village page said one of the TAs 'hits kids', which is completely made up. "
            "Should I reply?",
            "parent",
        ),
        (
            "There was a man on the local news jailed for grooming boys online. Could you remind parents "
            "about privacy settings?",
            "parent",
        ),
        ("Anyone seen the podcast about a woman who murdered her husband in the 80s? Brilliant", "staff"),
        ("miss your going to kill me but i left my reading book at home AGAIN", "pupil"),
        ("me and Ollie made a potion that makes people disappear forever muahaha", "pupil"),
        ("In his dolls' house game the baby is always naughty and gets sent to bed with no tea", "parent"),
        ("Just read about a school in Kent where a TA got arrested. Hope you do proper checks!", "parent"),
    ],
)
def test_round_twenty_nine_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 29's rules as first written read more than the cases they were written for (a spider squashed with a
# slipper, a boxing club's video, a kit left in the car, the writer's own glasses, a woman at the gate taking
# photos on the first day, a colleague and the photocopier, football and a christening, a wheelchair stuck in
# the mud): each was narrowed before committing
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I squashed the spider, I did it with my slipper", "parent"),
        ("boxing club makes them box every Friday and the coach puts a video on the website", "parent"),
        ("his PE kit got left in the car and it's there till late tonight", "parent"),
        ("My glasses broke last month and never got fixed, so I can't read the newsletter", "parent"),
        ("Someone was taking photos of the kids at the gate on the first day, is that allowed?", "parent"),
        ("a colleague lost her temper when the photocopier jammed and hit the machine", "staff"),
        ("we got leathered 6-0 at football last night, the boys were so upset", "parent"),
        ("I got leathered at the christening last night, feeling rough", "parent"),
        ("his wheelchair got stuck in the mud on the trip so staff took the other path", "parent"),
        # (a second read) absence notes: a child who would not wake after a bottle of water in bed, fizzy
        # drinks or new tablets (an older rule flagged them too, and was narrowed with the new one)
        (
            "couldnt wake her up this morning, she took a bottle of water to bed and was up late reading",
            "parent",
        ),
        ("Late today, couldn't wake them up after the wedding, the kids had too much fizzy drink", "parent"),
        ("couldn't wake him up for school, he's on new tablets for his ADHD that make him drowsy", "parent"),
    ],
)
def test_round_twenty_nine_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 30: set AT (held out through rounds 28 and 29, read this round) and the AY probe (read at once): their
# kinds of disclosure in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # set AT: food withheld; sexual behaviour beyond a child's age; a Y6 girl and a much older boyfriend;
        # a father the family fled, out of prison; a man from before the child freezes at; men at the gates
        # asking a younger brother to "do jobs"
        ("she's only allowed one meal a day because her stepmum says she's getting fat", "staff", "dsl"),
        ("he cries with hunger by ten o'clock most mornings", "staff", "dsl"),
        ("two Year 1 boys were found in the toilets doing things well beyond their age", "staff", "dsl"),
        (
            "my friend in year 6 is going out with a 17 year old and says they do it at his house",
            "pupil",
            "dsl",
        ),
        ("we fled to get away from him and now I hear he's out of prison", "parent", "dsl"),
        (
            "my daughter saw the man from our old street outside school and she froze and wet herself",
            "parent",
            "dsl",
        ),
        (
            "some older lads hanging round the gates keep asking my little brother to do jobs for them",
            "pupil",
            "dsl",
        ),
        # the AY probe: "good for daddy" at bedtime; the head named as where the concern should go, not its
        # subject; a tutor who says to delete the pictures he sends (no longer blanked as the writer's own
        # post)
        ("she says she has to be a good girl for daddy at bath time or he gets sad", "parent", "dsl"),
        (
            "Please make sure this goes to the headteacher. My son's teacher sent him a message saying he "
            "looked fit in his swimming photo",
            "parent",
            "headteacher",
        ),
        ("the tutor sends me pictures and said i should delete it", "pupil", "headteacher"),
        # round 29's rule for pictures sent with "delete them", for one picture too
        ("he sends me a pic and says i should delete it", "pupil", "dsl"),
    ],
)
def test_round_thirty_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


# Round 30: kinds the similarity and meaning layers found at the round's start only by closeness to the
# examples (private fostering with no paperwork, a lodger arrested who babysat, an escort's hand on a leg with
# sweets): a rule for each kind now
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "Just so you know I'm not his mum, I'm a friend of the family. His mum went back to Ghana in the "
            "summer and left him with me, nobody from the council knows and I've no paperwork.",
            "parent",
            "dsl",
        ),
        (
            "the man who lodged with us last year has been arrested for something to do with children and he "
            "used to babysit my son on his own",
            "parent",
            "dsl",
        ),
        ("the escort on the minibus strokes her leg and gives her sweets", "parent", "dsl"),
    ],
)
def test_round_thirty_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind set 41 and the blind46 probe: the writer's own post ("do I need to delete it?"); a request to
        # be contacted; a parent accused online of neglect; a family's origin; a change of school; adults who
        # say so; a parent abusive to staff
        (
            "Posted a meme about Ofsted on my Instagram. A colleague says it looks bad. Do I need to delete"
            " it?",
            "staff",
        ),
        (
            "Please pass this to the head so someone contacts me, some older kids put a video of our house"
            " on TikTok",
            "any",
        ),
        (
            "my ex keeps posting on the parents page saying I neglect my children, none of it is true",
            "parent",
        ),
        ("since we came from Syria boys in her class keep sending her nasty messages on snapchat", "parent"),
        (
            "my stepson is being picked on in a group chat since he moved in with us and changed school",
            "parent",
        ),
        ("Why can't I follow her teacher on Instagram? We're both adults and it's my own account.", "parent"),
        ("abusive parent at reception again today, can we limit contact to email?", "staff"),
        # set AT and the AY probe: a baptism; no hot water with the landlord on it; a talk on sextortion; the
        # Snapchat map; underweight with a paediatrician; a classmate who pulls hair; a dragon in red crayon;
        # a stapler taken; a lesson's cartoon; a pony; the Ganges; a child's modesty
        (
            "he's being baptised by full immersion on Sunday and is nervous about being held under the water",
            "parent",
        ),
        (
            "No hot water at home till Friday, the landlord's on it, so he'll shower at the leisure centre",
            "parent",
        ),
        ("The online safety talk mentioned sextortion, is it aimed at Year 6?", "parent"),
        ("how do I turn off the snap map so strangers can't see her location", "parent"),
        (
            "she's underweight and seeing the paediatrician about coeliac, can she have a snack at break",
            "parent",
        ),
        (
            "the boy who keeps pulling her hair in the line needs dealing with or I'm going to the governors",
            "parent",
        ),
        ("he drew a knight and a dragon with a lot of crayon blood, daddy helped", "parent"),
        ("Whoever took my stapler from the staffroom, I know where you live", "staff"),
        ("is the cartoon of people having sex in the RSE lesson suitable for Year 6", "parent"),
        ("she got kicked by a pony at riding and has a bruise on her leg", "parent"),
        ("her grandad's ashes went in the Ganges and she wants to talk about it in RE", "parent"),
        ("he doesn't want me to see him naked any more, is that normal at 9?", "parent"),
    ],
)
def test_round_thirty_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 30's rules as first written read more than the cases they were written for (work beyond a child's age
# in maths, a karate board broken with a fist, children hiding from a fire alarm, jobs at the allotment, an
# arrest at the football, a skirt too long, "bruised and battered" after a match): each was narrowed
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she's doing things way beyond her age in maths, can she have harder work", "parent"),
        ("Karate grading: he broke a board with his fist and has a bruise on his knuckles", "parent"),
        ("the kids hide in the cupboard when the fire alarm goes off, they're scared of the noise", "parent"),
        ("the men at the allotment asked him to do a few jobs for pocket money", "parent"),
        (
            "a dad was arrested at the football for fighting, the children were looked after by their"
            " grandma",
            "parent",
        ),
        ("i keep pulling my skirt up because it is too long", "pupil"),
        ("Bruised and battered after the rugby tournament, the Y5 team were brilliant", "staff"),
    ],
)
def test_round_thirty_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 30's conditions (`unless:`) as first written named words a disclosure could hold ("assembly",
# "lesson", "snap map", "crayon", "in the line", "towards me"): they cancel a rule wherever they appear, and
# were cut back to the phrases they were written for
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("after the online safety assembly my son told me a man is sextorting him", "parent", "dsl"),
        (
            "my cousin says we are having sex and i have to, we had a lesson about bodies today",
            "pupil",
            "dsl",
        ),
        (
            "someone she doesn't know found her location on the snap map and turned up at the park",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_thirty_conditions_do_not_cancel_a_disclosure(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 31: set AV (held out through rounds 29 and 30, read this round) and the BA probe (read at once): their
# kinds of disclosure in other words (a parent who drove the children after drinking; a child's hearing aids,
# wheelchair or medicine the parent will not see to; a child told they ruined a life or should have been got
# rid
# of; a teacher who says a child's family will go to hell; a child not found in school now; dialect and
# text-speak;
# a child working with no pay; no tea for wetting the bed; a stepfather who "checks her"; an inhaler not
# replaced
# despite letters)
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("I was still drunk when I did the school run today, I shouldn't have driven them", "parent", "dsl"),
        ("her dad drove the kids home after the pub and he'd had at least five pints", "parent", "dsl"),
        (
            "Her wheelchair has been broken since half term and mum won't arrange the repair, she's left in "
            "bed at home",
            "staff",
            "dsl",
        ),
        (
            "he hasn't had his epilepsy medication for a fortnight, mum says she can't be bothered going to "
            "the pharmacy",
            "staff",
            "dsl",
        ),
        ("dad tells me I ruined his life and he should have left when I was a baby", "pupil", "dsl"),
        ("mummy says she should of got rid of me", "pupil", "dsl"),
        (
            "Miss told my son God will punish him because his dads are gay, he's scared to go to school",
            "parent",
            "headteacher",
        ),
        (
            "URGENT we can't find Lily from Year 1, she was at lunch and now she's not anywhere in school, "
            "the back gate was open",
            "staff",
            "dsl",
        ),
        (
            "Year 3 boy can't be found, he was in the line after play, we've checked all the toilets",
            "staff",
            "dsl",
        ),
        ("me stepdad lamped us last neet an me lip's aal swollen", "pupil", "dsl"),
        ("sum1 is postin vidz of a yr 4 boy gettin beat up by older kids, he's cryin in it", "any", "dsl"),
        (
            "a boy from year 4 works at the car wash every night with no gloves and I don't think he's paid",
            "any",
            "dsl",
        ),
        (
            "my son's friend asked me not to look when she got changed because her stepdad checks her and "
            "she doesn't like it",
            "parent",
            "dsl",
        ),
        (
            "her inhaler ran out in the summer and hasn't been replaced despite three letters home",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_thirty_one_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


# Round 31: kinds the similarity and meaning layers found at the round's start only by closeness to the
# examples
# (mucky films shown to a child, county lines in street words, a teacher alone in a dorm, a family sleeping in
# a
# car, a home smashed up while the children slept): a rule for each kind now
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("her mam's fella keeps showin her mucky films on his phone, she's only 7", "parent", "dsl"),
        (
            "older boys have got my cousin in year 6 going OT, he comes back with cash and a second phone",
            "any",
            "dsl",
        ),
        (
            "I saw a male teacher go into the girls' dorm on the residential on his own and stay for ages",
            "staff",
            "headteacher",
        ),
        (
            "a boy in my son's class has been sleeping in his mum's car since they got kicked out, he "
            "smells and hasn't washed",
            "parent",
            "dsl",
        ),
        (
            "please ignore my last message, he's calmed down, the kids were in bed when he smashed the "
            "house up",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_thirty_one_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 31: set AV, the BA probe, blind set 43 and real_fresh29 (read this round) and the blind48 probe:
# ordinary
# messages of the kinds they flagged, in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("His chickenpox is really itchy and he scratched his legs until they bled last night", "parent"),
        ("The consultant wants her drinking loads after the kidney infection, please remind her", "parent"),
        ("For INSET the scenario cards on FGM and county lines are in the library", "staff"),
        (
            "I'm pregnant, 14 weeks, we haven't told her yet so if she says she's getting a sibling it's "
            "news to us",
            "parent",
        ),
        ("he writes stories about a runaway dragon who lives in a cave", "parent"),
        ("I could have throttled her when she told me at bedtime she needed a costume", "parent"),
        ("someone said they're doing the sex talk in Year 5 this term, what's covered?", "parent"),
        ("with the terror attack on the news are you changing anything about security at pick up?", "parent"),
        (
            "she asked if the bad men will burn our house down after the news, maybe something for circle "
            "time?",
            "parent",
        ),
        (
            "he keeps saying we're all going to die because of the ice caps melting, is that covered in "
            "science?",
            "parent",
        ),
        (
            "The news about the knife amnesty has her asking why people carry knives. Is the PCSO still "
            "coming in?",
            "parent",
        ),
        (
            "Has anyone seen a brown bear called Biscuit? He came in for show and tell and never came home",
            "parent",
        ),
        (
            "Ava's come home with a scratched cheek again, she says it's the rose bush by the side gate. "
            "Could it be cut back a bit?",
            "parent",
        ),
        (
            "FYI Reception boy wet himself in PE, changed him with another adult present, clothes bagged "
            "and dad told",
            "staff",
        ),
        (
            "trying to top up my daughter's dinner money account online but it keeps failing, can I pay "
            "cash?",
            "parent",
        ),
        (
            "If I'm uneasy about something a colleague is posting, do I tell the head or my line manager?",
            "staff",
        ),
        (
            "Just checking who I report this to? A colleague has a public TikTok with videos filmed in our "
            "classroom showing children's faces.",
            "staff",
        ),
        ("Will complaining make the office see me as a difficult dad and it'll rub off on my son?", "parent"),
        (
            "an older boy keeps tripping my son up in the playground, before I go in tomorrow what will the "
            "school do?",
            "parent",
        ),
        ("sir plays fortnite and i want to follow him so we can play together", "pupil"),
        (
            "my concern is really the teacher and the way she runs the class Dojo, who else can I speak to?",
            "parent",
        ),
        (
            "I'm the deputy head and a few parents regularly attack me and my team in emails, what can we "
            "do?",
            "staff",
        ),
        ("worried about all the creeps out there, he's only 10 and wants YouTube", "parent"),
    ],
)
def test_round_thirty_one_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 31's rules and conditions as first written read more than the cases they were written for (a mother
# working till late, unpaid leave, a burner account, glasses a child will not wear, a teacher settling a tent,
# a
# register or a cardigan not found, pancakes, camping, a child kicked out of a group chat): each was narrowed
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mum's working till late at work tonight, can grandad collect her?", "parent"),
        ("Sorry he's missed so much, I've had to take unpaid leave from work to look after him", "parent"),
        ("someone made a burner account to post about her teacher, can the school do anything?", "parent"),
        ("he won't wear his glasses in class, can you remind him?", "parent"),
        ("she refused to take her medicine this morning so I'll bring it at lunch", "parent"),
        (
            "On the camp one of the teachers went into the boys' tent to tell them to be quiet after lights "
            "out",
            "staff",
        ),
        ("can't find the Reception register anywhere, has anyone checked the hall?", "staff"),
        ("A child's cardigan is missing from the playground, we've looked everywhere", "staff"),
        ("the boys trashed the kitchen making pancakes, the kids had a great time", "parent"),
        ("we're sleeping in a tent at the campsite this half term so he might be tired", "parent"),
        ("my son got kicked out of the class whatsapp and they keep posting memes about him", "parent"),
    ],
)
def test_round_thirty_one_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 31's conditions and exclusions name words a disclosure could hold ("to check", "runaway" stories,
# "could
# have killed", weeks of pregnancy, a coat not found, "the sex talk"): these disclosures hold them and are
# found
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "my daughter says on the residential a teacher kept going into their dorm on his own at night "
            "saying he had to check on them",
            "parent",
            "headteacher",
        ),
        ("my daughter keeps saying she wants to be a runaway and live anywhere but home", "parent", "dsl"),
        (
            "I heard him shouting and then he strangled her, he could have killed her, the kids were in the "
            "next room",
            "any",
            "dsl",
        ),
        ("im 12 and i think im pregnant, my cousin is 16, please dont tell", "pupil", "dsl"),
        (
            "we can't find Tom, his coat is still on his peg, we've searched the playground and the toilets",
            "staff",
            "dsl",
        ),
        ("my stepdad gave me the sex talk and then touched me down there", "pupil", "dsl"),
    ],
)
def test_round_thirty_one_conditions_do_not_cancel_a_disclosure(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


# Round 32: set AX (held out through rounds 30 and 31, read this round) and the BC probe: kinds that nothing
# found, in other words; each now has a rule
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("my cousin is 14 and is getting married at Easter", "any", "dsl"),
        (
            "Amir says mum is away again and he's been babysitting the baby since Sunday. He's 7.",
            "staff",
            "dsl",
        ),
        (
            "the kids next door are always camping out the back even when it's raining and the door's locked",
            "any",
            "dsl",
        ),
        (
            "a 20 year old from the flats keeps telling her she's very mature and wants to meet without"
            " telling anyone",
            "parent",
            "dsl",
        ),
        ("she won't shower at home since her uncle moved in, she says he watches", "parent", "dsl"),
        ("Y1 boy, dry all year, has wet himself every day this week and panics at home time", "staff", "dsl"),
        ("a Y3 girl keeps taking bread out of the bins at lunch", "staff", "dsl"),
        (
            "she keeps drawing a monster with glasses and a beard that comes into her bedroom at night",
            "staff",
            "dsl",
        ),
        (
            "sorry she's tired, her mum's boyfriend lost his temper at 2am and chucked her things out of the"
            " window, she was screaming",
            "parent",
            "dsl",
        ),
        (
            "the head keeps messaging me that I'm his favourite pupil and to come to his office on my own",
            "pupil",
            "chair_of_governors",
        ),
        (
            "Y1 child not in the line after lunch, not in the playground, nobody signed her out",
            "staff",
            "dsl",
        ),
        ("the group chat says we are stabbing him tmrw if he grasses", "parent", "dsl"),
        ("boys in Y6 filmed themselves punching a younger kid and posted it on snapchat", "parent", "dsl"),
        ("over half term at her dad's his friend climbed into her bed at night", "parent", "dsl"),
        (
            "I can't go on. I've written letters for my kids, please make sure someone looks after them",
            "parent",
            "dsl",
        ),
        (
            "the man upstairs says I have to go to his flat again on Sunday and I don't want to, please help",
            "pupil",
            "dsl",
        ),
        ("one of the dads from the class keeps texting my daughter late at night, she's 10", "parent", "dsl"),
        ("He's 8 and does his dad's injections every night because nobody else helps", "staff", "dsl"),
        (
            "S in Y5 is living with a woman from church since September because mum went abroad, not a "
            "relative and nobody told us",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_thirty_two_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 32: set AX, the BC probe and the blind50 probe: ordinary messages of the kinds they flagged, in other
# words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("home alone with four kids and the dog's been sick everywhere, send coffee", "parent"),
        ("Can you tell me which words Year 1 use for private parts so we use the same at home?", "parent"),
        (
            "I've read so many horror stories about predators online, which parental control app do you use?",
            "parent",
        ),
        (
            "is there a setting to stop people he doesn't know messaging him on Xbox? I set it to friends"
            " only",
            "parent",
        ),
        (
            "the library book on the human body has drawings of naked people, is it right for year 2?",
            "parent",
        ),
        ("she says she's literally going to die if she isn't an angel in the nativity", "parent"),
        ("a parent messaged me on Facebook last night about the trip money, should I reply?", "staff"),
        ("my wife would like the head to ring her back about her complaint, her number is on file", "parent"),
        ("a friend tagged me in a photo of her off her face at the hen do, should I untag myself?", "staff"),
        ("he ran into the bench at lunch and has a bruise, did it go in the accident book?", "parent"),
        ("my brother choked me out on the WWE game haha", "pupil"),
        ("the propaganda posters from the WW2 topic box have gone missing", "staff"),
        ("she read 'rape and pillage' in a Vikings book and asked me what it means", "parent"),
        ("her homework is a diary of a Victorian child beaten by the master in the workhouse", "parent"),
        ("my grandad is in hospital and the doctor says he is going to die soon", "pupil"),
        (
            "the translated letter says the children will be touched by the nurse for the height check",
            "parent",
        ),
        ("can we read Goodnight Mister Tom as our class book? I heard Willie gets hurt by his mum", "pupil"),
    ],
)
def test_round_thirty_two_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 32's rules as first written read more than the cases they were written for (a teenager paid to
# babysit, an age and "one day lol", a sister who watches in the bath, a child's own dad texting goodnight, a
# dad from the class texting the writer, a boring weekend at an uncle's): each was narrowed
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "our 17 year old is minding her little brother since Saturday while we're away, we pay her",
            "parent",
        ),
        ("my eldest is 15 and says he's getting married one day", "parent"),
        ("she hates baths, she says her sister watches her and laughs", "parent"),
        ("his dad texts him goodnight with kisses every night, he's 8", "parent"),
        ("a dad from class texted me at night about the party for my daughter, she's 6", "parent"),
        ("I have to go to my uncle's again on Saturday and I don't want to, he has no wifi", "pupil"),
        ("the kids were locked out in the rain yesterday because I lost my keys", "parent"),
    ],
)
def test_round_thirty_two_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 33: set AZ (held out through rounds 31 and 32, read this round) and the BE probe: kinds that nothing
# found, in other words; each now has a rule
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "the reading book is torn because her dad threw it at her when she read too slowly",
            "parent",
            "dsl",
        ),
        ("my 6 year old says her big cousin makes her do grown up kissing in the bedroom", "parent", "dsl"),
        (
            "a mum told me at the gate that Leo's stepdad does things in his bed when mum's at work",
            "staff",
            "dsl",
        ),
        (
            "the girl next door looks after her baby brother every night and there's no adult there",
            "any",
            "dsl",
        ),
        (
            "Maya has missed three hospital appointments and dad says he can't be bothered taking her",
            "staff",
            "dsl",
        ),
        ("his friend's flat is filthy, dog poo on the floor and no bedding on the kids' beds", "any", "dsl"),
        ("a Y4 boy keeps saying gay people should be wiped out, he says his uncle told him", "staff", "dsl"),
        (
            "the twins were taken out of the country in July and won't be back, they're to be married off",
            "parent",
            "dsl",
        ),
        (
            "ignore my email about my brother, she made it up and we've dealt with it as a family",
            "parent",
            "dsl",
        ),
        (
            "my niece begs to come home with us instead and she cried when her stepdad's car pulled up",
            "parent",
            "dsl",
        ),
        (
            "the little boy next door was outside in his pyjamas at 11pm again, no lights on in the house",
            "any",
            "dsl",
        ),
        ("bruises on the tops of both ears today, he wouldn't say how", "staff", "dsl"),
        (
            "he said he walked into a door but his sister says they don't have a door on that room",
            "staff",
            "dsl",
        ),
        # "quite" is no longer read as "quiet" by closeness; where it can only be the typo it still is
        ("he's gone very quite since his mum's new boyfriend started staying over", "parent", "dsl"),
    ],
)
def test_round_thirty_three_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 33: blind47 (read this round), set AZ and the BE probe: ordinary messages of the kinds they flagged,
# in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my husband's going to strangle me, I've double booked parents evening", "parent"),
        ("my sister will have my head if I don't get her a ticket for the summer fair", "parent"),
        ("he's had nightmares about the coach crashing since that news story", "parent"),
        ("the Y2s have a playground game where one pretends to be a stranger giving out sweets", "parent"),
        ("does a member of staff go into the changing rooms with the girls at swimming?", "parent"),
        ("we're going to be dead late, the bypass is closed", "parent"),
        (
            "have you heard about the new TikTok challenge where kids hold their breath? could you warn"
            " parents?",
            "parent",
        ),
        (
            "a post about a man luring kids into a car is going round again, it's a hoax from years ago",
            "parent",
        ),
        ("my son asked why soldiers had to kill people after the Remembrance assembly", "parent"),
        ("Mr Patel got arrested in assembly! He was dressed as a robber for the police visit", "parent"),
        (
            "there's one parent I find quite rude when she visits the office, can I vent about it online?",
            "staff",
        ),
        ("the Year 6 groupings for the residential are out, can we ask for a swap?", "parent"),
        ("I couldn't find them on the website, when are the INSET days?", "parent"),
        ("if a parent posted something threatening about me online, could the school help?", "staff"),
        (
            "my partner plays golf with Mr Hill and he'd like to add him on Facebook, is that allowed?",
            "parent",
        ),
        ("she fainted after her injection at the dentist but she's back to normal now", "parent"),
        ("my dad was watching a film where a man killed everyone, it was scary", "pupil"),
    ],
)
def test_round_thirty_three_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 33's rules read no more than the cases they were written for: a child who cries at pick-up because
# she wants to keep playing, fireworks watched in pyjamas, a ball thrown in the garden, a cousin's wedding
# abroad, a message taken back about a lift, glasses being replaced, a child passing on what a TA said
# (blind41a)
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "she cried when her dad's car pulled up and begged to stay at ours instead, they were having such"
            " fun",
            "parent",
        ),
        ("the kids sat outside in their pjs after dark to see the bonfire night fireworks", "parent"),
        ("his dad threw the ball at him in the garden and he caught it first time!", "parent"),
        ("we'll be out of the country for two weeks, my cousin is getting married in Lahore", "parent"),
        ("please ignore my last message about my husband collecting, I got the days mixed up", "parent"),
        ("my son told me he can use the class ipad at lunch because the TA said it was fine", "parent"),
        (
            "his glasses snapped at the weekend, we've ordered new ones, he can't see the board till Friday",
            "parent",
        ),
    ],
)
def test_round_thirty_three_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 34: set BB (held out through rounds 32 and 33, read this round) and real_fresh32: kinds that nothing
# found, in other words; each now has a rule
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("in art she drew her dad with a slipper and herself crying under the table", "staff", "dsl"),
        (
            "her diary says she thinks about it every night and has made a plan for when"
            " she's not here any more",
            "parent",
            "dsl",
        ),
        (
            "a boy in year 6 told my daughter to send him a photo or he'll show everyone at"
            " school what she said",
            "parent",
            "dsl",
        ),
        (
            "some older lads set upon my nephew at the bus stop and were kicking him while"
            " he was on the ground",
            "any",
            "dsl",
        ),
        (
            "my ex-partner sexually abused my son years ago and was sent to prison, and now"
            " he's been released",
            "parent",
            "dsl",
        ),
        (
            "my son's friend says his mum never gives him breakfast or tea and he's always starving",
            "parent",
            "dsl",
        ),
        ("she told me someone was touching her and then the next day said she'd made it up", "staff", "dsl"),
        (
            "I'm not coping since my breakdown, the kids haven't been in school and they're"
            " living off cereal",
            "parent",
            "dsl",
        ),
        ("please help I'm not safe around my kids tonight, I've been drinking", "parent", "dsl"),
        (
            "Y3 boy has been living with a man he calls uncle for weeks and he isn't on our contacts",
            "staff",
            "dsl",
        ),
        ("her mum's new partner still showers with her and she says she doesn't like it", "any", "dsl"),
        ("a Y5 girl says she works in her aunt's nail bar after school and she can't say no", "staff", "dsl"),
        (
            "my son's tutor is messaging him late at night, more than I'm comfortable with",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_thirty_four_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 34: blind49, real_fresh32 and set BB (read this round): ordinary messages of the kinds they flagged,
# in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("someone on the village page called the cricket coach a drunk, can he sue for libel?", "staff"),
        (
            "her mum said what goes on at home is none of the school's business, it was only"
            " a falling out on whatsapp",
            "parent",
        ),
        ("been trying to ring the office since 9 and nobody picks up, can someone call me back", "parent"),
        (
            "a mum from the class messaged my student teacher on Instagram about spellings,"
            " should she reply?",
            "staff",
        ),
        ("my wife wants to follow Mrs Green on Instagram, is that ok with the school?", "parent"),
        ("should I contact the mother directly about her post on Facebook?", "staff"),
        ("the Year 5 show has a song where the pirates kill everyone, can they have fake blood?", "parent"),
        ("after the evacuees lesson she said she would be so scared to leave us", "parent"),
        (
            "after the Holocaust assembly he asked why people hate all Jewish people, how do I explain?",
            "parent",
        ),
        ("can you change his surname on the register to his stepdad's name?", "parent"),
        ("someone said a stranger was outside the gates but it turned out to be the new caretaker", "parent"),
        ("what is private fostering? the admissions form asks about it", "parent"),
    ],
)
def test_round_thirty_four_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 34's rules read no more than the cases they were written for: a trampoline, a hungry swimmer, a
# husband's shifts, a joking threat about a video, a coach's texts to the parents' group, a plan for the
# science fair
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she jumped on the trampoline and kicked her brother by accident, he's fine", "parent"),
        (
            "he's always hungry after swimming, can he have a bigger snack? I don't give him"
            " breakfast till 8",
            "parent",
        ),
        ("my husband works at the car wash after school so grandma collects", "parent"),
        ("send us a video of the class assembly or we'll tell everyone you forgot, lol", "parent"),
        ("the football coach texts the parents' group late at night about fixtures", "parent"),
        ("she has a plan for the science fair, she wants to see nana's garden for her project", "parent"),
    ],
)
def test_round_thirty_four_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The AN probe (second-language English, dialect, handovers, staff training; read at once, round 25): its
# kinds in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("her dad is in no fit state to look after them, he's drunk by lunchtime most days", "parent", "dsl"),
        ("he left her at the park till 10 at night on her own again", "parent", "dsl"),
        ("marks from a cable on his legs, he said his uncle did it", "parent", "dsl"),
        (
            "the roofer working on the school passed a note with his snapchat to two of the Y6 girls",
            "staff",
            "headteacher",
        ),
        # a tutor in a child's words, and a member of staff picked out of a group ("one of the…"): the head's
        (
            "the lady who teaches dance after school says i am her favourite and gives me sweets when we are"
            " alone",
            "pupil",
            "headteacher",
        ),
        (
            "One of the lunchtime supervisors (Mike) smelt strongly of wine at lunch today and was slurring",
            "staff",
            "headteacher",
        ),
    ],
)
def test_the_an_probes_kinds_of_disclosure_are_found(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # training that names a harm, skin scratched, knives for whittling, a YouTuber's challenge, a sulk, a
        # question after the news
        ("FGM awareness module needs finishing by half term", "staff"),
        ("domestic abuse awareness training is on Monday, please sign up", "staff"),
        ("forced marriage webinar link for SLT", "staff"),
        ("he's scratching himself raw again with his eczema, cream is in the bag", "parent"),
        ("forest school will be whittling with knives next week, are they supervised?", "parent"),
        ("he says he will give all his toys away for a youtube video", "parent"),
        ("she said nobody loves me after I told her off, typical sulk", "parent"),
        ("he asked why people carry knives after it was on the news", "parent"),
    ],
)
def test_the_an_probes_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The blind36 question probe (the loudest words not the subject) and the AO probe (ordinary messages of twelve
# kinds), read at once in round 25: their kinds in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind36: a teacher said to have favourites, parents' posts at home, "sounds like" about a rumour,
        # keeping out of a group, a governor mocking a provision
        ("someone on the class whatsapp says the teacher has favourites, should I say something?", "parent"),
        (
            "parents are arguing on facebook about a fight the kids had, can school step in when it's all"
            " happening at home?",
            "staff",
        ),
        (
            "a mum in the chat says the school will sue anyone who moans online, which sounds like nonsense",
            "parent",
        ),
        ("I keep out of it, I'm not in the parents' whatsapp group, should I join?", "staff"),
        ("a governor makes fun of the school's SEN provision on twitter, who do I complain to?", "parent"),
        # AO: a faint explained, head-banging in autism, a refuge in the past, a pet, a drill, training, what
        # a word means, a question about a stranger, a book, the school run alone, a falling-out made up
        ("she fainted again in PE, doctor says it's low blood pressure, please let her sit down", "parent"),
        (
            "he bangs his head on the floor when he's overwhelmed, it's his autism, the OT has a plan",
            "parent",
        ),
        (
            "we were in a refuge last year but we've been in our own house since March and all is fine",
            "parent",
        ),
        ("she's convinced her hamster is going to die, she cried all night", "parent"),
        ("lockdown drill at 2pm, doors locked, please don't tell the children the time", "staff"),
        ("thanks for the Prevent session, it was about spotting signs of radicalisation", "staff"),
        ("what does sexting mean? it was in the newsletter", "parent"),
        ("if a stranger messages him on fortnite what should he do?", "parent"),
        ("we read a book where the boy's mum locks him in the cupboard and she cried", "parent"),
        ("my husband works away so I bring the children to school alone this week, sometimes late", "parent"),
        (
            "she said nobody likes her because her friend wouldn't play with her, they were friends again by"
            " tea",
            "parent",
        ),
    ],
)
def test_the_blind36_and_ao_probes_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


def test_a_burn_given_to_teach_a_child_a_lesson_is_found(detector: SafeguardingDetector) -> None:
    # The AO probe (round 25): "nana burnt my hand on the cooker to teach me not to touch her things" was
    # missed.
    _assert_found(detector, "my nan burnt my arm with the iron to teach me a lesson", "dsl", "pupil")


def test_a_disclosure_that_mentions_a_book_is_still_found(detector: SafeguardingDetector) -> None:
    # Round 25: a book is read past only as the place a locking happened ("the bit where William's mum locks
    # him in the cupboard"), not wherever a book is named (set M's "her reading book has been the same for two
    # weeks … locks her in the bathroom" is held by the set's own test).
    _assert_found(
        detector, "my uncle read me a book then locked me in the cupboard all night", "dsl", "pupil"
    )


# Round 35: sets BD (held out through rounds 33 and 34) and BG (a probe), read this round, and blind51 and
# blind54: kinds that nothing found, in other words; each now has a rule
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("she's been going through the bins at break for other children's leftovers", "staff", "dsl"),
        (
            "he's worn the same jumper every day for weeks, it's filthy and he's lost weight",
            "staff",
            "dsl",
        ),
        (
            "he came in with brand new designer trainers and a wad of cash and won't tell anyone"
            " where they came from",
            "staff",
            "dsl",
        ),
        (
            "my cousin has a second phone that keeps ringing and he goes off at weekends with older lads",
            "any",
            "dsl",
        ),
        ("her dad says he's sending her back to Pakistan for good because she's too western", "any", "dsl"),
        ("she said she'll do something with her grandad's pills at the weekend", "staff", "dsl"),
        ("he told me at school he's going to do something with his mum's pills tonight", "staff", "dsl"),
        ("he gave his xbox to his best mate and said he won't need it after the weekend", "parent", "dsl"),
        (
            "she keeps skipping meals, has lost weight and asks how many calories are in everything",
            "parent",
            "dsl",
        ),
        (
            "she screams when the escort arrives, and her tights were on inside out when she got home",
            "parent",
            "dsl",
        ),
        ("there are rope marks around his ankles and he's always hungry on Mondays", "staff", "dsl"),
        (
            "we're in a women's refuge at the moment and my ex mustn't find out which school they're at",
            "parent",
            "dsl",
        ),
        ("the kids and I have been sleeping in our car since we were evicted", "parent", "dsl"),
        ("her dad smelled strongly of drink when he picked her up in the car", "any", "dsl"),
        ("the childminder was shaking the baby really hard to make it stop crying", "any", "dsl"),
        ("no one's home in the evenings so she makes her own tea", "staff", "dsl"),
        ("grandma says his dad isn't allowed to collect him after what he did to him", "any", "dsl"),
        ("Mr Jones told my daughter she has a nice figure", "parent", "headteacher"),
        ("the swimming teacher films the boys on his personal phone", "parent", "headteacher"),
        (
            "Mrs Black grabbed him and shouted, and said if we tell anyone we miss playtime",
            "pupil",
            "headteacher",
        ),
        ("the hed teecher pushed me and hurt my arm", "pupil", "chair_of_governors"),
        ("I'm only a lunchtime supervisor but a girl told me her mum's boyfriend hits her", "staff", "dsl"),
    ],
)
def test_round_thirty_five_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 35: blind51 and blind54 (read this round): ordinary messages of the kinds they flagged, in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I coach the under 9s and a dad shouted at me in front of the kids, I want to complain", "staff"),
        ("if i say the rules are unfair will i get in trouble?", "pupil"),
        ("he hasn't eaten his lunch all week and comes home starving, can someone check?", "parent"),
        ("I'm the clerk, in a private WhatsApp with a few of the governors: is it covered by GDPR?", "staff"),
        (
            "the book is about a stepdad who does horrible things to the children at night, is it right"
            " for year 5?",
            "parent",
        ),
    ],
)
def test_round_thirty_five_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 35's rules read no more than the cases they were written for: a lost earring, a cheap phone for the
# walk home, birthday trainers, a summer visit abroad, a uniform passed on, a science lesson, clothes after
# swimming, a watch strap, a refuge stay that is over, a fitted lock, a festival, laughter, a blog question
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she went through the bin at lunch looking for her lost earring", "parent"),
        ("we got him a cheap phone for when he walks home, he only gets calls from us", "parent"),
        ("he got a new iphone for his birthday and can't explain why he wants another", "parent"),
        (
            "we're taking her back to Spain to stay with her grandparents for the holidays,"
            " she's scared of flying",
            "parent",
        ),
        ("I gave my old uniform to my cousin because I won't need it after Christmas", "pupil"),
        ("in science they counted calories on food labels and now she's not eating crisps", "parent"),
        (
            "he came home in the taxi with his trousers on back to front, he's learning to dress himself",
            "parent",
        ),
        (
            "his new watch strap left red marks round his wrist over the weekend, can he leave it at home?",
            "parent",
        ),
        ("we were in a refuge years ago but we're settled now, just updating our address", "parent"),
        ("my toddler got out of the front door on his own onto the road, we've fitted a new lock", "parent"),
        ("we slept in the car on the way back from the festival so he's tired today", "parent"),
        ("she was falling about laughing when the kids did their assembly", "parent"),
        ("can teachers take photos of the children on their own phone for the class blog?", "parent"),
        ("I gave her my coat because she won't need it anymore", "parent"),
        ("can she take all her tablets to school for the trip? the nurse said to", "parent"),
    ],
)
def test_round_thirty_five_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


def test_the_head_a_child_wants_to_tell_is_not_who_the_concern_is_about(
    detector: SafeguardingDetector,
) -> None:
    # Round 35 (set BD): "i want to tell the hed teecher" after a concern about a dinner man names the head as
    # who the child wants to tell: the concern is about staff (the headteacher's), not about the head
    found = detector.detect(
        "mr jones the dinner man grabd me by the neck. i want to tell the head teacher", role="pupil"
    )
    assert found is not None and found.route == "headteacher", found
    about_the_head = detector.detect(
        "the hed teecher hurt my arm wen he pulld me in to his offis", role="pupil"
    )
    assert about_the_head is not None and about_the_head.route == "chair_of_governors", about_the_head


# Round 36: set BF (held out through rounds 34 and 35, read this round): the kinds it missed, in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "the football coach takes one boy into the changing room alone and closes the door, and he came"
            " out crying",
            "parent",
            "headteacher",
        ),
        ("the dinner lady pinched his ear really hard at lunch", "parent", "headteacher"),
        (
            "I passed a disclosure to the headteacher last month and nothing has happened, and she's friends"
            " with him",
            "staff",
            "chair_of_governors",
        ),
        ("he asked me would you die if you took all of mummy's pills", "any", "dsl"),
        ("she scratches her arms till they bleed and says it makes her feel better", "parent", "dsl"),
        ("he won't go to his uncle's because of the secret game they play under the covers", "parent", "dsl"),
        ("a video of a Year 6 boy with no clothes on is going round the class chat", "parent", "dsl"),
        ("the police are looking into the marks on her back so her stepdad can't collect", "any", "dsl"),
        (
            "she's staying with me after what her mum's boyfriend did to her, the police have been told",
            "any",
            "dsl",
        ),
        ("her uncle has moved in with them and he's on the register", "any", "dsl"),
        ("he punched a hole in the wall last night and the kids were screaming", "parent", "dsl"),
        ("his stepdad ripped up all his school books in one of his moods", "any", "dsl"),
        ("she's always starving, she says there's nothing in the fridge at home", "staff", "dsl"),
        ("the little one next door is left on his own for hours, I can hear him screaming", "any", "dsl"),
        (
            "the baby with them is 9 months old, floppy, never smiles and is always in the same clothes",
            "any",
            "dsl",
        ),
        ("their toddler was in a filthy nappy and had been left alone all day", "any", "dsl"),
        ("the baby was in the buggy in just a nappy and it was freezing", "staff", "dsl"),
        ("dad sleeps all day since he's back on the drink and we have no tea", "pupil", "dsl"),
        ("her grandad reeked of cannabis at pick up and was slurring", "staff", "dsl"),
        ("mummy locked me in the bin", "pupil", "dsl"),
        ("my sister packed a bag and I found her at the train station with a man", "any", "dsl"),
        ("saw a boy from Year 6 out at 2am with three men in a car park", "any", "dsl"),
    ],
)
def test_round_thirty_six_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 36: blind53 and set BF (read this round): ordinary messages of the kinds they flagged, in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "my nan says schools can't say anything to parents about tiktok at home, it's none of their"
            " business. what's the rule?",
            "parent",
        ),
        (
            "my mate says if u find ur teachers snapchat u can follow them as long as u dont message them,"
            " true?",
            "pupil",
        ),
        ("his coat has vanished into thin air again, he's so thin he's cold without it", "parent"),
        ("the dads' tug of war was violence, my husband's hurt his back but great fun", "parent"),
        (
            "Rosa says her big brother hates her because he won't let her in his room, normal sibling stuff",
            "parent",
        ),
        ("is there no water at school today? are you still open?", "parent"),
        ("we picked up leaves 🍃 at forest school for the collage", "pupil"),
    ],
)
def test_round_thirty_six_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 36's rules read no more than the cases they were written for: a telling-off behind drawn blinds, a
# dog's tablets, eczema, a car accident, the dentist, a speeding conviction, a swim, a toddler in his cot,
# the writer's own baby, an operation, a man down the road, a bag handed in, a film, a game
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the head had the blinds down when she told him off and he came out crying", "parent"),
        ("could you die from taking all of the dog's worming tablets by accident?", "parent"),
        ("her eczema makes her scratch her arms, the cream makes her feel better", "parent"),
        ("the police are looking into the car accident, her bruises are healing", "parent"),
        ("after what the dentist did to him he won't go back, he's not allowed sweets", "parent"),
        ("my brother has moved in with us, he was convicted of speeding, do you need to know?", "parent"),
        ("he's starving after swimming and there's nothing in at his nan's till the big shop", "parent"),
        ("my toddler slept on his own in his cot for hours this afternoon", "parent"),
        ("my baby is 8 months old and can't sit up yet, the health visitor isn't worried", "parent"),
        ("mum was asleep all day after her operation and the tablets, so we had crisps for tea", "pupil"),
        ("a man down the road reeked of skunk when I collected her", "parent"),
        ("he lost his bag at the bus station, a stranger handed it in and we found him there", "parent"),
        ("the film is about a boy out at midnight with two men", "parent"),
        ("mum put me in the bin in minecraft", "pupil"),
    ],
)
def test_round_thirty_six_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 37: set BH (held out through rounds 35 and 36, read this round): the kinds it missed, in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "the man who does piano at school bought her a mobile and told her it's just for us, he texts her"
            " at 10pm",
            "parent",
            "headteacher",
        ),
        (
            "the headteacher took pictures of my son in his swimming trunks and made him pose",
            "parent",
            "chair_of_governors",
        ),
        (
            "our head was suspended at his old school over messages to girls there, do the governors know?",
            "staff",
            "chair_of_governors",
        ),
        ("two lads pinned him down on the field and pulled his trousers off", "parent", "dsl"),
        ("some girls yanked her skirt down in the line and filmed it, it's happened before", "parent", "dsl"),
        (
            "a Year 5 boy held his phone over the top of the cubicle while she was on the toilet",
            "parent",
            "dsl",
        ),
        ("dad kicked mum when she was on the kitchen floor", "pupil", "dsl"),
        ("I hid my little sister in the wardrobe when mummy's boyfriend came home", "pupil", "dsl"),
        ("Year 3 Maya says she looks after the toddler every night while her mum goes out", "staff", "dsl"),
        ("reception child left on his own at the gates in the dark again, no adult with him", "staff", "dsl"),
        (
            "an older lad passed a little bag over the railings to Kai and told him to keep it hidden",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_thirty_seven_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 37: set BH (read this round): ordinary messages of the kinds it flagged, in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "he was up late playing fortnite with his cousin screaming I killed him, sorry he's tired",
            "parent",
        ),
        ("i was the imposter in among us and stabbed everyone", "pupil"),
        ("the best bit of the game is you can blow people up", "pupil"),
        ("the black eye on my son is from a bouncy castle, it looks worse than it is", "parent"),
        ("our new kitten is lovely but she scratched me and I bled a bit", "pupil"),
        ("the head threatened to suspend the boy who posted it about a teacher", "parent"),
        (
            "the cover teacher is asking whether she can accept follow requests on TikTok from pupils in her"
            " class",
            "staff",
        ),
    ],
)
def test_round_thirty_seven_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 37's rules read no more than the cases they were written for: each message meets every part of its
# rule but the condition that guards it (a phone for calling home, a class photo, a finance inquiry, an
# injection, a wet accident, a dropped phone, a tidy-up, hide and seek, a 17-year-old babysitter, a parent
# asking whether a child may wait at the gate, a forgotten packed lunch)
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "the coach bought a spare phone for the tour bag, it's there at night for the squad to call home",
            "parent",
        ),
        ("the head took photos for the class photo and told them how to pose", "parent"),
        ("the head was investigated over the school finances, not over anything with the children", "parent"),
        ("the nurse held his arm down for the injection, he was in his pe shorts", "parent"),
        (
            "he wet himself at the party and I pulled his shorts off in front of everyone to change him",
            "parent",
        ),
        ("she dropped her phone under the toilet door and a girl passed it back", "pupil"),
        ("mum was shouting at me to tidy my clothes on the floor", "pupil"),
        ("I hid my little sister under the bed when we played hide and seek", "pupil"),
        ("our Jade is 17 and babysits the toddler on her own on saturdays while I work", "parent"),
        (
            "my reception girl waits alone at the gate in the rain before it opens, is she allowed to go in"
            " early?",
            "parent",
        ),
        (
            "a man passed a little bag over the fence to Kai, his forgotten packed lunch, it was his dad",
            "staff",
        ),
    ],
)
def test_round_thirty_seven_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 37: the BK probe (a probe of set BJ's kinds, read at once): the kinds it missed, in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "the dinner lady who helps at Brownies keeps turning up at the rec on Sundays and buys the girls"
            " sweets",
            "any",
            "headteacher",
        ),
        ("i wish i could go to heaven and be with my nan", "pupil", "dsl"),
        ("whats the point of me being here", "pupil", "dsl"),
        (
            "every time I raise my hand to point at the board, Jayden ducks and covers his face",
            "staff",
            "dsl",
        ),
        ("please can i stay late i dont want to go home because my stepdad is there", "pupil", "dsl"),
        (
            "Leo has no words but he signed hit and pointed at his tummy when I asked about the weekend",
            "staff",
            "dsl",
        ),
        (
            "Zara (autistic, non-verbal) screams and hides under the table every time it's her stepdad's"
            " turn to pick her up",
            "staff",
            "dsl",
        ),
        (
            "she's had bandages on both wrists for a week and won't take her hoodie off even in PE",
            "staff",
            "dsl",
        ),
        (
            "the twins next door are home on their own all day and the little one was using the hob",
            "any",
            "dsl",
        ),
        ("mum met him on a dating app last month and now he babysits the kids on his own", "any", "dsl"),
        ("that's the fourth new boyfriend this year and he lets them stay up till midnight", "staff", "dsl"),
        ("he says he gets shut in his bedroom every night without tea", "staff", "dsl"),
        (
            "Mo was always the class clown, since Christmas he's withdrawn and won't talk to anyone",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_thirty_seven_probe_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 37: the BK probe (read at once): ordinary messages of the kinds it flagged, in other words
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "what's the best way to talk to my 6 year old about not chatting to strangers online without"
            " frightening him?",
            "parent",
        ),
        ("the game is PEGI 18 and his friend is 18 too, is that OK for a 10 year old to watch?", "parent"),
        (
            "my son asked me what a nude is after the online safety lesson, how do you explain it at his"
            " age?",
            "parent",
        ),
        ("the Egyptian tomb topic is creepy, he says the man in the film gave him nightmares", "parent"),
        ("Freddie got bitten at nursery today, teeth marks on his arm, accident form signed", "parent"),
        ("his dad is a firearms officer so he told the class daddy has a gun at work", "parent"),
        (
            "Should I be friends with my kid's teacher on Facebook? I'm rarely the one who picks her up in"
            " the afternoon",
            "parent",
        ),
    ],
)
def test_round_thirty_seven_probe_ordinary_messages_stay_ordinary(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The probe's rules read no more than their cases: each message meets every part of its rule but the condition
# that guards it
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "our TA keeps turning up at the park on Saturdays with her own kids and buys them ice creams",
            "parent",
        ),
        ("I want to be with grandad in heaven one day when I'm old", "pupil"),
        ("when I reached past him for the ball he ducked and put his arm up, second time this week", "staff"),
        ("she doesn't want to go home when her cousins are visiting, they're so much fun", "parent"),
        ("we learnt the sign for hit in makaton and Leo pointed at his hand", "staff"),
        (
            "he screams when it's his dad's turn to pick up because he doesn't want to leave the party",
            "parent",
        ),
        ("she has plasters on both arms from falling off her bike and keeps her jumper on", "parent"),
        ("he's 10 and uses the hob on his own to make beans, I'm watching him from the table", "parent"),
        ("I met him on a dating app years ago, we're married now and he picks her up", "parent"),
        ("the fourth new dad in the soap this year lets them stay up till midnight", "parent"),
        ("he got locked in his room by accident when the door jammed", "parent"),
        ("she used to be so shy, now she's happy to sit on her own and read her book", "parent"),
    ],
)
def test_round_thirty_seven_probe_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# The review of round 37's rules: each message meets every part of a new rule but a condition the review
# added (phones given back on a residential, a play's poster, trousers too big, after swimming, a ball kicked,
# the writer minding a baby, a Year 4 child, a fire alarm, a reading book, a turn to read, brambles, a proud
# bake, the writer's sister, friends in a different class); before the review each was flagged
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the teachers gave the children their phones back at night on the residential", "parent"),
        ("the drama teacher took photos for the play poster and told them how to pose", "parent"),
        ("he held his trousers down all day because they're too big, can he wear a belt?", "parent"),
        ("he pulled his shorts off after swimming again and walked out in his towel", "parent"),
        ("dad kicked the ball so hard mum fell on the ground", "pupil"),
        ("I'm minding my sister's baby till late tonight while she's out", "parent"),
        (
            "my son (Y4) waits on his own at the gate in the rain for his lift, is there anywhere dry?",
            "parent",
        ),
        ("he ducked under the table every time the fire alarm went off, second time this week", "staff"),
        (
            "he doesn't want to go home when his nan picks him up, he wants to stay and finish his reading"
            " book",
            "parent",
        ),
        ("she screams when it's her turn to read to the class", "parent"),
        ("she's had plasters up her arms all week from the brambles at forest school", "parent"),
        ("she baked a cake in the oven on her own, I was so proud", "parent"),
        ("my sister has a third new boyfriend this year and he lets her stay up till midnight lol", "parent"),
        (
            "he used to be chatty but now he sits on his own at lunch, his friends are in a different class",
            "parent",
        ),
    ],
)
def test_round_thirty_seven_reviewed_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# Round 38: set BJ (held out through rounds 36 and 37, read this round): the kinds it missed, in other words
@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "the man who runs chess club gave Maya a lift home last night, they stopped off at his house and"
            " it was over an hour before she got back",
            "parent",
            "headteacher",
        ),
        (
            "the swimming instructor slipped her a tenner in the changing rooms after the lesson",
            "parent",
            "headteacher",
        ),
        (
            "her reading tutor from school asked to come round for lessons when nobody's in",
            "parent",
            "headteacher",
        ),
        (
            "the learning mentor offered to take him to McDonald's as a reward, just the two of them",
            "parent",
            "headteacher",
        ),
        (
            "the PE coach told my son he could get changed in front of him, no need for a cubicle",
            "parent",
            "headteacher",
        ),
        ("found a card he'd written for his mum that said this is goodbye", "parent", "dsl"),
        ("Amira drew herself in heaven and said she wants to be there soon", "staff", "dsl"),
        ("it doesnt even matter, i wont be here much longer", "pupil", "dsl"),
        (
            "in the home corner Leo did things with the dolls a 4 year old shouldn't know about, I wrote down"
            " what he said",
            "staff",
            "dsl",
        ),
        ("my cousin makes me do things to his willy", "pupil", "dsl"),
        ("since half term Mia screams when we do her intimate care, she never used to", "staff", "dsl"),
        ("he pointed to the symbols for daddy and bath and then hid under the table", "staff", "dsl"),
        (
            "since he started visiting his grandad he's terrified and covers his privates with his hands",
            "parent",
            "dsl",
        ),
        (
            "the scald on her arm doesn't add up, mum says she pulled the kettle over but she can't reach"
            " the worktop",
            "staff",
            "dsl",
        ),
        ("her pull up hasn't been changed since yesterday, she's red raw", "staff", "dsl"),
        (
            "there's a padlock on the fridge at home and he only gets food when his stepmum says",
            "parent",
            "dsl",
        ),
        (
            "we are not allowed in till mums new fella gets home so we sit on the step even when its raining",
            "pupil",
            "dsl",
        ),
        (
            "her uncle did time in jail for something underage and now he babysits her on fridays",
            "parent",
            "dsl",
        ),
        ("a man from mum's work sleeps in her room some nights, she's 5", "parent", "dsl"),
        (
            "Sami has no speech and won't go into his bedroom any more, he screams and covers his ears",
            "parent",
            "dsl",
        ),
        (
            "my brothers follow me everywhere because they say I dishonoured the family talking to boys",
            "pupil",
            "dsl",
        ),
        (
            "they're taking her back to Pakistan for good after SATs and she doesn't want to go",
            "staff",
            "dsl",
        ),
        ("a girl in year 6 asked if you can get married at 12 cos her dad says she will", "pupil", "dsl"),
        ("my dad said if i say anything at school ill be sent away to live abroad", "pupil", "dsl"),
        ("her uncle said if she talks to a boy at school he'll sort her out", "parent", "dsl"),
        (
            "Keira refuses to get changed for PE every week and keeps her cardigan on, even when it's"
            " boiling",
            "staff",
            "dsl",
        ),
        ("I asked her if anything was wrong and she said she's not allowed to tell", "staff", "dsl"),
        ("she's been dry since she was three and is wetting again, very clingy at drop off", "parent", "dsl"),
        ("Aiden holds onto the door at pick up every Friday when his uncle collects", "staff", "dsl"),
        ("he's started undressing in the corridor and making a noise we've never heard", "staff", "dsl"),
        # three kinds found before only by the meaning layer, which moves when the knowledge's examples do
        # (sets AJ, AB and BB): a young carer, screaming and "shut that kid up" through a neighbour's wall, a
        # war "for Allah"
        (
            "my neighbour's boy, maybe 10, collects his dad's prescriptions and does the shopping, I've"
            " never seen"
            " anyone helping",
            "parent",
            "dsl",
        ),
        (
            "every night through the wall I hear a little one crying and him upstairs yelling shut that"
            " kid up",
            "parent",
            "dsl",
        ),
        (
            "my cousin says he is going to go and fight in a holy war and take me with him",
            "pupil",
            "dsl",
        ),
        # "ok ta" is thanks, not a teaching assistant: the concern after it goes to the DSL
        (
            "ok ta. also a man at the bus stop asked my son to meet him on his own at the park",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_thirty_eight_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# Round 38's rules read no more than the cases they were written for: each message meets every part of its
# rule but the condition that guards it (a tuck-shop fiver, the team's outing, a leaving card, Halloween,
# moving house, cold wipes, learning a sign, suncream, the dog, the kitchen, a clean record, away at his
# dad's, fireworks, a play, emigrating, a Tudor wedding, a wedding time, being grounded, forgotten kit, a
# surprise, a new baby, a new class, swimming, a proud helper, football on the TV, an RE lesson); set BJ's
# alarm, an allergy to plasters; and the blind59 probe's, an AI picture of the head
@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "the coach gave him a fiver for the tuck shop in the changing room, he'd forgotten his money",
            "parent",
        ),
        ("the coach offered to take him bowling as a treat with the team at the end of the season", "parent"),
        ("she wrote a leaving card for Mrs Jones, this is goodbye but we'll miss you", "pupil"),
        ("Halloween art: Sam drew himself in a grave with a pumpkin, he wants to be a skeleton", "staff"),
        ("i wont be here much longer, we're moving to Leeds at Easter", "pupil"),
        ("Mia screams at nappy changes because of the cold wipes, she never used to", "parent"),
        ("we're learning the sign for daddy and bath this week in makaton", "staff"),
        ("she's burnt on her shoulders, couldn't reach to put the suncream on herself", "parent"),
        ("we put a lock on the fridge because the dog opens it", "parent"),
        ("the kids are not allowed in the kitchen when mum's new partner is cooking", "parent"),
        ("the new lodger has a clean record, nothing involving children, the DBS came back fine", "parent"),
        ("mum's friend sleeps in her room while she's away at her dad's", "parent"),
        ("she won't sleep in her room because of the fireworks, covering her ears", "parent"),
        ("in the play the brothers say she brought shame on the family by talking to a boy", "pupil"),
        ("they're emigrating to India for good after SATs and she's upset about leaving friends", "parent"),
        ("in history we learned Tudor princesses would be married at 14", "pupil"),
        ("my auntie will be married at 11 in the church on Saturday", "pupil"),
        ("if i get grounded again mum says she'll send me away to boarding school", "pupil"),
        ("he refused to get changed for PE, forgot his kit and kept his jumper on as it was cold", "staff"),
        ("I asked her if she knew what her surprise was and she said she's not allowed to tell", "parent"),
        ("she was fully trained but is wetting again since the new baby, and a bit clingy", "parent"),
        ("Mia clings to me at pick up on Mondays, it's her first week in a new class", "parent"),
        ("he keeps undressing after swimming, he started doing it when he's wet", "parent"),
        ("she's allergic to the blue plasters so please use the others if she hurts herself", "parent"),
        (
            "he is so proud that he does the shopping and collects his nan's prescriptions with her at"
            " midnight on christmas eve",
            "parent",
        ),
        ("the neighbours were shouting at the football on tv and then it went quiet", "parent"),
        (
            "in RE we learned about the crusades when knights would go and fight a holy war and we watched"
            " videos",
            "pupil",
        ),
        # the blind59 probe's alarm: a picture made of the head (an adult), not of a child
        ("a mum made a meme picture of our teacher and put it on facebook, can she do that?", "parent"),
        # two messages older rules read, noted in round 37: an adult minding the baby, a child who would
        # rather not do her homework
        ("we look after the baby in turns every night while my partner is on night shifts", "parent"),
        ("he doesn't want to go home because I make him do his times tables", "parent"),
        ("she doesn't want to go home because mum makes her do her spellings first", "parent"),
    ],
)
def test_round_thirty_eight_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the teacher put a caption under the photo of the children on the school page", "parent"),
        (
            "Mr Ahmed captioned the class photo 'our little scientists', is that allowed with the kids'"
            " names?",
            "parent",
        ),
    ],
)
def test_round_thirty_nine_a_caption_is_not_read_as_a_caution(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 39 (blind57, read): "a caption making fun of a child's spelling" on a teacher's Instagram was read
    # as "cautioned" near a member of staff and children, and went to the chair of governors as an allegation
    # about the head. A caption is an ordinary word (ordinary_words); a caution still counts (next test).
    assert detector.detect(text, role=role) is None


def test_round_thirty_nine_a_member_of_staff_cautioned_is_still_found(detector: SafeguardingDetector) -> None:
    _assert_found_by_a_rule(
        detector, "the new TA was cautioned by police about indecent pictures of children", "headteacher"
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the twins next door told me they've had dry cereal for tea every night this week", "parent"),
        ("she says mummy has been in bed for days and nobody makes her breakfast", "staff"),
        (
            "we haven't seen any grown ups at their flat since the weekend, the kids let themselves in",
            "parent",
        ),
    ],
)
def test_round_thirty_nine_a_neglected_home_told_by_a_neighbour_is_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 39: set Q's neighbour ("mummy's been in bed for a week … dry cereal for tea, and I haven't seen an
    # adult at the house since last Thursday") was found only by the similarity layer, and lost when a topic
    # example was added. Each of its three signs has a rule now.
    _assert_found_by_a_rule(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("he's a fussy eater, he only likes dry cereal for tea at the moment", "parent"),
        ("his dad has been in bed all week with flu so grandma is doing drop off", "parent"),
        ("we haven't seen any parents at the gate since the new pick-up rota started", "staff"),
    ],
)
def test_round_thirty_nine_neglect_rules_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


# ---- round 40: set BL read (living with strangers and working, children's sexual behaviour, extremism,
# games,
# exploitation, medical neglect, play and writing, a disclosure taken back), and blind58's alarms ----


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "i owe kai 50 pound for the trainers he got me so i do jobs for him after school till its paid"
            " off",
            "pupil",
            "dsl",
        ),
        (
            "the lady who brought us here says we have to pay back the journey before we can go to school",
            "pupil",
            "dsl",
        ),
        (
            "Y1 boy collected all week by a woman who says she is having him for a few months while dad"
            " works away."
            " Not on the contact list and says she's not family.",
            "staff",
            "dsl",
        ),
        ("mr i dont live at home anymore i stay at my dads friends flat now", "pupil", "dsl"),
        (
            "Y5 girl says she works in her uncle's takeaway before school most mornings from 5am",
            "staff",
            "dsl",
        ),
        (
            "after school i help at the car wash with my cousin, he's not my real cousin, and we stay till"
            " late",
            "pupil",
            "dsl",
        ),
        ("he told me his brother licks his willy at bathtime and it's a game", "staff", "dsl"),
        (
            "at the park the big girls said show your bum or you cant play and took a photo on their phone",
            "pupil",
            "dsl",
        ),
        ("a Reception child poked a crayon into another boy's bottom at the carpet again", "staff", "dsl"),
        ("my son keeps talking about 'protecting white culture' after his uncle's meetings", "parent", "dsl"),
        ("a boy from his fortnite squad asked him to put the camera on with no top", "parent", "dsl"),
        (
            "our neighbour keeps giving my son money and sweets over the wall and now wants him to come in"
            " and see"
            " his rabbits",
            "parent",
            "dsl",
        ),
        ("I hide stuff in the woods for the older ones and they give me money", "pupil", "dsl"),
        (
            "Y6 girl: two new phones this term and a roll of notes in her coat, says a 'friend' pays her"
            " for errands,"
            " seen getting into different cars",
            "staff",
            "dsl",
        ),
        ("my front tooth is black and it hurts when i eat so i dont eat lunch", "pupil", "dsl"),
        ("my eye is hurting and crusty for ages and dad says we cant go to the doctors", "pupil", "dsl"),
        (
            "Dad insists she has a heart condition and needs to sit out of PE, but the hospital's tests"
            " came back"
            " clear",
            "staff",
            "dsl",
        ),
        (
            "In role play he puts the teddy in the cupboard and says no tea till you learn, the same thing"
            " every"
            " day",
            "staff",
            "dsl",
        ),
        (
            "In her journal: 'he said if I tell about the pictures he will post them on the internet'",
            "staff",
            "dsl",
        ),
        ("miss said my body is growing up and she wanted to see", "pupil", "headteacher"),
        ("forget what i told you about my step dad it was only a joke ok", "pupil", "dsl"),
        (
            "please ignore my last message, my husband didn't mean it, he's just stressed. The children"
            " are fine",
            "parent",
            "dsl",
        ),
        (
            "through the interpreter dad said his daughter is being prepared for the wedding back home"
            " this summer",
            "staff",
            "dsl",
        ),
        # set AL's disclosure, lost from the similarity layer when the round's topic examples were added
        (
            "Her dad has been texting her saying he is going to take her away to his family and she will"
            " never see"
            " mum again",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_forty_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 40 (set BL, read): the kinds of its 32 missed disclosures, in other words, each found by the rule
    # written for its kind (knowledge/safeguarding.yaml, "round 40").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind58 (read): a child's favourite teacher, a reading volunteer who "hears" readers, screenshots
        # offered "on my phone", a pupil who followed a teacher and was blocked, the PTA asking a TA for her
        # photos of the fair, "pretty" meaning "rather"
        ("can i follow sir on insta hes my favourite", "pupil"),
        ("my mum volunteers and hears readers on Tuesdays, what can she post on facebook about it", "parent"),
        (
            "please tell the head there's a thread on the local facebook group about the Year 1 team, some"
            " comments"
            " really nasty about Miss Cole, I've got screenshots on my phone if she wants them",
            "parent",
        ),
        ("why did miss block me on tiktok i only followed her", "pupil"),
        (
            "the PTA asked me to send them my photos of the Christmas fair for their Facebook page, ok as"
            " a TA?",
            "staff",
        ),
        (
            "Mrs Khan from Y2 says a parent has messaged her 30 times on Dojo this week, some of it pretty"
            " abusive",
            "staff",
        ),
        # set BL (read): a witch's cage in a story, a teacher who will be cross about homework, children who
        # smell
        # of a Christmas tree stall, a pupil speaking to "mrs"
        ("in my story the witch puts the children in a cage and they run away", "pupil"),
        ("miss is going to kill me i did my spellings in the wrong book", "pupil"),
        ("they come home smelling of pine after helping on the christmas tree stall", "parent"),
        ("mrs i dont live near the park anymore we moved to a new house", "pupil"),
        # the new rules' guards
        ("i owe my brother a fiver so I'm doing his chores", "pupil"),
        ("the dog licked his bum and now he won't stop laughing", "parent"),
        (
            "she's had a black tooth since she fell off the scooter, the dentist says it will fall out",
            "parent",
        ),
        ("he's being assessed for ADHD, not diagnosed yet, the paediatrician has a waiting list", "parent"),
        ("ignore my last message, my husband has already paid for the trip, it's sorted", "parent"),
        ("if I tell my mum about the photos she will put them on facebook lol", "pupil"),
        (
            "we're preparing for my sister's wedding back home this summer, can she miss the last week?",
            "parent",
        ),
        ("he does errands for his nan and she pays him pocket money", "parent"),
        ("my husband works in Leeds and leaves at 5am so grandma does drop off before school", "parent"),
        ("her dad says he's going to take her swimming on saturday", "parent"),
        ("my ex said he is coming to take them for the weekend, is that ok with the school", "parent"),
    ],
)
def test_round_forty_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # set BM (read): domestic abuse re-enacted in play, a family code word for 999, children locking
        # themselves in the bathroom during the shouting
        (
            "In the role play area he made the boy puppet slap the girl puppet and said now you go to"
            " hospital, your fault",
            "staff",
            "dsl",
        ),
        ("when mum says the code word i ring the police", "pupil", "dsl"),
        ("she said they lock themselves in the bathroom when dad starts shouting at mum", "staff", "dsl"),
        # a mark owned to and asked to be kept quiet; worse waiting at home; "if I tell" about an implement;
        # kicks to the privates every day; a child beaten on the ground and filmed
        (
            "about the bruise on his arm, his father went too far when he wouldn't tidy his room, please"
            " keep it to yourself",
            "parent",
            "dsl",
        ),
        (
            "a detention is nothing compared to what he'll get off his stepdad, he'll sort him out",
            "parent",
            "dsl",
        ),
        ("mum says if i tell anyone about the belt i will get it worse", "pupil", "dsl"),
        ("jayden keeps punching me in the nuts every day when miss isnt looking", "pupil", "dsl"),
        (
            "a gang of older boys jumped my nephew after school and filmed it and put it on their story",
            "parent",
            "dsl",
        ),
        # neglect: at the gate from 7am in the rain; the money goes on a parent's tablets
        ("the Y2 twins are at the gate on their own from 7am most days, soaked through", "staff", "dsl"),
        (
            "Y4 boy says they can't have tea most nights because all the money goes on his mum's tablets",
            "staff",
            "dsl",
        ),
        # self-harm hidden under sleeves; being sick after meals because she "has to"; a window
        (
            "she always wears a cardigan now even in PE and I saw neat lines on her wrist, she said the dog"
            " did it",
            "staff",
            "dsl",
        ),
        (
            "she rushes to the loo after every meal to be sick and says she has to, she is so thin",
            "parent",
            "dsl",
        ),
        ("i want to jump out of my bedroom window", "pupil", "dsl"),
        # a child sent away to a "school for naughty girls"; an absence excuse contradicted; a man filming
        # children from a van; absences after weekends with injuries on return
        (
            "her brother says she's been sent to a school for naughty girls in Ghana and she cries on the"
            " phone every time",
            "staff",
            "dsl",
        ),
        (
            "mum says he's poorly in bed but I spotted him in town at 11 with a man none of us know, he"
            " looked like he hadn't eaten",
            "staff",
            "dsl",
        ),
        (
            "a man in a white van outside the gates again today zooming in on the Y1 girls with his phone",
            "parent",
            "dsl",
        ),
        (
            "attendance is 71 percent, always off on mondays, and last time she came back with a healing burn"
            " on her hand",
            "staff",
            "dsl",
        ),
        # a stranger asking for more pictures of one child; a man with free drinks inviting children round
        (
            "someone on the class blog keeps asking for more photos of the boy in the red shirt and messaged"
            " asking his name",
            "parent",
            "dsl",
        ),
        (
            "a bloke by the shops hands out free energy drinks to the Y5 boys and told them to pop round to"
            " his flat",
            "parent",
            "dsl",
        ),
        # harm between pupils: a phone up girls' skirts; "make us do stuff" in the bushes
        ("a boy in y6 keeps sliding his phone up girls skirts on the stairs", "pupil", "dsl"),
        ("the big boys make us do stuff in the bushes and say dont tell", "pupil", "dsl"),
        # a volunteer who took a child away alone; a lunchtime supervisor force-feeding
        (
            "At the school fair one of the volunteers took my daughter behind the hall and she came back"
            " crying and won't tell me what happened",
            "parent",
            "headteacher",
        ),
        (
            "the lunchtime supervisor makes my daughter finish everything by pushing the spoon in her mouth"
            " until she's sick",
            "parent",
            "headteacher",
        ),
        # a member of staff who passed on what they saw is the witness, not the subject
        (
            "The caretaker noticed the two little ones from Y1 are at the gates from 7am every day on their"
            " own in the cold",
            "staff",
            "dsl",
        ),
        # children's spellings
        ("dady kicks me", "pupil", "dsl"),
        ("my mum leevs me in the house on my own", "pupil", "dsl"),
    ],
)
def test_round_forty_one_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 41 (set BM, read): the kinds of its 22 missed disclosures and 3 misrouted ones, in other words,
    # each found by the rule written for its kind (knowledge/safeguarding.yaml, "round 41").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind60a and real_fresh39 (read): a child not eating his lunch, a hedge not cut, "can't put it on
        # YouTube", a parent's threats to a teacher, a lunch lady who "came over"
        (
            "Childminder here, mum asked me to chase up - he's still not eating his lunch and nothing's"
            " happened since we spoke to his teacher",
            "parent",
        ),
        (
            "The hedge on the lane hasn't been cut for months and we have to walk in the road with the buggy",
            "parent",
        ),
        ("my ex says I can't put it on YouTube because other kids are in it, who's right?", "parent"),
        (
            "A parent has been posting threatening stuff about me online for weeks, would the governors take"
            " legal action?",
            "staff",
        ),
        (
            "my son came home upset because the mean lunch lady came over and made him throw away his snack",
            "parent",
        ),
        # set BM (read): a shock, a game, a film, the climbing wall, the playground fence
        ("That phone call from Ofsted nearly gave me a heart attack", "parent"),
        ("is it ok to play among us with people you don't know if there's no chat", "parent"),
        ("in the lion king the uncle pushed the dad off the cliff", "pupil"),
        ("Amelia came home with bruises up her legs from the climbing wall, she loved it", "parent"),
        ("he came out with a cut on his hand from the playground fence, it needs looking at", "parent"),
        # the new rules' guards
        ("we have a code word so he knows who is allowed to collect him", "parent"),
        ("my teddy and my dolly had a fight and the teddy had to go to hospital", "pupil"),
        ("he's been a pain, I've hidden the Switch to teach him a lesson", "parent"),
        ("can I comment on the blog about my daughter's artwork without using her name?", "parent"),
        ("Child sick after lunch, mum collected at 1, 48 hour rule so not back till Thursday", "staff"),
        ("the twins were sick after tea again, think it's the tummy bug going round", "parent"),
        ("i want to jump off the diving board at swimming", "pupil"),
        ("please let the office know someone was filming the sports day races from the car park", "parent"),
        ("grandma keeps commenting on the class videos asking for more videos of her", "parent"),
        ("my mum made me do stuff like tidy my room and the dishes", "pupil"),
        ("he kicked the ball and it hit me in the privates by accident", "pupil"),
        ("Y4 often off after the holidays, he fell off his bike last time and had a bruise", "staff"),
        ("his dad lost his temper and kicked the door and left a mark on the wall", "parent"),
        ("if i tell mum i broke the glue stick she will be cross", "pupil"),
        (
            "My son Max has lost his PE bag, it's navy with his name on the tag, he left it after gymnastics",
            "parent",
        ),
        # ordinary messages the first drafts of the new rules read (found re-reading them before the CI run)
        ("the kids next door keep kicking balls over the fence into my garden again", "parent"),
        (
            "my daughter lost it when she got a low mark in her spelling test, she's so hard on herself",
            "parent",
        ),
        ("please deal with him, his behaviour is worse than ever and my son is fed up", "parent"),
        ("he was sent back to class and cried all afternoon", "parent"),
        ("Can we have more of the class photos on the page? My daughter asked.", "parent"),
        ("my brother made me do stuff in the woods like build a den", "pupil"),
        ("he can't sit still, his dad will sort him out", "parent"),
        (
            "we have a code word for emergencies, if she ever needs help she rings 999, we practised it",
            "parent",
        ),
        ("my sister's phone fell under her skirt on the bus", "pupil"),
    ],
)
def test_round_forty_one_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("The PE teacher said the girls have to change in front of him", "parent", "headteacher"),
        ("the coach told me a secret and said not to tell anyone", "pupil", "headteacher"),
        ("the caretaker says i am his special girl and not to tell", "pupil", "headteacher"),
    ],
)
def test_round_forty_one_a_member_of_staff_who_says_or_tells_is_still_the_subject(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 41 reads a member of staff who "noticed", "reported" or "mentioned" something about children as
    # the witness (`not_people`); one who "said" or "told" is still who the concern is about.
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # young carers: a parent's personal care, the home run by a child, a child kept home or left in charge
        ("i have to help my dad out of bed and give him his tablets before school", "pupil", "dsl"),
        ("my mum cant walk so i help her to the toilet and wash her at night", "pupil", "dsl"),
        (
            "i do all the cooking and take my brother to nursery because mum is in bed all the time",
            "pupil",
            "dsl",
        ),
        (
            "Sorry Maya is off again, I can't get up at the moment so she's staying home to look after her"
            " little brother",
            "parent",
            "dsl",
        ),
        ("He's 8 and in charge of his baby sister every evening while I work till 9", "parent", "dsl"),
        (
            "Is it alright to leave my 5 year old with my 9 year old all night when I'm on night shifts?",
            "parent",
            "dsl",
        ),
        (
            "Jack has been doing most of it since his mum went into hospital, bottles, nappies, getting his"
            " sisters dressed, he's shattered",
            "staff",
            "dsl",
        ),
        (
            "Attendance: Leo (Y4) absent every Thursday; dad says Leo translates for him at the job centre"
            " and does the shopping",
            "staff",
            "dsl",
        ),
        (
            "dad has seizures and im the only one who knows what to do so im scared to leave him",
            "pupil",
            "dsl",
        ),
        # a parent's drinking: a child's words for it, a parent at the gate "like that" again, a parent's own
        ("mummy drinks the smelly juice at night and then she shouts at us", "pupil", "dsl"),
        (
            "Dad of the Reception twins came in like that again at drop off, swaying and smelled of it, kids"
            " with him",
            "staff",
            "dsl",
        ),
        (
            "I'm drinking from the minute I wake up and I don't remember if the kids got their tea yesterday",
            "parent",
            "dsl",
        ),
        # asked as whether it is normal; an older relative bathing a child who cries
        ("do other kids get shut in the wardrobe when they are bad", "pupil", "dsl"),
        ("my grandad still baths me and i am 9 and i dont want him to", "pupil", "dsl"),
        # exploitation of older primary pupils
        (
            "older lads with tinted windows picked up our Y5 boy today, he looked nervous and has missed"
            " school a lot",
            "staff",
            "dsl",
        ),
        (
            "someone keeps texting my son asking him to bring friends to his flat and says there will be"
            " cash in it",
            "parent",
            "dsl",
        ),
        # a comment under a school post; a parent's threat to a young child in public
        (
            "someone commented on the nativity photo that they know where the little angel on the left lives"
            " and will be watching her",
            "parent",
            "dsl",
        ),
        (
            "Saw a dad shout at his little boy after the match 'wait till we get home you stupid boy' and the"
            " kid was petrified",
            "parent",
            "dsl",
        ),
        # a parent's partner or ex: control of money and contact; a threat to take the children and disappear
        (
            "He doesn't let me see my family or go to the doctor on my own, I have to ask him for money and"
            " he reads all my messages",
            "parent",
            "dsl",
        ),
        (
            "their dad threatened to take the kids out of school and disappear if I go to court",
            "parent",
            "dsl",
        ),
        # a child sleeping in the garage
        ("i sleep in the garage now", "pupil", "dsl"),
    ],
)
def test_round_forty_two_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 42 (set BN, read): the kinds of its 23 missed disclosures, in other words, each found by the rule
    # written for its kind (knowledge/safeguarding.yaml, "round 42").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # an adult outside school: a teacher at the mosque, a private tutor, a club instructor at a community
        # centre (the DSL's); someone named by the school club they run (the head's); a child "in charge of
        # them" is not the head
        ("at the mosque the teacher hits the boys with a ruler when they get it wrong", "pupil", "dsl"),
        (
            "Our maths tutor (private, comes to the house on Tuesdays) has been messaging my daughter at"
            " midnight saying don't tell mum",
            "parent",
            "dsl",
        ),
        (
            "the karate instructor at the community centre makes him fight bigger boys until he's sick",
            "parent",
            "dsl",
        ),
        (
            "Martin who runs the after school club has been adding the kids on Snapchat and messaging them"
            " late at night",
            "parent",
            "headteacher",
        ),
        (
            "I work till 8 and he's in charge of the little ones until then. He's 9 and very grown up.",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_forty_two_concerns_go_to_whoever_they_are_about(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set BN (read): a cat scratch, pyjamas on the family chat, a calm corner
        (
            "Sorry about the scratch on her arm - the cat got her when she tried to put it in the doll's"
            " pram.",
            "parent",
        ),
        (
            "my brother put a photo of me in my pyjamas on the family group and i told him to delete it",
            "pupil",
        ),
        ("i get angry and then i go to the calm corner and squeeze the squishy ball", "pupil"),
        # blind61b and real_fresh40 (read): "sharing" is not "shaking"; children who lied about their age
        (
            "The trip photos are already up on the school's page with the head's blessing. Sharing them onto"
            " mine is no different, right?",
            "staff",
        ),
        (
            "You're supposed to be 13 for that site, but she and the other kids lied about their age to join",
            "parent",
        ),
        # ordinary messages written to share the new rules' words
        ("i have to give my dog his tablets every morning before school", "pupil"),
        ("my dad has to take his tablets every day for his heart", "pupil"),
        ("mum said i have to go to the toilet before we leave for the trip", "pupil"),
        ("I have to help him to the toilet and wash his hands after, he is in Reception", "staff"),
        ("I made mum breakfast in bed for mothers day and she cried happy tears", "pupil"),
        ("I have to do my reading then tidy my room, mum is poorly with a cold so dad is doing tea", "pupil"),
        (
            "She's staying at her nan's this week while I'm away, nan is looking after the baby as well",
            "parent",
        ),
        ("Dad is staying home to look after the baby so I can come to parents evening", "parent"),
        ("My eldest is 14 and in charge of his brothers until 6 when I get back from work", "parent"),
        ("She's 10 and in charge of feeding the dog every evening, she loves it", "parent"),
        ("We are leaving our 8 year old with grandma overnight while we go to the wedding", "parent"),
        ("We're leaving for Spain overnight so my 9 year old will miss Friday", "parent"),
        (
            "I've been doing most of it since my husband started nights, nappies, bottles, I'm exhausted",
            "parent",
        ),
        ("He's been off school with a bug, his dad looks after him when I'm at work", "parent"),
        (
            "Sorry, I was in a state at drop off this morning, third time this week I've forgotten his PE"
            " kit!",
            "parent",
        ),
        ("I've started drinking more water since new year and the kids are copying me", "parent"),
        ("my dad drinks special juice when he watches football and shouts at the telly lol", "pupil"),
        (
            "His dad will collect him from school on Friday, it's his weekend, we agreed it last month",
            "parent",
        ),
        (
            "There's a court order saying their dad can't take the children abroad without my consent, but he"
            " is allowed to collect from school on Wednesdays",
            "parent",
        ),
        ("wait till I get you home, there's a surprise cake waiting lol", "parent"),
        (
            "My 9 year old still hates bath time because of her hair being washed, grandad does it on"
            " Tuesdays",
            "parent",
        ),
        ("The photographer took photos of the class before they got changed for PE", "parent"),
        ("A car with tinted windows keeps parking on the zigzags, I'm scared a child will get hit", "parent"),
        (
            "Her cousins are 16 year olds and they came to her party, she came home late from the party tired"
            " but happy",
            "parent",
        ),
        ("I know where she lives, I'll drop the party invite round tomorrow", "parent"),
        ("we slept in the car on the way to cornwall", "pupil"),
        ("i sleep in the shed den dad built in the summer holidays lol", "pupil"),
        ("The tutor who comes to the house said my son is ready for the 11+", "parent"),
        ("she's in charge of the school council now, so proud", "parent"),
        # older rules' false alarms found while probing the new ones
        ("He's 9 and looks after his hamster every night, such a responsible boy", "parent"),
        ("Is it ok to leave him on his own overnight on the residential? He's never been away", "parent"),
        ("I've been drinking too much coffee, can't remember the last time I slept properly", "parent"),
        (
            "My daughter is 10 and went to a party with some older girls from her dance school, they had cans"
            " of coke and she came home late",
            "parent",
        ),
    ],
)
def test_round_forty_two_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # FGM: a girl taken abroad for "a ceremony"; mothers talking of getting the girls "done" back home
        (
            "Her nan is taking her to Somalia over the summer for a 'ceremony', she's 7, I know what it"
            " means",
            "parent",
            "dsl",
        ),
        (
            "the aunties were saying it's time to get the girls done when they go back home at Easter",
            "parent",
            "dsl",
        ),
        # a child tied to a chair; fingers held over the hob as a punishment; a child filmed crying for others
        # to laugh at; a child told it is her fault a parent left
        ("mum ties my little brother to his chair at dinner so he cant get down", "pupil", "dsl"),
        ("his stepdad holds his fingers over the hob as a punishment when he lies", "parent", "dsl"),
        (
            "dad films me when i cry and puts it on the family whatsapp so everyone laughs at me",
            "pupil",
            "dsl",
        ),
        (
            "Their gran keeps telling the boy it's his fault his dad left and that God will punish him",
            "staff",
            "dsl",
        ),
        # someone from a game who knows which gate a child comes out of; a lad "off" an app who will come
        # to the school to take a child to meet his mates
        (
            "the man she's been talking to on roblox knows which gate she comes out of at home time",
            "parent",
            "dsl",
        ),
        (
            "a lad off tiktok keeps telling my son he'll come to his school and take him to meet his mates,"
            " he's 10",
            "parent",
            "dsl",
        ),
        # adults drinking on a residential, one going into the children's dorm
        (
            "Two of the volunteers were drinking in the staff room on the residential until late and one went"
            " into the boys' dorm to say goodnight",
            "staff",
            "headteacher",
        ),
        # a family living in a car since they were put out
        ("we have been living in her old car since we got kicked out", "pupil", "dsl"),
    ],
)
def test_round_forty_three_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 43 (set BO, read): the kinds of its 10 missed disclosures, in other words, each found by the rule
    # written or widened for its kind (knowledge/safeguarding.yaml, "round 43").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # the writer's job as a one-line heading is the writer, not the subject; a contractor named by the
        # work he does at school is the head's
        (
            "Dinner lady. Two Year 5 boys were holding a Year 1 boy down behind the shed and kicking him",
            "staff",
            "dsl",
        ),
        (
            "My son says the man who fixes the heating at school asked him to come to the boiler room alone"
            " and gave him sweets",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_forty_three_concerns_go_to_whoever_they_are_about(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind62a, blind62b and real_fresh41 (read): a parent befriending her child's teacher, children
        # asking a supervisor for hers, a complaint with "nowhere to go", an ex-pupil's snaps, a threat of
        # restraining orders, a teenager about a teacher who calls girls "dear"
        (
            "Hello, the professor of my daughter is very nice lady, I find her on Facebook. Is ok I send her"
            " friend request?",
            "parent",
        ),
        ("I am lunchtime supervisor. Some children ask me my snapchat name. Can I give them?", "staff"),
        (
            "problem is it was Mrs Ward's decision and she's the head. feels like theres nowhere to go"
            " with it",
            "parent",
        ),
        (
            "ex pupil, year 9 now at the high school, keeps sending me snaps just to say hi. harmless"
            " really but",
            "staff",
        ),
        (
            "OK, should I stay out of it and have her learn to do it herself, help, or go find all of their"
            " parents and threaten restraining orders?",
            "parent",
        ),
        (
            'I\'m a 15-year-old girl, and one of my teachers calls all of the girls in my class "dear." Can'
            " this be considered harassment?",
            "pupil",
        ),
        # set BO (read): a new adult at the address, a child who runs off at the bell, two idioms
        (
            "I've moved in with my partner so there's a new adult at the address, Dan Lewis, do you need that"
            " for your records?",
            "parent",
        ),
        (
            "Just a heads up that Leila runs off in the playground when the bell goes, she's not being"
            " naughty",
            "parent",
        ),
        (
            "If she tells me one more time that Miss said it's fine to have a phone at 8 I'll scream",
            "parent",
        ),
        # ordinary messages written to share the new rules' words
        (
            "We're flying to Sudan in July for a ceremony, her cousin's wedding, so she'll miss a week",
            "parent",
        ),
        ("Getting the girls done up for the christmas party photo, can they wear sparkly tops?", "parent"),
        ("me and my brother played pirates and i tied him to the chair with a skipping rope lol", "pupil"),
        ("She held her hand near the fire to warm up after the walk and got told off for it", "parent"),
        ("I filmed him crying at the end of Bluey and put it on the family group lol", "parent"),
        (
            "She keeps telling me she's the reason dad left, even though we've told her it's not true."
            " Any advice?",
            "parent",
        ),
        ("He blames himself for the hamster dying, he forgot to feed it, how do I help him", "parent"),
        (
            "Volunteers went into the girls dorm with hot chocolate, then we all had a drink in the"
            " staff room",
            "staff",
        ),
        ("We had nowhere to go with our complaint after the head said no", "parent"),
        ("Dinner lady. Can we have more ketchup on Fridays", "staff"),
        ("the man who fixes the boilers at school is my husband, he says the heating is off", "parent"),
        ("They're sleeping in the work van on their camping trip to Wales", "parent"),
    ],
)
def test_round_forty_three_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a child's diary, drawing and body telling ("throwed", a "safe place", soiling and bath time),
        # a black eye "off his stepdad", food withheld, a baby's mouth held shut
        ("my stepdad throwed me at the door when i spilled my juice", "pupil", "dsl"),
        (
            "Asked to draw somewhere safe, Mia drew the bathroom and wrote 'the only place he can't hurt me'",
            "staff",
            "dsl",
        ),
        (
            "Since Easter he's soiling again and cries at bath time, says he doesn't like bath time at"
            " dad's any more",
            "staff",
            "dsl",
        ),
        ("He's got a black eye off his stepdad and says he walked into a door", "staff", "dsl"),
        ("her dad says she doesn't deserve breakfast when she's cheeky", "staff", "dsl"),
        ("Maya said her dad puts his hand over the baby's mouth when she cries at night", "staff", "dsl"),
        # private fostering told as a collection or a stay
        (
            "Reception: Zac has been picked up by a man none of us know for two weeks, he isn't on the"
            " contact list and mum's phone goes to voicemail",
            "staff",
            "dsl",
        ),
        (
            "I'm minding my mate's little girl for a few months while she's in prison, how do I get her"
            " school reports?",
            "parent",
            "dsl",
        ),
        (
            "She's going to live with my ex's mum for a few months while I work in Poland, can you change"
            " her address",
            "parent",
            "dsl",
        ),
        # a baby left alone, unchanged, underfed; a child left with the baby
        ("my neighbour leaves her 10 month old in the flat on his own every morning", "parent", "dsl"),
        ("the baby's nappy is never changed and he has sores all over", "pupil", "dsl"),
        ("she feeds the baby once a day so he sleeps, he's 3 months old and so thin", "parent", "dsl"),
        ("mum left me and the baby alone again when she went to the pub", "pupil", "dsl"),
        # extremist talk: burning a place of worship, a people said to control the world or to "pay for it",
        # the "legends" of school shootings
        ("my uncle says we should burn the mosque down and he showed me how", "pupil", "dsl"),
        ("Her uncle keeps telling her Jewish people control the world", "staff", "dsl"),
        ("my grandad says the immigrants will pay for it one day", "pupil", "dsl"),
        (
            "A Year 6 girl has a list of 'legends' on her phone, all of them did school shootings",
            "staff",
            "dsl",
        ),
        # kept in by a partner, a door punched in front of the children, a retraction, bruises not to be shown
        ("Sorry he's late, my husband hid my keys and wouldn't let us leave till gone 9", "parent", "dsl"),
        (
            "Reason for absence: the kids watched him punch the door again last night and didn't sleep",
            "staff",
            "dsl",
        ),
        (
            "She's taken back what she said about her uncle, but she went pale when I asked again",
            "staff",
            "dsl",
        ),
        ("i have bruises on my arm and im not meant to show anyone", "pupil", "dsl"),
    ],
)
def test_round_forty_four_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 44 (set BP, read): the kinds of its 21 missed disclosures, in other words, each found by the rule
    # written or widened for its kind (knowledge/safeguarding.yaml, "round 44").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # whom a child told is not the subject ("told the TA he's…"); a pupil speaking to the teacher about a
        # relative
        (
            "Nobody can reach his mum. He told the TA he's been sleeping at a friend's flat with older lads"
            " for a week",
            "staff",
            "dsl",
        ),
        ("Miss, grandad does the tickling that hurts and says its our special game", "pupil", "dsl"),
    ],
)
def test_round_forty_four_concerns_go_to_whoever_they_are_about(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set BP and blind63a (read): a book's title, a grandparent minding the baby, bed-wetting the GP calls
        # common, threats in a game or an idiom, a drunk dance at a wedding, a haircut, "between ourselves";
        # and ordinary messages written to share the new rules' words
        ("He's writing a story called The Naked Mole Rat Who Went to Space, can he bring it in?", "parent"),
        (
            "My mum's looking after the baby while I'm at the hospital appointment, so nan will do pick up",
            "parent",
        ),
        (
            "He's wetting the bed again since we started potty training his sister. GP says it's very common",
            "parent",
        ),
        (
            "Oscar kept shouting 'I'm going to kill you' at his friend during tag, we talked about kind"
            " words",
            "staff",
        ),
        ("My husband will kill me for telling you but he cried at sports day", "parent"),
        ("dad got drunk at the wedding and danced on the table, the kids thought it was hilarious", "parent"),
        ("She's grounded for cutting her sister's fringe while she was asleep", "parent"),
        (
            "We're trying to sort it out between ourselves with the other mum, no need for the school to"
            " get involved",
            "parent",
        ),
        ("The bathroom is the only place the kids can't get me lol", "parent"),
        ("Honestly he doesn't deserve a treat this week, he's been a monkey", "parent"),
        ("Can I add my neighbour to the collection list? She'll be picking up on Tuesdays.", "parent"),
        ("We feed the dog twice a day, the kids want to know if they can bring him to pet day", "parent"),
        (
            "Potty training is going badly, he's soiling again and hates bath time because of shampoo in"
            " his eyes",
            "parent",
        ),
        ("we learnt about the great fire of london and how they burned the houses", "pupil"),
        (
            "He took my keys again this morning as a joke and wouldn't let me leave until I gave him a hug",
            "parent",
        ),
        ("i saw my dad smash the ball so far in cricket it went in the neighbours garden", "pupil"),
        ("The kids watched their dad smash his high score on the arcade machine at the seaside", "parent"),
        (
            "We are living with my mum's friend for a few months while our house is being rebuilt after the"
            " flood, the kids and me all together",
            "parent",
        ),
        ("she's got bruises from netball, don't show the photo to anyone lol", "parent"),
        (
            "Year 6 RE: we discussed how Jewish people were blamed for everything in 1930s Germany as part"
            " of our Holocaust unit",
            "staff",
        ),
    ],
)
def test_round_forty_four_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # an injury whose story does not fit; bruising on a baby weeks old
        (
            "Tia came to tea with a fat lip, said it was from football but she doesn't play and told my son a"
            " different story",
            "parent",
            "dsl",
        ),
        ("Baby Leo is only 10 weeks and has a bruise on his cheek", "staff", "dsl"),
        # a parent's farewell; a note that someone else "will look after you now"
        (
            "Jake won't be coming in tomorrow or ever again. I've written them a letter each. Thank you for"
            " everything.",
            "parent",
            "dsl",
        ),
        (
            "There was a note in her book bag from dad saying sorry, that auntie will look after you now, and"
            " he isn't answering",
            "staff",
            "dsl",
        ),
        # searches for disappearing, living alone or ways to die
        (
            "Her tablet history shows she typed 'how to disappear' and 'can you live by yourself at 10'",
            "staff",
            "dsl",
        ),
        (
            "Whoever was logged on to laptop 12 searched 'painless ways to die for kids' at lunch",
            "staff",
            "dsl",
        ),
        # a game "friend" told where the child will be; a group chat threatening a child with his address
        (
            "A gamer on her Xbox asked which school she goes to and said he'd come and get her at home time",
            "parent",
            "dsl",
        ),
        (
            "Kids in the year 6 chat say they'll batter him after school and they've shared where he lives",
            "parent",
            "dsl",
        ),
        # made to drink something harmful; an air rifle fired at a child; a knife kept "for protection"
        ("My daughter was forced to drink bleach at a sleepover", "parent", "dsl"),
        ("Some teenagers shot at my son with an air rifle in the park, he has a red welt", "parent", "dsl"),
        (
            "My nephew's older brother keeps a knife under his bed and showed him how to hold it 'for"
            " protection'",
            "staff",
            "dsl",
        ),
        # children out late at night, found by police or seen alone; made to stay out; a different bed each
        # night
        (
            "The police brought two Year 5 boys home at 1am, they were found at the retail park",
            "staff",
            "dsl",
        ),
        (
            "I've seen a girl in your school jumper outside the chippy after midnight three nights running,"
            " she can't be more than 9",
            "parent",
            "dsl",
        ),
        ("dad says we have to stay out till his friends go home, its dark and freezing", "pupil", "dsl"),
        (
            "He's been staying at different friends' houses every night, his mum won't have him home",
            "staff",
            "dsl",
        ),
        # adults who seek a child's company: a phone "so they can chat", "special time" on his knee, a present
        # at the fence
        ("Her dad's friend got her a phone so they can chat and she's gone very quiet", "parent", "dsl"),
        (
            "Mum's new friend picks her up on Fridays. She says he lets her ride on his knee in his car and"
            " they call it special time",
            "staff",
            "dsl",
        ),
        (
            "A bloke has been at the fence every playtime and today gave a Year 1 girl a teddy with her name"
            " on it",
            "staff",
            "dsl",
        ),
        # a child pinned by the wrists, told of the head; a contractor at school asking for a child's number
        (
            "About the headteacher: I saw her pin a Year 2 girl to the wall by the wrists",
            "staff",
            "chair_of_governors",
        ),
        (
            "The plumber fixing the heating at school asked my daughter for her number",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_forty_five_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 45 (set BQ, read): the kinds of its 22 missed disclosures and its one route, in other words, each
    # found by the rule written or widened for its kind (knowledge/safeguarding.yaml, "round 45").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set BQ and blind64a (read): brothers and sisters, a kitten, a hockey stick, a house rule, a first
        # time home alone, a member of staff abused online; and ordinary messages written to share the new
        # rules' words
        ("He locked her out of his room all afternoon and now she's sulking", "parent"),
        ("She says her brother ruined her life by eating her Easter egg", "parent"),
        ("He threw a Lego brick at her feet in a bust-up, they're best friends again now", "parent"),
        ("His sister shut him in the bathroom for a few seconds as a prank", "parent"),
        ("The scratches on his arm are from our new kitten", "parent"),
        ("She got whacked with a hockey stick at training, she's fine", "parent"),
        ("The phone lives downstairs overnight now, new house rule", "parent"),
        ("Left home alone for the first time while I nipped next door", "parent"),
        ("The police found my stolen bike last night", "parent"),
        ("He held his sister down in a pillow fight, they were both laughing", "parent"),
        ("parent abusing me online in the evenings - can school act", "staff"),
        ("The 8 week old has a little bruise from the heel prick test", "parent"),
        (
            "Ollie won't be in any more as we're moving to Leeds, I've written his teacher a letter. Thank"
            " you for everything",
            "parent",
        ),
        (
            "He gave his friend from football our address for the party invite and what time to come round",
            "parent",
        ),
        (
            "Her uncle bought her a phone for her birthday so they can chat on FaceTime while he's in"
            " Australia",
            "parent",
        ),
        (
            "Is a BB gun legal for a 12 year old? His grandad wants to get him one for Christmas to shoot"
            " tins",
            "parent",
        ),
        (
            "Great lesson today, the children used knives in the kitchen and I showed them how to hold them"
            " safely when chopping",
            "staff",
        ),
        (
            "We were out on the high street after midnight coming back from the fireworks, sorry she's tired",
            "parent",
        ),
        ("mum says i have to stay out till tea time playing with my friends", "pupil"),
        ("She's been sleeping at her friends house most nights this half term while we decorate", "parent"),
        ("my brother pinned me to the floor when we were wrestling and I still won", "pupil"),
        ("We pinned the children's drawings to the wall for the display", "staff"),
    ],
)
def test_round_forty_five_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # contact going wrong, a carer who hurt a child, a child brought to work off a debt, children
        # working late
        (
            "After Saturday's contact visit he keeps saying he's not allowed to tell about the flat, he's"
            " really upset",
            "staff",
            "dsl",
        ),
        (
            "I'm her nan and I've had her since summer. I lost it and grabbed her too hard yesterday, there"
            " are marks on her arm",
            "parent",
            "dsl",
        ),
        ("New girl in Y3 says she has to work to pay off the flight her uncle paid for", "staff", "dsl"),
        (
            "The boy from the chip shop is serving on the counter till gone midnight most nights, he's only"
            " 9",
            "parent",
            "dsl",
        ),
        (
            "i wash cars with my uncle after school and he says im old enough to not get paid, my hands hurt",
            "pupil",
            "dsl",
        ),
        (
            "Home visit: her parents have gone back abroad and she's living with a family friend, we were"
            " never told",
            "staff",
            "dsl",
        ),
        # tablets swallowed or given to quieten a child, pills in a pupil's bag, alcohol and vapes given or
        # sold
        (
            "my little sister swallowed some of dads tablets and she wouldnt wake up properly, i didnt tell",
            "pupil",
            "dsl",
        ),
        ("He said his mum gives him one of her sleeping tablets to keep him quiet at night", "staff", "dsl"),
        ("Found a strip of diazepam in a Year 5 boy's pencil case", "staff", "dsl"),
        (
            "Her uncle gives the kids cider at the weekends and tells them to keep quiet about it",
            "parent",
            "dsl",
        ),
        ("my brothers mate gives us vapes to sell at school", "pupil", "dsl"),
        # control told by a child or seen at school; food taken away
        ("dad makes me tell him where mum goes when he is at work or he shouts", "pupil", "dsl"),
        (
            "Mum says she isn't allowed a bank card and he checks the doorbell camera to see who visits",
            "staff",
            "dsl",
        ),
        ("if my reading book is not signed dad takes my dinner away", "pupil", "dsl"),
        # squalor, a sodden nappy, a child left uncollected and underdressed, hungry and alone, needles
        ("Visited the house: dog mess all over the kitchen floor and the children's bedroom", "staff", "dsl"),
        ("The baby's nappy was sodden and the toddler was in the same clothes as last week", "staff", "dsl"),
        (
            "He's not been collected until 6 twice this week and comes in with holes in his shoes and no"
            " coat",
            "staff",
            "dsl",
        ),
        ("we are hungry at weekends cos mum goes out and we are on our own", "pupil", "dsl"),
        (
            "The man upstairs is off his face most days and his little ones are playing by the needles on"
            " the landing",
            "parent",
            "dsl",
        ),
        # hiding from the other parent, an adult in a child's bed, touching and rating in the line
        (
            "She said daddy showed her how to hide under a blanket in the back of his car so mummy won't"
            " find them",
            "staff",
            "dsl",
        ),
        (
            "My lodger comes into her room at night and climbs into her bed, she says she doesn't like it",
            "parent",
            "dsl",
        ),
        (
            "some year 6 boys keep touching the girls' bums in the line and rating their bodies out of ten",
            "staff",
            "dsl",
        ),
        # an adult at school arranging to meet a pupil in secret; asked 'for a friend'
        (
            "The man fixing the roof at school messaged my son 'meet me behind the hall, tell no one'",
            "parent",
            "headteacher",
        ),
        ("what happens if a kids mum doesnt give them any food. asking for a friend", "pupil", "dsl"),
    ],
)
def test_round_forty_six_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 46 (set BR, read): the kinds of its 23 missed disclosures and its two routes, in other words, each
    # found by a rule written for its kind (knowledge/safeguarding.yaml, "round 46").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # set BR and blind65 (read): the ordinary messages the rules flagged, and ordinary messages written to
        # share the new rules' words
        ("She drew a picture of her family with her dad's new girlfriend", "parent"),
        ("Mrs Twit puts frogs in Mr Twit's beer in the book, the class loved it", "staff"),
        ("The little one came back from the paddling pool soaked and happy", "parent"),
        ("Needless to say the chickens got out again", "parent"),
        (
            "Heating's been off a few days while the engineer fixes it, we've got blankets and hot water"
            " bottles",
            "parent",
        ),
        (
            "We're at my mum's for two weeks while the damp is fixed, just a different address if you need"
            " it",
            "parent",
        ),
        (
            "Happy for class photos on the website. If you ever use the one with her eyes shut she says"
            " she'll run away to Nan's and never come back!",
            "parent",
        ),
        ("He told me I'd ruined his life because I sent him in uniform on non-uniform day", "parent"),
        ("Year 6 are learning about the effects of drugs and alcohol on the body in science", "staff"),
        ("She had a tumble on the trampoline at her cousin's, just a small bruise", "parent"),
        ("Dressed as a naked sheep for the nativity, the cotton wool fell off his costume", "parent"),
        ("If a teacher is using Facebook inappropriately who do I tell?", "parent"),
        (
            "Caretaker here. Filmed the children on the new climbing frame, can I post it on my Facebook?",
            "staff",
        ),
        ("Caught a Year 5 girl on TikTok on her phone at lunch, is that allowed?", "staff"),
        ("Can I pay back the trip money in two goes? Money is tight this month", "parent"),
        ("She helps out in her uncle's shop on Saturdays for pocket money", "parent"),
        ("Her parents have gone back to Poland for a funeral, she's with her cousin for the week", "parent"),
        ("He had his calpol and went all sleepy so he'll be in late", "parent"),
        ("We play hide and seek and he hides in the boot of the car, so funny", "parent"),
        ("He takes his sister's sweets away and she cries", "parent"),
        ("We're doing a surprise for mum's birthday, I'm not allowed to tell her about the cake", "pupil"),
        ("Come and meet me at the gate after school, don't tell your sister it's a surprise party", "parent"),
        ("Her little brother climbs into her bed when there's a thunderstorm", "parent"),
        ("We rated the cakes out of ten at the bake off", "pupil"),
        ("Could someone run off 30 copies of the trip letter before 3?", "staff"),
    ],
)
def test_round_forty_six_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        # a parent or carer afraid of what they will do, drinking, a child locked in, little ones left with a
        # child, a carer who hurt a child and hid it
        (
            "I'm frightened of what I might do to her when she won't stop crying, I'm on my own with her",
            "parent",
            "dsl",
        ),
        (
            "I've been drinking too much again and I can't remember if I picked the kids up from my mum's",
            "parent",
            "dsl",
        ),
        (
            "he said his mum locks him in the bedroom for hours when she can't cope and he has to wee"
            " in a bottle",
            "staff",
            "dsl",
        ),
        (
            "She leaves the baby with her 8 year old daughter and goes out at night, I hear the baby"
            " crying till 2am",
            "parent",
            "dsl",
        ),
        (
            "I'm his kinship carer. I shoved him and he hit his head on the door. I'm scared they'll"
            " take him away",
            "parent",
            "dsl",
        ),
        # dares and games that put a child in danger
        (
            "There's a challenge going round on YouTube to go missing for a night and post about it, my"
            " son wants to do it",
            "parent",
            "dsl",
        ),
        (
            "some boys in year 5 do a game where they squeeze a scarf round your neck till you black out",
            "pupil",
            "dsl",
        ),
        ("My daughter told me older kids dared her to run in front of cars on the bypass", "parent", "dsl"),
        # afraid to go home, planning to leave
        (
            "i packed my bag and its under my bed. im not going back home, ill sleep in the park",
            "pupil",
            "dsl",
        ),
        (
            "Found a packed bag in Mia's tray with her pyjamas and money, she wouldn't say where she's going",
            "staff",
            "dsl",
        ),
        (
            "He screamed 'please don't make me go, he'll be there' when his mum came to pick him up",
            "staff",
            "dsl",
        ),
        ("i dont want to go home tonight cos mum and her boyfriend are fighting again", "pupil", "dsl"),
        ("i saved my dinner money for a bus to my real mums. dont tell anyone", "pupil", "dsl"),
        ("i have nowhere to go tonight. can i stay at school", "pupil", "dsl"),
        # hatred, a dad who shuts mum out, a child taken, a passport taken, "where the bad happens"
        (
            "Someone threw a stone through our window and wrote that we should go back where we came"
            " from, the kids are terrified",
            "parent",
            "dsl",
        ),
        (
            "dad locked mummy out last night and wouldnt let her in and she was crying in the garden",
            "pupil",
            "dsl",
        ),
        ("help please my ex has snatched my son from outside the house", "parent", "dsl"),
        (
            "Her father has hidden the passports and says he will take them abroad and I will never see"
            " them again",
            "parent",
            "dsl",
        ),
        (
            "He won't go into the toilets by the hall, he says that's where the bad things happen",
            "parent",
            "dsl",
        ),
        # a child's words to a contact worker; staff in a child's words (the head's)
        (
            "the social worker asked if i like it at my dads and i said yes because he was there but i dont",
            "pupil",
            "dsl",
        ),
        (
            "the lady who comes in to hear us read asked me to send her photos of me on her phone",
            "pupil",
            "headteacher",
        ),
        ("the man who fixes the roof said i was pretty and asked where i live", "pupil", "headteacher"),
    ],
)
def test_round_forty_seven_kinds_of_disclosure_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 47 (set BS, read): the kinds of its 19 missed disclosures and its three routes, in other words,
    # each found by a rule written for its kind (knowledge/safeguarding.yaml, "round 47").
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # blind66 (read): policy questions that were alerts, in other words
        (
            "My colleague is in the Year 2 parents WhatsApp because her nephew is in that class, is"
            " that allowed?",
            "staff",
        ),
        (
            "A friend keeps writing nasty things about Mr Price on her Facebook, calling him useless."
            " Is she breaking the rules?",
            "parent",
        ),
        (
            "My colleague's friends keep tagging her in drunk photos from a hen do, parents can see."
            " What should she do?",
            "staff",
        ),
        ("I sent my daughter's teacher a friend request last night, should I cancel it?", "parent"),
        (
            "Bit of a weird one. A parent sent me a screenshot of a TA's post about the class, who"
            " deals with that?",
            "staff",
        ),
        (
            "I posted something unfair about Mrs Hart and I've deleted it now, can I apologise to her?",
            "parent",
        ),
        # set BS (read): the ordinary messages the rules flagged, and ordinary messages written to share the
        # new rules' words
        ("She asked what lesbian means, I told her it's when two women love each other", "parent"),
        ("My nephew is staying with us this week while his mum is in hospital having the baby", "parent"),
        ("Sorry she's tired, smoke alarm went off at 6am, burnt toast by her dad", "parent"),
        ("We got beaten 4-1 in the cup final, he's gutted", "parent"),
        ("She walked on naked feet on the beach and got a splinter", "parent"),
        ("He locked himself in his room all afternoon because we took the xbox away", "parent"),
        ("He packed a bag and said he was running away to nanny's because I said no to sweets lol", "parent"),
        ("My brother locked her out of his room all weekend, typical teenager", "parent"),
        ("My ex has taken the kids to his mum's for the weekend so they will be back on Monday", "parent"),
        ("Her dad has taken the children swimming so I'm collecting at 3", "parent"),
        (
            "We need passports for the kids for our holiday abroad, can we have a letter for term time?",
            "parent",
        ),
        ("i need somewhere to go after school on tuesdays is there a club", "pupil"),
        ("I'm saving up for a train set for my dad's birthday, dont tell him", "pupil"),
        (
            "He's got his school tie round his neck the wrong way again, can someone help him with the knot",
            "parent",
        ),
        ("We did road safety in assembly: never play near the railway line or run in front of cars", "staff"),
        ("Please don't make me sing in the assembly, Miss, he's there today and I'm shy", "pupil"),
        ("I'm scared of what I'll do to the garden if the rabbit gets out again", "parent"),
        ("The dog mess on the field needs sorting, the children keep stepping in it", "parent"),
    ],
)
def test_round_forty_seven_rules_and_guards_read_no_more_than_their_cases(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "a colleague has been posting things about a parent online calling them names, what do i do",
            "staff",
        ),
        (
            "a neighbour keeps posting lies about my son's teacher on the village page and calling her names",
            "parent",
        ),
        ("my mate is putting stuff about Miss Khan on tiktok calling her names", "parent"),
    ],
)
def test_posts_that_call_a_teacher_or_a_parent_names_are_not_a_disclosure(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 48 (round 47's review left it): adults' posts "on the village page … calling her names" or "online
    # calling them names" read as a member of staff or a parent calling a child names; the page or the post
    # before "calling her names" says it is online conduct (`@online_name_calling`)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "route", "role"),
    [
        ("on the family whatsapp group my dad keeps calling me names and says im useless", "dsl", "pupil"),
        ("in the group chat my stepdad calls me names and says im stupid", "dsl", "pupil"),
        ("the TA posted in the class group and called my son an idiot", "headteacher", "parent"),
    ],
)
def test_name_calling_in_a_group_chat_by_family_or_staff_is_still_found(
    detector: SafeguardingDetector, text: str, route: str, role: str
) -> None:
    _assert_found_by_a_rule(detector, text, route, role)


# ---- round 49: sets BT and BU read ----


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("when he's been naughty he has to sit in the dark in the cupboard under the stairs", "parent"),
        (
            "the year 6 lads told him if he doesnt bring them money theyll do what they did to his mate",
            "parent",
        ),
        (
            "Mum has been in bed ill for days so Lily is doing all the feeding of the baby and the twins",
            "staff",
        ),
        (
            "the little one comes back after the weekend at his dad's with nappy rash so bad it bleeds",
            "parent",
        ),
        (
            "she has a burn on her hand from the fire, there's no guard on it and nobody watching them",
            "staff",
        ),
        (
            "since she came back from the summer holiday she's walking very stiffly, keeps going to the "
            "toilet and says she had a special party she isn't allowed to talk about",
            "staff",
        ),
        ("my nephew shares posts about hitler being right and says the jews are to blame", "parent"),
        (
            "an older man online has been training my son and wants him to do something at the church to get"
            " noticed",
            "parent",
        ),
        ("my cousin says we will go on a march and beat up the foreigners at the hotel", "pupil"),
        ("her stepdad says the traitors in the government should be hanged and makes her film it", "staff"),
        (
            "He was taken to Bristol to work in a flat over the weekend, sleeping on a mattress with men he "
            "didnt know",
            "staff",
        ),
    ],
)
def test_round_49_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 49 (sets BT and BU, read): a child made to sit in a dark cupboard as a punishment; money demanded
    # with a threat; a young carer feeding babies for a parent in bed; nappy rash that bleeds, a burn from an
    # unguarded fire; FGM told by how a girl walks after a holiday; praise of Hitler, "training" online for an
    # attack, beating up a people, traitors to be hanged; a child taken to another city to "work in a flat"
    # and in debt
    _assert_found_by_a_rule(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "she stays at her dad's on alternate weekends so her reading book might not come back on mondays",
            "parent",
        ),
        (
            "he barely eats anything at lunch because he doesnt like the menu, can he have a packed lunch",
            "parent",
        ),
        ("can a parent helper still come on the trip if she's never on her own with children", "staff"),
        (
            "a colleague posted about a parent on facebook, who do I tell? dont want to make a big drama out"
            " of it",
            "staff",
        ),
        (
            "Mrs Rowe and I are old friends on facebook, would it be ok to message her about my son's class?",
            "parent",
        ),
        (
            "Can I complain about a teachers tiktok without giving my name?? dont want my daughter treated "
            "any different after",
            "parent",
        ),
        (
            "someone posted that the Year 2 TA turned up drunk to the disco, complete rubbish, can you get "
            "it taken down",
            "parent",
        ),
        ("one of the teachers has a public instagram with photos of her very drunk on a hen do", "parent"),
        (
            "we played hide and seek and the naughty boy had to stay in the dark in the cupboard till we "
            "found him",
            "parent",
        ),
        ("we beat the white house on sports day, we won the relay", "pupil"),
        ("we watched the traitors last night, the traitors will be killed off at the round table", "parent"),
        ("he burnt his hand on the toaster making toast on his own, hes fine", "parent"),
        (
            "in the ww2 lesson my son asked why hitler was right about anything, what do they teach them",
            "parent",
        ),
    ],
)
def test_round_49_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 49 (set BT's ordinary messages and blind67a/67c, read): a book that will not come back, a lunch a
    # child does not like, a helper never alone with children, "a big drama out of it", the writer's own
    # message to a teacher, a complaint without a name, a post about a teacher drunk that the writer denies or
    # wants taken down, a teacher's photos from a hen do; a game of hide and seek; a history lesson. After the
    # round's commit: house colours beaten on sports day, a television show's "traitors", a small burn from a
    # toaster (its first rules read all three)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Pastoral support worker at school. Ellie says her mum's boyfriend grabbed her by the neck last "
            "night",
            "staff",
        ),
        (
            "PCSO asked me to pass this on (I'm the school business manager). Two Year 6 girls were found at"
            " the "
            "station with cash and a burner phone given to them by an older man",
            "staff",
        ),
        (
            "Mrs Jones here (TA in Owls). Priya came back from Somalia walking very stiffly and keeps asking"
            " for the "
            "toilet, she says she had a special party",
            "staff",
        ),
        (
            "Her mum has bad MS. Ruby has to help mum to the toilet and wash her every night and is falling "
            "asleep "
            "at school",
            "parent",
        ),
        (
            "she said the big girls touched her in the toilets and you can't tell teachers or they'll hurt "
            "you",
            "pupil",
        ),
    ],
)
def test_the_writers_own_job_or_words_about_teachers_leave_a_concern_with_the_dsl(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 49 (sets BT and BU, read): the writer's job as a heading ("Pastoral support worker at school."),
    # in brackets ("I'm the school business manager"), after a name ("Mrs Jones here (TA …)"); an illness, not
    # a title ("bad MS"); teachers as whom a child must not tell. None is the person the concern is about.
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she told me she gets tied to the radiator when she wont go to sleep", "pupil"),
        ("noticed tape marks round both his ankles when I helped him with his socks", "staff"),
        ("when I asked why his back was sore he just said mummy's belt", "staff"),
        ("when he took his jumper off his back was all covered in bruises", "staff"),
        ("he doesnt get any tea if he gets his spellings wrong, his step mum says", "parent"),
        ("his stepdad tips his dinner into the bin in front of him when he eats too slowly", "parent"),
        ("the boy next door gets put out on the balcony when his mum's boyfriend is in a temper", "parent"),
        ("her aunt shaved all her hair off as a punishment for wetting herself", "staff"),
        ("his nan keeps telling him no one will ever love him", "parent"),
        ("her grandma held her hand over a candle flame and said the jinn must leave her", "staff"),
        ("she has to kneel for hours on the kitchen tiles as a punishment", "pupil"),
        ("his dad calls him the devil's child in front of everyone", "parent"),
        ("they hid in the bathroom with the baby while he was smashing plates downstairs", "parent"),
        ("Ava told me he hit his new girlfriend at contact on sunday", "staff"),
        ("my ex booted the front door in at 2am and the children were terrified", "parent"),
        ("he's back, he has broken the non mol and turned up outside school", "parent"),
        (
            "her mum left her with me for a few hours on saturday and now its wednesday and she isnt "
            "answering",
            "parent",
        ),
        (
            "year 6 girls filmed her weeing and said she cant play with them unless she lets them do it "
            "again",
            "pupil",
        ),
        ("the bairns hid upstairs while he was leathering their mam", "parent"),
        ("his dad left her locked in the van while he was in the bookies", "staff"),
    ],
)
def test_round_50_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 50 (set BV, read): a child tied to the bed, rope marks round the wrists; "daddy's belt" said in
    # two words; a back covered in bruises; tea withheld for a bad mark, a plate binned in front of a child; a
    # child put out on the balcony; hair cut off as a punishment; "nobody will love you"; a jinn to be driven
    # out by fire; kneeling or standing for hours; "the devil's child"; children hiding while a parent is
    # beaten; a door kicked in, a non-molestation order broken; a child left with someone "for the afternoon"
    # for days; older pupils filming a child on the toilet; a beating in dialect; a child left locked in a van
    _assert_found_by_a_rule(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she came home with a black eye from dodgeball, someone threw it too hard", "parent"),
        ("the neighbour keeps leaving aggressive notes on cars parked outside school", "parent"),
        ("my brother commented 'I know where you live' on my cot advert, he was only joking", "parent"),
        ("a predatory loan advert appeared on the PTA page, can we turn ads off", "staff"),
        ("If a dad grabs me at the classroom door with a question, do I send him to the office?", "staff"),
        (
            "Her dad and I decided we dont want her pictures online, so can the teacher post trip photos on "
            "her own instagram?",
            "parent",
        ),
        ("he loves the trampoline park, his back is covered in bruises from it", "parent"),
        ("he hid in the cupboard screaming during his meltdown when the fire alarm went off", "staff"),
        ("the kids hid behind the sofa screaming at the scary bit of the film", "parent"),
        ("my son said daddy's belt would finish off his pirate costume for world book day", "parent"),
        ("she cut her own hair so no ipad this week as a punishment", "parent"),
        ("we had to kneel for hours planting bulbs in the school garden", "pupil"),
        ("in RE they read a story where a jinn must leave the lamp before it catches fire", "parent"),
        ("my son held his hands near the fire to warm them at forest school", "parent"),
        ("the kids love being sent out on the balcony to play in the snow", "parent"),
        (
            "I'm her big brother, I'm 16 now. Can I pick her up on Wednesdays or does it have to be an "
            "adult?",
            "parent",
        ),
    ],
)
def test_round_50_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 50 (set BV's ordinary messages and blind68b, read): a black eye from dodgeball a child "came home
    # with"; a neighbour's aggressive notes on cars; "I know where you live" as a joke; a predatory loan
    # advert; a parent who "grabs me at the classroom door" with a question; parents who do not want a child's
    # pictures online; a big brother asking whether he may collect his sister (each alarmed at the round's
    # start). The rest are what the round's new rules read without their guards: bruises from a trampoline
    # park, hiding in a meltdown or at a film, a belt for a costume, a child's own haircut, kneeling to plant
    # bulbs, a jinn in a story, warming hands by a fire, a balcony to play on
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Mrs Khan can i tell you something. my step mum makes me stand in the hallway till dad gets "
            "home and im not allowed to sit down or go toilet",
            "pupil",
        ),
        ("my cousin says if i talk to a teacher he will hit me again", "pupil"),
    ],
)
def test_a_pupil_speaking_to_a_teacher_or_told_not_to_talk_to_one_leaves_the_concern_with_the_dsl(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 50 (set BV, read): "Mrs Patel can i tell you something. my step mum makes me stand…" (the teacher
    # spoken to) and "if i speak to teacher he send me back" (the teacher a child is threatened for telling)
    # name no member of staff the concern is about
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "his dad threw all his PE stuff out the window when he was drunk and kicked him down the stairs",
            "parent",
            "dsl",
        ),
        ("she hits him again", "parent", "dsl"),
        ("my little girl said her uncle takes pictures of her bottom on his phone", "parent", "dsl"),
        (
            "Concern about Mr Hale (head). He keeps driving a Year 5 boy home on his own and I saw him "
            "give the boy money",
            "staff",
            "chair_of_governors",
        ),
        (
            "the headteacher has been calling one Y6 girl into her office alone at lunchtime and the girl "
            "told a friend she isn't allowed to say what they talk about",
            "staff",
            "chair_of_governors",
        ),
        (
            "his ankle is really swollen and he can't walk on it, dad says it'll get better on its own",
            "staff",
            "dsl",
        ),
        ("nobody picked her up, 2nd night running, shes 5", "staff", "dsl"),
        ("he was missing all night again and came back at 6, won't say where", "parent", "dsl"),
        ("it was the taxi driver", "parent", "headteacher"),
        ("its his stepdad", "pupil", "dsl"),
        ("he said grandad does it when mum is out", "parent", "dsl"),
        (
            "Jacob went missing on sunday and we found him at the station with a friend from online, he's 10",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_51_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 51 (set BW, read): a child kicked down the stairs, told inside an angry complaint; "she hits him"
    # as the whole message; an adult taking pictures of a child's bottom; the head driving one child home
    # alone and giving money, or calling one child into the office alone with a secret (the chair's); an
    # injury left to "get better on its own"; nobody collecting a young child night after night; a reply that
    # names who does it ("it was the taxi driver", the head's; "its his stepdad"); "grandad does it when mum
    # is out"; a child missing all night, or found far away with "a friend from online"
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "TA in Y2 here. At circle time Jack said mummy's new boyfriend puts me in a really hot shower "
            "to make me clean, and showed me red patches on his arms",
            "staff",
            "dsl",
        ),
        (
            "Flagging Sam in 3C - he drew two people in a bed and told the TA \"that's me and my special "
            "friend, it's our game\"",
            "staff",
            "dsl",
        ),
        (
            "the man who runs the coding club at the library keeps buying my son presents and says not to "
            "tell me",
            "parent",
            "dsl",
        ),
    ],
)
def test_a_heading_a_child_telling_the_ta_or_a_club_at_the_library_leaves_the_concern_with_the_dsl(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 51 (set BW, read): the writer's job and class as a heading ("TA in Y1 here."), what a child "told
    # the TA" ("that's me and my special friend"), and the man who runs a club at the library (not the
    # school's) name no member of staff the concern is about
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("he came home with a scratch from a game of tag that got too rough", "parent"),
        ("small cut on his finger from the pencil sharpener, first aid given, do I log it?", "staff"),
        ("can we talk about how we record toilet trips for the Reception children?", "staff"),
        (
            "the policy says staff shouldn't photograph children on their own phones - does that include "
            "the school trip?",
            "staff",
        ),
        ("this is neglect of my daughter's special needs, she's had no 1:1 all week", "parent"),
        (
            "the Year 2 teacher messaged me back last night about the reading book, hope I've not got her "
            "in trouble",
            "parent",
        ),
        ("the doctor asked me to take photos of her bottom because of the rash", "parent"),
        ("his wrist was swollen but the gp said it would get better by itself", "parent"),
        ("A man will collect Jayden today - it's his step dad, Carl, he's on the list", "parent"),
        ("Ollie has been quiet since the funeral on friday, it was my uncle, they were close", "parent"),
        ("our dog went missing and we found him thanks to a friend from online", "parent"),
        ("Tom pushed Jake in the line. He hit him. They're both in Year 3.", "parent"),
        ("the cat went missing all night, the kids were so upset", "parent"),
        ("the gp says it should heal by itself, his wrist is swollen", "parent"),
        ("nobody picked him for the team so he was on his own at break", "pupil"),
    ],
)
def test_round_51_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 51 (set BW's ordinary messages and blind69a, read): a scratch from a game of tag; a small cut from
    # a pencil sharpener given first aid; how to record toilet trips; whether the policy on staff
    # photographing children covers a trip; "neglect of my son's needs" (support an EHCP names); a teacher who
    # "messaged me back" (each alarmed at the round's start). The rest are what the round's new rules read
    # without their guards: photos a doctor asked for, a swelling a GP said would heal, a dog found missing,
    # and "it's his step dad" or "it was my uncle" said of a collection or a funeral. After the round's commit
    # (677abcb), its new rules read again for what else their words mean: children hitting each other told in
    # short sentences, a cat missing all night, a GP who "says" a swelling will heal, a child not picked for a
    # team (each alarmed there)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "through the wall I hear their dad kicking off every evening, thuds, and a kid crying sorry "
            "sorry",
            "parent",
            "dsl",
        ),
        ("Mia asked if she could stay at school tonight because it's safer here", "staff", "dsl"),
        (
            "since his uncle babysat at half term he has nightmares and won't go near his uncle",
            "parent",
            "dsl",
        ),
        ("my 5 year old described a blow job to her friend at school", "parent", "dsl"),
        (
            "the two kids upstairs have been on their own in the flat since thursday, no sign of an adult",
            "parent",
            "dsl",
        ),
        (
            "a baby left in a car in the supermarket car park, windows shut, boiling hot, alone for at least "
            "20 minutes",
            "parent",
            "dsl",
        ),
        (
            "my son was forgotten on the minibus after swimming and sat there on his own for over an hour",
            "parent",
            "headteacher",
        ),
        (
            "please don't give her dad our new address, we fled because of what he did to the children and "
            "there is a court order",
            "parent",
            "dsl",
        ),
        (
            "the dance teacher yanked my daughter by her plait to make her stand still",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_52_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 52 (set BX, read): children heard through a wall, an adult kicking off and a child begging; a
    # child asking to stay at school "because it's safer here"; a child afraid of the relative who babysat,
    # with nightmares; a young child describing a sexual act; young children alone at home for days; a baby
    # left in a hot car; a child forgotten on the school minibus (the head's: the school's driver); a family
    # that fled "because of what he did to the children", keeping the new address from him; a child pulled by
    # her plait or ponytail by an adult at school
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "I'm Miss Shah, Y5 teacher. Ellie told friends she has a boyfriend who is 17 and he buys her "
            "vapes",
            "staff",
            "dsl",
        ),
        (
            "I'm Mr Okoro, year 3 teacher. Dylan said a man at the park gave him sweets and told him it's "
            "their secret",
            "staff",
            "dsl",
        ),
        (
            "the man who comes in on fridays to hear readers pinched my son's arm so hard it bruised",
            "parent",
            "headteacher",
        ),
    ],
)
def test_a_teacher_giving_their_own_name_leaves_the_concern_with_the_dsl_and_a_reading_volunteer_is_staff(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 52 (set BX, read): "I'm Mr Ahmed, Y6 teacher." is the writer, not the adult the concern is about;
    # "the lady who comes in on tuesdays to hear readers" is a volunteer at the school (the head's)
    _assert_found(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my phone screen is smashed so ring my husband's mobile instead", "parent"),
        ("if she forgets her PE kit again her mum will murder her lol", "parent"),
        (
            "my son finds the other mother in Coraline really creepy, could he swap his reading book?",
            "parent",
        ),
        (
            "my son has been drawing soldiers with guns since the remembrance assembly, is that normal?",
            "parent",
        ),
        ("will the school nurse need to touch my son for the vision test?", "parent"),
        (
            "who is the mystery reader this week? the kids say which grown up is coming in is a secret",
            "parent",
        ),
        ("a few of us want to keep Mr Shah's birthday a secret and put up banners in class", "parent"),
        (
            "what's the quiet room? she says she goes there on her own with Miss Fry when she feels "
            "overwhelmed",
            "parent",
        ),
        ("We've waited two years for an EHCP assessment and nobody cares", "parent"),
        ("a stranger left a creepy comment under my own Facebook post, how do I block them", "parent"),
        ("my account got hacked and sent weird messages to all the class parents, sorry!!", "parent"),
        ("is the blackout challenge in the news something school is warning children about?", "parent"),
        ("i feel safer here at school than on the bus because the older kids are mean", "pupil"),
        ("our whole class got left on the coach for an hour because of traffic", "pupil"),
    ],
)
def test_round_52_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 52 (set BX's ordinary messages, read): a phone's smashed screen beside a husband's number; "her
    # mum will murder her" if a PE kit is forgotten; the other mother in Coraline; drawings of soldiers after
    # a remembrance assembly; whether the school nurse touches children for a check; the mystery reader; a
    # teacher's birthday kept secret; a quiet room a child goes to with a member of staff; "nobody cares"
    # about an EHCP; a creepy comment on the writer's own post; a hacked account; a dangerous challenge in
    # the news (each alarmed at the round's start). The round's review of its new rules: a child who feels
    # safer at school than on the bus and a class left on a coach in traffic
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("asked what she has for tea: 'nothing if dad is cross'", "staff", "dsl"),
        (
            "his glasses have been 'at home' for weeks, he's missed two eye appointments and his reading is "
            "going backwards",
            "staff",
            "dsl",
        ),
        (
            "she has had a rash on her arms for weeks now and mum says they cant afford the cream, they all "
            "share one bed",
            "parent",
            "dsl",
        ),
        (
            "a boy in her class says he'll send the pictures of her in the bath to everyone unless she pays "
            "him",
            "parent",
            "dsl",
        ),
        (
            "I'm not coping, just drinking most days, my 7 year old has been getting himself up for school",
            "parent",
            "dsl",
        ),
        (
            "when I dropped her home the dad's eyes were pinned and there was a chemical smell, mum was "
            "asleep at 4pm",
            "parent",
            "dsl",
        ),
        ("she drew herself crying and wrote everyone better without me", "parent", "dsl"),
        (
            "he's given away his games and his bike and told his friend it's for when he's gone",
            "parent",
            "dsl",
        ),
        (
            "she's got plasters on the tops of her legs and says she fell but she won't talk about it",
            "parent",
            "dsl",
        ),
        ("he broke my phone again because I texted the school, please only email", "parent", "dsl"),
        ("my partner controls all the money and gives me nothing for the trip", "parent", "dsl"),
        ("he had me up against the fridge last night and the kids saw", "parent", "dsl"),
        ("my ex tried to drown me in the bath last year, he must not collect the girls", "parent", "dsl"),
        ("I said I fell down the stairs but it wasn't a fall, please don't tell him", "parent", "dsl"),
        ("the head screamed in a Year 1 boy's face until he wet himself", "staff", "chair_of_governors"),
        (
            "sir at after school club says I have to give him a hug or I cant have a snack",
            "pupil",
            "headteacher",
        ),
        ("it was the babysitter. she did it again", "parent", "dsl"),
        ("he's back again. the kids are terrified", "parent", "dsl"),
        ("is it normal for my 4 year old to be bleeding down there", "parent", "dsl"),
        ("my dads girlfriend", "pupil", "dsl"),
    ],
)
def test_round_53_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 53 (set BY, read): a child's words in a staff log ("nothing if Dad is cross"); a child's health
    # neglected (hearing aids or glasses left at home, appointments missed); a skin infection left for weeks;
    # a child threatened by another with pictures from the bath unless she pays; a parent drinking while a
    # young child gets himself to school; a home that smells of chemicals, a parent "asleep" in the afternoon;
    # "everyone better without me"; things given away "for when he's gone"; plasters on the tops of the legs
    # with a story that does not fit; domestic abuse told by the parent it happens to inside a practical
    # request (a phone broken, money controlled, pinned against the fridge, "tried to strangle me", "it wasn't
    # a fall"); the head screaming in a child's face until he wet himself (the chair's); a hug demanded for a
    # snack at a club (the head's); replies mid-conversation ("she did it again", "he's back. kids are
    # scared", "bleeding down there", and a pupil's whole reply "my dads girlfriend")
    _assert_found_by_a_rule(detector, text, route, role)


def test_a_letters_respectful_greeting_to_a_teacher_leaves_the_concern_with_the_dsl(
    detector: SafeguardingDetector,
) -> None:
    # Round 53 (set BY, read): "Respected teacher, my wife is beating my son" greets the teacher it is
    # written to
    _assert_found(
        detector, "Respected teacher, my husband is hitting my daughter with a belt", "dsl", "parent"
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'll murder whoever keeps leaving the heating on all weekend", "staff"),
        (
            "my son came home asking what stabbed means, someone said it in the playground about a news "
            "story",
            "parent",
        ),
        ("What does the Year 6 curriculum say about teaching terrorism?", "parent"),
        ("the new menu is abuse of the kids taste buds lol", "parent"),
        ("Supply teacher today, I have left the marking on the desk for Mrs Jones", "staff"),
        ("the babysitter forgot his lunch again, she did it again", "parent"),
        ("it wasn't an accident, another boy pushed him in the playground", "parent"),
        ("he tried to kill me with that curry lol", "parent"),
        ("my son reads my messages and goes mad if I text his teacher", "parent"),
        ("she has had a rash for weeks, the gp said its eczema, we cant get the cream till monday", "parent"),
        ("mums boyfriend", "parent"),
    ],
)
def test_round_53_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 53 (set BY's ordinary messages and blind71b, read): a laminator or the heating left on overnight;
    # a child asking what "stabbed" means after a news story; the curriculum on terrorism; "abuse of the kids'
    # taste buds"; a supply teacher's marking left on a desk (each alarmed at the round's start). The round's
    # review of its new rules: a babysitter who forgot a lunch "again", "it wasn't an accident" said of a
    # child who pushed another, "tried to kill me with that curry", a son who reads his mother's messages, a
    # rash a GP has seen, and "mums boyfriend" from a parent (a form's answer)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm not coping with the early starts, he's getting himself up now which is great", "parent"),
        ("there's a funny smell in the car and the baby was asleep the whole way", "parent"),
        ("Sorry I missed your call, he broke my phone screen playing football in the garden", "parent"),
        ("the broken window wasn't an accident, one of the big boys threw a ball at it", "parent"),
        ("my 5 year old has threadworms and is sore down there, can she skip swimming", "parent"),
    ],
)
def test_round_53_rules_read_again_raise_no_alarm_on_ordinary_wording(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # After round 53's commit (da75015), its new rules read again for what else their words mean: a parent
    # "not coping" with early starts while a child gets himself up; a funny smell in the car; a phone broken
    # by a child playing football; a window broken "not by accident"; threadworms (each alarmed there)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("if he gets his sums wrong he gets locked in the garage for the evening", "parent", "dsl"),
        (
            "we've had no electric for three weeks so he's only eating at school, sorry he's late again",
            "parent",
            "dsl",
        ),
        ("their heating's been off since November, the little ones go to bed in coats", "staff", "dsl"),
        (
            "my dad has been in bed for a week and i give my brother his breakfast and walk him in",
            "pupil",
            "dsl",
        ),
        ("she says she has to listen in on mummy's phone calls for her dad", "staff", "dsl"),
        ("he quizzes the kids about where mum went and who she saw while he was at work", "parent", "dsl"),
        ("the lad from his xbox party pays him in vbucks to do stuff on cam", "parent", "dsl"),
        (
            "her new mate is 19 and has a car, she keeps coming home with vapes and a necklace nobody "
            "paid for",
            "parent",
            "dsl",
        ),
        ("a lad said he'd collect him from the gate after school to do a job for some money", "staff", "dsl"),
        ("he has been kicking her again, she is 4", "parent", "dsl"),
        (
            "Writing to you as chair because this is about Mrs Patel. She has been shouting at a Year 2 boy "
            "until he cries and grabbing his arm",
            "staff",
            "chair_of_governors",
        ),
    ],
)
def test_round_54_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 54 (set BZ, read): a child shut in the garage for getting things wrong; a home without gas or
    # electric for weeks, told inside another request; a child caring for siblings while a parent has been in
    # bed for days; a child used to watch a parent (made to listen in on calls, questioned on where mum went);
    # an online "friend" paying a child in gift cards to do things on camera; gifts nobody at home paid for
    # from an older "friend"; a child to be collected from school "to do a job"; a few words that say a young
    # child is being hit; a message to the chair "because this is about the head" (the chair's)
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Rosie has a black eye thanks to her baby brother and a toy car. Looks far worse than it is!",
            "parent",
        ),
        ("she's moved up to the deep end now and can't touch the bottom, is that ok", "parent"),
        (
            "one of the TAs got him sorted with spare clothes after his accident, who do we return them to?",
            "staff",
        ),
        ("Mr Khan took him out on his own for phonics this week, does that mean he's behind?", "parent"),
        ("had a text supposedly from the school asking me to ring a number about my son, scam?", "parent"),
        (
            "the gas has been off since Monday for a week of building work next door, so cold showers",
            "parent",
        ),
        ("we had no electric for a week at the festival and the kids loved it", "parent"),
        ("mum has been in bed for days with flu so i make my own breakfast", "pupil"),
        ("my nan pays him in robux to do his reading with her on facetime", "parent"),
        ("she got airpods that nobody here paid for, she won them in the school raffle", "parent"),
        ("his uncle is picking him up at 2 for a job interview, can he leave early?", "parent"),
        ("he's been hitting his little sister, she's 3, any tips?", "parent"),
        ("a boy in her class has been kicking her at playtime, she's 6", "parent"),
    ],
)
def test_round_54_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 54 (set BZ's ordinary messages, read): an injury a sibling caused that "looks far worse than it
    # is"; a pool too deep to touch the bottom; spare clothes after an accident; a teacher taking a child out
    # on her own for maths; a scam text "supposedly from school" (each alarmed at the round's start). The
    # round's new rules read for what else their words mean: building work or a festival without gas or
    # electric; a parent in bed with flu; a grandparent paying for reading on a video call; a raffle prize;
    # a job interview; a brother hitting his toddler sister; a child kicked at playtime
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "Noah has a bandaged hand, mum said he burnt it on the oven at cubs camp but Noah says he doesnt "
            "go to cubs",
            "staff",
            "dsl",
        ),
        ("she cant sit down at carpet time and says she's not allowed to tell why", "staff", "dsl"),
        (
            "she keeps turning up with a sore face, her stepmum reckons she's clumsy, that's twice this "
            "month",
            "parent",
            "dsl",
        ),
        ("some year 6s said they will set my coat on fire after school", "pupil", "dsl"),
        (
            "my best friend Aisha stopped coming to school and her dad said they moved but I saw her in the "
            "garden at her house",
            "pupil",
            "dsl",
        ),
        (
            "Amir came back after a month away, says they were hiding at his uncle's and he wasnt allowed "
            "outside in case someone saw",
            "staff",
            "dsl",
        ),
        (
            "his mum took him out to home educate and now he's doing nothing all day and isn't allowed to "
            "see his friends",
            "parent",
            "dsl",
        ),
        ("mums depressed so i do all the jobs and look after my brothers", "pupil", "dsl"),
        ("i dont want us to be taken away", "pupil", "dsl"),
        ("she's stopped her tablets and says she and the kids will all go together", "parent", "dsl"),
        (
            "my partner threw a glass against the wall last night and the kids were right there, please "
            "don't send letters home",
            "parent",
            "dsl",
        ),
        (
            "Dad said at pick up he knows how to make sure nobody takes the kids away from him, then laughed",
            "staff",
            "dsl",
        ),
        ("she's 9 and told me she is going to meet her husband", "staff", "dsl"),
        (
            "the drama club teacher has a tiktok just for her favourite girls and they have to send her "
            "selfies from home",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_55_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 55 (set CA, read): an injury whose explanation the child's own words rule out; a child who cannot
    # sit down and is "not allowed to tell"; a child often hurt and called clumsy; a threat to set a child on
    # fire; children missing from education or hidden (said to have moved but seen at home, kept inside "in
    # case someone saw", "home educated" with nothing and no friends); a young carer for a depressed parent, a
    # child afraid of being taken away; a parent off her tablets who says they will "all go together"; a glass
    # thrown at the wall in front of the children; "make sure nobody takes the kids away from him"; a girl of
    # nine to "meet her husband"; a member of staff's private account for chosen children, fed with selfies
    # (the head's)
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Can I leave the kids at school overnight? only joking! what time does breakfast club open",
            "parent",
        ),
        (
            "thank you to the lady who helped my daughter when her period started in class, she was so kind",
            "parent",
        ),
        ("did richard iii murder the princes in the tower", "pupil"),
        ("can he bring his great grandad's war medals in? we keep them in a box", "parent"),
        (
            "in my day we got the slipper at school, times have changed! anyway is there a chess club",
            "parent",
        ),
        (
            "my dad plays golf with mr hughes and wants to add him on facebook, is that ok with his grandson "
            "in the class",
            "parent",
        ),
        ("my friend wants to follow miss on tiktok but is too scared to ask, can she", "pupil"),
        ("can I put a photo of the whole gang from the nativity on my childminding page", "parent"),
        (
            "he has a limp from football on saturday, coach said he fell awkwardly, he says it doesnt hurt "
            "now",
            "parent",
        ),
        ("in science we learned not to set your hair on fire with the bunsen burner", "pupil"),
        ("her best friend moved away but we saw her at the window when we drove past on holiday", "parent"),
        ("we were hiding in the garden so the kids wouldnt see the easter eggs, surprise!", "parent"),
        ("my nephew is staying with us for a bit, he doesnt go to school yet, he's 3", "parent"),
        ("we're thinking of home schooling, would she be doing nothing all day though?", "parent"),
        ("i do all the jobs at home because mum is poorly after her operation and i like helping", "pupil"),
        (
            "dont want us to be split up into different classes next year, can the twins stay together",
            "parent",
        ),
        ("my toddler threw my phone at the wall and the kids were stood right there laughing", "parent"),
        ("we are all going to go together to the end of the world exhibition at the museum", "parent"),
        ("she's 7 and is going to meet her aunty's new husband at the wedding", "parent"),
        ("the coach has a whatsapp group for the parents of the team so we know about matches", "parent"),
    ],
)
def test_round_55_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 55 (set CA's ordinary messages and blind73b, read): a joke about leaving children overnight; a
    # first period; the princes in the tower; medals kept in a box; "we got the slipper" in the writer's own
    # school days; a grandparent who wants to add the teacher he plays golf with; a pupil's friend too shy to
    # ask to follow a teacher; "the whole gang" in a photo (each as written in the sets alarmed at the round's
    # start). The round's new rules read for what else their words mean: a football limp; a science lesson; a
    # friend who moved; Easter eggs; a nephew too young for school; thinking of home schooling; helping after
    # an operation; twins in different classes; a toddler's throw; a museum; a wedding; a team's parents'
    # group
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "he came home limping, said he fell in PE but he doesn't go to PE on tuesdays, could you check "
            "with his teacher?",
            "parent",
        ),
        (
            "Ryan has a bandage on his wrist, mum says he fell at scouts, he says he doesnt go to scouts now "
            "but fell at the park",
            "staff",
        ),
        (
            "we were hiding from the rain in the caravan all week and he's lost weight from all the swimming",
            "parent",
        ),
        (
            "my cousin is staying with us for a bit from Spain, he doesnt go to school here, it's their "
            "holidays",
            "parent",
        ),
        ("i do all the drawing for our group because my friend is sad", "pupil"),
        ("i look after my little brother when he is ill", "pupil"),
        ("i dont want us to be split up for the trip groups, me and my best friend", "pupil"),
        ("how to make sure nobody takes them off the peg by mistake, they all look the same", "parent"),
        (
            "she couldnt sit down properly after sports day and went really quiet, think she's just tired",
            "parent",
        ),
    ],
)
def test_round_55_rules_read_again_raise_no_alarm_on_ordinary_wording(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # After round 55's commit (e3e2f90), its new rules read again for what else their words mean: a PE limp a
    # parent asks the school to check; a fall at the park after scouts; hiding from the rain; a cousin here
    # for the holidays; a pupil who does all the drawing for a sad friend, or looks after a poorly brother;
    # friends not to be split up into trip groups; coats taken off the peg; a child tired after sports day
    # (each alarmed there)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "We left to get away from their dad, he has a history of hitting the children and we have a "
            "court order. Can other parents see which class they are in on the app?",
            "parent",
            "dsl",
        ),
        (
            "my cousin wants me to take a bag to his mate on my bike and he will give me £20, is that a "
            "job? im 10",
            "pupil",
            "dsl",
        ),
        (
            "he doesnt want to get changed for PE because of the marks from the belt on his back",
            "parent",
            "dsl",
        ),
        (
            "Y5 boy told a classmate to go back to your own country, said his dad takes him to rallies "
            "where they chant",
            "staff",
            "dsl",
        ),
        (
            "he says incels are the real victims and women should be punished, since he started gaming with "
            "older boys",
            "parent",
            "dsl",
        ),
        ("a clip of a Y4 girl undressing is going round the Y6 boys' phones", "staff", "dsl"),
        ("one of the boys made her send it or he'd tell everyone she fancied him", "staff", "dsl"),
        (
            "my son is 8 and knows words for things I've never taught him, and asked if it hurts when girls "
            "get tied up",
            "parent",
            "dsl",
        ),
        (
            "he goes to breakfast club and the man who runs it makes him sit on his lap before the others "
            "arrive",
            "parent",
            "headteacher",
        ),
        (
            "my daughter is autistic and gets the school taxi, it drops her off last and twice her tights "
            "have been pulled down when she got home, there was no escort, only the driver",
            "parent",
            "headteacher",
        ),
        (
            "the volunteer who hears readers keeps taking the same girl to the library on her own, and "
            "today I saw him give her sweets and say keep that between us",
            "staff",
            "headteacher",
        ),
        (
            "his friend eats everything at ours and asked if he could take some sandwiches home for his "
            "little sister",
            "parent",
            "dsl",
        ),
        (
            "every morning a little boy of about 7 walks past us pushing a buggy with a baby in it, on his "
            "own, no coat",
            "parent",
            "dsl",
        ),
        ("Y2 girl said she hides in the shed when the shouting starts at home", "staff", "dsl"),
        ("Y5 boy met by 2 older males in a van at the bus stop, not on the contacts list", "staff", "dsl"),
        (
            "new iPhone and designer trainers, says they're from her friend's brother who picks her up on "
            "Fridays",
            "staff",
            "dsl",
        ),
        ("she touched him", "parent", "dsl"),
        ("Year 2. she says somebody at home keeps hurting her but she is scared to say who", "parent", "dsl"),
        ("her mum's new partner has a record for stuff with kids and he's moved in", "parent", "dsl"),
    ],
)
def test_round_56_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 56 (set CB, read): a family that fled a father with "a history of hurting the kids"; a bag to take
    # to a man for money; marks from a belt hidden at PE; a child told to "go back to your own country" by a
    # boy whose father takes him to rallies; "incels are the real victims"; a video of a girl undressing
    # passed round, a picture forced "or he'd tell"; a child of eight with words about sex never taught; the
    # man who runs the breakfast club (the head's), the school taxi's driver with a child whose clothes are
    # pulled down (the head's), a volunteer's sweets and "keep that between us" (the head's); bread taken home
    # for a brother; a child of seven pushing a baby to school alone; hiding "when the shouting starts"; older
    # men in a van; an iPhone and trainers from "her friend's brother" who picks her up; "she touched him" as
    # a reply; "somebody at home keeps hurting her"; a new partner "with a record for stuff with kids"
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Sports day was a shambles, babies crying in the heat, no shade and no water for parents. Who "
            "organises it?",
            "parent",
        ),
        (
            "a mum told me the school keeps a secret file on every parent who has complained, is that true?",
            "parent",
        ),
        ("my friend says teachers can follow us on tiktok if our parents say yes. is that true", "pupil"),
        (
            "my brother said theres a law that if you say nasty things online you go to prison, is it real",
            "pupil",
        ),
        (
            "my son goes to breakfast club and the lady who runs it lets them sit on the beanbags and have "
            "toast",
            "parent",
        ),
        (
            "after school club - the lady who runs it had the first aid kit out for a grazed knee, child "
            "fine",
            "staff",
        ),
        ("his trousers were on backwards when the minibus dropped him off after swimming lol", "parent"),
        ("she has red marks from the seat belt after the long car journey, nothing serious", "parent"),
        ("I'm taking them somewhere they'll never see a screen for a week, camping!", "parent"),
        ("we sleep in the car when we go to the festival its so fun", "pupil"),
        ("He has a record for the most goals in the under 9s league", "parent"),
        (
            "my son asked where babies come from and I don't know where he heard the word sex, is it in the "
            "RSE curriculum? can I withdraw him",
            "parent",
        ),
        ("my friend made me send her my homework or she said she'd tell miss i copied", "pupil"),
        ("she asked if she could take some of the cake she made home for her little brother", "parent"),
        ("my tooth hurts and mum says we cant go to the dentist till monday", "pupil"),
        (
            "my 8 year old pushed her baby brother in the buggy on her own for the first time at the park "
            "with me right there",
            "parent",
        ),
        (
            "my dad says go back to where you came from is a horrible thing to say and we talked about it",
            "parent",
        ),
        ("Y6 assembly on incels and online hate next week, can parents see the slides?", "staff"),
        ("i drew a map of the school with crosses for the treasure hunt", "pupil"),
        ("i have to take this bag to the office and miss said i get a sticker", "pupil"),
        ("CSE training on Thursday for all staff, the refresher module", "staff"),
        ("can mr h ring my mum back please", "parent"),
    ],
)
def test_round_56_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 56 (set CB's ordinary messages and blind74a, read): no water or shade at sports day; "a secret
    # file" on parents who complain; "teachers can follow us if our parents say yes"; "a law that … you go to
    # prison"; a dentist "till monday" (each as written in the sets, or near it, alarmed at the round's
    # start). The round's new rules read for what else their words mean: a breakfast club's beanbags; first
    # aid at an after-school club; trousers on backwards; seat-belt marks; a holiday without screens; a
    # festival; a goal-scoring record; where a child heard a word; homework sent "or I'll tell miss"; cake
    # taken home; a child pushing a brother's buggy with a parent beside her; a racist phrase a parent
    # explained; an assembly; a treasure map; a bag for the office; training; a call back
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "my son says someone at home is scaring him with ghost stories at bedtime, it's his big brother",
            "parent",
        ),
        ("my 9 year old niece pushed the pram on her own round the supermarket while I paid", "parent"),
        ("my teeth hurt a bit and mum says we cant go to the dentist because its shut on sundays", "pupil"),
        ("my daughter carries a bag to the car boot sale for her nan and earns £5", "parent"),
        ("my dad says go back where you came from is a racist thing to say", "pupil"),
    ],
)
def test_round_56_rules_read_again_raise_no_alarm_on_ordinary_wording(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # After round 56's commit (844c5cd), its new rules read again for what else their words mean: ghost
    # stories from a big brother; a niece pushing a pram in the supermarket beside her aunt; a dentist shut on
    # Sundays; a bag carried at a car boot sale for a grandmother; a father who says the phrase is racist
    # (each alarmed there)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "nurture group today: she made the big teddy lie on top of the little teddy and said that's what "
            "my uncle does, shhh",
            "staff",
            "dsl",
        ),
        (
            "sorry his reading book is ripped, my boyfriend doesn't like mess and he got a good smack for "
            "it, please don't send it home again",
            "parent",
            "dsl",
        ),
        (
            "Dan moved in in September. He's got a temper but he's never hit the kids, only me, and my son "
            "has been sleeping on my floor",
            "parent",
            "dsl",
        ),
        (
            "Y1 drawing of her family, asked about the big figure: mummy's new boyfriend, he lives with us, "
            "he says I'm a naughty girl at night",
            "staff",
            "dsl",
        ),
        (
            "new man picking up the twins since Easter, not on our contacts, mum says he moved in. The "
            "youngest sobbed at the gate when she saw him waiting",
            "staff",
            "dsl",
        ),
        (
            "my son says a word for a lady's private part that I never taught him and keeps drawing it, "
            "he's 6",
            "parent",
            "dsl",
        ),
        ("i dont want to go to my uncles any more because of what happens in the car", "pupil", "dsl"),
        (
            "I'm a family friend looking after Ama since her mum went abroad for work in the summer, not "
            "sure how long for",
            "parent",
            "dsl",
        ),
        (
            "Y5 boy says he has lived at his mate's dad's flat since the summer, mum is in prison",
            "staff",
            "dsl",
        ),
        (
            "my uncle says i cant come to school on mondays because i have to help at the car wash",
            "pupil",
            "dsl",
        ),
        (
            "the TA made a boy stand on a chair holding his wet trousers up so the class could see",
            "staff",
            "headteacher",
        ),
        (
            "Y6 girl throws her lunch away every day, much thinner, fainted in assembly, says food makes "
            "you fat",
            "staff",
            "dsl",
        ),
        ("a big boy said if i take a parsel to the garages he gives me £10", "pupil", "dsl"),
        (
            "Y6: new nails and a designer coat, says a boy pays for it; seen at a car window with older "
            "males",
            "staff",
            "dsl",
        ),
        (
            "his cousin of 15 put the phone on my daughter when she is in the bath and send the pictures to "
            "his friends",
            "parent",
            "dsl",
        ),
        (
            "Mum's at the door now and he's refusing to go with her, says she'll hurt him again",
            "staff",
            "dsl",
        ),
        ("cant talk hes checking my phone. kids are scared. help", "parent", "dsl"),
    ],
)
def test_round_57_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 57 (set CC, read): a child's play with toys that shows an older relative's act; a smack from a
    # mother's partner for a ripped book; violence minimised ("never hit the kids, only me"); "mummy's new
    # boyfriend … a naughty girl at night"; a child who sobs at the sight of a new man collecting; a word for
    # a private part never taught; "because of what happens in the car"; a family friend looking after a child
    # for months; a child living at a friend's parent's home while the mother is in prison; a child kept off
    # school to work at a car wash; a TA who shamed a wet child in front of the class (the head's); lunches
    # thrown away, weight lost, a faint; a parcel for money, misspelt; gifts paid for by "a boy" and older
    # males at a car; a cousin filming a child in the bath and sending the pictures; a child who will not go
    # with a parent who will "hurt him again"; a parent who cannot talk because her phone is being read
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("is it allowed to use tiktok on my phone at break, sir took it off me and said no", "pupil"),
        (
            "Posted a moan on Instagram last night about a parent, deleted it this morning. What happens to "
            "staff who break the social media policy? I'm terrified",
            "staff",
        ),
        (
            "I'm a bit uneasy about his teacher's approach to homework and would rather not go to her "
            "directly. Who else can I talk to?",
            "parent",
        ),
        (
            "my daughter thinks her new teacher is amazing and wants to follow her on TikTok. I said I'd "
            "check first, is that ok?",
            "parent",
        ),
        (
            "Y3 parent complaint: lunch queue too long for the little ones. Could we try staggering the "
            "sittings?",
            "staff",
        ),
        ("complaint that the dinner staff are starving the kids since seconds were stopped", "staff"),
        (
            "she was playing with her dolls and made the big doll lie on top of the little one, that's what "
            "mummy does when she tucks me in she said",
            "parent",
        ),
        ("can't talk, he's reading the kids a bedtime story, please ring after 7", "parent"),
        (
            "he can't come to school tomorrow, he has to help at the restaurant for his aunt's wedding",
            "parent",
        ),
        (
            "she skipped breakfast then fainted in the heat at sports day, should she bring a snack?",
            "parent",
        ),
        (
            "they lived at a friend's dad's flat for two months while our house was rebuilt after the flood",
            "parent",
        ),
        (
            "i dont want to go to swimming because of what happens in the changing rooms, the boys flick "
            "towels",
            "pupil",
        ),
        (
            "He's never hit the kids, only me, with a football in the garden by accident lol",
            "parent",
        ),
        (
            "She cried at the gate when she saw him waiting, her dad's been working away and she missed him",
            "staff",
        ),
    ],
)
def test_round_57_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 57 (blind75a, blind75b and set CC's ordinary messages, read): a phone taken off a pupil at break;
    # a member of staff afraid of what happens after breaking the policy; unease about a teacher's approach
    # to homework; a child who admires a teacher and wants to follow her; lunch sittings staggered; "starving
    # the kids" of seconds (each as written in the sets, or near it, alarmed at the round's start). The
    # round's new rules read for what else their words mean: a doll tucked in; a bedtime story; a wedding;
    # the heat at sports day; a flood; towels in the changing room; a football; a father back from working
    # away
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my nan says in her day they got the cane at school for talking, is that true?", "pupil"),
        ("he touched her hair in the school play because the scene needed it", "parent"),
        ("we were playing hairdressers and he touched my hair and plaited it", "pupil"),
        (
            "my eldest is marrying her boyfriend in June, she's 26, can my youngest have the day off?",
            "parent",
        ),
    ],
)
def test_round_57_older_rules_raise_no_alarm_on_ordinary_wording(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 57: older rules that round 56's note left alarming on ordinary wording: a grandparent's story of
    # the cane "in her day" (the belt-and-cane rules now share one group of past times, `@in_the_old_days`);
    # a touch of the hair in a school play or a game of hairdressers; an adult daughter marrying her
    # boyfriend, the age hers (each alarmed at the round's start)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Nursery role play: the toys were lying on top of each other, shh the baby is asleep she said",
            "staff",
        ),
        ("can't talk, he's checking my phone for the booking, please email me instead", "parent"),
        (
            "she's refusing to go with her dad to football, says he'll make her do it again (penalties)",
            "parent",
        ),
        (
            "a family friend is looking after the kids since summer on Thursday afternoons while I work",
            "parent",
        ),
        ("she skipped lunch because of the dentist and then felt dizzy, is she ok for PE?", "parent"),
        ("i dont want to go to swimming anymore because of what happens when i put my face in", "pupil"),
        ("i dont want to go to the fair because of what happens at the car park, it's chaos", "parent"),
        ("Miss made a boy stand on a chair so the class could see his lego model", "staff"),
        ("he's never hit the kids, only me once with a pillow in a pillow fight", "parent"),
        ("he touched his own hair in the school photo and messed it up", "parent"),
        (
            "our plumber took pictures of the leaking shower tray and sent them to his boss for a quote",
            "parent",
        ),
    ],
)
def test_round_57_rules_read_again_raise_no_alarm_on_ordinary_wording(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # After round 57's commit (b751f86), its new rules read again for what else their words mean: toys in a
    # role play and a sleeping baby; a phone checked for a booking; a father's penalties; a family friend who
    # helps on one afternoon; a dentist before PE; swimming with one's face in the water; a car park; a model
    # shown to the class; a pillow fight; a child's own hair; a plumber's pictures of a shower (each alarmed
    # there)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "sorry no PE kit today. his older brother has him taking parcels round to a house for £10 a time",
            "parent",
            "dsl",
        ),
        (
            "no heating or lights since the electric got cut off last week, we're using candles and the "
            "baby is coughing",
            "parent",
            "dsl",
        ),
        (
            "Lost property: TA helping her change after PE noticed belt-shaped bruising and finger marks on "
            "her arm",
            "staff",
            "dsl",
        ),
        (
            "we had to leave home in the middle of the night. please don't tell anyone where we are staying, "
            "especially not his dad",
            "parent",
            "dsl",
        ),
        ("her stepdad went mental last night and she was hiding under the bed shaking", "parent", "dsl"),
        (
            "Y5 girl says her gran presses her chest with a hot stone every night so she stays a little girl",
            "staff",
            "dsl",
        ),
        ("my uncle says i am possessed and he puts pepper in my eyes to get the devil out", "pupil", "dsl"),
        (
            "if her uncle finds out she talked to a boy at the disco she will be punished, he has hit her "
            "before",
            "parent",
            "dsl",
        ),
        (
            "couldn't wake her dad again this morning, empty cans all over the floor, she made her "
            "brother's breakfast",
            "staff",
            "dsl",
        ),
        (
            "my depression is bad and I can't get out of bed, she's been getting herself up and making her "
            "own tea",
            "parent",
            "dsl",
        ),
        (
            "my husband is trying to get clean but leaves his gear lying about and the kids found it",
            "parent",
            "dsl",
        ),
        (
            "he sits up at night checking his mum is still breathing, he had to call 999 last month",
            "staff",
            "dsl",
        ),
        (
            "his dad's on the drink again and I'm working away, there's no one else to look after him",
            "parent",
            "dsl",
        ),
        (
            "I keep hearing the voices and I'm scared I'll harm myself. my son is here alone with me",
            "parent",
            "dsl",
        ),
        ("my stepdad. he does it when mum is out", "pupil", "dsl"),
        (
            "a photo of her with her top off has been shared on snapchat by a boy in her class",
            "parent",
            "dsl",
        ),
        (
            "Y6 boys have a chat rating the girls from photos taken in the changing rooms without them "
            "knowing",
            "staff",
            "dsl",
        ),
        (
            "Mr Hale plays minecraft online with my son and two other boys most nights till 11 on a headset",
            "parent",
            "headteacher",
        ),
        (
            "the football volunteer has a Y5 girl's number and they're messaging about their plan for the "
            "weekend",
            "staff",
            "headteacher",
        ),
        (
            "the man who hears readers offered to drive my son home and said not to bother telling the "
            "office",
            "parent",
            "headteacher",
        ),
        (
            "her teacher came to our house with a present and asked to take her to the cinema, just the two "
            "of them",
            "parent",
            "headteacher",
        ),
    ],
)
def test_round_58_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 58 (set CD, read): parcels carried for money with no article before them; a home without power for
    # weeks; a TA who helped a child change as the witness, not the subject; a family in hiding from a father;
    # a child hiding from a father's rage; breast flattening; a child called a witch and hurt; a girl punished
    # for talking to a boy; a parent who cannot be woken among empty bottles; a parent too ill to get up; a
    # partner's drugs left lying about; a child who checks a parent is breathing; a parent on a binge with no
    # one else; a parent hearing voices with a child alone; a child's reply naming the adult; a picture of a
    # girl shared by pupils; photos taken secretly in changing rooms; a teacher gaming with boys at night; a
    # volunteer's private plan with a pupil; a volunteer's lifts kept from the office; a teacher's outing
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "I'm a new TA and I've been Facebook friends with two of the mums for years (one is my cousin). "
            "Do I have to delete them now?",
            "staff",
        ),
        (
            "there is a post on the village facebook page calling my daughters teacher useless and naming "
            "her. can someone get it taken down",
            "parent",
        ),
        ("my mum will kill me if she misses my assembly, what time is it", "pupil"),
        ("I ticked the wrong box on the trip form, can I change it?", "parent"),
        (
            "thank you to whoever changed Ben after he fell in the mud, he came home in spare trousers",
            "parent",
        ),
        ("the power went off in the storm for two days and we used candles, is school open?", "parent"),
        ("my dad fell over at the wedding after too much wine haha, sorry we're late", "parent"),
        ("since I went back to work he's been getting himself dressed, so proud of him", "parent"),
        ("he learnt to check someone is still breathing on his first aid course at cubs", "parent"),
        ("hubby was on a bender at his stag do lol, so I'm on my own for pick up", "parent"),
        (
            "we had to move out in a hurry after a burst pipe, please don't send post to the old address",
            "parent",
        ),
        ("his dad went mad when the football was on and the dog hid under the table", "parent"),
        ("she was a witch for world book day and her hat got ruined, have you a spare?", "parent"),
        (
            "her brother will never let her hear the end of it if he finds out she has a boyfriend in "
            "reception lol",
            "parent",
        ),
        ("I could end it all with this homework lol, what is a fronted adverbial", "parent"),
        ("my grandad does it when mum is at work, he picks me up", "pupil"),
        (
            "there are photos of the boys with their tops off at sports day, can they go on the school page?",
            "parent",
        ),
        ("Mr Patel plays fortnite with his own kids every night, the Y6 boys think he's a legend", "staff"),
        ("Miss Green is taking the whole class to the cinema as a treat for their reading", "parent"),
        ("he's trying to get clean after years of vaping and leaves the vapes lying about", "parent"),
    ],
)
def test_round_58_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 58 (blind76a and set CD, read): a new TA asking whether to delete parents she was friends with
    # before; a village post calling a teacher names; "will kill me if she misses"; a box ticked; a child
    # changed after an accident (each as written in the sets, or near it, alarmed at the round's start). The
    # round's new rules and two older ones read for what else their words mean: a storm; a wedding (an older
    # rule); a proud parent; first aid; a stag do; a burst pipe; a dog; a costume; teasing; homework (two
    # older rules); the school run; sports day; a teacher's own children; a class trip; vaping
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "our electric ran out on the meter over the weekend, the kids thought the candles were fun, "
            "topped up now",
            "parent",
        ),
        (
            "the heating's gone off again for days, we're freezing at home but it's getting fixed Tuesday",
            "parent",
        ),
        (
            "please don't give my address to the photographer, my ex-husband and I agreed to keep it private",
            "parent",
        ),
        (
            "my husband went mad when the cat was sick on the carpet and the kids hid behind the sofa "
            "laughing",
            "parent",
        ),
        ("my cousin says im possessed because i ate all the chocolate, its a joke", "pupil"),
        (
            "couldn't wake her this morning, she was up late at her cousin's birthday party, sorry she's "
            "late",
            "parent",
        ),
        (
            "he's been getting himself up for school since his dad started night shifts, he's 11 now, is "
            "that ok",
            "parent",
        ),
        ("first aid training today: we practised checking the casualty is still breathing", "staff"),
        (
            "my husband fell off the wagon with his diet at Christmas lol, can she have a packed lunch",
            "parent",
        ),
        (
            "the coach has the kids' numbers for the team whatsapp and messages about the plan for "
            "Saturday's match",
            "parent",
        ),
        ("my uncle picks me up. he does it when mum is at work", "pupil"),
    ],
)
def test_round_58_rules_read_again_raise_no_alarm_on_ordinary_wording(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # After round 58's commit (c63c990), its new rules read again for what else their words mean: a meter that
    # ran out and was topped up (alarmed there, now guarded); heating being fixed; an address kept from a
    # photographer; a cat; a joke about being possessed; a party; night shifts; first-aid training; a diet; a
    # team's match; a child's school run (each guarded before the commit, kept here so that it stays so)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "is a 10 year old allowed to babysit a baby and a toddler overnight on her own? the girl over "
            "the road does it when her mum goes away",
            "parent",
            "dsl",
        ),
        (
            "Tried home 5x today re Kian's ear, pus since Friday, no answer on any number and the emergency "
            "contact not picking up, 3rd time this term",
            "staff",
            "dsl",
        ),
        (
            "my shoes are to small and my heels is bleeding, mum says we cant get new ones till after "
            "christmas",
            "pupil",
            "dsl",
        ),
        (
            "i get myself up and lock the door myself and take my brother to nursery, mum sleeps till 3",
            "pupil",
            "dsl",
        ),
        ("im hungy mummy gone out its dark me and baby on are own", "pupil", "dsl"),
        (
            "The boy next door keeps getting left out in the back garden till late with no coat, banging on "
            "the door",
            "parent",
            "dsl",
        ),
        ("his mum wont let him in, he's been outside in his pyjamas for an hour", "parent", "dsl"),
        (
            "since his dad started having him at weekends he won't let anyone near his bottom when he's "
            "changed",
            "parent",
            "dsl",
        ),
        (
            "Quiet all day, asked me if the tickle game is allowed for grown ups. Won't say whose.",
            "staff",
            "dsl",
        ),
        (
            "role play: told another child to lie still and it won't hurt, that's what uncle says",
            "staff",
            "dsl",
        ),
        (
            "Circle time, what makes you feel safe: 'when Daddy's not home cos then nobody gets hit'",
            "staff",
            "dsl",
        ),
        ("not really. he said he'll kill her if she talks", "parent", "dsl"),
        ("her dad. he's got her right now and he's drunk", "parent", "dsl"),
        ("no he took him in the car and won't answer. said i'd never see him again", "parent", "dsl"),
        ("yes for now but she said it happens every time i work nights", "parent", "dsl"),
        (
            "someone calling himself a gamer says he's 24 and will get my son free v bucks if he adds him "
            "on snapchat",
            "parent",
            "dsl",
        ),
        (
            "my online friend says hes 10 like me and hes coming to my town on sunday but i have to not "
            "tell anyone its a surprise",
            "pupil",
            "dsl",
        ),
        (
            "a page of photos of Year 6 girls from the school website and grown men are commenting, one has "
            "messaged my daughter",
            "parent",
            "dsl",
        ),
        (
            "the reading volunteer gives my daughter lifts and takes her to her own house first, she told "
            "her it's nicer if mummy doesn't know",
            "parent",
            "headteacher",
        ),
        (
            "Rang mum again about Leo's infected eye, no answer, 3rd time this month we've not been able to "
            "reach anyone",
            "staff",
            "dsl",
        ),
        (
            "my trainers are too small and my heels are bleeding but mum says we cant afford new ones",
            "pupil",
            "dsl",
        ),
        ("In the home corner he laid the doll down and said keep still and it won't hurt", "staff", "dsl"),
        ("She said she likes it best when daddy is away because nobody gets smacked", "staff", "dsl"),
        ("her father drove off with her and texted that I'll never see her again", "parent", "dsl"),
        ("she says it happens whenever mummy works late", "parent", "dsl"),
    ],
)
def test_round_59_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 59 (set CE, read): a ten-year-old left to babysit a baby overnight; an infected ear and no answer
    # from home again; shoes so small the heels bleed, none till after Christmas; a pupil who gets up alone
    # and takes a sibling to nursery; a young child hungry and alone in the dark; a child shut out in the
    # garden or in pyjamas; a child who since a parent's weekends lets no one near his bottom; "the tickle
    # game" for grown-ups; "lie still and it won't hurt"; safe "when Daddy's not home"; a threat if the child
    # talks; a drunk father who has the child now; a father who drove off with the child; "it happens every
    # time I work nights"; a man of 24 offering V-bucks; an online "friend" coming to town in secret; grown
    # men commenting on girls' photos; a volunteer who takes a girl to her own house and says mummy needn't
    # know
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "my 12 year old is looking after her baby cousin for an hour after school while I pop to the "
            "shop, is that ok?",
            "parent",
        ),
        ("we're going away for the weekend and my 10 year old wants to help look after the baby", "parent"),
        ("Rang home about Amir's infected finger, no answer, will try again at lunch", "staff"),
        (
            "New shoes are too tight and gave her blisters, can she wear trainers until we get new ones at "
            "the weekend?",
            "parent",
        ),
        ("me and mum take my brother to nursery then i go to breakfast club", "pupil"),
        ("im starving can we have toast at breakfast club", "pupil"),
        ("its dark backstage in the play and im scared of being on my own", "pupil"),
        (
            "We locked ourselves out and had to wait in the garden for an hour until dad came home with the "
            "key",
            "parent",
        ),
        ("our dog keeps getting left out in the garden in the cold by the kids", "parent"),
        (
            "my son refuses to let the nurse near his bottom for the threadworm check since the weekend, "
            "any tips?",
            "parent",
        ),
        ("he won't let me wash his hair since he started swimming lessons", "parent"),
        ("at the dentist she said keep still and it won't hurt and it didn't", "parent"),
        ("when dad's away nobody gets shouted at about bedtime haha", "parent"),
        ("my mum will kill me if I tell anyone what her birthday present is", "pupil"),
        ("Mrs Jones said she'll kill us if we talk in assembly again", "pupil"),
        ("He's got the kids this weekend and I'm going to get drunk with the girls", "parent"),
        ("My ex took the car and said I'd never see it again", "parent"),
        ("my son's favourite youtuber is 25 and does free skin giveaways, is it safe?", "parent"),
        ("older men were commenting on the photos of the veterans' parade on the village page", "parent"),
        (
            "The tutor has invited the whole class to her house for an end of term party, it's a surprise "
            "so don't tell the others",
            "parent",
        ),
        (
            "The man who runs football club lives next door, can he drop my son at his house after "
            "training? dont know if thats allowed",
            "parent",
        ),
        ("a parent keeps getting aggressive with our receptionist at the office, what can we do", "staff"),
        (
            "thanks guys! the grandparents bought her a phone for christmas, what age can she have tiktok",
            "parent",
        ),
        ("my husband used to work with Mr Price and wants to add him on Facebook, is that ok", "parent"),
        (
            "The house was a tip when we did the home visit, toys everywhere, but mum was lovely and the "
            "little one was thriving",
            "staff",
        ),
        ("Could you share advice on predatory loan companies in the newsletter?", "parent"),
        ("my boys wrestle non stop, any clubs for that energy", "parent"),
        ("The parent exposing us on Facebook over the car park has now deleted the post", "staff"),
        ("This is neglect of your duty to my child's education and I want a meeting", "parent"),
        ("Everyone was left out on the field in the cold after the fire alarm for ages", "parent"),
        (
            "A TA asked what we do if a parent in the middle of a complaint keeps getting aggressive with "
            "her at the gate",
            "staff",
        ),
        ("My wife was at school with Miss Hughes and wants to add her on Facebook, is that ok?", "parent"),
        (
            "I helped on the Year 6 residential years ago, the kids are all grown up now, can I put the "
            "photos on Facebook?",
            "staff",
        ),
        (
            "Could the newsletter link to housing advice? Lots of us have the same predatory landlord",
            "parent",
        ),
        (
            "Re the parent exposing us on the village FB group over the heating, please don't reply "
            "personally",
            "staff",
        ),
        ("This is neglect of your duty under the SEND code and I will take it to the LA", "parent"),
    ],
)
def test_round_59_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 59: the round's new rules read for what else their words mean (a short babysit, a trip away, a
    # call home to try again, new shoes, the school run, breakfast club, a play, keys, a dog, a threadworm
    # check, hair washing, the dentist, bedtime, a birthday secret, talking in assembly, a night out, a car, a
    # youtuber, a parade, a class party, a neighbour's lift); older rules that alarmed on some of the same
    # everyday wording (a babysit while a parent pops out, blisters, a dog left out, a present kept secret,
    # "she'll kill us if we talk in assembly", a night out, "never see it again", a class party, "thanks
    # guys"); and, near their wording, blind77a's and blind77b's alerts (a parent aggressive with a TA, a wife
    # who was at school with a teacher, photos of pupils now grown up, "thanks guys") and set CE's flags (a
    # predatory landlord, wrestling non stop, "exposing us" on Facebook, neglect of a duty)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "my 11 year old looked after her baby sister on her own for an hour while I went to the gym, "
            "was so proud",
            "parent",
            None,
        ),
        (
            "We're away Thurs to Sun at a wedding, nana is babysitting the baby overnight and my 9 year old "
            "is helping her",
            "parent",
            None,
        ),
        (
            "Phoned home about Ruby's ear infection, no answer, left a voicemail, emergency contact on the "
            "way to collect her",
            "staff",
            None,
        ),
        (
            "my football boots are too small and gave me blisters, mum says we cant get new ones till after "
            "christmas but i can borrow my cousins",
            "pupil",
            None,
        ),
        ("i walk my little brother to nursery with my big sister then we go to school", "pupil", None),
        ("mummy gone out to the shop and its dark so me and baby are watching tv with daddy", "pupil", None),
        ("our cat got locked out in the garden in the cold all night, poor thing", "parent", None),
        (
            "since he started swimming lessons at weekends he won't let anyone wash his hair, any tips?",
            "parent",
            None,
        ),
        ("The vet said keep still and it won't hurt when she gave the puppy its jab", "staff", None),
        ("circle time: 'when daddy's not home we get pizza and nobody gets told off'", "staff", None),
        ("my sister said she'll kill me if i talk about her boyfriend at dinner", "pupil", None),
        ("my husband's got the kids tonight so I'm going out, hope he doesn't fall asleep", "parent", None),
        ("she says it happens every time I work nights, the baby won't settle for her dad", "parent", None),
        (
            "my son's coach is 25 and gave the team free tickets to the match, he messaged the parents' "
            "group",
            "parent",
            None,
        ),
        (
            "my friend from school is coming to my house on saturday but its a secret party for my mum",
            "pupil",
            None,
        ),
        (
            "older men at the bowls club were commenting on the photos of the school choir, lovely words",
            "parent",
            None,
        ),
        (
            "the volunteer lady had the reading group round her house for a christmas party, the parents "
            "all knew",
            "parent",
            None,
        ),
        ("when she's not home nobody gets hurt at trampolining because she's the coach lol", "parent", None),
        ("the shoes are to small for my doll and her feet go red", "pupil", None),
        (
            "we get up early, I take the baby to nursery and my 10 year old locks the door himself, he's so "
            "grown up",
            "parent",
            None,
        ),
        ("no answer from mum, nobody on the way, she's still here at 6", "parent", "dsl"),
        ("mums boyfriend said he'll kill me if i talk", "pupil", "dsl"),
        ("she said it happens every time i work nights, he comes in at bedtime", "parent", "dsl"),
    ],
)
def test_round_59_rules_read_again_keep_their_meaning(
    detector: SafeguardingDetector, text: str, role: str, route: str | None
) -> None:
    # After round 59's commit (0e274a4), its new rules and the older ones near them read again for what else
    # their words mean: a babysit while a parent is at the gym; a wedding away with nana babysitting; a call
    # home with a voicemail left and the emergency contact on the way; football boots that gave blisters, a
    # pair to borrow; a walk to nursery with a big sister; a parent at the shop and daddy at home; a cat
    # locked out; hair washing; the vet's jab; pizza when daddy is out; a sister's boyfriend at dinner; a
    # husband minding the kids; a baby who won't settle; a coach's free tickets; a secret party; the choir's
    # photos; a volunteer's party the parents knew of; trampolining; a doll's shoes; a proud early start
    # (seven of them alarmed there, now guarded). The guards are kept narrow: a child still waiting with
    # "nobody on the way", a mother's boyfriend's threat and "he comes in at bedtime" are still found
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("her dad sent me messages saying he's coming to the school to take her", "parent", "dsl"),
        ("yes. he keeps texting that he'll come to the school and take the kids", "parent", "dsl"),
        (
            "there's a court case and he isn't allowed to know where they are, but he's been messaging my "
            "son saying he'll come and get him",
            "parent",
            "dsl",
        ),
        ("her uncle is staying with us, he was inside for something to do with kids", "parent", "dsl"),
        (
            "mum's not been right since the baby, she says she'll go to God and take the kids with her",
            "parent",
            "dsl",
        ),
        (
            "my brother's wife has had a breakdown before and now says her son is possessed, she's kept him "
            "home all week",
            "parent",
            "dsl",
        ),
        (
            "Y3 boy hiding sandwiches from the lunch hall in his bag, says there's nothing to eat at home "
            "for his little sister",
            "staff",
            "dsl",
        ),
        ("the 7 year old is looking after the baby while mum is down the pub", "parent", "dsl"),
        ("i sleep in my trainers in case dad kicks off so we can run", "pupil", "dsl"),
        (
            "please only text this number, he checks my phone and goes mad, the children hear everything",
            "parent",
            "dsl",
        ),
        ("he told the new girl that people like her will be wiped out when the war comes", "staff", "dsl"),
        ("my note says you will all be better off when i'm dead", "pupil", "dsl"),
        (
            "Confidential, re the headteacher: I saw her drag a Year 1 boy by his arm into her office",
            "staff",
            "chair_of_governors",
        ),
        ("dad shuts me out in the garden when i wet the bed", "pupil", "dsl"),
        ("dad pulled my hair out over the homework and it bled", "pupil", "dsl"),
        ("R drew himself inside a cage with a padlock and said it's where they put me", "staff", "dsl"),
    ],
)
def test_round_60_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 60 (set CF, read): an ex's messages that he will come to the school to take the children, or to
    # get a child whose whereabouts a court keeps from him; a relative "inside for something to do with kids";
    # a mother who will "go to God and take the children with her"; a relative in a breakdown who says a child
    # is possessed and keeps him home; a pupil hoarding food because there is nothing at home; a young child
    # minding a baby while a parent drinks; a child who sleeps dressed to run; a mother whose husband reads
    # everything and "goes mad"; "people like her will be dealt with when the war comes"; a child's note that
    # the family will be happier when they are gone; a message "re the headteacher"; and two found before only
    # by the meaning layer at its threshold (put out in the garden for wetting the bed, a drawing of a cage
    # "where I go when I'm bad")
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("his dad texted saying he'll come and get him from school at 3 today", "parent"),
        ("my ex keeps texting saying he's coming to take them to the cinema on saturday", "parent"),
        ("she messaged saying she's coming to the school to take him to the dentist at 11", "parent"),
        ("grandad messaged saying he'll come and grab them after school, is that ok", "parent"),
        ("her dad has been messaging saying he's going to come and get her early for the wedding", "parent"),
        (
            "the man who was in prison for something to do with kids in that documentary was horrible",
            "parent",
        ),
        ("she keeps saying she'll go to heaven to see her goldfish, she's taking it hard", "parent"),
        ("he was possessed at the halloween disco, dancing like a demon, what a night", "parent"),
        (
            "Y4 boy obsessed with Demon Slayer, drawing demons all over his maths book, mum says he's "
            "watched it at home",
            "staff",
        ),
        ("kids taking leftover bread to feed the ducks on the nature walk", "staff"),
        ("my 12 yr old was looking after the dog while we were out at the pub for my birthday", "parent"),
        ("my 9 year old is minding her little brother for 10 minutes while I pop to the shop", "parent"),
        ("he slept in his clothes after the party, he was too tired to get changed", "parent"),
        ("i slept in my clothes on the coach on the way back from the residential", "pupil"),
        (
            "please don't tell him about the surprise party, he's not to know, he'll go mad when he finds "
            "out",
            "parent",
        ),
        ("people like him should be sent off for diving, the ref was rubbish", "pupil"),
        (
            "in history we talked about people like them being sent back after the war, the windrush "
            "generation",
            "staff",
        ),
        ("i will be happier when im gone on the residential, my brother is so annoying", "pupil"),
        ("the class will be better off when im gone to high school lol", "pupil"),
        ("Parents asking about the bridge collapse on the news, any line?", "staff"),
        ("there's a secret whatsapp group for year 6 parents planning the leavers' surprise", "parent"),
        (
            "I'm his foster carer, he's been living with us since September, can I sign the trip form",
            "parent",
        ),
        ("pulling my hair out trying to get her to read, any tips", "parent"),
        ("lost the will to live searching for his other shoe this morning", "parent"),
        ("my daughter has come home with knits again, do I keep her off", "parent"),
        (
            "I sent them outside in the garden as a punishment for fighting, only 10 mins, they were fine",
            "parent",
        ),
        ("Y2 drew a lovely picture of the zoo with the lion in a cage", "staff"),
        ("in my story the dragon is in a cage and the knight is locked in the tower", "pupil"),
    ],
)
def test_round_60_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 60: the round's new rules read for what else their words mean (a parent collecting or taking a
    # child out, a documentary, a goldfish in heaven, a Halloween disco, an anime, ducks, a dog minded, a
    # short babysit, a tired child, a surprise party, football, a history lesson, a residential, high school,
    # a punishment in the garden, a zoo, a story); and, near their wording, set CF's flags (the news, a secret
    # parents' group, a foster carer, "pulling my hair out", "lost the will to live") and blind78a's alert
    # ("knits" for nits)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("dad texted that he's coming to take the kids home at 3 today", "parent", None),
        (
            "his dad has contact after the court order, he messaged saying he'll come and get him at 3 on "
            "friday",
            "parent",
            None,
        ),
        ("he's possessed by the devil today, full of cold and grumpy so I've kept him home", "parent", None),
        (
            "my husband reads everything the school sends and goes mad about the uniform prices, only text "
            "this number please",
            "parent",
            None,
        ),
        ("you'll all be better off when I'm gone on maternity leave, Mrs Hart is lovely!", "staff", None),
        ("people like him get dealt with by the referee in the end", "pupil", None),
        ("I put them out in the garden to dry when he wets the bed, the sheets I mean", "parent", None),
        (
            "her insulin pen has been coming back unused for a week because she's been eating less at lunch, "
            "nurse is aware and it's per her plan",
            "staff",
            None,
        ),
        ("i drew my room and put a padlock on the door so my brother stays out", "pupil", None),
        ("pulled my hair out over the spellings again, is there an easier list?", "parent", None),
        ("he messaged saying he's coming to take the kids and I won't ever see them again", "parent", "dsl"),
        ("mum puts me out in the garden when i wet the bed and its cold", "pupil", "dsl"),
        ("he drew himself locked in a cage and said that's my room", "staff", "dsl"),
        ("i pulled my hair out again today when i was sad", "pupil", "dsl"),
    ],
)
def test_round_60_rules_read_again_keep_their_meaning(
    detector: SafeguardingDetector, text: str, role: str, route: str | None
) -> None:
    # Round 60's new rules and the older ones it widened, read again before the commit for what else their
    # words mean: a father taking the children home at 3, contact after a court order, "possessed" by a cold,
    # a husband who "goes mad" at the uniform prices, a teacher's maternity leave, a referee, sheets dried in
    # the garden, an insulin plan the nurse knows, a padlock on a bedroom door, the writer's own "pulled my
    # hair out" (nine alarmed on the drafts, now guarded; the older rule for a court order and a threat to
    # come and get a child now reads the stepfather's "court thing" in place of a new rule). The guards are
    # kept narrow: a threat to take the children for good, a child put out in the cold for wetting the bed, a
    # drawing of a cage and a child's own hair pulling are still found
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "is it ok to give him half of one of my sleeping tablets, he's 6 and won't settle at night",
            "parent",
            "dsl",
        ),
        (
            "the childminder says the twins come in with their nappies soaked from the night before and in "
            "the same clothes, every day this week",
            "parent",
            "dsl",
        ),
        (
            "her friend ate three plates at ours and hid bread rolls in her coat, said she's not allowed in "
            "the kitchen at home and gets whatever's left",
            "parent",
            "dsl",
        ),
        (
            "my daughter says her bottom is sore because of the game and she's not allowed to tell anyone "
            "about the game",
            "parent",
            "dsl",
        ),
        (
            "our foster son tried to put his hand down my husband's trousers tonight and said that's how "
            "you say goodnight",
            "parent",
            "dsl",
        ),
        (
            "Y2 girl not wanting to sit on the carpet, said it hurts to sit and the man said it would stop "
            "hurting",
            "staff",
            "dsl",
        ),
        (
            "my mum's new boyfriend went to prison for what he did to a child and now he's moving in with "
            "her, my kids stay there on saturdays",
            "parent",
            "dsl",
        ),
        (
            "my eldest told me her stepdad used to come into her room at night when she was little, and now "
            "he babysits her sister on his own",
            "parent",
            "dsl",
        ),
        (
            "his ribs are bruised again, his big brother is 16 and kicks him when he's down, I can't stop it",
            "parent",
            "dsl",
        ),
        ("the cold shower thing their dad does when they've been naughty is still going on", "parent", "dsl"),
        (
            "her uncle touched her when she was 9 and my husband has invited him round for christmas, she's "
            "7",
            "parent",
            "dsl",
        ),
        (
            "grandma said at the gate that the uncle who has him after school used to knock his own sister "
            "about and still has that temper",
            "staff",
            "dsl",
        ),
        (
            "it's not just her he does it to, her brother said he did it to him as well before he moved out",
            "parent",
            "dsl",
        ),
        (
            "in circle time she said her sister told her it happened to her too with the same man so it's "
            "normal",
            "staff",
            "dsl",
        ),
        ("he's got a black eye, he gobbed off at his stepdad, he knows what happens by now", "parent", "dsl"),
        ("my partner took the belt to both of them last night", "parent", "dsl"),
        ("I smack him with the slipper when he lies and I'm not stopping", "parent", "dsl"),
        (
            "dad said at parents evening he uses a phone charger cable on her legs when she's naughty",
            "staff",
            "dsl",
        ),
        ("his dad's back. the one with the restraining order", "parent", "dsl"),
        ("Y4 disclosure. Need the DSL asap", "staff", "dsl"),
        ("he said he'd hurt them all if they told anyone", "parent", "dsl"),
        ("i dont live at my mums now i live with my mums friend at his flat", "pupil", "dsl"),
        (
            "she's stopping with a friend of her dad's for a while, don't know her name, somewhere in Leeds",
            "parent",
            "dsl",
        ),
        (
            "found a Y1 boy walking alone on the ring road at 6pm, said mum wasn't home so he was going to "
            "find her",
            "staff",
            "dsl",
        ),
        ("my auntie says in the summer ill come back a bride and wont need school any more", "pupil", "dsl"),
        (
            "can she have 3 weeks off in Year 5 for her engagement, the wedding is when she turns 16",
            "parent",
            "dsl",
        ),
        (
            "my youngest is having the traditional procedure done by the family midwife while we're back "
            "home, no fuss please",
            "parent",
            "dsl",
        ),
        (
            "my cousins came back from the holiday and couldnt walk properly and werent allowed to say why "
            "and now its my turn",
            "pupil",
            "dsl",
        ),
        (
            "a coach on fortnite says he can get my son a trial if they meet up and told him to delete the "
            "chat",
            "parent",
            "dsl",
        ),
        (
            "the reading volunteer keeps turning up at the park on saturdays buying my son sweets, now he "
            "says he can go round his house to play xbox",
            "parent",
            "headteacher",
        ),
        (
            "Reception role play: she undressed a doll and said this is what Mr Dan does at mummy's house, "
            "our secret. Mr Dan is a family friend, not staff",
            "staff",
            "dsl",
        ),
        ("he said he'd hurt them both if they told anyone at school", "parent", "dsl"),
        ("dad took the belt to me last night", "pupil", "dsl"),
        ("she gives him her sleeping pills to make him go down", "parent", "dsl"),
        ("the new lodger has a court order against him and he turned up at the gate today", "staff", "dsl"),
        (
            "her cousins came back from the trip walking funny and weren't allowed to tell anyone why",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_61_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 61 (set CG, read): a parent's sleeping tablet for a child; nappies soaked from the night before;
    # food hidden by a child kept out of the kitchen; a sore bottom "because of the game"; a foster child's
    # hand down an adult's trousers; "it hurts to sit, the man said it would stop hurting"; a man in prison
    # "for what he did to a child" moving in; a stepfather who "used to come into her room" now babysitting; a
    # brother who kicks a boy when he is down; cold showers as a punishment; an uncle who touched a girl
    # invited for Christmas; an uncle who "used to knock his sister about"; "he did it to me too"; "it
    # happened to her too with the same man"; a black eye because "he knows what happens"; the belt, the
    # slipper, a charger cable; a father back despite a restraining order; a member of staff's one-line
    # "disclosure, need the DSL"; a threat to hurt them all if they tell; a child living at a mother's
    # friend's flat or with a woman whose name nobody knows; a young child alone on the ring road; a child to
    # "come back a bride"; leave for a girl's engagement; a "traditional procedure" by a family midwife;
    # cousins who "couldn't walk properly" after a holiday; an online "coach" who says delete the chat; a
    # reading volunteer inviting a boy round; a family friend with a title in a child's role play (the DSL's,
    # not the head's)
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "the parents were having a row with raised voices in the car park, is that something the school "
            "deals with",
            "parent",
        ),
        (
            "voices were raised in the staff room about the new timetable, someone said it was in front of "
            "the kids",
            "staff",
        ),
        ("does everything need a name label or just the coat? he's only 4", "parent"),
        (
            "my daughter keeps asking her mum if she can video call her nan every night, sweet isn't it",
            "parent",
        ),
        ("miss is it ok if i bring photos of my puppy for show and tell", "pupil"),
        (
            "her nappy was soaked through this morning and she has a rash, any cream the nursery can use",
            "parent",
        ),
        (
            "the twins' nappies were full when I picked them up from nursery, can staff change them before "
            "home time",
            "parent",
        ),
        (
            "she's not allowed in the kitchen when I'm cooking because of the hot oven, she hides in the "
            "lounge and sulks",
            "parent",
        ),
        (
            "the kids hid the chocolate in their bags and ate three plates of pancakes, whatever's left is "
            "going in the bin",
            "parent",
        ),
        ("mum wasn't in when he got home so he went next door to the neighbours till she got back", "parent"),
        (
            "I gave up my sleeping tablets last year and feel so much better, is the wellbeing group still "
            "on",
            "parent",
        ),
        (
            "he knows what happens if he doesn't do his reading, no xbox, but he still has a bruise from "
            "football",
            "parent",
        ),
        ("my brother took the belt to the charity shop it was too small", "pupil"),
        (
            "my nan used to get the slipper when she was a kid, we talked about it for history homework",
            "parent",
        ),
        ("she twisted her ankle on the ski trip and was scared to go back on the slopes", "parent"),
        (
            "a boy in her class hit her with a ruler while they were messing about, she's fine, just "
            "letting you know",
            "parent",
        ),
        ("he tripped over the phone charger cable and banged his leg on the table, he's fine", "parent"),
        (
            "I took his phone charger cable away as a punishment, he can't play on his tablet all week",
            "parent",
        ),
        ("the boys do cold showers after rugby training, is that normal, his coach says it helps", "parent"),
        ("we have had cold showers all week because the boiler is broken, no hot water", "pupil"),
        ("he's been knocking about with Tom after school, they're inseparable", "parent"),
        ("that old bike has been knocking about in the shed for years, can the school use it", "parent"),
        ("my big brother did it to me too, he put glitter in my hair for a joke lol", "pupil"),
        ("it happened to her too, same teacher last year, it's normal to find times tables hard", "parent"),
        (
            "his dad's back from working away, the one with the court order for contact is all sorted, no "
            "worries",
            "parent",
        ),
        ("the injunction is back in court next week, how do I get a copy to the office", "parent"),
        (
            "my dad isn't allowed to see his own grandkids because of a falling out with my sister, it's sad",
            "parent",
        ),
        (
            "she's staying with a friend from gymnastics tonight for a sleepover, not sure of her name, the "
            "friend's mum will drop her",
            "parent",
        ),
        ("i live at my mums and my dads friend takes me to football on saturday", "pupil"),
        (
            "he's having the procedure done at the hospital next month, his tonsils, will need a week off",
            "parent",
        ),
        ("i want to be a bride when i grow up and wear a big dress", "pupil"),
        ("Miss Jones is off for her wedding, is Year 6 having a supply teacher", "parent"),
        ("we need to update the disclosure form for the DBS check urgently, can the office help", "staff"),
        ("my daughter beat her brother at chess for the first time, she's so proud", "parent"),
        ("he has a carpet burn from wrestling with his cousin, it was mutual, they were laughing", "parent"),
        ("his bum is sore from sitting through the whole football match on the cold bench", "parent"),
        ("she says it hurts to sit since she fell off her bike, the doctor says it's bruised", "parent"),
        ("I was so touched when he came round for christmas, he used to babysit when I was a kid", "parent"),
        ("a coach on FIFA told him he played really well, he's buzzing", "parent"),
        ("mr jones is a family friend and came to my party", "pupil"),
        ("she put her hands in my coat pockets to keep warm, bless her", "parent"),
        (
            "I'm going to delete the class chat messages after the argument, please don't tell the others",
            "parent",
        ),
    ],
)
def test_round_61_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 61: the round's new rules read for what else their words mean (a row with raised voices, a uniform
    # question, a girl who asks her mum to video call, nappy rash, a child kept from the oven, a child who
    # goes next door, sleeping tablets given up, a belt to the charity shop, a ruler in class, a tripped-over
    # charger, a phone charger taken away, cold showers after rugby or with the boiler broken, "knocking
    # about" with a friend, a joke, times tables, a court order sorted, an injunction in court, a falling-out,
    # a sleepover, a tonsils operation, a wish to be a bride, a teacher's wedding, a DBS disclosure form,
    # chess, a carpet burn, a football match, a bike fall, a grandparent who babysat, an online game's praise,
    # a family friend at a party, pockets, a class chat); two older rules' alarms found while doing so (a
    # grandmother's slipper in her childhood, scared to go back on the ski slopes); and blind79a's three
    # alerts ("raised voices", "does everything have to be…", a neighbour's girl asking her mum to video call)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        ("dad knocks about the house in his slippers after school, the kids love it", "parent", None),
        (
            "the old football has been knocked around the garden all summer, can he bring it in after school",
            "parent",
            None,
        ),
        (
            "she's staying with her nan for the week, I'm not sure of the address but nan will bring her in",
            "parent",
            None,
        ),
        (
            "i went to my dads friends house and i live with my mum, can i bring my friend to the party",
            "pupil",
            None,
        ),
        (
            "granny gave him half of my sleeping pill by mistake thinking it was calpol, GP checked him and "
            "he's fine",
            "parent",
            None,
        ),
        (
            "he cried because his nappy was soaked through at nursery, can staff check it every day",
            "parent",
            None,
        ),
        (
            "the fridge is locked at night because the dog opens it, she hides snacks in her room lol",
            "parent",
            None,
        ),
        ("she tried to put her hand in my handbag to find sweets again", "parent", None),
        ("her cousin's wedding is in June, she's in year 5, can she have the day off", "parent", None),
        ("urgent - she told me something about the trip money, can you call me", "parent", None),
        (
            "the twins came back from holiday walking funny after the donkey ride, they loved it",
            "parent",
            None,
        ),
        (
            "we're having the procedure done at the hospital for her ears, the traditional grommets, "
            "midwife said it's fine",
            "parent",
            None,
        ),
        (
            "his dad's back in the house after working in Scotland, the court order for contact is all "
            "settled",
            "parent",
            None,
        ),
        (
            "his grandad served time in prison for fraud and now collects him on Fridays, just so you know",
            "parent",
            None,
        ),
        (
            "it hurts to sit, she said, after falling on the ice at the rink, the man at the rink said it "
            "would stop hurting soon",
            "staff",
            None,
        ),
        (
            "her bum is sore from riding her new bike all day, the game of chase went on forever",
            "parent",
            None,
        ),
        ("my brother did it to me too he drew on my face when i was asleep for a joke", "pupil", None),
        (
            "she said it happened to her too with the same person, the lunchtime lady gave them both an "
            "extra pudding",
            "parent",
            None,
        ),
        ("he took the stick to the park to throw for the dog", "parent", None),
        ("she's stopping with a man her mum met online, don't know his name", "parent", "dsl"),
        ("dad's back. the one with the non-molestation order", "parent", "dsl"),
        ("Y5 disclosure, need the DSL please", "staff", "dsl"),
        (
            "a Y3 girl was walking alone by the dual carriageway, said mum wasn't home and she was looking "
            "for her mum",
            "staff",
            "dsl",
        ),
        ("her uncle knocks her about when he has her after school", "parent", "dsl"),
        (
            "the nursery nappies come back soaked from the night before and she's got sores, third week "
            "running",
            "parent",
            "dsl",
        ),
        ("gran gave him one of my sleeping tablets to keep him quiet", "parent", "dsl"),
    ],
)
def test_round_61_rules_read_again_keep_their_meaning(
    detector: SafeguardingDetector, text: str, role: str, route: str | None
) -> None:
    # Round 61's new rules read again before the commit for what else their words mean: a father who knocks
    # about the house, a ball knocked around the garden, a nan's address, a sleeping pill given by mistake, a
    # nappy at nursery, a fridge locked against the dog, a hand in a handbag, a cousin's wedding, "she told me
    # something" about trip money, a donkey ride, grommets, a father back from working away, a grandad's
    # fraud, a fall on the ice, a bike ride, a joke, an extra pudding, a stick for the dog (twelve alarmed on
    # the drafts or on older rules, now narrowed or guarded: a court order for contact is not an injunction, a
    # member of staff's shorthand needs the DSL named, a child alone on the road needs a child). The guards
    # are kept narrow: a man whose name nobody knows, a father back despite a non-molestation order,
    # "disclosure, need the DSL", a girl alone by the dual carriageway, an uncle who knocks her about, soaked
    # nappies and sores, a sleeping tablet "to keep him quiet" are still found
    _assert_route(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "Reception child said 'mummy's fella clattered her and she was bleeding on the kitchen floor'",
            "staff",
            "dsl",
        ),
        ("me da wacked me wi a shoe and my head is still sore", "pupil", "dsl"),
        (
            "my daughter's friend is 10 and has new airpods, a phone and cash from a 'friend from online' "
            "she has never met",
            "parent",
            "dsl",
        ),
        (
            "Y4 boy losing weight, taking scraps off other children's plates and hiding food in his tray",
            "staff",
            "dsl",
        ),
        (
            "my cousin did time for stuff with kids and my aunt lets him stay over when my children visit",
            "parent",
            "dsl",
        ),
        (
            "the lodger keeps going into the girls' bedroom at 3am, says he was checking on them",
            "parent",
            "dsl",
        ),
        (
            "her mum's new partner is just out, he was done for something with a young boy, and he has "
            "moved in",
            "staff",
            "dsl",
        ),
        (
            "when I lose my temper I throw things at my daughter, she needed stitches last month",
            "parent",
            "dsl",
        ),
        (
            "Writing as a parent not as a teacher: I lost it with my son and hit him, I'm scared I'll do it "
            "again",
            "staff",
            "dsl",
        ),
        (
            "his mum won't take him to the eye clinic, he's missed the last 4 appointments and can't see "
            "the board, he keeps getting told off",
            "parent",
            "dsl",
        ),
        (
            "my sister claims her son has seizures and wants a feeding tube but all his tests came back "
            "normal",
            "parent",
            "dsl",
        ),
        ("dad hasn't collected her inhaler for weeks and she couldn't breathe at swimming", "parent", "dsl"),
        (
            "Mum of a Y2 girl insists she has a heart condition, school nurse has no diagnosis on file and "
            "she asks for her to go home most days",
            "staff",
            "dsl",
        ),
        (
            "the kidney clinic letters go in the bin and mum says we're not going, it really hurts when I "
            "wee",
            "pupil",
            "dsl",
        ),
        (
            "the dance volunteer does one to one with her in the store room with the door shut at lunch",
            "staff",
            "headteacher",
        ),
        (
            "the maths tutor from school has asked if our son can sleep over at his house at weekends for "
            "extra practice",
            "parent",
            "headteacher",
        ),
        (
            "the breakfast club leader has added some of the Y5 boys on snapchat and messages them at night",
            "staff",
            "headteacher",
        ),
        (
            "the headteacher has been giving a Y2 boy money and trainers and told me not to record any of it",
            "staff",
            "chair_of_governors",
        ),
        (
            "my toddler got into the tablets on the side and was really drowsy, we didn't take him to a "
            "doctor",
            "parent",
            "dsl",
        ),
        ("our staffie has bitten my son again, third time, my husband won't get rid of it", "parent", "dsl"),
        ("her uncle keeps her at the takeaway till late and she's missed school all week", "staff", "dsl"),
        (
            "she serves at the market stall alone and her dad pays her a fiver not to tell anyone",
            "staff",
            "dsl",
        ),
        (
            "he takes my son with him collecting debts because people pay up quicker with a kid there",
            "parent",
            "dsl",
        ),
        (
            "Please note Amir will be absent on Tuesday. Also his uncle pushed Amir down the stairs at the "
            "weekend. Could you confirm the trip money has arrived?",
            "parent",
            "dsl",
        ),
        (
            "Annual review notes: dad, who has supervised contact only, has been telling her to keep their "
            "secret",
            "staff",
            "dsl",
        ),
        ("this morning. he had her by the neck", "parent", "dsl"),
        (
            "Home visit today with Mrs Ali: the XL bully has bitten the toddler twice, unmuzzled, loose in "
            "the flat",
            "staff",
            "dsl",
        ),
        ("he punched my son in the face at home last night", "parent", "dsl"),
        ("is it normal when ur dad hits u on the head evry day", "pupil", "dsl"),
        ("when dad gets drunk mum gets hurt and i hide under my bed", "pupil", "dsl"),
        ("Y1 said 'daddy put his hands round mummy's throat'", "staff", "dsl"),
        (
            "the man at the swimming pool said if I tell anyone about his car I'll be dropped from the squad",
            "pupil",
            "dsl",
        ),
        (
            "our neighbour's teenage son plays a 'game' with my 5 year old where she has to pull her "
            "knickers down",
            "parent",
            "dsl",
        ),
        ("the year 6 boys made a group chat rating the girls' bodies", "parent", "dsl"),
        ("my 6 year old says she's been bleeding in her pants and won't say why", "parent", "dsl"),
        (
            "the tutor the school arranged wants to work with her in her bedroom with the door closed",
            "parent",
            "headteacher",
        ),
        ("the TA puts him in the dark room as a punishment", "parent", "headteacher"),
        (
            "he's sent by older boys to deliver packages to houses and says they'll hurt him if he stops",
            "parent",
            "dsl",
        ),
        ("a boy in Y6 keeps getting into cars with older lads and has loads of cash", "parent", "dsl"),
        ("she leaves her disabled son in his buggy in the hall for hours, soaked", "parent", "dsl"),
        (
            "she's eight and up at night feeding the baby because mum goes out and doesn't come back till "
            "morning",
            "staff",
            "dsl",
        ),
        ("she's been looking up how to tie a noose", "parent", "dsl"),
        ("it was an adult and the photos were of him", "staff", "dsl"),
        (
            "we're in a B&B sharing a bathroom with strangers and a man walked in while my daughter was in "
            "the shower",
            "parent",
            "dsl",
        ),
        ("I slapped her across the face so hard this morning I left a mark", "parent", "dsl"),
        ("he locks her in the shed when she cries", "parent", "dsl"),
        ("I saw the deputy head yank a Y2 boy off the floor by his arm", "staff", "headteacher"),
        ("the swimming coach sends pupils friend requests on instagram", "parent", "headteacher"),
        (
            "he hasn't come home from school, nobody has seen him and his phone goes to voicemail",
            "parent",
            "dsl",
        ),
        ("mum tells me it's my fault dad left", "pupil", "dsl"),
        ("he was smacking his teddies saying 'no dinner for you', that's what daddy does", "staff", "dsl"),
        ("a dad from the class keeps messaging my daughter asking what she is wearing", "parent", "dsl"),
        (
            "nobody has been able to reach her mum for weeks, she's collected by a lad of about 15 who says "
            "he's her brother and she sleeps at his place",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_62_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 62 (set CH, read): a mother's partner who "clattered her" and left her bleeding; "wacked me wi the
    # remote"; gifts and cash from "a friend from online"; a child thinner each week who takes food off other
    # children's plates; a man just out of prison for harm to children staying where the children go; a lodger
    # coming out of the children's room at night; a parent who throws things or lashes out when they lose
    # their temper (a parent's, not a teacher's, even when the writer works at a school); hospital, hearing
    # and inhaler needs a parent will not meet; illness the tests do not find (a school nurse without a
    # diagnosis is not the subject); staff praised for one-to-one time behind a shut door, a sleepover at a
    # tutor's flat, Snapchat with pupils, gifts "off the books"; tablets, spirits or medicine swallowed; a dog
    # that bites again and is kept; a child kept off school to work or paid to keep quiet; debt collecting
    # with a child; a child pushed down the stairs in a formal absence note; supervised contact and "our
    # secret"; "he had her by the neck"; a home visit with a member of staff named first. The similarity
    # probe: disclosures only the similarity layer found, which one new ordinary example lost, now found by
    # rules (a child punched or slapped in the face at home, a child hiding from a parent's anger, hands round
    # a mother's throat, a threat of being dropped from the team, a "game" with pants off, bleeding in a young
    # child's pants, boys rating girls' bodies, a tutor in a bedroom with the door shut, a dark room as
    # punishment, deliveries under threat, cars with older lads and cash, a disabled child left wet for hours,
    # a child of eight up with the baby all night, a noose, "it was an adult and the photos were of him", a
    # stranger walking in on a child in the bath, a parent who slapped so hard it left a mark, a child locked
    # in a shed, a deputy head who yanked a child up by the arm, a coach sending pupils friend requests, a
    # child missing after school, "it's my fault dad left", a child's play that repeats it, a dad asking a
    # girl what she is wearing)
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my dad hit his head on the cupboard and there was blood everywhere, he's fine now", "parent"),
        (
            "her brother kicked the ball at her face in the garden and her nose was bleeding, all sorted now",
            "parent",
        ),
        ("the puppy had him by the sleeve all morning, cheeky thing", "parent"),
        ("my brother had me in a headlock by the neck when we were play fighting", "pupil"),
        ("I lost it with the printer this morning and kicked it, sorry the form is late", "parent"),
        ("I lost my temper at the ref and got told off by my wife, the kids found it hilarious", "parent"),
        ("I lost it at the photocopier and threw the paper across the room, can someone fix it", "staff"),
        ("he took some calpol and was a bit sleepy after, is it ok for him to come in?", "parent"),
        (
            "my husband drank vodka at the wedding and was sleepy all Sunday, no school run from him today",
            "parent",
        ),
        ("she took her antibiotics this morning, they make her drowsy, please keep an eye", "parent"),
        ("our dog bit his lead in half again, third time this month lol", "parent"),
        (
            "the neighbours dog went for our cat again, second time, we've reported it to the council",
            "parent",
        ),
        (
            "she's been eating leftovers off other people's plates at the party, so embarrassing, she's a "
            "bottomless pit",
            "parent",
        ),
        (
            "we missed the last 2 dentist appointments because of the strike, his tooth hurts, can he leave "
            "early for the rebooked one",
            "parent",
        ),
        (
            "the hospital letters keep going to our old address so we missed the appointment, it's been "
            "rebooked",
            "parent",
        ),
        ("the chemist hasn't got his inhaler in stock, we collect it tomorrow", "parent"),
        ("my friend from online gave me a recipe for slime, can we do it in class", "parent"),
        ("my dad needs him at the shop on saturday so he will miss football club", "parent"),
        (
            "sorry she missed the morning, her dad took her to the garage with him when the car broke down",
            "parent",
        ),
        ("Y6 enterprise week: the children run a stall, the class shop and the till at lunchtime", "staff"),
        (
            "collecting money for the PTA raffle with my son, the neighbours were scary with their dogs",
            "parent",
        ),
        ("my brother is just out of hospital after his op, the kids are going to visit him", "parent"),
        ("he did time in the army, he's great with kids now, he's coaching under 9s", "parent"),
        ("grandad came out of the boys room at night to check on them because they were giggling", "parent"),
        ("the lodger came into the kitchen at 2am for a snack and woke the dog", "parent"),
        ("Mr Khan does 1:1 reading with him in the library with the door open as always", "staff"),
        ("the teacher invited the class to her house for a garden party, is that ok to accept", "parent"),
        ("our PTA added the Y6 parents on whatsapp and chats in the evenings about the disco", "staff"),
        (
            "the head bought new trainers for the whole football team from the PTA money, it's in the "
            "minutes",
            "staff",
        ),
        (
            "the head paid for lunch for all the staff and said not to mention it to the governors haha",
            "staff",
        ),
        (
            "he's got supervised contact with his dad on Saturdays at the centre and it's going well, they "
            "play games",
            "parent",
        ),
        ("there's a court order so dad messages her on birthdays only, all agreed", "parent"),
        ("he pushed his scooter down the steps at the park and it broke", "parent"),
        ("my brother pushed me down the slide and i laughed", "pupil"),
        ("Home visit today with Mrs Jones was lovely, thank you, he showed her his room", "parent"),
        ("not as a teacher but as a mum, can I ask about the photo rules for the fair", "staff"),
        ("my dad whacked the ball over the fence haha", "pupil"),
        ("they keep telling me they have seen my photos of the cake i made, so proud", "parent"),
        ("parents keep telling me theyve seen my holiday pics on insta, should I lock it down?", "staff"),
        ("a boy punched my son in the face at break, can someone look into it", "parent"),
        ("his brother hit my daughter with a pillow last night, they were messing about", "parent"),
        ("she was smacking her teddies for being naughty like in the story, so funny", "parent"),
        ("dad says its all my fault the dog got out", "pupil"),
        ("when dad gets angry at the football mum gets cross with him for shouting lol", "pupil"),
        ("i put my hands round mums neck for a piggyback", "pupil"),
        ("we played a game where they had to take their wellies off in the hall", "parent"),
        ("Y6 rated the school dinners out of ten and ranked the puddings", "staff"),
        ("we had to rate our body confidence in PSHE 1 to 10", "pupil"),
        ("the teacher asked what he is wearing for the wedding next week", "parent"),
        ("miss said if we tell anyone the surprise we lose golden time", "pupil"),
        (
            "the tutor is doing a reading session in the library with the door shut because of the noise",
            "staff",
        ),
        ("we keep the paint in the stock cupboard, could the TA put the light off when done", "staff"),
        ("she was sent to collect the parcels from the neighbours houses for her nan", "parent"),
        ("he's in a wheelchair and does swimming for hours on Saturday, gets soaked haha", "parent"),
        ("I hit my son with the ball so hard in the garden, he fell over laughing", "parent"),
        ("she locked herself in the bathroom and was crying because she lost her tooth", "parent"),
        ("Mr Jones dragged the PE mats across the hall and hurt his shoulder", "staff"),
        ("the head yanked the stuck door off its hinges haha", "staff"),
        ("the swimming coach sent me a friend request, I'm his mum not a pupil, can I accept?", "parent"),
        ("she didn't come out at 3:15 because she was at choir, her phone is off in school anyway", "parent"),
        (
            "the SENCO (sorry, I've forgotten her name) was brilliant at the meeting with us and our son",
            "parent",
        ),
        (
            "came back from cub camp with a bruise on his leg, he tripped over a guy rope in the dark, all "
            "fine",
            "parent",
        ),
        (
            "Alfie's grandad is a chef and will bring his knives in a locked case for jobs week, is that ok?",
            "parent",
        ),
        (
            "Pest control are coming on Friday for the mice, traps behind the fridge, don't tell the Y1s "
            "they'll want to keep them",
            "staff",
        ),
        (
            "a Y4 girl told her table her dad 'shoots people with a taser', he's a police officer so that's "
            "true",
            "staff",
        ),
        (
            "the pest man put down poison for the rats, if she tells you in news time that the rats are "
            "dead that's why",
            "parent",
        ),
        ("dont tell my mum but im making her a card for her birthday", "pupil"),
        ("Couldn't get hold of his mum so he's being picked up by his nan today", "parent"),
        (
            "I can't reach his dad on the phone, he's staying at his auntie's flat this week while we move "
            "house",
            "parent",
        ),
        ("that printer tried to kill me again this morning", "staff"),
    ],
)
def test_round_62_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 62: the round's new rules read for what else their words mean (a head bumped on a cupboard, a nose
    # hit by a ball, a puppy, a headlock, a printer, a referee, calpol, antibiotics, a husband at a wedding, a
    # dog's lead, a cat, a hungry child at a party, a rebooked appointment, a chemist out of stock, slime, a
    # Saturday at the shop, a garage, enterprise week, a raffle, a hospital stay, the army, a grandad checking
    # on the boys, a lodger's snack, one-to-one reading with the door open, a garden party, a PTA chat,
    # football kit, a staff lunch, contact going well, an agreed court order, a scooter, a slide, a good home
    # visit, a parent who is a teacher, a ball over the fence, a boy at break, a pillow fight, a story, a dog
    # let out, a match, a piggyback, wellies, dinners rated, PSHE, a wedding outfit, a surprise, a noisy
    # library, the paint cupboard, a nan's parcels, swimming, a garden game, a lost tooth, PE mats, a stuck
    # door, a coach's friend request to a parent, choir); and set CH's flags the rules raised (a SENCO whose
    # name was forgotten, a bruise from a guy rope at camp, a chef's knives for jobs week, pest control, a
    # police officer's taser, poison for rats, a secret birthday card); and blind80a's alert ("parents keep
    # telling me they've seen my holiday photos")
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    "text",
    [
        "she's 7, 8 in march",
        "she's 6, 7 in august",
        "he is 9",
        "6 years old",
        "they're 5",
        "hes 12 next month",
    ],
)
def test_a_childs_age_given_as_an_answer_is_not_an_alarm(detector: SafeguardingDetector, text: str) -> None:
    # Round 62: a child's age given alone, as an answer ("she's 7, 8 in march"), is an answer like a name,
    # with no sentence to read the meaning of: the rules read it, the similarity and meaning layers do not
    # (when round 62 tried new ordinary examples, the similarity layer read three such answers in the
    # development sets as close to a grooming disclosure)
    assert age_answer(text)
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("she's 9 and her stepdad hits her", "dsl"),
        ("he's 7, his mum leaves him home alone every night", "dsl"),
        ("she's 10 and a man online keeps asking her for pictures", "dsl"),
    ],
)
def test_an_age_inside_a_sentence_is_still_read(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    # Round 62: only a whole answer that is an age is left unread; an age that begins a disclosure is not
    assert not age_answer(text)
    _assert_found(detector, text, route, "parent")


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "he has to go straight home to do his dad's insulin because his dad can't manage since the "
            "stroke",
            "staff",
            "dsl",
        ),
        ("i have to do my mums tablets and help her wash and i am tired all the time", "pupil", "dsl"),
        (
            "while I'm in hospital my 10 year old will get the little ones up and sort their dinners, her "
            "dad's on methadone and sometimes passes out",
            "parent",
            "dsl",
        ),
        ("his dad cut all his hair off as a punishment and filmed him crying", "parent", "dsl"),
        (
            "she says her stepmum can't stand the sight of her and she has to eat her meals on the landing",
            "staff",
            "dsl",
        ),
        (
            "mum makes him wear a nappy to school because he's a baby when he gets things wrong",
            "staff",
            "dsl",
        ),
        ("her mum shouted I'm ashamed to be your mother in the playground", "parent", "dsl"),
        ("at pick up mum told her she should have left her at the hospital", "staff", "dsl"),
        ("we're living in the car since we got evicted, it's freezing at night", "parent", "dsl"),
        ("3rd move this term, he doesn't know where he's sleeping tonight", "staff", "dsl"),
        ("saw a dad smacking the toddler's legs hard in the car park while he screamed", "staff", "dsl"),
        ("my partner squeezes the baby so tight when she cries that she goes red", "parent", "dsl"),
        (
            "baby brother is 4 months old and has a bruise on his cheek, mum says his sister did it",
            "staff",
            "dsl",
        ),
        ("finger-shaped bruises on her upper arm this morning", "staff", "dsl"),
        ("she's staying at his tonight and he's drunk", "parent", "dsl"),
        ("my baby brother cries in his cot all day and mum doesnt get him out", "pupil", "dsl"),
        (
            "CT Y4: Amira back from the holidays walking awkwardly, said she had a special party and it hurt",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_63_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 63 (set CI, read): a child doing a parent's care (insulin, tablets, washing) and tired for it; a
    # child left in charge of the little ones while a parent on methadone passes out; a head shaved as a
    # punishment and the crying filmed; a step-parent who "can't stand the sight of her" and meals on the
    # landing; a nappy to school "because he's a baby"; a parent's words of rejection ("ashamed to be your
    # mother", "should have left you at the hospital"); a family living in a car; a child who does not know
    # where he is sleeping tonight; a toddler's legs slapped hard; a baby squeezed until she goes red; a
    # bruise on a baby with a story that does not fit; finger-shaped bruises; a child at the other parent's
    # while he is drunk; a baby left crying in a cot; a staff note headed with the writer's job and class ("CT
    # Y4: …") is the DSL's, not the head's
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she has to give her nan her tablets on a Sunday, she loves helping", "parent"),
        ("My mum had a stroke and the carers come in twice a day, so my daughter is a bit tired", "parent"),
        ("she had her injection today and was so brave, she might be tired tomorrow", "parent"),
        ("We're staying in the caravan at the moment while the house is being done", "parent"),
        ("We're living in my mum's garage at the moment while the extension's built", "parent"),
        ("Sorry he's late, he's been sleeping in the car all the way from Wales", "parent"),
        ("he doesn't know where he's sleeping on the residential yet, can he be with Sam?", "parent"),
        ("my dad shaved his head for charity and my brother wants to do it too", "pupil"),
        ("I don't want to see his face till he's tidied his room lol", "parent"),
        ("my son has to wear a pull up to school because of his condition, the nurse knows", "parent"),
        ("she's a baby in the nativity so she's wearing a nappy costume haha", "parent"),
        ("she was slapping her legs hard to the music at the concert, so funny", "parent"),
        ("he holds her hand so tight when we cross the road that she cries", "parent"),
        ("my baby sister bit me and now I have a bruise, mum said she is teething", "pupil"),
        ("baby brother has a bruise from where he bumped the coffee table, he's learning to walk", "parent"),
        ("bruise on his fingertip where he shut it in the door", "parent"),
        (
            "shes at her friends house tonight and shes been drinking loads of fizzy so expect her hyper",
            "parent",
        ),
        (
            "the baby cries when I put him in the cot but the health visitor says let him settle on his own",
            "parent",
        ),
        ("Hattie went paintballing and came home with bruises all over, she loved it", "parent"),
        ("Priya got stabbed in the chest plate loads at her fencing bout but won", "parent"),
        ("Can they wear masks to the disco? His has a knife through the head", "parent"),
        ("Can Otis do a funny story instead, he writes creepy ones and then can't sleep", "parent"),
        (
            "I recorded the teacher on a voice memo without asking at parents evening, I've deleted it",
            "parent",
        ),
        ("Is it weird if I add my son's teacher on Facebook? We message on dojo all the time", "parent"),
        ("Can I bring my grown up daughter to the meeting with the governors?", "parent"),
        ("her dad is on nights so she might be tired, he does her tablets for her ADHD", "parent"),
    ],
)
def test_round_63_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 63: the round's new rules read for what else their words mean (a nan's tablets, carers, a brave
    # injection, a caravan while the house is done, a garage while an extension is built, a long drive, a
    # residential, a head shaved for charity, a tidy room, a pull-up for a condition, a nativity costume, a
    # concert, crossing the road, a baby who bites, a baby learning to walk, a door, fizzy drinks, a health
    # visitor's advice); set CI's flags the rules raised (paintball, a fencing bout, a disco mask, a creepy
    # story, a voice memo); and blind81b's two alerts ("is it weird if I add my son's teacher on Facebook",
    # "my grown up daughter" at the governors' meeting)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    "text",
    [
        "Its Alfie-Jay but everyone calls him AJ",
        "Her name's Sophia but she goes by Sophie",
        "Theodore, we call him Teddy",
        "Jack but his friends call him Jax.",
    ],
)
def test_a_name_and_the_name_a_child_goes_by_is_an_answer(detector: SafeguardingDetector, text: str) -> None:
    # Round 63 (set CI, read): "Its Alfie-Jay but everyone calls him AJ", an answer to "the child's name?",
    # was read by the similarity layer as close to a disclosure. A name and the name the child goes by, every
    # name capitalised as typed, is an answer like a name alone: the rules read it, the layers do not
    assert nickname_answer(text)
    assert detector.detect(text, role="parent") is None


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("It's Dad but everyone calls him names and he hits me", "dsl"),
        ("its alfie but everyone calls him a liar because his uncle touches him", "dsl"),
    ],
)
def test_a_sentence_about_what_a_child_is_called_is_still_read(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    # Round 63: only a whole answer of names is left unread
    assert not nickname_answer(text)
    _assert_found(detector, text, route, "pupil")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Jake keeps taking food off other people's plates at lunch because he's always starving after PE",
            "pupil",
        ),
        (
            "her glasses broke at the weekend, the optician is booked for Thursday so she can't see the "
            "board till then",
            "parent",
        ),
        ("our cat got locked in the shed all night and was crying", "pupil"),
        (
            "My mum had a stroke so my daughter helps her with her tablets, the carers come twice a day",
            "parent",
        ),
        ("grandad had a stroke last year so my son helps him with his shoes when we visit", "parent"),
    ],
)
def test_round_63_look_alikes_on_older_rules_raise_no_alarm(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 63: ordinary messages that older rules read as disclosures (food off plates after PE, glasses
    # broken at the weekend with the optician booked, a cat locked in the shed, a stroke read as stroking)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("she's losing weight and takes food off other kids' plates, says there's no food at home", "staff"),
        ("Y2 girl is always starving, steals food from other children's lunchboxes", "staff"),
        ("dad locks me in the shed all night when im naughty", "pupil"),
        ("i got locked in the shed with the dog all night", "pupil"),
        (
            "he's missed the last three eye appointments, his glasses are broken and mum won't take him",
            "parent",
        ),
        ("grandad had a stroke and now he touches me in my private parts", "pupil"),
        ("my uncle strokes my leg and says its our secret", "pupil"),
    ],
)
def test_disclosures_beside_the_round_63_guards_are_still_found(
    detector: SafeguardingDetector, text: str, role: str
) -> None:
    # Round 63: each guard above is narrow (after PE, a recent break, a pet locked in, a stroke as an illness)
    _assert_found(detector, text, "dsl", role)


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "my little boy's tracker showed him at a flat at 3 in the morning, we don't know who lives there",
            "parent",
            "dsl",
        ),
        (
            "his watch had him at some house across town at midnight and I have no idea whose it is",
            "parent",
            "dsl",
        ),
        (
            "you can hear her dad on the voice note screaming shut up then a slap and her crying",
            "parent",
            "dsl",
        ),
        (
            "he works the counter at the takeaway till it shuts on school nights and he's only 9",
            "staff",
            "dsl",
        ),
        (
            "she does nails at her aunt's salon after school and weekends till closing and she is 8",
            "staff",
            "dsl",
        ),
        (
            "their little boy is begging outside the station with a cup every day while his dad watches",
            "parent",
            "dsl",
        ),
        ("his mum's church want to pray the gay out of him and he's been told to fast", "staff", "dsl"),
        ("he's had nothing but water since Friday because of the fast, he's 9", "staff", "dsl"),
        (
            "her parents say they'll disown her and send her abroad to relatives, her passport is out",
            "staff",
            "dsl",
        ),
        (
            "her dad says God will heal her so he took her inhaler off her and binned it, she's had "
            "two attacks",
            "staff",
            "dsl",
        ),
        ("my step dad sed i have a bad spirit and i have to drink salty water till im sick", "pupil", "dsl"),
        (
            "mum says he needs a wheelchair and gives him tablets that knock him out, but I've seen "
            "him running round fine",
            "parent",
            "dsl",
        ),
        (
            "mum talks about a toddler but the health visitor says he isn't registered and nobody "
            "has seen him",
            "staff",
            "dsl",
        ),
        ("20 days absent this term and dad won't let me speak to her on the phone", "staff", "dsl"),
        (
            "mum left her baby and toddler strapped in the car with the windows up, it's 30 degrees",
            "parent",
            "dsl",
        ),
        ("the man who does the school run drove off with six kids and no car seats", "parent", "dsl"),
        ("a little girl from nursery crosses the main road and nobody meets her", "parent", "dsl"),
        (
            "mr b lets me play on his ipad in his office and gives me sweets, i must not tell the others",
            "pupil",
            "headteacher",
        ),
        (
            "the headteacher whatsapped my daughter at night saying it was just between us",
            "parent",
            "chair_of_governors",
        ),
        ("the headteacher gives me presents and says i cant tell my friends", "pupil", "chair_of_governors"),
        (
            "I keep seeing a pupil go into the caretaker's house alone after school, curtains shut",
            "parent",
            "headteacher",
        ),
        (
            "our DSL told a child who was trying to disclose to stop telling stories and nothing was logged",
            "staff",
            "headteacher",
        ),
        (
            "Can we move the briefing to 3.30? Also a lunchtime supervisor mentioned Y6 boy is picked up by "
            "older lads in a car and has new trainers",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_64_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 64 (set CJ, read): a child's tracker at a stranger's address in the night; a slap heard on a voice
    # note; a young child working long hours in a business or begging; a child pressed to change who they love
    # or sent abroad to be "cured"; a child fasting for days; medicine thrown away on grounds of faith; a "bad
    # spirit" driven out; an illness made up; a child nobody has seen; long absence with the child kept from
    # view; children in a hot car or driven without seats; a nursery child crossing a main road alone; staff
    # gifts and time alone kept secret, "just between us", a child alone in a staff member's house, a DSL who
    # silenced a child; a staff member who passed a concern on is the reporter, not its subject
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "My son's watch showed him at his friend's house last night, I know the family, it was a "
            "sleepover",
            "parent",
        ),
        (
            "You can hear him crying on the video because he slapped his own forehead when he scored an own "
            "goal lol",
            "parent",
        ),
        ("She went as a witch for Halloween and ate so many sweets she was sick", "parent"),
        ("He takes melatonin tablets to keep him calm at night, the doctor prescribed them", "parent"),
        ("He's fasting for Ramadan this year, he's 10, only water at night, can he skip PE", "parent"),
        (
            "Her inhaler was left at home, can I drop it into the office? She had a small attack on Friday",
            "parent",
        ),
        (
            "I haven't seen the new baby yet, nobody has seen him, they're keeping visitors away for a "
            "fortnight",
            "parent",
        ),
        ("My daughter helps at her aunt's nail salon on a Saturday morning and loves it", "parent"),
        ("I work at the chip shop till it shuts so my mum collects him every night", "parent"),
        ("The kids are begging for a dog every day, any tips?", "parent"),
        ("We're taking her abroad to see family at half term, her passport is sorted", "parent"),
        (
            "Y5 girl absent 12 days with chickenpox, mum phoned every morning and put her on to say hello",
            "staff",
        ),
        ("Do the kids need car seats on the minibus for the trip? We have no car seats spare", "parent"),
        ("She's in reception and we cross the main road together every morning", "parent"),
        ("Reminder: a child who tries to disclose must never be told to stop telling stories", "staff"),
        (
            "The TA said it was fine to add her on Facebook but my friend says staff aren't meant to accept "
            "parents. I don't want to get her in trouble, which is it?",
            "parent",
        ),
        (
            "How much is dinner money a week now? My partner's been paying £2.30 a day but someone at "
            "the gate said it's gone up",
            "parent",
        ),
        (
            "New teacher on our team thinks it's harmless to accept follow requests from pupils as long "
            "as she never messages them. Who's right?",
            "staff",
        ),
        (
            "A TA showed me a chat where a teacher wrote to a mum 'don't tell school I said this but the "
            "head is clueless'. Who do I tell?",
            "staff",
        ),
        ("sir gave us all sweets at the end of term but dont tell my mum lol", "pupil"),
        (
            "Can I send in sweets for his birthday? The other kids will be jealous otherwise, Miss said "
            "it was ok",
            "parent",
        ),
        ("What possessed him to cut his own fringe? Now he has to wear a hat for the photos", "parent"),
        ("The demon headlice are back, everyone has to check tonight!", "staff"),
        ("She helps on the PTA tuck shop stall till closing at the summer fair, she loves it", "parent"),
        (
            "He's been begging outside the sweet shop every day after school for a fidget toy, any tips?",
            "parent",
        ),
        ("At the beginning of term there was a queue outside the office every day until 9", "parent"),
        (
            "Y4's shop project: she works at the till and serves customers till closing in the role play",
            "staff",
        ),
        (
            "My daughter is fasting for the first time this Ramadan, she's had nothing to eat since dawn, is "
            "she excused swimming",
            "parent",
        ),
        (
            "My husband drove the kids to the party and the booster seats were in my car so he borrowed some",
            "parent",
        ),
        ("Can the school council sell the leftover cakes at pick up tomorrow? Shame to waste them", "parent"),
        ("Please address letters to Ms Gill and Ms Omondi, same address. Thank you", "parent"),
        (
            "My 11 year old will be getting herself to school after half term. She's sensible and it's a 10 "
            "minute walk",
            "parent",
        ),
    ],
)
def test_round_64_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 64: the round's new rules read for what else their words mean (a sleepover, an own goal, a
    # Halloween witch, prescribed tablets, Ramadan, an inhaler left at home, a new baby kept from visitors, a
    # Saturday job a child loves, a parent's own shift, children begging for a dog, a family holiday, an
    # illness with the child on the phone, car seats for a trip, crossing the road together, training), and
    # what the first drafts alarmed on (a class treat "dont tell my mum lol", birthday sweets the others would
    # be jealous of, "what possessed him", "the demon headlice", a PTA tuck-shop stall, begging for a fidget
    # toy, a queue at the beginning of term, a shop role play, a Ramadan fast "since dawn", borrowed booster
    # seats); and blind82a's four alerts (a TA a parent may add, dinner money at the gate, pupils' follow
    # requests "as long as she never messages them", adults' gossip "don't tell school I said this") and three
    # of set CJ's flags (cakes not to waste, how to address letters, an 11-year-old walking to school)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "the swimming instructor has been following our Y5 girls on TikTok and messaging them at night",
            "staff",
            "headteacher",
        ),
        (
            "the after school club worker added my daughter and her friends on snapchat and sends "
            "them voice notes",
            "parent",
            "headteacher",
        ),
        (
            "the karate instructor touched her in the changing rooms when everyone else had gone",
            "parent",
            "headteacher",
        ),
        ("my son says the football coach made him stay behind and touched him", "parent", "headteacher"),
        (
            "the TA shut him in the stock cupboard and held the door while he screamed",
            "parent",
            "headteacher",
        ),
        (
            "in the home corner a 4 year old kept lying on top of another child and said that's what "
            "my brother does",
            "staff",
            "dsl",
        ),
        ("one of mums friends keeps coming into my room at night", "pupil", "dsl"),
        ("she came back from her uncles with no knickers on and wont say why", "parent", "dsl"),
        ("he says if i dont send more pics he will show my mum and everyone at school", "pupil", "dsl"),
        (
            "my nephew is panicking about vbucks, some gamer says if he doesnt pay he will show his parents",
            "parent",
            "dsl",
        ),
        ("it got physical between me and her dad last night and she saw all of it", "parent", "dsl"),
        (
            "he checks my phone and goes mad if I talk to the school, the kids are terrified of him",
            "parent",
            "dsl",
        ),
        ("my husband won't let me take her to the doctors even though her ear is bleeding", "parent", "dsl"),
        ("he says I'm not allowed to talk to teachers without him there", "parent", "dsl"),
        ("sorry hes tired, we had people round smoking weed in the front room till 3", "parent", "dsl"),
        (
            "picked up my daughter from a friends and there was a syringe on the kitchen floor",
            "parent",
            "dsl",
        ),
        ("my mum does medicine in her arm and then sleeps", "pupil", "dsl"),
        ("there was burnt foil and lighters all over the table when I did the home visit", "staff", "dsl"),
        ("theres men in and out of that flat all hours and the little one is always there", "parent", "dsl"),
        (
            "her dads been on the booze since friday and I have to go to work, she is with her "
            "brother who is 11",
            "parent",
            "dsl",
        ),
        (
            "he drew his mum asleep on the floor with loads of pills and said she won't wake up sometimes",
            "staff",
            "dsl",
        ),
        ("my neighbours kids were out till late on their own again, the little one is 5", "parent", "dsl"),
    ],
)
def test_round_65_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 65 (set CK, read): staff or a club worker adding children on an app and sending voice notes; a
    # coach who touched a child in the changing room; a child held in a cupboard while screaming; a young
    # child copying what a brother does; a man who keeps coming into a child's room; no knickers and "won't
    # say why"; a threat to show a parent unless the child pays; a row that "got physical"; a child frightened
    # of a controlling partner, a parent kept from the school or the doctor; drugs, needles, foil and lighters
    # at home; people in and out all hours; a carer "on it since Friday"; a parent asleep beside many pills;
    # children who "were out till late" (the guard for the writer's "we're out on the farm", read as "were",
    # holds only at a sentence's start)
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("im out at work all day so please ring after 5", "parent"),
        ("we're out on the farm till late in harvest, can the office email instead", "parent"),
        (
            "my daughter is begging for snapchat and I don't want to be the bad guy, what does "
            "school say about age",
            "parent",
        ),
        ("can i bring my phone? at my last school we handed them to the office in the morning", "pupil"),
        ("he plays rugby and comes home with bruises every week, can he bring his gum shield", "parent"),
        (
            "she's wetting the bed again, the GP says it's common, can she keep spare pants in her bag",
            "parent",
        ),
        ("she got stung by a wasp at the park, there's a red mark on her arm", "parent"),
        ("my 3 year old runs around the house naked after his bath, he may tell his class lol", "parent"),
        ("a child got a scratch from a bramble on the trip, cleaned and plastered", "staff"),
        ("their guinea pig died at the weekend so she might be sad", "parent"),
        ("can teachers follow pupils on TikTok or message them on Instagram?", "staff"),
        ("the boys got physical in the playground at football", "pupil"),
        ("it got physical in the rugby match but he's fine", "parent"),
        ("she's scared of the dentist and goes mad when we mention it", "parent"),
        ("the builders are in and out all hours doing our extension", "parent"),
        ("I've been on it since friday trying to fill in the form", "parent"),
        ("my nan takes lots of pills for her arthritis so she may forget to collect", "parent"),
        ("we did a lesson on smoking and drugs and it was gross", "pupil"),
        ("the dog keeps coming into her room at night", "parent"),
        ("my son keeps coming into our room at night since the thunderstorm", "parent"),
        (
            "the kids were playing, one was lying on top of the beanbag pile, thats what my brother does lol",
            "parent",
        ),
        ("if i dont pay the trip money by friday will he still go", "parent"),
        ("came home from swimming with no pants because she forgot them lol", "parent"),
        ("Office note: Mr Ahmed rang about the trip money, can someone call him back", "staff"),
        ("not happy with the rude reply Miss Reed sent me on the app last night", "parent"),
    ],
)
def test_round_65_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 65: blind83's three alerts (the writer "out on the farm all day", not wanting to be "the bad guy"
    # about an app, phones handed in to the office) and five of set CK's flags (rugby bruises every week,
    # bed-wetting the GP explained, a sting with a red mark, a small child naked after a bath, a scratch
    # cleaned and plastered, a pet that died); and the round's new rules read for what else their words mean
    # (a question about the rule, play in the playground or a match that "got physical", a child scared of the
    # dentist, builders in and out, a form "on it since Friday", a grandparent's tablets, a lesson on drugs, a
    # dog or a child coming into a room, trip money "if I don't pay", a parent who rang the office); and a
    # parent's complaint about a teacher's "rude reply … last night", which an older rule read as a member of
    # staff messaging a child at night
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "She's had toothache for weeks and her face is swollen on one side. Dad has been told three "
            "times and nothing has been done",
            "staff",
            "dsl",
        ),
        (
            "my neighbours lad has rotten teeth and is in agony, they've never taken him to a dentist",
            "parent",
            "dsl",
        ),
        (
            "the little boy from number 6 is only 5 and walks himself to school on his own every morning "
            "in the dark",
            "parent",
            "dsl",
        ),
        (
            "Ruby in Y3 has a bruise on her cheek and told me her stepdad did it, then said she fell off "
            "the bed",
            "staff",
            "dsl",
        ),
        (
            "my 12 year old keeps coming home with wads of cash and wont say where he's been, older lads "
            "pick him up in a car",
            "parent",
            "dsl",
        ),
        (
            "I cant cope with her anymore, someone needs to take her off my hands before I do something "
            "I'll regret",
            "parent",
            "dsl",
        ),
        (
            "whats the point of it all. she wont be coming in again, thank you for everything you did for "
            "her",
            "parent",
            "dsl",
        ),
        (
            "a mum told me at the gate she has pills stockpiled and cant see a way out, her two were with "
            "her",
            "staff",
            "dsl",
        ),
        (
            "their mum's gone off abroad with her boyfriend and left the kids with a 14 year old, been "
            "gone 5 days",
            "parent",
            "dsl",
        ),
        (
            "Jayden (Y5) said he looks after the baby on his own most evenings while mum is out and he "
            "doesnt know when shes back",
            "staff",
            "dsl",
        ),
        ("noone has made me dinner since friday", "pupil", "dsl"),
        ("my sister punchis me every day and dad dont care", "pupil", "dsl"),
        (
            "my ex took our son to Pakistan at half term and now says he is not coming back, I dont know "
            "what to do",
            "parent",
            "dsl",
        ),
        (
            "a girl in Y2 said her auntie is taking her on a plane to make her a woman and it will hurt a "
            "bit",
            "staff",
            "dsl",
        ),
    ],
)
def test_round_66_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 66 (set CL, read): toothache and a swollen face left untreated; a Reception child who walks
    # herself to school; an injury a child said a parent caused, then took back; an 11-year-old out late
    # with older men and home with cash; a parent who "can't cope" and asks that someone take the child
    # before they do something they regret; a parent's farewell ("what's the point of it all"); tablets
    # saved up; children left with a teenager while a parent is abroad; a child minding younger ones while
    # mum is away and may not come back; no food for days; a sibling's punches ("punchis") and a parent
    # who does not care; a child taken abroad "not coming back"; a lady who will "make her a woman" abroad
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dear Mr Hill, we would prefer he had his break so he can run off some steam, thanks", "parent"),
        ("if he loses one more jumper I'll kill him, can someone look in lost property", "parent"),
        ("im making my mum a present for mothers day can you keep it a secret", "pupil"),
        ("dont tell my dad but i smashed his favourite mug by accident", "pupil"),
        (
            "his toothache came back and nothing has been done yet because the dentist appointment isn't "
            "until Tuesday, can he leave at 2?",
            "parent",
        ),
        ("my reception daughter walks herself in from the gate now, so proud of her", "parent"),
        (
            "my son came home with a bag of cash from the car boot sale he ran, he's only 11 and very proud",
            "parent",
        ),
        (
            "can't cope with him any more lol he's been bouncing off the walls since he got the new "
            "trampoline",
            "parent",
        ),
        ("my mum took him to the park without telling me, I panicked for nothing. all fine now", "parent"),
        (
            "we took her abroad for half term and she's not coming back till Tuesday, sorry about the "
            "absence",
            "parent",
        ),
        ("nobody gave me breakfast today i'm starving lol can i have toast at breakfast club", "pupil"),
        ("we left the dog with the 15 year old from next door while we were in Spain for a week", "parent"),
        ("all photos on the class tablets saved up to the drive now", "staff"),
        ("we are saving up for tablets for christmas, which one does the school use", "parent"),
        (
            "no point anymore in sending the reading record, nobody signs it. thanks for everything anyway",
            "parent",
        ),
        ("my nan said she will take him off my hands for the weekend, can she collect on friday", "parent"),
        (
            "her face is swollen from the wasp sting, mum took her to the pharmacy, nothing to worry about",
            "parent",
        ),
        ("nobody has given me the dinner money form and it's been days", "parent"),
        ("she loves looking after the twins on her own while i get dinner ready, so sweet", "parent"),
        ("our childminder looks after the twins on her own on mondays", "parent"),
        ("her head is sore from the plaits, she says her dad did it too tight for the party", "parent"),
    ],
)
def test_round_66_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 66: four of set CL's flags (running off energy, "I'll kill him … can someone look", a present
    # kept secret from a parent, a broken or smashed mug owned up to) and the round's new rules read for what
    # else their words mean (a dentist booked, a proud parent, a car boot sale, a lively child, an outing
    # told late, a holiday's return, a missed breakfast, a pet left with a neighbour, class tablets, a reading
    # record, a grandparent's weekend, a wasp sting, a dinner-money form, a child who loves minding the
    # twins, a childminder, tight plaits); each guard the round wrote turns one of these red when it is taken
    # out, except the one for a present being made or bought, which CL's own set holds (FRESH_SETS)
    assert detector.detect(text, role=role) is None


@pytest.mark.parametrize(
    ("text", "role", "route"),
    [
        (
            "my sister's boy has been living with us since the summer, his mum's phone is off and I've no "
            "papers to say I'm in charge of him",
            "parent",
            "dsl",
        ),
        (
            "a lady brings a new girl in and says she's looking after her for a friend, no birth certificate "
            "and a different surname every time",
            "staff",
            "dsl",
        ),
        (
            "Leo hasn't been in school since October, the curtains closed all day and his mum's new boyfriend"
            " is a nasty piece of work",
            "parent",
            "dsl",
        ),
        (
            "i think the family are living in their car, the kids are in the back every morning",
            "parent",
            "dsl",
        ),
        (
            "Mum rang to say they are leaving the country tonight and hung up, both children have a social "
            "worker",
            "staff",
            "dsl",
        ),
        ("he is 8 and she leaves him on his own all night when she works nights", "parent", "dsl"),
        (
            "we got evicted last week and we're sleeping on my cousin's floor, the kids have had nothing to "
            "eat since yesterday",
            "parent",
            "dsl",
        ),
        ("my dad gives me the belt when im naughty", "pupil", "dsl"),
        ("mum says she can't come back till the marks have gone", "parent", "dsl"),
        ("his mum won't give him his insulin, she says she doesn't believe in it", "parent", "dsl"),
        (
            "my daughter goes live on tiktok at night and a man in the chat keeps asking her to show "
            "her feet",
            "parent",
            "dsl",
        ),
        ("the older boys made him lie in the road as an initiation", "parent", "dsl"),
        ("some year 9s beat him up after school and filmed it, it's all over snapchat", "parent", "dsl"),
        (
            "the head told me to leave out the concerns about that child from CPOMS",
            "staff",
            "chair_of_governors",
        ),
        ("the lady at breakfast club shook him really hard and shouted at him", "parent", "headteacher"),
        ("her stepdad grabbed her phone and hit her", "parent", "dsl"),
        (
            "the scout leader has been having boys back to his house for sleepovers with no other adults "
            "there",
            "parent",
            "dsl",
        ),
    ],
)
def test_round_67_disclosures_are_found_by_a_rule(
    detector: SafeguardingDetector, text: str, role: str, route: str
) -> None:
    # Round 67 (set CM, read): a child living with someone who is not a parent and nobody in charge (private
    # fostering); a child off school for weeks with the blinds down, or living in a car; a family leaving the
    # country with children on plans; a child of 8 left alone all night; a family evicted, on a floor with
    # nothing to eat; "the belt"; a child kept off "till the marks have gone"; medicine a parent "doesn't
    # believe in"; a child going live and strangers asking for things; an "initiation" in the road; a beating
    # filmed; the head asking for concerns to be left out; a club worker shaking a child hard; a parent who
    # took a phone "and hit her"; a leader's sleepovers with no other adults
    _assert_found_by_a_rule(detector, text, route, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "we've been approved as foster carers, a little girl is coming to live with us next month",
            "parent",
        ),
        (
            "for the online safety lesson I'll show them how going live works and why you never show "
            "your face",
            "staff",
        ),
        ("the kids got kicked out of the lesson for being silly and ended up sat on the floor", "parent"),
        ("she's going through a biting phase and left a bite mark on her brother's arm", "parent"),
        ("I've cut my hand on the guillotine, where is the staff accident book", "staff"),
        (
            "his meds haven't come in for a week because the pharmacy is out of stock, can he leave early",
            "parent",
        ),
        ("my dad got me the belt i wanted for my karate grading", "pupil"),
        ("we're looking after him for a friend this weekend, she's away at a wedding", "parent"),
        (
            "Sam hasn't been in school since Monday with chickenpox, we've had the curtains drawn all day "
            "so he can sleep",
            "parent",
        ),
        ("the head said to leave out the reading logs this week as the printer's broken", "parent"),
        ("my eldest is 17 and she's fine on her own till the morning when I'm on nights", "parent"),
        (
            "what if a child is living with us but we're not his parent, does the school need to know?",
            "parent",
        ),
        ("she was on live TV at the match and the presenter asked her to wave to the camera", "parent"),
        (
            "she hurt her knee in PE and was made to lie down in the medical room, is she ok to walk home",
            "parent",
        ),
        ("the scouts initiation ceremony was lovely, they made their promise in front of everyone", "parent"),
        ("my brother beat me up at fifa and filmed it for his mates", "pupil"),
        ("her dad was reversing out of the drive and hit her car, can she be a bit late", "parent"),
        ("we withdrew her from breakfast club because I'm working in town now", "parent"),
        ("he hasn't been in since Monday with flu, we've kept the curtains closed so he can rest", "parent"),
        (
            "I'm volunteering at the homeless shelter on Friday so my husband will pick up, they need sofa "
            "cushions if anyone has spares",
            "parent",
        ),
    ],
)
def test_round_67_look_alikes_raise_no_alarm(detector: SafeguardingDetector, text: str, role: str) -> None:
    # Round 67: two of set CM's flags (a toddler's biting phase, a hand cut on the laminator) and the round's
    # new rules read for what else their words mean (foster carers approved, an online-safety lesson on going
    # live, children sent out of a lesson, medicine the pharmacy has not got, a teenager alone overnight, a
    # karate belt, a friend's child for the weekend, chickenpox with the curtains drawn, reading logs left
    # out, a question about a child living with another family; and, read again before CI, live TV, a child
    # made to lie down after a fall, a scouts' ceremony, a beating "at fifa", a car hit while reversing,
    # breakfast club given up for work, flu with the curtains closed, a volunteer at a homeless shelter);
    # each turns red when the guard or narrowing written for it is taken out
    assert detector.detect(text, role=role) is None
