"""Concerns, safeguarding alerts and misses as a person lives them: the dialogue core on a real SQLite file.

Each test taps only what the bot offered (payloads are taken from the replies), as a channel does.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.channels.console import ConsoleChat
from bot.concerns.flow import ConcernFlow
from bot.core.dialogue import Dialogue
from bot.core.engine import Engine
from bot.core.replies import Reply, UserContext
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store
from tests.concerns_support import make_config

PARENT = UserContext("console:parent", role="parent", channel="console", display_name="Pat Parent")
PUPIL = UserContext("console:pupil", role="pupil", channel="console")
ANYONE = UserContext("console:anyone", channel="console")
FLAGGED = "and the coach pushed my son against the wall and he has bruises all over"
DISCLOSURE = "my daughter told me her step dad touches her and she is scared to go home"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = SqliteStore(tmp_path / "bot.sqlite3")
    yield store
    store.close()


@pytest.fixture
def dialogue(engine: Engine, store: SqliteStore) -> Dialogue:
    """The real dialogue and concern flow around the session's engine (loading it once keeps this fast)."""
    return Dialogue(engine, store, ConcernFlow(store, engine.config, engine.renderer))


def offered(replies: list[Reply], choice: str) -> str:
    """The payload of the offered option `choice` (e.g. `c:done`, `sg:anon`), tokens and all."""
    for reply in reversed(replies):
        for option in reply.options:
            if option.payload == choice or option.payload.startswith(choice + ":"):
                return option.payload
    raise AssertionError(f"{choice} not offered: {[o.payload for r in replies for o in r.options]}")


def alerts(store: SqliteStore) -> list:
    return [c for c in store.list_concerns() if c.kind == "safeguarding"]


def concerns(store: SqliteStore) -> list:
    return [c for c in store.list_concerns() if c.kind == "concern"]


def write_concern(dialogue: Dialogue, user: UserContext, *texts: str) -> list[Reply]:
    replies = dialogue.command(user, "concern")
    for text in texts:
        replies = dialogue.handle(user, text)
    return replies


# -- item 2: details are not screened unless they are a sentence ------------------------------------------


@pytest.mark.parametrize(
    ("child_class", "name", "contact"),
    [
        ("reception", "Dick Turner", "tom@example.com"),
        ("Year 2, Mrs Hickman's class", "Mr Cox", "12 Church Lane, Ashbourne DE6 2FF"),
        ("Oak class", "Sam", "text me on 07700 900123 after 5pm"),
    ],
)
def test_class_name_and_contact_answers_are_taken_as_details_not_screened(
    dialogue: Dialogue, store: SqliteStore, child_class: str, name: str, contact: str
) -> None:
    replies = write_concern(dialogue, PARENT, "The lunch queue is far too long")
    replies = dialogue.choose(PARENT, offered(replies, "c:done"))
    for detail in (child_class, name, contact):
        replies = dialogue.handle(PARENT, detail)
        assert [r.action for r in replies] == ["concern"], (detail, replies[0].text)
    assert all(detail in replies[-1].text for detail in (child_class, name, contact))
    dialogue.choose(PARENT, offered(replies, "c:send"))
    (concern,) = concerns(store)
    assert (concern.child_class, concern.name, concern.contact) == (child_class, name, contact)
    assert alerts(store) == []


def test_a_sentence_given_as_a_detail_is_still_screened(dialogue: Dialogue, store: SqliteStore) -> None:
    replies = write_concern(dialogue, PUPIL, "people are mean at playtime")
    dialogue.choose(PUPIL, offered(replies, "c:done"))
    (reply,) = dialogue.handle(PUPIL, "my dad hits me when he is drunk")
    assert reply.action == "safeguarding"


# -- item 3: a flagged message keeps the concern; the alert carries the conversation ---------------------


def test_flagged_message_mid_concern_keeps_the_concern_and_the_alert_carries_the_conversation(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    write_concern(dialogue, PARENT, "The after school club finished late twice this week")
    replies = dialogue.handle(PARENT, FLAGGED)
    assert replies[0].action == "safeguarding"
    replies = dialogue.choose(PARENT, offered(replies, "sg:anon"))
    (alert,) = alerts(store)
    assert "The after school club finished late twice this week" in alert.text
    assert FLAGGED in alert.text
    assert alert.anonymous
    # ...and the concern is still there, with both messages, and can be sent.
    replies = dialogue.choose(PARENT, offered(replies, "c:done"))
    for _ in range(3):
        replies = dialogue.choose(PARENT, offered(replies, "c:skip"))
    sent = dialogue.choose(PARENT, offered(replies, "c:send"))
    assert "MM-" in sent[-1].text
    (concern,) = concerns(store)
    assert concern.text == f"The after school club finished late twice this week\n\n{FLAGGED}"


def test_alert_with_name_carries_the_details_given_for_the_concern(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    replies = write_concern(dialogue, PARENT, "The gate was open at pick-up")
    replies = dialogue.choose(PARENT, offered(replies, "c:done"))
    dialogue.handle(PARENT, "Year 4")
    replies = dialogue.handle(PARENT, "my neighbour's boy in year 4 said his dad beats him black and blue")
    assert replies[0].action == "safeguarding"
    dialogue.choose(PARENT, offered(replies, "sg:named"))
    (alert,) = alerts(store)
    assert (alert.name, alert.child_class) == ("Pat Parent", "Year 4")
    assert "The gate was open at pick-up" in alert.text and "black and blue" in alert.text


# -- item 4: unambiguous choices; stale numbers and buttons never act ------------------------------------


def test_safeguarding_choices_say_what_they_do(dialogue: Dialogue) -> None:
    (reply,) = dialogue.handle(PARENT, DISCLOSURE)
    assert [o.label for o in reply.options] == [
        "Send the alert with my name",
        "Send it without my name",
        "It's not about a child at risk",
    ]


def test_a_choice_from_an_earlier_alert_question_does_not_answer_a_later_one(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    first = dialogue.handle(PARENT, DISCLOSURE)
    dialogue.choose(PARENT, offered(first, "sg:no"))
    second = dialogue.handle(PARENT, "a man in a car keeps asking my son to get in and not tell anyone")
    assert second[0].action == "safeguarding"
    stale = dialogue.choose(PARENT, offered(first, "sg:anon"))
    assert alerts(store) == [] and "earlier message" in stale[0].text
    dialogue.choose(PARENT, offered(second, "sg:anon"))
    (alert,) = alerts(store)
    assert "get in" in alert.text and "step dad" not in alert.text


def test_a_button_from_an_earlier_concern_step_does_not_act(dialogue: Dialogue, store: SqliteStore) -> None:
    started = write_concern(dialogue, PARENT, "The car park is dangerous")
    summary = dialogue.choose(PARENT, offered(started, "c:done"))
    for _ in range(3):
        summary = dialogue.choose(PARENT, offered(summary, "c:skip"))
    menu = dialogue.choose(PARENT, offered(summary, "c:edit"))
    stale = dialogue.choose(PARENT, offered(summary, "c:send"))  # Send on the summary, after Edit
    assert concerns(store) == []
    assert "earlier step" in stale[0].text and stale[-1].options == menu[-1].options
    old_done = dialogue.choose(PARENT, offered(started, "c:done"))  # from the very first message
    assert concerns(store) == [] and "earlier step" in old_done[0].text


def test_typing_2_after_an_email_at_the_contact_step_never_sends_an_alert(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    out = io.StringIO()
    # /concern, the text, Done, skip class, skip name, an e-mail address, then "2" meaning Edit.
    lines = iter(["/concern", "The gate code is broken", "1", "1", "1", "tom@example.com", "2", "/quit"])
    ConsoleChat(dialogue, PARENT, out=out).run(lambda _prompt: next(lines))
    assert alerts(store) == []
    assert "What would you like to change?" in out.getvalue()


def test_a_number_typed_after_a_menu_was_answered_does_not_reach_back_to_it(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    out = io.StringIO()
    chat = ConsoleChat(dialogue, PARENT, out=out)
    chat.show(chat.step("/role"))
    chat.show(chat.step("1"))  # parent
    chat.show(chat.step("2"))  # no menu on screen now: just text
    assert store.get_role(PARENT.user_id) == "parent"


# -- item 5: /forget keeps safeguarding alerts, and says so ----------------------------------------------


def test_forget_keeps_an_undelivered_safeguarding_alert_and_says_why(tmp_path: Path) -> None:
    config = make_config(tmp_path, dsl_email_to=["dsl@school.example"])
    store = SqliteStore(config.store_path())
    dialogue = build_dialogue(config, store)
    replies = dialogue.handle(PARENT, DISCLOSURE)
    dialogue.choose(PARENT, offered(replies, "sg:named"))
    confirm = dialogue.command(PARENT, "forget")
    assert "safeguarding alerts are not erased" in confirm[0].text.lower()
    (done,) = dialogue.choose(PARENT, offered(confirm, "forget:yes"))
    (alert,) = alerts(store)
    assert alert.text == DISCLOSURE and alert.name == "Pat Parent" and not alert.redacted
    assert {d.status for d in store.deliveries_for(alert.id)} <= {"pending"}
    assert store.deliveries_for(alert.id)
    assert "kept 1 urgent safeguarding alert" in done.text and "child-protection record" in done.text
    close_store(store, dialogue)


# -- item 6: asking for a person offers the flow; cancel leaves it; questions mid-concern ----------------


@pytest.mark.parametrize(
    "text",
    [
        "hiya r u a real person",
        "you're useless",
        "someone called me names on whatsapp and now nobody talks to me",
        "I want to make a complaint",
    ],
)
def test_asking_for_a_person_or_venting_does_not_start_a_concern(
    dialogue: Dialogue, store: SqliteStore, text: str
) -> None:
    replies = dialogue.handle(ANYONE, text)
    assert store.get_state(ANYONE.user_id) is None
    assert all(r.action != "concern" for r in replies)
    if replies[-1].action == "forward":
        started = dialogue.choose(ANYONE, offered(replies, "fwd"))
        assert started[-1].action == "concern" and dialogue.concerns is not None
        assert dialogue.concerns.active(ANYONE.user_id)


@pytest.mark.parametrize("typed", ["cancel", "Stop", "stop!", "/cancel", "never mind"])
def test_typed_cancel_or_stop_leaves_the_concern(dialogue: Dialogue, store: SqliteStore, typed: str) -> None:
    write_concern(dialogue, PARENT, "The car park is dangerous")
    replies = dialogue.handle(PARENT, typed)
    assert "cancelled" in replies[0].text and "nothing was sent" in replies[0].text
    assert store.get_state(PARENT.user_id) is None
    assert dialogue.handle(PARENT, "thx")[0].action == "smalltalk"
    assert store.list_concerns() == []


@pytest.mark.parametrize("typed", ["Done", "done!", "that's it", "I'm done"])
def test_typed_done_finishes_the_text_like_the_button(
    dialogue: Dialogue, store: SqliteStore, typed: str
) -> None:
    write_concern(dialogue, PARENT, "The gate was left open at pick-up")
    replies = dialogue.handle(PARENT, typed)
    state = store.get_state(PARENT.user_id)
    assert state is not None and state["step"] != "text", replies[0].text
    assert state["parts"] == ["The gate was left open at pick-up"]


def test_done_typed_before_any_text_is_not_taken_as_the_concern(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    dialogue.command(PARENT, "concern")
    dialogue.handle(PARENT, "done")
    state = store.get_state(PARENT.user_id)
    assert state is not None and state["step"] == "text"


def test_cancel_command_in_the_console_leaves_the_concern(dialogue: Dialogue, store: SqliteStore) -> None:
    out = io.StringIO()
    lines = iter(["/concern", "The car park is dangerous", "/cancel", "thx", "/quit"])
    ConsoleChat(dialogue, PARENT, out=out).run(lambda _prompt: next(lines))
    assert store.get_state(PARENT.user_id) is None and store.list_concerns() == []
    assert "nothing was sent" in out.getvalue() and "You're welcome" in out.getvalue()


def test_thanks_mid_concern_is_not_added_to_it(dialogue: Dialogue, store: SqliteStore) -> None:
    replies = write_concern(dialogue, PARENT, "The car park is dangerous", "thx")
    assert replies[0].action == "smalltalk" and "still here" in replies[1].text
    assert dialogue.concerns is not None
    assert dialogue.concerns.conversation(PARENT.user_id) == ["The car park is dangerous"]


def test_a_policy_question_mid_concern_is_kept_and_its_answer_offered(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    replies = write_concern(dialogue, PARENT, "Other parents keep posting photos of my son on facebook")
    assert offered(replies, "t:parents_photos") and offered(replies, "c:done")
    answer = dialogue.choose(PARENT, "t:parents_photos")
    assert answer[0].topic == "parents_photos" and "still here" in answer[1].text
    dialogue.choose(PARENT, offered(answer, "c:done"))
    assert dialogue.concerns is not None and dialogue.concerns.step(PARENT.user_id) == "class"
    assert dialogue.concerns.conversation(PARENT.user_id) == [
        "Other parents keep posting photos of my son on facebook"
    ]


# -- item 7: Edit changes one part ------------------------------------------------------------------------


def test_edit_changes_just_the_class_and_keeps_the_text(dialogue: Dialogue, store: SqliteStore) -> None:
    replies = write_concern(dialogue, PARENT, "The car park is dangerous")
    replies = dialogue.choose(PARENT, offered(replies, "c:done"))
    replies = dialogue.handle(PARENT, "Oak")
    replies = dialogue.handle(PARENT, "Sam")
    replies = dialogue.handle(PARENT, "07700 900123")
    replies = dialogue.choose(PARENT, offered(replies, "c:edit"))
    replies = dialogue.choose(PARENT, offered(replies, "c:change_class"))
    summary = dialogue.handle(PARENT, "Ash")
    assert "Please check your concern" in summary[-1].text
    dialogue.choose(PARENT, offered(summary, "c:send"))
    (concern,) = concerns(store)
    assert (concern.text, concern.child_class, concern.name, concern.contact) == (
        "The car park is dangerous",
        "Ash",
        "Sam",
        "07700 900123",
    )


def test_edit_can_rewrite_the_text_and_keep_the_details(dialogue: Dialogue, store: SqliteStore) -> None:
    replies = write_concern(dialogue, PARENT, "first version")
    replies = dialogue.choose(PARENT, offered(replies, "c:done"))
    replies = dialogue.handle(PARENT, "Oak")
    replies = dialogue.choose(PARENT, offered(replies, "c:anon"))
    replies = dialogue.choose(PARENT, offered(replies, "c:edit"))
    replies = dialogue.choose(PARENT, offered(replies, "c:change_text"))
    dialogue.handle(PARENT, "second version")
    replies = dialogue.handle(PARENT, "and more")
    summary = dialogue.choose(PARENT, offered(replies, "c:done"))
    dialogue.choose(PARENT, offered(summary, "c:send"))
    (concern,) = concerns(store)
    assert (concern.text, concern.child_class, concern.anonymous) == (
        "second version\n\nand more",
        "Oak",
        True,
    )


# -- item 21: pupils' own wording ---------------------------------------------------------------------------


def test_pupils_get_their_own_safeguarding_wording(dialogue: Dialogue) -> None:
    (pupil,) = dialogue.handle(PUPIL, "my dad hits me when he is drunk")
    (parent,) = dialogue.handle(PARENT, "my dad hits me when he is drunk")
    assert "Childline" in pupil.text and "0800 1111" in pupil.text and "trust" in pupil.text
    assert "children's services" not in pupil.text and "include your name" not in pupil.text
    assert "children's services" in parent.text and "Childline" not in parent.text


def test_pupils_get_their_own_bullying_answer(dialogue: Dialogue) -> None:
    (pupil,) = dialogue.choose(PUPIL, "t:cyberbullying_policy")
    (parent,) = dialogue.choose(PARENT, "t:cyberbullying_policy")
    assert "parents can contact the office" not in pupil.text and "0800 1111" in pupil.text
    assert "grown-up you trust" in pupil.text
    assert "parents can contact the office" in parent.text


# -- issue 9 item 3: two misses in a row bring an offer of a person --------------------------------------


def test_two_fallbacks_in_a_row_offer_a_person(dialogue: Dialogue) -> None:
    first = dialogue.handle(PARENT, "what's for school dinner today?")
    second = dialogue.handle(PARENT, "how tall is the moon")
    assert first[0].action == "fallback" and len(first) == 1
    assert second[0].action == "fallback" and "person at the school office" in second[-1].text
    started = dialogue.choose(PARENT, offered(second, "fwd"))
    assert started[-1].action == "concern"


def test_a_fallback_then_a_thumbs_down_offers_a_person_and_an_answer_in_between_resets(
    dialogue: Dialogue,
) -> None:
    dialogue.handle(PARENT, "what's for school dinner today?")
    answer = dialogue.handle(PARENT, "can i post photos of the nativity on facebook")
    assert answer[0].action == "answer"
    assert len(dialogue.handle(PARENT, "how tall is the moon")) == 1  # the answer reset the count
    replies = dialogue.choose(PARENT, "fb:parents_photos:0")
    assert "Thanks for the feedback" in replies[0].text
    assert "person at the school office" in replies[-1].text and offered(replies, "fwd")


def test_an_unanswered_alert_question_is_dropped_after_the_idle_timeout(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    replies = dialogue.handle(PARENT, DISCLOSURE)
    assert store.get_state(PARENT.user_id) is not None
    later = datetime.now(UTC) + timedelta(minutes=dialogue.engine.config.concerns.idle_timeout_minutes + 1)
    assert dialogue.expire_idle(later) == []
    assert store.get_state(PARENT.user_id) is None
    assert "earlier message" in dialogue.choose(PARENT, offered(replies, "sg:anon"))[0].text
    assert alerts(store) == []


def test_an_email_address_spelt_out_in_words_at_the_contact_step_never_sends_an_alert(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    out = io.StringIO()
    # /concern, the text, Done, skip class, skip name, then the address as people type it on a phone.
    address = "its dave.p at btinternet dot com"
    lines = iter(["/concern", "The gate code is broken", "1", "1", "1", address, "/quit"])
    ConsoleChat(dialogue, PARENT, out=out).run(lambda _prompt: next(lines))
    assert alerts(store) == [] and "Send the alert" not in out.getvalue()
    assert "dave.p at btinternet dot com" in out.getvalue()  # the summary shows it as the contact


# -- round 8: a message near the example disclosures in meaning gets an offer, not an interruption --------

NEAR = (
    "Sorry to message so late. Her older cousin has been looking after her after school since September and "
    "she has started refusing to go, she hides her phone from me and she screams when I mention him."
)
NEAR_TOO = (
    "Not sure who to ask about this. A man who isn't a parent has been waiting by the side gate at home time "
    "this week and chatting to some of the year five girls, giving them sweets, and he asked my daughter "
    "where she lives."
)


def test_a_message_near_a_disclosure_keeps_its_reply_and_offers_to_alert_the_dsl(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    (reply,) = dialogue.handle(PARENT, NEAR)
    assert reply.action != "safeguarding"
    assert "If this is about a child's safety" in reply.text
    assert [o.label for o in reply.options][-1] == "It's about a child's safety"
    assert alerts(store) == []  # nothing is sent until the person says so
    question = dialogue.choose(PARENT, offered([reply], "sg:ask"))
    assert question[0].action == "safeguarding"
    assert [o.payload.split(":")[1] for o in question[0].options] == ["named", "anon", "no"]
    dialogue.choose(PARENT, offered(question, "sg:anon"))
    (alert,) = alerts(store)
    assert alert.text == NEAR and alert.anonymous and alert.route == "dsl"
    assert store.get_state(PARENT.user_id) is None


def test_a_pupil_is_offered_the_same_in_their_own_words(dialogue: Dialogue) -> None:
    (reply,) = dialogue.handle(PUPIL, NEAR_TOO)
    assert "tell the people at school who keep children safe" in reply.text
    assert "Someone isn't safe" in [o.label for o in reply.options]


OTHER_LANGUAGE = "mujhe ghar jaane se dar lagta hai, abbu bohat gussa karte hain"  # "I'm scared to go home…"


def test_a_message_in_a_language_the_check_cannot_read_is_offered_to_the_dsl(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    # Round 19 (the mixed-language probe): the safeguarding check's rules and examples are English, so a
    # message written mostly in Urdu passed it unflagged and got a plain fallback. It is offered now, as a
    # message near a disclosure is; nothing is sent until the person says so.
    assert dialogue.engine.detector.detect(OTHER_LANGUAGE, role="pupil") is None
    (reply, *_) = dialogue.handle(PUPIL, OTHER_LANGUAGE)
    assert "sg:ask" in " ".join(o.payload for o in reply.options)
    assert alerts(store) == []


def test_an_english_message_with_a_polish_name_gets_no_offer(dialogue: Dialogue) -> None:
    (reply, *_) = dialogue.handle(
        PARENT, "Hi, it's Michał's mum, can I post photos of the nativity on facebook?"
    )
    assert not any(o.payload.startswith("sg:") for o in reply.options)


def test_an_ordinary_question_gets_no_offer(dialogue: Dialogue, store: SqliteStore) -> None:
    (reply,) = dialogue.handle(PARENT, "can I post photos of the nativity play on facebook")
    assert not any(o.payload.startswith("sg:") for o in reply.options)
    assert "child's safety" not in reply.text
    assert store.get_state(PARENT.user_id) is None  # nothing of the message is kept


def test_an_earlier_offer_sends_nothing_once_a_later_one_replaced_it(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    first = dialogue.handle(PARENT, NEAR)
    second = dialogue.handle(PARENT, NEAR_TOO)
    stale = dialogue.choose(PARENT, offered(first, "sg:ask"))
    assert "earlier message" in stale[0].text and alerts(store) == []
    question = dialogue.choose(PARENT, offered(second, "sg:ask"))
    dialogue.choose(PARENT, offered(question, "sg:named"))
    (alert,) = alerts(store)
    assert "side gate" in alert.text and "cousin" not in alert.text


def test_a_message_kept_for_an_offer_not_taken_is_dropped_after_the_idle_timeout(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    replies = dialogue.handle(PARENT, NEAR)
    assert NEAR in str(store.get_state(PARENT.user_id))
    later = datetime.now(UTC) + timedelta(minutes=dialogue.engine.config.concerns.idle_timeout_minutes + 1)
    dialogue.expire_idle(later)
    assert store.get_state(PARENT.user_id) is None
    assert "earlier message" in dialogue.choose(PARENT, offered(replies, "sg:ask"))[0].text
    assert alerts(store) == []
