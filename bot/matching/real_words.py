"""Real English words, from the shipped model's tokenizer: spelling correction leaves their middles alone.

Correction maps a word the knowledge never uses onto a knowledge word one or two letters away. For a
typo ("nativty", "freind") that is the point; for a real word it changes the meaning: "till I'm older"
became "till order", "properly" became "property" and "career" became "carer" (which reads as "parent").
The tokenizer of the shipped wordllama model has a whole-word token for about 9,000 common English words
and none for their misspellings, so it tells the two apart (not perfectly: "choir" has no token of its
own, and is still read as "chair"). Nothing is downloaded: the file ships inside the registry package, and
without it the matcher corrects as before.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TOKENIZER = Path("tokenizers", "l2_supercat_tokenizer_config.json")
_WORD_START = "\u2581"  # the tokenizer marks a token that begins a word with this


def shipped_package() -> Path | None:
    """The folder of the installed wordllama package (found, not imported), or None."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def shipped_tokenizer() -> Any:
    """The shipped model's tokenizer, read once per process (the embedder and the real words share it)."""
    package = shipped_package()
    if package is None:
        raise ModuleNotFoundError("wordllama is not installed")
    from tokenizers import Tokenizer  # wordllama's own dependency

    return Tokenizer.from_file(str(package / TOKENIZER))


@cache
def real_words() -> frozenset[str]:
    """Lower-case alphabetic whole-word tokens of the shipped tokenizer (empty if it is not installed).

    Read through the `tokenizers` library, as the embedder reads it: parsing the 1.8 MB file with `json` held
    16 MiB of Python objects at once (the benchmark's traced peak), the library's vocabulary 4 MiB."""
    try:
        vocab = shipped_tokenizer().get_vocab()
    except Exception as err:  # any failure means: correct as before
        log.warning("spelling correction without the list of real words (%s)", type(err).__name__)
        return frozenset()
    words = (token[1:] for token in vocab if token.startswith(_WORD_START))
    return frozenset(w for w in words if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3)


def keeps_meaning(word: str, correction: str) -> bool:
    """Whether correcting a real word only adds or drops letters at its end ("decid" → "decide", "publicly" →
    "public"), rather than changing the word ("older" → "order", "career" → "carer", "state" → "stage")."""
    return word.startswith(correction) or correction.startswith(word)
