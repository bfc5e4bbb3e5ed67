"""A small Telegram Bot API server on 127.0.0.1 for end-to-end tests: records calls, queues updates.

The bot under test points its `base_url` at `FakeBotApi.base_url`; tests inject updates (built with the
helpers below) and await what the bot sent. Failure modes: a wrong token answers 401, a chat can be made
unreachable (403/400, or 5xx for an outage) and reachable again, any method can be made to fail once (e.g.
429 with `retry_after`), and a message longer than Telegram's 4,096 characters is refused (400) as Telegram
does.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

# Parameters that Telegram defines as strings: PTB sends them raw, so "42" must stay "42".
STRING_PARAMS = frozenset(
    {
        "text",
        "url",
        "secret_token",
        "parse_mode",
        "action",
        "callback_query_id",
        "language_code",
        "inline_message_id",
        "ip_address",
        "caption",
    }
)


TELEGRAM_LIMIT = 4096  # the longest text message Telegram accepts, in characters


@dataclass
class Call:
    """One request the bot made: the method name and its decoded parameters."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200  # what the server answered: 200, or the error status it refused the call with

    @property
    def chat_id(self) -> int | str | None:
        """The `chat_id` parameter, if any."""
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        """The `text` parameter ('' when absent)."""
        return self.params.get("text", "")

    @property
    def plain(self) -> str:
        """The text as a person sees it (HTML tags removed and entities decoded when parse_mode is HTML)."""
        if str(self.params.get("parse_mode", "")).upper() != "HTML":
            return self.text
        return html.unescape(re.sub(r"<[^>]+>", "", self.text))

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) for every inline button, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [
            (button.get("text", ""), button.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for button in row
        ]


@dataclass
class Failure:
    """A canned error answer."""

    status: int
    description: str
    retry_after: int | None = None

    def body(self) -> dict[str, Any]:
        """The Bot API's error JSON."""
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _decode_value(key: str, value: str) -> Any:
    if key in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeBotApi:
    """The fake server. Use `async with FakeBotApi() as api:` and point the bot at `api.base_url`."""

    def __init__(self, token: str = "123456:TEST-token", username: str = "policybot_test") -> None:
        self.token = token
        self.bot_user = {
            "id": int(token.split(":")[0]),
            "is_bot": True,
            "first_name": "PolicyBot",
            "username": username,
        }
        self.calls: list[Call] = []
        self.commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.unreachable_chats: dict[int, Failure] = {}
        self._fail_once: dict[str, list[Failure]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._user_message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._seen_messages: dict[int, int] = {}
        self._messages: dict[int, list[Call]] = {}  # sendMessage calls by chat id
        self.delivered_at: dict[int, float] = {}  # update id -> when getUpdates first handed it out
        self._changed = asyncio.Condition()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What to give `ApplicationBuilder().base_url(...)`: the token is appended to it."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_post(r"/bot{token}/{method}", self._handle)
        app.router.add_get(r"/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Release held getUpdates requests and stop listening."""
        self._closing = True
        async with self._changed:
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- failure modes --------------------------------------------------------------------------------

    def make_unreachable(
        self, chat_id: int, status: int = 403, description: str = "Forbidden: bot was blocked by the user"
    ) -> None:
        """Every call naming `chat_id` fails with `status` from now on."""
        self.unreachable_chats[int(chat_id)] = Failure(status, description)

    def make_reachable(self, chat_id: int) -> None:
        """Calls naming `chat_id` succeed again."""
        self.unreachable_chats.pop(int(chat_id), None)

    def fail_next(
        self,
        method: str,
        status: int = 429,
        description: str = "Too Many Requests: retry later",
        retry_after: int | None = 1,
    ) -> None:
        """The next call of `method` fails once (429 with `retry_after` by default)."""
        if status != 429:
            retry_after = None
        self._fail_once.setdefault(method, []).append(Failure(status, description, retry_after))

    # -- requests -------------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            body = await request.read()
            params.update(json.loads(body) if body else {})
            return params
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, str):
                params[key] = _decode_value(key, value)
        for key in list(params):
            if isinstance(params[key], str) and key not in STRING_PARAMS:
                params[key] = _decode_value(key, params[key])
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return web.json_response(Failure(401, "Unauthorized").body(), status=401)
        params = await self._params(request)
        key = method.lower()
        failure = self._failure_for(key, params)
        if key != "getupdates":
            await self._record(Call(method, params, status=failure.status if failure else 200))
        if failure is not None:
            return web.json_response(failure.body(), status=failure.status)
        handler: Callable[[dict[str, Any]], Any] | None = getattr(self, f"_api_{key}", None)
        if handler is None:
            body = Failure(400, f"Bad Request: method {method} is not implemented by the fake server")
            return web.json_response(body.body(), status=400)
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        return web.json_response({"ok": True, "result": result})

    def _failure_for(self, key: str, params: dict[str, Any]) -> Failure | None:
        for name, queue in self._fail_once.items():
            if name.lower() == key and queue:
                return queue.pop(0)
        if key == "sendmessage" and len(str(params.get("text", ""))) > TELEGRAM_LIMIT:
            return Failure(400, "Bad Request: message is too long")
        chat_id = params.get("chat_id")
        try:
            return self.unreachable_chats.get(int(chat_id)) if chat_id is not None else None
        except (TypeError, ValueError):
            return None

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        if call.method.lower() == "sendmessage" and (chat := _as_int(call.chat_id)) is not None:
            self._messages.setdefault(chat, []).append(call)
        async with self._changed:
            self._changed.notify_all()

    # -- Bot API methods ------------------------------------------------------------------------------

    def _api_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return dict(
            self.bot_user,
            can_join_groups=True,
            can_read_all_group_messages=False,
            supports_inline_queries=False,
        )

    def _api_deletewebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    def _api_setwebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = dict(params)
        return True

    def _api_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _api_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not self._updates and not self._closing:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    break
        batch = list(self._updates[:limit])
        now = time.monotonic()
        for update in batch:
            self.delivered_at.setdefault(update["update_id"], now)
        return batch

    def _bot_message(self, params: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        message: dict[str, Any] = {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": self.bot_user,
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._bot_message(params)

    def _api_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._bot_message(params, int(params.get("message_id") or 0) or None)

    def _api_editmessagereplymarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._bot_message(params, int(params.get("message_id") or 0) or None)

    def _api_answercallbackquery(self, params: dict[str, Any]) -> bool:
        return True

    def _api_sendchataction(self, params: dict[str, Any]) -> bool:
        return True

    def _api_setmycommands(self, params: dict[str, Any]) -> bool:
        self.commands = list(params.get("commands") or [])
        return True

    def _api_getmycommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.commands

    def _api_deletemycommands(self, params: dict[str, Any]) -> bool:
        self.commands = []
        return True

    def _api_close(self, params: dict[str, Any]) -> bool:
        return True

    # -- waiting for what the bot did -----------------------------------------------------------------

    async def wait_for_call(
        self, predicate: Callable[[Call], bool], timeout: float = 5.0, start: int = 0
    ) -> Call:
        """The first recorded call from index `start` on that satisfies `predicate`."""
        return await self._wait(lambda: next((c for c in self.calls[start:] if predicate(c)), None), timeout)

    async def _wait(self, find: Callable[[], Call | None], timeout: float) -> Call:
        async def wait() -> Call:
            async with self._changed:
                while (found := find()) is None:
                    await self._changed.wait()
                return found

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            seen = [(c.method, c.chat_id) for c in self.calls]
            raise AssertionError(f"no matching call within {timeout}s; calls: {seen}") from None

    async def next_message(self, chat_id: int, timeout: float = 5.0) -> Call:
        """The next sendMessage to `chat_id` not yet returned by this method."""
        seen = self._seen_messages.setdefault(int(chat_id), 0)

        def find() -> Call | None:
            messages = self._messages.get(int(chat_id), [])
            return messages[seen] if len(messages) > seen else None

        call = await self._wait(find, timeout)
        self._seen_messages[int(chat_id)] = seen + 1
        return call

    def messages_to(self, chat_id: int) -> list[Call]:
        """Every sendMessage to `chat_id` so far."""
        return list(self._messages.get(int(chat_id), []))

    def calls_of(self, method: str) -> list[Call]:
        """Every call of `method` so far."""
        return [c for c in self.calls if c.method.lower() == method.lower()]

    async def drained(self, timeout: float = 5.0) -> None:
        """Wait until the bot has fetched every queued update."""
        deadline = time.monotonic() + timeout
        while self._updates and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    # -- injecting updates ----------------------------------------------------------------------------

    def queue(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (its `update_id` is assigned here) for the next getUpdates."""
        update = dict(update, update_id=next(self._update_ids))
        self._updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def build_message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        entities: list[dict[str, Any]] | None = None,
        reply_to: dict[str, Any] | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A Message dict from a person (user id defaults to the chat id in private chats)."""
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 4242)
        message: dict[str, Any] = {
            "message_id": next(self._user_message_ids),
            "date": int(time.time()),
            "chat": _chat(chat_id, chat_type),
            "from": _user(user_id),
        }
        if text is not None:
            message["text"] = text
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(extra)
        return message

    def send_text(self, chat_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        """Queue a text message."""
        return self.queue({"message": self.build_message(chat_id, text, **kwargs)})

    def send_command(
        self, chat_id: int, command: str, args: str = "", *, mention: bool = False, **kwargs: Any
    ) -> dict[str, Any]:
        """Queue `/command args` with a bot_command entity at offset 0 (`/command@bot` if `mention`)."""
        head = "/" + command.lstrip("/")
        if mention:
            head += "@" + self.bot_user["username"]
        text = f"{head} {args}".rstrip()
        entities = [{"type": "bot_command", "offset": 0, "length": len(head)}]
        return self.queue({"message": self.build_message(chat_id, text, entities=entities, **kwargs)})

    def send_group_text(
        self, chat_id: int, text: str, *, user_id: int = 4242, mention: bool = False, **kwargs: Any
    ) -> dict[str, Any]:
        """Queue a group message, prefixed with `@botname` (and a mention entity) if `mention`."""
        entities = None
        if mention:
            at = "@" + self.bot_user["username"]
            text = f"{at} {text}"
            entities = [{"type": "mention", "offset": 0, "length": len(at)}]
        message = self.build_message(
            chat_id, text, user_id=user_id, chat_type="group", entities=entities, **kwargs
        )
        return self.queue({"message": message})

    def send_media(self, chat_id: int, kind: str, **kwargs: Any) -> dict[str, Any]:
        """Queue a non-text message: kind is photo, sticker, voice or document."""
        file = {"file_id": f"{kind}-file", "file_unique_id": f"{kind}-unique"}
        media: dict[str, Any] = {
            "photo": {"photo": [dict(file, width=90, height=90)]},
            "sticker": {
                "sticker": dict(
                    file, width=512, height=512, is_animated=False, is_video=False, type="regular"
                )
            },
            "voice": {"voice": dict(file, duration=3)},
            "document": {"document": dict(file, file_name="letter.pdf")},
        }[kind]
        return self.queue({"message": self.build_message(chat_id, None, **media, **kwargs)})

    def send_edited(self, chat_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        """Queue an edited_message update."""
        message = self.build_message(chat_id, text, edit_date=int(time.time()), **kwargs)
        return self.queue({"edited_message": message})

    def send_callback(
        self,
        chat_id: int,
        data: str,
        *,
        user_id: int | None = None,
        message: Call | dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue a button tap with `data`, on `message` (default: the bot's last message to the chat)."""
        user_id = user_id if user_id is not None else chat_id
        if isinstance(message, Call):
            message = self._bot_message(message.params)
        if message is None:
            previous = self.messages_to(chat_id)
            message = (
                self._bot_message(previous[-1].params)
                if previous
                else self._bot_message({"chat_id": chat_id, "text": "…"})
            )
        query = {
            "id": str(next(self._callback_ids)),
            "from": _user(user_id),
            "chat_instance": f"instance-{chat_id}",
            "message": message,
            "data": data,
        }
        return self.queue({"callback_query": query})

    async def post_to_webhook(
        self, update: dict[str, Any], secret_token: str | None = None, url: str | None = None
    ) -> int:
        """POST an update to the webhook the bot registered; returns the HTTP status."""
        url = url or self.webhook["url"]
        headers = {"Content-Type": "application/json"}
        if secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        async with (
            aiohttp.ClientSession(trust_env=False) as session,
            session.post(url, data=json.dumps(update), headers=headers) as response,
        ):
            return response.status


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _chat(chat_id: Any, chat_type: str | None = None) -> dict[str, Any]:
    chat_id = _as_int(chat_id) or 0
    chat_type = chat_type or ("private" if chat_id > 0 else "group")
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        chat["first_name"] = f"Parent{chat_id}"
    else:
        chat["title"] = f"Group {chat_id}"
    return chat


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"Parent{user_id}", "language_code": "en"}
