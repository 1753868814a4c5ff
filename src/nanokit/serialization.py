"""JSON in and out: dicts, JSON text, JSON Lines streams and `nanokit/1` documents.

Everything goes through one [cattrs](https://catt.rs) converter, built by
[`make_converter`][nanokit.serialization.make_converter] and kept in
[`CONVERTER`][nanokit.serialization.CONVERTER]; the global cattrs converter is never used.
The JSON it reads and writes follows a few rules:

* Money is an object with the amount as a *string*: `{"amount": "20.00", "currency": "USD"}`.
  A JSON number for an amount (or for any other decimal, such as a commission rate) is
  refused, because a number may lose digits on its way through other tools.
* Times are ISO 8601 strings with a UTC offset (`"2026-05-03T18:00:00+00:00"` or
  `"...Z"`); a time without an offset is refused. Dates are `"YYYY-MM-DD"`.
* Enums are written by value (`"instagram"`), tuples as arrays, audience shares as objects
  (`{"US": 0.6, "CA": 0.2}`).
* Fields equal to their default are left out when writing and accepted either way when
  reading.
* Reading is strict: an unknown key, a missing required key, a whole number written as
  `12.5`, `12.0`, `"12"` or `true`, a number where text belongs, NaN or infinity, and a key
  that appears twice in one object are all refused.

Every refusal is a [`ValidationError`][nanokit.ValidationError] whose message gives the JSON
path (`$.deals[3].compensation.cash_per_post`), the line number for JSON Lines, and what
would be right. All problems of one record are collected in `.errors`.

Examples:
    >>> from datetime import datetime, timezone
    >>> from nanokit import Interaction, Money
    >>> from nanokit.serialization import from_json, to_json
    >>> sale = Interaction(
    ...     id="ev-2", occurred_at=datetime(2026, 5, 3, 18, 0, tzinfo=timezone.utc),
    ...     influencer_id="inf-maya", kind="conversion", value=Money("45.00"),
    ... )
    >>> text = to_json(sale)
    >>> text
    '{"id": "ev-2", "occurred_at": "2026-05-03T18:00:00+00:00", "influencer_id": "inf-maya", "kind": "conversion", "value": {"amount": "45.00", "currency": "USD"}}'
    >>> from_json(text, Interaction) == sale
    True
    >>> from_json('{"id": "ev-3", "occurred_at": "2026-05-03T18:00:00", "influencer_id": "i", "kind": "like", "count": 2.5}', Interaction)
    Traceback (most recent call last):
    ...
    nanokit.exceptions.ValidationError: $.occurred_at: '2026-05-03T18:00:00' has no UTC offset; write one, as in '2026-05-03T18:00:00+00:00' or '2026-05-03T18:00:00Z' (and 1 more)
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import importlib
import itertools
import json
import json.scanner
import math
import os
import re
import secrets
import sys
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Final, TypeVar, Union, cast, get_args, get_origin

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    CattrsError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter
from dateutil.parser import isoparse

from nanokit.exceptions import NanokitError, ValidationError
from nanokit.model import Campaign, Deal, Influencer, Interaction, Shares, Workspace
from nanokit.model import _checks as _c
from nanokit.model import enums as _enums
from nanokit.model.interaction import VALUED_KINDS
from nanokit.money import Money, to_decimal

__all__ = [
    "CONVERTER",
    "RECORD_TYPES",
    "SCHEMA",
    "Record",
    "dump_document",
    "dump_jsonl",
    "dump_records",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "iter_records",
    "load_document",
    "make_converter",
    "read_document",
    "read_jsonl",
    "read_records",
    "to_dict",
    "to_json",
    "write_document",
    "write_jsonl",
    "write_records",
    "write_text",
]

T = TypeVar("T")

SCHEMA: Final = "nanokit/1"
"""The schema a document written by this version carries. Readers accept `nanokit/1` and
its minor versions `nanokit/1.N`, and refuse any other major version."""

Record = Influencer | Campaign | Deal | Interaction
"""A workspace record: what one line of a mixed JSON Lines stream holds."""

RECORD_TYPES: Final[Mapping[str, type[Record]]] = types.MappingProxyType(
    {
        "influencer": Influencer,
        "campaign": Campaign,
        "deal": Deal,
        "interaction": Interaction,
    }
)
"""The `"type"` tag of a workspace record line and the class it holds."""

_TAGS: Final[Mapping[type, str]] = {cls: tag for tag, cls in RECORD_TYPES.items()}
_SCHEMA_PATTERN: Final = re.compile(r"nanokit/(0|[1-9][0-9]{0,8})(?:\.(0|[1-9][0-9]{0,8}))?")
_DATE_PATTERN: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COLLECTIONS: Final = ("influencers", "campaigns", "deals", "interactions")
_MODEL_ENUMS: Final[tuple[type[Enum], ...]] = tuple(
    getattr(_enums, name) for name in _enums.__all__
)
_MAX_EXACT_INT: Final = 2**53

# What a structure hook or a model constructor may raise; anything else is a bug and escapes.
_FAILURES: Final = (
    CattrsError,
    NanokitError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    ArithmeticError,
)


# -- JSON text --------------------------------------------------------------------------------
class _DuplicateKeys(dict[str, Any]):
    """A JSON object in which some key appeared more than once (the reader refuses it)."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    flagged = _DuplicateKeys(result)
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    flagged.duplicates = tuple(repeated)
    return flagged


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows; nanokit refuses NaN and infinities")


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_pairs, parse_constant=_refuse_constant
)
_LINE_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
_TEXT_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def _parse(source: str | bytes, line: int | None = None) -> Any:
    """Parse JSON text (or UTF-8 bytes) into Python data, refusing anything JSON does not allow."""
    try:
        if isinstance(source, (bytes, bytearray)):
            if source[:3] == b"\xef\xbb\xbf":
                source = source[3:]
            text = bytes(source).decode("utf-8")
        elif isinstance(source, str):
            text = source
        else:
            raise ValidationError(
                f"expected JSON text as str or bytes, got {type(source).__name__}", line=line
            )
        if text[:1] == "\ufeff":
            text = text[1:]
        return _DECODER.decode(text)
    except ValidationError:
        raise
    except json.JSONDecodeError as error:
        where = (
            f"column {error.colno}"
            if line is not None
            else f"line {error.lineno}, column {error.colno}"
        )
        raise ValidationError(f"invalid JSON at {where}: {error.msg}", line=line) from None
    except UnicodeDecodeError as error:
        raise ValidationError(
            f"not UTF-8 text: byte {error.start} cannot be decoded ({error.reason})", line=line
        ) from None
    except RecursionError:
        raise ValidationError("invalid JSON: it nests too deeply to be read", line=line) from None
    except ValueError as error:  # NaN/Infinity, or an integer with too many digits
        reason = str(error).split("; use sys.set_int_max_str_digits", 1)[0]
        where = _refused_number_at(text, line)
        raise ValidationError(f"invalid JSON{where}: {reason}", line=line) from None


# A JSON string (skipped whole), or a number or a NaN/Infinity literal outside strings.
_TOKEN: Final = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|(NaN|-?Infinity|-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)'
)


def _refused_number_at(text: str, line: int | None) -> str:
    """Where the number the decoder refused is: `" at line 3, column 17"`, or `""`.

    Only called once the decoder has failed, so reading well-formed JSON costs nothing.
    """
    limit = sys.get_int_max_str_digits()
    for match in _TOKEN.finditer(text):
        token = match.group(1)
        if token is None:
            continue
        digits = token.lstrip("-")
        if (
            token[-1] == "N"
            or token[-1] == "y"
            or (limit and digits.isdigit() and len(digits) > limit)
        ):
            start = match.start(1)
            column = start - text.rfind("\n", 0, start)
            if line is not None:
                return f" at column {column}"
            return f" at line {text.count(chr(10), 0, start) + 1}, column {column}"
    return ""


def _encode(data: object, encoder: json.JSONEncoder) -> str:
    try:
        return encoder.encode(data)
    except (TypeError, ValueError) as error:
        raise ValidationError(f"cannot be written as JSON: {error}") from None


# -- describing values in messages ------------------------------------------------------------
def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(value: object) -> str:
    """Name a value the way JSON would: `true`, `null`, `the number 12.5`, `an array`."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {_short(value)}"
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return f"{type(value).__name__} {_short(value)}"


def _short_key(key: str) -> str:
    """A key as messages and paths show it: a hostile key of thousands of characters is cut."""
    return key if len(key) <= _MAX_KEY_SHOWN else key[: _MAX_KEY_SHOWN - 3] + "..."


def _key_path(key: str) -> str:
    """A JSON path step for an object key: `.followers`, or `["18-24"]` when needed."""
    key = _short_key(key)
    if key.isidentifier():
        return f".{key}"
    # A key holding an unpaired surrogate ("\\udfff" in the JSON) is written escaped, so the
    # path, like every message, stays valid Unicode that any file or terminal can take.
    readable = not any("\ud800" <= char <= "\udfff" for char in key)
    return f"[{json.dumps(key, ensure_ascii=not readable)}]"


def _child(path: str, key: str) -> str:
    return path + _key_path(key)


def _check_object(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(f"expected an object ({what}), got {_describe(value)}")
    if type(value) is _DuplicateKeys:
        problems = [
            ValidationError(
                f"the key {_short_key(key)!r} appears more than once in this object; "
                "write it once",
                path=_key_path(key),
            )
            for key in value.duplicates
        ]
        raise ValidationError(problems[0].message, path=problems[0].path, errors=problems)
    return value


# -- strict scalar hooks ----------------------------------------------------------------------
def _structure_int(value: object, cls: object) -> int:
    if cls is not int and _is_enum(cls):  # an int-valued enum reaches here by subclassing
        return cast(int, _enum_hook(cls)(value, cls))
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    hint = ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        hint = f"; write {int(value)}, without a decimal point"
    elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
        hint = "; write it without quotes"
    raise ValidationError(f"expected a whole number, got {_describe(value)}{hint}")


def _structure_float(value: object, _: object) -> float:
    if type(value) is float:
        if math.isfinite(value):
            return value
        raise ValidationError(f"expected a finite number, got {value}")
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) <= _MAX_EXACT_INT:
            return float(value)
        raise ValidationError(
            f"{value} is too large to be held exactly (at most {_MAX_EXACT_INT:,})"
        )
    if isinstance(value, float):
        return _structure_float(float(value), float)
    raise ValidationError(f"expected a number, got {_describe(value)}")


def _structure_str(value: object, cls: object) -> str:
    if cls is not str and _is_enum(cls):  # a str-valued enum reaches here by subclassing
        return cast(str, _enum_hook(cls)(value, cls))
    if not isinstance(value, str):
        raise ValidationError(f"expected text (a JSON string), got {_describe(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValidationError(
                f"the text holds an unpaired surrogate ({value[error.start]!r}) at character "
                f"{error.start}; text must be valid Unicode"
            ) from None
    return value


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError(f"expected true or false, got {_describe(value)}")


def _structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, (str, Decimal)):
        return to_decimal(value, what="")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValidationError(
            f"write the number as a string, {_quoted(value)} rather than {value!r}, "
            "so that no digit is lost"
        )
    raise ValidationError(
        f"expected a decimal number written as a string such as '0.10', got {_describe(value)}"
    )


def _quoted(number: int | float) -> str:
    text = repr(number) if isinstance(number, int) or math.isfinite(number) else "20.00"
    return f'"{text}"'


def _structure_money(value: object, _: object) -> Money:
    data = _check_object(value, 'money such as {"amount": "20.00", "currency": "USD"}')
    problems: list[ValidationError] = []
    amount = data.get("amount")
    if "amount" not in data:
        problems.append(ValidationError("missing required key 'amount'", path="amount"))
    elif isinstance(amount, (int, float)) and not isinstance(amount, bool):
        problems.append(
            ValidationError(
                f"write the amount as a string, {_quoted(amount)} rather than {amount!r}: "
                "a JSON number may lose digits",
                path="amount",
            )
        )
    elif not isinstance(amount, (str, Decimal)):
        problems.append(
            ValidationError(
                f"expected the amount as a string such as '20.00', got {_describe(amount)}",
                path="amount",
            )
        )
    currency = data.get("currency", "USD")
    if not isinstance(currency, str):
        problems.append(
            ValidationError(
                f"expected an ISO 4217 code such as 'USD', got {_describe(currency)}",
                path="currency",
            )
        )
    problems.extend(_unknown_keys(data, ("amount", "currency"), ""))
    if problems:
        raise ValidationError(problems[0].message, path=problems[0].path, errors=problems)
    return Money(amount, currency)


def _unstructure_money(money: Money) -> dict[str, str]:
    return {"amount": format(money.amount, "f"), "currency": money.currency}


def _structure_datetime(value: object, _: object) -> dt.datetime:
    example = "'2026-05-03T18:00:00+00:00'"
    if not isinstance(value, str):
        raise ValidationError(
            f"expected a date and time as an ISO 8601 string such as {example}, "
            f"got {_describe(value)}"
        )
    if not value.isascii() or len(value) > 64:
        raise ValidationError(
            f"{_short(value)} is not an ISO 8601 date and time such as {example}"
        )
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = isoparse(value)
        except (ValueError, OverflowError) as error:
            raise ValidationError(
                f"{_short(value)} is not an ISO 8601 date and time such as {example} ({error})"
            ) from None
    offset = parsed.utcoffset()
    if offset is None:
        raise ValidationError(
            f"{value!r} has no UTC offset; write one, as in {example} or '2026-05-03T18:00:00Z'"
        )
    if not isinstance(parsed.tzinfo, dt.timezone):
        try:
            parsed = parsed.replace(tzinfo=dt.timezone(offset))
        except ValueError as error:
            raise ValidationError(f"{value!r} has an impossible UTC offset ({error})") from None
    return parsed


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, str) and _DATE_PATTERN.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise ValidationError(f"{value!r} is not a real date ({error})") from None
    raise ValidationError(
        f"expected a date as 'YYYY-MM-DD' such as '2026-05-03', got {_describe(value)}"
    )


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _unstructure_isoformat(value: dt.date) -> str:
    return value.isoformat()


def _unstructure_enum(value: Enum) -> Any:
    return value.value


def _structure_shares(value: object, _: object) -> Shares:
    data = _check_object(value, 'shares by key such as {"US": 0.6, "CA": 0.2}')
    pairs: list[tuple[str, float]] = []
    problems: list[ValidationError] = []
    for key, share in data.items():
        try:
            pairs.append((key, _structure_float(share, float)))
        except ValidationError:
            problems.append(
                ValidationError(
                    f"expected a share in [0, 1] such as 0.4, got {_describe(share)}",
                    path=_key_path(str(key)),
                )
            )
    if problems:
        raise ValidationError(problems[0].message, path=problems[0].path, errors=problems)
    return tuple(pairs)


def _unstructure_shares(value: Shares) -> dict[str, float]:
    return dict(value)


# -- hook factories ---------------------------------------------------------------------------
def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


@functools.cache
def _enum_hook(kind: type[Enum]) -> Callable[[object, object], Enum]:
    allowed = ", ".join(repr(member.value) for member in kind)

    def structure(value: object, _: object) -> Enum:
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                pass
        raise ValidationError(f"expected one of {allowed}; got {_describe(value)}")

    return structure


def _is_optional(tp: Any) -> bool:
    if get_origin(tp) not in (Union, types.UnionType):
        return False
    args = get_args(tp)
    return len(args) == 2 and type(None) in args


def _is_sequence(tp: Any) -> bool:
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin is list and len(args) == 1


def _is_shares(tp: Any) -> bool:
    return bool(tp == Shares)


def _is_record_class(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and tp is not Money


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls) if field.init)


def _unknown_keys(
    data: Mapping[str, Any], allowed: Iterable[str], path: str
) -> list[ValidationError]:
    allowed = tuple(allowed)
    extra = [key for key in data if key not in allowed]
    return [_unknown_key(str(key), allowed, path) for key in extra]


def _unknown_key(key: str, allowed: Iterable[str], path: str) -> ValidationError:
    allowed = tuple(allowed)
    if len(key) > _MAX_KEY_SHOWN:  # a hostile key is not echoed whole (nor compared)
        shown = _short_key(key)
        expected = ", ".join(repr(name) for name in allowed)
        return ValidationError(
            f"unknown key of {len(key):,} characters, {shown!r}; expected one of {expected}",
            path=_child(path, shown),
        )
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    expected = ", ".join(repr(name) for name in allowed)
    return ValidationError(
        f"unknown key {key!r}{hint}; expected one of {expected}", path=_child(path, key)
    )


_MAX_KEY_SHOWN: Final = 60


def make_converter() -> JsonConverter:
    """Build a new converter configured the nanokit way.

    The module keeps one in [`CONVERTER`][nanokit.serialization.CONVERTER], built at import;
    call this only to customise a converter of your own without touching that one.

    It is `cattrs.preconf.json.make_converter(forbid_extra_keys=True, omit_if_default=True)`
    with strict hooks: `int` refuses floats, strings and booleans; `str` refuses numbers;
    `float` takes whole or fractional numbers but not booleans, strings, NaN or infinity;
    `Decimal` and money amounts must be strings; datetimes must carry a UTC offset; dates
    are `YYYY-MM-DD`; enums go by value; tuples are arrays; audience shares are objects.
    Errors come out as cattrs exception groups; the public functions of this module turn
    them into [`ValidationError`][nanokit.ValidationError]s with JSON paths.

    Returns:
        A fresh `cattrs.preconf.json.JsonConverter`.

    Examples:
        >>> from nanokit import Money
        >>> converter = make_converter()
        >>> converter.unstructure(Money("20.00"))
        {'amount': '20.00', 'currency': 'USD'}
        >>> converter.structure({"amount": "3.50", "currency": "EUR"}, Money)
        Money('3.50', 'EUR')
    """
    converter = _make_json_converter(forbid_extra_keys=True, omit_if_default=True)

    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(dt.datetime, _unstructure_isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, _unstructure_isoformat)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    # Enums that subclass str would reach the str hook (cattrs dispatches on the MRO first),
    # so the model's enums are registered one by one; others are caught inside that hook.
    for kind in _MODEL_ENUMS:
        converter.register_structure_hook(kind, _enum_hook(kind))
        converter.register_unstructure_hook(kind, _unstructure_enum)
    converter.register_unstructure_hook_func(_is_enum, _unstructure_enum)

    def optional_hook(tp: Any) -> Callable[[object, object], object]:
        inner = next(arg for arg in get_args(tp) if arg is not type(None))
        inner_hook = converter.get_structure_hook(inner)

        def structure(value: object, _: object) -> object:
            return None if value is None else inner_hook(value, inner)

        return structure

    def sequence_hook(tp: Any) -> Callable[[object, object], object]:
        item_type = get_args(tp)[0]
        item_hook = converter.get_structure_hook(item_type)
        build: Callable[[list[Any]], Any] = tuple if get_origin(tp) is tuple else list

        def structure(value: object, _: object) -> object:
            if not isinstance(value, (list, tuple)):
                raise ValidationError(f"expected an array, got {_describe(value)}")
            result = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    result.append(item_hook(item, item_type))
                except _FAILURES as error:
                    note = IterableValidationNote(
                        f"Structuring {tp!r} @ index {index}", index, item_type
                    )
                    setattr(error, "__notes__", [*getattr(error, "__notes__", ()), note])  # noqa: B010
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return build(result)

        return structure

    def record_hook(cls: type) -> Callable[[object, object], object]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter)
        what = f"the fields of {cls.__name__}"

        def structure(value: object, _: object) -> object:
            return generated(_check_object(value, what), cls)

        return structure

    converter.register_structure_hook_factory(_is_optional, optional_hook)
    converter.register_structure_hook_factory(_is_sequence, sequence_hook)
    converter.register_structure_hook_factory(_is_record_class, record_hook)
    converter.register_structure_hook_func(_is_shares, _structure_shares)
    converter.register_unstructure_hook_func(_is_shares, _unstructure_shares)
    converter.register_structure_hook_func(lambda tp: tp is Money, _structure_money)
    converter.register_unstructure_hook_func(lambda tp: tp is Money, _unstructure_money)
    return converter


CONVERTER: Final = make_converter()
"""The converter every function of this module uses, built once at import.

Register nothing on it: other code relies on its behaviour. Build your own with
[`make_converter`][nanokit.serialization.make_converter] instead.
"""


# -- turning cattrs' exception groups into ValidationErrors -----------------------------------
def _note(error: BaseException, kind: type[T]) -> T | None:
    for note in getattr(error, "__notes__", ()):
        if note.__class__ is kind:
            return note
    return None


def _problems(error: BaseException, path: str) -> list[ValidationError]:
    """Every problem in `error` (a cattrs exception group or a single error), located at `path`."""
    if isinstance(error, ClassValidationError):
        found: list[ValidationError] = []
        for inner in error.exceptions:
            attribute = _note(inner, AttributeValidationNote)
            if attribute is not None:
                where = _child(path, attribute.name)
                if isinstance(inner, KeyError) and inner.args == (attribute.name,):
                    found.append(
                        ValidationError(f"missing required key {attribute.name!r}", path=where)
                    )
                else:
                    found.extend(_problems(inner, where))
            elif isinstance(inner, ForbiddenExtraKeysError):
                allowed = _field_names(inner.cl)
                found.extend(
                    _unknown_key(key, allowed, path) for key in sorted(inner.extra_fields, key=str)
                )
            else:
                found.extend(_problems(inner, path))
        return found
    if isinstance(error, IterableValidationError):
        found = []
        for inner in error.exceptions:
            item = _note(inner, IterableValidationNote)
            if item is None:
                found.extend(_problems(inner, path))
            elif isinstance(item.index, int):
                found.extend(_problems(inner, f"{path}[{item.index}]"))
            else:
                found.extend(_problems(inner, _child(path, str(item.index))))
        return found
    if isinstance(error, ValidationError):
        return list(error.located(path).errors)
    if isinstance(error, BaseValidationError):  # another cattrs group: walk it without notes
        return [problem for inner in error.exceptions for problem in _problems(inner, path)]
    if isinstance(error, NanokitError):  # CurrencyMismatchError raised by a constructor
        return [ValidationError(str(error), path=path)]
    return [ValidationError(f"invalid value ({type(error).__name__}: {error})", path=path)]


def _combine(problems: list[ValidationError], line: int | None = None) -> ValidationError:
    if line is not None:
        problems = [problem.located(None, line) for problem in problems]
    if not problems:  # pragma: no cover - a failure always carries at least one problem
        return ValidationError("invalid input", path="$", line=line)
    first = problems[0]
    if len(problems) == 1:
        return first
    message = f"{first.message} (and {len(problems) - 1} more)"
    return ValidationError(message, path=first.path, line=line, errors=problems)


def _structure(
    data: object,
    cls: Any,
    hook: Callable[[Any, Any], Any],
    line: int | None = None,
    path: str = "$",
) -> Any:
    try:
        return hook(data, cls)
    except _FAILURES as error:
        raise _combine(_problems(error, path), line) from None


# -- dicts and JSON ---------------------------------------------------------------------------
def to_dict(obj: object) -> Any:
    """Turn a nanokit object into plain JSON data: dicts, lists, strings, numbers.

    Fields equal to their default are left out. Money amounts, decimals, datetimes and
    dates become strings; enums their values; tuples lists.

    Args:
        obj: Any nanokit value (an entity, a value object, `Money`, an enum, a `Workspace`).

    Returns:
        Data that `json.dumps` can write as it is.

    Examples:
        >>> from nanokit import Commission, Money
        >>> to_dict(Commission(rate="0.10", per_click=Money("0.05")))
        {'rate': '0.10', 'per_click': {'amount': '0.05', 'currency': 'USD'}}
    """
    return CONVERTER.unstructure(obj)


def from_dict(data: object, cls: type[T]) -> T:
    """Build a `cls` from plain JSON data, refusing anything that does not fit exactly.

    Args:
        data: Data as `json.loads` returns it (dicts, lists, strings, numbers...).
        cls: The class to build, such as `Influencer` or `Deal`.

    Returns:
        The new, validated object.

    Raises:
        ValidationError: For anything that does not fit, with the JSON path of each problem
            (all problems in `.errors`).

    Examples:
        >>> from nanokit import Audience
        >>> data = {"platform": "tiktok", "followers": 8000, "measured_at": "2026-05-01T00:00:00Z"}
        >>> from_dict(data, Audience).followers
        8000
        >>> from_dict({**data, "followers": "8000", "folowers": 1}, Audience)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: $.followers: expected a whole number, got the string '8000'; write it without quotes (and 1 more)
        >>> try:
        ...     from_dict({**data, "followers": 8.5, "platform": "myspace", "likes": 3}, Audience)
        ... except ValidationError as error:
        ...     print(*error.errors, sep="\\n")
        $.platform: expected one of 'instagram', 'tiktok', 'youtube', 'x', 'twitch', 'facebook', 'pinterest', 'snapchat', 'linkedin', 'threads', 'bluesky', 'blog', 'podcast', 'other'; got the string 'myspace'
        $.followers: expected a whole number, got the number 8.5
        $.likes: unknown key 'likes' (did you mean 'avg_likes'?); expected one of 'platform', 'followers', 'measured_at', 'avg_likes', 'avg_comments', 'avg_shares', 'avg_saves', 'avg_views', 'posts_sampled', 'demographics', 'suspicious_follower_share', 'provenance'
        >>> from_dict({**data, "followers": -1}, Audience)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: $.followers: must be at least 0, got -1
    """
    return _structure(data, cls, CONVERTER.get_structure_hook(cls))  # type: ignore[no-any-return]


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Write a nanokit object as JSON text.

    Non-ASCII text is written as it is (the result is meant to be stored as UTF-8).

    Args:
        obj: Any nanokit value.
        indent: Spaces per indentation level, or `None` for one line.

    Returns:
        The JSON text.

    Raises:
        ValidationError: When `obj` holds something JSON cannot represent.

    Examples:
        >>> from nanokit import Money
        >>> to_json(Money("20.00", "EUR"))
        '{"amount": "20.00", "currency": "EUR"}'
        >>> print(to_json(Money("5"), indent=2))
        {
          "amount": "5",
          "currency": "USD"
        }
    """
    encoder = (
        _TEXT_ENCODER
        if indent is None
        else json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=indent)
    )
    return _encode(to_dict(obj), encoder)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read one `cls` from JSON text.

    Args:
        text: JSON text, or UTF-8 bytes.
        cls: The class to build.

    Returns:
        The new, validated object.

    Raises:
        ValidationError: For invalid JSON (with line and column) or data that does not fit
            (with the JSON path).

    Examples:
        >>> from nanokit import Money
        >>> from_json(b'{"amount": "19.99"}', Money)
        Money('19.99', 'USD')
        >>> from_json('{"amount": 19.99}', Money)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: $.amount: write the amount as a string, "19.99" rather than 19.99: a JSON number may lose digits
        >>> from_json('{"amount": "1",}', Money)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: invalid JSON at line 1, column 16: Expecting property name enclosed in double quotes
    """
    return from_dict(_parse(text), cls)


# -- the fast lane for interactions -----------------------------------------------------------
# Interactions come by the million, so they have a lane of their own through this module. It
# takes only what the ordinary path takes and builds the very same `Interaction` from it;
# whatever it is not sure about (a key written twice, an escaped quote, a number where text
# belongs, a missing or unknown key, a value that fails a check) goes the ordinary way, which
# then gives the usual object or the usual error. The lane decides nothing differently, only
# sooner; tests/test_serialization_fast.py and tests/test_lane_batch.py check that both agree.
# orjson, when installed (the `fast` extra), parses and writes the lines, and the standard
# parser otherwise. orjson reads integers beyond 64 bits as floats, which no field of an
# Interaction takes, so such a line goes the ordinary way too.
# One checker (`_lane_fields`) checks the parsed lines, for the readers that build
# interactions and for `KpiAccumulator.read_jsonl`, which only sums them. Lines are read a
# batch at a time (`_lane_chunks`), parsed as one JSON array (`_lane_batch`), except by
# the readers that build objects from lines that are not a list: those read one line at a
# time (`_lane_line`), since their caller may look at the line an object came from.
def _optional_module(name: str) -> Any:
    """An optional dependency, or `None` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


_ORJSON: Final[Any] = _optional_module("orjson")
_PLAIN: Final = json.JSONDecoder()  # no hook: duplicate keys are found by counting
_SCAN: Final = json.scanner.make_scanner(cast(Any, _PLAIN))  # its scanner, without its steps


def _loads_stdlib(text: str | bytes) -> Any:
    """`_PLAIN.decode(text)`, quicker for a value that starts the text and ends it or its line."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        data, end = _SCAN(text, 0)
    except StopIteration:  # white space first, say: let `decode` decide
        return _PLAIN.decode(text)
    if end == len(text) or text[end:] in ("\n", "\r\n"):
        return data
    return _PLAIN.decode(text)  # other white space, or more after the value


def _dumps_orjson(data: object) -> str:
    """What `_LINE_ENCODER` writes for `data`, written by orjson (the same characters)."""
    try:
        return cast(str, _ORJSON.dumps(data).decode("utf-8"))
    except TypeError:  # an unpaired surrogate, say: let the standard encoder decide
        return _encode(data, _LINE_ENCODER)


_fast_loads: Callable[[str | bytes], Any] = _loads_stdlib if _ORJSON is None else _ORJSON.loads

_LANE_FIELDS: Final = (
    "id",
    "occurred_at",
    "influencer_id",
    "kind",
    "count",
    "campaign_id",
    "deal_id",
    "content_id",
    "value",
    "direction",
    "channel",
    "platform",
    "hashtags",
    "provenance",
    "note",
)
# The lane knows exactly these fields; should the class change, every line goes the ordinary way.
_LANE_OPEN: Final = tuple(field.name for field in attrs.fields(Interaction)) == _LANE_FIELDS
_LANE_KEYS: Final = frozenset(_LANE_FIELDS)
_TAGGED_KEYS: Final = _LANE_KEYS | {"type"}
_MONEY_KEYS: Final = frozenset(("amount", "currency"))
_KIND_OF: Final = {kind.value: kind for kind in _enums.InteractionKind}
_PLATFORM_OF: Final = {platform.value: platform for platform in _enums.Platform}
_DIRECTION_OF: Final = {direction.value: direction for direction in _enums.Direction}
_CHANNEL_OF: Final = {channel.value: channel for channel in _enums.Channel}
_PROVENANCE_OF: Final = {provenance.value: provenance for provenance in _enums.Provenance}
_MEASURED: Final = _enums.Provenance.MEASURED
_RELATIONSHIP: Final = frozenset(
    kind for kind in _enums.InteractionKind if kind.family is _enums.InteractionFamily.RELATIONSHIP
)
_HASHTAGS: Final = attrs.fields(Interaction).hashtags
_NO_TAGS: Final[tuple[str, ...]] = ()
_MAX_ID: Final = 200
_MAX_NOTE: Final = 10_000
_MAX_COUNT: Final = _c.MAX_COUNT
_FROM_ISO: Final = dt.datetime.fromisoformat

LaneFields = tuple[Any, ...]
"""The checked field values of one Interaction, in the order of its fields, then its
relationship (see `_RELATIONS`) and the number of strings its line holds (private)."""


def _lane_line(line: str | bytes, tagged: bool) -> LaneFields | None:
    """The checked fields of an interaction line (tagged `"type": "interaction"` or not), or
    `None` when the ordinary path must read the line.

    The line is parsed as JSON without the hook that refuses a key written twice; the quotes
    are counted instead. Every `"` of a JSON text opens or closes a string, or is escaped as
    `\\"`, so a text holds twice as many quotes as strings, plus its escaped quotes. A key
    written twice drops the first key and the strings of its value from what is parsed; so
    when the quotes are exactly twice the strings of the parsed record, nothing was dropped.
    """
    if type(line) is bytes:
        quotes = line.count(b'"')
    elif type(line) is str:
        quotes = line.count('"')
    else:
        return None
    try:
        data = _fast_loads(line)
    except (ValueError, RecursionError):  # orjson's JSONDecodeError is a ValueError
        return None
    fields = _lane_fields(data, tagged)
    if fields is None or quotes != 2 * fields[-1]:
        return None
    return fields


def _text_ok(value: str) -> bool:
    """What `_structure_str` takes: text that is valid Unicode (no unpaired surrogate)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_KNOWN_IDS: set[str] = set()
"""Ids the lane has checked, so an id seen on many lines is checked once (at most 2**16)."""


def _is_id(value: str) -> bool:
    """What `_structure_str` and `identifier` take together, of text."""
    return (
        0 < len(value) <= _MAX_ID
        and value.strip() == value
        and (value.isascii() or _text_ok(value))
    )


def _id_ok(value: str) -> bool:
    """`_is_id(value)`, remembered when it is fine."""
    if not _is_id(value):
        return False
    if len(_KNOWN_IDS) >= 65_536:
        _KNOWN_IDS.clear()
    _KNOWN_IDS.add(value)
    return True


_RELATIONS: dict[tuple[Any, ...], tuple[tuple[Any, ...], int]] = {}
"""Relationships the lane has checked, each with how many of its parts are text (at most
2**16 of them).

A relationship is `(influencer_id, campaign_id, deal_id, platform)`, as a
`KpiAccumulator` keys its sums, with the platform a `Platform`; it is its own key here. The
lane looks the raw values of a line up: a `Platform` is equal to its value and hashes as it
does, so the raw text finds the checked key, and a line of a known relationship costs one
look-up (and gives the accumulator the very key object it already holds)."""


def _lane_relation(
    influencer: object, campaign: object, deal: object, platform: object
) -> tuple[tuple[Any, ...], int] | None:
    """The relationship of these raw values once each is checked, and how many of them are
    text (remembered); or `None`."""
    if not (
        type(influencer) is str
        and _id_ok(influencer)
        and (campaign is None or (type(campaign) is str and _id_ok(campaign)))
        and (deal is None or (type(deal) is str and _id_ok(deal)))
    ):
        return None
    if platform is not None:
        platform = _PLATFORM_OF.get(platform) if type(platform) is str else None
        if platform is None:
            return None
    relation = (influencer, campaign, deal, platform)
    if len(_RELATIONS) >= 65_536:
        _RELATIONS.clear()
    known = _RELATIONS[relation] = (relation, 4 - relation.count(None))
    return known


def _lane_fields(data: object, tagged: bool) -> LaneFields | None:
    """The fields of the Interaction a parsed line describes, checked as the converter and
    the class check them (with the number of strings the line holds, see `_lane_line`), or
    `None` when the ordinary path must decide.

    A line holding only the frequent fields (`count`, `campaign_id`, `deal_id`,
    `content_id`, `platform` beside the four required ones) is checked here; one holding
    another key, or a null, also goes through `_lane_rare`.
    """
    if type(data) is not dict or (tagged and data.get("type") != "interaction"):
        return None
    try:
        event_id = data["id"]
        when = data["occurred_at"]
        influencer = data["influencer_id"]
        kind = data["kind"]
    except KeyError:
        return None
    count = data.get("count", 1)
    campaign = data.get("campaign_id")
    deal = data.get("deal_id")
    content = data.get("content_id")
    platform = data.get("platform")
    if not (
        type(event_id) is str
        and _is_id(event_id)
        and type(when) is str
        and len(when) <= 64
        and when.isascii()
        and type(count) is int
        and 1 <= count <= _MAX_COUNT
    ):
        return None
    try:
        kind = _KIND_OF.get(kind)
        moment = _FROM_ISO(when)
        known = _RELATIONS.get((influencer, campaign, deal, platform))
    except _FAILURES:  # not a time; or an array or object (unhashable) where text belongs
        return None
    if kind is None or moment.tzinfo is None:
        return None
    if known is None:
        known = _lane_relation(influencer, campaign, deal, platform)
        if known is None:
            return None
    relation, texts = known  # and the id, time and kind are text
    if content is not None:
        if not (type(content) is str and (content in _KNOWN_IDS or _id_ok(content))):
            return None
        texts += 1
    # Whether the keys are the frequent ones alone, none of them null; and the strings of
    # the line: its keys and text values (and "type" and "interaction").
    keys = len(data)
    if tagged:
        keys -= 1  # "type", which is "interaction"
    others = keys - texts - 3
    held = keys + texts + 3
    if tagged:
        held += 2
    if others == 0 or (others == 1 and "count" in data):
        rare: tuple[Any, ...] = _NO_RARE
    else:
        found = _lane_rare(data, kind, tagged)
        if found is None:
            return None
        rare = found
    value, direction, channel, tags, provenance, note, more = rare
    return (
        event_id,
        moment,
        influencer,
        kind,
        count,
        campaign,
        deal,
        content,
        value,
        direction,
        channel,
        relation[3],
        tags,
        provenance,
        note,
        relation,
        held + more,
    )


_NO_RARE: Final = (None, None, None, _NO_TAGS, _MEASURED, "", 0)
"""What `_lane_rare` gives for a line holding none of the rarer fields."""


def _lane_rare(
    data: dict[str, Any], kind: _enums.InteractionKind, tagged: bool
) -> tuple[Any, ...] | None:
    """The rarer fields of a line (value, direction, channel, hashtags, provenance, note),
    checked, and how many strings they hold; or `None` when the ordinary path must decide
    (an unknown key, a value that fails a check)."""
    if not data.keys() <= (_TAGGED_KEYS if tagged else _LANE_KEYS):
        return None
    strings = 0
    value = data.get("value")
    if value is not None:
        if kind not in VALUED_KINDS or type(value) is not dict:
            return None
        strings += 2 * len(value)  # its keys and their text values
        if (value := _lane_money(value)) is None:
            return None
    direction = data.get("direction")
    channel = data.get("channel")
    if direction is not None or channel is not None:
        if kind not in _RELATIONSHIP:
            return None
        if direction is not None:
            direction = _DIRECTION_OF.get(direction) if type(direction) is str else None
            if direction is None:
                return None
            strings += 1
        if channel is not None:
            channel = _CHANNEL_OF.get(channel) if type(channel) is str else None
            if channel is None:
                return None
            strings += 1
    tags: tuple[str, ...] | None = _NO_TAGS
    if "hashtags" in data:
        tags = _lane_tags(data["hashtags"])
        if tags is None:
            return None
        strings += len(tags)
    provenance: _enums.Provenance | None = _MEASURED
    if "provenance" in data:
        provenance = data["provenance"]
        provenance = _PROVENANCE_OF.get(provenance) if type(provenance) is str else None
        if provenance is None:
            return None
        strings += 1
    note = ""
    if "note" in data:
        note = data["note"]
        if type(note) is not str or len(note) > _MAX_NOTE or not _text_ok(note):
            return None
        strings += 1
    return value, direction, channel, tags, provenance, note, strings


def _lane_money(data: object) -> Money | None:
    """What `_structure_money` and the non-negative `money` check take, or `None`."""
    if type(data) is not dict or not data.keys() <= _MONEY_KEYS:
        return None
    amount = data.get("amount")
    currency = data.get("currency", "USD")
    if type(amount) is not str or type(currency) is not str:
        return None
    return _lane_amount(amount, currency)


_AMOUNTS: dict[tuple[str, str], Money | None] = {}
"""Amounts the lane has read, by their text: the same few prices recur on many lines."""


def _lane_amount(amount: str, currency: str) -> Money | None:
    """`Money(amount, currency)` when it is valid and not negative (remembered), or `None`."""
    key = (amount, currency)
    if key in _AMOUNTS:
        return _AMOUNTS[key]
    try:
        money: Money | None = Money(amount, currency)
    except _FAILURES:  # whatever the ordinary path would refuse, it refuses itself
        money = None
    if money is not None and money.amount < 0:
        money = None
    if len(amount) <= 64:  # hostile text is checked, not remembered
        if len(_AMOUNTS) >= 4096:
            _AMOUNTS.clear()
        _AMOUNTS[key] = money
    return money


def _lane_tags(tags: object) -> tuple[str, ...] | None:
    """What the sequence hook and the `hashtag` check take, as a tuple, or `None`."""
    if type(tags) is not list:
        return None
    for tag in tags:
        if type(tag) is not str or not _text_ok(tag):
            return None
        try:
            _c.hashtag(None, _HASHTAGS, tag)
        except _FAILURES:
            return None
    return tuple(tags)


_BATCH: Final = 64
"""How many lines the lane reads ahead and parses as one JSON array."""
_MIN_RUN: Final = 4
"""Fewer lines in a row than this are not worth a batch of their own."""
_RETRIES: Final = 4
"""How many times the lines of a batch that failed are read as a batch again, at most."""
_BATCH_START: Final[Mapping[tuple[type, bool], Any]] = {
    (bytes, False): b"{",
    (bytes, True): (b'{"type":"interaction"', b'{"type": "interaction"'),
    (str, False): "{",
    (str, True): ('{"type":"interaction"', '{"type": "interaction"'),
}
"""What a line must start with to go in a batch, by its type and whether it is tagged (a
tagged line of another record would only make its batch fail)."""


def _lane_chunks(
    lines: Iterable[Any], tagged: bool, lane: bool
) -> Iterator[list[LaneFields] | tuple[int, Any]]:
    """Read JSON Lines through the lane: what a reader of interactions does with each line.

    Yields, in the order of the lines, lists of the checked fields of lines the lane took,
    and `(number, line)` for each line the ordinary path must read; blank lines give
    nothing. With `lane` false, every non-blank line goes to the ordinary path.

    `_BATCH` lines are read at a time; each run of them that `_batch_runs` lets through is
    read as a whole (`_lane_run`), and other lines one by one (`_lane_lines`).
    """
    if not lane:
        for number, line in enumerate(lines, start=1):
            if line.strip():  # a blank line is passed by
                yield number, line
        return
    source = iter(lines)
    before = 0  # how many lines came before `block`
    while block := list(itertools.islice(source, _BATCH)):
        start = 0
        for stop, batched in _batch_runs(block, tagged):
            read = _lane_run if batched else _lane_lines
            yield from read(block[start:stop], before + start, tagged)
            start = stop
        before += len(block)


def _batch_runs(block: list[Any], tagged: bool) -> list[tuple[int, bool]]:
    """`block` cut into runs of lines, as `(end of the run, can it be batched?)`.

    A line can be batched when it has the type of the block's first line, text or bytes,
    and starts as `_BATCH_START` says; `_lane_batch` relies on that.
    """
    kind = type(block[0])
    if kind is not bytes and kind is not str:
        return [(len(block), False)]
    try:
        flags = list(map(kind.startswith, block, itertools.repeat(_BATCH_START[kind, tagged])))
    except TypeError:  # lines of several types
        return [(len(block), False)]
    if False not in flags:
        return [(len(block), True)]
    runs: list[tuple[int, bool]] = []
    start = 0
    flag = flags[0]
    while start < len(flags):
        try:
            stop = flags.index(not flag, start)
        except ValueError:
            stop = len(flags)
        runs.append((stop, flag and stop - start >= _MIN_RUN))
        start = stop
        flag = not flag
    return runs


def _lane_run(
    lines: list[Any], before: int, tagged: bool
) -> Iterator[list[LaneFields] | tuple[int, Any]]:
    """`_lane_chunks` for lines `_batch_runs` let through, after `before` other lines.

    The lines are read as one batch (`_lane_batch`). When a line of it cannot be taken, the
    lines before it are read again as a batch, that line alone, and the lines after it as
    a batch, a few times at most; then, or when the batch fails for another reason (it is
    not JSON), the lines are read one by one.
    """
    for _ in range(_RETRIES):
        if len(lines) < _MIN_RUN:
            break
        checked = _lane_batch(lines, tagged)
        if isinstance(checked, list):
            yield checked
            return
        if checked is None:
            break
        taken = _lane_batch(lines[:checked], tagged) if checked >= _MIN_RUN else None
        if isinstance(taken, list):
            yield taken
        else:
            yield from _lane_lines(lines[:checked], before, tagged)
        yield from _lane_lines(lines[checked : checked + 1], before + checked, tagged)
        lines = lines[checked + 1 :]
        before += checked + 1
    yield from _lane_lines(lines, before, tagged)


def _lane_lines(
    lines: list[Any], before: int, tagged: bool
) -> Iterator[list[LaneFields] | tuple[int, Any]]:
    """`_lane_chunks` for lines read one by one, after `before` other lines."""
    taken: list[LaneFields] = []
    for number, line in enumerate(lines, start=before + 1):
        kind = type(line)
        if (kind is bytes or kind is str) and not line.strip():
            continue  # a blank line is passed by (the lane never takes one)
        fields = _lane_line(line, tagged)
        if fields is not None:
            taken.append(fields)
            continue
        if taken:
            yield taken
            taken = []
        if line.strip():
            yield number, line
    if taken:
        yield taken


def _lane_batch(lines: list[Any], tagged: bool) -> list[LaneFields] | int | None:
    """The checked fields of every line of `lines` (which `_batch_runs` let through), read
    as one JSON array; else the index of a line the checker refused, or `None`.

    The array is the lines joined by `"\\n,"`. When it parses as exactly one item per line,
    and the checker takes every item, item `i` is line `i`, read alone:

    * A JSON string cannot hold a raw line break, so the `"\\n"` of each joint is outside
      any string, and so are the `,` just after it and the `{` that starts the next line.
      The `,` separates two values of an object or an array; in an object the next would
      be a key, a string: so it separates two items of an array, the second an object.
    * An item the checker takes holds no array of objects (its one array, `hashtags`, holds
      strings), so that array is the outer one: each of the `len(lines) - 1` joints
      separates two items. With `len(lines)` items there is no other separator, so item
      `i` is the text of line `i`, with white space around it: line `i` is JSON on its own.

    Each line holds at least twice as many quotes as the strings of its item (see
    `_lane_line`), so when the quotes of the array are exactly twice the strings of all
    items, so are the quotes of every line.
    """
    try:
        if type(lines[0]) is bytes:
            raw = b"[" + b"\n,".join(lines) + b"]"
            quotes = raw.count(b'"')
            items = _fast_loads(raw)
        else:
            text = "[" + "\n,".join(lines) + "]"
            quotes = text.count('"')
            items = _fast_loads(text)
    except (ValueError, RecursionError):
        return None
    if len(items) != len(lines):
        return None
    checked: list[LaneFields] = []
    strings = 0
    for data in items:
        fields = _lane_fields(data, tagged)
        if fields is None:
            return len(checked)
        checked.append(fields)
        strings += fields[-1]
    if quotes == 2 * strings:
        return checked
    # Item `i` is line `i` (see above): find the first line with more quotes than strings.
    kind = type(lines[0])
    counted = map(kind.count, lines, itertools.repeat(b'"' if kind is bytes else '"'))
    for at, (found, fields) in enumerate(zip(counted, checked, strict=True)):
        if found != 2 * fields[-1]:
            return at
    return None  # pragma: no cover - the totals differ, so some line does


def _make_builder() -> Callable[[LaneFields], Interaction]:
    """Generate `build(fields)`: a new Interaction with its slots set from checked fields,
    without running the checks again (one assignment per field, unrolled)."""
    names = [f"v{index}" for index in range(len(_LANE_FIELDS))]
    lines = [
        "def build(fields):",
        "    event = new(cls)",
        f"    ({', '.join(names)}, _, _) = fields",
    ]
    scope: dict[str, Any] = {"new": object.__new__, "cls": Interaction}
    for index, field in enumerate(_LANE_FIELDS):
        scope[f"set{index}"] = Interaction.__dict__[field].__set__
        lines.append(f"    set{index}(event, v{index})")
    lines.append("    return event")
    exec("\n".join(lines), scope)  # noqa: S102 - the code is generated from field names above
    return cast(Callable[[LaneFields], Interaction], scope["build"])


_lane_interaction: Final = _make_builder()
"""The Interaction of fields the lane has checked (no check is repeated)."""


_TEXT_OF: Final[dict[Enum, str]] = {
    member: member.value
    for kind in (
        _enums.InteractionKind,
        _enums.Direction,
        _enums.Channel,
        _enums.Platform,
        _enums.Provenance,
    )
    for member in kind
}
_UTC: Final = dt.timezone.utc


def _interaction_data(event: Interaction, *, for_orjson: bool = False) -> dict[str, Any]:
    """What `to_dict` gives for an Interaction, without the converter's dispatch.

    With `for_orjson`, a UTC time is left as a datetime: orjson writes it exactly as
    `isoformat` does (but not an offset with seconds, which it rounds, so only UTC).
    """
    moment = event.occurred_at
    text = _TEXT_OF
    data: dict[str, Any] = {
        "id": event.id,
        "occurred_at": moment if for_orjson and moment.tzinfo is _UTC else moment.isoformat(),
        "influencer_id": event.influencer_id,
        "kind": text[event.kind],
    }
    if event.count != 1:
        data["count"] = event.count
    if event.campaign_id is not None:
        data["campaign_id"] = event.campaign_id
    if event.deal_id is not None:
        data["deal_id"] = event.deal_id
    if event.content_id is not None:
        data["content_id"] = event.content_id
    if event.value is not None:
        data["value"] = _unstructure_money(event.value)
    if event.direction is not None:
        data["direction"] = text[event.direction]
    if event.channel is not None:
        data["channel"] = text[event.channel]
    if event.platform is not None:
        data["platform"] = text[event.platform]
    if event.hashtags:
        data["hashtags"] = list(event.hashtags)
    if event.provenance is not _MEASURED:
        data["provenance"] = text[event.provenance]
    if event.note:
        data["note"] = event.note
    return data


_QUOTE: Final = json.encoder.encode_basestring  # what the encoder does to text (no ASCII escapes)


def _write_interaction(event: Interaction) -> str:
    """What `_LINE_ENCODER` writes for `_interaction_data(event)`, put together directly.

    Keys, enum values, times, amounts and currencies never need escaping; text that a user
    wrote is quoted by the encoder's own function.
    """
    quote = _QUOTE
    text = _TEXT_OF
    parts = [
        '{"id":',
        quote(event.id),
        ',"occurred_at":"',
        event.occurred_at.isoformat(),
        '","influencer_id":',
        quote(event.influencer_id),
        ',"kind":"',
        text[event.kind],
        '"',
    ]
    if event.count != 1:
        parts += (',"count":', str(event.count))
    if event.campaign_id is not None:
        parts += (',"campaign_id":', quote(event.campaign_id))
    if event.deal_id is not None:
        parts += (',"deal_id":', quote(event.deal_id))
    if event.content_id is not None:
        parts += (',"content_id":', quote(event.content_id))
    if event.value is not None:
        amount = format(event.value.amount, "f")
        parts += (
            ',"value":{"amount":"',
            amount,
            '","currency":',
            quote(event.value.currency),
            "}",
        )
    if event.direction is not None:
        parts += (',"direction":"', text[event.direction], '"')
    if event.channel is not None:
        parts += (',"channel":"', text[event.channel], '"')
    if event.platform is not None:
        parts += (',"platform":"', text[event.platform], '"')
    if event.hashtags:
        parts += (',"hashtags":[', ",".join(map(quote, event.hashtags)), "]")
    if event.provenance is not _MEASURED:
        parts += (',"provenance":"', text[event.provenance], '"')
    if event.note:
        parts += (',"note":', quote(event.note))
    parts.append("}")
    return "".join(parts)


# -- JSON Lines -------------------------------------------------------------------------------
def _report(error: ValidationError, on_error: Callable[[ValidationError], object] | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def iter_jsonl(
    lines: Iterable[str | bytes],
    cls: type[T],
    *,
    on_error: Callable[[ValidationError], object] | None = None,
) -> Iterator[T]:
    """Read JSON Lines lazily: one `cls` per non-blank line, in constant memory.

    Args:
        lines: Lines of text or bytes, such as an open file (text or binary mode).
        cls: The class each line holds.
        on_error: Called with the `ValidationError` of a bad line, which is then skipped;
            by default the error is raised and reading stops.

    Yields:
        One object per non-blank line.

    Raises:
        ValidationError: For a bad line (unless `on_error` is given); its `line` is the
            1-based line number.

    Examples:
        >>> from nanokit import Money
        >>> list(iter_jsonl(['{"amount": "1"}', "", '{"amount": "2", "currency": "EUR"}'], Money))
        [Money('1', 'USD'), Money('2', 'EUR')]
        >>> list(iter_jsonl(['{"amount": "1"}', '{"amount": "x"}'], Money))
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: line 2: $.amount: expected a decimal number such as '20.50', got 'x'
        >>> problems = []
        >>> list(iter_jsonl(['{"amount": 1}', '{"amount": "2"}'], Money, on_error=problems.append))
        [Money('2', 'USD')]
        >>> problems[0].line
        1
    """
    return cast(Iterator[T], _scan(lines, cls, on_error))


def _scan(
    lines: Iterable[str | bytes], cls: Any, on_error: Callable[[ValidationError], object] | None
) -> Iterator[Any]:
    """Read JSON Lines of `cls`, or of tagged workspace records when `cls` is `None`.

    Lines given as a list or a tuple go through the lane in batches (`_lane_chunks`); others
    one at a time, since their caller may look at the line an object came from (the CLI
    does): no line is read before the object of the line before it is taken.
    """
    tagged = cls is None
    hook = None if tagged else CONVERTER.get_structure_hook(cls)
    lane = _LANE_OPEN and (tagged or cls is Interaction)
    if isinstance(lines, (list, tuple)):
        for chunk in _lane_chunks(lines, tagged, lane):
            if isinstance(chunk, list):  # interactions the lane took
                yield from map(_lane_interaction, chunk)
                continue
            number, line = chunk
            try:
                yield _read_line(line, number, cls, hook)
            except ValidationError as error:
                _report(error, on_error)
        return
    for number, line in enumerate(lines, start=1):
        if lane:
            fields = _lane_line(line, tagged)
            if fields is not None:
                yield _lane_interaction(fields)
                continue
        if not line.strip():  # a blank line (which the lane never takes) is passed by
            continue
        try:
            yield _read_line(line, number, cls, hook)
        except ValidationError as error:
            _report(error, on_error)


def _read_line(line: str | bytes, number: int, cls: Any, hook: Any) -> Any:
    """The object of one line by the ordinary path; with `hook` `None`, a tagged record."""
    if hook is None:
        return _read_record(line, number)
    return _structure(_parse(line, number), cls, hook, number)


def dump_jsonl(objs: Iterable[object]) -> Iterator[str]:
    """Write JSON Lines lazily: one compact line per object, each ending with a newline.

    Args:
        objs: The objects to write, of any nanokit type.

    Yields:
        One line of JSON per object, ending with `"\\n"`.

    Raises:
        ValidationError: When an object holds something JSON cannot represent.

    Examples:
        >>> from nanokit import Money
        >>> list(dump_jsonl([Money("1"), Money("2.50", "EUR")]))
        ['{"amount":"1","currency":"USD"}\\n', '{"amount":"2.50","currency":"EUR"}\\n']
    """
    for obj in objs:
        if type(obj) is Interaction and _LANE_OPEN:
            yield _lane_dump(obj, tagged=False)
        else:
            yield _line(to_dict(obj))


def _lane_dump(event: Interaction, *, tagged: bool) -> str:
    """`_line(to_dict(event))` (with `"type"` first when `tagged`), written by orjson when it
    is installed and by `_write_interaction` otherwise: the same characters either way."""
    if _ORJSON is None:
        text = _write_interaction(event)
    else:
        text = _dumps_orjson(_interaction_data(event, for_orjson=True))
    if tagged:
        text = '{"type":"interaction",' + text[1:]
    if "\u2028" in text or "\u2029" in text:  # line separators some readers split on
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text + "\n"


def _line(data: object) -> str:
    text = _encode(data, _LINE_ENCODER)
    if "\u2028" in text or "\u2029" in text:  # line separators some readers split on
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text + "\n"


def iter_records(
    lines: Iterable[str | bytes],
    *,
    on_error: Callable[[ValidationError], object] | None = None,
) -> Iterator[Record]:
    """Read a mixed JSON Lines stream of workspace records, tagged by `"type"`.

    Each line is an object with `"type"` set to `"influencer"`, `"campaign"`, `"deal"` or
    `"interaction"` beside the fields of that record.

    Args:
        lines: Lines of text or bytes.
        on_error: Called with the `ValidationError` of a bad line, which is then skipped;
            by default the error is raised.

    Yields:
        An `Influencer`, `Campaign`, `Deal` or `Interaction` per non-blank line.

    Raises:
        ValidationError: For a bad line (unless `on_error` is given), with its line number.

    Examples:
        >>> lines = [
        ...     '{"type": "influencer", "id": "inf-1", "name": "Sam", "accounts": [{"platform": "x", "handle": "@sam"}]}',
        ...     '{"type": "interaction", "id": "ev-1", "occurred_at": "2026-05-03T18:00:00Z", "influencer_id": "inf-1", "kind": "like", "count": 3}',
        ... ]
        >>> [type(record).__name__ for record in iter_records(lines)]
        ['Influencer', 'Interaction']
        >>> next(iter_records(['{"type": "brand", "id": "b-1"}']))
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: line 1: $.type: expected one of 'influencer', 'campaign', 'deal', 'interaction'; got the string 'brand'
    """
    return cast(Iterator[Record], _scan(lines, None, on_error))


def _read_record(line: str | bytes, number: int) -> Record:
    """The workspace record of one tagged line, by the ordinary path."""
    expected = ", ".join(repr(tag) for tag in RECORD_TYPES)
    data = _parse(line, number)
    if not isinstance(data, dict):
        raise ValidationError(
            f'expected an object with a "type" key, got {_describe(data)}',
            path="$",
            line=number,
        )
    if "type" not in data:
        raise ValidationError(
            f"missing required key 'type' (one of {expected})",
            path="$.type",
            line=number,
        )
    tag = data.pop("type")
    cls = RECORD_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise ValidationError(
            f"expected one of {expected}; got {_describe(tag)}",
            path="$.type",
            line=number,
        )
    return cast(Record, _structure(data, cls, CONVERTER.get_structure_hook(cls), number))


def dump_records(objs: Iterable[Record]) -> Iterator[str]:
    """Write workspace records as tagged JSON Lines, `"type"` first.

    Args:
        objs: Influencers, campaigns, deals and interactions, in any mix.

    Yields:
        One line per record, ending with `"\\n"`.

    Raises:
        ValidationError: For an object that is not a workspace record.

    Examples:
        >>> from nanokit import Influencer, SocialAccount
        >>> sam = Influencer(id="inf-1", name="Sam", accounts=[SocialAccount("x", "@sam")])
        >>> list(dump_records([sam]))
        ['{"type":"influencer","id":"inf-1","name":"Sam","accounts":[{"platform":"x","handle":"@sam"}]}\\n']
    """
    for obj in objs:
        tag = _TAGS.get(type(obj))
        if tag is None:
            kinds = ", ".join(cls.__name__ for cls in RECORD_TYPES.values())
            raise ValidationError(
                f"a {type(obj).__name__} is not a workspace record; expected one of {kinds}"
            )
        if tag == "interaction" and _LANE_OPEN:
            yield _lane_dump(cast(Interaction, obj), tagged=True)
        else:
            yield _line({"type": tag, **to_dict(obj)})


# -- documents --------------------------------------------------------------------------------
def _check_schema(data: Mapping[str, Any]) -> None:
    example = f'"schema": "{SCHEMA}"'
    if "schema" not in data:
        raise ValidationError(
            f"missing required key 'schema'; a nanokit document starts with {{{example}, ...}}",
            path="$.schema",
        )
    schema = data["schema"]
    if not isinstance(schema, str):
        raise ValidationError(
            f"expected the schema as a string such as {SCHEMA!r}, got {_describe(schema)}",
            path="$.schema",
        )
    match = _SCHEMA_PATTERN.fullmatch(schema)
    if match is None:
        raise ValidationError(
            f"{_short(schema)} is not a nanokit schema; expected {SCHEMA!r} "
            f"(or a minor version such as '{SCHEMA}.1')",
            path="$.schema",
        )
    if match.group(1) != SCHEMA.rsplit("/", 1)[1]:
        raise ValidationError(
            f"this version of nanokit reads {SCHEMA!r} documents (and minor versions such as "
            f"'{SCHEMA}.1'), not {schema!r}; use a nanokit that knows that major version",
            path="$.schema",
        )


def load_document(source: str | bytes | Mapping[str, Any], *, strict: bool = False) -> Workspace:
    """Read a `nanokit/1` document into a [`Workspace`][nanokit.Workspace].

    A document is `{"schema": "nanokit/1", "influencers": [...], "campaigns": [...],
    "deals": [...], "interactions": [...]}`; a missing collection is empty. Minor versions
    (`"nanokit/1.2"`) are read too (unknown keys are still refused); another major version
    is refused.

    Args:
        source: JSON text, UTF-8 bytes, or already-parsed data.
        strict: Also refuse what does not line up across records (duplicate ids, unknown
            references, interactions before their campaign starts), as listed by
            [`Workspace.problems`][nanokit.Workspace.problems].

    Returns:
        The workspace.

    Raises:
        ValidationError: For a missing, malformed or unsupported schema (path `$.schema`),
            invalid JSON, any record that does not fit, and in strict mode any cross-record
            problem; every problem is listed in `.errors`.

    Examples:
        >>> ws = load_document('{"schema": "nanokit/1", "influencers": [{"id": "inf-1", "name": "Sam", "accounts": [{"platform": "x", "handle": "@sam"}]}]}')
        >>> ws.influencers[0].name, ws.deals
        ('Sam', ())
        >>> load_document('{"schema": "nanokit/2"}')
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: $.schema: this version of nanokit reads 'nanokit/1' documents (and minor versions such as 'nanokit/1.1'), not 'nanokit/2'; use a nanokit that knows that major version
        >>> bad = '{"schema": "nanokit/1", "deals": [{"id": "d-1", "campaign_id": "c-9", "influencer_id": "i-9", "compensation": {}}]}'
        >>> load_document(bad, strict=True)
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: $.deals[0].campaign_id: unknown campaign 'c-9' (and 1 more)
    """
    data = source if isinstance(source, Mapping) else _parse(source)
    try:
        document = _check_object(data, "a nanokit document")
    except ValidationError as error:
        raise _combine(_problems(error, "$")) from None
    _check_schema(document)
    body = {key: value for key, value in document.items() if key != "schema"}
    unknown = _unknown_keys(body, ("schema", *_COLLECTIONS), "$")
    if unknown:
        raise _combine(unknown)
    workspace: Workspace = _structure(body, Workspace, CONVERTER.get_structure_hook(Workspace))
    if strict:
        problems = workspace.problems()
        if problems:
            raise _combine([ValidationError(message, path=path) for path, message in problems])
    return workspace


def dump_document(workspace: Workspace, *, indent: int | None = 2) -> str:
    """Write a [`Workspace`][nanokit.Workspace] as a `nanokit/1` document.

    The four collections are always written (empty ones as `[]`), after `"schema"`.

    Args:
        workspace: The workspace to write.
        indent: Spaces per indentation level, or `None` for one line.

    Returns:
        The JSON text of the document.

    Raises:
        ValidationError: When `workspace` is not a `Workspace`.

    Examples:
        >>> from nanokit import Workspace
        >>> print(dump_document(Workspace(), indent=None))
        {"schema": "nanokit/1", "influencers": [], "campaigns": [], "deals": [], "interactions": []}
        >>> load_document(dump_document(Workspace())) == Workspace()
        True
    """
    if not isinstance(workspace, Workspace):
        raise ValidationError(f"expected a Workspace, got {type(workspace).__name__}")
    document: dict[str, Any] = {"schema": SCHEMA}
    for name in _COLLECTIONS:
        document[name] = [to_dict(record) for record in getattr(workspace, name)]
    encoder = (
        _TEXT_ENCODER
        if indent is None
        else json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=indent)
    )
    return _encode(document, encoder)


# -- files ------------------------------------------------------------------------------------
def _write_atomically(path: str | os.PathLike[str], chunks: Iterable[str]) -> None:
    """Write `chunks` to a temporary file beside `path`, then move it over `path`.

    An interrupted run leaves the old file (or none) in place, never half a file.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_jsonl(
    path: str | os.PathLike[str],
    cls: type[T],
    *,
    on_error: Callable[[ValidationError], object] | None = None,
) -> Iterator[T]:
    """Read a JSON Lines file lazily, one `cls` per non-blank line.

    The file is opened when iteration starts and closed when it ends.

    Args:
        path: The file to read (UTF-8).
        cls: The class each line holds.
        on_error: As for [`iter_jsonl`][nanokit.serialization.iter_jsonl].

    Yields:
        One object per non-blank line.

    Raises:
        ValidationError: For a bad line, with its line number.
        OSError: When the file cannot be opened.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> from nanokit import Money
        >>> folder = tempfile.mkdtemp()
        >>> target = os.path.join(folder, "amounts.jsonl")
        >>> write_jsonl(target, [Money("1"), Money("2")])
        2
        >>> list(read_jsonl(target, Money))
        [Money('1', 'USD'), Money('2', 'USD')]
    """
    with open(path, "rb") as handle:
        yield from iter_jsonl(handle, cls, on_error=on_error)


def write_jsonl(path: str | os.PathLike[str], objs: Iterable[object]) -> int:
    """Write objects to a JSON Lines file, atomically.

    Lines go to a temporary file in the same folder, which then replaces `path`, so an
    interrupted run never leaves half a file.

    Args:
        path: The file to write (UTF-8, `\\n` line endings).
        objs: The objects to write.

    Returns:
        How many lines were written.

    Raises:
        ValidationError: When an object cannot be written (the old file is kept).
        OSError: When the folder is not writable.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> from nanokit import Money
        >>> target = os.path.join(tempfile.mkdtemp(), "amounts.jsonl")
        >>> write_jsonl(target, [Money("3.50", "EUR")])
        1
        >>> Path(target).read_text(encoding="utf-8")
        '{"amount":"3.50","currency":"EUR"}\\n'
    """
    count = 0

    def lines() -> Iterator[str]:
        nonlocal count
        for line in dump_jsonl(objs):
            count += 1
            yield line

    _write_atomically(path, lines())
    return count


def read_records(
    path: str | os.PathLike[str],
    *,
    on_error: Callable[[ValidationError], object] | None = None,
) -> Iterator[Record]:
    """Read a tagged JSON Lines file of workspace records lazily.

    Args:
        path: The file to read (UTF-8).
        on_error: As for [`iter_records`][nanokit.serialization.iter_records].

    Yields:
        An `Influencer`, `Campaign`, `Deal` or `Interaction` per non-blank line.

    Raises:
        ValidationError: For a bad line, with its line number.
        OSError: When the file cannot be opened.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> from nanokit import Influencer, SocialAccount
        >>> target = os.path.join(tempfile.mkdtemp(), "records.jsonl")
        >>> write_records(target, [Influencer(id="i-1", name="Sam", accounts=[SocialAccount("x", "@s")])])
        1
        >>> [record.id for record in read_records(target)]
        ['i-1']
    """
    with open(path, "rb") as handle:
        yield from iter_records(handle, on_error=on_error)


def write_records(path: str | os.PathLike[str], objs: Iterable[Record]) -> int:
    """Write workspace records to a tagged JSON Lines file, atomically.

    Args:
        path: The file to write.
        objs: Influencers, campaigns, deals and interactions, in any mix.

    Returns:
        How many lines were written.

    Raises:
        ValidationError: For an object that is not a workspace record (the old file is kept).
        OSError: When the folder is not writable.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> target = os.path.join(tempfile.mkdtemp(), "records.jsonl")
        >>> write_records(target, [])
        0
    """
    count = 0

    def lines() -> Iterator[str]:
        nonlocal count
        for line in dump_records(objs):
            count += 1
            yield line

    _write_atomically(path, lines())
    return count


def read_document(path: str | os.PathLike[str], *, strict: bool = False) -> Workspace:
    """Read a `nanokit/1` document from a file.

    Args:
        path: The file to read (UTF-8).
        strict: As for [`load_document`][nanokit.serialization.load_document].

    Returns:
        The workspace.

    Raises:
        ValidationError: As for `load_document`.
        OSError: When the file cannot be read.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> from nanokit import Workspace
        >>> target = os.path.join(tempfile.mkdtemp(), "workspace.json")
        >>> write_document(target, Workspace())
        >>> read_document(target)
        Workspace(influencers=(), campaigns=(), deals=(), interactions=())
    """
    return load_document(Path(path).read_bytes(), strict=strict)


def write_document(path: str | os.PathLike[str], workspace: Workspace, *, indent: int = 2) -> None:
    """Write a workspace to a file as a `nanokit/1` document, atomically.

    Args:
        path: The file to write (UTF-8, ending with a newline).
        workspace: The workspace.
        indent: Spaces per indentation level.

    Raises:
        ValidationError: When `workspace` is not a `Workspace` (the old file is kept).
        OSError: When the folder is not writable.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> from nanokit import Workspace
        >>> target = os.path.join(tempfile.mkdtemp(), "workspace.json")
        >>> write_document(target, Workspace(), indent=1)
        >>> Path(target).read_text(encoding="utf-8").splitlines()[:2]
        ['{', ' "schema": "nanokit/1",']
    """
    text = dump_document(workspace, indent=indent)
    _write_atomically(path, [text, "\n"])


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to a file atomically, as UTF-8 with `\\n` line endings.

    The text goes to a temporary file in the same folder, which then replaces `path`, so an
    interrupted run leaves the old file (or none), never half a file.

    Args:
        path: The file to write.
        text: The whole content.

    Raises:
        OSError: When the folder is not writable.

    Examples:
        >>> import os, tempfile
        >>> from pathlib import Path
        >>> target = os.path.join(tempfile.mkdtemp(), "report.txt")
        >>> write_text(target, "tier: micro\\n")
        >>> Path(target).read_text(encoding="utf-8")
        'tier: micro\\n'
    """
    _write_atomically(path, [text])
