"""Keeping the directory of officials up to date from each document's targets.

Called once per ingested document with all its targets, so it works in a
handful of queries whatever their number: officials, offices, tenures and
contact points are each looked up, created and dated in bulk, and who holds
each office is worked out once, from all its tenures at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models

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
    tenure: Tenure | None = None


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
    officials = _ensure(Official, officials, ("variants",))
    offices = _ensure(Office, offices)
    for r in rows:
        r.official = officials[r.official_key]["id"] if r.official_key else None
        r.office = offices[r.office_key]["id"] if r.office_key else None
    _note_variants(rows, officials)
    changed = _tenures(rows, doc, seen)
    _contacts(rows, doc, seen)
    _supersede(changed)  # after the contacts: a holder seen late may be the older one
    return [(r.official, r.office) for r in rows]


def _ensure(model: type[models.Model], wanted: dict[str, dict[str, Any]], extra: Iterable[str] = ()) -> dict:
    """Rows of ``model`` by their unique ``key`` (as dicts of id, key and ``extra``), created
    from ``wanted``'s values when missing; another process may create one meanwhile: the
    second read finds theirs."""
    if not wanted:
        return {}
    fields = ("id", "key", *extra)
    found = {row["key"]: row for row in model.objects.filter(key__in=wanted).values(*fields)}
    missing = [k for k in wanted if k not in found]
    if missing:
        model.objects.bulk_create([model(key=k, **wanted[k]) for k in missing], ignore_conflicts=True)
        found |= {row["key"]: row for row in model.objects.filter(key__in=missing).values(*fields)}
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


def _tenures(rows: list[_Seen], doc: Document, seen: date) -> set[int]:
    """Note that each official held their office when ``doc`` was written. Returns the
    offices whose holder may have changed: a new holder, or a former one seen at a later
    date (the current holder seen again stays current, which is the common case)."""
    pairs = {(r.office, r.official) for r in rows if r.office and r.official}
    if not pairs:
        return set()

    def existing() -> dict[tuple[int, int], Tenure]:
        offices, officials = {o for o, _ in pairs}, {p for _, p in pairs}
        found = Tenure.objects.filter(office_id__in=offices, official_id__in=officials)
        return {(t.office_id, t.official_id): t for t in found if (t.office_id, t.official_id) in pairs}

    tenures = existing()
    created = pairs - tenures.keys()
    if created:
        Tenure.objects.bulk_create(
            [Tenure(office_id=o, official_id=p, first_seen=seen, last_seen=seen) for o, p in created],
            ignore_conflicts=True,
        )
        tenures = existing()
    changed, dated = set(), []
    for pair, tenure in tenures.items():
        if pair in created:
            changed.add(pair[0])
            continue
        later = seen > tenure.last_seen
        if later and tenure.superseded_by_id is not None:
            changed.add(pair[0])
        if later or seen < tenure.first_seen:
            tenure.first_seen, tenure.last_seen = min(tenure.first_seen, seen), max(tenure.last_seen, seen)
            dated.append(tenure)
    if dated:
        Tenure.objects.bulk_update(dated, ["first_seen", "last_seen"])
    Tenure.sources.through.objects.bulk_create(
        [Tenure.sources.through(tenure_id=t.pk, document_id=doc.pk) for t in tenures.values()],
        ignore_conflicts=True,
    )
    for r in rows:
        r.tenure = tenures.get((r.office, r.official)) if r.office and r.official else None
    return changed


def _supersede(offices: set[int]) -> None:
    """The most recently seen holder of each office is the current one; earlier holders are
    superseded, and their contact points at the office go stale."""
    if not offices:
        return
    held: dict[int, list[tuple[date, int, int, int | None]]] = defaultdict(list)
    for t in Tenure.objects.filter(office_id__in=offices).values_list(
        "office_id", "last_seen", "id", "official_id", "superseded_by_id"
    ):
        held[t[0]].append(t[1:])
    by_new_value: dict[int | None, list[int]] = defaultdict(list)
    current_holder = {}
    for office, tenures in held.items():
        _, current, holder, _ = max(tenures, key=lambda t: (t[0], t[1]))
        current_holder[office] = holder
        for _, pk, _, superseded_by in tenures:
            want = None if pk == current else current
            if superseded_by != want:
                by_new_value[want].append(pk)
    for value, pks in by_new_value.items():
        Tenure.objects.filter(pk__in=pks).update(superseded_by=value)
    stale: dict[bool, list[int]] = {True: [], False: []}
    for pk, office, official, is_stale in ContactPoint.objects.filter(
        office_id__in=offices, official__isnull=False
    ).values_list("id", "office_id", "official_id", "stale"):
        want = official != current_holder.get(office)
        if is_stale != want:
            stale[want].append(pk)
    for value, pks in stale.items():
        if pks:
            ContactPoint.objects.filter(pk__in=pks).update(stale=value)


def _points(target: RecordTarget) -> list[tuple[str, str]]:
    points = [("fax", v) for v in target.faxes] + [("phone", v) for v in target.phones]
    points += [("email", v) for v in target.emails]
    if target.address:
        points.append(("postal", "\n".join(target.address)))
    return points


def _contacts(rows: list[_Seen], doc: Document, seen: date) -> None:
    """Each target's contact points: created where new (a former holder's newly seen
    points already out of date), dated, and sourced to ``doc``."""
    wanted: dict[tuple[str, str, str], ContactPoint] = {}
    for r in rows:
        owner = f"official:{r.official}" if r.official else f"office:{r.office}" if r.office else None
        if owner is None:
            continue
        stale = bool(r.tenure and r.tenure.superseded_by_id)
        for kind, value in _points(r.target):
            wanted.setdefault(
                (owner, kind, value),
                ContactPoint(
                    owner=owner,
                    official_id=r.official,
                    office_id=r.office,
                    kind=kind,
                    value=value,
                    first_seen=seen,
                    last_seen=seen,
                    stale=stale,
                ),
            )
    if not wanted:
        return

    def existing() -> dict[tuple[str, str, str], tuple[int, date, date]]:
        owners, values = {k[0] for k in wanted}, {k[2] for k in wanted}
        found = ContactPoint.objects.filter(owner__in=owners, value__in=values).values_list(
            "owner", "kind", "value", "id", "first_seen", "last_seen"
        )
        return {(o, k, v): rest for o, k, v, *rest in found if (o, k, v) in wanted}

    points = existing()
    if len(points) < len(wanted):
        ContactPoint.objects.bulk_create(
            [p for k, p in wanted.items() if k not in points], ignore_conflicts=True
        )
        points = existing()
    later = [pk for pk, _, last in points.values() if last < seen]
    earlier = [pk for pk, first, _ in points.values() if first > seen]
    if later:
        ContactPoint.objects.filter(pk__in=later).update(last_seen=seen)
    if earlier:
        ContactPoint.objects.filter(pk__in=earlier).update(first_seen=seen)
    ContactPoint.sources.through.objects.bulk_create(
        [
            ContactPoint.sources.through(contactpoint_id=pk, document_id=doc.pk)
            for pk, _, _ in points.values()
        ],
        ignore_conflicts=True,
    )
