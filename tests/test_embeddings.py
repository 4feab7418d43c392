"""The packaged MiniLM embedder: offline, deterministic, meaningful similarities."""

from __future__ import annotations

import numpy as np
import pytest

from quotedesk.config import Settings
from quotedesk.embeddings import MINILM_DIM, MiniLMEmbeddings, embedder_identity, make_embeddings


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbeddings:
    return make_embeddings(Settings())  # type: ignore[return-value]


def test_vectors_are_unit_length_384_dims(embedder: MiniLMEmbeddings) -> None:
    vectors = np.array(embedder.embed_documents(["A cold war will go on.", "Hello"]))
    assert vectors.shape == (2, MINILM_DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_paraphrase_is_closer_than_unrelated_text(embedder: MiniLMEmbeddings) -> None:
    quote, paraphrase, other = embedder.embed_array(
        ["A cold war will go on.", "the cold war will go on", "Bananas are a yellow fruit."]
    )
    assert quote @ paraphrase > 0.85
    assert quote @ other < 0.3


def test_batch_padding_does_not_change_a_vector(embedder: MiniLMEmbeddings) -> None:
    """Batching a short text with a long one must give the same vector as embedding it alone."""
    alone = embedder.embed_query("The summit is very important.")
    long_text = "The summit happened at a crucial time for relations with the US. " * 20
    batched = embedder.embed_documents([long_text, "The summit is very important."])[1]
    assert np.allclose(alone, batched, atol=1e-5)


def test_order_of_results_matches_input_order(embedder: MiniLMEmbeddings) -> None:
    texts = ["x " * 50, "short", "medium length text here"]
    together = embedder.embed_array(texts)
    for text, vector in zip(texts, together, strict=True):
        assert np.allclose(embedder.embed_query(text), vector, atol=1e-5)


def test_identity_is_recorded_name(embedder: MiniLMEmbeddings) -> None:
    assert embedder_identity(embedder) == "all-MiniLM-L6-v2-onnx-int8"


def test_unknown_embedder_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="QUOTEDESK_EMBEDDINGS='bert' is not an embedder; choose"):
        Settings.from_env({"QUOTEDESK_EMBEDDINGS": "bert"})
