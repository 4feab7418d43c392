"""The README documents what the code really reads."""

from __future__ import annotations

import re

from conftest import REPO_ROOT

CODE_DIRS = ("quotedesk", "assistant", "ingest")
VARIABLE = re.compile(r"""["']((?:QUOTEDESK|OPENAI|GRADIO_SERVER)_[A-Z_]+)["']""")


def variables_read() -> set[str]:
    files = [p for d in CODE_DIRS for p in (REPO_ROOT / d).rglob("*.py")]
    return {name for path in files for name in VARIABLE.findall(path.read_text())}


def test_configuration_table_lists_every_variable_the_code_reads() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration") :].split("\n## ", 1)[0]
    found = variables_read()
    assert {"QUOTEDESK_DB", "QUOTEDESK_LLM_TIMEOUT"} <= found  # the scan sees the code
    assert sorted(v for v in found if f"`{v}`" not in table) == []
