"""Size bars on the integration's code; the pure core's import contract kept complete.

The bars (README, Layout): no file of custom_components/desk_coach/ over 15,000 bytes, no
class over 300 lines, no function or method over 60 lines. A class or function is measured
from its ``class``/``def`` line to its last line (``end_lineno - lineno + 1``): decorators
are not counted; the docstring, comments and blank lines inside it are. Nested functions
and classes are measured on their own too (and count in their parents' lines).

Issue 16 ("The runtime redrawn") brought the last violators (desk.py, model.py and their
classes) under the bars; nothing is over one, and nothing may be.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
import tomllib
from typing import Any

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "custom_components" / "desk_coach"

MAX_FILE_BYTES = 15_000
MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 60


def _definitions(
    node: ast.AST, prefix: str
) -> Iterator[tuple[str, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every class and function under ``node``, with its dotted name."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{child.name}"
            yield name, child
            yield from _definitions(child, f"{name}.")
        else:
            yield from _definitions(child, prefix)


def measure_over(package: Path = PACKAGE) -> dict[str, int]:
    """What in ``package``'s .py files is over a bar, with its measurement."""
    over: dict[str, int] = {}
    for path in sorted(package.glob("*.py")):
        source = path.read_bytes()
        if len(source) > MAX_FILE_BYTES:
            over[path.name] = len(source)
        for name, node in _definitions(ast.parse(source, filename=str(path)), ""):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            bar = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES
            key = f"{path.name}::{name}"
            # a name defined twice (a property's setter, say) counts its longest definition
            if lines > bar and lines > over.get(key, 0):
                over[key] = lines
    return over


def test_nothing_is_over_a_bar() -> None:
    """Every file, class and function of the integration is within its bar."""
    assert measure_over() == {}, "over a size bar: split it"


def test_the_measure_counts_from_def_to_last_line_without_decorators(tmp_path: Path) -> None:
    """The bars as stated: bytes per file; def/class line to last line, decorators out."""
    body = "\n".join(f"    x{i} = {i}" for i in range(59))
    (tmp_path / "fits.py").write_text(f"@decorator\n@other\ndef fits():\n{body}\n")
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n    x = 0\n")
    (tmp_path / "big.py").write_text("#" * MAX_FILE_BYTES + "\n")
    assert measure_over(tmp_path) == {"big.py": MAX_FILE_BYTES + 1, "long.py::long": 61}


def _pure_contract() -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    pure: dict[str, Any]
    (pure,) = (contract for contract in contracts if contract["id"] == "pure-core")
    assert pure["type"] == "forbidden"
    assert pure["forbidden_modules"] == ["homeassistant"]
    return pure


def _imports_home_assistant(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == "homeassistant" or name.startswith("homeassistant.") for name in names):
            return True
    return False


def test_the_pure_core_contract_lists_every_module_without_home_assistant() -> None:
    """import-linter takes no partial wildcards (``routine_*``): modules are listed by name.

    So a module without a Home Assistant import (one split off from ``routine.py``, say)
    has to be added to the contract, which then keeps it so; and a listed one must exist.
    """
    listed = {
        module.removeprefix("custom_components.desk_coach.")
        for module in _pure_contract()["source_modules"]
    }
    without = {path.stem for path in PACKAGE.glob("*.py") if not _imports_home_assistant(path)}
    without.discard("__init__")
    unlisted, impure = sorted(without - listed), sorted(listed - without)
    assert not unlisted, f"no Home Assistant import: add to the pure-core contract: {unlisted}"
    assert not impure, f"in the pure-core contract but gone or importing Home Assistant: {impure}"
