"""Concerns as CSV, for `policybot concerns export` and the office dashboard's export."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from bot.common.text import printable
from bot.store.base import Store
from bot.store.records import Concern

CSV_COLUMNS = (
    "reference",
    "kind",
    "priority",
    "status",
    "created_at",
    "closed_at",
    "role",
    "child_class",
    "name",
    "contact",
    "anonymous",
    "redacted",
    "deliveries",
    "text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading apostrophe keeps them text.

    Control characters and terminal escape sequences are dropped (the stored text keeps them).
    """
    value = printable(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def concern_row(store: Store, c: Concern) -> list[str]:
    """One concern as CSV cells in CSV_COLUMNS order."""
    deliveries = "; ".join(f"{d.destination}={d.status}" for d in store.deliveries_for(c.id))
    row = [
        c.reference,
        c.kind,
        c.priority,
        c.status,
        c.created_at.isoformat(),
        c.closed_at.isoformat() if c.closed_at else "",
        c.role,
        c.child_class,
        c.name,
        c.contact,
        "yes" if c.anonymous else "no",
        "yes" if c.redacted else "no",
        deliveries,
        c.text,
    ]
    return [csv_cell(str(value)) for value in row]


def write_csv(store: Store, concerns: Iterable[Concern], out: TextIO) -> None:
    """Write a header and one row per concern."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for concern in concerns:
        writer.writerow(concern_row(store, concern))
