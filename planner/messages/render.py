"""Messages as codes with typed parameters, rendered in French or English in one place.

A :class:`Msg` is a catalogue code and its parameters. A parameter is plain (text, whole number, number) or
typed: a device, an indication or a site (named by their label in the chosen language, never their id, when
:class:`Names` are given), an amount in euros, a share, a number with decimals, an option label, a list
(joined with "and", "or", commas or semicolons of the language) or another message. ``str(msg)`` is the English
text with ids (logs); the views call :func:`render` with the catalogue's names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, Union

from planner.messages.catalogue import LANGS, catalogue
from planner.messages.format import eur, number, pct


@dataclass(frozen=True)
class Ref:
    """Something named by its label: a ``device`` (catalogue name), an ``indication`` (label in the language), a
    ``site`` (its name), or an option of family ``kind`` (the label ``{kind}.{id}``, the id when there is none)."""

    kind: str
    id: str


def Device(device_id: str) -> Ref:  # noqa: N802 (reads like a type in messages)
    """A device, named by its catalogue name."""
    return Ref("device", device_id)


def Indication(indication_id: str) -> Ref:  # noqa: N802
    """An indication, named by its label in the language."""
    return Ref("indication", indication_id)


def Site(site_id: str) -> Ref:  # noqa: N802
    """A site of the scenario, named by its name."""
    return Ref("site", site_id)


def Outcome(outcome_id: str) -> Ref:  # noqa: N802
    """A clinical outcome (death, MI...), named by its label in the language."""
    return Ref("outcome", outcome_id)


def Opt(prefix: str, value: str) -> Ref:  # noqa: N802
    """An option value shown by its label (code ``{prefix}.{value}``), or as it is when it has none."""
    return Ref(prefix, value)


@dataclass(frozen=True)
class Eur:
    """An amount in euros (``up``: rounded up to the euro)."""

    value: float
    up: bool = False


@dataclass(frozen=True)
class Pct:
    """A share (0.8) shown as a percentage."""

    value: float
    decimals: int = 0


@dataclass(frozen=True)
class Num:
    """A number with thousands separators and ``decimals`` decimals."""

    value: float
    decimals: int = 0


@dataclass(frozen=True)
class Join:
    """Several values joined by the language's ``and``, ``or``, ``comma`` or ``semicolon``."""

    items: tuple[Arg, ...]
    sep: str = "comma"


Arg = Union[str, int, float, Ref, Eur, Pct, Num, Join, "Msg"]  # noqa: UP007


class Msg:
    """A message: a catalogue code and its parameters (name, value) in order; immutable.

    Not a dataclass on purpose: ``dataclasses.asdict`` of a result holding messages copies them whole, and
    the result's ``to_dict`` turns them into ``{"code", "args"}`` with typed parameters (:meth:`to_dict`).
    """

    __slots__ = ("args", "code")
    code: str
    args: tuple[tuple[str, Arg], ...]

    def __init__(self, code: str, args: tuple[tuple[str, Arg], ...] = ()) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "args", tuple(args))

    def __setattr__(self, name: str, value: object) -> None:
        msg_ = "Msg is immutable"
        raise AttributeError(msg_)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.code, self.args) == (other.code, other.args)

    def __hash__(self) -> int:
        return hash((self.code, self.args))

    def __repr__(self) -> str:
        return f"msg({self.code!r}, {', '.join(f'{k}={v!r}' for k, v in self.args)})"

    def __reduce__(self) -> tuple[type[Msg], tuple[str, tuple[tuple[str, Arg], ...]]]:
        return (Msg, (self.code, self.args))

    def __deepcopy__(self, memo: dict[int, object]) -> Msg:
        return self

    def __str__(self) -> str:
        """The English text, with ids (for logs and exceptions)."""
        return render(self, "en")

    def arg(self, name: str) -> Arg | None:
        """The value of parameter ``name`` (None when absent)."""
        return dict(self.args).get(name)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return {"code": self.code, "args": {k: _encode(v) for k, v in self.args}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str) -> Msg:
        """Rebuild from :meth:`to_dict` (a plain text, from plans saved before the codes, becomes ``text``)."""
        if isinstance(data, str):
            return msg("text", text=data)
        return cls(str(data["code"]), tuple((k, _decode(v)) for k, v in dict(data.get("args", {})).items()))


def msg(code: str, **args: Arg) -> Msg:
    """A message of ``code`` with its parameters: ``msg("fix.must_include", device=Device("x"))``."""
    return Msg(code, tuple(args.items()))


class Names(Protocol):
    """How the views name what messages refer to."""

    def device(self, device_id: str, lang: str) -> str:
        """A device's catalogue name in ``lang``."""
        ...

    def indication(self, indication_id: str, lang: str) -> str:
        """An indication's label in ``lang``."""
        ...

    def site(self, site_id: str) -> str:
        """A site's name."""
        ...

    def outcome(self, outcome_id: str, lang: str) -> str:
        """An outcome's label in ``lang``."""
        ...


class IdNames:
    """Names that are the ids themselves (logs, tests of the English wording)."""

    def device(self, device_id: str, lang: str) -> str:  # noqa: ARG002 (every language: the id)
        """The id."""
        return device_id

    def indication(self, indication_id: str, lang: str) -> str:  # noqa: ARG002
        """The id."""
        return indication_id

    def site(self, site_id: str) -> str:
        """The id."""
        return site_id

    def outcome(self, outcome_id: str, lang: str) -> str:  # noqa: ARG002
        """The id."""
        return outcome_id


_SEPS = {"and": "join.and", "or": "join.or", "comma": "join.comma", "semicolon": "join.semicolon"}


def text(code: str, lang: str, **values: object) -> str:
    """The catalogue text of ``code`` in ``lang``, ``str.format``-ed with ``values`` (already rendered).

    >>> text("join.or", "fr")
    ' ou '
    """
    if lang not in LANGS:
        msg_ = f"unsupported language {lang!r} (supported: {', '.join(LANGS)})"
        raise ValueError(msg_)
    entry = catalogue().get(code)
    if entry is None:
        msg_ = f"unknown message code {code!r} (add it to a planner/messages/*.toml file)"
        raise KeyError(msg_)
    return entry[lang].format(**values) if values else entry[lang]


def has(code: str) -> bool:
    """Whether the catalogue has ``code``."""
    return code in catalogue()


def render(message: Msg, lang: str, names: Names | None = None) -> str:
    """The message in ``lang``, with devices, indications and sites named by ``names`` (ids without).

    >>> render(msg("fix.must_include", device=Device("acist")), "fr")
    'ne plus imposer acist'
    """
    who = names or IdNames()
    return text(message.code, lang, **{k: value(v, lang, who) for k, v in message.args})


def value(v: Arg, lang: str, names: Names) -> str:
    """One parameter in ``lang``."""
    out: str
    if isinstance(v, Msg):
        out = render(v, lang, names)
    elif isinstance(v, Ref):
        out = _ref(v, lang, names)
    elif isinstance(v, Eur):
        out = eur(v.value, lang, up=v.up)
    elif isinstance(v, Pct):
        out = pct(v.value, lang, v.decimals)
    elif isinstance(v, Num):
        out = number(v.value, lang, v.decimals)
    elif isinstance(v, Join):
        out = text(_SEPS[v.sep], lang).join(value(x, lang, names) for x in v.items)
    elif isinstance(v, float):
        out = number(v, lang, 0 if v.is_integer() else 2)
    else:
        out = str(v)
    return out


def _ref(v: Ref, lang: str, names: Names) -> str:
    if v.kind == "device":
        return names.device(v.id, lang)
    if v.kind == "indication":
        return names.indication(v.id, lang)
    if v.kind == "site":
        return names.site(v.id)
    if v.kind == "outcome":
        return names.outcome(v.id, lang)
    return text(f"{v.kind}.{v.id}", lang) if has(f"{v.kind}.{v.id}") else v.id


def _encode(v: Arg) -> Any:
    if isinstance(v, Msg):
        return {"msg": v.to_dict()}
    if isinstance(v, Ref):
        return {"ref": v.kind, "id": v.id}
    if isinstance(v, Eur):
        return {"eur": v.value, "up": v.up}
    if isinstance(v, Pct | Num):
        return {type(v).__name__.lower(): v.value, "decimals": v.decimals}
    if isinstance(v, Join):
        return {"join": [_encode(x) for x in v.items], "sep": v.sep}
    return v


def _decode(data: Any) -> Arg:
    if not isinstance(data, Mapping):
        return data  # type: ignore[no-any-return]
    if "msg" in data:
        return Msg.from_dict(data["msg"])
    if "ref" in data:
        return Ref(str(data["ref"]), str(data["id"]))
    if "eur" in data:
        return Eur(float(data["eur"]), bool(data.get("up", False)))
    if "pct" in data:
        return Pct(float(data["pct"]), int(data.get("decimals", 0)))
    if "num" in data:
        return Num(float(data["num"]), int(data.get("decimals", 0)))
    if "join" in data:
        return Join(tuple(_decode(x) for x in data["join"]), str(data.get("sep", "comma")))
    msg_ = f"not a message parameter: {dict(data)!r}"
    raise ValueError(msg_)


def plain(value: Any) -> Any:
    """``value`` (the ``dataclasses.asdict`` of a result) as JSON-ready data, messages as :meth:`Msg.to_dict`."""
    if isinstance(value, Msg):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
