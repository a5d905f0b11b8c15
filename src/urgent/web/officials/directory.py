"""Keeping the directory of officials up to date from each document's targets.

Called once per ingested document with all its targets, so it works in a
handful of queries whatever their number: officials, offices, tenures and
contact points are each looked up, created and dated in bulk, and who holds
each office is worked out once per office, by the database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection

from urgent.link import office_key, person_key
from urgent.record import Target as RecordTarget
from urgent.web.cases.models import Document
from urgent.web.officials.models import ContactPoint, Office, Official, Tenure


@dataclass
class _Seen:
    """One target of the document, as the directory knows it."""

    target: RecordTarget
    official_key: str | None = None
    office_key: str | None = None
    official: int | None = None
    office: int | None = None
    superseded: bool = False  # the official no longer holds the office


def record_targets(
    doc: Document, targets: Sequence[RecordTarget], seen: date
) -> list[tuple[int | None, int | None]]:
    """Resolve each extracted target to an official and an office (ids, either may be
    None), and note what the document says of them: holders, dates, contact points."""
    rows = [
        _Seen(
            t,
            person_key(t.name, t.title) if t.name else None,
            office_key(t.title, t.organisation, t.country),
        )
        for t in targets
    ]
    officials: dict[str, dict[str, Any]] = {}
    offices: dict[str, dict[str, Any]] = {}
    for r in rows:  # the first target that names an official or an office describes it
        t = r.target
        if r.official_key:
            officials.setdefault(
                r.official_key, {"name": t.name, "variants": [t.name], "country": t.country or ""}
            )
        if r.office_key:
            offices.setdefault(
                r.office_key,
                {"title": t.title or "", "organisation": t.organisation or "", "country": t.country or ""},
            )
    officials = _ensure(OFFICIAL, officials, ("variants",))
    offices = _ensure(OFFICE, offices)
    for r in rows:
        r.official = officials[r.official_key]["id"] if r.official_key else None
        r.office = offices[r.office_key]["id"] if r.office_key else None
    _note_variants(rows, officials)
    changed = _tenures(rows, doc, seen)
    _contacts(rows, doc, seen)
    _supersede(changed)  # after the contacts: a holder seen late may be the older one
    return [(r.official, r.office) for r in rows]


# Raw SQL, portable between SQLite and PostgreSQL: each document makes a dozen of these
# queries, and the ORM spent about 0.2 ms building each one (20 times the query itself).
OFFICIAL, OFFICE = Official._meta.db_table, Office._meta.db_table
TENURE, POINT = Tenure._meta.db_table, ContactPoint._meta.db_table
TENURE_SOURCES = Tenure.sources.through._meta.db_table  # (tenure_id, document_id)
POINT_SOURCES = ContactPoint.sources.through._meta.db_table  # (contactpoint_id, document_id)


def _sql(query: str, params: Sequence[Any] = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)


def _insert(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows, skipping those a unique constraint already holds (another document's,
    or another process's meanwhile)."""
    if not rows:
        return
    values = ", ".join(f"({_marks(len(columns))})" for _ in rows)
    _sql(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} ON CONFLICT DO NOTHING",
        [v for row in rows for v in row],
    )


def _ensure(table: str, wanted: dict[str, dict[str, Any]], json_fields: Sequence[str] = ()) -> dict:
    """Rows of ``table`` by their unique ``key`` (as dicts of id, key and ``json_fields``),
    created from ``wanted``'s values when missing; another process may create one
    meanwhile: the second read finds theirs."""
    if not wanted:
        return {}
    columns = ("id", '"key"', *json_fields)

    def read(keys: list[str]) -> dict[str, dict[str, Any]]:
        select = ", ".join(columns)
        rows = _sql(f'SELECT {select} FROM {table} WHERE "key" IN ({_marks(len(keys))})', keys)
        found = {}
        for row in rows:
            item = dict(zip(("id", "key", *json_fields), row, strict=True))
            for name in json_fields:
                item[name] = json.loads(item[name]) if isinstance(item[name], str) else item[name]
            found[item["key"]] = item
        return found

    found = read(list(wanted))
    missing = [k for k in wanted if k not in found]
    if missing:
        names = list(wanted[missing[0]])
        _insert(
            table,
            ['"key"', *names],
            [
                [k, *(json.dumps(wanted[k][n]) if n in json_fields else wanted[k][n] for n in names)]
                for k in missing
            ],
        )
        found |= read(missing)
    return found


def _note_variants(rows: list[_Seen], officials: dict[str, dict[str, Any]]) -> None:
    """Each spelling of a name is kept: "HASSAN Ali", "Hassan Ali", "President Hassan Ali"."""
    for r in rows:
        if not r.official_key:
            continue
        row = officials[r.official_key]
        if r.target.name not in row["variants"]:
            row["variants"] = [*row["variants"], r.target.name]
            Official.objects.filter(pk=row["id"]).update(variants=row["variants"])


@dataclass
class _Tenure:
    pk: int
    first_seen: date
    last_seen: date
    superseded_by: int | None


def _tenures(rows: list[_Seen], doc: Document, seen: date) -> set[int]:
    """Note that each official held their office when ``doc`` was written. Returns the
    offices whose holder may have changed: a new holder, or a former one seen at a later
    date (the current holder seen again stays current, which is the common case)."""
    pairs = {(r.office, r.official) for r in rows if r.office and r.official}
    if not pairs:
        return set()
    offices, officials = sorted({o for o, _ in pairs}), sorted({p for _, p in pairs})

    def existing() -> dict[tuple[int, int], _Tenure]:
        found = _sql(
            f"SELECT office_id, official_id, id, first_seen, last_seen, superseded_by_id FROM {TENURE} "
            f"WHERE office_id IN ({_marks(len(offices))}) AND official_id IN ({_marks(len(officials))})",
            [*offices, *officials],
        )
        return {(o, p): _Tenure(*rest) for o, p, *rest in found if (o, p) in pairs}

    tenures = existing()
    created = pairs - tenures.keys()
    if created:
        _insert(
            TENURE,
            ("office_id", "official_id", "first_seen", "last_seen"),
            [(o, p, seen, seen) for o, p in sorted(created)],
        )
        tenures = existing()
    changed = set()
    for pair, tenure in tenures.items():
        if pair in created:
            changed.add(pair[0])
            continue
        later = seen > tenure.last_seen
        if later and tenure.superseded_by is not None:
            changed.add(pair[0])
        if later or seen < tenure.first_seen:
            tenure.first_seen, tenure.last_seen = min(tenure.first_seen, seen), max(tenure.last_seen, seen)
            _sql(
                f"UPDATE {TENURE} SET first_seen = %s, last_seen = %s WHERE id = %s",
                [tenure.first_seen, tenure.last_seen, tenure.pk],
            )
    _insert(TENURE_SOURCES, ("tenure_id", "document_id"), [(t.pk, doc.pk) for t in tenures.values()])
    for r in rows:
        found = tenures.get((r.office, r.official)) if r.office and r.official else None
        r.superseded = bool(found and found.superseded_by is not None)
    return changed


def _supersede(offices: set[int]) -> None:
    """The most recently seen holder of each office is the current one; earlier holders are
    superseded, and their contact points at the office go stale."""
    for office in sorted(offices):
        current, holder = _sql(
            f"SELECT id, official_id FROM {TENURE} WHERE office_id = %s "
            "ORDER BY last_seen DESC, id DESC LIMIT 1",
            [office],
        )[0]
        # the database rewrites the others: an office may have had hundreds of holders
        _sql(
            f"UPDATE {TENURE} SET superseded_by_id = %s WHERE office_id = %s AND id <> %s "
            "AND (superseded_by_id IS NULL OR superseded_by_id <> %s)",
            [current, office, current, current],
        )
        _sql(
            f"UPDATE {TENURE} SET superseded_by_id = NULL WHERE id = %s AND superseded_by_id IS NOT NULL",
            [current],
        )
        _sql(
            f"UPDATE {POINT} SET stale = %s WHERE office_id = %s AND official_id IS NOT NULL "
            "AND official_id <> %s AND stale = %s",
            [True, office, holder, False],
        )
        _sql(
            f"UPDATE {POINT} SET stale = %s WHERE office_id = %s AND official_id = %s AND stale = %s",
            [False, office, holder, True],
        )


def _points(target: RecordTarget) -> list[tuple[str, str]]:
    points = [("fax", v) for v in target.faxes] + [("phone", v) for v in target.phones]
    points += [("email", v) for v in target.emails]
    if target.address:
        points.append(("postal", "\n".join(target.address)))
    return points


def _contacts(rows: list[_Seen], doc: Document, seen: date) -> None:
    """Each target's contact points: created where new (a former holder's newly seen
    points already out of date), dated, and sourced to ``doc``."""
    wanted: dict[tuple[str, str, str], tuple] = {}
    for r in rows:
        owner = f"official:{r.official}" if r.official else f"office:{r.office}" if r.office else None
        if owner is None:
            continue
        for kind, value in _points(r.target):
            wanted.setdefault(
                (owner, kind, value), (owner, r.official, r.office, kind, value, seen, seen, r.superseded)
            )
    if not wanted:
        return
    owners, values = sorted({k[0] for k in wanted}), sorted({k[2] for k in wanted})

    def existing() -> dict[tuple[str, str, str], tuple[int, date, date]]:
        found = _sql(
            f"SELECT owner, kind, value, id, first_seen, last_seen FROM {POINT} "
            f"WHERE owner IN ({_marks(len(owners))}) AND value IN ({_marks(len(values))})",
            [*owners, *values],
        )
        return {(o, k, v): (pk, first, last) for o, k, v, pk, first, last in found if (o, k, v) in wanted}

    points = existing()
    if len(points) < len(wanted):
        _insert(
            POINT,
            ("owner", "official_id", "office_id", "kind", "value", "first_seen", "last_seen", "stale"),
            [p for k, p in wanted.items() if k not in points],
        )
        points = existing()
    later = [pk for pk, _, last in points.values() if last < seen]
    earlier = [pk for pk, first, _ in points.values() if first > seen]
    if later:
        _sql(f"UPDATE {POINT} SET last_seen = %s WHERE id IN ({_marks(len(later))})", [seen, *later])
    if earlier:
        _sql(f"UPDATE {POINT} SET first_seen = %s WHERE id IN ({_marks(len(earlier))})", [seen, *earlier])
    _insert(POINT_SOURCES, ("contactpoint_id", "document_id"), [(pk, doc.pk) for pk, _, _ in points.values()])
