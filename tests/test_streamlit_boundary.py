"""The line between the library and the dashboard: only the dashboard's modules may import Streamlit.

So the command line, the store and the extraction install and run without Streamlit, and a module that
starts importing it either joins the dashboard's list below, on purpose, or fails here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from blocked_imports import ROOT, import_blocking

STREAMLIT = ("streamlit", "streamlit_folium")
DASHBOARD = ("strikemap.dashboard",)
"""The dashboard's folder: the only modules that may import Streamlit (a package covers its submodules)."""
GLUE = ("strikemap.dashboard.ui", "strikemap.dashboard.ui_panel", "strikemap.dashboard.session")
"""The dashboard's modules that do import Streamlit; the rest of the folder is plain functions."""
NOT_IMPORTED = ("strikemap.__main__",)
"""Runs the command line when imported; it imports nothing but ``strikemap.cli``, which is checked."""


def package_modules() -> list[str]:
    """Every module of the package by its dotted name, found from the files, so none is forgotten."""
    names = []
    for path in sorted((ROOT / "strikemap").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def in_dashboard(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in DASHBOARD)


def library_modules() -> list[str]:
    return [name for name in package_modules() if not in_dashboard(name) and name not in NOT_IMPORTED]


def test_library_imports_without_streamlit() -> None:
    run = import_blocking(library_modules(), blocked=STREAMLIT)
    assert run.stderr == ""  # names each module that asked for Streamlit
    assert run.returncode == 0


def test_the_lists_name_modules_that_exist() -> None:
    """A module moved or renamed (into a dashboard folder, say) must take its entry along."""
    assert [name for name in (*DASHBOARD, *GLUE, *NOT_IMPORTED) if name not in package_modules()] == []


def test_the_library_is_most_of_the_package() -> None:
    """The discovery works: it finds the package and the modules everyone imports."""
    assert {"strikemap", "strikemap.models", "strikemap.cli", "strikemap.store"} <= set(library_modules())


@pytest.mark.parametrize("module", GLUE)
def test_the_guard_refuses_each_dashboard_module(module: str) -> None:
    """Proof that the first test can fail, and that every listed module still needs Streamlit."""
    assert in_dashboard(module)
    run = import_blocking([module], blocked=STREAMLIT)
    assert run.returncode != 0
    assert "streamlit is not to be imported here" in run.stderr


def test_the_rest_of_the_dashboard_imports_without_streamlit() -> None:
    """The map, the panel's words and the timeline are tested without a Streamlit session."""
    plain = [m for m in package_modules() if in_dashboard(m) and m not in GLUE]
    assert "strikemap.dashboard.render" in plain
    run = import_blocking(plain, blocked=STREAMLIT)
    assert run.stderr == ""
    assert run.returncode == 0


def test_the_pages_import_without_compiling_the_extractor() -> None:
    """A server's first map page need not wait the better part of a second for the extractor's
    patterns, the gazetteer and the reader's formats: they load when articles are read (`from
    strikemap.extract import extract` still works, on first use). The dashboard reads dates'
    formats and the districts' label points from the models and the geodata alone."""
    extractor = (
        "strikemap.extract.article", "strikemap.extract.dates", "strikemap.extract.gazetteer",
        "strikemap.extract.lexicon", "strikemap.read",
    )  # fmt: skip
    probe = (
        "import sys; import strikemap.dashboard.ui, strikemap.export, strikemap.demo; "
        f"print(sorted(m for m in {extractor!r} if m in sys.modules)); "
        "from strikemap.extract import extract; print(extract.__module__)"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["[]", "strikemap.extract.article"]
