"""Insights: outcomes counted without who asked, unanswered questions kept and grouped, examples added to
the knowledge YAML (checked, rolled back when broken), the dashboard pages and `policybot insights`."""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.core.replies import UserContext
from bot.insights.examples import ExampleError, add_example
from bot.insights.grouping import group_questions
from bot.knowledge.loading import KnowledgeError, load_knowledge
from bot.store.records import Unanswered, utc_now
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store
from tests.conftest import run_cli
from tests.web_harness import Client, WebServer, web_config

PARENT = UserContext("web:abcdefabcdefabcdefabcdef", role="parent", channel="web", chat_id="abc")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore(tmp_path / "insights.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def dialogue(store: SqliteStore, tmp_path: Path):  # type: ignore[no-untyped-def]
    return build_dialogue(web_config(tmp_path), store)


def _table(store: SqliteStore, sql: str) -> list[tuple]:
    with sqlite3.connect(store.path) as db:
        return db.execute(sql).fetchall()


def test_closing_the_store_after_a_conversation_keeps_every_outcome(tmp_path: Path) -> None:
    # Every channel closes the store when it stops: what the recorder's background writer had not yet written
    # must be written first, not lost with a "could not record an outcome" in the log. A slow disk (each count
    # takes 20 ms here) leaves most of them queued when the channel stops.
    class SlowDisk(SqliteStore):
        def count_outcome(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            time.sleep(0.02)
            return super().count_outcome(*args, **kwargs)

    opened = SlowDisk(tmp_path / "closing.sqlite3")
    dialogue = build_dialogue(web_config(tmp_path), opened)
    for i in range(40):
        dialogue.handle(PARENT, f"what time is lunch on day {i}")
    close_store(opened, dialogue)
    reopened = SqliteStore(tmp_path / "closing.sqlite3")
    try:
        assert [(c.outcome, c.count) for c in reopened.outcome_counts(utc_now())] == [("fallback", 40)]
        assert len(reopened.list_unanswered()) == 40
    finally:
        reopened.close()


def test_a_fallback_is_kept_as_text_without_who_asked(dialogue, store: SqliteStore) -> None:  # type: ignore[no-untyped-def]
    dialogue.handle(PARENT, "what time is lunch")
    dialogue.on_outcome.flush()
    (question,) = store.list_unanswered()
    assert (question.text, question.reason) == ("what time is lunch", "fallback")
    columns = [row[1] for row in _table(store, "PRAGMA table_info(unanswered)")]
    assert not any("user" in c or "session" in c or "chat" in c for c in columns)
    assert "abcdef" not in str(_table(store, "SELECT * FROM unanswered"))
    assert [(c.outcome, c.count) for c in store.outcome_counts(utc_now())] == [("fallback", 1)]


def test_none_of_these_keeps_the_question_that_was_clarified(dialogue, store: SqliteStore) -> None:  # type: ignore[no-untyped-def]
    (clarify,) = dialogue.handle(PARENT, "facebook")
    assert clarify.action == "clarify"
    dialogue.choose(PARENT, "fwd")
    dialogue.on_outcome.flush()
    (question,) = store.list_unanswered()
    assert (question.text, question.reason) == ("facebook", "none_of_these")
    assert question.topic == clarify.alternatives[0].topic


def test_thumbs_down_keeps_the_question_and_thumbs_up_only_counts(dialogue, store: SqliteStore) -> None:  # type: ignore[no-untyped-def]
    (answer,) = dialogue.handle(PARENT, "can i post pics of the nativity on fb")
    dialogue.choose(PARENT, f"fb:{answer.topic}:1")
    dialogue.on_outcome.flush()
    assert store.list_unanswered() == []
    dialogue.handle(PARENT, "can i post pics of the nativity on fb")
    dialogue.choose(PARENT, f"fb:{answer.topic}:0")
    dialogue.on_outcome.flush()
    (question,) = store.list_unanswered()
    assert (question.reason, question.topic) == ("unhelpful", answer.topic)
    outcomes = {(c.outcome, c.topic): c.count for c in store.outcome_counts(utc_now())}
    assert outcomes[("helpful", answer.topic)] == 1 and outcomes[("unhelpful", answer.topic)] == 1
    assert outcomes[("answered", answer.topic)] == 2


def test_a_forged_feedback_tap_is_not_counted(dialogue, store: SqliteStore) -> None:  # type: ignore[no-untyped-def]
    dialogue.handle(PARENT, "can i post pics of the nativity on fb")
    for payload in ("fb:no_such_topic:0", "fb:parents_photos:7", "fb:" + "x" * 50 + ":1"):
        dialogue.choose(PARENT, payload)
    dialogue.on_outcome.flush()
    assert [c.outcome for c in store.outcome_counts(utc_now())] == ["answered"]
    assert store.list_unanswered() == []


def test_a_disclosure_is_counted_but_its_text_never_kept(dialogue, store: SqliteStore) -> None:  # type: ignore[no-untyped-def]
    text = "my daughter told me her step dad touches her and she is scared to go home"
    dialogue.handle(PARENT, text)
    dialogue.choose(PARENT, "fwd")
    dialogue.on_outcome.flush()
    assert store.list_unanswered() == []
    assert [c.outcome for c in store.outcome_counts(utc_now())] == ["safeguarding"]


def test_telegram_and_console_replies_are_unchanged_by_the_recorder(
    tmp_path: Path, store: SqliteStore
) -> None:
    plain = build_dialogue(web_config(tmp_path), store)
    plain.on_outcome = None
    recorded = build_dialogue(web_config(tmp_path), store)
    user = UserContext("telegram:1", role="parent", channel="telegram", chat_id="1")
    for text in ("facebook", "what time is lunch", "can i post pics of the nativity on fb"):
        assert plain.handle(user, text) == recorded.handle(user, text)


def test_a_failing_recorder_never_costs_the_person_their_reply(dialogue) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    dialogue.on_outcome = broken
    (reply,) = dialogue.handle(PARENT, "what time is lunch")
    assert reply.action == "fallback"


def _q(n: int, text: str, topic: str = "", reason: str = "fallback") -> Unanswered:
    return Unanswered(n, text, reason, topic, "open", utc_now())  # type: ignore[arg-type]


def test_similar_questions_are_grouped_with_their_most_common_nearest_topic() -> None:
    groups = group_questions(
        [
            _q(1, "what time is lunch", "a"),
            _q(2, "What time is lunch??", "b"),
            _q(3, "what time is lunch served", "b"),
            _q(4, "are the term dates online"),
        ]
    )
    assert [g.ids for g in groups] == [[1, 2, 3], [4]]
    assert groups[0].topic == "b" and groups[1].topic == ""


def test_adding_an_example_writes_the_yaml_keeps_comments_and_the_matcher_learns_it(
    knowledge_copy: Path,
) -> None:
    knowledge = load_knowledge(knowledge_copy)
    topic = knowledge.topics["parents_photos"]
    before = Path(topic.file).read_text(encoding="utf-8")
    path = add_example(knowledge, "parents_photos", 'can i "share" the panto vids on tiktok', load_knowledge)
    after = path.read_text(encoding="utf-8")
    assert len(after.splitlines()) == len(before.splitlines()) + 1
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == [
        line for line in after.splitlines() if line.lstrip().startswith("#")
    ]
    reloaded = load_knowledge(knowledge_copy)
    assert reloaded.topics["parents_photos"].examples[-1] == 'can i "share" the panto vids on tiktok'


def test_an_example_that_breaks_the_check_is_rolled_back(knowledge_copy: Path) -> None:
    knowledge = load_knowledge(knowledge_copy)
    path = Path(knowledge.topics["parents_photos"].file)
    before = path.read_text(encoding="utf-8")

    def failing_check(_folder: Path) -> None:
        raise KnowledgeError([f"{path}:1: broken — fix it"])

    with pytest.raises(ExampleError) as err:
        add_example(knowledge, "parents_photos", "a new question", failing_check)
    assert "broken" in err.value.problems[0]
    assert path.read_text(encoding="utf-8") == before
    with pytest.raises(ExampleError):
        add_example(knowledge, "no_such_topic", "a new question", load_knowledge)
    with pytest.raises(ExampleError):
        add_example(
            knowledge, "parents_photos", knowledge.topics["parents_photos"].examples[0], load_knowledge
        )


@pytest.fixture
def office_server(tmp_path: Path, knowledge_copy: Path) -> Iterator[WebServer]:
    import dataclasses

    config = dataclasses.replace(web_config(tmp_path), knowledge_dir=str(knowledge_copy))
    running = WebServer(config).start()
    running.add_office_user("alice")
    yield running
    running.stop()


def test_unanswered_page_adds_an_example_to_the_chosen_topic(
    office_server: WebServer, knowledge_copy: Path
) -> None:
    chat = Client(office_server.port)
    for text in ("can we bring cake for birthdays", "can we bring a birthday cake in"):
        chat.post_json("/api/chat", {"text": text})
    office_server.flush()
    office = Client(office_server.port)
    office.login("alice")
    page = office.get("/office/unanswered").body
    assert page.count('<section class="group"') == 1 and "2 questions" in page
    ids = [q.id for q in office_server.store.list_unanswered()]
    token = office.csrf("/office/unanswered")
    fields = [("csrf", token), ("action", "example"), ("topic", "parents_photos")] + [
        ("id", str(i)) for i in ids
    ]
    response = office.post_form("/office/unanswered", fields)
    # The dialogue can reload its knowledge now, so the page says the example was added (no restart).
    assert response.status == 303 and "note=added" in response.headers["Location"]
    assert "birthday" in load_knowledge(knowledge_copy).topics["parents_photos"].examples[-1]
    assert office_server.store.list_unanswered() == []


def test_an_added_example_reloads_the_knowledge_when_the_bot_can(
    tmp_path: Path, knowledge_copy: Path
) -> None:
    import dataclasses

    config = dataclasses.replace(web_config(tmp_path), knowledge_dir=str(knowledge_copy))
    server = WebServer(config)
    reloads: list[int] = []
    server.dialogue.reload = lambda: reloads.append(1)  # type: ignore[attr-defined]
    server.start()
    try:
        server.add_office_user("alice")
        Client(server.port).post_json("/api/chat", {"text": "can we bring cake for birthdays"})
        server.flush()
        office = Client(server.port)
        office.login("alice")
        (question,) = server.store.list_unanswered()
        token = office.csrf("/office/unanswered")
        fields = {"csrf": token, "action": "example", "topic": "parents_photos", "id": question.id}
        response = office.post_form("/office/unanswered", fields)
        assert response.headers["Location"].endswith("note=added") and reloads == [1]
        assert "knowledge reloaded" in office.get(response.headers["Location"]).body
    finally:
        server.stop()


def test_dismiss_needs_its_csrf_token(office_server: WebServer) -> None:
    Client(office_server.port).post_json("/api/chat", {"text": "what time is lunch"})
    office_server.flush()
    office = Client(office_server.port)
    office.login("alice")
    (question,) = office_server.store.list_unanswered()
    assert office.post_form("/office/unanswered", {"action": "dismiss", "id": question.id}).status == 403
    token = office.csrf("/office/unanswered")
    office.post_form("/office/unanswered", {"csrf": token, "action": "dismiss", "id": question.id})
    assert office_server.store.list_unanswered() == []
    assert [q.id for q in office_server.store.list_unanswered("dismissed")] == [question.id]
    assert "what time is lunch" not in office.get("/office/unanswered").body


def test_needs_a_new_topic_moves_a_group_to_its_own_list(office_server: WebServer) -> None:
    Client(office_server.port).post_json("/api/chat", {"text": "are the term dates online"})
    office_server.flush()
    office = Client(office_server.port)
    office.login("alice")
    (question,) = office_server.store.list_unanswered()
    token = office.csrf("/office/unanswered")
    office.post_form("/office/unanswered", {"csrf": token, "action": "new_topic", "id": question.id})
    page = office.get("/office/unanswered").body
    assert "Nothing waiting" in page
    assert "Marked as needing a new topic" in page and "are the term dates online" in page


def test_insights_page_draws_svg_charts_with_escaped_labels(office_server: WebServer) -> None:
    chat = Client(office_server.port)
    session = chat.post_json("/api/chat", {"text": "can i post pics of the nativity on fb"}).json()["session"]
    chat.post_json("/api/chat", {"session": session, "payload": "fb:parents_photos:0"})
    chat.post_json("/api/chat", {"text": "what time is lunch"})
    office_server.flush()
    office = Client(office_server.port)
    office.login("alice")
    page = office.get("/office/insights?since=7").body
    assert page.count("<svg") == 3 and "<script" not in page
    assert "answered: 1" in page and "fallback: 1" in page


def test_old_unanswered_text_is_purged_after_the_retention(tmp_path: Path, store: SqliteStore) -> None:
    store.add_unanswered("old question", "fallback", "", now=utc_now() - timedelta(days=91))
    store.add_unanswered("new question", "fallback", "")
    from bot.channels.web.app import WebChannel

    channel = WebChannel(web_config(tmp_path), build_dialogue(web_config(tmp_path), store), store)
    channel.housekeeping()
    assert [q.text for q in store.list_unanswered()] == ["new question"]


def test_insights_cli_prints_text_csv_and_html(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    example = (Path(__file__).parent.parent / "config.example.yaml").read_text(encoding="utf-8")
    config.write_text(example.replace("path: policybot.sqlite3", "path: cli.sqlite3"), encoding="utf-8")
    store = SqliteStore(tmp_path / "cli.sqlite3")
    store.count_outcome("answered", "parents_photos")
    store.count_outcome("fallback")
    store.count_outcome("helpful", "parents_photos")
    store.close()
    text = run_cli("insights", "--config", str(config), "--since", "7")
    assert text.returncode == 0, text.stderr
    assert "answered 1, clarified 0, fallback 1" in text.stdout and "parents_photos" in text.stdout
    rows = list(
        csv.reader(io.StringIO(run_cli("insights", "--config", str(config), "--format", "csv").stdout))
    )
    assert rows[0] == ["section", "key", "measure", "value"]
    assert ["feedback", "parents_photos", "helpful", "1"] in rows
    html = run_cli("insights", "--config", str(config), "--format", "html").stdout
    assert html.count("<svg") == 3 and "<script" not in html
    bad = run_cli("insights", "--config", str(config), "--since", "0")
    assert bad.returncode == 1 and "--since" in bad.stderr
