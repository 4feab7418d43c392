"""Words are Unicode-aware wherever text is matched: BM25 terms, overlap and word diffs."""

from __future__ import annotations

from assistant.align import align
from assistant.lexical import terms
from quotedesk.text import word_spans, words


def test_names_with_accents_are_one_word() -> None:
    assert words("Frau Müller met Zoë in Łódź") == ["frau", "müller", "met", "zoë", "in", "łódź"]
    assert terms("Müller bridge") == ["müller", "bridge"]
    text = "said Müller."
    assert [text[a:b] for a, b in word_spans(text)] == ["said", "Müller"]


def test_word_diff_replaces_the_whole_accented_word() -> None:
    source = "Mayor Anna Müller said the bridge will reopen in May."
    alignment = align("Mayor Anna Möller said the bridge will reopen in May.", source)
    assert alignment is not None
    changed = [(d.source, d.claim) for d in alignment.ops if d.op != "equal"]
    assert changed == [("Müller", "Möller")]
