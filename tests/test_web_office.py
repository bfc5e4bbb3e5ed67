"""The office dashboard over real HTTP: login, sessions, CSRF, roles, and the concerns inbox."""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.concerns.export import CSV_COLUMNS
from bot.store.records import NewConcern
from tests.conftest import run_cli
from tests.web_harness import OFFICE_PASSWORD, Client, WebServer, web_config


@pytest.fixture
def server(tmp_path: Path) -> Iterator[WebServer]:
    running = WebServer(web_config(tmp_path)).start()
    running.add_office_user("alice", "office")
    running.add_office_user("dana", "dsl")
    yield running
    running.stop()


def _concern(server: WebServer, text: str, kind: str = "concern", channel: str = "telegram", **kw: str):
    new = NewConcern(
        submission_id=text,
        user_id=f"{channel}:42",
        text=text,
        channel=channel,
        chat_id="42",
        kind=kind,  # type: ignore[arg-type]
        priority="high" if kind == "safeguarding" else "normal",
        **kw,
    )
    return server.store.create_concern(new, [], "MM")


def _logged_in(server: WebServer, name: str = "alice") -> Client:
    client = Client(server.port)
    response = client.login(name)
    assert response.status == 303 and response.headers["Location"] == "/office"
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/office",
        "/office/concerns/MM-2026-0001",
        "/office/concerns.csv",
        "/office/unanswered",
        "/office/insights",
    ],
)
def test_logged_out_pages_are_refused_and_sent_to_the_login(
    server: WebServer, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    _concern(server, "secret text about the gate")
    with caplog.at_level(logging.WARNING, logger="bot.web.office"):
        response = Client(server.port).get(path)
    assert response.status == 303 and response.headers["Location"] == "/office/login"
    assert "secret text" not in response.body
    assert any("not logged in" in r.getMessage() for r in caplog.records)


def test_a_logged_out_form_is_refused_even_with_a_login_pages_token(server: WebServer) -> None:
    concern = _concern(server, "the gate")
    client = Client(server.port)
    token = client.csrf("/office/login")
    response = client.post_form(f"/office/concerns/{concern.reference}/close", {"csrf": token})
    assert response.status == 403
    assert server.store.get_concern(concern.reference).status == "open"


def test_login_cookie_is_httponly_samesite_strict_secure_and_new_after_login(server: WebServer) -> None:
    client = Client(server.port)
    client.get("/office/login")
    before = client.cookies["pb_office"]
    client.login("alice")
    after = client.cookies["pb_office"]
    assert after != before
    header = client.set_cookie_headers[-1]
    for flag in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/office"):
        assert flag in header, header
    assert client.get("/office").status == 200


def test_a_wrong_password_is_refused_and_logged(server: WebServer, caplog: pytest.LogCaptureFixture) -> None:
    client = Client(server.port)
    with caplog.at_level(logging.WARNING, logger="bot.web.office"):
        response = client.login("alice", "not the password")
    assert response.status == 401 and "don't match" in response.body
    assert client.get("/office").status == 303
    assert any("login failed" in r.getMessage() for r in caplog.records)
    assert not any("not the password" in r.getMessage() for r in caplog.records)


def test_login_attempts_are_limited_even_for_the_right_password_afterwards(server: WebServer) -> None:
    client = Client(server.port)
    statuses = [client.login("alice", f"wrong {n}").status for n in range(5)]
    assert statuses == [401] * 5
    assert client.login("alice").status == 429
    assert client.get("/office").status == 303


def test_forms_without_their_csrf_token_are_refused(server: WebServer) -> None:
    concern = _concern(server, "the gate")
    client = _logged_in(server)
    for fields in ({"text": "hello"}, {"text": "hello", "csrf": "forged"}):
        response = client.post_form(f"/office/concerns/{concern.reference}/reply", fields)
        assert response.status == 403 and "did not come from this dashboard" in response.body
    assert server.store.office_replies(concern.id) == []


def test_logout_needs_its_token_and_ends_the_session(server: WebServer) -> None:
    client = _logged_in(server)
    assert client.post_form("/office/logout", {}).status == 403
    assert client.post_form("/office/logout", {"csrf": client.csrf("/office")}).status == 303
    assert client.get("/office").status == 303


def test_safeguarding_alerts_are_shown_to_the_dsl_only(server: WebServer) -> None:
    alert = _concern(server, "URGENT disclosure text", kind="safeguarding")
    _concern(server, "an ordinary concern")
    office, dsl = _logged_in(server, "alice"), _logged_in(server, "dana")
    assert "URGENT disclosure" not in office.get("/office?status=all").body
    assert office.get(f"/office/concerns/{alert.reference}").status == 404
    assert "URGENT disclosure" not in office.get("/office/concerns.csv").body
    assert "URGENT disclosure" in dsl.get("/office?status=all").body
    assert dsl.get(f"/office/concerns/{alert.reference}").status == 200
    assert "URGENT disclosure" in dsl.get("/office/concerns.csv").body


def test_inbox_filters_open_and_closed_and_searches(server: WebServer) -> None:
    gate = _concern(server, "the gate is broken", child_class="Owls")
    _concern(server, "lunch menu question")
    server.store.close_concern(gate.reference)
    client = _logged_in(server)
    open_page, closed_page = client.get("/office").body, client.get("/office?status=closed").body
    assert "lunch menu" in open_page and "the gate" not in open_page
    assert "the gate" in closed_page and "lunch menu" not in closed_page
    found = client.get("/office?status=all&q=OWLS").body
    assert "the gate" in found and "lunch menu" not in found


def test_csv_export_has_the_cli_columns_and_defuses_formulas(server: WebServer) -> None:
    _concern(server, '=HYPERLINK("http://x")')
    body = _logged_in(server).get("/office/concerns.csv").body
    rows = list(csv.reader(io.StringIO(body)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1][-1].startswith("'=")


def test_a_reply_reaches_a_telegram_parent_through_the_outbox_queue(server: WebServer) -> None:
    concern = _concern(server, "the gate", channel="telegram")
    client = _logged_in(server)
    token = client.csrf(f"/office/concerns/{concern.reference}")
    client.post_form(
        f"/office/concerns/{concern.reference}/reply", {"csrf": token, "text": "Fixed <b>today</b>"}
    )
    (reply,) = server.store.office_replies(concern.id)
    assert reply.text == "Fixed <b>today</b>" and reply.from_whom == "alice"
    (delivery,) = server.store.deliveries_for(concern.id)
    assert delivery.destination == "user-telegram:42" and delivery.reply is not None
    page = client.get(f"/office/concerns/{concern.reference}").body
    assert "Fixed &lt;b&gt;today&lt;/b&gt;" in page


def test_closing_tells_the_person_and_shows_in_closed(server: WebServer) -> None:
    concern = _concern(server, "the gate", channel="web")
    client = _logged_in(server)
    token = client.csrf(f"/office/concerns/{concern.reference}")
    response = client.post_form(f"/office/concerns/{concern.reference}/close", {"csrf": token})
    assert response.status == 303
    assert server.store.get_concern(concern.reference).status == "closed"
    (note,) = server.store.office_replies(concern.id)
    assert concern.reference in note.text and "closed" in note.text


def test_a_console_concern_reply_is_kept_but_not_relayed(server: WebServer) -> None:
    concern = _concern(server, "the gate", channel="console")
    client = _logged_in(server)
    token = client.csrf(f"/office/concerns/{concern.reference}")
    response = client.post_form(f"/office/concerns/{concern.reference}/reply", {"csrf": token, "text": "ok"})
    assert "note=not_relayed" in response.headers["Location"]
    assert server.store.deliveries_for(concern.id) == []


def test_add_user_stores_only_a_scrypt_hash(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    example = (Path(__file__).parent.parent / "config.example.yaml").read_text(encoding="utf-8")
    config.write_text(example.replace("path: policybot.sqlite3", "path: office.sqlite3"), encoding="utf-8")
    knowledge = Path(__file__).parent.parent / "knowledge"
    config.write_text(config.read_text().replace('knowledge_dir: ""', f"knowledge_dir: {knowledge}"))
    result = run_cli(
        "office",
        "add-user",
        "bob",
        "--role",
        "dsl",
        "--config",
        str(config),
        "--password-stdin",
        stdin=OFFICE_PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Created office account bob (dsl)" in result.stdout
    with sqlite3.connect(tmp_path / "office.sqlite3") as db:
        ((stored, role),) = db.execute("SELECT password_hash, role FROM office_users").fetchall()
    assert stored.startswith("scrypt$32768$8$1$") and OFFICE_PASSWORD not in stored and role == "dsl"
    short = run_cli("office", "add-user", "eve", "--config", str(config), "--password-stdin", stdin="short\n")
    assert short.returncode == 1 and "at least 10 characters" in short.stderr


def test_policybot_web_says_in_one_line_when_its_port_is_taken(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = tmp_path / "config.yaml"
        example = (Path(__file__).parent.parent / "config.example.yaml").read_text(encoding="utf-8")
        config.write_text(example.replace("path: policybot.sqlite3", "path: web.sqlite3"), encoding="utf-8")
        result = run_cli("web", "--config", str(config), "--port", str(port))
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"policybot: cannot listen on 127.0.0.1:{port}"), result.stderr
    assert "Traceback" not in result.stderr
