"""Import modules in a fresh interpreter where some packages refuse to load, to prove they are not needed.

A layer that must work without a dependency (the read models without SQLAlchemy, the library without
Streamlit) is checked by importing it with that dependency blocked; a module that catches the refusal
is still reported, by the module of ours that asked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_IMPORT_BLOCKING = """
import importlib, importlib.abc, sys
from pathlib import Path

root, blocked, modules = Path(sys.argv[1]), sys.argv[2].split(","), sys.argv[3:]
asked = []

def asker():
    # The innermost frame running a file of the repository: the module that wrote the import.
    frame = sys._getframe(2)
    while frame is not None:
        if Path(frame.f_code.co_filename).is_relative_to(root):
            return str(Path(frame.f_code.co_filename).relative_to(root))
        frame = frame.f_back
    return "?"

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in blocked:
            asked.append(f"{asker()} asked for {name}")
            raise ImportError(f"{name} is not to be imported here")
        return None

early = [name for name in blocked if name in sys.modules]
assert not early, f"{early} imported before the test began"
sys.meta_path.insert(0, Refuse())
failed = []
for name in modules:
    try:
        module = importlib.import_module(name)
    except ImportError as err:
        failed.append(f"{name}: {err}")
        continue
    assert Path(module.__file__).is_relative_to(root), module.__file__
if asked:
    failed.append("refused: " + "; ".join(dict.fromkeys(asked)))
if failed:
    sys.exit("\\n".join(failed))
"""


def import_blocking(modules: Sequence[str], *, blocked: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Import ``modules`` of this repository in order, in a new interpreter where the top-level
    packages ``blocked`` raise ImportError; exits 0 with an empty stderr only if none was asked for."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", _IMPORT_BLOCKING, str(ROOT), ",".join(blocked), *modules],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip
