"""The real web channel on 127.0.0.1 in a background thread, with a SQLite file in a temp folder,
and a small HTTP client (stdlib) that keeps cookies by hand and never follows redirects."""

from __future__ import annotations

import asyncio
import dataclasses
import http.client
import json
import re
import threading
import urllib.parse
from pathlib import Path
from typing import Any

from bot.channels.web.app import WebCompanion
from bot.channels.web.auth import hash_password
from bot.channels.web.serve import serve
from bot.config import Config, RateLimitConfig, StoreConfig, WebConfig, load_config
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue

OFFICE_PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def web_config(tmp_path: Path, **web: Any) -> Config:
    """The bundled config with a temp store and web settings for tests."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    base = load_config()
    settings = {"rate_limit": RateLimitConfig(1000, 60), "address_rate_limit": RateLimitConfig(10_000, 60)}
    settings.update(web)
    return dataclasses.replace(
        base, store=StoreConfig(path=str(tmp_path / "policybot.sqlite3")), web=WebConfig(**settings)
    )


class WebServer:
    """`serve()` on its own event loop in a thread; `url` once started."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = SqliteStore(config.store_path())
        self.dialogue = build_dialogue(config, self.store)
        self.port = 0
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="web-test-server", daemon=True)
        self.error: BaseException | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def main() -> None:
            self._stop = asyncio.Event()

            def started(companion: WebCompanion) -> None:
                self.port = companion.bound_port
                self._ready.set()

            await serve(self.config, self.dialogue, self.store, "127.0.0.1", 0, self._stop, started)

        try:
            self._loop.run_until_complete(main())
        except BaseException as err:  # reported by start()
            self.error = err
            self._ready.set()
        finally:
            self._loop.close()

    def start(self) -> WebServer:
        self._thread.start()
        self._ready.wait(30)
        if self.error is not None or not self.port:
            raise RuntimeError(f"the web server did not start: {self.error!r}")
        return self

    def stop(self) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(20)
        self.store.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def flush(self) -> None:
        """Wait until the insights recorder has written what the server has seen so far."""
        self.dialogue.on_outcome.flush()  # type: ignore[union-attr]

    def add_office_user(self, name: str, role: str = "office") -> None:
        self.store.set_office_user(name, hash_password(OFFICE_PASSWORD), role)


@dataclasses.dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """One browser-like client: keeps cookies (by name) and sends them back."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.set_cookie_headers: list[str] = []

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = dict(headers or {})
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=all_headers)
        raw = conn.getresponse()
        text = raw.read().decode("utf-8", "replace")
        for header in raw.headers.get_all("Set-Cookie") or []:
            self.set_cookie_headers.append(header)
            name, _, rest = header.partition("=")
            value = rest.split(";")[0]
            if value and "Max-Age=0" not in header:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        conn.close()
        return Response(raw.status, {k: v for k, v in raw.getheaders()}, text)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict[str, Any] | list[tuple[str, str]]) -> Response:
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, path: str, data: Any) -> Response:
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        return self.request("POST", path, body, {"Content-Type": "application/json"})

    def csrf(self, path: str) -> str:
        """The CSRF token of the form on a page."""
        page = self.get(path)
        found = CSRF.search(page.body)
        assert found, page.body[:500]
        return found.group(1)

    def login(self, name: str, password: str = OFFICE_PASSWORD) -> Response:
        token = self.csrf("/office/login")
        return self.post_form("/office/login", {"csrf": token, "name": name, "password": password})
