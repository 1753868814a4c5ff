"""Every public name of nanokit is documented, and every public module has a reference page.

The rules, checked for every public module (one whose dotted name has no part starting with
`_`; found with `pkgutil`, so a new module is covered without editing this file):

1. The module defines `__all__`, and its docstring has a summary and an `Examples:`
   section with at least one `>>>` example.
2. Every name in `__all__` exists.
3. Every function and class in `__all__` (wherever it is defined) has a docstring with a
   summary line and an `Examples:` section with a `>>>` example.
4. A function also names each of its parameters under `Args:` and, unless it returns `None`,
   has a `Returns:` (or `Yields:`) section.
5. Every public method and property of those classes (and of their nanokit base classes) has
   a summary. A method also needs an `Examples:` section, unless an example in its
   class's docstring calls it (`.name(` on a `>>>` or `...` line). Properties are exempt
   from examples: show them in the class's examples.
6. Every other name in `__all__` (a constant, a preset, a type alias) has a docstring: a
   string literal on the line after the assignment that defines it.
7. Every public field of an attrs class has a docstring: a string literal on the line after
   the field, with a summary (mkdocstrings shows it beside the field's type).

A summary is the docstring's first paragraph (ideally one line), ending with a full stop (or
`?`, `!`, or `:` before a list). The examples themselves run as tests through Sybil (see
the root `conftest.py`).
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import nanokit

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "reference"

_SECTION = re.compile(r"^(?P<indent>[ ]*)(?P<name>[A-Z][A-Za-z ]*):[ ]*$")
_PARAMETER = re.compile(r"^(?P<name>\*{0,2}\w+)(?:[ ]*\([^)]*\))?[ ]*:")


# -- discovery --------------------------------------------------------------------------------


def public_module_names(package: ModuleType = nanokit) -> list[str]:
    """The dotted names of the package and every public module inside it, sorted."""
    names = [package.__name__]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


# -- docstring parsing ------------------------------------------------------------------------


def _doc(obj: object) -> str | None:
    """The object's own docstring, cleaned; never one inherited from a base class."""
    raw = obj.__doc__ if isinstance(obj.__doc__, str) else None
    if isinstance(obj, property) and raw is None and obj.fget is not None:
        raw = obj.fget.__doc__
    return inspect.cleandoc(raw) if raw and raw.strip() else None


def summary_problem(doc: str | None) -> str | None:
    """Why `doc` lacks a proper summary, or `None` when it has one."""
    if doc is None:
        return "has no docstring"
    summary = doc.split("\n\n", 1)[0].strip()
    if not summary:
        return "has a docstring that does not start with a summary"
    if _SECTION.match(summary.splitlines()[0]):
        return f"has a docstring that starts with a section ({summary.splitlines()[0]!r}), not a summary"
    if not summary.endswith((".", "?", "!", ":")):
        return f"has a summary that does not end with a full stop: {summary!r}"
    return None


def sections(doc: str) -> dict[str, str]:
    """The Google-style sections of a docstring (`Args`, `Examples`...), by name."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in doc.splitlines():
        match = _SECTION.match(line)
        if match and not match["indent"]:
            current = found.setdefault(match["name"], [])
        elif current is not None:
            if line.strip() and not line.startswith((" ", "\t")):
                current = None  # dedented prose after a section ends it
            else:
                current.append(line)
    return {name: textwrap.dedent("\n".join(body)) for name, body in found.items()}


def examples(doc: str | None) -> str | None:
    """The body of the `Examples:` (or `Example:`) section when it holds a `>>>` example."""
    if doc is None:
        return None
    parts = sections(doc)
    body = parts.get("Examples", parts.get("Example"))
    if body is None or ">>>" not in body:
        return None
    return body


def documented_parameters(doc: str) -> set[str]:
    """The parameter names listed under `Args:` (stars removed)."""
    parts = sections(doc)
    body = parts.get("Args", parts.get("Arguments", parts.get("Parameters", "")))
    names = set()
    for line in body.splitlines():
        if line.startswith((" ", "\t")):
            continue  # a continuation of the description above
        match = _PARAMETER.match(line)
        if match:
            names.add(match["name"].lstrip("*"))
    return names


def calls_in_examples(doc: str | None) -> str:
    """The code lines (`>>>` and `...`) of a docstring's examples, joined."""
    body = examples(doc) or ""
    code = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith((">>>", "...")):
            code.append(stripped[3:])
    return "\n".join(code)


# -- the checks -------------------------------------------------------------------------------


def check_function(name: str, function: object) -> list[str]:
    """Problems with a public function's docstring (rules 3 and 4)."""
    doc = _doc(function)
    problems = []
    if (problem := summary_problem(doc)) is not None:
        return [f"{name}: function {problem}"]
    assert doc is not None
    if examples(doc) is None:
        problems.append(f"{name}: function has no `Examples:` section with a `>>>` example")
    try:
        signature = inspect.signature(function)  # type: ignore[arg-type]
    except (TypeError, ValueError):  # pragma: no cover - builtins have no signature
        return problems
    listed = documented_parameters(doc)
    missing = [p for p in signature.parameters if p not in {"self", "cls"} and p not in listed]
    if missing:
        problems.append(f"{name}: function does not describe {', '.join(missing)} under `Args:`")
    returns = signature.return_annotation
    if returns not in (None, "None", inspect.Signature.empty) and not (
        {"Returns", "Yields"} & sections(doc).keys()
    ):
        problems.append(f"{name}: function has no `Returns:` (or `Yields:`) section")
    return problems


def _members(cls: type) -> Iterator[tuple[type, str, object, object]]:
    """(owner, name, member as stored, underlying function or `None` for a property) for the
    public methods and properties a class and its nanokit base classes define themselves."""
    for klass in cls.__mro__:
        if not klass.__module__.startswith("nanokit"):
            continue
        for name, member in vars(klass).items():
            if name.startswith("_"):
                continue
            if isinstance(member, (classmethod, staticmethod)):
                yield klass, name, member, member.__func__
            elif inspect.isfunction(member):
                yield klass, name, member, member
            elif isinstance(member, (property, functools.cached_property)):
                yield klass, name, member, None


def undocumented_fields(cls: type) -> list[str]:
    """The public attrs fields written in `cls`'s body without a docstring after them."""
    if not attrs.has(cls):
        return []
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # pragma: no cover - a class without source
        return []
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    fields = {field.name for field in attrs.fields(cls)}
    missing = []
    for index, node in enumerate(body):
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        name = node.target.id
        if name not in fields or name.startswith("_"):
            continue
        after = body[index + 1] if index + 1 < len(body) else None
        if not (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
            and summary_problem(inspect.cleandoc(after.value.value)) is None
        ):
            missing.append(name)
    return missing


def check_class(name: str, cls: type, seen: set[str]) -> list[str]:
    """Problems with a public class, its fields and its public members (rules 3, 5, 7)."""
    doc = _doc(cls)
    problems = []
    if (problem := summary_problem(doc)) is not None:
        problems.append(f"{name}: class {problem}")
    elif examples(doc) is None:
        problems.append(f"{name}: class has no `Examples:` section with a `>>>` example")
    problems.extend(
        f"{name}.{field}: attrs field has no docstring (a string literal on the line after it)"
        for field in undocumented_fields(cls)
    )
    for owner, member_name, member, function in _members(cls):
        key = f"{owner.__module__}.{owner.__qualname__}.{member_name}"
        if key in seen:
            continue
        seen.add(key)
        if function is None:
            if (problem := summary_problem(_doc(member))) is not None:
                problems.append(f"{key}: property {problem}")
            continue
        member_doc = _doc(function)
        if (problem := summary_problem(member_doc)) is not None:
            problems.append(f"{key}: method {problem}")
        elif examples(member_doc) is None and f".{member_name}(" not in calls_in_examples(
            _doc(owner)
        ):
            problems.append(
                f"{key}: method has no `Examples:` section, and no example in its class's "
                "docstring calls it"
            )
    return problems


def assignment_docstring(module: ModuleType, name: str, depth: int = 0) -> str | None:
    """The string literal after the assignment of `name` in `module`, following imports."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):  # pragma: no cover - a module without source
        return None
    body = tree.body
    for index, node in enumerate(body):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        elif isinstance(node, ast.ImportFrom) and depth < 5:
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    source = importlib.util.resolve_name(
                        "." * node.level + (node.module or ""), module.__package__
                    )
                    return assignment_docstring(
                        importlib.import_module(source), alias.name, depth + 1
                    )
            continue
        if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        after = body[index + 1] if index + 1 < len(body) else None
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            return inspect.cleandoc(after.value.value)
        return None
    return None


def _checked_where_defined(module: ModuleType, public: str, obj: object) -> bool:
    """Whether a re-exported class or function is checked by the public module defining it
    (so a problem is reported once, there, not by every package that re-exports it)."""
    if not (inspect.isclass(obj) or inspect.isfunction(obj)):
        return False
    home = sys.modules.get(obj.__module__)
    return (
        home is not None
        and home is not module
        and not any(part.startswith("_") for part in home.__name__.split("."))
        and public in getattr(home, "__all__", ())
    )


def check_module(module: ModuleType) -> list[str]:
    """Every problem with one public module and the public names it exports (rules 1-7)."""
    name = module.__name__
    problems = []
    doc = _doc(module)
    if (problem := summary_problem(doc)) is not None:
        problems.append(f"{name}: module {problem}")
    elif examples(doc) is None:
        problems.append(f"{name}: module has no `Examples:` section with a `>>>` example")
    exported = getattr(module, "__all__", None)
    if exported is None:
        return [*problems, f"{name}: module does not define __all__"]
    seen: set[str] = set()
    for public in exported:
        where = f"{name}.{public}"
        if not hasattr(module, public):
            problems.append(f"{where}: listed in __all__ but not defined")
            continue
        obj = getattr(module, public)
        if public.startswith("__") or inspect.ismodule(obj):
            continue  # __version__ and submodules are documented elsewhere
        if _checked_where_defined(module, public, obj):
            continue
        if inspect.isclass(obj):
            problems.extend(check_class(f"{obj.__module__}.{obj.__qualname__}", obj, seen))
        elif inspect.isfunction(obj):
            problems.extend(check_function(f"{obj.__module__}.{obj.__qualname__}", obj))
        elif summary_problem(assignment_docstring(module, public)) is not None:
            problems.append(
                f"{where}: has no docstring (a string literal on the line after its "
                "assignment, with a summary)"
            )
    return sorted(set(problems))


# -- the tests --------------------------------------------------------------------------------

PUBLIC_MODULES = public_module_names()


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_public_names_are_documented(module_name: str) -> None:
    problems = check_module(importlib.import_module(module_name))
    assert not problems, "missing or incomplete docstrings:\n" + "\n".join(problems)


def test_discovery_finds_the_known_modules() -> None:
    assert {"nanokit", "nanokit.exceptions", "nanokit.money", "nanokit.model"} <= set(
        PUBLIC_MODULES
    )
    assert all(not part.startswith("_") for name in PUBLIC_MODULES for part in name.split("."))


def _reference_targets() -> set[str]:
    targets = set()
    for page in REFERENCE.glob("**/*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("::: "):
                targets.add(line[4:].strip())
    return targets


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="docs/reference is not in this checkout")
@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_public_module_has_a_reference_page(module_name: str) -> None:
    assert module_name in _reference_targets(), (
        f"no page in docs/reference renders {module_name}: add `::: {module_name}` to the "
        "module's page (and the page to the nav in mkdocs.yml)"
    )


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="docs/reference is not in this checkout")
def test_top_level_reference_lists_every_export() -> None:
    page = (REFERENCE / "nanokit.md").read_text(encoding="utf-8")
    missing = [
        name
        for name in nanokit.__all__
        if not name.startswith("__") and f"[nanokit.{name}]" not in page
    ]
    assert not missing, (
        "docs/reference/nanokit.md does not link these exports; add a row "
        "`[Name][nanokit.Name]` for each: " + ", ".join(missing)
    )


# -- the checker catches real omissions -------------------------------------------------------

_SYNTHETIC = '''
"""A synthetic module for testing the checker.

Examples:
    >>> 1 + 1
    2
"""

import enum

import attrs

__all__ = [
    "CONSTANT",
    "Color",
    "Record",
    "LOOSE",
    "Thing",
    "good",
    "ghost",
    "no_args",
    "no_examples",
    "no_returns",
    "undocumented",
    "wrapped_summary",
    "section_first",
    "wrapped_but_fine",
]

CONSTANT = 1
"""A documented constant."""

LOOSE = 2


def good(x: int, *rest: int, **options: str) -> int:
    """Return `x`.

    Args:
        x: A number.
        *rest: More numbers.
        **options: Settings.

    Returns:
        `x`, unchanged.

    Examples:
        >>> good(1)
        1
    """
    return x


def undocumented(x: int) -> int:
    return x


def no_examples(x: int) -> int:
    """Return `x`.

    Args:
        x: A number.

    Returns:
        `x`.
    """
    return x


def no_args(x: int, y: int) -> None:
    """Do nothing with `x` and `y`.

    Args:
        x: A number.

    Examples:
        >>> no_args(1, 2)
    """


def no_returns(x: int) -> int:
    """Return `x`.

    Args:
        x: A number.

    Examples:
        >>> no_returns(1)
        1
    """
    return x


def wrapped_summary() -> None:
    """A summary that
    runs on and never ends

    Examples:
        >>> wrapped_summary()
    """


def section_first() -> None:
    """Examples:
        >>> section_first()
    """


def wrapped_but_fine() -> None:
    """A summary that
    runs on, then ends.

    Examples:
        >>> wrapped_summary()
    """


class Thing:
    """A thing.

    Examples:
        >>> Thing().shown()
    """

    def shown(self) -> None:
        """Shown in the class example."""

    def hidden(self, y: int) -> None:
        """Not shown in any example."""

    def bare(self) -> None:
        pass

    @classmethod
    def make(cls) -> "Thing":
        """Make a thing.

        Examples:
            >>> Thing.make().shown()
        """
        return cls()

    @property
    def size(self) -> int:
        return 1

    @property
    def weight(self) -> int:
        """The weight."""
        return 1

    def _private(self) -> None:
        pass


class Color(str, enum.Enum):
    RED = "red"


@attrs.frozen
class Record:
    """A record.

    Examples:
        >>> Record(1, 2).noted
        1
    """

    noted: int
    """A documented field."""
    silent: int
'''


def _load_synthetic(tmp_path: Path, source: str, name: str) -> ModuleType:
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:  # pragma: no cover - the synthetic source is fixed
        del sys.modules[name]
        raise
    return module


@pytest.fixture
def synthetic(tmp_path: Path) -> Iterator[ModuleType]:
    name = "nanokit_synthetic_for_docstring_checks"
    module = _load_synthetic(tmp_path, _SYNTHETIC, name)
    yield module
    del sys.modules[name]


def test_checker_flags_each_omission(synthetic: ModuleType) -> None:
    name = synthetic.__name__
    problems = check_module(synthetic)
    flagged = {problem.split(":", 1)[0] for problem in problems}
    assert flagged == {
        f"{name}.LOOSE",
        f"{name}.undocumented",
        f"{name}.no_examples",
        f"{name}.no_args",
        f"{name}.no_returns",
        f"{name}.wrapped_summary",
        f"{name}.section_first",
        f"{name}.Thing.hidden",
        f"{name}.Thing.bare",
        f"{name}.Thing.size",
        f"{name}.Color",
        f"{name}.Record.silent",
        f"{name}.ghost",
    }, "\n".join(problems)
    text = "\n".join(problems)
    assert f"{name}.no_args: function does not describe y under `Args:`" in text
    assert f"{name}.undocumented: function has no docstring" in text
    assert f"{name}.Color: class has no docstring" in text
    assert f"{name}.ghost: listed in __all__ but not defined" in text


def test_checker_flags_a_module_without_docstring_or_all(tmp_path: Path) -> None:
    name = "nanokit_synthetic_bare_module"
    module = _load_synthetic(tmp_path, "def f():\n    pass\n", name)
    try:
        problems = check_module(module)
    finally:
        del sys.modules[name]
    assert problems == [
        f"{name}: module has no docstring",
        f"{name}: module does not define __all__",
    ]


def test_checker_passes_a_fully_documented_function(synthetic: ModuleType) -> None:
    assert check_function("good", synthetic.good) == []
