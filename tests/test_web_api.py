"""The chat API over real HTTP on 127.0.0.1: sessions, replies as JSON, limits, and the concern flow."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import RateLimitConfig
from tests.web_harness import Client, WebServer, web_config


@pytest.fixture
def server(tmp_path: Path) -> Iterator[WebServer]:
    """A server of the test's own (for tests that look at everything in the store)."""
    running = WebServer(web_config(tmp_path)).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    """One server for the tests that only look at their own session's replies."""
    running = WebServer(web_config(tmp_path_factory.mktemp("web"))).start()
    yield running
    running.stop()


def test_a_question_without_a_session_gets_a_new_session_and_the_quoted_rule(shared: WebServer) -> None:
    response = Client(shared.port).post_json("/api/chat", {"text": "can i post pics of the nativity on fb"})
    assert response.status == 200
    data = response.json()
    assert len(data["session"]) >= 20
    (reply,) = data["replies"]
    assert set(reply) == {"text", "html", "options"}
    assert "Comments posted by parents/carers on social media sites" in reply["text"]
    assert "<blockquote>" in reply["html"]
    payloads = [o["payload"] for o in reply["options"]]
    assert "fb:parents_photos:1" in payloads and "fb:parents_photos:0" in payloads and "fwd" in payloads
    assert all(set(o) == {"label", "payload"} for o in reply["options"])


def test_did_you_mean_then_a_tap_by_payload_answers_that_topic(shared: WebServer) -> None:
    client = Client(shared.port)
    first = client.post_json("/api/chat", {"text": "facebook"}).json()
    (clarify,) = first["replies"]
    topic_payload = next(o["payload"] for o in clarify["options"] if o["payload"].startswith("t:"))
    second = client.post_json("/api/chat", {"session": first["session"], "payload": topic_payload}).json()
    assert second["session"] == first["session"]
    assert "The policy says" in second["replies"][0]["text"]


def test_start_command_offers_the_role_buttons_and_the_role_sticks(shared: WebServer) -> None:
    client = Client(shared.port)
    start = client.post_json("/api/chat", {"payload": "cmd:start"}).json()
    assert [o["payload"] for o in start["replies"][0]["options"]] == ["r:parent", "r:staff", "r:pupil"]
    client.post_json("/api/chat", {"session": start["session"], "payload": "r:staff"})
    assert shared.store.get_role(f"web:{start['session']}") == "staff"


def test_bodies_over_16_kb_are_refused_with_a_friendly_message(shared: WebServer) -> None:
    response = Client(shared.port).post_json("/api/chat", {"text": "a" * 17_000})
    assert response.status == 413
    assert "too long" in response.json()["replies"][0]["text"]


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"text": 5}',
        b'{"text": "a", "payload": "b"}',
        b"{}",
        "\udcff".encode("utf-8", "surrogatepass"),
    ],
)
def test_malformed_requests_get_400_and_a_friendly_message(shared: WebServer, body: bytes) -> None:
    response = Client(shared.port).post_json("/api/chat", body)
    assert response.status == 400
    assert "couldn't read that" in response.json()["replies"][0]["text"]


@pytest.mark.parametrize("text", ["", "😀😀😀", "{{ 7*7 }}", "<b>hi</b>", "x" * 4000])
def test_odd_text_gets_a_reply_never_an_error(shared: WebServer, text: str) -> None:
    response = Client(shared.port).post_json("/api/chat", {"text": text})
    assert response.status == 200, response.body
    assert response.json()["replies"][0]["text"]
    assert "49" not in response.json()["replies"][0]["text"]


def test_a_forged_payload_gets_the_stale_button_reply(shared: WebServer) -> None:
    response = Client(shared.port).post_json("/api/chat", {"payload": "<script>"})
    assert response.status == 200
    assert response.json()["replies"][0]["text"]


def test_an_unknown_or_expired_session_is_replaced_and_the_person_told(shared: WebServer) -> None:
    client = Client(shared.port)
    session = client.post_json("/api/chat", {"text": "hello"}).json()["session"]
    with sqlite3.connect(shared.config.store_path()) as db:
        db.execute("UPDATE web_sessions SET last_seen = '2000-01-01T00:00:00.000000+00:00'")
    data = client.post_json("/api/chat", {"session": session, "text": "hello"}).json()
    assert data["session"] != session
    assert "starting afresh" in data["replies"][0]["text"]


def test_session_rate_limit_answers_429_politely(tmp_path: Path) -> None:
    server = WebServer(web_config(tmp_path, rate_limit=RateLimitConfig(3, 60))).start()
    try:
        client = Client(server.port)
        session = client.post_json("/api/chat", {"text": "hello"}).json()["session"]
        statuses = [
            client.post_json("/api/chat", {"session": session, "text": "hi"}).status for _ in range(3)
        ]
        assert statuses == [200, 200, 429]
        refused = client.post_json("/api/chat", {"session": session, "text": "hi"}).json()
        assert "faster than I can answer" in refused["replies"][0]["text"]
    finally:
        server.stop()


def test_address_rate_limit_counts_new_sessions_too(tmp_path: Path) -> None:
    server = WebServer(web_config(tmp_path, address_rate_limit=RateLimitConfig(4, 60))).start()
    try:
        client = Client(server.port)
        statuses = [client.post_json("/api/chat", {"text": "hello"}).status for _ in range(5)]
        assert statuses == [200, 200, 200, 200, 429]
    finally:
        server.stop()


def test_pages_carry_a_strict_content_security_policy(shared: WebServer) -> None:
    client = Client(shared.port)
    for path in ("/", "/office/login", "/static/chat.js"):
        csp = client.get(path).headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
    page = client.get("/").body
    assert "<script>" not in page and " style=" not in page and "onclick" not in page
    assert 'src="/static/chat.js"' in page and "http" not in page.split("<body")[0].replace("http-equiv", "")


def test_the_widget_script_is_served_as_javascript(shared: WebServer) -> None:
    response = Client(shared.port).get("/widget.js")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert "/?embed=1" in response.body


def test_embed_origins_may_frame_the_chat(tmp_path: Path) -> None:
    server = WebServer(web_config(tmp_path, embed_origins=["https://www.school.example"])).start()
    try:
        csp = Client(server.port).get("/?embed=1").headers["Content-Security-Policy"]
        assert "frame-ancestors 'self' https://www.school.example" in csp
    finally:
        server.stop()


def _tap(client: Client, session: str, last: dict, action: str) -> dict:
    """Tap the option of the last reply whose payload starts with `action` (menus carry a token)."""
    payload = next(
        o["payload"] for r in last["replies"] for o in r["options"] if o["payload"].startswith(action)
    )
    return client.post_json("/api/chat", {"session": session, "payload": payload}).json()


def _send_concern(client: Client, text: str) -> tuple[str, str]:
    """Through the API: /concern, the text, Done, skip class/name/contact, Send → (session, last reply)."""
    last = client.post_json("/api/chat", {"text": "/concern"}).json()
    session = last["session"]
    last = client.post_json("/api/chat", {"session": session, "text": text}).json()
    for action in ("c:done", "c:skip", "c:skip", "c:skip", "c:send"):
        last = _tap(client, session, last, action)
    return session, last["replies"][-1]["text"]


def test_a_concern_from_the_web_is_stored_and_its_reference_shown(server: WebServer) -> None:
    session, sent = _send_concern(Client(server.port), "The <script>alert(1)</script> lunch menu changed")
    (concern,) = server.store.list_concerns()
    assert concern.reference in sent
    assert concern.channel == "web" and concern.chat_id == session
    assert concern.text == "The <script>alert(1)</script> lunch menu changed"


def test_the_concern_summary_escapes_what_the_person_wrote(shared: WebServer) -> None:
    client = Client(shared.port)
    last = client.post_json("/api/chat", {"text": "/concern"}).json()
    session = last["session"]
    last = client.post_json("/api/chat", {"session": session, "text": "<img src=x onerror=alert(1)>"}).json()
    for action in ("c:done", "c:skip", "c:skip", "c:skip"):
        last = _tap(client, session, last, action)
    summary = last["replies"][0]
    assert "<img" not in summary["html"] and "&lt;img" in summary["html"]


def test_the_offices_reply_waits_in_the_inbox_until_the_page_fetches_it(server: WebServer) -> None:
    import time

    client = Client(server.port)
    session, _ = _send_concern(client, "Please call me about the trip")
    (concern,) = server.store.list_concerns()
    office = Client(server.port)
    server.add_office_user("alice")
    office.login("alice")
    token = office.csrf(f"/office/concerns/{concern.reference}")
    sent = office.post_form(
        f"/office/concerns/{concern.reference}/reply", {"csrf": token, "text": "Will do!"}
    )
    assert sent.status == 303 and "note=sent" in sent.headers["Location"]
    deadline, replies = time.monotonic() + 10, []
    while not replies and time.monotonic() < deadline:
        replies = client.post_json("/api/inbox", {"session": session}).json()["replies"]
        time.sleep(0.1)
    assert "Will do!" in replies[0]["text"] and concern.reference in replies[0]["text"]
    assert client.post_json("/api/inbox", {"session": session}).json()["replies"] == []


def test_a_disclosure_gets_the_safeguarding_reply_with_the_dsls_details(shared: WebServer) -> None:
    text = "my daughter told me her step dad touches her and she is scared to go home"
    reply = Client(shared.port).post_json("/api/chat", {"text": text}).json()["replies"][0]
    assert "999" in reply["text"]
    assert shared.config.school.safeguarding_lead_name in reply["text"]
    assert {o["payload"].rsplit(":", 1)[0] for o in reply["options"]} >= {"sg:named", "sg:anon", "sg:no"}
