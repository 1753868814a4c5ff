"""Influencers, their social accounts, contact details and media kits.

An influencer's identity is its `id`, not a handle: handles change.

Examples:
    >>> from datetime import date
    >>> from nanokit import Contact, Influencer, MediaKit, Money, Platform, SocialAccount
    >>> maya = Influencer(
    ...     id="inf-maya",
    ...     name="Maya Ortiz",
    ...     accounts=[SocialAccount(Platform.INSTAGRAM, "@maya.bakes")],
    ...     niches=["vegan baking"],
    ...     country="US",
    ...     languages=["en", "es"],
    ...     contact=Contact(email="maya@example.com"),
    ... )
    >>> maya.accounts[0].handle, maya.niches
    ('@maya.bakes', ('vegan baking',))
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from nanokit.exceptions import ValidationError
from nanokit.model import _checks as c
from nanokit.model.audience import Audience
from nanokit.model.enums import Channel, ContentFormat, Platform
from nanokit.money import Money

__all__ = ["Contact", "Influencer", "MediaKit", "QuotedRate", "SocialAccount"]


@attrs.frozen
class SocialAccount:
    """One account of an influencer on one platform.

    Args:
        platform: Where the account lives.
        handle: The account's handle, e.g. `"@maya.bakes"` (it may change over time).
        audience: The latest audience snapshot, when one was taken.
        url: A link to the profile.

    Raises:
        ValidationError: For an empty handle, or an audience of another platform.

    Examples:
        >>> SocialAccount("tiktok", "@maya").platform
        <Platform.TIKTOK: 'tiktok'>
    """

    platform: Platform = attrs.field(converter=c.to_platform, validator=c.enum_of(Platform))
    """Where the account lives."""
    handle: str = attrs.field(validator=c.text(max_length=200))
    """The account's handle; handles change, so the influencer's id is the identity."""
    audience: Audience | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(Audience))
    )
    """The latest audience snapshot of this account, if any."""
    url: str | None = attrs.field(default=None, validator=c.optional(c.text(max_length=2000)))
    """A link to the profile."""

    @audience.validator
    def _same_platform(self, attribute: attrs.Attribute[Any], value: Audience | None) -> None:
        if value is not None and value.platform is not self.platform:
            raise c.fail(
                self,
                attribute,
                f"the audience was measured on {value.platform.value}, "
                f"but the account is on {self.platform.value}",
            )

    @property
    def followers(self) -> int | None:
        """Followers in the latest audience snapshot, or `None` without one."""
        return None if self.audience is None else self.audience.followers


@attrs.frozen
class Contact:
    """How to reach an influencer: an email address and/or a preferred channel.

    Args:
        email: An email address.
        preferred_channel: The channel the influencer prefers (email, direct message...).

    Raises:
        ValidationError: When neither is given, or the email has no `@`.

    Examples:
        >>> Contact(preferred_channel="direct_message").preferred_channel.value
        'direct_message'
    """

    email: str | None = attrs.field(default=None, validator=c.optional(c.text(max_length=320)))
    """An email address."""
    preferred_channel: Channel | None = attrs.field(
        default=None,
        converter=c.to_optional_channel,
        validator=c.optional(c.enum_of(Channel)),
    )
    """The channel the influencer prefers to be reached on."""

    def __attrs_post_init__(self) -> None:
        if self.email is None and self.preferred_channel is None:
            raise ValidationError(
                "give an email, a preferred_channel or both", path="Contact.email"
            )
        if self.email is not None and ("@" not in self.email or self.email != self.email.strip()):
            raise ValidationError(
                f"expected an email address such as 'maya@example.com', got {self.email!r}",
                path="Contact.email",
            )


@attrs.frozen
class QuotedRate:
    """A price an influencer quoted for one piece of content.

    Args:
        content_format: What the price is for (photo, reel, story...).
        price: The price per piece.
        platform: The platform, when the quote is platform-specific.

    Examples:
        >>> QuotedRate("reel", Money("150")).price
        Money('150', 'USD')
    """

    content_format: ContentFormat = attrs.field(
        converter=c.to_content_format, validator=c.enum_of(ContentFormat)
    )
    """What the price is for."""
    price: Money = attrs.field(validator=c.money())
    """The price per piece of content."""
    platform: Platform | None = attrs.field(
        default=None,
        converter=c.to_optional_platform,
        validator=c.optional(c.enum_of(Platform)),
    )
    """The platform the quote is for, if it is platform-specific."""


@attrs.frozen
class MediaKit:
    """A media kit kept on file: where it is, the rates it quotes and when it arrived.

    Args:
        received_on: The date the kit was received.
        url: A link to the kit.
        reference: Where else it is kept (a file name, a CRM attachment id).
        quoted_rates: The rates the kit quotes.

    Raises:
        ValidationError: When neither `url` nor `reference` is given.

    Examples:
        >>> from datetime import date
        >>> MediaKit(date(2026, 3, 1), url="https://example.com/kit.pdf").received_on
        datetime.date(2026, 3, 1)
    """

    received_on: dt.date = attrs.field(validator=c.a_date)
    """The date the kit was received."""
    url: str | None = attrs.field(default=None, validator=c.optional(c.text(max_length=2000)))
    """A link to the kit."""
    reference: str | None = attrs.field(
        default=None, validator=c.optional(c.text(max_length=2000))
    )
    """Where else the kit is kept: a file name or an attachment id."""
    quoted_rates: tuple[QuotedRate, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.instance_of(QuotedRate))
    )
    """The rates the kit quotes."""

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.reference is None:
            raise ValidationError(
                "give a url, a reference or both, so the kit can be found", path="MediaKit.url"
            )


@attrs.frozen
class Influencer:
    """A person with one or more social accounts.

    Args:
        id: The stable identity (handles change; ids do not).
        name: The person's or brand's display name.
        accounts: One or more social accounts.
        niches: Tight topics such as `"vegan baking"`.
        country: ISO 3166-1 alpha-2 code such as `"US"`.
        languages: ISO 639 codes such as `"en"`.
        contact: How to reach them.
        media_kit: The media kit on file.
        notes: Free text.
        created_at: When the record was created (timezone-aware).

    Raises:
        ValidationError: For an empty id or name, no accounts, two accounts with the same
            platform and handle, or malformed codes.

    Examples:
        >>> Influencer(id="inf-1", name="Sam", accounts=[])
        Traceback (most recent call last):
        ...
        nanokit.exceptions.ValidationError: Influencer.accounts: an influencer needs at least one social account
    """

    id: str = attrs.field(validator=c.identifier)
    """The stable identity of the influencer."""
    name: str = attrs.field(validator=c.text(max_length=500))
    """Display name."""
    accounts: tuple[SocialAccount, ...] = attrs.field(
        converter=c.to_tuple, validator=c.items(c.instance_of(SocialAccount))
    )
    """One or more social accounts."""
    niches: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.text(max_length=200))
    )
    """Tight topics such as `"vegan baking"`."""
    country: str | None = attrs.field(default=None, validator=c.optional(c.country_code))
    """ISO 3166-1 alpha-2 country code."""
    languages: tuple[str, ...] = attrs.field(
        default=(), converter=c.to_tuple, validator=c.items(c.language_code)
    )
    """ISO 639 language codes."""
    contact: Contact | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(Contact))
    )
    """How to reach the influencer."""
    media_kit: MediaKit | None = attrs.field(
        default=None, validator=c.optional(c.instance_of(MediaKit))
    )
    """The media kit on file, if any."""
    notes: str = attrs.field(default="", validator=c.text(allow_empty=True))
    """Free text."""
    created_at: dt.datetime | None = attrs.field(
        default=None, validator=c.optional(c.aware_datetime)
    )
    """When the record was created."""

    @accounts.validator
    def _check_accounts(self, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if not value:
            raise c.fail(self, attribute, "an influencer needs at least one social account")
        seen: set[tuple[Platform, str]] = set()
        for index, account in enumerate(value):
            key = (account.platform, account.handle)
            if key in seen:
                raise ValidationError(
                    f"{account.platform.value} account {account.handle!r} is listed twice",
                    path=f"Influencer.accounts[{index}]",
                )
            seen.add(key)

    def account(self, platform: Platform | str) -> SocialAccount | None:
        """Return the account with the most followers on `platform`, or `None`.

        Args:
            platform: A `Platform` or its string value.

        Returns:
            The largest account on that platform (accounts without an audience count as 0),
            or `None` when the influencer has none there.

        Examples:
            >>> inf = Influencer(id="i", name="Sam", accounts=[SocialAccount("x", "@sam")])
            >>> inf.account("x").handle, inf.account(Platform.TIKTOK)
            ('@sam', None)
        """
        wanted = Platform(platform)
        matching = [account for account in self.accounts if account.platform is wanted]
        if not matching:
            return None
        return max(matching, key=lambda account: account.followers or 0)

    @property
    def largest_account(self) -> SocialAccount:
        """The account with the most followers (the first one listed on a tie)."""
        best = self.accounts[0]
        for account in self.accounts[1:]:
            if (account.followers or 0) > (best.followers or 0):
                best = account
        return best
