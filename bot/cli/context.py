"""What every `policybot` command shares: which config file it reads, and saying so on stderr."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.config import EXAMPLE_CONFIG, Config, load_config

CONFIG_ENV = "POLICYBOT_CONFIG"
LOCAL_CONFIG = "config.yaml"
MAX_DAYS = 100 * 366
"""A century: enough for any retention period, and far from the limit of Python's dates."""


def config_path(given: str | None) -> tuple[Path, str]:
    """The config file to read, and why: --config, $POLICYBOT_CONFIG, ./config.yaml, else the example."""
    if given:
        return Path(given), "--config"
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]), CONFIG_ENV
    if Path(LOCAL_CONFIG).is_file():
        return Path(LOCAL_CONFIG), "found in the current folder"
    return EXAMPLE_CONFIG, f"the bundled example — use --config FILE, {CONFIG_ENV} or ./{LOCAL_CONFIG}"


def load(args: argparse.Namespace, store: bool = False) -> Config:
    """Load the config the command was given (see `config_path`), saying on stderr which file it is.

    With `store`, the same line names the database file the config points to.
    """
    path, why = config_path(getattr(args, "config", None))
    config = load_config(path)
    note(f"config {config.source} ({why})" + (f", database {config.store_path()}" if store else ""))
    return config


def note(line: str) -> None:
    """One line on stderr, so stdout stays the command's output."""
    print(f"policybot: {line}", file=sys.stderr, flush=True)


def days(value: str) -> int:
    """An argparse type: a whole number of days that a date can go back by."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of days") from None
    if not 0 <= number <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{value} days is out of range — give 0 to {MAX_DAYS} days")
    return number


def tolerant_streams() -> None:
    """Never crash on a character the terminal's encoding lacks (emoji under PYTHONIOENCODING=ascii)."""
    for stream, errors in (
        (sys.stdout, "backslashreplace"),
        (sys.stderr, "backslashreplace"),
        (sys.stdin, "replace"),
    ):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


def stdout_is_unicode() -> bool:
    """Whether stdout can print any character (else JSON output escapes non-ASCII)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")
