"""Decisions a careful person would make: complaints and staff conduct are passed on, with the route."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli.evaluate import load_question_set
from bot.common.text import fold
from bot.config import Config
from bot.core.engine import Engine
from bot.core.replies import Reply
from bot.matching.cues import asks_how_in_a_sentence
from tests.conftest import leading_topic, run_cli


@pytest.mark.parametrize(
    "text",
    [
        "the teacher shouted at my son and made him cry",
        "my daughter says her teacher picks on her every day",
        "I'm not happy with the way the class teacher speaks to my child",
        # round 12: real parents' words ("bullied by his teacher", "being rude to")
        "Lately my son keeps saying he is bullied by his teacher and he cries before school",
        "the teacher was rude to my daughter at pick up again today",
    ],
)
def test_a_member_of_staffs_conduct_toward_a_child_is_offered_to_the_office(
    engine_both_ways: Engine, text: str
) -> None:
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)
    assert reply.offer_forward


@pytest.mark.parametrize(
    "text",
    [
        "What can I do if I'm not satisfied with how my complaint was handled?",
        "the head has ignored my complaint for a month, who's next?",
    ],
)
def test_unhappy_with_a_complaint_gets_the_complaint_route_and_an_offer_to_forward(
    engine_both_ways: Engine, text: str
) -> None:
    reply = engine_both_ways.ask(text, "parent")
    if reply.action == "answer":  # the Complaints Procedure's next stage, with the forward button
        assert reply.policy == "Complaints Procedure", (reply.action, reply.topic)
        assert "governors" in reply.text and "fwd" in [o.payload for o in reply.options]
        return
    assert reply.action == "forward", (reply.action, reply.topic)
    assert "governors" in reply.text
    assert reply.offer_forward


@pytest.mark.parametrize(
    ("text", "role", "wrong"),
    [
        ("all my friends have got snap why cant i", "pupil", "pupil_friending_staff"),
    ],
)
def test_words_picking_a_topic_the_meaning_ranks_low_ask_instead_of_answering(
    engine: Engine, text: str, role: str, wrong: str
) -> None:
    reply = engine.ask(text, role)
    assert reply.action == "clarify", (reply.action, reply.topic)
    assert f"t:{wrong}" in {o.payload for o in reply.options}


UNIFORM_STORY = (
    "I'm posting this on behalf of a friend. Her daughter's school has sent her a letter regarding uniforms. "
    "Basically, as long as children wore the school colours, parents could buy uniforms from any retailer. "
    "But now the school is asking parents to buy jumpers with the school badge (which can only be purchased "
    "from the school). Are schools allowed to do this? (This is not a private school, just the local primary)"
)


def test_a_question_sentence_alone_does_not_answer_when_the_whole_message_points_elsewhere(
    engine_both_ways: Engine,
) -> None:
    reply = engine_both_ways.ask(UNIFORM_STORY, "parent")
    assert reply.action != "answer", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "whats the date of the year 6 leavers assembly",
        "what's the best phone for a 10 year old",
        "can i get a copy of the school calendar",
    ],
)
def test_words_only_does_not_answer_a_loose_word_match(words_only_engine: Engine, text: str) -> None:
    reply = words_only_engine.ask(text, "parent")
    assert reply.action != "answer", (reply.action, reply.topic, reply.confidence)


@pytest.mark.parametrize("word", ["facebook", "whatsapp", "tiktok"])
def test_one_word_that_several_topics_share_asks_instead_of_answering(engine: Engine, word: str) -> None:
    reply = engine.ask(word, "parent")
    assert reply.action == "clarify", (reply.action, reply.topic)


def test_one_word_that_belongs_to_one_topic_is_answered(engine: Engine) -> None:
    reply = engine.ask("cyberbullying", "parent")
    assert (reply.action, reply.topic) == ("answer", "cyberbullying_policy")


def test_bullying_alone_is_offered_the_online_bullying_section(engine: Engine) -> None:
    # Round 22: the section `needs` a word of something online; "bullying" alone may be the anti-bullying
    # policy's, so the section is offered first rather than given as the answer.
    reply = engine.ask("bullying", "parent")
    assert reply.action == "clarify"
    assert reply.alternatives[0].topic == "cyberbullying_policy"


@pytest.mark.parametrize(
    "text",
    [
        "i would like to make a formal complaint please",
        "i'd like to make a formal complaint about a member of staff",
    ],
)
def test_saying_outright_that_you_want_to_complain_starts_a_concern(
    engine_both_ways: Engine, text: str
) -> None:
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Patel left a nasty comment under my facebook post about the school fair. I want to report it.",
        "the lollipop man swore at my kids this morning, i want it looked into",
        "Our class page shows the children's faces with their full names, I want someone to deal with this",
    ],
)
def test_wanting_something_done_now_is_offered_to_the_office_whatever_the_story_is_about(
    engine_both_ways: Engine, text: str
) -> None:
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


def test_wanting_to_complain_while_asking_how_is_not_just_forwarded(engine: Engine) -> None:
    reply = engine.ask("i want to complain about the headteacher, who do i write to", "parent")
    assert reply.action != "forward" and "complaints_about_headteacher" in [reply.topic, *reply.alternatives]


def test_every_run_decides_the_same_whatever_the_hash_seed() -> None:
    """Scores are sums over sets of words, whose order changes with Python's hash seed: a score that lands
    exactly on a threshold must not flip between answering and asking from one run to the next."""
    questions = Path(__file__).parent / "questions.yaml"
    runs = [run_cli("eval", str(questions), env={"PYTHONHASHSEED": seed}, timeout=120) for seed in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout


def test_an_unsure_story_offers_the_neighbouring_sections_too(engine: Engine) -> None:
    """A real message that tells a story scores low everywhere; the bot lists the sections that come near
    (down to clarify_threshold) rather than a single guess, so the right one is more often among them."""
    text = (
        "We went to the Christmas fair and loads of parents were filming the choir. By the evening it was "
        "all over the village group. I didn't agree to any of that."
    )
    reply = engine.ask(text, "parent")
    assert reply.action == "clarify"
    offered = [o.payload for o in reply.options if o.payload.startswith("t:")]
    assert "t:parents_photos" in offered
    assert len(offered) >= 2, offered


UNSURE_STORY = (
    "Someone in the class WhatsApp keeps posting nasty things about one of the teachers and now it's "
    "spreading. What can the school actually do?"
)


def test_did_you_mean_offers_four_sections_by_default_in_ranked_order(engine: Engine) -> None:
    """Real messages often touch several sections: on the development sets of real questions the right one
    was fourth for 3–7% of them, so four are offered (the best scored first), then "None of these"."""
    reply = engine.ask(UNSURE_STORY, "parent")
    assert reply.action == "clarify"
    offered = [o.payload for o in reply.options if o.payload.startswith("t:")]
    assert offered == [f"t:{c.topic}" for c in reply.alternatives[:4]]
    assert reply.options[-1].payload == "fwd:none"


def test_max_options_sets_how_many_sections_are_offered(config: Config) -> None:
    three = Engine.load(replace(config, matching=replace(config.matching, max_options=3)))
    reply = three.ask(UNSURE_STORY, "parent")
    offered = [o.payload for o in reply.options if o.payload.startswith("t:")]
    assert offered == [f"t:{c.topic}" for c in reply.alternatives[:3]]
    assert len(reply.alternatives) == 4  # the best, and the alternatives a reply lists


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "We had the nativity last week and my daughter was an angel. The hall was packed and it was very "
            "hot. Loads of parents filmed it and one dad has posted the whole video on YouTube with every "
            "child's face in it. Is that allowed?",
            "parents_photos",
        ),
        (
            "My daughter turns ten next week and we are planning a party. She wants a phone more than "
            "anything. All her friends are on Snapchat and she feels left out. What does the school say "
            "about this?",
            "pupils_age_appropriate",
        ),
    ],
)
def test_a_story_with_a_vague_question_ranks_the_topic_its_subject_sentence_names(
    engine: Engine, text: str, expect: str
) -> None:
    """The asking sentence alone ("Is that allowed?") names no topic and the story around the subject pulls
    elsewhere: the subject sentence, not the story or the bare question, decides the first topic."""
    match = engine.matcher.match(text, "parent")
    assert [s.key for s in match.ranked[:1]] == [expect], match.ranked[:3]


def test_a_forwarded_message_that_asks_something_also_offers_the_sections_that_may_answer_it(
    engine: Engine,
) -> None:
    reply = engine.ask("Can governors just ignore complaints?", "parent")
    assert reply.action == "forward", (reply.action, reply.topic)
    payloads = [o.payload for o in reply.options]
    assert payloads[0] == "fwd"  # passing it on stays the first offer
    assert "t:complaints_about_governor" in payloads
    assert "A complaint about a governor" in reply.text


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("heads reply to my complaint was rubbish. can i appeal", "complaints_stage_two"),
        ("if i email my complaint to the office how long till i hear back", "complaints_stage_one"),
        # round 40: what others may do, and when to hear back, asked mid-message without a question mark
        (
            "the office says they need longer to look at my complaint r they allowed to",
            "complaints_timescales",
        ),
        ("can ofsted change the governors decision on my complaint", "complaints_after_panel"),
        ("sent my complaint in last week, when will we hear back", "complaints_timescales"),
    ],
)
def test_a_forward_that_asks_without_a_question_mark_also_offers_its_section(
    engine: Engine, text: str, section: str
) -> None:
    # Round 14: "can i appeal" and "how long till" ask something although no sentence opens with a question
    # word and there is no question mark: 18 forwards of the development sets list their sections now, 16 of
    # them policy questions.
    reply = engine.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)
    payloads = [o.payload for o in reply.options]
    assert payloads[0] == "fwd" and f"t:{section}" in payloads, payloads


@pytest.mark.parametrize(
    "text",
    [
        "please forward this to the office",
        "can someone from the office ring me",
        "can i speak to the head",
        "can the head ring me today about my complaint",
        "can the head please ring me about my complaint",
        "could the school let me know when my complaint will be looked at",
    ],
)
def test_a_plain_request_for_a_person_is_offered_only_the_office(engine: Engine, text: str) -> None:
    reply = engine.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)
    assert [o.payload for o in reply.options] == ["fwd"]


@pytest.mark.parametrize(
    "text",
    [
        "can the head ring me today pls, it's about the dinner money being wrong again",
        "could you ask my son's teacher to phone me after school",
        "I want a meeting with the head asap",
        "pls pass on to the head that I'm not happy with how sports day was run",
    ],
)
def test_asking_for_a_person_when_no_section_fits_is_passed_on_not_answered_with_sorry(
    engine: Engine, text: str
) -> None:
    reply = engine.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)
    assert reply.offer_forward


@pytest.mark.parametrize(
    "text",
    [
        "can you tell mrs patel that leo has his inhaler in his bag today",
        "can u tell sir i forgot my pe kit",
        "Could we have a meeting with Mr Khan about the reading scheme?",
        "i need to speak to someone about the nativity photos being on facebook",
        "please let the class teacher know about the facebook photos from the trip",
        "can you let the office know the panel hearing date doesn't work for us",
        "please let his teacher know about the nasty messages on whatsapp last night",
    ],
)
def test_a_message_for_a_member_of_staff_or_a_meeting_with_one_is_passed_on(
    engine: Engine, text: str
) -> None:
    # Round 9 (blind set 11): a message to pass on, a meeting asked for, or "I need to speak to someone"
    # about something no section covers fell back or was answered with a policy section. Round 10 (blind set
    # 12): a message for a member of staff named by role ("please can you let the clerk know…") was answered
    # with a section that fits its words, because the cue was not firm.
    reply = engine.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


def test_a_forwarded_heading_offers_the_sections_beside_the_button_and_a_request_does_not(
    engine: Engine,
) -> None:
    # Round 10 (real questions): a page heading or search ("Making a complaint about a school") is forwarded
    # for its wording but names a subject; it now gets the sections too. "I want to make a complaint" asks
    # for a person and gets only the button.
    heading = engine.ask("Making a complaint about a school", "any")
    assert heading.action == "forward"
    assert "t:complaints_procedure" in [o.payload for o in heading.options], heading.options
    request = engine.ask("i want to make a complaint", "parent")
    assert request.action == "forward"
    assert [o.payload for o in request.options if o.payload.startswith("t:")] == [], request.options


@pytest.mark.parametrize("name", ["blind/blind10.yaml", "real/real_fresh7.yaml"])
def test_no_answer_is_given_with_a_fused_confidence_under_the_floor(engine: Engine, name: str) -> None:
    # Round 10: the words alone could turn "Did you mean…" into an answer at any fused score, and under 0.30
    # only 7 of 10 such answers were right ("someone is posting lies about me on my Facebook wall" was
    # answered with the section on unreasonable complaints at 0.26).
    questions = load_question_set(Path(__file__).parent / name).questions
    answers = [
        (q.text, r.confidence) for q in questions if (r := engine.ask(q.text, q.role)).action == "answer"
    ]
    assert [(text, c) for text, c in answers if c < 0.30] == []


def test_a_question_no_section_fits_without_asking_for_a_person_still_falls_back(engine: Engine) -> None:
    assert engine.ask("what's for lunch on friday", "parent").action == "fallback"


def _sections(reply: Reply) -> list[str]:
    return [o.payload[2:] for o in reply.options if o.payload.startswith("t:")]


def _answers_or_offers_first(reply: Reply, topic: str) -> bool:
    """The reply answers with `topic`, or offers it as the first section."""
    return reply.topic == topic or _sections(reply)[:1] == [topic]


def test_a_question_that_comes_close_to_a_section_falls_back_with_that_section_listed(engine: Engine) -> None:
    # Round 11: when the out-of-scope examples narrowly beat every section, "I can't find an answer" lists the
    # sections that came close beside the offer to ask the office (blind set 13: "is what the governors decide
    # final?" read like "when is the next governors' meeting?").
    reply = engine.ask("does anyone get a say after the governors meet", "parent")
    assert reply.action == "fallback"
    assert "complaints_after_panel" in _sections(reply)
    assert reply.options[0].payload == "fwd"
    assert engine.knowledge.topics["complaints_after_panel"].title in reply.text


@pytest.mark.parametrize(
    "text",
    ["when is the next PTA meeting", "who runs the after school football club", "what time is pickup"],
)
def test_a_question_far_from_every_section_falls_back_without_listing_any(engine: Engine, text: str) -> None:
    reply = engine.ask(text, "parent")
    assert reply.action == "fallback"
    assert _sections(reply) == []
    assert "come close" not in reply.text


def test_the_school_can_switch_the_related_sections_off(config: Config) -> None:
    engine = Engine.load(replace(config, matching=replace(config.matching, related_margin=0.0)))
    reply = engine.ask("does anyone get a say after the governors meet", "parent")
    assert reply.action == "fallback"
    assert _sections(reply) == []


@pytest.mark.parametrize(
    "text",
    [
        "We are writing to request a copy of our son's end of year report, which never arrived.",
        "Could you confirm the date of the Year 6 leavers assembly?",
        "Please could you send me the form for free school meals",
        "Dear Mrs Patel, please would you let Sam leave at 2pm on Friday for his grandad's birthday lunch.",
        "Hi Mr Jones, seeing you at the gate reminded me I wanted to talk to you about the reading books.",
    ],
)
def test_a_letter_or_note_asking_the_school_to_do_something_is_passed_on(engine: Engine, text: str) -> None:
    # Round 11: requests written as letters ("Please advise me…", "Could you remind me…", real set 8), and
    # notes that open "Dear Mr Smith" or "Hi, Mr …" (real set 9), fell back with "I can't find an answer" when
    # no section fitted; they want a person at the school.
    assert engine.ask(text, "parent").action == "forward"


def test_please_advise_after_a_policy_question_still_gets_the_answer(engine: Engine) -> None:
    reply = engine.ask("can i post pics of the nativity on fb please advise", "parent")
    assert (reply.action, reply.topic) == ("answer", "parents_photos")


@pytest.mark.parametrize(
    "text",
    [
        "can i post photos of the school trip on my insta",
        "is it ok to put the school trip photos on my instagram",
    ],
)
def test_an_answer_written_for_another_role_is_offered_not_given(engine: Engine, text: str) -> None:
    # Round 11 (blind set 14): a parent was told the staff rule on event photos outright.
    reply = engine.ask(text, "parent")
    assert reply.action == "clarify", (reply.action, reply.topic)
    assert "parents_photos" in _sections(reply)


def test_the_same_question_from_the_role_it_is_written_for_is_answered(engine: Engine) -> None:
    reply = engine.ask("can i put the photos from the class trip on my instagram story", "staff")
    assert (reply.action, reply.topic) == ("answer", "staff_event_pictures")


@pytest.mark.parametrize(
    "text",
    [
        "please pass on to the head that I'd like a word about setting up a class blog",
        "Please pass on to Mrs Khan that I need to discuss the class twitter account",
    ],
)
def test_please_pass_on_is_a_message_for_a_person_even_about_a_policy_subject(
    engine: Engine, text: str
) -> None:
    # Round 11 (blind set 14): "Please pass on to the head that I'd like a quick meeting about my class blog
    # idea" was answered with the section on class blogs.
    assert engine.ask(text, "staff").action == "forward"


@pytest.mark.parametrize(
    ("text", "role", "topic"),
    [
        # round 11 (blind set 14): a fake account pretending to be a pupil is online bullying
        ("a girl in my class made a fake account of me on tiktok", "pupil", "cyberbullying_policy"),
        # round 12: the written sets' commonest confusions, asked "Did you mean…" or answered with a
        # neighbouring section (the teacher's ten days read as "not happy after the teacher") until examples
        (
            "is it alright to join pupils in an online game of minecraft after school",
            "staff",
            "staff_friending_pupils",
        ),
        (
            "can i ring the class teacher about a worry rather than coming in",
            "parent",
            "complaints_informal_stage",
        ),
        ("how many days does the teacher get to sort out a concern", "parent", "complaints_informal_stage"),
        (
            "a girl in my class showed me nasty messages from classmates in a chat, what policy applies",
            "staff",
            "cyberbullying_policy",
        ),
        (
            "am I allowed to have a moan about work in a private whatsapp group",
            "staff",
            "staff_derogatory_comments",
        ),
        # round 13: a complaint about the head goes to the chair of governors (the section on complaints about
        # governors won on "chair of governors")
        ("is it the chair who handles complaints about the head", "parent", "complaints_about_headteacher"),
    ],
)
def test_questions_the_rounds_added_examples_for_are_answered(
    engine: Engine, text: str, role: str, topic: str
) -> None:
    reply = engine.ask(text, role)
    assert (reply.action, reply.topic) == ("answer", topic), (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "my daughters teacher accepted her friend request on facebook is that ok",
        "should a teacher be friends online with the children in her class",
    ],
)
def test_a_parent_asking_about_staff_and_their_own_child_online_is_given_the_rule_on_pupils(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 13: parents asking about a teacher and their child online were answered with the parents' own
    # section, which said only "please don't add staff"; it quotes the rule on pupils too now.
    reply = engine_both_ways.ask(text, "parent")
    assert (reply.action, reply.topic) == ("answer", "parent_friending_staff"), (reply.action, reply.topic)
    assert "online communication with pupils" in reply.text
    assert "The same goes for your child" in reply.text


@pytest.mark.parametrize(
    "text", ["is it ok if parents follow staff on insta", "can us parents follow staff on insta"]
)
def test_a_parent_is_answered_though_the_staff_side_of_a_rule_the_answer_quotes_comes_close(
    engine: Engine, text: str
) -> None:
    # Round 13: the parents' section quotes the rules on parents and on pupils; staff's section on parents
    # (one of those rules, from the other side) coming close is no reason to ask a parent "Did you mean…".
    reply = engine.ask(text, "parent")
    assert (reply.action, reply.topic) == ("answer", "parent_friending_staff"), (reply.action, reply.topic)


def test_someone_who_has_not_said_who_they_are_is_asked_which_side_of_the_friending_rules(
    engine: Engine,
) -> None:
    # Round 13: the parents' answer quotes every rule of the pupils' and staff's sections, but only a parent
    # is answered with it outright.
    reply = engine.ask("friend request", "any")
    assert reply.action == "clarify", (reply.action, reply.topic)
    assert {"parent_friending_staff", "pupil_friending_staff"} <= set(_sections(reply))


def test_asking_to_talk_to_the_safeguarding_lead_is_passed_on(engine_both_ways: Engine) -> None:
    # Round 13: "i need to talk to the safeguarding lead" was asked "Did you mean…" with sections on the law;
    # on the development sets "i need to speak to the safeguarding lead about a worry" left the forwards
    # whenever examples nearby changed.
    reply = engine_both_ways.ask("i need to talk to the safeguarding lead", "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("could someone ring me about my complaint, my number is on file", "parent"),
        ("i want to tell a grown up that a boy in my class keeps being mean to me online", "pupil"),
    ],
)
def test_asking_for_a_call_or_a_grown_up_is_passed_on(engine_both_ways: Engine, text: str, role: str) -> None:
    # Round 14 (blind set 18): a call asked for beside "on file" was asked about the records section, and a
    # pupil who wants to tell a grown-up got "I can't find an answer".
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "i need to talk to the head about my sons teacher",
        "I got the guidance counsellor again and her answers were not good enough. "
        "can I talk to the principal?",
    ],
)
def test_asking_to_talk_to_the_head_in_other_words_is_passed_on(engine_both_ways: Engine, text: str) -> None:
    # Round 15 (blind5, real_fresh3): the cues said "speak to the head(teacher)" only; "talk to the head" and
    # "the principal" were asked "Did you mean…" with the sections on raising a concern.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "a teacher put a photo of my daughter on her own instagram, please get someone to contact me today",
        "I want to formally report the behaviour of a teaching assistant at the Christmas fair",
    ],
)
def test_asking_for_someone_to_be_sent_or_to_call_is_passed_on(engine_both_ways: Engine, text: str) -> None:
    # Round 16 (blind set 20): "please get someone to contact me today" and "I want to formally report…"
    # were asked "Did you mean…" with a section's options.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "the light in the year 3 cloakroom has been flickering for a week, can someone sort it",
        "someone has made a school instagram page with our badge on it, can the school get it taken down",
    ],
)
def test_asking_for_someone_to_put_a_thing_right_is_passed_on(engine_both_ways: Engine, text: str) -> None:
    # Round 17 (blind set 21): "the side gate is broken again, can sum1 sort it" fell back, and "can the
    # office get it taken down" was asked "Did you mean…"; nothing in the policies answers a repair or a
    # take-down.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want the process explained, I just want to talk to Mr Lee. Could you book me in on Friday?",
        "grandad is collecting milo after school today, can u let class 2 know",
        "we have a new address now, please update our records",
    ],
)
def test_asking_to_be_booked_in_or_for_a_message_or_records_to_be_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 18 (blind set 22): "can you book me in with her this week" was asked "Did you mean…" with the
    # complaints procedure; "nan is picking up evie today, can u let class 3 know" and "could you please
    # update Ruby's records" fell back. Nothing in the policies does any of these.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "theres a post on the village fb page naming one of our TAs, can sum1 get it taken down",
        "Please can you pass this on to Mrs Whitfield, the head. I wish to make a formal complaint about "
        "my daughter Sophie being left out of the Year 4 class photo because she was at her violin lesson "
        "and nobody arranged a retake, despite my email beforehand. I'd like this logged as a formal "
        "complaint today and a response in writing.",
        "Hi, I'm the supply TA covering Year 3 this week. I still don't have a login for the staff system "
        "and I need to sort out my timesheet with the office manager before Friday or I won't get paid "
        "this month. Could you ask her to come and find me or give me a call at break?",
    ],
)
def test_asking_for_a_post_taken_down_a_message_passed_on_or_a_member_of_staff_asked_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 19 (blind set 23, read this round): each was asked "Did you mean…" with a section (the policy on
    # raising concerns, Stage 1, staff discipline). Each asks the bot to have someone do something.
    reply = engine_both_ways.ask(text, "staff")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "the zebra crossing light outside the juniors is broken, somebody needs to sort it",
        "my sons photo is on the class blog and we opted out, can somebody take it down please",
        "can the office tell mrs patel i need a word at pick up",
    ],
)
def test_a_repair_a_take_down_or_a_message_for_the_head_asked_of_anyone_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 20 (blind set 24, read this round): "the gate by the car park is broken again, sum1 needs to fix
    # it" and "can the office pls tell the head i need 5 mins with her today" fell back; "please could someone
    # take it down today" fell back with the photos section. Each asks for someone to act.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "can someone ask the head if our class can have a non-uniform day for charity",
        "we've moved house, could you update it on her records please",
        "my mobile has changed, can you update it on his records",
    ],
)
def test_a_question_for_the_head_or_a_detail_for_the_records_asked_of_anyone_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 21 (blind set 25, read this round): a pupil's "can someone ask the head if we can do it" fell back
    # and "got a new phone number can u update it on his records" was offered the complaints records section.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("my brother shared a screenshot of a teacher in the group, pls report it to the head", "staff"),
        ("report this pls someone in year 4 keeps posting a video of a fight", "parent"),
        ("pls get the head to ring me, its about the parents group chat", "parent"),
        ("I've printed the messages, could you make sure these get to the head before Friday", "staff"),
    ],
)
def test_something_to_report_or_pass_to_the_head_for_the_writer_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 22 (blind set 26, read this round): "please report it to the head", "report this pls" and "pls get
    # the head to ring me" were offered sections (the misuse-reporting rule, the photos rule).
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "my son is being bullied at school what can i do",
        "my son is being bullied by a boy in his class what should i do",
    ],
)
def test_bullying_with_nothing_online_is_offered_the_online_bullying_rule_not_answered_with_it(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 22: the online-bullying section `needs` a word of a phone, an app or the internet. Answered
    # without one, 7 of its 8 answers on the development sets were wrong (bullying at school is the
    # anti-bullying policy's); it stays among the options.
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action != "answer", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "my daughter is being bullied on whatsapp by girls in her class",
        "how does the school deal with cyberbullying",
        "cyberbulling help",
        "kids in his class made a gc to leave him out",
    ],
)
def test_online_bullying_named_in_any_way_is_still_answered(engine_both_ways: Engine, text: str) -> None:
    reply = engine_both_ways.ask(text, "parent")
    assert (reply.action, reply.topic) == ("answer", "cyberbullying_policy")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("school says they need more time on my complaint is that allowed", "complaints_timescales"),
        (
            "i emailed my complaint to the head ten days ago and heard nothing back is that normal",
            "complaints_timescales",
        ),
    ],
)
def test_a_complaint_passed_on_with_is_that_allowed_is_offered_its_section_beside_the_person(
    engine_both_ways: Engine, text: str, topic: str
) -> None:
    # Round 22 (blind set 26): "…is that allowed" and "…is that normal" ask about something without a
    # question mark; passed on for "my complaint", they were given no section beside the offer of a person.
    reply = engine_both_ways.ask(text, "parent")
    offered = [o.payload for o in reply.options if o.payload.startswith("t:")]
    assert reply.action == "forward" and f"t:{topic}" in offered, (reply.action, offered)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Round 22 (blind set 29, read at once): "please ask someone to call me - I need help writing a
        # complaint" was answered with the help-to-write section, and "please tell mrs green someone made a
        # fake account of me" with the online-bullying rule.
        ("please ask someone to phone me - i need a hand writing my complaint down", "parent"),
        ("please log this with the office: a parent has posted my home address in the class group", "staff"),
        ("please tell mrs patel someone keeps making a fake snapchat of me", "pupil"),
        # Round 23 (blind set 27): "pls get it taken down" (not "can someone get it taken down"), "pls deal
        # with it", "can you flag to the head…" and a complaint e-mail's own words were offered sections or
        # answered.
        ("theres a video of my son from the tournament on the pta page, pls get it taken down", "parent"),
        ("a dad keeps posting rude stuff about staff in the whatsapp, please deal with it", "staff"),
        ("can you flag it to the head that a parent sent me a friend request on facebook", "staff"),
        (
            "Please treat this letter as my formal complaint about how lunchtimes are supervised. I would"
            " like this investigated.",
            "parent",
        ),
        # Round 24 (blind set 28): "please can someone take down the sports day photo" (the photo named before
        # "down"), "get it removed please" and "could someone ask them to take it down" were offered sections.
        ("could someone please take down the photo of my daughter from the class blog", "parent"),
        ("the pta posted a picture of my son without asking, get it removed please", "parent"),
        (
            "There's a photo of my son on another parent's public Instagram from the school play. Could"
            " someone please ask them to remove it?",
            "parent",
        ),
        # Round 25 (blind set 30): "someone needs to deal with it", "tell someone in charge", a letter the
        # office is asked to forward on to the clerk and a message for a class were offered sections.
        ("theres a tiktok account pretending to be our teacher, someone needs to deal with it", "parent"),
        ("a fake page is posting pictures of the pupils, can you tell someone in charge today", "parent"),
        ("a parent gave me her complaint at the gate, could the office forward it on to the clerk", "any"),
        ("please let year 3 know her grandad is picking her up today", "parent"),
        # Round 25 (blind set 35, a probe read at once): in second-language English, a photo to be removed and
        # a message for the class teacher were offered sections.
        ("Respected sir, please remove my son photo from the class page, we not give permission", "parent"),
        ("Please tell class teacher Amir go to dentist at 2 o clock", "parent"),
        # Round 26 (blind set 32, read this round): a post to be flagged to the office with someone senior
        # wanted, and a governor's message for the clerk, were offered sections.
        ("can you flag to the office that a parent posted my photo online, it needs someone senior", "staff"),
        ("governor here, please ask the clerk to ring me about moving the hearing", "any"),
        # Round 26 (the blind38 probe, read at once): requests in words no list of phrases held, now read as
        # patterns (intents.yaml's firm_requests), even beside a question of the writer's own.
        ("Is the class page private? Could someone from the school please text me back tonight", "parent"),
        ("could you ask Miss Reid to ring me after 4, it's about her comments on the class page", "parent"),
        (
            "honestly im fed up, I'd really like someone from school to phone me about the group chat",
            "parent",
        ),
        ("there's a video of my son on the PTA page. I want it taken down please", "parent"),
        ("please can someone get that picture of Ava off the year 2 blog", "parent"),
        (
            "Quick q, where is the complaints form on the website? Actually never mind, I've filled it in,"
            " can I send it to you and you pass it to the head?",
            "parent",
        ),
        # Round 27 (blind set 34, read this round, and the blind40 probe): someone from SLT or the office
        # asked to ring someone; "please get someone to sort it"; "please someone from school check this … and
        # take it down"; the head asked to see a post and have it removed; "kindly inform the class teacher".
        ("Can someone from SLT ring the two mums today please, the group chat row is getting worse", "staff"),
        ("please get someone to sort it, a dad keeps posting about Mrs Lee on Facebook", "parent"),
        ("PLEASE SOMEONE FROM SCHOOL CHECK THIS VIDEO OF THE YEAR 6 FIGHT AND TAKE IT DOWN", "any"),
        ("A parent has put a post up about me. I want the head to see it and ask for it removed", "staff"),
        ("kindly inform the class teacher that Amira will be off on Friday for Eid", "parent"),
        # Round 28 (blind set 37, read this round, and the blind42 probe): "let the school know", "let the
        # head know", a complaint to be logged for the writer, something to be chased up, a message for "my
        # teacher".
        (
            "a mum keeps posting lies about Mrs Patel in the class whatsapp, could you let the school know so"
            " they can sort it",
            "parent",
        ),
        (
            "I shared the Y2 trip photos on my own Instagram by mistake and deleted them, can someone let the"
            " head know so I can explain",
            "staff",
        ),
        (
            "the class page shows our surname on the photos, can you log it for me and tell me when it's"
            " fixed",
            "parent",
        ),
        ("Please can the office chase it up, I still haven't heard about the panel date", "parent"),
        ("can you tell my teacher my mum is picking me up", "pupil"),
        # Round 29 (blind set 39, read this round): the DSL asked to be told; "can you tell them" of the
        # office
        ("Could you let the DSL know I need a word after school about a post I saw", "staff"),
        ("can you tell them somebody is pretending to be me on snapchat", "pupil"),
        # Round 30 (the blind46 probe, and blind set 41, read this round): requests typed in a hurry with no
        # one named, and "please report to the head that…"
        ("pic of my daughter on a stranger's insta page, get it down asap", "parent"),
        ("someone made a fake page with the school logo, pls report it", "any"),
        ("a parent shared my holiday photo in the class chat, want it removed", "staff"),
        ("horrible comments about Mr Shah on the village group - remove pls", "any"),
        (
            "could you please report to the head that the class whatsapp is sharing screenshots of a child's"
            " reading book",
            "parent",
        ),
        # Round 31 (blind set 43, read this round, and the blind48 probe): a photo of one's own child named
        # before "down"; the bot asked to ask the school; "log this with the office"; "needs flagging"; "I
        # would
        # like this passed to you"; "please could it be taken down"; "can someone get it removed"; "please can
        # this go to her"
        (
            "Could somebody please take my grandson's picture down from the class blog? His dad never agreed"
            " to it.",
            "any",
        ),
        ("please ask the school to remove my son's video from the website, we said no to filming", "parent"),
        (
            "Can you log this with the office please: a parent's Facebook post names our lunchtime "
            "supervisor."
            " Needs flagging.",
            "staff",
        ),
        (
            "A parent has posted on the village page that I shout at the children, which is untrue. I would"
            " like this passed to the head.",
            "staff",
        ),
        (
            "A photo of my son is on the PTA's page from the summer fair. We said no on the consent form."
            " Please could it be taken down today?",
            "parent",
        ),
        (
            "Am I right that I can report this through you? A parent has called me lazy on the school's"
            " Instagram. Can somebody get it taken down please.",
            "staff",
        ),
        (
            "Just checking it's the head I report this to? A colleague posts classroom videos with pupils'"
            " faces on her public account. Please can this go to her today.",
            "staff",
        ),
        # the "to" left out, as in blind set 35 (second-language English)
        ("we want make official complaint about teacher, she shout to my son", "parent"),
        ("I want make complaint about the lunch lady, she shout", "parent"),
    ],
)
def test_a_request_for_someone_to_act_in_the_words_these_sets_used_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


def test_a_teachers_shorthand_for_a_year_group_reads_as_pupils(engine_both_ways: Engine) -> None:
    # Round 27 (the blind40 probe): "my Y6s", written as one word, was not a word for pupils
    # (language.yaml), and on words alone the follow requests ranked the section on staff and parents first.
    reply = engine_both_ways.ask(
        "a couple of my Y5s have sent me follow requests on insta, should I accept?", "staff"
    )
    first = reply.topic or reply.alternatives[0].topic
    assert first == "staff_friending_pupils", (reply.action, reply.topic)


def test_a_suspension_is_read_as_an_exclusion_whose_review_is_its_own_procedure(
    engine_both_ways: Engine,
) -> None:
    # Round 22: England's guidance now calls a fixed-term exclusion a suspension (language.yaml); "he got a
    # suspension" ranked the complaints procedure, and with it raising concerns, above the section that says
    # suspensions have their own review.
    reply = engine_both_ways.ask(
        "he got a suspension for fighting, can i complain to the school about it", "parent"
    )
    first = reply.topic or reply.alternatives[0].topic
    assert first == "complaints_other_procedures", (reply.action, reply.topic)


def test_asking_for_a_person_in_text_speak_is_passed_on(engine_both_ways: Engine) -> None:
    # Round 14 left it: forward cues are read on the folded message, so "sum1" never met "can someone ring me"
    # and the records section ("on file") was offered. language.yaml's `text_speak` reads such words as words.
    reply = engine_both_ways.ask("pls can sum1 ring me about my complaint, number is on file", "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


LONG_STORY = (
    "I started as a teaching assistant in September and one of the mums from Year 2 has been really lovely, "
    "we chat at the gate most mornings and she even brought me a card at half term. Last night she sent me a "
    "friend request on Facebook. I do like her, but I am not sure what I am supposed to do. Am I allowed to "
    "accept it?"
)


def test_a_long_story_answers_from_the_long_message_threshold(config: Config) -> None:
    # Round 14: a long message's fused score is spread over its story (on the development sets, written
    # questions of 30–49 words scoring 0.40–0.45 were right 22 times in 22, over 50 words 40 in 41). This
    # 68-word story ranks the right section first at 0.37: it is answered once long messages answer from below
    # that, and asked "Did you mean…" otherwise; a short message keeps the usual threshold.
    def engine(words: int) -> Engine:
        matching = replace(config.matching, long_message_words=words, long_answer_threshold=0.30)
        return Engine.load(replace(config, matching=matching))

    long_on, long_off = engine(50).ask(LONG_STORY, "staff"), engine(0).ask(LONG_STORY, "staff")
    assert (long_on.action, long_on.topic) == ("answer", "staff_friending_parents"), long_on.confidence
    assert long_off.action == "clarify", (long_off.action, long_off.topic)
    assert config.matching.answer_threshold_for(True, 29) == config.matching.semantic_answer_threshold
    assert config.matching.answer_threshold_for(False, 80) == config.matching.words_only_answer_threshold


def test_a_long_story_well_clear_of_the_next_section_answers_from_a_lower_score(config: Config) -> None:
    # Round 20: of the long messages asked "Did you mean…" with a score of 0.35–0.40 and a lead of at least
    # 0.15 over the next different section, 64 of 66 written and 9 of 11 real development questions ranked the
    # right section first. This story scores 0.355 with a lead of 0.137 over the next section: it is answered
    # once the lead asked for is below that, and asked "Did you mean…" with the lead the example config asks.
    def engine(margin: float) -> Engine:
        matching = replace(config.matching, long_clear_threshold=0.35, long_clear_margin=margin)
        return Engine.load(replace(config, matching=matching))

    clear, close = engine(0.13).ask(LONG_STORY, "staff"), engine(0.15).ask(LONG_STORY, "staff")
    assert (clear.action, clear.topic) == ("answer", "staff_friending_parents"), clear.confidence
    assert close.action == "clarify", (close.action, close.topic)
    # only long messages, and only with the meaning: words alone keep their one threshold
    assert config.matching.clear_lead_for(True, 29) is None
    assert config.matching.clear_lead_for(False, 80) is None
    assert config.matching.clear_lead_for(True, 30) == (0.35, 0.15)


def test_a_story_whose_subject_shares_no_example_words_still_ranks_its_section_first(engine: Engine) -> None:
    # Round 16: the whole message's meaning used to leave out sentences whose words named no topic, so the one
    # sentence that says what this is (a letter for the head about money: a formal complaint) was dropped and
    # the meaning came from "what happens now and how long" alone (the timescales section ranked first).
    reply = engine.ask(
        "I handed a letter in at the office on Monday, addressed to the head, about the way the trip money "
        "was handled. Nobody has said anything since. What happens now and how long will it take?",
        "parent",
    )
    ranked = [reply.topic] if reply.topic else [a.topic for a in reply.alternatives]
    assert ranked[0] == "complaints_stage_one", (reply.action, ranked)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Chair of governors. How long does the school have to reply to a complaint?",
            "complaints_timescales",
        ),
        (
            "Governor here - a parent wants to know if she can complain without giving her name",
            "complaints_anonymous",
        ),
    ],
)
def test_a_governor_saying_so_first_is_matched_on_the_question_not_on_governors(
    engine: Engine, text: str, topic: str
) -> None:
    # Round 24 (blind set 33): the writer's role said first ranked "a complaint about a governor" first and
    # answered it; the introduction is taken off before matching (bot/matching/intro.py).
    reply = engine.ask(text, "any")
    assert reply.action != "answer" or reply.topic == topic, (reply.action, reply.topic)
    assert engine.matcher.match(text).ranked[0].key == topic


@pytest.mark.parametrize(
    ("text", "without"),
    [
        (
            "Vice-chair here - how long is a governor's term of office?",
            "how long is a governor's term of office?",
        ),
        ("Hi, I'm a new governor. How do complaints work here?", "How do complaints work here?"),
        (
            "Head's PA. A letter marked private has come in the post",
            "A letter marked private has come in the post",
        ),
        # not an introduction: no clause ends after the role, the role is the subject, or too little is left
        ("I'm a governor and I want to complain about the chair", None),
        ("the vice chair of governors, what do they deal with", None),
        ("Headteacher here. Thanks", None),
    ],
)
def test_the_writers_introduction_is_taken_off_only_where_a_clause_ends(
    engine: Engine, text: str, without: str | None
) -> None:
    assert engine.matcher.intro.without(text) == (text if without is None else without)


@pytest.mark.parametrize(
    ("text", "without"),
    [
        (
            "Dear Sir/Madam,\nCould you give me an overview of how complaints work?\nThank you,\nDavid",
            "Could you give me an overview of how complaints work?",
        ),
        (
            "Hi Mrs Patel, quick question about photos at sports day. Thanks!",
            "quick question about photos at sports day.",
        ),
        (
            "Good morning,\nI filmed the relay.\nIs that ok to share?\nThanks in advance,\nDarren Holt",
            "I filmed the relay.\nIs that ok to share?",
        ),
        (
            "Can I post photos of the play? Thanks for your help. Kind regards, Jo (Year 2 mum)",
            "Can I post photos of the play?",
        ),
        # not a letter's framing: no punctuation after the greeting's few words, thanks that go on to say more
        # or ask, a question after the sign-off, or too little left
        ("hi can i post pics, of the play", None),
        ("my son was upset.\nThanks for listening, I want this looked into", None),
        ("Thanks, can I post photos?", None),
        ("Hey Sir, are you on Facebook?", None),
        ("Hello. Thanks", None),
    ],
)
def test_a_letters_greeting_and_sign_off_are_taken_off_only_where_a_letter_puts_them(
    engine: Engine, text: str, without: str | None
) -> None:
    assert engine.matcher.letter.without(text) == (text if without is None else without)


def test_a_question_written_as_a_letter_is_answered_as_the_question_alone(engine_both_ways: Engine) -> None:
    # Round 31 (the blind48 probe of e-mails and letters): with the greeting, thanks and name scored with it,
    # this was offered three sections instead of answered (top-1 0.833 → 0.917 on the probe's 75 letters).
    letter = (
        "Dear Sir/Madam,\nI'm running the tombola at the Christmas fair on Saturday and would like to put a"
        " few photos of the stalls and the crowds on my Instagram afterwards. Is that all right?\nMany"
        " thanks,\nMrs Okafor (Year 3 teacher)"
    )
    alone = engine_both_ways.ask(letter.split("\n")[1], "staff")
    reply = engine_both_ways.ask(letter, "staff")
    assert (reply.action, reply.topic) == (alone.action, alone.topic)


def test_a_complaint_with_no_name_is_read_as_an_anonymous_one(engine_both_ways: Engine) -> None:
    # Round 25 (blind set 35): "Can I send complaint with no name?" was not offered the anonymous-complaints
    # section ("with no name" is now one of the words for anonymous in knowledge/language.yaml).
    reply = engine_both_ways.ask("can I write complaint with no name? we are afraid", "parent")
    offered = [reply.topic] if reply.topic else _sections(reply)
    assert "complaints_anonymous" in offered, (reply.action, offered)


def test_online_bullying_away_from_school_is_not_answered_with_the_general_rule(engine: Engine) -> None:
    # Round 25 (the blind36 probe): "what's school's line on online bullying that happens away from school?"
    # was answered with the online-bullying section; "away from school" is now a word for outside school.
    reply = engine.ask("what's the school's line on online bullying that happens away from school", "staff")
    offered = [reply.topic] if reply.topic else _sections(reply)
    assert reply.topic != "cyberbullying_policy", (reply.action, offered)
    assert "cyberbullying_outside_school" in offered, (reply.action, offered)


@pytest.mark.parametrize(
    "text",
    [
        "Can I put in a complaint from a fake email address? I don't want the office knowing it's me",
        "I want to raise a complaint about the lunch staff but I don't want to put my name to it, does it"
        " still count?",
    ],
)
def test_a_complaint_sent_without_a_name_offers_the_section_on_anonymous_complaints(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 29 (the blind44 probe): a throwaway address and not putting one's name to it are ways of saying
    # "anonymous" (language.yaml); the section was not among the options before.
    reply = engine_both_ways.ask(text, "parent")
    offered = [reply.topic, *(a.topic for a in reply.alternatives[:3])]
    assert "complaints_anonymous" in offered, (reply.action, offered)


@pytest.mark.parametrize(
    ("text", "asked_for"),
    [
        ("my dad wants to add mr jones on facebook, can he?", "parent"),
        (
            "my nan wants to put a photo of me in my nativity costume on her facebook, is that ok",
            "parent",
        ),
        (
            "my son in law has just started as a teaching assistant there, can he accept parents' friend"
            " requests?",
            "staff",
        ),
        ("my wife works at the school and wants to know if she can post about her class", "staff"),
        ("our daughter keeps asking to follow her teacher on tiktok, is it allowed?", "pupil"),
        # not asked for someone else: the writer's own child's teacher, a child in a year group, two roles
        # at once
        ("my daughters ta said she can't follow her, why not", None),
        ("my son is in year 4 at the school, can I post his assembly video?", None),
        ("my mum wants to follow my teacher and my sister is a ta there", None),
        ("my neighbour is a TA at the school, do I need to unfriend her?", None),
    ],
)
def test_a_question_asked_for_someone_else_is_read_with_their_role(
    engine: Engine, text: str, asked_for: str | None
) -> None:
    # Round 32 (the blind50 probe, questions asked on someone else's behalf): a pupil asking whether "my mum"
    # may follow a teacher was answered with the pupils' section; a parent asking for a sister who is a
    # lunchtime supervisor was offered the parents' one first (language.yaml `asking_for`).
    assert engine.matcher.cues.asked_for(engine.matcher.cues.plain(fold(text))) == asked_for


@pytest.mark.parametrize(
    ("text", "role", "topic"),
    [
        (
            "my dad wants to send a friend request to my teacher on facebook, is he allowed?",
            "pupil",
            "parent_friending_staff",
        ),
        (
            "my brother has just started as a TA at the school and some parents have added him on facebook,"
            " is he allowed to accept?",
            "parent",
            "staff_friending_parents",
        ),
    ],
)
def test_a_question_asked_for_someone_else_is_answered_from_their_sections(
    engine_both_ways: Engine, text: str, role: str, topic: str
) -> None:
    reply = engine_both_ways.ask(text, role)
    assert reply.topic == topic or topic in [o.topic for o in reply.alternatives][:1], (
        reply.action,
        reply.topic,
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "I'm messaging for my husband, he would like the head to call him back about his complaint",
            "parent",
        ),
        (
            "my partner doesn't do email, she wants this passed on to the head and would like a call back",
            "parent",
        ),
        (
            "one of our lunchtime staff is too upset to write: could you get this to the head so it's taken"
            " down",
            "staff",
        ),
        ("governor - a fake account using the school logo needs reporting", "any"),
        ("making a formal complaint re the cancelled residential", "parent"),
    ],
)
def test_a_request_made_for_someone_else_is_passed_on(engine_both_ways: Engine, text: str, role: str) -> None:
    # Round 32 (the blind50 probe, blind45b): requests written for someone else ("she'd like the head to ring
    # her back") or in a few words ("needs reporting", "making a formal complaint re …")
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Please pass this on so that somebody looks at the comments about Mrs Shah", "parent"),
        ("I would really appreciate someone looking into this and getting back to me", "parent"),
        ("I'd like a proper phone call with the head this week, any day after 3", "parent"),
        ("there's a fake page using the school badge, can someone report it please", "any"),
        ("could you let my mentor and the deputy head know so they can deal with it", "staff"),
        ("please accept this as my formal complaint about the cancelled trip", "parent"),
    ],
)
def test_a_request_written_politely_or_in_passing_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 33 (blind47 read, the blind52 probe): requests inside a letter's courtesies ("I would appreciate
    # someone looking into this"), asked for a named person ("a proper phone call with the deputy head") or
    # for someone to act ("can someone report it")
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Please give Mrs Okafor this message: Ruby's dad is collecting her at 3 today", "parent"),
        ("could you pass the class teacher a note from me, Sam has the dentist on Friday", "parent"),
        ("I coach the under 9s; two mums asked me to say they'd like a call back from the head", "any"),
        ("my neighbour doesn't use email, she'd like a ring back from the office about the trip", "any"),
    ],
)
def test_a_message_for_a_named_person_or_a_call_back_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 34 (blind49, read): a message to hand to a named teacher ("please give Mr Chowdhury this
    # message"), and a call back that others would like ("they'd like a call back from the head")
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("can someone check whether Leo's dinner money went through last week?", "parent"),
        ("could the office resend the trip letter, it never came home in her bag", "parent"),
        ("Can I get 15 minutes with the head on Friday about his reading?", "parent"),
        ("could we book a meeting with the SENCo this week please", "parent"),
        ("can her teacher give me a ring after school today", "parent"),
        ("A parent keeps messaging me about it. Can someone senior look into it please?", "staff"),
    ],
)
def test_a_check_only_the_office_can_make_or_a_meeting_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 35 (blind51 and real_fresh33 read, the blind54 probe): a check about one's own child that only the
    # office can make, a few minutes or a meeting with someone named, a call from the teacher, and someone
    # senior asked to deal with it
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "sentence",
    [
        "If I do make a complaint, will it be looked at by someone other than the teacher?",
        "if a parent wants to complain about the head, where should it go",
        "If I'm not happy with the answer, am I allowed to take it further?",
    ],
)
def test_a_question_asked_after_a_condition_asks_how_something_works(sentence: str) -> None:
    # Round 35 (blind51b, read): "If I do make a formal complaint, will someone investigate it?" asks how the
    # process works, like a sentence that opens with "who" or "how"; a request after a condition does not
    assert asks_how_in_a_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If you can, could someone ring me back today",
        "If it's not too much trouble please pass this to Mrs Khan",
        "I want to complain, the trip came back late",
    ],
)
def test_a_request_after_a_condition_is_not_a_question_about_the_process(sentence: str) -> None:
    assert not asks_how_in_a_sentence(sentence)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Can someone tell me why my son was kept in at lunch yesterday?", "parent"),
        ("could you explain to me why she wasn't picked for the trip", "parent"),
        ("please can someone tell me why they moved him to another reading group", "parent"),
    ],
)
def test_asking_why_something_happened_to_ones_own_child_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 36 (blind53, read): "Can someone tell me why she missed her lunch play on Friday?" only the school
    # can answer
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("can someone tell me why teachers can't be friends with parents on facebook?", "parent"),
        ("Can someone tell me what the rules are on posting photos from the nativity?", "parent"),
    ],
)
def test_asking_why_a_rule_is_so_is_not_passed_on(engine_both_ways: Engine, text: str, role: str) -> None:
    # the same request about a rule, not about one's own child, is a policy question
    reply = engine_both_ways.ask(text, role)
    assert reply.action != "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "I'm their nanny. Their dad would like someone from school to call him about the letter today",
            "any",
        ),
        ("my wife wants someone from the office to ring her about his glasses", "parent"),
        (
            "we need the school to confirm the dates she was off sick in October. who can send me that?",
            "parent",
        ),
        ("could you get the office to confirm he's on the list for the trip", "parent"),
    ],
)
def test_a_call_or_a_record_wanted_for_someone_else_or_about_ones_own_child_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 37 (blind55, read): a childminder passing on a mother's wish for a call, and a parent who needs
    # the school to confirm their own child's absences: only the school can do either
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("who can send me a copy of the complaints procedure?", "parent"),
        ("Who can confirm whether teachers are allowed to add parents on facebook?", "parent"),
    ],
)
def test_asking_who_can_send_or_confirm_a_rule_is_not_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    reply = engine_both_ways.ask(text, role)
    assert reply.action != "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("we would like a zoom meeting with Mr Reid about the group chat, when is he free?", "parent"),
        ("I'd like a video call with the SENCO this week please", "parent"),
        ("could we come in to speak to the headteacher about what was posted?", "parent"),
        ("can I pop in to see Miss Shah after school about the comments on Dojo", "parent"),
    ],
)
def test_a_call_on_an_app_or_a_visit_to_see_someone_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 38 (the blind59 probe, read at once): "a Teams call with the headteacher", "can I book in to see
    # Mrs Carter": only the office can arrange either
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("need a quick word with mrs jones today please", "parent"),
        ("want a meeting with the head asap", "parent"),
        ("did the school get my complaint letter, i handed it in on monday", "parent"),
        ("grandad here, did the office get the trip slip for Ollie", "parent"),
        ("can you check if my daughter's consent form says yes to photos", "parent"),
    ],
)
def test_a_hurried_demand_for_a_meeting_or_a_check_on_a_form_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 39 (blind57, read): "need a meeting with the head asap pls", "did office get his pickup form",
    # "could you check whether my son's photo consent form says yes or no": only the office can do any of them
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("has the school got a complaints form", "parent"),
        ("do staff need a meeting with the head before posting on the school page?", "staff"),
    ],
)
def test_asking_whether_there_is_a_form_or_a_meeting_is_not_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    reply = engine_both_ways.ask(text, role)
    assert reply.action != "forward", (reply.action, reply.topic)


def test_who_sits_on_the_panel_is_answered_with_the_rule_on_its_members(engine: Engine) -> None:
    # Round 39 (blind57, read): "can a governor who already knows about it sit on the panel?" The panel's
    # section now quotes the rule that its three governors have had no earlier involvement.
    reply = engine.ask("who sits on the complaints panel", "parent")
    assert (reply.action, reply.topic) == ("answer", "complaints_panel_meeting")
    assert "no earlier involvement" in reply.text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Could the deputy head give me a ring? It's about his move from his old school.", "parent"),
        ("can the attendance officer give me a call about the letter I got", "parent"),
        (
            "For the head please: a parent has left a review calling the office staff liars. I'd like it"
            " looked into.",
            "staff",
        ),
        (
            "A boy in Year 5 has been sending my son horrible messages on Snapchat. I'd like it looked into.",
            "parent",
        ),
    ],
)
def test_a_call_from_a_named_role_or_a_wish_to_have_it_looked_into_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 42 (blind61, read): "Could the deputy head give me a ring?" and a note ending "I'd like it looked
    # into" were asked "Did you mean…" with sections that do not fit; both want a person
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a meeting or an appointment asked for without the article, as in many languages
        ("Please we want meeting with the class teacher, my English is not so good", "parent"),
        (
            "Can I have appointment with the teacher this week please. Is problem with homework book,"
            " she lose it every time and nobody help",
            "parent",
        ),
        (
            "My wife and me we want meeting with the head and also somebody who speak Polish please."
            " Our English is not good for this meeting.",
            "parent",
        ),
        (
            "Please I want meeting with the class teacher about the bullying in the playground, other"
            " girls push my daughter",
            "parent",
        ),
        # a leader asked to come to a parent now
        ("There's a dad at the front desk who is very upset. Could someone from SLT come down?", "staff"),
        (
            "Parent at the gate demanding to complain about a detention in person. Could someone from senior"
            " leadership come down please",
            "staff",
        ),
    ],
)
def test_a_meeting_asked_for_without_an_article_or_a_leader_asked_to_come_down_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 43 (blind62, read): "Can I have appointment with the deputy head this week please", "we want
    # meeting with the teacher and also a translator" and "Can someone from SLT come down" were asked "Did you
    # mean…"
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # booked in with someone, a letter forwarded, a request that someone be asked to meet, a named teacher
        # asked to ring
        (
            "Can someone from the office book me in with the head about my Facebook account? A parent has"
            " found it. Should I lock it down in the meantime?",
            "staff",
        ),
        (
            "Thanks for explaining the panel. We'd like to go ahead, so please could you forward our letter"
            " to the clerk? It's attached to my next message.",
            "parent",
        ),
        (
            "I said things about Miss Cole on the class Facebook group that weren't fair. I'd like to say"
            " sorry to her face. Could you ask if she'd be willing to meet me at pick up?",
            "parent",
        ),
        (
            "Please can Mr Dean call me tonight, it's about a video of my daughter on the school Facebook"
            " page that I didn't agree to.",
            "parent",
        ),
        ("could you pass this complaint on to the clerk please", "parent"),
        ("could Mr Briggs call us after school please, it's about the WhatsApp group", "parent"),
    ],
)
def test_a_booking_a_letter_to_forward_or_a_named_teacher_asked_to_ring_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 44 (blind63, read): "book me in with the head", "could you forward our letter to the clerk",
    # "could you ask if she'd be willing to speak to me" and "Please can Mrs Fowler ring me" were asked "Did
    # you mean…" with policy sections; each wants a person
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("need a meeting w mr shah asap re panel", "parent"),
        ("call back pls re my stage 2", "parent"),
        ("fake insta page using the school badge - pls flag to head", "parent"),
        ("I would be grateful if you could ask the parent to remove the post about my class", "staff"),
        ("I'd be grateful for five minutes of your time to discuss a colleague's post", "staff"),
        ("grateful if you could arrange for the photo of my display to be taken down", "staff"),
        ("need an urgent word with the senco about the class whatsapp", "parent"),
    ],
)
def test_a_meeting_needed_a_call_back_a_flag_to_the_head_or_a_polite_request_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 45 (blind64, read): "need a meeting w mrs patel asap", "call back pls, about my panel", "pls
    # flag to head", "I would be grateful if you could ask for it to be taken down" and "grateful for ten
    # minutes of your time" were offered sections, answered or not understood; each wants a person
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Could Mrs Hale give me five minutes after school? It's about the class Facebook page", "parent"),
        ("could the deputy spare me ten minutes tomorrow, a parent has tagged me in a post", "staff"),
        ("Please could you pass a message to the head that I can't make Thursday's meeting", "parent"),
        ("can someone in the office unlock the class blog account for me please", "staff"),
        ("Can you put me in Mr Ali's diary for next week? It's about the WhatsApp group", "parent"),
        ("A mum has shared a video with my son in it. Can the school ask her to take it down?", "parent"),
    ],
)
def test_minutes_asked_for_a_note_to_pass_on_an_account_to_unlock_or_a_post_to_remove_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 46 (blind65, read): "Could the head give me ten minutes tomorrow morning?", "could you pass a
    # note to the clerk", "Can someone in the office reset it for me today please", "Can the office put me
    # in the head's diary" and "Can school get them to take it down?" were offered sections or not
    # understood; each wants a person to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Can you let Mr Okafor know I'd like to speak to him about the class Instagram page", "parent"),
        ("please let the head know we need to meet about a post a parent made about me", "staff"),
        ("I shared a photo I shouldn't have. Please pass my apologies on to the family", "parent"),
        ("Could you ask her if she would be happy to meet me about the comments on Facebook?", "parent"),
        ("I need to report something to the head about a parent's Facebook post about my class", "staff"),
    ],
)
def test_a_message_to_pass_on_an_apology_to_give_or_a_report_for_the_head_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 47 (blind66, read): "let Mrs Grant know I need to see her", "Could you pass my apology on, or
    # ask her if she'd be willing to see me?" and "I need to report something for the head to deal with"
    # were offered sections or taken for a disclosure; each wants a person to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Please could the deputy get the video of my daughter taken down off the PTA page", "parent"),
        ("could the head have that post about me removed from the parents' group", "staff"),
        ("I'd like the class teacher to phone me after school about the WhatsApp group", "parent"),
        ("I need Mrs Shah to ring me today about the comments on Facebook", "parent"),
        ("I want the deputy head to contact me about my complaint, I'm free after 3", "parent"),
    ],
)
def test_a_post_to_have_taken_down_or_a_named_person_to_call_back_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 48 (blind67b, read): "Please could the head get the post on the PTA page taken down" and "I want
    # the clerk to the governors to contact me … Please ask them to call 07700 900356" were offered sections;
    # each wants a person to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role", "topic"),
    [
        ("can i add mrs patel on facebook", "parent", "parent_friending_staff"),
        ("can i follow mr frost on tiktok", "pupil", "pupil_friending_staff"),
        (
            "Would it be frowned upon if I followed my son's teacher on Instagram?",
            "parent",
            "parent_friending_staff",
        ),
        ("will i get told off if i follow my teacher on tiktok", "pupil", "pupil_friending_staff"),
    ],
)
def test_a_named_teacher_or_a_frowned_upon_question_is_answered_with_its_section(
    engine_both_ways: Engine, text: str, role: str, topic: str
) -> None:
    # Round 48 (blind67b, read): a teacher's surname was corrected into a word of the knowledge ("Patel"
    # into "panel"), and "is that frowned upon?" and "can I get told off for…" were not read as asking
    # whether it is allowed; the questions were offered options or not understood
    reply = engine_both_ways.ask(text, role)
    assert (reply.action, reply.topic) == ("answer", topic), (reply.action, reply.topic, reply.confidence)


@pytest.mark.parametrize(
    "text",
    [
        "the TA has posted the class trip photos on her facebook, my daughter is in them. can staff do that?",
        "miss has shared videos of the class assembly on her tiktok, is that allowed",
    ],
)
def test_a_parent_asking_whether_staff_may_post_event_photos_is_given_the_staff_rule(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 48 (blind67b, read): a parent asking whether "Mrs Green" may put the nativity photos on her own
    # Facebook was answered with the parents' rule on photos of other children; the question is asked for a
    # member of staff (language.yaml `asking_for`), so the staff section on event photos leads
    reply = engine_both_ways.ask(text, "parent")
    assert leading_topic(reply) == "staff_event_pictures", (
        reply.action,
        reply.topic,
        [a.topic for a in reply.alternatives],
    )


def test_a_parent_asking_to_share_a_teachers_photos_is_still_given_the_parents_rule(engine: Engine) -> None:
    # The writer asks about their own posting ("can I share them"), not about what the teacher did
    reply = engine.ask(
        "my daughter's teacher posted photos of the trip on the class page, can I share them on my facebook?",
        "parent",
    )
    assert leading_topic(reply) == "parents_photos", (
        reply.action,
        reply.topic,
        [a.topic for a in reply.alternatives],
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("can someone delete the rude comment under the sports day post on the school page please", "parent"),
        ("Could someone ask the PTA to take the photo of my son off their page, we never said yes", "parent"),
        ("Can you send me the complaint form please, my email is on the system", "parent"),
        ("please can you log this as my formal complaint about the class blog", "parent"),
        (
            "Please could someone let Mrs Okoro know I'd like to withdraw my stage 1 complaint, it's sorted "
            "now",
            "parent",
        ),
    ],
)
def test_asking_for_a_comment_removed_a_form_sent_or_a_complaint_logged_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 49 (blind67a and blind67c, read): "can someone delete the nasty comment under the harvest festival
    # post", "Could someone ask the PTA to remove the raffle photo", "Can you send me the complaint form by
    # email", "Please can you log this as my complaint", "could someone let Mrs Grainger know I'd like to
    # withdraw my stage 1 complaint" (a surname between the title and "know") were offered sections; each
    # wants a person to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Can you add me please? I'm his dad and I'm not getting the newsletters", "parent"),
        ("could you put me on the contact list please, I'm her grandad and I do most pick ups", "parent"),
        (
            "hi its Maya's mum, can someone add me to the parents email list pls, I never get the letters",
            "parent",
        ),
    ],
)
def test_asking_to_be_added_to_the_contact_list_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 50 (blind68b, read): "Can you add me please so I get the newsletters and reports too" (a father
    # not on the contact list) was offered sections; the office has to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Please take the picture of Noah Clarke (Year 1) off the school website, he shouldn't be on "
            "there",
            "parent",
        ),
        ("pls remove the photo of my daughter from the class page today, we said no photos", "parent"),
        ("can you get whoever runs the school instagram to take down the sports day video please", "parent"),
    ],
)
def test_asking_for_a_photo_to_be_taken_off_the_schools_own_page_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 51 (blind69b, read): "Please take the photo of … (Year 3) off the school website today" and "can
    # you get whoever runs the school facebook page to take down the photo" were offered sections; the office
    # has to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("We ticked no on the consent form. I'd like the photos of my son taken down today please", "parent"),
        ("I would like the picture removed as soon as possible", "parent"),
        ("id like it taken off asap", "parent"),
    ],
)
def test_saying_one_would_like_a_photo_taken_down_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 52 (blind70a, read): "I'd like them taken down as soon as possible please, today ideally" (photos
    # on the school's page of a child whose parents said no) was offered a section; the office has to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role", "topic"),
    [
        ("are teachers allowed to follow the children on tiktok", "parent", "staff_friending_pupils"),
        (
            "can staff put photos from the school disco on their own facebook",
            "parent",
            "staff_event_pictures",
        ),
        ("can the teachers message the kids on snapchat", "parent", "staff_friending_pupils"),
    ],
)
def test_a_parent_asking_whether_staff_may_do_something_is_led_by_the_staff_section(
    engine_both_ways: Engine, text: str, role: str, topic: str
) -> None:
    # Round 52 (blind70a and 70b, read): "is teacher aloud to follow the kids on insta" was answered with the
    # parents' section on friending staff, and "can staff put sports day pics on there own fb" with the
    # parents' photo section; the staff section says what staff may do (language.yaml, `asking_for`)
    reply = engine_both_ways.ask(text, role)
    assert leading_topic(reply) == topic, (reply.action, reply.topic, reply.alternatives)


@pytest.mark.parametrize(
    ("text", "role", "topic"),
    [
        (
            "someone keeps posting lies about one of the dinner ladies in the parents facebook group, is "
            "that allowed",
            "parent",
            "parents_malicious_comments",
        ),
        (
            "midday supervisor here, could i get a warning for a post on my own facebook",
            "staff",
            "staff_disciplinary",
        ),
        ("what should my facebook privacy be as a lunchtime supervisor", "staff", "staff_privacy_settings"),
    ],
)
def test_the_lunchtime_team_are_staff_to_the_matcher(
    engine_both_ways: Engine, text: str, role: str, topic: str
) -> None:
    # Round 52 (blind70a, read): "one of the lunchtime staff made a TikTok…"; dinner ladies, lunchtime and
    # midday supervisors, the caretaker and the site manager are read as staff (language.yaml), so their
    # questions are answered as staff questions on words alone too
    reply = engine_both_ways.ask(text, role)
    assert (reply.action, reply.topic) == ("answer", topic), (reply.action, reply.topic, reply.alternatives)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I want this logged as a formal complaint please", "parent"),
        ("we need it recorded as a complaint today", "parent"),
        ("i want that logged with the head please", "parent"),
    ],
)
def test_wanting_a_message_logged_or_recorded_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 53 (blind71b, read): "I want this logged as a formal complaint for the head today please" was
    # asked "Did you mean…"; the office has to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("could whoever looks after the school instagram take down the sports day video", "staff"),
        ("Can someone who runs the class page take down today's photo of the trip please", "parent"),
        ("would you take down that picture of my son from the website", "parent"),
    ],
)
def test_asking_whoever_runs_a_page_to_take_a_photo_down_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 54 (blind72b, read): "Could whoever runs the school FB page take down yesterday's nativity
    # photo?" fell back; the office has to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Please take my son's photo off the class page, I said no on the form", "parent"),
        ("can someone sort out the double charge for the trip please", "parent"),
        ("can Mrs Ahmed ring me back this afternoon please", "parent"),
        ("my friend would like someone senior to call her about how she was spoken to", "parent"),
    ],
)
def test_asking_for_a_photo_off_a_refund_or_a_call_from_a_named_teacher_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 55 (blind73a, blind73b, read): "Please take Poppy's photo OFF the school facebook page", "can
    # someone sort a refund please", "can Mr Briggs ring him after school today", "would like someone senior
    # to contact her" were asked "Did you mean…" or fell back; the office has to act
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("can mr h ring my mum back, she phoned this morning and nobody rang her", "pupil"),
        ("can mr k phone my nan back please she left a message", "pupil"),
        (
            "we'd like to see Mr Shah about a new football goal, can you tell him please and ask when "
            "he's free",
            "pupil",
        ),
    ],
)
def test_a_call_back_for_a_relative_or_a_message_for_a_teacher_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 56 (blind74b, read): "can mr h ring my mum back she phoned the office this morning" fell back,
    # and a school council's "Can you tell her please and ask when we can see her" was answered from a
    # topic; both want the office to pass a message on
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "a parent has posted my photo on the village page with horrible comments. I need someone from "
            "SLT to deal with this today please",
            "staff",
        ),
        ("Has our application for a Year 2 place been received? We moved here in May", "parent"),
    ],
)
def test_asking_for_a_senior_leader_or_whether_an_application_arrived_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 57 (blind75a, blind75b, read): "I need someone from SLT to deal with this today please" was asked
    # "Did you mean…", and "Has our application for a Reception place been received?" was offered the
    # complaints' time limits; only the office can act on either
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("can i talk to mrs ford about a photo of me on my friends page please", "pupil"),
        ("A parent is sharing an old post of mine. Can I get some time with the head tomorrow?", "staff"),
    ],
)
def test_asking_to_talk_to_a_named_teacher_or_for_time_with_the_head_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 58 (blind76a, read): a pupil's "can i talk to mrs wood about a picture…" and a member of staff's
    # "Can I get some time with the head asap?" were asked "Did you mean…"; both want a person
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Could the clerk give me a ring about the date of the panel hearing please?", "parent"),
        ("Please can the chair of governors give me a call about my place on the panel", "staff"),
    ],
)
def test_asking_the_clerk_or_the_chair_for_a_call_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 59 (blind77b, read): a governor's "Please could the clerk give me a call about handing over my
    # place on the complaints panel" was asked "Did you mean…"; a call asked of the clerk or the chair wants a
    # person, as one asked of the deputy or the office manager does
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("can the office book me 10 mins with the HT tomorrow about a parent's post", "staff"),
        ("could you book me a slot with Mrs Ahmed on Thursday please", "parent"),
        ("pls can office get me 5 mins w the head before school", "staff"),
    ],
)
def test_asking_the_office_to_book_time_with_someone_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 60 (blind78a, read): a teacher's "can office book me 10 mins w HT tmrw. parent FB post abt my
    # class, want it dealt with" was not passed on; asking the office to book time with someone wants a person
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text", ["Any way I can complain with out putting my name on it?", "can I complain with out my name"]
)
def test_a_complaint_without_a_name_split_in_two_words_is_still_about_anonymity(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 60 (blind78a, read): "with out putting my name on it" was passed on as a wish to complain; written
    # as one word it was answered from the anonymous-complaints section
    reply = engine_both_ways.ask(text, "parent")
    offered = [o.payload for o in reply.options]
    assert reply.action != "forward", (reply.action, reply.topic)
    assert reply.topic == "complaints_anonymous" or "t:complaints_anonymous" in offered, (
        reply.topic,
        offered,
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Has the clerk sent the panel papers yet? haven't had mine, can someone chase it?", "staff"),
        ("could you chase up the clerk about the meeting date please", "parent"),
    ],
)
def test_asking_someone_to_chase_something_up_is_passed_on(
    engine_both_ways: Engine, text: str, role: str
) -> None:
    # Round 61 (blind79b, read): a governor's "Has the clerk sent out the papers for next Thursday's panel
    # yet? … can someone chase it?" was asked "Did you mean…"; asking someone to chase or follow something up
    # wants a person, as asking them to sort it or look into it does
    reply = engine_both_ways.ask(text, role)
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "If I don't put my name on it will it still be looked at? I'd rather not be known",
        "can I keep my name out of it if I complain about the dinner staff",
    ],
)
def test_a_complaint_kept_without_the_writers_name_is_about_anonymity(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 61 (blind79b, read): "If I don't put my name on it it'll still get looked into, won't it? I'd
    # rather not be known" offered the section on malicious comments first; not putting one's name on it,
    # keeping it out of it and rather not being known are complaints without a name
    reply = engine_both_ways.ask(text, "parent")
    offered = [o.payload for o in reply.options]
    assert reply.action != "forward", (reply.action, reply.topic)
    assert reply.topic == "complaints_anonymous" or "t:complaints_anonymous" in offered[:1], (
        reply.topic,
        offered,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Did t'head ever get my letter about the photos from last week? not heard owt",
        "has the office had my email about the trip photos? heard nowt since monday",
        "can ye get the teacher tae ring us efter school",
    ],
)
def test_asking_whether_ones_own_letter_arrived_or_for_a_call_in_dialect_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 62 (blind80b, read): "Did t'head ever get my letter from last Tuesday? Not heard owt back" and
    # "can ye get her tae phone us efter 3" were asked "Did you mean…". Whether someone at the school got
    # one's own letter or e-mail is a question only the school can answer, and Scots and Northern "ye",
    # "tae", "efter", "t'head", "owt" and "nowt" are read as the words they stand for when looking for a
    # request
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "could someone please see about getting that post taken down",
        "Could somebody from the school please see about getting the comment taken off?",
        "can you see to having the video deleted",
    ],
)
def test_asking_someone_to_see_about_a_posts_removal_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 63 (blind81b, read): "Could somebody from the school please see about getting it taken off? I
    # would rather not get involved myself" was asked "Did you mean…"; someone asked to see about, look into
    # or see to a post's removal is a request for a person
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)


@pytest.mark.parametrize(
    "text",
    [
        "what happens if kids are nasty to each other on their phones",
        "my son says the boys are horrible to one another on the xbox chat, what will school do",
    ],
)
def test_children_unkind_to_each_other_online_is_online_bullying(engine_both_ways: Engine, text: str) -> None:
    # Round 63 (blind81b, read): "What does the school do if the children are unkind to one another on the
    # phones and computers?" was answered with the rule on pupils' access at school. Children unkind, nasty,
    # mean or horrible to each other (or one another) is bullying, said without the word
    reply = engine_both_ways.ask(text, "parent")
    assert _answers_or_offers_first(reply, "cyberbullying_policy"), (reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "is there a leaflet for staff about using facebook",
        "Is there a booklet for new staff on social networking?",
    ],
)
def test_a_leaflet_or_booklet_for_staff_is_the_staff_guidance(engine_both_ways: Engine, text: str) -> None:
    # Round 63 (blind81b, read): "Is there any sort of leaflet for staff that explains all this in plain
    # English?" was offered pupils' access first; a leaflet or a booklet is the guidance the policy names
    reply = engine_both_ways.ask(text, "staff")
    assert _answers_or_offers_first(reply, "staff_guidance_publication"), (reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "is there a cut off for complaints",
        "Is there a cut-off date for making a complaint about something last year?",
    ],
)
def test_a_cut_off_for_complaining_is_the_time_limit(engine_both_ways: Engine, text: str) -> None:
    # Round 64 (blind82a, read): "Is there a cut off for this sort of thing", about a residential in June
    # asked in November, was offered the complaints procedure only; a cut-off is a deadline
    reply = engine_both_ways.ask(text, "parent")
    assert reply.topic == "complaints_time_limit", (reply.action, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "can I film the football match and put it on facebook? the whole team will be in it",
        "can i put the swimming gala photos on insta",
    ],
)
def test_a_match_or_gala_filmed_for_facebook_is_photos_of_other_children(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 64 (blind82b, read): a "Facebook Live from the touchline" with the whole team in it fell back, and
    # even "film the football match and put it on facebook" was only asked "Did you mean…": a match, a
    # tournament or a gala is an event children are filmed at
    reply = engine_both_ways.ask(text, "parent")
    assert reply.topic == "parents_photos", (reply.action, _sections(reply))


def test_going_live_on_facebook_from_a_tournament_is_offered_photos_of_other_children(
    engine_both_ways: Engine,
) -> None:
    # Round 64 (blind82b, read): going live on a site is posting, as a live stream already was
    reply = engine_both_ways.ask(
        "doing a facebook live from the touchline at the tournament so nan can watch, the whole team will be "
        "on it",
        "parent",
    )
    assert reply.action != "fallback"
    assert _answers_or_offers_first(reply, "parents_photos"), (reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "I'd like someone senior to have a word with the class teacher about her messages please",
        "can someone please look at how my complaint about the photo was dealt with, nobody has replied",
        "I want to make a formal complaint about the after school club. Please can I have confirmation in "
        "writing that you've received it",
        "Mr Hale replied to my email and the tone he used was frankly unacceptable",
    ],
)
def test_someone_senior_asked_to_look_at_it_or_a_rude_reply_from_a_teacher_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 65 (blind83a, blind83b, read): "I'd like someone senior to have a word with him", "Can someone
    # actually look at how this has been dealt with?", a formal complaint with "please can I have confirmation
    # in writing", and a teacher's short, rude reply on Class Dojo were asked "Did you mean…" or fell back;
    # each wants a person
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "The class teacher answered my message on Dojo and honestly it was sarcastic and short, I don't "
        "think that's how staff should reply to parents",
        "I reported the broken fence weeks ago and nobody has ever got back to me, I'm fed up with how this "
        "has been handled",
        "the head posted a reply to me on the school facebook page calling me wrong in front of everyone, I "
        "want someone to look at how she has behaved",
    ],
)
def test_a_sarcastic_reply_no_reply_or_someone_to_look_at_conduct_is_passed_on(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 66 (blind84a, blind84b, read): a teacher's reply on the class app "really sarcastic and short",
    # "nobody has ever got back to me … disappointed with how it's been handled", and "I want someone to look
    # at how he's behaved" fell back or were asked "Did you mean…"; each wants a person
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "is my dad allowed to post a video of me at my dance show on his facebook",
        "is my nan allowed to post pictures of me from sports day",
    ],
)
def test_a_pupil_asking_whether_a_parent_may_post_is_given_the_parents_rule(
    engine_both_ways: Engine, text: str
) -> None:
    # Round 66 (blind84b, read): "is my mum allowed to put a picture of me and my best friend on facebook?",
    # from a pupil, was answered with the rule for pupils adding staff; the question is the parent's
    reply = engine_both_ways.ask(text, "pupil")
    assert _answers_or_offers_first(reply, "parents_photos"), (reply.action, reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "I've run the library club for two years and found out from another parent that it has been "
        "stopped. I'm quite hurt by the way it was handled.",
        "My son's place in the choir was given to someone else and nobody told us. Not happy with the way "
        "it has been handled.",
    ],
)
def test_unhappy_with_the_way_something_was_handled_is_passed_on(engine_both_ways: Engine, text: str) -> None:
    # Round 67 (blind85b, read): a volunteer told in passing she was no longer needed, "upset at the way this
    # has been handled and would appreciate someone getting in touch", was asked "Did you mean…"; the wish is
    # for a person (round 66 passed on "how it's been handled")
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic, _sections(reply))


@pytest.mark.parametrize(
    "text",
    [
        "after school football is run by an outside company, not the school. do I use your complaints "
        "procedure for it?",
        "the gymnastics club that uses the hall isn't run by the school, does my complaint about it go "
        "through your complaints procedure?",
    ],
)
def test_a_club_run_by_another_organisation_is_offered_its_own_procedure_first(
    engine: Engine, text: str
) -> None:
    # Round 65 (blind83a, blind83b, read): gymnastics that hires the hall and football run by a coaching
    # company were offered the complaints procedure first; with the meaning a club run by someone else is
    # offered what has its own procedure first (on words alone the complaints procedure still comes first:
    # the round's examples for it moved other sets and were dropped)
    reply = engine.ask(text, "parent")
    assert _answers_or_offers_first(reply, "complaints_other_procedures"), (reply.action, _sections(reply))


def test_a_school_place_not_offered_is_another_procedure(engine_both_ways: Engine) -> None:
    # Round 65 (blind83a, read): a first-choice place not offered is an admissions appeal, not a complaint
    reply = engine_both_ways.ask(
        "we didn't get a place at this school for our youngest, does that go through your complaints "
        "procedure?",
        "parent",
    )
    assert _answers_or_offers_first(reply, "complaints_other_procedures"), (reply.action, _sections(reply))
