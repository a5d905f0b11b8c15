"""The record fields a campaigner can see and correct, and how a submitted value is checked.

A field is a record path ("deadline", "targets[0].faxes") with a kind that says
how it is edited and validated. Only paths listed here can be corrected, so a
form cannot write into spans, warnings or a target that does not exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from urgent.record import ASK_KINDS, KINDS, RISKS, ROLES

# kinds: text, longtext, date, count, bool, choice (one of), choices (several of),
# lines (one per line), codes (country or language codes), emails, numbers (fax/phone)


@dataclass(frozen=True)
class Spec:
    path: str
    label: Any  # a lazy translation
    kind: str
    choices: tuple[str, ...] = ()
    code: str = ""  # for codes: "country" or "language"


@dataclass
class Group:
    heading: str
    specs: list[Spec]


KIND_NAMES = {
    "urgent_action": gettext_lazy("Urgent Action"),
    "further_information": gettext_lazy("further information (update)"),
    "letter": gettext_lazy("letter"),
    "press_release": gettext_lazy("press release"),
    "other": gettext_lazy("other"),
}

GENERAL = [
    Spec("title", gettext_lazy("Title"), "text"),
    Spec("kind", gettext_lazy("Kind"), "choice", KINDS),
    Spec("organisation", gettext_lazy("Organisation"), "text"),
    Spec("ua_number", gettext_lazy("UA number"), "text"),
    Spec("index", gettext_lazy("Index"), "text"),
    Spec("issued", gettext_lazy("Issued"), "date"),
    Spec("deadline", gettext_lazy("Deadline"), "date"),
    Spec("appeal_languages", gettext_lazy("Appeal languages"), "codes", code="language"),
    Spec("language", gettext_lazy("Document language"), "text"),
]
PEOPLE = [
    Spec("people.count", gettext_lazy("Number of people at risk"), "count"),
    # the quotes typed, not escaped: xgettext copies a \u escape into the catalog as it is
    Spec("people.at_least", gettext_lazy("The number is a minimum (“at least”)"), "bool"),
    Spec("people.names", gettext_lazy("Names"), "lines"),
    Spec("places", gettext_lazy("Places of detention"), "lines"),
    Spec("countries", gettext_lazy("Countries"), "codes", code="country"),
    Spec("risks", gettext_lazy("Risks"), "choices", RISKS),
]
ASK = [
    Spec("text", gettext_lazy("Text"), "longtext"),
    Spec("kinds", gettext_lazy("Kinds"), "choices", ASK_KINDS),
    Spec("addressed_to", gettext_lazy("Addressed to"), "text"),
]
TARGET = [
    Spec("role", gettext_lazy("Role"), "choice", ROLES),
    Spec("name", gettext_lazy("Name"), "text"),
    Spec("title", gettext_lazy("Title or office"), "text"),
    Spec("organisation", gettext_lazy("Organisation"), "text"),
    Spec("address", gettext_lazy("Address"), "lines"),
    Spec("country", gettext_lazy("Country"), "codes", code="country"),
    Spec("emails", gettext_lazy("E-mail addresses"), "emails"),
    Spec("faxes", gettext_lazy("Fax numbers"), "numbers"),
    Spec("phones", gettext_lazy("Phone numbers"), "numbers"),
    Spec("salutation", gettext_lazy("Salutation"), "text"),
]


def groups(record: dict[str, Any]) -> list[Group]:
    """The fields of ``record``, grouped as the review screen shows them."""
    out = [Group(_("Document"), GENERAL), Group(_("People and risks"), PEOPLE)]
    for i, _ask in enumerate(record.get("asks") or []):
        out.append(Group(_("Ask %(n)d") % {"n": i + 1}, [_item(s, f"asks[{i}]") for s in ASK]))
    for i, target in enumerate(record.get("targets") or []):
        role = _("copies to") if target.get("role") == "copy" else _("send appeals to")
        heading = _("Target %(n)d (%(role)s)") % {"n": i + 1, "role": role}
        out.append(Group(heading, [_item(s, f"targets[{i}]") for s in TARGET]))
    return out


def _item(spec: Spec, prefix: str) -> Spec:
    return Spec(f"{prefix}.{spec.path}", spec.label, spec.kind, spec.choices, spec.code)


def find(record: dict[str, Any], path: str) -> Spec | None:
    return next((s for g in groups(record) for s in g.specs if s.path == path), None)


def as_text(spec: Spec, value: Any) -> str:
    """A stored value as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(value) if spec.kind == "codes" else "\n".join(str(v) for v in value)
    return str(value)


def parse(spec: Spec, submitted: list[str]) -> Any:
    """The submitted form values as the record stores them; ValueError with a readable message."""
    raw = submitted[0].strip() if submitted else ""
    if spec.kind in ("text", "longtext"):
        return _text(raw)
    if spec.kind == "date":
        return _date(raw)
    if spec.kind == "count":
        return _count(raw)
    if spec.kind == "bool":
        return bool(submitted)
    if spec.kind == "choice":
        if raw not in spec.choices:
            raise ValueError(_("Choose one of the listed values."))
        return raw
    if spec.kind == "choices":
        unknown = [v for v in submitted if v not in spec.choices]
        if unknown:
            raise ValueError(_("Unknown value: %(v)s") % {"v": ", ".join(unknown)})
        return [c for c in spec.choices if c in submitted]  # taxonomy order, no duplicates
    lines = _lines(raw)
    if spec.kind == "codes":
        return _codes(spec, raw)
    if spec.kind == "emails":
        return [_email(v) for v in lines]
    if spec.kind == "numbers":
        return [_number(v) for v in lines]
    return lines


def _text(raw: str) -> str | None:
    if len(raw) > 2000:
        raise ValueError(_("Too long: at most 2000 characters."))
    return raw or None


def _date(raw: str) -> str | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValueError(_("Enter a date as YYYY-MM-DD, for example 2024-04-14.")) from None


def _count(raw: str) -> int | None:
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > 1_000_000:
        raise ValueError(_("Enter a whole number, for example 3, or leave it empty."))
    return int(raw)


def _lines(raw: str) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in raw.splitlines() if line.strip()))


def _codes(spec: Spec, raw: str) -> Any:
    codes = [c.strip() for c in re.split(r"[,\s]+", raw) if c.strip()]
    if spec.code == "country":
        codes = [c.upper() for c in codes]
        bad = [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]
        message = _("Use two-letter country codes such as CN or KP: %(v)s")
    else:
        codes = [c.lower() for c in codes]
        bad = [c for c in codes if not re.fullmatch(r"[a-z]{2}", c)]
        message = _("Use two-letter language codes such as en or zh: %(v)s")
    if bad:
        raise ValueError(message % {"v": ", ".join(bad)})
    codes = list(dict.fromkeys(codes))
    if spec.path.endswith("].country"):  # a target has one country
        if len(codes) > 1:
            raise ValueError(_("Enter one country code."))
        return codes[0] if codes else None
    return codes


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise ValueError(_("Not an e-mail address: %(v)s") % {"v": value}) from None
    return value.lower()


def _number(value: str) -> str:
    """A fax or phone number in E.164 form: +, the country code, the digits. Without the
    country code a number cannot be told apart from a national one, so it is refused."""
    digits = re.sub(r"[\s().\-/]", "", value)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if not re.fullmatch(r"\+\d{6,15}", digits):
        raise ValueError(
            _("Write the number with its country code, as +44 20 7946 0123: %(v)s") % {"v": value}
        )
    return digits
