#!/usr/bin/env python3
"""Check that every ``homeassistant.*`` name Desk Coach imports still exists in a newer release.

The integration is tested on the Home Assistant pinned in requirements_test.txt, but users run
newer releases that need a newer Python than the one the tests run on, so they cannot be
imported here. Instead this script reads the newer release's wheel as text: it downloads the
wheel once (``pip download`` into the user cache; later runs reuse it), collects the
``homeassistant`` imports of the integration with ``ast`` and looks up each imported name in the
wheel's sources.

Those sources may use syntax this Python cannot parse (``except A, B:``, t-strings), so a module
that ``ast`` rejects is scanned token by token (and, should even the tokenizer give up, line by
line with regular expressions). Bindings nested in ``if``/``try``/``with`` blocks count as
module-level bindings; that heuristic errs towards "present".

A name whose only binding is ``_DEPRECATED_<NAME>`` (Home Assistant's ``DeprecatedConstant``
mechanism with a module ``__getattr__``) is reported as deprecated: importing it works but logs a
deprecation report.

Exit status: 0 when every name is present, 1 when any is missing or deprecated, 2 when the check
cannot run (wheel not obtainable, package not found or not parseable).

Usage: python scripts/check_forward_compat.py [--version X] [--wheel PATH] [--package DIR]
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
import enum
import io
import keyword
import os
from pathlib import Path
import re
import shutil
import subprocess
import sys
import tempfile
import time
import token
import tokenize
from typing import Self
import zipfile

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PACKAGE = ROOT / "custom_components" / "desk_coach"
DEFAULT_VERSION = "2026.11.0"
TARGET_PYTHON = "3.14.9"
TOP = "homeassistant"


class WheelUnavailableError(Exception):
    """The wheel could not be found or downloaded."""


class PackageError(Exception):
    """The integration's sources could not be read."""


# --------------------------------------------------------------------------- obtaining the wheel


def cache_dir() -> Path:
    """``${DESK_COACH_CACHE:-${XDG_CACHE_HOME:-~/.cache}/desk-coach}/ha-wheels``."""
    base = os.environ.get("DESK_COACH_CACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        base = str(Path(xdg) / "desk-coach")
    return Path(base) / "ha-wheels"


def _valid_wheel(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return any(name.startswith(f"{TOP}/") for name in zf.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def find_cached_wheel(version: str, cache: Path) -> Path | None:
    """An already downloaded (and readable) wheel of the given version, if any."""
    if not cache.is_dir():
        return None
    for path in sorted(cache.glob(f"{TOP}-{version}-*.whl")):
        if _valid_wheel(path):
            return path
    return None


def download_wheel(version: str, cache: Path, python: str = sys.executable) -> Path:
    """Download the wheel with pip into the cache (via a temporary directory)."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".download-") as tmp:
        cmd = [
            python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
            "--python-version", TARGET_PYTHON, "--disable-pip-version-check", "--no-input",
            "--quiet", "-d", tmp, f"{TOP}=={version}",
        ]  # fmt: skip
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        except OSError as err:
            raise WheelUnavailableError(f"cannot run pip ({python}): {err}") from err
        wheels = sorted(Path(tmp).glob(f"{TOP}-*.whl"))
        if proc.returncode != 0 or not wheels:
            detail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
            raise WheelUnavailableError(
                f"pip could not download {TOP}=={version} for Python {TARGET_PYTHON}"
                f" (exit {proc.returncode}): " + " | ".join(detail)
            )
        target = cache / wheels[0].name
        shutil.move(wheels[0], target)
    if not _valid_wheel(target):
        raise WheelUnavailableError(f"downloaded file {target} is not a {TOP} wheel")
    return target


def obtain_wheel(version: str, cache: Path | None = None) -> Path:
    """The cached wheel of ``version``, downloading it on first use."""
    cache = cache_dir() if cache is None else cache
    cached = find_cached_wheel(version, cache)
    if cached is not None:
        return cached
    print(f"downloading {TOP}=={version} into {cache} (once) ...", file=sys.stderr)
    start = time.monotonic()
    path = download_wheel(version, cache)
    print(f"downloaded {path.name} in {time.monotonic() - start:.1f} s", file=sys.stderr)
    return path


def wheel_version(path: Path) -> str | None:
    """The version in a wheel's file name (``homeassistant-<version>-...whl``)."""
    parts = path.name.split("-")
    if len(parts) >= 3 and parts[0] == TOP and path.suffix == ".whl":
        return parts[1]
    return None


# --------------------------------------------------------------------------- collecting imports


@dataclass(frozen=True, order=True)
class ImportRef:
    """One imported name: ``from <module> import <name>``, or ``import <module>`` (name None)."""

    module: str
    name: str | None
    file: str
    line: int

    @property
    def key(self) -> tuple[str, str | None]:
        """What is checked; the same name imported in several places is checked once."""
        return (self.module, self.name)

    @property
    def dotted(self) -> str:
        """The full dotted name."""
        return self.module if self.name is None else f"{self.module}.{self.name}"


def _is_ha(module: str) -> bool:
    return module == TOP or module.startswith(f"{TOP}.")


def _display(path: Path) -> str:
    for base in (Path.cwd(), ROOT):
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def imports_in_source(source: str, filename: str) -> list[ImportRef]:
    """The ``homeassistant`` imports anywhere in one file (TYPE_CHECKING blocks, functions)."""
    refs: list[ImportRef] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if _is_ha(node.module):
                refs.extend(
                    ImportRef(node.module, None if a.name == "*" else a.name, filename, node.lineno)
                    for a in node.names
                )
        elif isinstance(node, ast.Import):
            refs.extend(
                ImportRef(a.name, None, filename, node.lineno) for a in node.names if _is_ha(a.name)
            )
    return refs


def collect_imports(package: Path) -> list[ImportRef]:
    """The ``homeassistant`` imports of every .py file under ``package``, sorted."""
    if not package.is_dir():
        raise PackageError(f"package directory not found: {package}")
    refs: list[ImportRef] = []
    for path in sorted(package.rglob("*.py")):
        shown = _display(path)
        try:
            source = path.read_text(encoding="utf-8")
            found = imports_in_source(source, str(path))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as err:
            raise PackageError(f"cannot read {shown}: {err}") from err
        refs.extend(ImportRef(r.module, r.name, shown, r.line) for r in found)
    return sorted(refs, key=lambda r: (r.file, r.line, r.module, r.name or ""))


# --------------------------------------------------------------------------- bindings of a module


@dataclass(frozen=True)
class ImportedBinding:
    """A name bound by an import statement: ``from <module> import <attr>`` or ``import <module>``.

    ``level`` counts the leading dots of a relative import; ``attr`` is None for ``import x``.
    """

    module: str
    level: int
    attr: str | None


@dataclass
class ModuleBindings:
    """The names a module binds at (or near) module level."""

    direct: set[str] = field(default_factory=set)
    imported: dict[str, list[ImportedBinding]] = field(default_factory=dict)
    star: list[ImportedBinding] = field(default_factory=list)
    method: str = "ast"

    def add_import(self, name: str, binding: ImportedBinding) -> None:
        """Record ``name`` as bound by an import."""
        self.imported.setdefault(name, []).append(binding)

    def binds(self, name: str) -> bool:
        """Whether ``name`` is bound in any way (star imports aside)."""
        return name in self.direct or name in self.imported


def bindings_of(source: str) -> ModuleBindings:
    """Module-level bindings: exact via ``ast`` if this Python parses the source, else by text."""
    try:
        return _bindings_ast(source)
    except (SyntaxError, ValueError):
        pass
    try:
        return _bindings_tokens(source)
    except (tokenize.TokenError, SyntaxError, ValueError):
        return _bindings_regex(source)


def _bindings_ast(source: str) -> ModuleBindings:
    tree = ast.parse(source)
    result = ModuleBindings(method="ast")

    def targets(node: ast.expr) -> Iterator[str]:
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Tuple | ast.List):
            for elt in node.elts:
                yield from targets(elt)
        elif isinstance(node, ast.Starred):
            yield from targets(node.value)

    def visit(body: Iterable[ast.stmt]) -> None:
        for stmt in body:
            match stmt:
                case ast.FunctionDef() | ast.AsyncFunctionDef() | ast.ClassDef():
                    result.direct.add(stmt.name)
                case ast.Assign():
                    for target in stmt.targets:
                        result.direct.update(targets(target))
                case ast.AnnAssign(target=ast.Name(id=name)):
                    result.direct.add(name)
                case ast.TypeAlias(name=ast.Name(id=name)):
                    result.direct.add(name)
                case ast.Import():
                    for alias in stmt.names:
                        if alias.asname:
                            result.add_import(alias.asname, ImportedBinding(alias.name, 0, None))
                        else:
                            head = alias.name.split(".")[0]
                            result.add_import(head, ImportedBinding(head, 0, None))
                case ast.ImportFrom():
                    module = stmt.module or ""
                    for alias in stmt.names:
                        binding = ImportedBinding(module, stmt.level, alias.name)
                        if alias.name == "*":
                            result.star.append(binding)
                        else:
                            result.add_import(alias.asname or alias.name, binding)
                case ast.For() | ast.AsyncFor():
                    result.direct.update(targets(stmt.target))
                    visit(stmt.body)
                    visit(stmt.orelse)
                case ast.If() | ast.While():
                    visit(stmt.body)
                    visit(stmt.orelse)
                case ast.With() | ast.AsyncWith():
                    visit(stmt.body)
                case ast.Try() | ast.TryStar():
                    visit(stmt.body)
                    for handler in stmt.handlers:
                        visit(handler.body)
                    visit(stmt.orelse)
                    visit(stmt.finalbody)
                case ast.Match():
                    for case in stmt.cases:
                        visit(case.body)
                case _:
                    pass

    visit(tree.body)
    return result


# Tokens are (type, string) pairs; a "logical line" is one statement's tokens.
type Tok = tuple[int, str]
_OPEN = {"(", "[", "{"}
_CLOSE = {")", "]", "}"}
_SKIP = {token.NL, token.COMMENT, token.ENCODING, token.ENDMARKER}


def _split_top(tokens: Sequence[Tok], sep: str) -> list[list[Tok]]:
    """Split on the operator ``sep`` outside brackets."""
    parts: list[list[Tok]] = [[]]
    depth = 0
    for tok in tokens:
        kind, text = tok
        if kind == token.OP and text in _OPEN:
            depth += 1
        elif kind == token.OP and text in _CLOSE:
            depth -= 1
        if depth == 0 and kind == token.OP and text == sep:
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _target_names(tokens: Sequence[Tok]) -> Iterator[str]:
    """Names bound by an assignment target such as ``a``, ``a, b``, ``(a, *b), [c]``."""
    for part in _split_top(tokens, ","):
        element = part[1:] if part and part[0] == (token.OP, "*") else part
        if not element:
            continue
        if (
            len(element) >= 2
            and element[0][1] in {"(", "["}
            and element[-1][1] == {"(": ")", "[": "]"}[element[0][1]]
        ):
            yield from _target_names(element[1:-1])
        elif (
            len(element) == 1
            and element[0][0] == token.NAME
            and not keyword.iskeyword(element[0][1])
        ):
            yield element[0][1]


def _dotted(tokens: Sequence[Tok]) -> tuple[int, str, int]:
    """Leading dots, the dotted name and how many tokens that took."""
    level = 0
    i = 0
    while i < len(tokens) and tokens[i][0] == token.OP and tokens[i][1] in {".", "..."}:
        level += len(tokens[i][1])
        i += 1
    parts: list[str] = []
    while i < len(tokens) and tokens[i][0] == token.NAME and tokens[i][1] != "import":
        parts.append(tokens[i][1])
        i += 1
        if i < len(tokens) and tokens[i] == (token.OP, "."):
            i += 1
        else:
            break
    return level, ".".join(parts), i


def _statement_bindings(tokens: list[Tok], result: ModuleBindings) -> None:
    """Record what one simple statement (or compound header) binds."""
    if not tokens:
        return
    if tokens[0] == (token.NAME, "async"):
        tokens = tokens[1:]
    if len(tokens) < 2:
        return
    kind, word = tokens[0]
    if kind != token.NAME:
        word = ""  # e.g. ``(a, b) = ...``: only an assignment can start so
    if word in {"def", "class"}:
        if tokens[1][0] == token.NAME:
            result.direct.add(tokens[1][1])
        return
    if word == "import":
        for clause in _split_top(tokens[1:], ","):
            _, module, used = _dotted(clause)
            rest = clause[used:]
            if not module:
                continue
            if len(rest) >= 2 and rest[0] == (token.NAME, "as"):
                result.add_import(rest[1][1], ImportedBinding(module, 0, None))
            else:
                head = module.split(".")[0]
                result.add_import(head, ImportedBinding(head, 0, None))
        return
    if word == "from":
        level, module, used = _dotted(tokens[1:])
        rest = tokens[1 + used :]
        if not rest or rest[0] != (token.NAME, "import"):
            return
        names = [t for t in rest[1:] if not (t[0] == token.OP and t[1] in {"(", ")"})]
        for clause in _split_top(names, ","):
            if clause == [(token.OP, "*")]:
                result.star.append(ImportedBinding(module, level, "*"))
            elif clause and clause[0][0] == token.NAME:
                name = clause[0][1]
                bound = clause[2][1] if len(clause) >= 3 and clause[1][1] == "as" else name
                result.add_import(bound, ImportedBinding(module, level, name))
        return
    if word == "type" and len(tokens) > 2 and tokens[1][0] == token.NAME and tokens[2][1] in "=[":
        result.direct.add(tokens[1][1])
        return
    if word == "for":
        target: list[Tok] = []
        for tok in tokens[1:]:
            if tok == (token.NAME, "in"):
                break
            target.append(tok)
        result.direct.update(_target_names(target))
        return
    if keyword.iskeyword(word):
        return
    if word and tokens[1] == (token.OP, ":"):  # annotation, with or without a value
        result.direct.add(word)
        return
    # Plain (possibly chained / tuple) assignment; a lambda's defaults are not targets.
    targets: list[Tok] = []
    for tok in tokens:
        if tok == (token.NAME, "lambda"):
            break
        targets.append(tok)
    parts = _split_top(targets, "=")
    for part in parts[:-1]:
        result.direct.update(_target_names(part))


def _bindings_tokens(source: str) -> ModuleBindings:
    """Module-level bindings from the token stream (works for syntax newer than this Python).

    Statements inside ``def``/``class`` bodies are skipped; statements inside other blocks
    (``if TYPE_CHECKING:``, ``try:``, ``with``...) count.
    """
    result = ModuleBindings(method="tokens")
    blocks: list[bool] = []  # for each open indented block: is it a def/class body?
    pending_scope: bool | None = None  # kind of the block the last header opened
    line: list[Tok] = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = tok.type
        if kind in _SKIP:
            continue
        if kind == token.INDENT:
            blocks.append(bool(pending_scope))
            pending_scope = None
            continue
        if kind == token.DEDENT:
            if blocks:
                blocks.pop()
            continue
        if kind != token.NEWLINE:
            line.append((kind, tok.string))
            continue
        # end of a logical line
        statement, line = line, []
        if not statement:
            continue
        stmt_head = statement[1:] if statement[0] == (token.NAME, "async") else statement
        is_header = statement[-1] == (token.OP, ":")
        if is_header:
            pending_scope = bool(stmt_head) and stmt_head[0][1] in {"def", "class"}
        if any(blocks):
            continue
        for simple in _split_top(statement, ";"):
            _statement_bindings(simple, result)
    return result


_KW = r"(?!(?:" + "|".join(keyword.kwlist) + r")\b)"
_RE_DEF = re.compile(r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)", re.MULTILINE)
_RE_TYPE = re.compile(r"^[ \t]*type[ \t]+(\w+)[ \t]*[=\[]", re.MULTILINE)
_RE_ANN = re.compile(r"^[ \t]*" + _KW + r"(\w+)[ \t]*:(?!=)", re.MULTILINE)
_RE_ASSIGN = re.compile(r"^[ \t]*((?:[\w \t,()\[\]*]+=(?!=)[ \t]*)+)", re.MULTILINE)
_RE_FOR = re.compile(r"^[ \t]*(?:async[ \t]+)?for[ \t]+(.+?)[ \t]+in[ \t]", re.MULTILINE)
_RE_FROM = re.compile(
    r"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|(?:[^\n\\]|\\\n)*)",
    re.MULTILINE,
)
_RE_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]+)", re.MULTILINE)


def _bindings_regex(source: str) -> ModuleBindings:
    """Last resort, line by line; accepts bindings at any indentation."""
    result = ModuleBindings(method="regex")
    result.direct.update(_RE_DEF.findall(source))
    result.direct.update(_RE_TYPE.findall(source))
    result.direct.update(_RE_ANN.findall(source))
    for targets in _RE_ASSIGN.findall(source) + _RE_FOR.findall(source):
        for name in re.split(r"[\s,()\[\]*=]+", targets):
            if name.isidentifier() and not keyword.iskeyword(name):
                result.direct.add(name)
    for dots, module, raw in _RE_FROM.findall(source):
        names = re.sub(r"#[^\n]*", "", raw).replace("\\\n", " ").strip("() \t\n")
        for clause in names.split(","):
            words = clause.split()
            if words == ["*"]:
                result.star.append(ImportedBinding(module, len(dots), "*"))
            elif words and words[0].isidentifier():
                bound = words[2] if len(words) >= 3 and words[1] == "as" else words[0]
                result.add_import(bound, ImportedBinding(module, len(dots), words[0]))
    for clauses in _RE_IMPORT.findall(source):
        for clause in clauses.split(","):
            words = clause.split()
            if not words:
                continue
            if len(words) >= 3 and words[1] == "as":
                result.add_import(words[2], ImportedBinding(words[0], 0, None))
            else:
                head = words[0].split(".")[0]
                result.add_import(head, ImportedBinding(head, 0, None))
    return result


# --------------------------------------------------------------------------- the wheel's modules


class Status(enum.IntEnum):
    """Outcome of looking a name up; higher is better."""

    MISSING = 0
    DEPRECATED = 1
    PRESENT = 2


class WheelIndex:
    """The ``homeassistant`` package inside a wheel, read lazily with zipfile."""

    def __init__(self, path: Path) -> None:
        """Open the wheel and list its files."""
        try:
            self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as err:
            raise WheelUnavailableError(f"cannot read wheel {path}: {err}") from err
        self._names = set(self._zip.namelist())
        self._bindings: dict[str, ModuleBindings] = {}

    def close(self) -> None:
        """Close the wheel file."""
        self._zip.close()

    def __enter__(self) -> Self:
        """Use as a context manager."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close on exit."""
        self.close()

    def module_file(self, module: str) -> str | None:
        """The file of ``module`` in the wheel, if it exists."""
        base = module.replace(".", "/")
        for candidate in (f"{base}.py", f"{base}/__init__.py"):
            if candidate in self._names:
                return candidate
        return None

    def is_package(self, module: str) -> bool:
        """Whether ``module`` is a package (has an ``__init__.py``)."""
        return f"{module.replace('.', '/')}/__init__.py" in self._names

    def bindings(self, module: str) -> ModuleBindings | None:
        """The module-level bindings of ``module`` (None if it does not exist)."""
        if module in self._bindings:
            return self._bindings[module]
        path = self.module_file(module)
        if path is None:
            return None
        source = self._zip.read(path).decode("utf-8", errors="replace")
        found = bindings_of(source)
        self._bindings[module] = found
        return found

    def resolve(self, module: str, binding: ImportedBinding) -> str:
        """The absolute module an import statement inside ``module`` refers to."""
        if binding.level == 0:
            return binding.module
        parts = module.split(".")
        if not self.is_package(module):
            parts = parts[:-1]
        if binding.level > 1:
            parts = parts[: len(parts) - (binding.level - 1)]
        return ".".join([*parts, binding.module] if binding.module else parts)

    def lookup(
        self, module: str, name: str, _seen: frozenset[tuple[str, str]] = frozenset()
    ) -> Status:
        """Whether ``from module import name`` works in this release."""
        if (module, name) in _seen:  # an import cycle: no binding found along this path
            return Status.MISSING
        seen = _seen | {(module, name)}
        if self.module_file(f"{module}.{name}") is not None:
            return Status.PRESENT  # a submodule
        found = self.bindings(module)
        if found is None:
            return Status.MISSING
        if name in found.direct:
            return Status.PRESENT
        best = Status.MISSING
        for binding in found.imported.get(name, []):
            best = max(best, self._follow(module, binding, seen))
            if best is Status.PRESENT:
                return best
        for star in found.star:
            target = self.resolve(module, star)
            if _is_ha(target) and self.module_file(target) is not None:
                best = max(best, self.lookup(target, name, seen))
                if best is Status.PRESENT:
                    return best
        if best is Status.MISSING and found.binds(f"_DEPRECATED_{name}"):
            return Status.DEPRECATED
        return best

    def _follow(
        self, module: str, binding: ImportedBinding, seen: frozenset[tuple[str, str]]
    ) -> Status:
        """Check a name that ``module`` binds by importing it."""
        target = self.resolve(module, binding)
        if not _is_ha(target):
            return Status.PRESENT  # from the standard library or a dependency: trust it
        if binding.attr is None:  # ``import homeassistant.x as name``
            return Status.PRESENT if self.module_file(target) is not None else Status.MISSING
        return self.lookup(target, binding.attr, seen)


# --------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class Problem:
    """A name that is missing or deprecated, with every place that imports it."""

    kind: str  # "missing" or "deprecated"
    dotted: str
    refs: tuple[ImportRef, ...]
    note: str = ""

    def __str__(self) -> str:
        """``missing: homeassistant.x.NAME (imported in file.py:12, other.py:3)``."""
        places = ", ".join(f"{r.file}:{r.line}" for r in self.refs)
        note = f"{self.note}; " if self.note else ""
        return f"{self.kind}: {self.dotted} ({note}imported in {places})"


def check_imports(refs: Sequence[ImportRef], index: WheelIndex) -> tuple[int, list[Problem]]:
    """Look every distinct imported name up; return how many were checked and the problems."""
    grouped: dict[tuple[str, str | None], list[ImportRef]] = {}
    for ref in refs:
        grouped.setdefault(ref.key, []).append(ref)
    problems: list[Problem] = []
    for (module, name), where in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        dotted = where[0].dotted
        if index.module_file(module) is None:
            problems.append(Problem("missing", dotted, tuple(where), f"no module {module}"))
            continue
        if name is None:
            continue
        status = index.lookup(module, name)
        if status is Status.MISSING:
            problems.append(Problem("missing", dotted, tuple(where)))
        elif status is Status.DEPRECATED:
            problems.append(Problem("deprecated", dotted, tuple(where), f"only _DEPRECATED_{name}"))
    return len(grouped), problems


def summary(checked: int, problems: Sequence[Problem], version: str) -> str:
    """The final line."""
    head = f"forward-compat: {checked} imports checked against {TOP} {version}"
    if not problems:
        return f"{head}: all present"
    missing = sum(p.kind == "missing" for p in problems)
    deprecated = sum(p.kind == "deprecated" for p in problems)
    return f"{head}: {missing} missing, {deprecated} deprecated"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--version", default=DEFAULT_VERSION, help="Home Assistant release (default %(default)s)"
    )
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading one")
    parser.add_argument(
        "--package",
        type=Path,
        default=DEFAULT_PACKAGE,
        help="integration directory (default %(default)s)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the check; 0 all present, 1 problems, 2 could not check."""
    args = parse_args(argv)
    version: str = args.version
    try:
        refs = collect_imports(args.package)
        if args.wheel is not None:
            wheel: Path = args.wheel
            version = wheel_version(wheel) or version
        else:
            wheel = obtain_wheel(version)
        with WheelIndex(wheel) as index:
            checked, problems = check_imports(refs, index)
    except WheelUnavailableError as err:
        print(f"forward-compat: cannot obtain the {TOP} {version} wheel: {err}", file=sys.stderr)
        return 2
    except PackageError as err:
        print(f"forward-compat: {err}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    print(summary(checked, problems, version))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
