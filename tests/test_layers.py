"""The layer contract: imports point down, from the edges to the core, never back up.

Every ``import`` counts, including those inside functions (a lazy import is still a
dependency). ``.ci/run`` runs this with the rest of the suite.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO_ROOT

CORE = tuple(
    f"quotedesk.{name}"
    for name in ("models", "config", "store", "text", "errors", "embeddings", "resources")
)
EDGES = ("quotedesk.cli", "quotedesk.commands", "quotedesk.web", "quotedesk.evaluation", "app")
#: layer -> modules it must not import (by prefix)
FORBIDDEN = {
    CORE: ("assistant", "ingest", *EDGES),
    ("ingest",): ("assistant", *EDGES),
    ("assistant",): EDGES,
    ("quotedesk.commands",): ("quotedesk.cli",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def sources() -> list[Path]:
    return [p for d in ("quotedesk", "assistant", "ingest") for p in (REPO_ROOT / d).rglob("*.py")]


def import_graph() -> dict[str, set[str]]:
    return {module_name(path): imports(path) for path in sources()}


def violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for name, imported in sorted(graph.items()):
        for layer, banned in FORBIDDEN.items():
            if within(name, layer):
                bad += [f"{name} imports {i}" for i in sorted(imported) if within(i, banned)]
    return bad


def test_imports_point_down_the_layers() -> None:
    assert violations(import_graph()) == []


def test_the_contract_catches_upward_imports() -> None:
    graph = {
        "quotedesk.models": {"quotedesk.cli"},
        "ingest.load": {"assistant.desk"},
        "assistant.desk": {"quotedesk.models", "ingest.load"},
        "quotedesk.commands.ask": {"quotedesk.cli"},
    }
    assert violations(graph) == [
        "ingest.load imports assistant.desk",
        "quotedesk.commands.ask imports quotedesk.cli",
        "quotedesk.models imports quotedesk.cli",
    ]


@pytest.mark.parametrize("library", ["rich", "gradio"])
def test_terminal_and_browser_formatting_live_at_the_edges(library: str) -> None:
    graph = import_graph()
    users = [name for name, found in graph.items() if any(within(i, (library,)) for i in found)]
    assert users and all(within(u, EDGES) for u in users), users
