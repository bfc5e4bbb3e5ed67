"""The web chat and the office dashboard in a real browser: Debian's headless Chromium on 127.0.0.1."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, wait_for
from tests.web_harness import OFFICE_PASSWORD, WebServer, web_config

SCREENSHOTS = os.environ.get("POLICYBOT_SCREENSHOTS", "")  # a folder: save the README's screenshots there


@pytest.fixture
def server(tmp_path: Path) -> Iterator[WebServer]:
    running = WebServer(web_config(tmp_path)).start()
    running.add_office_user("alice", "office")
    yield running
    running.stop()


def _by(kind: str) -> Any:
    from selenium.webdriver.common.by import By

    return getattr(By, kind)


def bot_messages(driver: Any) -> list[str]:
    return [e.text for e in driver.find_elements(_by("CSS_SELECTOR"), ".msg.bot .body")]


def ask(driver: Any, text: str) -> None:
    """Type into the labelled box and press Send, then wait for the answer."""
    before = len(bot_messages(driver))
    box = driver.find_element(_by("ID"), "text")
    box.send_keys(text)
    driver.find_element(_by("ID"), "send").click()
    wait_for(driver, lambda d: len(bot_messages(d)) > before)


def tap(driver: Any, label_start: str) -> None:
    """Tap the newest enabled option whose label starts with `label_start`."""
    before = len(bot_messages(driver))
    buttons = [
        b
        for b in driver.find_elements(_by("CSS_SELECTOR"), ".options button")
        if b.text.startswith(label_start) and b.is_enabled()
    ]
    assert buttons, f"no option {label_start!r}"
    buttons[-1].click()
    wait_for(driver, lambda d: len(bot_messages(d)) > before)


def tap_first_topic(driver: Any) -> None:
    """Tap the first topic offered by the newest "Did you mean…" (whichever the matcher ranks first)."""
    before = len(bot_messages(driver))
    group = driver.find_elements(_by("CSS_SELECTOR"), ".msg.bot .options")[-1]
    button = next(
        b
        for b in group.find_elements(_by("TAG_NAME"), "button")
        if b.get_attribute("data-payload").startswith("t:")
    )
    button.click()
    wait_for(driver, lambda d: len(bot_messages(d)) > before)


def open_chat(driver: Any, server: WebServer) -> None:
    driver.get(server.url + "/")
    wait_for(driver, lambda d: bot_messages(d))


def csp_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]


def test_parent_asks_taps_did_you_mean_and_sends_a_concern(server: WebServer) -> None:
    with chromium(390, 844) as driver:  # a phone's width
        open_chat(driver, server)
        assert "parent/carer" in bot_messages(driver)[0]
        tap(driver, "Parent / carer")
        ask(driver, "facebook")
        assert "Did you mean" in bot_messages(driver)[-1]
        tap_first_topic(driver)
        answer = bot_messages(driver)[-1]
        assert "The policy says" in answer and "section" in answer
        if SCREENSHOTS:
            driver.save_screenshot(str(Path(SCREENSHOTS) / "web-chat.png"))
        tap(driver, "Forward to the office")
        ask(driver, "The car park gate is broken again")
        for label in ("Done", "Skip", "Skip", "Skip", "Send"):
            tap(driver, label)
        (concern,) = server.store.list_concerns()
        assert concern.reference in bot_messages(driver)[-1]
        assert csp_errors(driver) == []


def test_the_offices_reply_appears_in_the_parents_chat(server: WebServer) -> None:
    with chromium() as driver:
        open_chat(driver, server)
        ask(driver, "I want to make a complaint")
        tap(driver, "Forward to the office")
        ask(driver, "Could someone ring me about the residential trip?")
        for label in ("Done", "Skip", "Skip", "Skip", "Send"):
            tap(driver, label)
        (concern,) = server.store.list_concerns()
        chat = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(server.url + "/office")
        assert driver.current_url.endswith("/office/login")
        driver.find_element(_by("ID"), "name").send_keys("alice")
        driver.find_element(_by("ID"), "password").send_keys(OFFICE_PASSWORD)
        driver.find_element(_by("CSS_SELECTOR"), "form.login button").click()
        wait_for(driver, lambda d: d.current_url.endswith("/office"))
        driver.find_element(_by("LINK_TEXT"), concern.reference).click()
        driver.find_element(_by("ID"), "reply-text").send_keys("Of course — Mrs Patel will call you today.")
        driver.find_element(_by("CSS_SELECTOR"), "form.reply-form button").click()
        wait_for(driver, lambda d: "on its way" in d.page_source)
        if SCREENSHOTS:
            driver.get(server.url + "/office?status=all")
            driver.save_screenshot(str(Path(SCREENSHOTS) / "office-inbox.png"))
        driver.switch_to.window(chat)
        wait_for(driver, lambda d: any("Mrs Patel will call you" in m for m in bot_messages(d)))
        assert concern.reference in bot_messages(driver)[-1]


def test_logged_out_office_shows_only_the_login(server: WebServer) -> None:
    from bot.store.records import NewConcern

    server.store.create_concern(NewConcern("s1", "web:x", "private matter about my son"), [], "MM")
    with chromium() as driver:
        driver.get(server.url + "/office")
        assert driver.current_url.endswith("/office/login")
        assert "private matter" not in driver.page_source
        driver.get(server.url + "/office/concerns/MM-2026-0001")
        assert "private matter" not in driver.page_source


def test_a_form_without_its_csrf_token_is_refused(server: WebServer) -> None:
    from bot.store.records import NewConcern

    concern = server.store.create_concern(NewConcern("s1", "web:x", "gate", channel="web"), [], "MM")
    with chromium() as driver:
        driver.get(server.url + "/office/login")
        driver.find_element(_by("ID"), "name").send_keys("alice")
        driver.find_element(_by("ID"), "password").send_keys(OFFICE_PASSWORD)
        driver.find_element(_by("CSS_SELECTOR"), "form.login button").click()
        wait_for(driver, lambda d: d.current_url.endswith("/office"))
        driver.get(f"{server.url}/office/concerns/{concern.reference}")
        driver.execute_script("document.querySelector('form.reply-form input[name=csrf]').remove()")
        driver.find_element(_by("ID"), "reply-text").send_keys("forged")
        driver.find_element(_by("CSS_SELECTOR"), "form.reply-form button").click()
        wait_for(driver, lambda d: "Refused" in d.title)
        assert "did not come from this dashboard" in driver.page_source
    assert server.store.office_replies(concern.id) == []


def test_script_in_what_a_person_types_is_shown_as_text(server: WebServer) -> None:
    attack = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2> {{ 7*7 }}"
    with chromium() as driver:
        open_chat(driver, server)
        ask(driver, "/concern")
        ask(driver, attack)
        mine = [e.text for e in driver.find_elements(_by("CSS_SELECTOR"), ".msg.mine .body")]
        assert attack in mine
        for label in ("Done", "Skip", "Skip", "Skip"):
            tap(driver, label)
        assert attack in bot_messages(driver)[-1]  # the summary quotes it, as text
        assert driver.execute_script("return window.pwned === undefined")
        tap(driver, "Send")
        (concern,) = server.store.list_concerns()
        driver.get(server.url + "/office/login")
        driver.find_element(_by("ID"), "name").send_keys("alice")
        driver.find_element(_by("ID"), "password").send_keys(OFFICE_PASSWORD)
        driver.find_element(_by("CSS_SELECTOR"), "form.login button").click()
        wait_for(driver, lambda d: d.current_url.endswith("/office"))
        driver.get(f"{server.url}/office/concerns/{concern.reference}")
        text = driver.find_element(_by("CSS_SELECTOR"), ".concern-text").text
        assert text == attack
        assert driver.execute_script("return window.pwned === undefined")
        if SCREENSHOTS:
            driver.save_screenshot(str(Path(SCREENSHOTS) / "office-concern.png"))


def test_unanswered_and_insights_pages_render_without_csp_errors(server: WebServer) -> None:
    from tests.web_harness import Client

    chat = Client(server.port)
    for text in ("what time is lunch", "what time is lunch served", "are the term dates online", "facebook"):
        chat.post_json("/api/chat", {"text": text})
    session = chat.post_json("/api/chat", {"text": "can i post pics of the nativity on fb"}).json()["session"]
    chat.post_json("/api/chat", {"session": session, "payload": "fb:parents_photos:1"})
    server.flush()
    with chromium() as driver:
        driver.get(server.url + "/office/login")
        driver.find_element(_by("ID"), "name").send_keys("alice")
        driver.find_element(_by("ID"), "password").send_keys(OFFICE_PASSWORD)
        driver.find_element(_by("CSS_SELECTOR"), "form.login button").click()
        wait_for(driver, lambda d: d.current_url.endswith("/office"))
        driver.get(server.url + "/office/unanswered")
        groups = driver.find_elements(_by("CSS_SELECTOR"), "section.group h2")
        assert len(groups) == 2 and groups[0].text.startswith("what time is lunch")
        if SCREENSHOTS:
            driver.save_screenshot(str(Path(SCREENSHOTS) / "office-unanswered.png"))
        driver.get(server.url + "/office/insights")
        charts = driver.find_elements(_by("CSS_SELECTOR"), "svg.chart")
        assert len(charts) == 3 and all(c.size["height"] > 50 for c in charts)
        if SCREENSHOTS:
            driver.set_window_size(1200, 1600)
            driver.save_screenshot(str(Path(SCREENSHOTS) / "office-insights.png"))
        assert csp_errors(driver) == []


def test_the_widget_on_another_site_opens_the_chat_in_its_frame(tmp_path: Path) -> None:
    import functools
    import http.server
    import socket
    import threading

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        site_port = probe.getsockname()[1]
    site = f"http://localhost:{site_port}"
    server = WebServer(web_config(tmp_path / "bot", embed_origins=[site])).start()
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_text(
        f"<!doctype html><html><head><title>School</title></head><body><h1>Our school</h1>"
        f'<script src="{server.url}/widget.js" data-label="Ask the school" defer></script></body></html>',
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with chromium() as driver:
            driver.get(site + "/")
            button = wait_for(
                driver, lambda d: d.find_elements(_by("XPATH"), "//button[text()='Ask the school']")
            )
            assert button[0].get_attribute("aria-expanded") == "false"
            button[0].click()
            assert button[0].get_attribute("aria-expanded") == "true"
            driver.switch_to.frame(driver.find_element(_by("ID"), "policybot-frame"))
            wait_for(driver, lambda d: bot_messages(d))
            assert "parent/carer" in bot_messages(driver)[0]
            ask(driver, "can i post pics of the nativity on fb")
            assert "The policy says" in bot_messages(driver)[-1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        server.stop()
