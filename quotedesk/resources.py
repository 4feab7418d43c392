"""Files shipped inside the package (sample article, tokenizer, dev gold set)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SAMPLE_ARTICLE = DATA_DIR / "sample_article.txt"
MINILM_TOKENIZER = DATA_DIR / "minilm-tokenizer.json"
