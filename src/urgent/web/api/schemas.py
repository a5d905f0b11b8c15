"""What the API accepts and returns: the OpenAPI schema is generated from these.

Public shapes mirror `urgent.web.cases.public` (the one door to public data);
nothing here reads a model field that door does not let out, except the
campaigner-only `DocumentFull`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Path, Schema
from pydantic import BeforeValidator, StrictBool, StrictInt

from urgent.extract.taxonomy import RISK_RULES
from urgent.letters import LANGUAGES

# ids are 64-bit in the database; a bigger number is refused as bad input, not sent to it
MAX_ID = 2**63 - 1


def _whole_number(value: Any) -> Any:
    """Digits only: int() would also take "1\x85" or " 1" (it strips Unicode spaces)."""
    if isinstance(value, str) and not (value.isascii() and value.lstrip("-").isdigit()):
        raise ValueError("Input should be a valid integer")
    return value


Id = Annotated[int, BeforeValidator(_whole_number), Path(ge=1, le=MAX_ID)]
Risk = Literal[tuple(RISK_RULES)]  # type: ignore[valid-type]
Language = Literal[LANGUAGES]  # type: ignore[valid-type]
Status = Literal["open", "deadline_passed", "closed"]
Outcome = Literal["", "released", "returned", "transferred", "unknown"]
Channel = Literal["email", "post", "fax", "online"]


class Error(Schema):
    detail: str


class Page(Schema):
    count: int
    page: int
    pages: int
    per_page: int


class CaseItem(Schema):
    id: int
    title: str
    summary: str
    status: str
    outcome: str
    countries: list[str]
    risks: list[str]
    people_count: int | None
    people_at_least: bool
    people: list[str]
    deadline: date | None
    issued: date | None
    ua_numbers: list[str]
    actions: int
    updated_at: datetime | None
    url: str


class CaseList(Page):
    items: list[CaseItem]


class Ask(Schema):
    text: str
    kinds: list[str]
    group: str


class Target(Schema):
    id: int
    role: str
    name: str
    title: str
    organisation: str
    address: list[str]
    country: str
    emails: list[str]
    faxes: list[str]
    phones: list[str]
    salutation: str
    stale: bool


class CaseEvent(Schema):
    kind: str
    date: date | None
    place: str
    note: str


class CaseDetail(CaseItem):
    places: list[str]
    asks: list[Ask]
    targets: list[Target]
    events: list[CaseEvent]


class DocumentMeta(Schema):
    id: int
    kind: str
    organisation: str
    ua_number: str
    issued: date | None
    name: str
    format: str
    size: int


class DocumentFull(DocumentMeta):
    case: int | None
    sha256: str
    extractor_version: str
    ingested_at: datetime
    text: str
    record: dict[str, Any]


class Ingested(Schema):
    document: int
    case: int | None
    new: bool
    case_created: bool


class CaseChange(Schema):
    """Only the fields sent are changed; publishing needs a public summary."""

    published: StrictBool | None = None  # 0 or "yes" is not an answer to "publish?"
    # PostgreSQL stores no NUL character in text
    public_summary: str | None = Field(None, max_length=5000, pattern=r"^[^\x00]*$")
    status: Status | None = None
    outcome: Outcome | None = None


class CaseState(Schema):
    id: int
    title: str
    published: bool
    published_at: datetime | None
    public_summary: str
    status: str
    outcome: str


class ActionIn(Schema):
    """A supporter's action: which letter, in which language, sent how. Nothing about the sender."""

    target: StrictInt | None = Field(None, ge=1, le=MAX_ID, description="A target id from the case detail.")
    language: Language = "en"
    channel: Channel = "email"


class Logged(Schema):
    count: int
    new: bool
    limited: bool


class DayCount(Schema):
    date: date
    count: int


class ActionStats(Schema):
    total: int
    by_language: dict[str, int]
    by_channel: dict[str, int]
    by_day: list[DayCount]


class Contact(Schema):
    kind: str
    value: str
    stale: bool
    first_seen: date
    last_seen: date


class Office(Schema):
    title: str
    organisation: str
    country: str
    first_seen: date
    last_seen: date
    superseded: bool
    contacts: list[Contact]


class OfficialOut(Schema):
    id: int
    name: str
    country: str
    offices: list[Office]
    contacts: list[Contact]
    stale: bool
    cases: list[int]


class OfficialList(Page):
    items: list[OfficialOut]
