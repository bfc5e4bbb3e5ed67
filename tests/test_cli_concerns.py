"""`policybot concerns …` against a real store file: exit statuses and what the office sees."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from concerns_support import START, make_config

from bot.cli.concerns import add_parser
from bot.config import Config
from bot.store.records import NewConcern
from bot.store.sqlite import SqliteStore


def run(config: Config, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="policybot")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["concerns", *argv])
    status = args.func(args, config)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def config(tmp_path: Path) -> Config:
    config = make_config(tmp_path, email_to=["office@school.example"])
    store = SqliteStore(config.store_path())
    for n, text in enumerate(['=HYPERLINK("http://evil")', "Photos on Facebook"], start=1):
        new = NewConcern(submission_id=str(n), user_id="telegram:1", text=text, name="Sam", contact="077")
        store.create_concern(new, ["office-email:office@school.example"], "MM", START)
    store.close_concern("MM-2026-0001", START + timedelta(days=1))
    store.close()
    return config


def test_list_open_shows_only_open_concerns(config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(config, capsys, "list", "--open")
    assert status == 0 and "MM-2026-0002" in out and "MM-2026-0001" not in out
    assert "delivered 0/1" in out


def test_show_prints_the_concern_and_its_deliveries(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(config, capsys, "show", "mm-2026-0002")
    assert status == 0 and "Photos on Facebook" in out and "office-email:office@school.example" in out


def test_show_unknown_reference_fails(config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(config, capsys, "show", "MM-1999-0001")
    assert (status, out) == (1, "") and "no concern with reference MM-1999-0001" in err


def test_export_csv_neutralises_spreadsheet_formulas(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(config, capsys, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and [r["reference"] for r in rows] == ["MM-2026-0001", "MM-2026-0002"]
    assert rows[0]["text"] == '\'=HYPERLINK("http://evil")' and rows[1]["text"] == "Photos on Facebook"


def test_purge_deletes_old_closed_concerns(config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(config, capsys, "purge", "--older-than", "0")
    assert (status, out.strip()) == (0, "Deleted 1 closed concern older than 0 days.")
    assert "MM-2026-0001" not in run(config, capsys, "list")[1]


def test_list_ends_with_a_health_line_naming_undelivered_items_and_the_oldest_age(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(config, capsys, "list")
    last = out.strip().splitlines()[-1]
    assert status == 0
    assert last.startswith("outbox: 2 undelivered, the oldest waiting ") and "days" in last
