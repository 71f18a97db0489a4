"""Tests for scripts/check_forward_compat.py, against small fake Home Assistant wheels."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
import subprocess
import sys
from types import ModuleType
from typing import Any
import zipfile

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_forward_compat.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_forward_compat", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fc = _load_script()

# Only Python 3.14 parses this (PEP 758 except without parentheses, PEP 750 t-string).
PY314_DT = '''\
"""Date helpers."""

type Stamp = float


def utcnow() -> float:
    try:
        return 1.0
    except ValueError, TypeError:
        return 0.0


GREETING = t"hello {Stamp}"


def parse_datetime(text: str) -> None:
    local_only = 1
'''

FAKE_HA: dict[str, str] = {
    "homeassistant/__init__.py": "",
    "homeassistant/const.py": """\
from enum import StrEnum
from functools import partial
from typing import Final

from .helpers.deprecation import DeprecatedConstant, check_if_deprecated_constant


class Platform(StrEnum):
    SENSOR = "sensor"


CONF_NAME: Final = "name"
MAX_THINGS = 3
FIRST, SECOND = 1, 2
_DEPRECATED_OLD_UNIT = DeprecatedConstant("x", "NEW_UNIT", "2099.1")

__getattr__ = partial(check_if_deprecated_constant, module_globals=globals())
""",
    "homeassistant/core.py": """\
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .helpers.typing import ConfigType


def callback(func):
    return func


async def async_later():
    inner_local = 1


class HomeAssistant:
    CLASS_ATTR = 1

    def method(self):
        pass
""",
    "homeassistant/helpers/__init__.py": "",
    "homeassistant/helpers/typing.py": "ConfigType = dict\n",
    "homeassistant/helpers/deprecation.py": (
        "class DeprecatedConstant:\n    pass\n\n\ndef check_if_deprecated_constant():\n    pass\n"
    ),
    "homeassistant/helpers/entity.py": "class Entity:\n    pass\n",
    "homeassistant/helpers/star.py": "from .entity import *\n",
    "homeassistant/helpers/loop_a.py": "from .loop_b import LOOP\n",
    "homeassistant/helpers/loop_b.py": "from homeassistant.helpers.loop_a import LOOP\n",
    "homeassistant/components/__init__.py": "",
    "homeassistant/components/sensor/__init__.py": """\
from .const import (  # re-exports
    STATE_CLASSES as STATE_CLASSES_LIST,
    SensorDeviceClass,
)
from .const import GONE
""",
    "homeassistant/components/sensor/const.py": """\
from enum import StrEnum


class SensorDeviceClass(StrEnum):
    DURATION = "duration"


STATE_CLASSES = ["measurement"]
""",
    "homeassistant/util/__init__.py": "",
    "homeassistant/util/dt.py": PY314_DT,
}

# The integration under test: (line, import) pairs; the line numbers are asserted below.
FAKE_PACKAGE_INIT = """\
from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.const import CONF_NAME, FIRST, GONE_CONST, MAX_THINGS, OLD_UNIT, Platform
from homeassistant.core import CLASS_ATTR, HomeAssistant, callback, inner_local
from homeassistant.helpers import entity as ent, missing_sub
import homeassistant.util.dt, homeassistant.util.gone
from homeassistant.components.sensor import GONE, STATE_CLASSES_LIST, SensorDeviceClass
from homeassistant.util.dt import GREETING, Stamp, local_only, parse_datetime, utcnow

from .const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import ConfigType
    from homeassistant.helpers.loop_a import LOOP


def setup() -> None:
    from homeassistant.helpers.star import Entity
    from homeassistant.nothing import X
"""

EXPECTED_PROBLEMS = {
    ("missing", "homeassistant.const.GONE_CONST"),
    ("deprecated", "homeassistant.const.OLD_UNIT"),
    ("missing", "homeassistant.core.CLASS_ATTR"),  # a class attribute, not module level
    ("missing", "homeassistant.core.inner_local"),  # a function's local
    ("missing", "homeassistant.helpers.missing_sub"),
    ("missing", "homeassistant.components.sensor.GONE"),  # re-exported, but gone at the source
    ("missing", "homeassistant.util.dt.local_only"),  # a local in a 3.14-only file
    ("missing", "homeassistant.helpers.loop_a.LOOP"),  # an import cycle
    ("missing", "homeassistant.nothing.X"),  # no such module
    ("missing", "homeassistant.util.gone"),  # import of a module that is gone
}
# Distinct (module, name) pairs imported from homeassistant above.
EXPECTED_CHECKED = 6 + 4 + 2 + 2 + 3 + 5 + 2 + 2


def make_wheel(directory: Path, files: dict[str, str], version: str = "2099.1.0") -> Path:
    """A wheel-shaped zip file holding ``files``."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"homeassistant-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
        zf.writestr(f"homeassistant-{version}.dist-info/METADATA", "Name: homeassistant\n")
    return path


def make_package(root: Path, init: str = FAKE_PACKAGE_INIT) -> Path:
    """A fake integration under ``root/custom_components/fake``."""
    package = root / "custom_components" / "fake"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(init)
    (package / "const.py").write_text('DOMAIN = "fake"\n')
    return package


def problems_in(output: str) -> set[tuple[str, str]]:
    """(kind, dotted name) of each problem line."""
    found = set()
    for line in output.splitlines():
        kind, sep, rest = line.partition(": ")
        if sep and kind in {"missing", "deprecated"}:
            found.add((kind, rest.split(" ")[0]))
    return found


@pytest.fixture
def no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the script tries to run pip."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"unexpected subprocess: {args}")

    monkeypatch.setattr(fc.subprocess, "run", refuse)


def test_fake_314_file_really_needs_python_314() -> None:
    with pytest.raises(SyntaxError):
        ast.parse(PY314_DT)


def test_collect_imports_finds_every_homeassistant_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    package = make_package(tmp_path)
    refs = fc.collect_imports(package)
    found = {(r.module, r.name, r.line) for r in refs}
    assert {r.file for r in refs} == {"custom_components/fake/__init__.py"}
    assert ("homeassistant.const", "OLD_UNIT", 5) in found
    assert ("homeassistant.helpers", "entity", 7) in found
    assert ("homeassistant.util.dt", None, 8) in found  # import homeassistant.util.dt
    assert ("homeassistant.util.gone", None, 8) in found
    assert ("homeassistant.core", "ConfigType", 15) in found  # under TYPE_CHECKING
    assert ("homeassistant.helpers.star", "Entity", 20) in found  # inside a function
    assert ("homeassistant.nothing", "X", 21) in found
    assert all(r.module.startswith("homeassistant") for r in refs)  # not typing, not .const
    assert len({r.key for r in refs}) == EXPECTED_CHECKED


def test_bindings_of_python_314_source_by_tokens() -> None:
    bindings = fc.bindings_of(PY314_DT)
    assert bindings.method == "tokens"
    assert bindings.direct == {"Stamp", "utcnow", "GREETING", "parse_datetime"}


def test_bindings_tokens_agree_with_ast() -> None:
    source = FAKE_HA["homeassistant/const.py"] + FAKE_HA["homeassistant/core.py"]
    by_ast = fc.bindings_of(source)
    by_tokens = fc._bindings_tokens(source)
    assert by_ast.method == "ast"
    assert by_tokens.direct == by_ast.direct
    assert by_tokens.imported == by_ast.imported
    assert "CLASS_ATTR" not in by_tokens.direct
    assert "ConfigType" in by_tokens.imported  # bound inside if TYPE_CHECKING:


def test_bindings_tokens_statement_forms() -> None:
    source = """\
if True:
    A = B = 1
    (C, [D, *E]) = 1, [2, 3]
    F: int
x.attr = 1
d["k"] = 2
g = lambda h=1, i=2: h
from .mod import (
    J,
    K as L,  # comment
)
import os.path, json as M
type N[T] = list[T]
for O, P in []:
    Q = 1
with open("f") as not_bound:
    pass
"""
    bindings = fc._bindings_tokens(source)
    assert bindings.direct == {"A", "B", "C", "D", "E", "F", "g", "N", "O", "P", "Q"}
    assert set(bindings.imported) == {"J", "L", "os", "M"}
    assert bindings.imported["L"] == [fc.ImportedBinding("mod", 1, "K")]


def test_bindings_fall_back_to_regex_when_tokenizer_fails() -> None:
    source = 'def kept():\n    pass\n\nSTILL = 1\nbroken = """never closed\n'
    bindings = fc.bindings_of(source)
    assert bindings.method == "regex"
    assert {"kept", "STILL"} <= bindings.direct
    assert "never" not in bindings.direct


def test_lookup_follows_reexports_and_stars(tmp_path: Path) -> None:
    with fc.WheelIndex(make_wheel(tmp_path, FAKE_HA)) as index:
        assert index.lookup("homeassistant.components.sensor", "STATE_CLASSES_LIST") is (
            fc.Status.PRESENT
        )
        assert index.lookup("homeassistant.components.sensor", "STATE_CLASSES") is (
            fc.Status.MISSING  # only bound under its alias
        )
        assert index.lookup("homeassistant.helpers.star", "Entity") is fc.Status.PRESENT
        assert index.lookup("homeassistant.helpers.star", "Other") is fc.Status.MISSING
        assert index.lookup("homeassistant", "core") is fc.Status.PRESENT  # a submodule
        assert index.lookup("homeassistant.const", "OLD_UNIT") is fc.Status.DEPRECATED


def test_main_reports_exactly_the_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    wheel = make_wheel(tmp_path / "wheels", FAKE_HA)
    package = make_package(tmp_path)
    assert fc.main(["--wheel", str(wheel), "--package", str(package)]) == 1
    out = capsys.readouterr().out
    assert problems_in(out) == EXPECTED_PROBLEMS
    assert (
        "missing: homeassistant.core.CLASS_ATTR (imported in custom_components/fake/__init__.py:6)"
        in out.splitlines()
    )
    assert out.splitlines()[-1] == (
        f"forward-compat: {EXPECTED_CHECKED} imports checked against homeassistant 2099.1.0:"
        " 9 missing, 1 deprecated"
    )


def test_main_all_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_download: None
) -> None:
    wheel = make_wheel(tmp_path / "wheels", FAKE_HA)
    package = make_package(
        tmp_path,
        "from homeassistant.const import CONF_NAME, Platform\n"
        "from homeassistant.util import dt as dt_util\n"
        "from homeassistant.util.dt import utcnow\n",
    )
    assert fc.main(["--wheel", str(wheel), "--package", str(package)]) == 0
    out = capsys.readouterr().out
    assert out == (
        "forward-compat: 4 imports checked against homeassistant 2099.1.0: all present\n"
    )


def test_main_one_missing_name_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wheel = make_wheel(tmp_path / "wheels", FAKE_HA)
    package = make_package(tmp_path, "from homeassistant.const import CONF_NAME, CONF_NAMES\n")
    assert fc.main(["--wheel", str(wheel), "--package", str(package)]) == 1
    assert problems_in(capsys.readouterr().out) == {("missing", "homeassistant.const.CONF_NAMES")}


def test_cached_wheel_is_reused_without_pip(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_download: None,
) -> None:
    monkeypatch.setenv("DESK_COACH_CACHE", str(tmp_path / "cache"))
    make_wheel(tmp_path / "cache" / "ha-wheels", FAKE_HA, version="2099.2.0")
    package = make_package(tmp_path, "from homeassistant.core import callback\n")
    assert fc.main(["--version", "2099.2.0", "--package", str(package)]) == 0
    assert "against homeassistant 2099.2.0: all present" in capsys.readouterr().out


def test_download_command_and_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DESK_COACH_CACHE", str(tmp_path / "cache"))
    calls: list[list[str]] = []

    def fake_run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 1, "", "ERROR: No matching distribution found")

    monkeypatch.setattr(fc.subprocess, "run", fake_run)
    package = make_package(tmp_path, "from homeassistant.core import callback\n")
    assert fc.main(["--version", "2099.3.0", "--package", str(package)]) == 2
    err = capsys.readouterr().err
    assert "cannot obtain the homeassistant 2099.3.0 wheel" in err
    assert "No matching distribution found" in err
    [cmd] = calls
    assert cmd[1:5] == ["-m", "pip", "download", "--no-deps"]
    assert "--only-binary=:all:" in cmd
    assert cmd[cmd.index("--python-version") + 1] == "3.14.9"
    assert cmd[cmd.index("-d") + 1].startswith(str(tmp_path / "cache" / "ha-wheels"))
    assert cmd[-1] == "homeassistant==2099.3.0"


def test_missing_wheel_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = make_package(tmp_path, "from homeassistant.core import callback\n")
    code = fc.main(["--wheel", str(tmp_path / "nope.whl"), "--package", str(package)])
    assert code == 2
    assert "cannot obtain" in capsys.readouterr().err


def test_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DESK_COACH_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert fc.cache_dir() == tmp_path / "home" / ".cache" / "desk-coach" / "ha-wheels"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert fc.cache_dir() == tmp_path / "xdg" / "desk-coach" / "ha-wheels"
    monkeypatch.setenv("DESK_COACH_CACHE", str(tmp_path / "dc"))
    assert fc.cache_dir() == tmp_path / "dc" / "ha-wheels"
