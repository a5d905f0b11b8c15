"""The case record: the contract between extractor, store, letters and scorer.

One `Record` per document, serialised as in ``shared/spec/record.md``. Every key
is always present; a value not found is ``None`` or ``[]``, never invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA = "urgent/1"

KINDS = ("urgent_action", "further_information", "letter", "press_release", "other")

RISKS = (
    "refoulement",
    "torture",
    "death_penalty",
    "arbitrary_detention",
    "enforced_disappearance",
    "forced_labour",
    "sexual_violence",
    "health",
    "unfair_trial",
    "harassment",
    "other",
)

ASK_KINDS = (
    "halt_return",
    "halt_execution",
    "refugee_protection",
    "monitor_access",
    "protect_from_torture",
    "legal_access",
    "medical_care",
    "family_access",
    "disclose_whereabouts",
    "release",
    "fair_trial",
    "investigate",
    "stop_harassment",
    "assurances",
    "legal_reform",
    "other",
)

ROLES = ("appeal", "copy")


@dataclass
class Source:
    name: str | None = None
    format: str = "text"
    sha256: str | None = None


@dataclass
class People:
    count: int | None = None
    at_least: bool = False
    names: list[str] = field(default_factory=list)


@dataclass
class Ask:
    text: str
    kinds: list[str] = field(default_factory=list)
    addressed_to: str | None = None


@dataclass
class Target:
    role: str = "appeal"
    name: str | None = None
    title: str | None = None
    organisation: str | None = None
    address: list[str] = field(default_factory=list)
    country: str | None = None
    emails: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    salutation: str | None = None
    # Beyond the spec: the group heading the target sits under ("Chinese
    # authorities"), so a letter carries exactly that group's asks.
    group: str | None = None


@dataclass
class Signatory:
    name: str
    title: str | None = None


@dataclass
class Follows:
    """The earlier Urgent Action a further-information document updates."""

    ua_number: str | None = None
    index: str | None = None


@dataclass
class Record:
    source: Source = field(default_factory=Source)
    kind: str = "other"
    organisation: str | None = None
    title: str | None = None
    ua_number: str | None = None
    index: str | None = None
    issued: str | None = None
    deadline: str | None = None
    appeal_languages: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    people: People = field(default_factory=People)
    places: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    spans: dict[str, list[int]] = field(default_factory=dict)
    # Beyond the spec's keys: what a further-information document follows, the
    # document's own language, and which extractor produced the record.
    follows: Follows | None = None
    sent_to: list[str] = field(default_factory=list)  # countries people risk being sent to
    stop_action: bool = False  # "no further action is requested"
    outcome: str | None = None  # released | returned | transferred, when an update says so
    language: str | None = None
    extractor: str | None = None
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data = {
            # the spans (most of the values) are pairs of offsets: copied without a call each
            name: {k: list(v) for k, v in self.spans.items()}
            if name == "spans"
            else _plain(getattr(self, name))
            for name in _field_names(Record)
        }
        # The schema key first, as in the spec.
        return {"schema": data.pop("schema"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Parse a stored record back into the model (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        kw: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        kw["source"] = Source(**(data.get("source") or {}))
        kw["people"] = People(**(data.get("people") or {}))
        kw["asks"] = [Ask(**a) for a in data.get("asks") or []]
        kw["targets"] = [Target(**t) for t in data.get("targets") or []]
        kw["signatories"] = [Signatory(**s) for s in data.get("signatories") or []]
        kw["follows"] = Follows(**data["follows"]) if data.get("follows") else None
        kw["spans"] = {k: list(v) for k, v in (data.get("spans") or {}).items()}
        return cls(**kw)

    def span_text(self, text: str, path: str) -> str | None:
        """The slice of the cleaned text a value came from."""
        span = self.spans.get(path)
        return text[span[0] : span[1]] if span else None


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies of every leaf (a tenth of extraction time)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):  # scalars copied as they are, without a call each (spans are many)
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    names = _FIELDS.get(type(value))
    if names is None:
        if not is_dataclass(value):
            return value
        names = _field_names(type(value))
    return {name: _plain(getattr(value, name)) for name in names}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
    return names
