"""SQL is the store's: no module outside `strikemap/store/` (nor a page) builds or runs a query.

So a change to what the store holds, or to the SQL that reads it, has one place to go. A module that
starts building SQL fails here; one that only hands a store transaction on names its type through
the store (`strikemap.store.Connection`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sqlalchemy as sa

from strikemap.store import tables

ROOT = Path(__file__).resolve().parents[1]

STORE_TABLES = frozenset(
    name
    for name, value in vars(tables).items()
    if isinstance(value, (sa.Table, sa.MetaData, sa.Index, sa.ClauseElement))
)
"""The store's tables, indexes and conditions: using one is writing SQL by other means."""
RUNS_SQL = frozenset({"execute", "exec_driver_sql", "scalars", "scalar"})
"""Connection methods that send a statement to the database."""


def outside_the_store() -> list[Path]:
    found = [*(ROOT / "strikemap").rglob("*.py"), *(ROOT / "pages").glob("*.py"), *ROOT.glob("*app.py")]
    return sorted(p for p in found if not p.is_relative_to(ROOT / "strikemap" / "store"))


def sql_in(source: str) -> list[str]:
    """What in a module's source builds or runs SQL, by line: SQLAlchemy imports, the store's
    tables, and calls that execute a statement. (A module that hands a transaction on names its
    type as `strikemap.store.Connection`.)"""
    tree = ast.parse(source)
    store = _names_for_the_store(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {a.name}" for a in node.names if _is_sqlalchemy(a.name)]
        elif isinstance(node, ast.ImportFrom) and _is_sqlalchemy(node.module or ""):
            found += [f"{node.lineno}: from {node.module} import {a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("strikemap.store"):
            found += [f"{node.lineno}: imports {a.name}" for a in node.names if a.name in STORE_TABLES]
        elif isinstance(node, ast.Attribute) and node.attr in STORE_TABLES:
            if isinstance(node.value, ast.Name) and node.value.id in store:
                found.append(f"{node.lineno}: uses {node.attr}")
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNS_SQL
        ):
            found.append(f"{node.lineno}: calls .{node.func.attr}()")
    return found


def _names_for_the_store(tree: ast.Module) -> set[str]:
    """The names a module gives the store package (``from strikemap import store as st``: st)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "strikemap":
            names |= {a.asname or a.name for a in node.names if a.name == "store"}
        elif isinstance(node, ast.Import):
            names |= {a.asname for a in node.names if a.name == "strikemap.store" and a.asname}
    return names


def _is_sqlalchemy(module: str) -> bool:
    return module.partition(".")[0] == "sqlalchemy"


def test_no_module_outside_the_store_builds_or_runs_sql() -> None:
    found = {}
    for path in outside_the_store():
        name = str(path.relative_to(ROOT))
        uses = sql_in(path.read_text(encoding="utf-8"))
        if uses:
            found[name] = uses
    assert found == {}


def test_the_check_looks_at_the_modules_and_pages() -> None:
    """The discovery works: it finds the modules that read the store, and leaves the store out."""
    names = {str(p.relative_to(ROOT)) for p in outside_the_store()}
    assert {"strikemap/query.py", "strikemap/ingest.py", "pages/ingest.py", "streamlit_app.py"} <= names
    assert not any(name.startswith("strikemap/store/") for name in names)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import sqlalchemy as sa\n", ["1: import sqlalchemy"]),
        (
            "from sqlalchemy import select, or_\n",
            ["1: from sqlalchemy import select", "1: from sqlalchemy import or_"],
        ),
        ("from sqlalchemy.engine import Connection\n", ["1: from sqlalchemy.engine import Connection"]),
        ("from strikemap.store import Store, events_table\n", ["1: imports events_table"]),
        (
            "from strikemap import store as st\nwhere = st.events_table.c.id == 'x'\n",
            ["2: uses events_table"],
        ),
        ("rows = conn.execute(query)\n", ["1: calls .execute()"]),
    ],
)
def test_the_check_finds_sql_written_outside_the_store(source: str, expected: list[str]) -> None:
    """Proof that the first test can fail: each way query.py once built and ran its own SQL is found."""
    assert sql_in(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "from strikemap.store import Connection\n",  # a transaction handed on, named through the store
        "from strikemap import ui\nui.events_table(shown)\n",  # the dashboard's table, not the store's
    ],
)
def test_what_is_not_sql_is_not_found(source: str) -> None:
    assert sql_in(source) == []
