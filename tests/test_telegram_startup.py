"""Starting and stopping on Telegram: token problems are one clear line, SIGTERM stops cleanly, webhooks."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import socket
import sys
from pathlib import Path

import pytest
import yaml

from bot.channels.telegram.app import run_telegram
from bot.channels.telegram.startup import TelegramStartupError, check_destinations, webhook_settings
from bot.config import PROJECT_ROOT, TelegramConfig, WebhookConfig, load_config
from tests.fake_botapi import FakeBotApi
from tests.telegram_harness import TOKEN, running_bot

pytestmark = pytest.mark.anyio

PARENT = 333


@pytest.fixture
def anyio_backend():
    return "asyncio"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_config(tmp_path: Path, token: str, base_url: str, office_chat: int | None = -1001000) -> Path:
    data = yaml.safe_load((PROJECT_ROOT / "config.example.yaml").read_text(encoding="utf-8"))
    data["telegram"].update(token=token, base_url=base_url)
    data["office"]["telegram_chat_ids"] = [office_chat] if office_chat else []
    data["store"]["path"] = str(tmp_path / "bot.sqlite3")
    data["logging"]["level"] = "WARNING"
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


async def start_cli(config: Path) -> asyncio.subprocess.Process:
    env = dict(os.environ, NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--config",
        str(config),
        cwd=PROJECT_ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.parametrize(
    ("token", "says"),
    [("", "TELEGRAM_BOT_TOKEN"), ("not a token", "malformed"), ("123:short", "malformed")],
)
def test_missing_or_malformed_token_is_a_startup_error_naming_the_fix(monkeypatch, token, says):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    config = dataclasses.replace(load_config(), telegram=TelegramConfig(token=token))
    with pytest.raises(TelegramStartupError, match=says):
        run_telegram(config)


def test_webhook_mode_requires_a_secret_token():
    hook = WebhookConfig(url="https://bot.example.sch.uk/telegram", secret_token="")
    config = dataclasses.replace(load_config(), telegram=TelegramConfig(token=TOKEN, webhook=hook))
    with pytest.raises(TelegramStartupError, match="secret_token"):
        webhook_settings(config)


async def test_refused_token_exits_2_with_one_line_and_no_traceback(tmp_path):
    async with FakeBotApi(token="999:the-real-token-abcdefghijklmnopqrstu") as api:
        process = await start_cli(write_config(tmp_path, TOKEN, api.base_url))
        _, err = await asyncio.wait_for(process.communicate(), 30)
    config_line, *lines = err.decode().strip().splitlines()  # first: which config and database it used
    assert process.returncode == 2, err.decode()
    assert config_line.startswith("policybot: config ") and ", database " in config_line
    assert len(lines) == 1 and lines[0].startswith("policybot: ") and "refused the bot token" in lines[0]


async def test_run_refuses_to_start_when_concerns_and_alerts_have_nowhere_to_go(tmp_path):
    process = await start_cli(write_config(tmp_path, TOKEN, "http://127.0.0.1:9/bot", office_chat=None))
    _, err = await asyncio.wait_for(process.communicate(), 30)
    lines = err.decode().strip().splitlines()
    assert process.returncode == 2, err.decode()
    assert "Traceback" not in err.decode()
    assert "concerns have nowhere to go" in lines[-1], lines
    assert "safeguarding alerts have nowhere to go" in lines[-1]
    assert "concerns.allow_no_destination: true" in lines[-1]


def test_run_may_start_without_destinations_when_the_config_allows_it(caplog):
    config = load_config()
    allowed = dataclasses.replace(
        config, concerns=dataclasses.replace(config.concerns, allow_no_destination=True)
    )
    check_destinations(allowed)
    with pytest.raises(TelegramStartupError, match="nowhere to go"):
        check_destinations(config)
    assert "running without delivery" in caplog.text


async def test_sigterm_stops_the_running_bot_cleanly(tmp_path):
    async with FakeBotApi(token=TOKEN) as api:
        process = await start_cli(write_config(tmp_path, TOKEN, api.base_url))
        try:
            api.send_command(PARENT, "start")
            greeting = await api.next_message(PARENT, timeout=30)
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 30)
    assert "Marston Montgomery" in greeting.text
    assert process.returncode == 0, err.decode()
    assert "Traceback" not in err.decode()


async def test_webhook_accepts_updates_with_the_secret_and_refuses_others(tmp_path):
    port, secret = free_port(), "s3cret-token_for-tests"
    webhook = {
        "listen": "127.0.0.1",
        "port": port,
        "url_path": "telegram",
        "secret_token": secret,
        "webhook_url": f"http://127.0.0.1:{port}/telegram",
    }
    async with running_bot(tmp_path, webhook=webhook) as bot:
        registered = dict(bot.api.webhook)
        update = {
            "message": bot.api.build_message(
                PARENT, "/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]
            )
        }
        without = await bot.api.post_to_webhook(update)
        wrong = await bot.api.post_to_webhook(update, secret_token="wrong")
        accepted = await bot.api.post_to_webhook(update, secret_token=secret)
        greeting = await bot.api.next_message(PARENT)
        await asyncio.sleep(0.1)
    assert registered["url"] == webhook["webhook_url"] and registered["secret_token"] == secret
    assert (without, wrong, accepted) == (403, 403, 200)
    assert "Marston Montgomery" in greeting.text
    assert len(bot.api.messages_to(PARENT)) == 1
