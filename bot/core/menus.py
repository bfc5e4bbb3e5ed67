"""Per-menu tokens: a choice acts only while the menu it was offered on is still the current one.

A one-shot menu (a concern step, the safeguarding alert question) gets a fresh random token when it is
offered; its payloads carry it (`c:send:3fa9c1`). The token is kept with the person's pending state, so a
button from an earlier message, or a number typed for a menu that has since moved on, is recognised as
stale instead of acting on whatever is pending now.
"""

from __future__ import annotations

import secrets


def new_token() -> str:
    """A short random token for one menu (6 hex characters; payloads stay far below 64 bytes)."""
    return secrets.token_hex(3)


def tokened(kind: str, choice: str, token: str) -> str:
    """The payload for `choice` on the menu whose token is `token`, e.g. `sg:named:3fa9c1`."""
    return f"{kind}:{choice}:{token}"


def split(value: str) -> tuple[str, str]:
    """(choice, token) from the part of a payload after its kind; the token is '' when there is none."""
    choice, _, token = value.partition(":")
    return choice, token
