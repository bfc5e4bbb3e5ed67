"""Sentence-embedding similarity between a question and each class's examples (the matcher's second opinion).

The model is the one shipped inside the `wordllama` wheel (256-dimension token embeddings, mean-pooled),
read from the package's own files: nothing is downloaded. The vectors of the knowledge's own example texts
are kept in the start-up cache (bot/common/cache.py); nothing else is written. When the package is missing
or its files cannot be read, `load_embedder` logs a warning and returns None: the matcher runs on words alone.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.common import cache as startup_cache
from bot.matching.discriminant import Discriminant
from bot.matching.real_words import TOKENIZER, shipped_package, shipped_tokenizer

if TYPE_CHECKING:
    import numpy as np

    from bot.knowledge.loading import Knowledge

log = logging.getLogger(__name__)

MODEL_NAME = "wordllama l2_supercat 256-d"
_WEIGHTS = Path("weights", "l2_supercat_256.safetensors")  # inside the wordllama package
_TABLE = "embedding.weight"
_KIND = "example-vectors"  # their entries in the start-up cache
_BATCH = 64
"""Texts are tokenised this many at a time, each batch padded to its longest text (as wordllama does)."""


class Embedder(Protocol):
    """Turns texts into vectors (one row each)."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dim) float32 array; rows need not be unit length."""
        ...


class _TokenMeans:
    """The shipped model: a text's vector is the mean of its tokens' rows in the embedding table.

    This is the arithmetic of wordllama's own `embed(texts, norm=False)`, batch for batch, so the vectors are
    the same to the bit (tests/test_semantic.py compares them). Importing the package itself would also bring
    its download and training machinery (an HTTP client, pydantic, toml): more than half a fresh start.
    """

    name = MODEL_NAME

    def __init__(self, table: np.ndarray, tokenizer: Any, files: Sequence[Path] = ()) -> None:
        import numpy as np

        self._np = np
        self._table = np.ascontiguousarray(table, dtype=np.float32)
        self._tokenizer = tokenizer
        tokenizer.enable_padding()
        tokenizer.no_truncation()
        # Which model files these are, for the cache of example vectors: an installed package's files
        # change only when it is reinstalled, which changes their size or time.
        stamps = [f"{f.name}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files]
        self.identity = " ".join([MODEL_NAME, *stamps])

    def embed_examples(self, texts: Sequence[str]) -> np.ndarray:
        """`embed` for the knowledge's own example texts, kept between runs in the start-up cache
        (bot/common/cache.py) under a hash of the texts, the model files and this module: a fresh start
        reads them back instead of embedding them again. Never used for what people write."""
        np = self._np
        texts = list(texts)
        digest = hashlib.sha256()
        for text in texts:
            data = text.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little") + data)
        key = startup_cache.fingerprint(f"{_KIND} {self.identity} {digest.hexdigest()}", Path(__file__))
        dim = self._table.shape[1]
        kept = startup_cache.load(_KIND, key)
        if isinstance(kept, bytes) and len(kept) == len(texts) * dim * 4:
            return np.frombuffer(kept, dtype=np.float32).reshape(len(texts), dim).copy()
        vectors = self.embed(texts)
        startup_cache.save(_KIND, key, vectors.tobytes())
        return vectors

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        np = self._np
        texts = list(texts)
        rows, dim = self._table.shape
        out = np.empty((len(texts), dim), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            encoded = self._tokenizer.encode_batch(texts[start : start + _BATCH], add_special_tokens=False)
            ids = np.array([e.ids for e in encoded], dtype=np.int32)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
            np.clip(ids, 0, rows - 1, out=ids)
            tokens = self._table[ids] * mask[..., np.newaxis]  # padding rows become zeros
            counts = np.maximum(mask.sum(axis=1, keepdims=True), 1.0).astype(np.float32)
            out[start : start + len(encoded)] = np.sum(tokens, axis=1, dtype=np.float32) / counts
        return out


@cache
def load_embedder() -> Embedder | None:
    """The shipped model, once per process; None (with a warning) when it cannot be loaded."""
    try:
        # Found, not imported: only its files are read (see _TokenMeans).
        package = shipped_package()
        if package is None:
            raise ModuleNotFoundError("wordllama is not installed")
        # One BLAS thread: the products here are small, and OpenBLAS's idle worker threads spin for a while
        # after each call, which on a small busy machine took a whole core during start-up (a fresh start
        # measured 0.79 s with them, 0.66 s without; the vectors and scores are the same). Only effective
        # before numpy is first imported; an operator's own setting wins.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from safetensors import safe_open  # heavy (numpy): imported only when semantic matching is on

        tokenizer = shipped_tokenizer()
        with safe_open(str(package / _WEIGHTS), framework="np", device="cpu") as weights:
            table = weights.get_tensor(_TABLE)
        return _TokenMeans(table, tokenizer, [package / _WEIGHTS, package / TOKENIZER])
    except Exception as err:  # any failure means: run on words alone
        log.warning("semantic matching unavailable (%s); matching on words alone", type(err).__name__)
        return None


def _embed_examples(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """The example texts' vectors: from the start-up cache for the shipped model."""
    return embedder.embed_examples(texts) if isinstance(embedder, _TokenMeans) else embedder.embed(texts)


_EXACT_LIMIT = 4000
"""Up to this many example vectors every class is scored exactly; beyond it (a knowledge base many times
the bundled one) a question is compared with a shortlist of classes — those whose mean vector is closest,
and those its words scored — so it reads a small part of the vectors instead of all of them (at 100× the
bundled size, all of them are 30 MB a question)."""
_SHORTLIST = 24


class SemanticIndex:
    """Each class's example vectors; a question's meaning score for a class (0..1) blends how likely the
    class is given all its examples (discriminant.Discriminant's posterior) with its best example's cosine."""

    def __init__(self, embedder: Embedder, texts: dict[str, list[str]], always: Sequence[str] = ()) -> None:
        import numpy as np  # imported with the index, not with the module

        self._np = np
        self.embedder = embedder
        self.keys: list[str] = []
        bounds: list[tuple[int, int]] = []
        flat: list[str] = []
        for key, items in texts.items():
            items = [t for t in items if t.strip()]
            if items:
                self.keys.append(key)
                bounds.append((len(flat), len(flat) + len(items)))
                flat.extend(items)
        self._starts = np.array([start for start, _ in bounds], dtype=np.intp)
        self._sizes = np.array([end - start for start, end in bounds], dtype=np.intp)
        self._key_array = np.array(self.keys, dtype=object)
        self._position = {key: i for i, key in enumerate(self.keys)}
        self._vectors = self._unit(_embed_examples(embedder, flat)) if flat else np.zeros((0, 1), np.float32)
        self._always = np.array([i for i, key in enumerate(self.keys) if key in set(always)], dtype=np.intp)
        self._discriminant = Discriminant(self._vectors, bounds) if flat else None
        self._centroids = None
        if self._discriminant is not None and len(self._vectors) > _EXACT_LIMIT:
            # The discriminant's class means, as unit vectors; stored word-major: the product with a few
            # questions then runs along rows (about 1.7× faster).
            self._centroids = np.ascontiguousarray(self._unit(self._discriminant.means).T)

    def _unit(self, vectors: np.ndarray) -> np.ndarray:
        norms = self._np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / self._np.maximum(norms, 1e-9)).astype(self._np.float32)

    def _dot(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        # einsum, not a BLAS product: on a small busy machine BLAS worker threads contend with the
        # tokenizer's and made a 0.1 ms product take 5–30 ms; these sizes need no threads.
        return self._np.einsum("id,ed->ie", a, b)

    def similarities(
        self, texts: Sequence[str], scored: Sequence[Iterable[str]] = (), floor: float = 0.0
    ) -> list[dict[str, float]]:
        """For each text, class → meaning score 0..1 (a text with no words scores nothing).

        Beyond _EXACT_LIMIT vectors only shortlisted classes are compared with their examples; `scored`
        (one per text) names classes to shortlist besides the nearest: those the words scored, so that
        every class with a words' score has its best example's cosine too. A class scoring below `floor`
        is left out (as if it scored nothing) unless it is always scored or named in `scored`: a table of
        every class for every text was most of a question's time at 100× the bundled size.
        """
        np = self._np
        if not self.keys or not texts or self._discriminant is None:
            return [{} for _ in texts]
        query = self.embedder.embed(texts)
        nonzero = np.linalg.norm(query, axis=1) > 0
        query = self._unit(query)
        likely = self._discriminant.posteriors(query).astype(np.float64)
        named = [[self._position[key] for key in keys if key in self._position] for keys in scored]
        named = named or [[] for _ in texts]
        if self._centroids is None:
            best = np.maximum.reduceat(self._dot(query, self._vectors), self._starts, axis=1)
            cosines = best.astype(np.float64)
        else:
            near = np.einsum("id,de->ie", query, self._centroids)  # every text at once
            cosines = np.full(likely.shape, _COSINE_FLOOR)  # not compared: nothing beyond the posterior
            for i in np.flatnonzero(nonzero).tolist():
                chosen, best = self._shortlisted(query[i], near[i], named[i])
                cosines[i, chosen] = best
        scores = meaning(likely, cosines)
        keep = scores >= floor
        keep[:, self._always] = True
        out: list[dict[str, float]] = []
        for i, ok in enumerate(nonzero.tolist()):
            keep[i, named[i]] = True
            found = np.flatnonzero(keep[i]) if ok else []
            out.append(dict(zip(self._key_array[found].tolist(), scores[i, found].tolist(), strict=True)))
        return out

    def _shortlisted(
        self, query: np.ndarray, near: np.ndarray, named: list[int]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The classes whose mean vector is closest (`near`: the query's cosine with each), the
        always-scored ones and `named`, and their best examples' cosines: one product over their examples."""
        np = self._np
        count = min(_SHORTLIST, len(near))
        chosen = np.unique(
            np.concatenate([np.argpartition(-near, count - 1)[:count], self._always, named]).astype(np.intp)
        )
        sizes = self._sizes[chosen]
        firsts = np.cumsum(sizes) - sizes  # where each class's rows start among those gathered
        rows = np.arange(sizes.sum()) + np.repeat(self._starts[chosen] - firsts, sizes)
        return chosen, np.maximum.reduceat(self._dot(query[None, :], self._vectors[rows])[0], firsts)


LEXICAL_WEIGHT = 0.4
"""α in α·lexical + (1−α)·similarity, chosen on the development sets (0.4–0.6 were close)."""
_COSINE_FLOOR = 0.3
"""Cosines at or below this mean "unrelated" for this model (unrelated questions sit around 0.3–0.5)."""
_COSINE_SCALE = 1.5
"""Stretches the cosines that matter (0.3–1.0) onto the lexical score's 0..1."""


POSTERIOR_WEIGHT = 0.5
"""How much of the meaning score is the discriminant's posterior; the rest is the best example's cosine
(each alone ranked worse on the development sets than the two together)."""


def meaning(posterior: np.ndarray, cosine: np.ndarray) -> np.ndarray:
    """Classes' meaning scores 0..1 from their posteriors and their best examples' cosines (float64 arrays
    alike; a class not compared with its examples, when a large knowledge base shortlisted others, has the
    cosine _COSINE_FLOOR: nothing beyond its posterior)."""
    import numpy as np

    near = np.clip((cosine - _COSINE_FLOOR) * _COSINE_SCALE, 0.0, 1.0)
    return POSTERIOR_WEIGHT * posterior + (1 - POSTERIOR_WEIGHT) * near


def fuse(lexical: dict[str, float], similar: dict[str, float]) -> dict[str, float]:
    """Per class, α·lexical + (1−α)·meaning."""
    return between(lexical, similar, 1 - LEXICAL_WEIGHT)


def best_of(scores: list[dict[str, float]]) -> dict[str, float]:
    """Per class, the best score over several texts."""
    best: dict[str, float] = {}
    for table in scores:
        for key, value in table.items():
            if value > best.get(key, 0.0):
                best[key] = value
    return best


def between(a: dict[str, float], b: dict[str, float], weight: float) -> dict[str, float]:
    """Per class, (1 − weight)·a + weight·b (a class missing from one counts 0 there)."""
    return {key: (1 - weight) * a.get(key, 0.0) + weight * b.get(key, 0.0) for key in a.keys() | b.keys()}


def class_texts(knowledge: Knowledge, out_of_scope: str) -> dict[str, list[str]]:
    """The texts each class is known by (what the semantic layer embeds): examples, title and stories.

    Stories (longer messages told the way people write them) feed only the meaning side: also indexed on
    the words' side, they raised the wrong-answer rate on the development sets (blind1 0.009 → 0.027,
    blind3 0.015 → 0.031) for no gain in top-1. `out_of_scope` is the key of the out-of-scope class."""
    k = knowledge
    texts: dict[str, list[str]] = {t.id: [*t.examples, t.title, *t.stories] for t in k.topics.values()}
    for intent in k.intents.values():
        if intent.action == "forward":
            texts[intent.id] = [*intent.examples, *intent.stories]
    texts[out_of_scope] = [*k.out_of_scope, *k.out_of_scope_stories]
    return texts
