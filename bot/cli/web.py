"""`policybot web`, `policybot office add-user NAME` and `policybot insights`."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from datetime import timedelta
from typing import Any

from bot.cli.context import load

EXIT_OK, EXIT_ERROR, EXIT_STARTUP = 0, 1, 2


def add_parsers(subparsers: Any) -> None:
    """Register the web channel's commands."""
    web = subparsers.add_parser("web", help="serve the web chat and the office dashboard")
    web.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    web.add_argument("--host", help="address to listen on (default: web.host)")
    web.add_argument("--port", type=int, help="port to listen on (default: web.port)")
    web.set_defaults(func=serve_web)

    office = subparsers.add_parser("office", help="office dashboard accounts")
    office.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    sub = office.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    add = sub.add_parser("add-user", help="create an account (or set a new password); asks for the password")
    add.add_argument("name", help="the name used to log in")
    add.add_argument("--role", choices=["office", "dsl"], default="office", help="dsl also sees safeguarding")
    add.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin (scripts)")
    add.set_defaults(func=add_user)

    insights = subparsers.add_parser("insights", help="questions per day by outcome, top topics, feedback")
    insights.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    insights.add_argument("--since", type=int, default=30, metavar="DAYS", help="the last DAYS days (30)")
    insights.add_argument("--format", choices=["text", "csv", "html"], default="text")
    insights.set_defaults(func=print_insights)


def serve_web(args: argparse.Namespace) -> int:
    """Run the web channel until Ctrl-C or SIGTERM."""
    from bot.channels.web.serve import WebStartupError, run_web

    config = load(args, store=True)
    logging.basicConfig(level=config.logging.level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return run_web(config, args.host, args.port)
    except WebStartupError as err:
        print(f"policybot: {err}", file=sys.stderr)
        return EXIT_STARTUP


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (10 characters or more): ")
    if getpass.getpass("The same password again: ") != first:
        print("policybot: the two passwords differ — nothing changed", file=sys.stderr)
        return None
    return first


def add_user(args: argparse.Namespace) -> int:
    """Create an office account with a scrypt-hashed password (the password is never stored or shown)."""
    from bot.channels.web.auth import PasswordError, hash_password
    from bot.store.sqlite import SqliteStore

    name = args.name.strip()
    if not name or len(name) > 100 or any(ch.isspace() for ch in name):
        print("policybot: the name must be 1–100 characters with no spaces", file=sys.stderr)
        return EXIT_ERROR
    config = load(args, store=True)
    password = _read_password(args)
    if password is None:
        return EXIT_ERROR
    try:
        hashed = hash_password(password)
    except PasswordError as err:
        print(f"policybot: {err} — nothing changed", file=sys.stderr)
        return EXIT_ERROR
    store = SqliteStore(config.store_path())
    try:
        existed = store.get_office_user(name) is not None
        store.set_office_user(name, hashed, args.role)
    finally:
        store.close()
    print(f"{'Updated' if existed else 'Created'} office account {name} ({args.role}).")
    return EXIT_OK


def print_insights(args: argparse.Namespace) -> int:
    """Print the insight figures as text, CSV or a self-contained HTML page with SVG charts."""
    from bot.insights.figures import as_csv, as_text, build_insights
    from bot.insights.report import as_html
    from bot.store.records import utc_now
    from bot.store.sqlite import SqliteStore

    if not 1 <= args.since <= 3660:
        print("policybot: --since must be between 1 and 3660 days", file=sys.stderr)
        return EXIT_ERROR
    config = load(args, store=True)
    until = utc_now()
    since = until - timedelta(days=args.since - 1)
    store = SqliteStore(config.store_path())
    try:
        figures = build_insights(store.outcome_counts(since), since.date(), until.date())
    finally:
        store.close()
    if args.format == "csv":
        sys.stdout.write(as_csv(figures))
    elif args.format == "html":
        sys.stdout.write(as_html(figures, config.school.name))
    else:
        sys.stdout.write(as_text(figures))
    return EXIT_OK
