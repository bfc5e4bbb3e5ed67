"""False alarms on ordinary messages of every kind, and recall on the newer blind disclosure sets.

The ordinary sets (tests/safeguarding/ordinary_*.yaml) were written by others without seeing the detector:
answers to the concern flow's details steps (classes, names, contacts, addresses), chat, idioms, policy
questions and everyday concerns. `ordinary_dev.yaml` is the development set (tune on it);
`ordinary_heldout.yaml` is held out (measured, never tuned on). See docs/safeguarding-notes.md.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.safeguarding.detector import SafeguardingDetector

ROOT = Path(__file__).resolve().parent.parent
SETS = Path(__file__).parent / "safeguarding"
MAX_FALSE_ALARMS = 0.01


@pytest.fixture(scope="module")
def detector() -> SafeguardingDetector:
    return SafeguardingDetector.from_file(ROOT / "knowledge" / "safeguarding.yaml")


def _load(name: str, key: str) -> list[dict[str, str]]:
    return yaml.safe_load((SETS / name).read_text(encoding="utf-8"))[key]


def _false_alarm_report(detector: SafeguardingDetector, items: list[dict[str, str]]) -> tuple[float, str]:
    """The false-alarm rate and a report: counts per kind, then every flagged message and why."""
    total: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    lines = []
    for item in items:
        total[item["kind"]] += 1
        if found := detector.detect(item["text"]):
            flagged[item["kind"]] += 1
            lines.append(f"  [{item['kind']}] {item['text']!r} -> {found.route} ({found.matched})")
    kinds = ", ".join(f"{kind} {flagged[kind]}/{total[kind]}" for kind in total)
    count = sum(flagged.values())
    rate = count / len(items)
    return rate, f"false alarms {rate:.1%} ({count}/{len(items)}); {kinds}\n" + "\n".join(lines)


@pytest.mark.parametrize("name", ["ordinary_dev.yaml", "ordinary_heldout.yaml"])
def test_ordinary_messages_of_every_kind_rarely_raise_an_alarm(
    detector: SafeguardingDetector, name: str
) -> None:
    items = _load(name, "messages")
    assert len(items) >= 150
    assert {"details", "chat", "idioms", "policy", "concern"} <= {item["kind"] for item in items}
    rate, report = _false_alarm_report(detector, items)
    print(f"\n{name}: {report}")
    assert rate <= MAX_FALSE_ALARMS, report


@pytest.mark.parametrize(
    "text",
    [
        "tom@example.com",
        "com",
        "reception",
        "Mr Cox",
        "Dick Turner",
        "Year 2, Mrs Hickman's class",
        "14 Hitchin Road, Sexton Green, Derby DE22 3BT",
        "https://www.example.org/kill-the-lights",
        "call me on 07700 900123 after 5",
        "we were killing ourselves laughing at the nativity",
        "Does a 12-year-old need a mobile phone?",
        "a pupil filmed me and put it on tiktok",
    ],
)
def test_details_names_contacts_and_idioms_from_the_review_are_not_alarms(
    detector: SafeguardingDetector, text: str
) -> None:
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    ("text", "route"),
    [
        # the measured miss from the review
        ("a mum at pick-up said she'd beat her kid black and blue when they got home", "dsl"),
        # a title is a mention (the route), only the name after it is dropped
        ("Mr Cox grabbed my son by the neck", "headteacher"),
        ("miss hurt my arm when she pulled me", "headteacher"),
        ("mr b makes me stay behind on my own and shuts the door", "headteacher"),
        ("SIR HIT ME", "headteacher"),  # all in capitals: a capital does not mark a name
        ("SIR TUOCHED ME", "headteacher"),
        # contact details inside a disclosure are skipped, the disclosure is not
        ("a man messaged her from snap.example.com and asked for pics of her with no clothes on", "dsl"),
        ("he gave my daughter his number 07700 900123 and told her to keep it a secret", "dsl"),
        # an idiom elsewhere in the message does not hide a disclosure
        ("we were killing ourselves laughing but then she said she wants to kill herself", "dsl"),
    ],
)
def test_disclosures_around_names_contacts_and_idioms_are_still_found(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    found = detector.detect(text)
    assert found is not None
    assert found.route == route, found


@pytest.mark.parametrize("name", ["disclosures_blind5.yaml", "disclosures_blind6.yaml"])
def test_every_blind_disclosure_is_found_and_routed(detector: SafeguardingDetector, name: str) -> None:
    items = _load(name, "disclosures")
    problems = []
    for item in items:
        found = detector.detect(item["text"])
        if found is None:
            problems.append(f"  missed: {item['text']!r}")
        elif found.route != item["route"]:
            expected = item["route"]
            problems.append(f"  {item['text']!r}: expected {expected}, got {found.route} ({found.matched})")
    assert problems == [], f"{name}: {len(problems)} of {len(items)} wrong\n" + "\n".join(problems)
