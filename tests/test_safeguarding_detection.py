"""The safeguarding detector: every labelled disclosure found and routed, few false alarms, no crashes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.knowledge.loading import KnowledgeError
from bot.safeguarding.detector import SafeguardingDetector, check_file

ROOT = Path(__file__).resolve().parent.parent
SAFEGUARDING = ROOT / "knowledge" / "safeguarding.yaml"
QUESTIONS = yaml.safe_load(
    (Path(__file__).parent / "safeguarding_questions.yaml").read_text(encoding="utf-8")
)
DISCLOSURES = QUESTIONS["disclosures"]
NEAR_MISSES = QUESTIONS["near_misses"]


@pytest.fixture(scope="module")
def detector() -> SafeguardingDetector:
    return SafeguardingDetector.from_file(SAFEGUARDING)


def test_question_sets_are_big_enough_and_labelled() -> None:
    assert len(DISCLOSURES) >= 80
    assert len(NEAR_MISSES) >= 80
    for item in DISCLOSURES + NEAR_MISSES:
        assert item["role"] in ("parent", "staff", "pupil"), item
    assert {item["route"] for item in DISCLOSURES} == {"dsl", "headteacher", "chair_of_governors"}


def test_shipped_safeguarding_file_has_no_problems() -> None:
    assert check_file(SAFEGUARDING) == []


def test_every_disclosure_is_detected(detector: SafeguardingDetector) -> None:
    missed = [item["text"] for item in DISCLOSURES if detector.detect(item["text"]) is None]
    recall = 1 - len(missed) / len(DISCLOSURES)
    print(f"\nrecall {recall:.1%} ({len(DISCLOSURES) - len(missed)}/{len(DISCLOSURES)})")
    assert missed == [], "missed disclosures:\n" + "\n".join(missed)


def test_disclosures_go_to_the_right_person(detector: SafeguardingDetector) -> None:
    wrong = []
    for item in DISCLOSURES:
        found = detector.detect(item["text"])
        if found is not None and found.route != item["route"]:
            wrong.append(f"{item['text']!r}: expected {item['route']}, got {found.route} ({found.matched})")
    assert wrong == [], "\n".join(wrong)


def test_false_alarm_rate_on_near_misses_is_below_ten_percent(detector: SafeguardingDetector) -> None:
    flagged = [(item["text"], detector.detect(item["text"])) for item in NEAR_MISSES]
    flagged = [(text, found) for text, found in flagged if found is not None]
    rate = len(flagged) / len(NEAR_MISSES)
    print(f"\nfalse alarms {rate:.1%} ({len(flagged)}/{len(NEAR_MISSES)})")
    for text, found in flagged:
        print(f"  {text!r} -> {found.category}: {found.matched}")
    assert rate < 0.10


@pytest.mark.parametrize(
    "text",
    [
        "someone is sending nasty messages to my son",
        "a boy in his class keeps calling him names on whatsapp",
        "kids in year 5 are being horrible to my daughter in a group chat",
        "my daughter is being left out of the class group chat",
        "someone made a fake account of my son and is posting mean things",
        "my son is being teased on snapchat about his glasses, what can the school do",
        "a girl keeps leaving rude comments on my daughter's tiktok videos",
        "is the school responsible for cyberbullying that happens at the weekend",
        "someone keeps sending nasty messages to my son",
        "a parent posted a photo of my child without asking",
        "can I add my son's teacher as a friend on facebook",
        "is it ok to post photos of the nativity on instagram",
    ],
)
def test_ordinary_cyberbullying_questions_are_not_flagged(detector: SafeguardingDetector, text: str) -> None:
    assert detector.detect(text) is None


def test_policy_topic_examples_are_rarely_flagged(detector: SafeguardingDetector) -> None:
    examples = []
    for path in sorted((ROOT / "knowledge" / "topics").glob("*.yaml")):
        for topic in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("topics") or []:
            examples.extend(topic.get("examples") or [])
    if not examples:
        pytest.skip("no topic examples yet")
    flagged = [text for text in examples if detector.detect(text) is not None]
    print(f"\ntopic examples flagged {len(flagged)}/{len(examples)}: {flagged}")
    assert len(flagged) / len(examples) < 0.05


def test_a_new_topic_example_leaves_the_safeguarding_check_as_it_was(tmp_path: Path) -> None:
    # Round 45: the similarity and meaning layers compare messages with a fixed copy of the topics' examples
    # (knowledge/safeguarding_ordinary.yaml), not the topic files themselves. Until then one topic example
    # about a complaint not acknowledged moved the layer's neighbours enough to lose a disclosure (a swimming
    # coach sending a 9-year-old friend requests) and unflag two ordinary messages.
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    topics = knowledge / "topics" / "complaints.yaml"
    data = yaml.safe_load(topics.read_text(encoding="utf-8"))
    timescales = next(topic for topic in data["topics"] if topic["id"] == "complaints_timescales")
    timescales["examples"].append(
        "my complaint hasn't even been acknowledged after two weeks, is that normal"
    )
    topics.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = SafeguardingDetector.from_file(SAFEGUARDING)
    after = SafeguardingDetector.from_file(knowledge / "safeguarding.yaml")
    messages = []
    for name in ("staff_and_online_plain.yaml", "form_answers.yaml", "general_probe_bg.yaml"):
        doc = yaml.safe_load((ROOT / "tests" / "safeguarding" / name).read_text(encoding="utf-8"))
        messages += [(item["text"], item.get("role", "any")) for item in doc.get("disclosures") or []]
        messages += [(item["text"], item.get("role", "any")) for item in doc.get("ordinary") or []]
    assert len(messages) > 300
    changed = [
        text for text, role in messages if before.detect(text, role=role) != after.detect(text, role=role)
    ]
    assert changed == []


def _ordinary_questions() -> list[str]:
    """Every example of an ordinary question the rest of the bot is built on (written by others)."""
    texts = []
    intents = ROOT / "knowledge" / "intents.yaml"
    if intents.exists():
        for intent in (yaml.safe_load(intents.read_text(encoding="utf-8")) or {}).get("intents") or []:
            texts.extend(e for e in intent.get("examples") or [] if isinstance(e, str))
    questions = ROOT / "tests" / "questions.yaml"
    if questions.exists():
        for item in (yaml.safe_load(questions.read_text(encoding="utf-8")) or {}).get("questions") or []:
            texts.append(item["text"])
    return texts


def test_no_intent_example_or_development_question_is_mistaken_for_a_disclosure(
    detector: SafeguardingDetector,
) -> None:
    texts = _ordinary_questions()
    if not texts:
        pytest.skip("no intents or development questions yet")
    flagged = [
        f"{text!r} -> {found.category}: {found.matched}" for text in texts if (found := detector.detect(text))
    ]
    assert flagged == [], "\n".join(flagged)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t\r",
        "🙂🙂🙂",
        "😀" * 3000,
        "a " * 5000,
        "\x00\x01\x02\x1b[31m\x7f",
        "\u200b\u200e\u202e\ufeff",
        "مرحبا كيف حالك",
        "我的孩子很好",
        "Привет, как дела",
        "{{ 7*7 }}",
        "{% for x in y %}{{ x }}{% endfor %}",
        "<script>alert('x')</script>",
        "'; DROP TABLE messages; --",
        "((((((((((",
        "*" * 500,
        "@@@ ### $$$ ^^^ |||",
        "1234567890 " * 400,
        "x" * 10_000,
    ],
)
def test_bad_inputs_never_crash_and_return_none(detector: SafeguardingDetector, text: str) -> None:
    assert detector.detect(text) is None


def test_non_text_input_returns_none(detector: SafeguardingDetector) -> None:
    assert detector.detect(None) is None  # type: ignore[arg-type]
    assert detector.detect(b"my dad hits me") is None  # type: ignore[arg-type]


def test_long_message_is_scanned_to_the_end(detector: SafeguardingDetector) -> None:
    text = "we had a lovely day at the school fair and the children enjoyed it. " * 150 + "my dad hits me"
    assert len(text) > 10_000
    found = detector.detect(text)
    assert found is not None and found.route == "dsl"


def test_disclosure_survives_control_characters_and_shouting(detector: SafeguardingDetector) -> None:
    found = detector.detect("MY\u200b STEP DAD\x00 HURTS ME!!!!")
    assert found is not None and found.route == "dsl"


def test_detection_names_the_rule_not_the_message(detector: SafeguardingDetector) -> None:
    text = "mr Jones messages my daughter on snapchat late at night"
    found = detector.detect(text)
    assert found is not None
    assert found.category == "staff_allegation"
    assert text not in found.matched


def test_a_long_message_full_of_trigger_words_is_read_in_full(detector: SafeguardingDetector) -> None:
    ordinary = "Can I post a photo of the school play on Facebook if only my own son is in it? " * 120
    assert len(ordinary) > 9_000 and detector.detect(ordinary) is None
    assert detector.detect(ordinary + DISCLOSURES[0]["text"]) is not None  # found at the very end


BROKEN_FILES = {
    "head_word_the_patterns_do_not_know": (
        'head_words: [warden]\ncategories:\n  - id: abuse\n    route: dsl\n    rules: ["hits me"]\n',
        1,
        "list first a one-word head word the patterns know",
    ),
    "unknown_writer_role": (
        'categories:\n  - id: abuse\n    route: dsl\n    rules:\n      - phrase: "hits me"\n'
        "        unless_writer: [teacher]\n",
        6,
        "unknown role teacher: use one or more of parent, staff, pupil",
    ),
    "unknown_group": (
        'categories:\n  - id: abuse\n    route: dsl\n    rules:\n      - "@nobody hits"\n',
        5,
        "unknown group '@nobody'",
    ),
    "bad_route": (
        'categories:\n  - id: abuse\n    route: police\n    rules: ["hits me"]\n',
        3,
        "must be one of",
    ),
    "unknown_key": (
        'categories:\n  - id: abuse\n    route: dsl\n    rules: ["hits me"]\n    colour: red\n',
        5,
        "unknown key",
    ),
    "unpaired_bracket": (
        'categories:\n  - id: abuse\n    route: dsl\n    rules:\n      - "(hits me"\n',
        5,
        "brackets",
    ),
    "yaml_syntax": (
        'categories:\n  - id: abuse\n    route: dsl\n    rules: ["hits me"\n',
        5,
        "",
    ),
    "gap_in_exclude": (
        'exclude:\n  - "cut * stick"\ncategories:\n  - id: abuse\n    route: dsl\n    rules: ["hits me"]\n',
        2,
        "gaps",
    ),
    "gap_in_not_people": (
        'not_people:\n  - "on * head"\ncategories:\n  - id: abuse\n    route: dsl\n    rules: ["hits me"]\n',
        2,
        "gaps",
    ),
    "rule_misses_its_own_example": (
        "categories:\n  - id: abuse\n    route: dsl\n    rules:\n"
        '      - phrase: "will find|finds|see where us"\n'
        '        matches: ["he will see where we live"]\n',
        6,
        "this rule does not find 'he will see where we live'",
    ),
    "group_loop": (
        'groups:\n  a: ["@b"]\n  b: ["@a"]\ncategories:\n  - id: abuse\n    route: dsl\n    rules: ["@a"]\n',
        3,
        "refers to itself",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_broken_safeguarding_file_raises_knowledge_error_naming_file_and_line(
    tmp_path: Path, name: str
) -> None:
    text, line, message = BROKEN_FILES[name]
    path = tmp_path / "safeguarding.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        SafeguardingDetector.from_file(path)
    problems = raised.value.problems
    assert any(p.startswith(f"{path}:{line}:") and message in p for p in problems), problems
    assert check_file(path) == problems


@pytest.mark.parametrize(
    ("text", "route"),
    [
        (
            "We love Mrs Price, our headteacher, and the school is great. But yesterday my son came home "
            "crying and said Mrs Price grabbed him by the arm and dragged him out of assembly.",
            "chair_of_governors",
        ),
        (
            "We love our school and the head, Mr O'Neill, runs a lovely assembly every Monday. Yesterday "
            "after lunch my son says Mr O'Neill grabbed him by the arm and dragged him.",
            "chair_of_governors",
        ),
        (
            "Our principal, Mr Hale, is brilliant at assemblies. Last week my daughter said Mr Hale grabbed "
            "her by the wrist and dragged her out of the hall.",
            "chair_of_governors",
        ),
        (
            "The deputy head, Mr Dean, runs the football club. On Tuesday my son said Mr Dean grabbed him by "
            "the arm and dragged him off the pitch.",
            "headteacher",
        ),
        (
            "Mr Dean, head of PE, is usually great. On Tuesday my son said Mr Dean grabbed him by the arm "
            "and dragged him off the pitch.",
            "headteacher",
        ),
    ],
)
def test_a_name_the_message_gives_as_the_heads_is_the_head_wherever_it_appears(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    # Round 9: names are never read, so "Mrs Price" far from "our headteacher" was a member of staff and an
    # allegation about the head went to the head. A deputy head or a head of PE stays a member of staff.
    found = detector.detect(text, role="parent")
    assert found is not None and found.route == route, found


@pytest.mark.parametrize(("head_words", "route"), [("[warden]", "chair_of_governors"), ("[]", "headteacher")])
def test_the_heads_words_come_from_the_knowledge(tmp_path: Path, head_words: str, route: str) -> None:
    # Round 10: the words that make a name the head's were written in the code ("head", "headteacher"); a
    # school whose head is "the warden" now says so in its own file.
    path = tmp_path / "safeguarding.yaml"
    path.write_text(
        "titles: [mr, mrs]\n"
        f"head_words: {head_words}\n"
        'groups:\n  head: ["warden"]\n  staff: ["=mr|=mrs"]\n  school_adult: ["@staff", "@head"]\n'
        "categories:\n"
        '  - id: headteacher_allegation\n    route: chair_of_governors\n    about: "@head"\n'
        '  - id: staff_allegation\n    route: headteacher\n    about: "@staff"\n'
        '    rules:\n      - "@school_adult grabbed my son"\n',
        encoding="utf-8",
    )
    detector = SafeguardingDetector.from_file(path)
    text = (
        "We like the warden, Mr Hale, and the new library is lovely this term. Then yesterday after lunch "
        "Mr Hale grabbed my son."
    )
    found = detector.detect(text, role="parent")
    assert found is not None and found.route == route, found


def test_an_unless_pattern_reads_words_an_exclusion_blanked(tmp_path: Path) -> None:
    # Round 9: exclusions ran first, so a rule's `unless:` could not see an excluded phrase. "miss her" is
    # blanked for every rule (it is never a disclosure) and still tells a missed birthday from a threat.
    path = tmp_path / "safeguarding.yaml"
    path.write_text(
        "exclude:\n"
        '  - "miss her"\n'
        "categories:\n"
        "  - id: abuse\n"
        "    route: dsl\n"
        "    rules:\n"
        '      - phrase: "kill us"\n'
        '        unless: ["if we miss her birthday"]\n',
        encoding="utf-8",
    )
    detector = SafeguardingDetector.from_file(path)
    assert detector.detect("gran will kill us if we miss her birthday") is None
    assert detector.detect("he said he will kill us") is not None
    assert detector.detect("he said he will kill us, i miss her") is not None


def test_a_rule_that_finds_its_examples_passes_the_check(tmp_path: Path) -> None:
    # `matches:` are read as any message is: exclusions blank their words, `unless:` can cancel.
    path = tmp_path / "safeguarding.yaml"
    path.write_text(
        'exclude: ["kill time"]\n'
        "categories:\n  - id: abuse\n    route: dsl\n    rules:\n"
        '      - phrase: "will find|finds|(see where) us|we"\n'
        '        matches: ["he will see where we live"]\n'
        '      - phrase: "kill"\n'
        '        matches: ["we will kill time at the park"]\n',
        encoding="utf-8",
    )
    problems = check_file(path)
    assert len(problems) == 1 and "rules[1].matches[0]" in problems[0], problems


def test_missing_safeguarding_file_raises_knowledge_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as raised:
        SafeguardingDetector.from_file(tmp_path / "nope.yaml")
    assert "file not found" in raised.value.problems[0]


# ---- the similarity layer (knowledge/safeguarding_examples.yaml) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("daddy thrue mummy at the wall and she was crying on the flor", "dsl"),  # blind set G: misspelt
        ("sir shouted at me and shook me really hard", "headteacher"),  # too far apart for the rule
    ],
)
def test_disclosure_worded_unlike_any_rule_is_caught_by_similarity(
    detector: SafeguardingDetector, tmp_path: Path, text: str, route: str
) -> None:
    (tmp_path / "safeguarding.yaml").write_text(SAFEGUARDING.read_text(encoding="utf-8"), encoding="utf-8")
    patterns_only = SafeguardingDetector.from_file(tmp_path / "safeguarding.yaml")
    assert patterns_only.detect(text) is None
    found = detector.detect(text)
    assert found is not None and found.route == route
    assert found.matched.startswith("similar to ")


MINIMAL_RULES = 'categories:\n  - id: abuse\n    route: dsl\n    rules: ["hits me"]\n'
BROKEN_EXAMPLES = {
    "unknown_category": (
        'disclosures:\n  abuse: ["my dad hits me"]\n  bullying: ["a boy hit me"]\n',
        3,
        "unknown category",
    ),
    "unknown_key": ('disclosures:\n  abuse: ["my dad hits me"]\ncolour: red\n', 3, "unknown key"),
    "empty_example": ('disclosures:\n  abuse:\n    - "my dad hits me"\n    - "!!!"\n', 4, "empty example"),
    "no_such_file": (
        'disclosures:\n  abuse: ["my dad hits me"]\nordinary_from:\n  - "topics/*.yaml"\n',
        4,
        "no file",
    ),
    "yaml_syntax": ('disclosures:\n  abuse: ["my dad hits me"\nordinary: []\n', 3, ""),
    "short_margin_out_of_range": (
        'settings:\n  short_margin: 2\ndisclosures:\n  abuse: ["my dad hits me"]\n',
        2,
        "short_margin",
    ),
    "meaning_threshold_out_of_range": (
        'meaning:\n  threshold: 1.5\ndisclosures:\n  abuse: ["my dad hits me"]\n',
        2,
        "threshold",
    ),
    "min_words_zero": (
        'settings:\n  min_words: 0\ndisclosures:\n  abuse: ["my dad hits me"]\n',
        2,
        "min_words",
    ),
    "long_margin_out_of_range": (
        'settings:\n  long_words: 80\n  long_margin: 2\ndisclosures:\n  abuse: ["my dad hits me"]\n',
        3,
        "long_margin: must be between -1 and 1",
    ),
    "long_words_not_above_short_words": (
        'settings:\n  short_words: 15\n  long_words: 10\ndisclosures:\n  abuse: ["my dad hits me"]\n',
        3,
        "more than `short_words`",
    ),
}


def test_a_long_message_must_lean_further_towards_the_disclosures(tmp_path: Path) -> None:
    # Round 21: a long e-mail or forum post meets some disclosure in one of its many stretches (30 alarms over
    # the labelled sets were long ordinary messages, none of their disclosures needed the lower margin).
    (tmp_path / "safeguarding.yaml").write_text(MINIMAL_RULES, encoding="utf-8")
    examples = tmp_path / "safeguarding_examples.yaml"

    def detector(long_words: int) -> SafeguardingDetector:
        examples.write_text(
            f"settings:\n  k: 1\n  min_similarity: 0.05\n  margin: 0.01\n  min_words: 2\n"
            f"  long_words: {long_words}\n  long_margin: 0.9\n"
            'disclosures:\n  abuse: ["my stepdad locks me in the shed when he is angry"]\n'
            'ordinary: ["can you tell me when the school play is"]\n',
            encoding="utf-8",
        )
        return SafeguardingDetector.from_file(tmp_path / "safeguarding.yaml")

    short = "he locks me in the shed"
    long = "the weather was nice and we went to the park, then my stepdad locks me in the shed"
    assert detector(0).detect(long) is not None
    assert detector(12).detect(short) is not None  # under long_words: the usual margin
    assert detector(12).detect(long) is None


@pytest.mark.parametrize("name", sorted(BROKEN_EXAMPLES))
def test_broken_examples_file_is_reported_with_file_and_line(tmp_path: Path, name: str) -> None:
    text, line, message = BROKEN_EXAMPLES[name]
    (tmp_path / "safeguarding.yaml").write_text(MINIMAL_RULES, encoding="utf-8")
    examples = tmp_path / "safeguarding_examples.yaml"
    examples.write_text(text, encoding="utf-8")
    problems = check_file(tmp_path / "safeguarding.yaml")
    assert any(p.startswith(f"{examples}:{line}:") and message in p for p in problems), problems
    with pytest.raises(KnowledgeError):
        SafeguardingDetector.from_file(tmp_path / "safeguarding.yaml")


@pytest.mark.parametrize(
    ("text", "route"),
    [
        (
            "my son's swimming coach at his Saturday club keeps messaging him at night "
            "and says not to tell me",
            "dsl",
        ),
        ("the tutor we pay for maths keeps texting my daughter and wants to take her out on her own", "dsl"),
        ("her gymnastics teacher outside school takes photos of the girls getting changed", "dsl"),
        ("Hi Mrs Jones, just so you know his uncle has been hitting him when he stays over", "dsl"),
        (
            "the football coach at school keeps messaging my son at night and says not to tell me",
            "headteacher",
        ),
        ("Mrs Jones keeps messaging my son at night and says not to tell me", "headteacher"),
    ],
)
def test_an_adult_outside_school_or_a_teacher_greeted_is_the_dsls_concern_and_staff_the_heads(
    detector: SafeguardingDetector, text: str, route: str
) -> None:
    # Round 13 (sets K, U, V): a weekend club's coach, a tutor the family pays, and a message that greets the
    # teacher it is written to went to the headteacher as allegations about staff.
    found = detector.detect(text, role="parent")
    assert found is not None and found.route == route, found


def test_a_pattern_word_the_reader_rewrites_matches_as_the_reader_reads_it(tmp_path: Path) -> None:
    # Round 32: `spellings:` reads "he's" and "hes" as "he is", so a pattern's "(hes #5-12)" never met a
    # message until the compiler read the pattern's words the same way (a young carer "doing his mum's
    # injections … He's 7" was missed by the rule written for it). The word as written still matches a
    # misspelling near it.
    (tmp_path / "safeguarding.yaml").write_text(
        "spellings:\n  he is: [hes]\n  night: [nite]\n"
        "categories:\n  - id: neglect\n    route: dsl\n    rules:\n"
        '      - all: ["injections|dressings", "(hes #5-12)"]\n        within: 20\n'
        '      - "stepdad *2 smacks me every nite"\n',
        encoding="utf-8",
    )
    detector = SafeguardingDetector.from_file(tmp_path / "safeguarding.yaml")
    assert detector.detect("he does his mum's injections and nobody else helps. He's 7") is not None
    assert detector.detect("he does his mums injections, hes 8") is not None
    assert detector.detect("steppdad smacks me every night") is not None  # "night" read as the rule's "nite"
    assert detector.detect("he does his mum's injections, he is a nurse") is None
