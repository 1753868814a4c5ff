"""The errors nanokit raises.

Every error nanokit raises on purpose is a [`NanokitError`][nanokit.NanokitError]. Each
subclass also inherits the builtin exception that fits it, so code that already catches
`ValueError` keeps working.

An error says *what* was wrong, *where* (a field name, a JSON path such as
`$.deals[3].compensation.cash_per_post`, or a line number in a JSON Lines file) and *what
would be right*.

Examples:
    >>> from nanokit import Money, ValidationError
    >>> try:
    ...     Money(20.5)
    ... except ValidationError as error:
    ...     print(error)
    Money.amount: a float cannot hold money exactly; got 20.5, pass a string such as '20.50' or a Decimal
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CurrencyMismatchError",
    "DealStateError",
    "NanokitError",
    "ValidationError",
]


class NanokitError(Exception):
    """The root of every error nanokit raises on purpose.

    Catch this to handle any nanokit failure in one place.

    Examples:
        >>> from nanokit import NanokitError, ValidationError
        >>> issubclass(ValidationError, NanokitError)
        True
    """


class ValidationError(NanokitError, ValueError):
    """Input that breaks an invariant: a wrong type, a value out of range, an unknown key.

    Args:
        message: What was wrong and what would be right.
        path: Where: a field name (`"followers"`) or a JSON path (`"$.accounts[0].handle"`).
        line: The 1-based line number in a JSON Lines stream, when the input was one.
        errors: The individual problems, when several were found at once.

    Attributes:
        message: What was wrong and what would be right.
        path: Where the problem is, or `None` when it concerns the whole input.
        line: The 1-based line number in a JSON Lines stream, or `None`.
        errors: Every individual problem (this error itself when there was only one).

    Examples:
        >>> error = ValidationError("must be at least 0, got -5", path="$.followers", line=3)
        >>> str(error)
        'line 3: $.followers: must be at least 0, got -5'
        >>> error.path, error.line
        ('$.followers', 3)
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        errors: Sequence[ValidationError] = (),
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.errors: tuple[ValidationError, ...] = tuple(errors) or (self,)
        super().__init__(self._render())

    def _render(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.path:
            parts.append(self.path)
        parts.append(self.message)
        return ": ".join(parts)

    def __reduce__(self) -> tuple[object, ...]:  # pragma: no cover - pickling support
        return (_rebuild_validation_error, (self.message, self.path, self.line))

    def located(self, prefix: str | None = None, line: int | None = None) -> ValidationError:
        """Return a copy placed under `prefix` (a JSON path) and on `line`.

        A path that starts with `$` is already absolute and is kept; a relative one
        (a field name such as `followers`) is joined to the prefix.

        Args:
            prefix: The JSON path of the object this error was raised inside, e.g. `$.deals[3]`.
            line: The 1-based line number of the JSON Lines record, if any.

        Returns:
            A new `ValidationError` with the combined location.

        Examples:
            >>> ValidationError("must be at least 0", path="followers").located("$.audience")
            ValidationError('$.audience.followers: must be at least 0')
        """
        path = _join_path(prefix, self.path)
        line = self.line if line is None else line
        if len(self.errors) > 1:
            inner = [error.located(prefix, line) for error in self.errors]
            return ValidationError(self.message, path=path, line=line, errors=inner)
        return ValidationError(self.message, path=path, line=line)


def _rebuild_validation_error(
    message: str, path: str | None, line: int | None
) -> ValidationError:  # pragma: no cover - pickling support
    return ValidationError(message, path=path, line=line)


def _join_path(prefix: str | None, path: str | None) -> str | None:
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("$"):
        return prefix + path[1:] if prefix != "$" else path
    head, dot, rest = path.partition(".")
    if dot and rest and head[:1].isupper() and head.isidentifier():
        # A "Class.field" (or "Class.field[2].at") path raised by direct construction:
        # drop the class name, keep the rest.
        path = rest
    separator = "" if path.startswith(("[", ".")) else "."
    return f"{prefix}{separator}{path}"


class CurrencyMismatchError(NanokitError, ValueError):
    """Two amounts in different currencies were added, subtracted or compared.

    nanokit never converts currencies: convert explicitly first.

    Examples:
        >>> from nanokit import Money, CurrencyMismatchError
        >>> try:
        ...     Money("1", "USD") + Money("1", "EUR")
        ... except CurrencyMismatchError as error:
        ...     print(error)
        cannot add USD and EUR amounts: convert one of them first
    """


class DealStateError(NanokitError, ValueError):
    """A deal was asked to move to a status its lifecycle does not allow from where it is.

    The message names the moves that are allowed.

    Examples:
        >>> from nanokit import DealStateError
        >>> issubclass(DealStateError, ValueError)
        True
    """
