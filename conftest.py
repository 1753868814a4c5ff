"""Run every code example in the documentation as a test, with Sybil.

Three kinds of file are collected:

* Markdown pages (`docs/**/*.md` and `README.md`): every fenced ```` ```python ```` (or
  ```` ```py ````, ```` ```pycon ````) block runs. A block that starts with `>>>` is checked
  as a doctest (output compared, `...` matches anything); any other block is executed and
  passes when it raises nothing. The blocks of one
  page share a namespace, top to bottom, so a later block may use names an earlier one made.
  Put `<!-- skip: next -->` on the line before a block that must not run (and
  `<!-- skip: start -->` ... `<!-- skip: end -->` around several); blocks in any other
  language (`json`, `console`, `text`) never run.
* Python sources (`src/nanokit/**/*.py`): every `>>>` example in a module, class or function
  docstring runs as a doctest with `ELLIPSIS`, in a namespace that starts as a copy of the
  module's globals (as with `python -m doctest`) and is shared by the docstrings of one file.

The stdlib doctest plugin is disabled in `pyproject.toml` (`-p no:doctest`), so nothing runs
twice.

`README.md` sits outside `testpaths`; when pytest runs with no path arguments (the
documented `python -m pytest`), `pytest_configure` below adds it to the paths to collect.
"""

from __future__ import annotations

from doctest import ELLIPSIS
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.integration.pytest import SybilItem
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser
from sybil.typing import Evaluator

ROOT = Path(__file__).resolve().parent
README = ROOT / "README.md"

# pathlib's match() is anchored at the right and has no recursive `**` before Python 3.13,
# so each depth is spelled out.
_DOC_PATTERNS = ["README.md", "docs/*.md", "docs/*/*.md", "docs/*/*/*.md"]
_SOURCE_PATTERNS = ["src/nanokit/*.py", "src/nanokit/*/*.py", "src/nanokit/*/*/*.py"]


class _PythonBlocks(PythonCodeBlockParser):
    """Sybil's Python block parser (doctest or plain code), for blocks tagged `language`."""

    def __init__(self, language: str) -> None:
        self.language = language
        super().__init__(doctest_optionflags=ELLIPSIS)

    def codeblock_parser_class(  # type: ignore[override]  # a method standing for the class
        self, _python: str, evaluator: Evaluator
    ) -> CodeBlockParser:
        return CodeBlockParser(self.language, evaluator)


markdown_examples = Sybil(
    parsers=[SkipParser(), *(_PythonBlocks(tag) for tag in ("python", "py", "pycon"))],
    patterns=_DOC_PATTERNS,
    name="markdown",
)

docstring_examples = Sybil(
    parsers=[DocTestParser(optionflags=ELLIPSIS)],
    patterns=_SOURCE_PATTERNS,
    name="docstrings",
)

pytest_collect_file = (markdown_examples + docstring_examples).pytest()

# Sybil trims a failure's traceback to the example's own frames, assuming the exception was
# raised while the example ran. One raised around it instead (a warning turned into an error
# by `filterwarnings = ["error"]`, such as the ResourceWarning of a file an example left open,
# which pytest reports after the example) leaves nothing to trim to: Sybil's IndexError then
# aborts the whole run with INTERNALERROR. Keep the whole traceback in that case, so the
# example fails on its own like any other test.
_trim_traceback = SybilItem._traceback_filter


def _traceback_filter(self: SybilItem, excinfo: pytest.ExceptionInfo[BaseException]) -> object:
    try:
        return _trim_traceback(self, excinfo)
    except IndexError:
        return excinfo.traceback


SybilItem._traceback_filter = _traceback_filter  # type: ignore[method-assign,assignment]


def pytest_configure(config: pytest.Config) -> None:
    """Collect README.md too when the paths to test came from `testpaths`."""
    if config.args_source is not pytest.Config.ArgsSource.TESTPATHS or not README.is_file():
        return
    chosen = {(ROOT / arg).resolve() for arg in config.args}
    if README not in chosen:
        config.args.append(str(README))
