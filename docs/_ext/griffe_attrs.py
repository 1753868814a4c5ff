"""Griffe extensions for nanokit's reference pages, loaded from `mkdocs.yml`.

* `AttrsInit` gives each attrs class the `__init__` attrs writes for it. Griffe reads source
  code, where an attrs class has no `__init__`, so without it `Money` would show no
  signature and Griffe would warn that the documented `Args:` are not in it (Griffe does
  the same for dataclasses out of the box). The runtime class says which fields `__init__`
  takes (name, order, keyword-only); the source says how each is annotated and what its
  default is. Each field is then shown with its default (`currency: str = 'USD'`) rather
  than the `attrs.field(...)` call that declares it. It runs before `griffe_fieldz`, which
  adds each field's type and docstring to the class's parameters.
* `EnumMembers` lists an enum's members in one compact table instead of a heading each.
* `MemberAliases` makes the members of a re-exported class reachable under the re-exported
  name, so a docstring may link `[advance][nanokit.Deal.advance]` as readily as
  `[Deal][nanokit.Deal]`.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
from griffe import (
    Alias,
    AliasResolutionError,
    Attribute,
    Class,
    CyclicAliasError,
    Docstring,
    DocstringSectionExamples,
    DocstringSectionText,
    Expr,
    ExprCall,
    ExprKeyword,
    Extension,
    Function,
    Module,
    ObjectNode,
    Parameter,
    ParameterKind,
    Parameters,
    dynamic_import,
)


class AttrsInit(Extension):
    """Add a synthetic `__init__` to every attrs class that lacks one in its source."""

    def on_class_members(self, *, node: object, cls: Class, **kwargs: Any) -> None:
        """Add the `__init__` attrs generates, once the class's members are known."""
        if isinstance(node, ObjectNode) or "__init__" in cls.members:
            return
        try:
            runtime = dynamic_import(cls.path)
        except ImportError:
            return
        if not (isinstance(runtime, type) and attrs.has(runtime)):
            return
        parameters = [Parameter("self", kind=ParameterKind.positional_or_keyword)]
        for field in attrs.fields(runtime):
            if not field.init:
                continue
            member = cls.members.get(field.name)
            static = member if isinstance(member, Attribute) else None
            default = _default(field, static)
            parameters.append(
                Parameter(
                    field.alias or field.name,
                    annotation=static.annotation if static else _type_text(field.type),
                    kind=(
                        ParameterKind.keyword_only
                        if field.kw_only
                        else ParameterKind.positional_or_keyword
                    ),
                    default=default,
                    docstring=static.docstring if static else None,
                )
            )
            if static is not None:
                # Show `currency: str = 'USD'`, not `currency: str = attrs.field(...)`,
                # and call it what it is: a field of each instance.
                static.value = default
                static.labels.discard("class-attribute")
        init = Function(
            "__init__",
            lineno=cls.lineno,
            endlineno=cls.lineno,
            parent=cls,
            parameters=Parameters(*parameters),
            returns="None",
        )
        cls.set_member("__init__", init)


def _type_text(annotation: object) -> str | None:
    if annotation is None:
        return None
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", None)


def _default(field: attrs.Attribute[Any], static: Attribute | None) -> str | Expr | None:
    """The default as written in the source (`None`, `"USD"`, `Provenance.MEASURED`)."""
    if field.default is attrs.NOTHING:
        return None
    value = static.value if static else None
    if isinstance(value, ExprCall):
        for argument in value.arguments:
            if isinstance(argument, ExprKeyword) and argument.name == "default":
                return argument.value
            if isinstance(argument, ExprKeyword) and argument.name == "factory":
                return ExprCall(function=argument.value, arguments=[])  # type: ignore[arg-type]
    elif value is not None:
        return value
    return repr(field.default)


class EnumMembers(Extension):
    """Show an enum's members as one "Members" table: name, value and docstring.

    Rendered one by one, the thirty members of `InteractionKind` would each take a heading
    and a code block. The members stop being separate link targets: link the enum instead.
    """

    def on_class_members(self, *, node: object, cls: Class, **kwargs: Any) -> None:
        """Replace the enum's member attributes by a table in its docstring."""
        if isinstance(node, ObjectNode):
            return
        try:
            runtime = dynamic_import(cls.path)
        except ImportError:
            return
        if not (isinstance(runtime, type) and issubclass(runtime, enum.Enum)):
            return
        rows = []
        for name, member in runtime.__members__.items():
            static = cls.members.get(name)
            text = static.docstring.value if static is not None and static.docstring else ""
            rows.append((name, repr(member.value), " ".join(text.split()).replace("|", "\\|")))
            if static is not None:
                cls.del_member(name)
        explained = any(text for _, _, text in rows)
        lines = [
            "**Members:**",
            "",
            "| Member | Value |" + (" Meaning |" if explained else ""),
            "| --- | --- |" + (" --- |" if explained else ""),
        ]
        for name, value, text in rows:
            lines.append(f"| `{name}` | `{value}` |" + (f" {text} |" if explained else ""))
        if cls.docstring is None:
            cls.docstring = Docstring("", parent=cls)
        sections = cls.docstring.parsed
        at = next(
            (i for i, part in enumerate(sections) if isinstance(part, DocstringSectionExamples)),
            len(sections),
        )
        sections.insert(at, DocstringSectionText("\n".join(lines)))


class MemberAliases(Extension):
    """Register `nanokit.Deal.advance` as another name of `nanokit.model.deal.Deal.advance`.

    Griffe records that `nanokit.Deal` is an alias of `nanokit.model.deal.Deal`, and
    mkdocstrings registers every alias of a rendered object as a link target; but the
    members of an aliased class get no aliases of their own, so a link to
    `nanokit.Deal.advance` would not resolve. This adds them once the package is loaded.
    """

    def on_package(self, *, pkg: Module, **kwargs: Any) -> None:
        """Alias each member of every class that a module of the package re-exports."""
        for module in _modules(pkg):
            for alias in list(module.members.values()):
                if not isinstance(alias, Alias):
                    continue
                try:
                    target = alias.final_target
                except (AliasResolutionError, CyclicAliasError):
                    continue  # an import from outside the package
                if not isinstance(target, Class):
                    continue
                for name, member in list(target.members.items()):
                    if not isinstance(member, Alias):
                        Alias(name, member, parent=alias)  # registers itself on `member`


def _modules(module: Module) -> list[Module]:
    found = [module]
    for member in module.members.values():
        if isinstance(member, Module):
            found.extend(_modules(member))
    return found
