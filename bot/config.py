"""The school's settings (config.yaml) as typed dataclasses; unknown keys and wrong types are errors."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.common.schema import Problems, ProblemsError, build
from bot.common.yamlfile import YamlError, load_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = PROJECT_ROOT / "knowledge"
EXAMPLE_CONFIG = PROJECT_ROOT / "config.example.yaml"


class ConfigError(ProblemsError):
    """The configuration is missing or invalid."""


@dataclass(frozen=True)
class SchoolConfig:
    """Details that answers and messages quote."""

    name: str
    office_email: str
    office_phone: str
    headteacher_title: str = "Headteacher"
    safeguarding_lead_name: str = ""
    safeguarding_lead_phone: str = ""
    chair_of_governors_contact: str = ""
    children_services_phone: str = ""
    website: str = ""


@dataclass(frozen=True)
class MatchingConfig:
    """Thresholds for the matcher's decisions (confidences are 0..1)."""

    answer_threshold: float = 0.45
    clarify_threshold: float = 0.10
    clarify_margin: float = 0.1
    max_options: int = 4
    other_role_factor: float = 0.6
    semantic: bool = True  # fuse word scores with similarity in meaning (the shipped wordllama model)
    semantic_answer_threshold: float = 0.45  # answer threshold for the fused score
    words_only_answer_threshold: float = 0.55  # answer threshold with the semantic layer off
    # A long message's fused score is spread over its story: from this many words it answers from
    # long_answer_threshold instead (with the semantic layer on; 0 = never).
    long_message_words: int = 30
    long_answer_threshold: float = 0.40
    # …or from long_clear_threshold when its best section leads the next different one by long_clear_margin.
    long_clear_threshold: float = 0.35
    long_clear_margin: float = 0.15
    related_floor: float = 0.20  # "I can't find an answer" lists sections scoring at least this…
    related_margin: float = 0.10  # …and no more than this below the out-of-scope score (1 = any; 0 = none)

    def __post_init__(self) -> None:
        answers = (
            self.answer_threshold,
            self.semantic_answer_threshold,
            self.words_only_answer_threshold,
            self.long_answer_threshold,
            self.long_clear_threshold,
        )
        if not (0 <= self.clarify_threshold <= min(answers) and max(answers) <= 1):
            raise ValueError(
                "thresholds must satisfy 0 <= clarify_threshold <= answer_threshold (and"
                " semantic_answer_threshold, words_only_answer_threshold, long_answer_threshold,"
                " long_clear_threshold) <= 1"
                " — adjust them"
            )
        if self.long_message_words < 0:
            raise ValueError("long_message_words must be 0 (off) or a number of words — adjust it")
        if not 0 <= self.long_clear_margin <= 1:
            raise ValueError("long_clear_margin must be between 0 and 1 — adjust it")
        if not (0 <= self.related_floor <= 1 and 0 <= self.related_margin <= 1):
            raise ValueError("related_floor and related_margin must be between 0 and 1 — adjust them")

    def answer_threshold_for(self, semantic: bool, words: int) -> float:
        """The fused or words-only score a message of `words` words needs to be answered outright."""
        if not semantic:
            return self.words_only_answer_threshold
        if self._long(words):
            return min(self.semantic_answer_threshold, self.long_answer_threshold)
        return self.semantic_answer_threshold

    def clear_lead_for(self, semantic: bool, words: int) -> tuple[float, float] | None:
        """The (score, lead over the next section) that also answers a message of `words` words outright."""
        return (self.long_clear_threshold, self.long_clear_margin) if semantic and self._long(words) else None

    def _long(self, words: int) -> bool:
        """Whether a message of `words` words is long: a story first, its score spread over it."""
        return bool(self.long_message_words) and words >= self.long_message_words


@dataclass(frozen=True)
class WebhookConfig:
    """Webhook mode: Telegram posts updates to `url`, a reverse proxy passes them to listen:port."""

    url: str
    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "telegram"
    secret_token: str = ""


@dataclass(frozen=True)
class RateLimitConfig:
    """Per-user inbound limit."""

    messages: int = 20
    per_seconds: int = 60


@dataclass(frozen=True)
class TelegramConfig:
    """The Telegram channel."""

    token: str = ""
    base_url: str = ""
    webhook: WebhookConfig | None = None
    rate_limit: RateLimitConfig = field(default_factory=RateLimitConfig)
    group_mode: Literal["mention", "all"] = "mention"

    def resolved_token(self) -> str:
        """The token from config, else from the TELEGRAM_BOT_TOKEN environment variable."""
        return self.token or os.environ.get("TELEGRAM_BOT_TOKEN", "")


@dataclass(frozen=True)
class StoreConfig:
    """Where PolicyBot keeps roles, conversations and concerns."""

    path: str = "policybot.sqlite3"


@dataclass(frozen=True)
class SmtpConfig:
    """Outgoing e-mail. The user name and password are read from the named environment variables."""

    host: str
    port: int = 587
    security: Literal["starttls", "ssl", "none"] = "starttls"
    username_env: str = "POLICYBOT_SMTP_USER"
    password_env: str = "POLICYBOT_SMTP_PASSWORD"
    from_address: str = ""
    timeout_seconds: float = 20.0


@dataclass(frozen=True)
class OfficeConfig:
    """Who receives concerns and may use office commands."""

    telegram_chat_ids: list[int] = field(default_factory=list)
    admin_user_ids: list[int] = field(default_factory=list)
    email_to: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConcernsConfig:
    """The concern flow and its delivery."""

    reference_prefix: str = "MM"
    response_time: str = "within 2 school days"
    idle_timeout_minutes: int = 30
    retention_days: int = 365
    max_attempts: int = 12
    backoff_initial_seconds: float = 5.0
    backoff_max_seconds: float = 3600.0
    # True lets `policybot run` start with nowhere to send concerns or alerts (trying PolicyBot out);
    # people are then told plainly that nothing can be sent.
    allow_no_destination: bool = False


@dataclass(frozen=True)
class SafeguardingConfig:
    """Where urgent alerts go: the DSL's own destinations, separate from the office's.

    Allegations about a member of staff go to the headteacher's destinations and allegations about the
    headteacher to the chair of governors' (each falls back to the DSL's when not set).

    Alerts are child-protection records: /forget does not erase them, and a closed alert is purged only
    `retention_days` after closing (set it to the school's retention period for child-protection records;
    the default is 25 years).
    """

    alert_immediately: bool = False
    retention_days: int = 9125
    dsl_telegram_chat_ids: list[int] = field(default_factory=list)
    dsl_email_to: list[str] = field(default_factory=list)
    headteacher_telegram_chat_ids: list[int] = field(default_factory=list)
    headteacher_email_to: list[str] = field(default_factory=list)
    chair_email_to: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WebConfig:
    """The web chat and the office dashboard (`policybot web`, or beside Telegram when `enabled`)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str = ""  # e.g. https://bot.example.sch.uk/chat when behind a reverse proxy under a path
    embed_origins: list[str] = field(default_factory=list)  # sites allowed to show the chat in a frame
    secure_cookies: bool = True  # false only for plain-http testing away from localhost
    session_idle_minutes: int = 7 * 24 * 60  # a parent's chat session; long enough to see the reply
    office_session_minutes: int = 8 * 60
    rate_limit: RateLimitConfig = field(default_factory=RateLimitConfig)  # per chat session
    address_rate_limit: RateLimitConfig = field(
        default_factory=lambda: RateLimitConfig(messages=120, per_seconds=60)
    )
    login_attempts: int = 5  # failed office logins per name and per address within 15 minutes


@dataclass(frozen=True)
class InsightsConfig:
    """What is kept for the office's insights: counts per day, and unanswered question text for a while."""

    retention_days: int = 90


@dataclass(frozen=True)
class LoggingConfig:
    """Logging. Message text stays out of logs unless `content` is true."""

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    content: bool = False


@dataclass(frozen=True)
class Config:
    """Everything in config.yaml."""

    school: SchoolConfig
    knowledge_dir: str = ""
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    office: OfficeConfig = field(default_factory=OfficeConfig)
    smtp: SmtpConfig | None = None
    concerns: ConcernsConfig = field(default_factory=ConcernsConfig)
    safeguarding: SafeguardingConfig = field(default_factory=SafeguardingConfig)
    web: WebConfig = field(default_factory=WebConfig)
    insights: InsightsConfig = field(default_factory=InsightsConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    source: str = ""  # set by load_config: the file it came from

    def knowledge_path(self) -> Path:
        """The knowledge folder: `knowledge_dir` relative to the config file, else the bundled one."""
        if not self.knowledge_dir:
            return BUNDLED_KNOWLEDGE
        path = Path(self.knowledge_dir)
        if not path.is_absolute() and self.source:
            path = Path(self.source).parent / path
        return path

    def store_path(self) -> Path:
        """The SQLite file: relative paths are relative to the config file's folder."""
        path = Path(self.store.path)
        if not path.is_absolute() and self.source:
            path = Path(self.source).parent / path
        return path

    def can_deliver(self, kind: str) -> bool:
        """Whether concerns (`concern`) or safeguarding alerts (`safeguarding`) have somewhere to go.

        A chat id counts (Telegram delivers it); an e-mail address counts only when `smtp` is set.
        Alerts fall back to the office's destinations, as the outbox does.
        """
        mail = self.smtp is not None
        office = bool(self.office.telegram_chat_ids or (mail and self.office.email_to))
        if kind != "safeguarding":
            return office
        sg = self.safeguarding
        return office or bool(sg.dsl_telegram_chat_ids or (mail and sg.dsl_email_to))

    def delivery_problems(self) -> list[str]:
        """What stops concerns or alerts reaching anyone, each saying what to set."""
        problems = []
        if not self.can_deliver("concern"):
            problems.append(
                "concerns have nowhere to go — set office.telegram_chat_ids, or office.email_to with an "
                "smtp section"
            )
        if not self.can_deliver("safeguarding"):
            problems.append(
                "safeguarding alerts have nowhere to go — set safeguarding.dsl_telegram_chat_ids or "
                "safeguarding.dsl_email_to (with smtp), or an office destination"
            )
        if self.smtp is None and (self.office.email_to or self.safeguarding.dsl_email_to):
            problems.append("e-mail addresses are set but there is no smtp section — add one to send e-mail")
        return problems


def load_config(path: str | Path | None = None) -> Config:
    """Load and validate a config file (the bundled example when `path` is None)."""
    path = Path(path) if path else EXAMPLE_CONFIG
    try:
        doc = load_yaml(path)
    except YamlError as err:
        raise ConfigError([str(err)]) from None
    problems = Problems(doc)
    data = doc.data if doc.data is not None else {}
    if isinstance(data, dict) and "source" in data:
        problems.add(("source",), "unknown key — remove it")
    config = build(Config, data, (), problems)
    if problems.items or config is None:
        raise ConfigError(problems.items or [f"{path}: invalid configuration"])
    return dataclasses.replace(config, source=str(path.resolve()))
