"""Office logins: scrypt password hashes, in-memory sessions with CSRF tokens, and a login rate limit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

# scrypt is memory-hard: n=2**15, r=8 uses 32 MiB per hash, about 0.1 s on a small server.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
MIN_PASSWORD = 10
LOGIN_WINDOW_SECONDS = 15 * 60
MAX_SESSIONS = 10_000


class PasswordError(ValueError):
    """A new password is not acceptable; the message says why."""


def hash_password(password: str) -> str:
    """A scrypt hash with its salt and parameters, as `scrypt$n$r$p$salt$hash`."""
    if len(password) < MIN_PASSWORD:
        raise PasswordError(f"the password must be at least {MIN_PASSWORD} characters long")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches a hash made by hash_password (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, _unb64(digest))


def dummy_verify(password: str) -> None:
    """Spend the same time as a real check, so unknown names cannot be told apart by timing."""
    _scrypt(password, b"\0" * 16, SCRYPT_N, SCRYPT_R, SCRYPT_P)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=32)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class OfficeSession:
    """A browser's session on the dashboard: anonymous until login; the CSRF token every form carries."""

    csrf: str
    expires: float
    name: str = ""
    role: str = ""

    @property
    def logged_in(self) -> bool:
        return bool(self.name)


@dataclass
class OfficeSessions:
    """Sessions by their cookie value; a new id at login so a planted cookie is worth nothing."""

    lifetime_seconds: float
    clock: Callable[[], float] = time.monotonic
    _sessions: dict[str, OfficeSession] = field(default_factory=dict)

    def get(self, token: str | None) -> OfficeSession | None:
        """The live session for a cookie value, if any."""
        session = self._sessions.get(token or "")
        if session is None or session.expires < self.clock():
            self._sessions.pop(token or "", None)
            return None
        return session

    def new(self, name: str = "", role: str = "") -> tuple[str, OfficeSession]:
        """Start a session (anonymous for the login form, or logged in)."""
        if len(self._sessions) >= MAX_SESSIONS:
            self.prune()
        token = secrets.token_urlsafe(32)
        session = OfficeSession(secrets.token_urlsafe(32), self.clock() + self.lifetime_seconds, name, role)
        self._sessions[token] = session
        return token, session

    def end(self, token: str | None) -> None:
        """Log out."""
        self._sessions.pop(token or "", None)

    def prune(self) -> None:
        """Drop expired sessions (and the oldest anonymous ones if there are too many)."""
        now = self.clock()
        for token in [t for t, s in self._sessions.items() if s.expires < now]:
            del self._sessions[token]
        anonymous = [t for t, s in self._sessions.items() if not s.logged_in]
        for token in anonymous[: max(0, len(self._sessions) - MAX_SESSIONS // 2)]:
            del self._sessions[token]


def csrf_ok(session: OfficeSession | None, submitted: str | None) -> bool:
    """Whether a form carried its session's CSRF token."""
    return session is not None and bool(submitted) and hmac.compare_digest(session.csrf, submitted or "")


@dataclass
class LoginLimiter:
    """At most `attempts` failed logins per name and per address in the window."""

    attempts: int
    window_seconds: float = LOGIN_WINDOW_SECONDS
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def blocked(self, *keys: str) -> bool:
        """Whether any of these (name, address) has used up its attempts."""
        return any(len(self._recent(key)) >= self.attempts for key in keys)

    def failed(self, *keys: str) -> None:
        """Count a failed attempt against each key."""
        for key in keys:
            self._recent(key).append(self.clock())

    def succeeded(self, *keys: str) -> None:
        """A good login clears its keys."""
        for key in keys:
            self._failures.pop(key, None)

    def prune(self) -> None:
        """Forget keys with no failure left in the window (keeps memory flat)."""
        for key in [k for k in self._failures if not self._recent(k)]:
            del self._failures[key]

    def _recent(self, key: str) -> deque[float]:
        seen = self._failures.setdefault(key, deque())
        while seen and seen[0] <= self.clock() - self.window_seconds:
            seen.popleft()
        return seen
