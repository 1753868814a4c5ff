"""Decode and encode JSON Lines of interactions: nanokit against pydantic v2 and msgspec.

Decode: the lines of a file (already in memory as bytes) -> a list of validated objects:
`list(iter_jsonl(lines, Interaction))`, pydantic's `model_validate_json` per line, msgspec's
`Decoder(Struct).decode_lines` on the whole buffer (its own JSON Lines reader). Encode: those
objects -> the JSON Lines text: `"".join(dump_jsonl(objects))`, pydantic's
`model_dump_json(exclude_defaults=True)` per object, msgspec's `Encoder.encode_lines`.

nanokit runs twice: as installed (with orjson when the `fast` extra is installed) and as the
stdlib-only install runs (`_harness.stdlib_only`).

A third candidate, `floor`, measures the least that any code handing out nanokit's attrs
objects must pay in Python, with msgspec doing everything else in C: to decode, msgspec
decodes and checks the lines into its Structs, and nanokit's `Interaction` objects are then
built from their values with no check at all (slots set directly); to encode, each object's
15 attributes are read into a tuple and msgspec writes the tuples. The rows `nanokit /
floor` and `floor / msgspec` tell how far nanokit is from that floor, and how far the floor
itself is from msgspec's own objects. The rival models (`_rivals.py`) check what
nanokit checks; before timing, every one of `_rivals.BAD_LINES` is checked to be refused by
all three, and the three decodes of the first lines are checked to hold the same values.

Inputs: generated logs of 10k, 100k and 1M interactions (`_data.interactions_file`) and the
real TikTok videos of `../shared/data` as interactions (skipped when the folder is absent).

    python benchmarks/bench_decode_encode.py            # 10k, 100k, 1M and TikTok
    python benchmarks/bench_decode_encode.py --quick    # 10k and TikTok, fewer runs
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import operator
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _data
import _rivals
from _harness import Row, measure, median, print_table, save, stdlib_only

from nanokit import Interaction, ValidationError
from nanokit.serialization import _lane_interaction as build_unchecked
from nanokit.serialization import dump_jsonl, iter_jsonl

HAS_ORJSON = importlib.util.find_spec("orjson") is not None
NANOKIT = "nanokit+orjson" if HAS_ORJSON else "nanokit (stdlib)"


def check_rivals(pydantic_model: object, msgspec_decoder: object) -> None:
    """Every bad line is refused by all three; the first good lines decode alike."""
    for line in _rivals.BAD_LINES:
        verdicts = []
        for name, decode in (
            ("nanokit", lambda text: list(iter_jsonl([text], Interaction))),
            ("pydantic", pydantic_model.model_validate_json),  # type: ignore[attr-defined]
            ("msgspec", msgspec_decoder.decode),  # type: ignore[attr-defined]
        ):
            try:
                decode(line)
            except (
                ValidationError,
                ValueError,
            ):  # pydantic's and msgspec's errors are ValueErrors
                continue
            verdicts.append(name)
        if verdicts:
            raise AssertionError(f"{verdicts} accepted a line nanokit refuses: {line}")


def same_values(nanokit: list[Interaction], pydantic: list[object], msgspec: list[object]) -> None:
    for ours, theirs, struct in zip(nanokit, pydantic, msgspec, strict=True):
        for name in (
            "id",
            "occurred_at",
            "influencer_id",
            "kind",
            "count",
            "campaign_id",
            "platform",
        ):
            assert getattr(ours, name) == getattr(theirs, name) == getattr(struct, name), name


def floor_decode(decoder: object, buffer: bytes) -> list[Interaction]:
    """msgspec decodes and checks; the Interactions are built from its values unchecked."""
    from msgspec.structs import astuple

    # The lane's fields end with two of its own (the relation key): none here.
    return [build_unchecked((*astuple(item), None, None)) for item in decoder.decode_lines(buffer)]  # type: ignore[attr-defined]


def floor_encode(encoder: object, events: list[Interaction]) -> bytes:
    """Each Interaction's attributes read into a tuple (one C call); msgspec writes them."""
    values = operator.attrgetter(*(field.name for field in attrs.fields(Interaction)))
    return encoder.encode_lines([values(event) for event in events])  # type: ignore[attr-defined, no-any-return]


def bench(label: str, path: Path, runs: int, quick: bool) -> list[Row]:
    import msgspec

    pydantic_model = _rivals.pydantic_model()
    struct = _rivals.msgspec_model()
    decoder = msgspec.json.Decoder(struct)
    encoder = msgspec.json.Encoder()
    check_rivals(pydantic_model, decoder)
    buffer = path.read_bytes()
    lines = buffer.splitlines(keepends=True)
    objects: dict[str, list[object]] = {}

    def keep(name: str, make: Callable[[], list[object]]) -> Callable[[], object]:
        def run() -> object:
            objects[name] = make()
            return None

        return run

    def nanokit_stdlib() -> list[object]:
        with stdlib_only():
            return list(iter_jsonl(lines, Interaction))

    decoders: dict[str, Callable[[], object]] = {
        NANOKIT: keep(NANOKIT, lambda: list(iter_jsonl(lines, Interaction))),
        "pydantic": keep(
            "pydantic", lambda: [pydantic_model.model_validate_json(x) for x in lines]
        ),
        "msgspec": keep("msgspec", lambda: decoder.decode_lines(buffer)),
        "floor": keep("floor", lambda: floor_decode(decoder, buffer)),
    }
    if HAS_ORJSON:
        decoders["nanokit (stdlib)"] = keep("nanokit (stdlib)", nanokit_stdlib)
    gc.collect()
    decoded = measure(decoders, runs)
    same_values(objects[NANOKIT][:1000], objects["pydantic"][:1000], objects["msgspec"][:1000])  # type: ignore[arg-type]
    # The floor's objects hold the same values (but its `value` is msgspec's money Struct).
    unpriced = operator.attrgetter(
        *(f.name for f in attrs.fields(Interaction) if f.name != "value")
    )
    assert list(map(unpriced, objects["floor"])) == list(map(unpriced, objects[NANOKIT]))
    events = objects[NANOKIT]
    models = objects["pydantic"]
    structs = objects["msgspec"]
    objects.clear()

    def nanokit_stdlib_write() -> str:
        with stdlib_only():
            return "".join(dump_jsonl(events))

    encoders: dict[str, Callable[[], object]] = {
        NANOKIT: lambda: "".join(dump_jsonl(events)),
        "pydantic": lambda: "".join(
            m.model_dump_json(exclude_defaults=True) + "\n" for m in models
        ),  # type: ignore[attr-defined]
        "msgspec": lambda: encoder.encode_lines(structs),
        "floor": lambda: floor_encode(encoder, events),
    }
    if HAS_ORJSON:
        encoders["nanokit (stdlib)"] = nanokit_stdlib_write
    written = "".join(dump_jsonl(events[:1000]))
    assert [json.loads(x) for x in written.splitlines()] == [json.loads(x) for x in lines[:1000]]
    gc.collect()
    encoded = measure(encoders, runs)
    gc.collect()

    rows = []
    size = f"{len(lines):,} lines" if label == "tiktok" else label
    for task, times in (("decode", decoded), ("encode", encoded)):
        ours = [name for name in times if name.startswith("nanokit")]
        for mine in ours:
            for rival, target in (("pydantic", "< 1"), ("msgspec", "<= 1.5")):
                rows.append(
                    Row(
                        f"{task} ({'TikTok' if label == 'tiktok' else 'generated'})",
                        size,
                        mine,
                        median(times[mine]),
                        rival,
                        median(times[rival]),
                        target,
                    )
                )
        kind = f"{task} floor ({'TikTok' if label == 'tiktok' else 'generated'})"
        floor = median(times["floor"])
        rows.append(Row(kind, size, NANOKIT, median(times[NANOKIT]), "floor", floor, ""))
        rows.append(Row(kind, size, "floor", floor, "msgspec", median(times["msgspec"]), ""))
    return rows


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k lines and TikTok, 3 runs")
    parser.add_argument("--runs", type=int, default=None, help="runs per candidate (median)")
    parser.add_argument("--json", help="append the rows as JSON lines to this file")
    args = parser.parse_args(argv)
    sizes = ["10k"] if args.quick else ["10k", "100k", "1m"]
    rows: list[Row] = []
    for label in sizes:
        runs = args.runs or (3 if args.quick or label == "1m" else 5)
        rows += bench(label, _data.interactions_file(_data.SIZES[label]), runs, args.quick)
    if _data.tiktok_available():
        rows += bench("tiktok", _data.tiktok_file(), args.runs or 3, args.quick)
    else:
        print(f"(TikTok data not found at {_data.TIKTOK}: skipped)")
    print_table(rows, "Decode and encode: nanokit time / rival time (lower is better)")
    save(rows, args.json)
    return rows


if __name__ == "__main__":
    main()
