"""`policybot concerns …`: the office's view of stored concerns, CSV export, closing and purging."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.cli.context import days, load, note
from bot.common.text import printable
from bot.config import Config
from bot.store.records import utc_now

if TYPE_CHECKING:  # every `policybot` command registers these subcommands: import the rest when one runs
    from bot.store.base import Store
    from bot.store.records import Concern


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `concerns` with its list / show / export / close / purge subcommands."""
    parser: argparse.ArgumentParser = subparsers.add_parser("concerns", help="the office's stored concerns")
    parser.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="concerns_command", metavar="ACTION", required=True)

    # --config before or after the action: `concerns --config F list` and `concerns list --config F`.
    listing = sub.add_parser("list", help="one line per concern, oldest first")
    listing.add_argument("--open", action="store_true", help="only concerns that are still open")
    listing.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    listing.set_defaults(func=list_concerns)

    show = sub.add_parser("show", help="one concern in full, with its deliveries and replies")
    show.add_argument("reference", help="e.g. MM-2026-0042")
    show.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    show.set_defaults(func=show_concern)

    export = sub.add_parser("export", help="all concerns to stdout")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    export.set_defaults(func=export_concerns)

    close = sub.add_parser("close", help="mark a concern closed (it is purged retention_days later)")
    close.add_argument("reference")
    close.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    close.set_defaults(func=close_concern)

    purge = sub.add_parser("purge", help="delete closed concerns older than DAYS")
    purge.add_argument("--older-than", type=days, required=True, metavar="DAYS")
    purge.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    purge.set_defaults(func=purge_concerns)
    return parser


def _open(args: argparse.Namespace, config: Config | None) -> Store:
    """The existing database the config names (never a new empty one: that would hide a wrong path)."""
    if config is None:
        config = load(args, store=True)
    else:
        note(f"config {config.source}, database {config.store_path()}")
    from bot.store.sqlite import SqliteStore

    return SqliteStore(config.store_path(), create=False)


def _when(when: datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""


def list_concerns(args: argparse.Namespace, config: Config | None = None) -> int:
    """Print one line per concern."""
    store = _open(args, config)
    try:
        concerns = store.list_concerns(open_only=args.open)
        for concern in concerns:
            print(_line(store, concern))
        if not concerns:
            print("No open concerns." if args.open else "No concerns.")
        from bot.concerns.outbox import describe_health

        print(describe_health(store.outbox_health(), utc_now()))
    finally:
        store.close()
    return 0


def _line(store: Store, concern: Concern) -> str:
    deliveries = [d for d in store.deliveries_for(concern.id) if d.reply is None and not d.purpose]
    delivered = sum(d.status == "delivered" for d in deliveries)
    total = len(deliveries)
    kind = "URGENT safeguarding" if concern.kind == "safeguarding" else "concern"
    who = "anonymous" if concern.anonymous else (printable(concern.name, keep_newlines=False) or "-")
    return (
        f"{concern.reference}  {concern.status:<6}  {_when(concern.created_at)}  {kind:<19}  "
        f"delivered {delivered}/{total}  {who}"
    )


def show_concern(args: argparse.Namespace, config: Config | None = None) -> int:
    """Print one concern in full."""
    store = _open(args, config)
    try:
        concern = store.get_concern(args.reference)
        if concern is None:
            print(f"policybot: no concern with reference {args.reference}", file=sys.stderr)
            return 1
        fields = [
            ("Reference", concern.reference),
            ("Kind", concern.kind),
            ("Priority", concern.priority),
            ("Status", concern.status),
            ("Created", _when(concern.created_at)),
            ("Closed", _when(concern.closed_at)),
            ("Role", concern.role),
            ("Channel", concern.channel),
            ("Class", concern.child_class),
            ("Name", concern.name),
            ("Contact", concern.contact),
            ("Anonymous", "yes" if concern.anonymous else "no"),
        ]
        if concern.redacted:
            fields.append(("Erased", "the sender asked for their details to be erased"))
        for label, value in fields:
            print(f"{label + ':':<11}{printable(str(value), keep_newlines=False)}")
        print("\n" + _indented(concern.text) + "\n")
        print("Deliveries:")
        for d in store.deliveries_for(concern.id):
            what = f"reply {d.reply.id}" if d.reply else "concern"
            what = {"ack": "acknowledgement", "note": f"note about {what}"}.get(d.purpose, what)
            error = (
                f"  ({printable(d.last_error, keep_newlines=False)})"
                if d.last_error and d.status != "delivered"
                else ""
            )
            print(
                f"  {d.destination}  {what}  {d.status}  attempts {d.attempts}  "
                f"{_when(d.delivered_at)}{error}"
            )
        for reply in store.office_replies(concern.id):
            who = reply.from_whom or "the office"
            who = printable(who, keep_newlines=False)
            print(f"\nReply from {who} at {_when(reply.created_at)}:\n{_indented(reply.text)}")
    finally:
        store.close()
    return 0


def _indented(text: str) -> str:
    """What a person wrote, cleaned for the terminal and indented so it cannot pass for other lines."""
    return "\n".join("    " + line for line in printable(text).split("\n"))


def export_concerns(args: argparse.Namespace, config: Config | None = None) -> int:
    """Write every concern as CSV to stdout (the office dashboard's export uses the same rows)."""
    from bot.concerns.export import write_csv

    store = _open(args, config)
    try:
        write_csv(store, store.list_concerns(), sys.stdout)
    finally:
        store.close()
    return 0


def close_concern(args: argparse.Namespace, config: Config | None = None) -> int:
    """Mark a concern closed."""
    store = _open(args, config)
    try:
        if not store.close_concern(args.reference):
            print(f"policybot: no open concern with reference {args.reference}", file=sys.stderr)
            return 1
        print(f"Closed {args.reference.upper()}.")
    finally:
        store.close()
    return 0


def purge_concerns(args: argparse.Namespace, config: Config | None = None) -> int:
    """Delete closed concerns older than --older-than days."""
    if config is None:  # the alerts' own retention comes from the config too
        from bot.store.sqlite import SqliteStore

        config = load(args, store=True)
        store = SqliteStore(config.store_path(), create=False)
    else:
        store = _open(args, config)
    try:
        # Safeguarding alerts keep their own retention (child-protection records), whatever DAYS says.
        count = store.purge_closed(
            utc_now() - timedelta(days=args.older_than),
            utc_now() - timedelta(days=config.safeguarding.retention_days),
        )
    finally:
        store.close()
    print(f"Deleted {count} closed concern{'s' if count != 1 else ''} older than {args.older_than} days.")
    return 0


def purge_due(store: Store, config: Config, now: datetime) -> int:
    """The daily retention run: delete concerns closed more than `retention_days` ago."""
    return store.purge_closed(
        now - timedelta(days=config.concerns.retention_days),
        now - timedelta(days=config.safeguarding.retention_days),
    )
