"""The rivals' interaction models: pydantic v2 and msgspec, with nanokit's fields and checks.

Both models hold the fields of `nanokit.Interaction` with its defaults, and refuse what
nanokit refuses, as far as each library can say it:

* ids: text of 1 to 200 characters without surrounding white space;
* `occurred_at`: an ISO 8601 time with a UTC offset (aware); `kind`, `direction`,
  `channel`, `platform`, `provenance`: the members of nanokit's enums, by value;
* `count`: a whole number (not a float, a string or a boolean) from 1 to 10**15;
* `value`: money as `{"amount": "<decimal string>", "currency": "USD"}`, the amount a string
  (a JSON number is refused), finite, below 10**15, at most 28 places and 48 digits,
  not negative, the currency three capital letters; only on conversions, payments and
  product sent;
* `direction` and `channel` only on relationship touch-points; hashtags `#` and at least
  one character, no white space, at most 200 characters; notes at most 10,000 characters;
* unknown keys refused; defaults (count 1, no hashtags, measured, empty note) left out
  when writing.

What they do not check and nanokit does: a key written twice in one object (both keep the
last), and text holding an unpaired surrogate escape (`"\\ud800"`, which pydantic refuses
and msgspec accepts). `BAD_LINES` lists lines that all three must refuse; the decode
benchmark checks it before timing anything.
"""

# No `from __future__ import annotations`: the models are built inside functions, and
# pydantic and msgspec must see their annotations as objects.
import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from nanokit import Channel, Direction, InteractionFamily, InteractionKind, Platform, Provenance
from nanokit.model.interaction import VALUED_KINDS

MAX_COUNT = 10**15
RELATIONSHIP = frozenset(k for k in InteractionKind if k.family is InteractionFamily.RELATIONSHIP)

BAD_LINES = [
    line.replace("'", '"')
    for line in (
        "{'id':'e','occurred_at':'2026-05-03T18:00:00','influencer_id':'i','kind':'like'}",
        "{'id':' e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like'}",
        "{'id':'','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'liked'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','count':0}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','count':2.0}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','count':'2'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','count':true}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','count':1000000000000001}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','value':{'amount':'1'}}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'conversion','value':{'amount':1}}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'conversion','value':{'amount':'-1'}}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'conversion','value':{'amount':'x'}}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'conversion','value':{'amount':'1','currency':'usd'}}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'conversion','value':{'amount':'1','cents':1}}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','direction':'inbound'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'reply','channel':'fax'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'post','hashtags':['#a b']}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'post','hashtags':['ad']}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','platform':'myspace'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','likes':3}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i'}",
        "{'id':'e','occurred_at':'2026-05-03T18:00:00Z','influencer_id':'i','kind':'like','campaign_id':null,'note':null}",
    )
]


def _no_surrounding_space(value: str) -> str:
    if value != value.strip():
        raise ValueError("an id has no surrounding white space")
    return value


def _no_space(value: str) -> str:
    if any(ch.isspace() for ch in value):
        raise ValueError("a hashtag has no white space")
    return value


def _amount_as_text(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError("write the amount as a string")
    return value


def pydantic_model() -> Any:
    """The pydantic v2 model (imported here so that the module loads without pydantic)."""
    from pydantic import (
        AfterValidator,
        AwareDatetime,
        BaseModel,
        BeforeValidator,
        ConfigDict,
        Field,
        StringConstraints,
        model_validator,
    )

    identifier = Annotated[
        str,
        StringConstraints(strict=True, min_length=1, max_length=200),
        AfterValidator(_no_surrounding_space),
    ]
    hashtag = Annotated[
        str,
        StringConstraints(min_length=2, max_length=200, pattern=r"^#"),
        AfterValidator(_no_space),
    ]

    class PMoney(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
        amount: Annotated[
            Decimal,
            BeforeValidator(_amount_as_text),
            Field(
                strict=False,
                allow_inf_nan=False,
                max_digits=48,
                decimal_places=28,
                gt=-(Decimal(10) ** 15),
                lt=Decimal(10) ** 15,
            ),
        ]
        currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"

    class PInteraction(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
        id: identifier
        occurred_at: AwareDatetime
        influencer_id: identifier
        kind: InteractionKind
        count: Annotated[int, Field(ge=1, le=MAX_COUNT)] = 1
        campaign_id: identifier | None = None
        deal_id: identifier | None = None
        content_id: identifier | None = None
        value: PMoney | None = None
        direction: Direction | None = None
        channel: Channel | None = None
        platform: Platform | None = None
        hashtags: tuple[hashtag, ...] = ()
        provenance: Provenance = Provenance.MEASURED
        note: Annotated[str, Field(max_length=10_000)] = ""

        @model_validator(mode="after")
        def _kind_rules(self) -> Any:
            if self.value is not None:
                if self.kind not in VALUED_KINDS:
                    raise ValueError(f"a {self.kind.value} carries no value")
                if self.value.amount < 0:
                    raise ValueError("a value is not negative")
            if (self.direction is not None or self.channel is not None) and (
                self.kind not in RELATIONSHIP
            ):
                raise ValueError("direction and channel are for relationship touch-points")
            return self

    return PInteraction


def msgspec_model() -> Any:
    """The msgspec Struct (imported here so that the module loads without msgspec)."""
    import msgspec
    from msgspec import Meta

    identifier = Annotated[str, Meta(min_length=1, max_length=200)]

    class MMoney(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
        amount: Annotated[str, Meta(min_length=1, max_length=128)]
        currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")] = "USD"

        def __post_init__(self) -> None:
            try:
                number = Decimal(self.amount.strip())
            except InvalidOperation:
                raise ValueError(f"{self.amount!r} is not a decimal number") from None
            exponent = number.as_tuple().exponent
            if (
                not number.is_finite()
                or "_" in self.amount
                or number < 0
                or number.adjusted() >= 15
                or not isinstance(exponent, int)
                or -exponent > 28
                or len(number.as_tuple().digits) > 48
            ):
                raise ValueError(f"{self.amount!r} is not an amount nanokit accepts")
            msgspec.structs.force_setattr(self, "amount", number)

    class MInteraction(
        msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True
    ):
        id: identifier
        occurred_at: Annotated[dt.datetime, Meta(tz=True)]
        influencer_id: identifier
        kind: InteractionKind
        count: Annotated[int, Meta(ge=1, le=MAX_COUNT)] = 1
        campaign_id: identifier | None = None
        deal_id: identifier | None = None
        content_id: identifier | None = None
        value: MMoney | None = None
        direction: Direction | None = None
        channel: Channel | None = None
        platform: Platform | None = None
        hashtags: tuple[
            Annotated[str, Meta(min_length=2, max_length=200, pattern=r"^#\S+$")], ...
        ] = ()
        provenance: Provenance = Provenance.MEASURED
        note: Annotated[str, Meta(max_length=10_000)] = ""

        def __post_init__(self) -> None:
            for text in (
                self.id,
                self.influencer_id,
                self.campaign_id,
                self.deal_id,
                self.content_id,
            ):
                if text is not None and text != text.strip():
                    raise ValueError("an id has no surrounding white space")
            if self.value is not None and self.kind not in VALUED_KINDS:
                raise ValueError(f"a {self.kind.value} carries no value")
            if (self.direction is not None or self.channel is not None) and (
                self.kind not in RELATIONSHIP
            ):
                raise ValueError("direction and channel are for relationship touch-points")

    return MInteraction
