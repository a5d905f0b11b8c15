"""Keeping the directory of officials up to date from each document's targets."""

from __future__ import annotations

from datetime import date

from urgent.link import office_key, person_key
from urgent.record import Target as RecordTarget
from urgent.web.cases.models import Document
from urgent.web.officials.models import ContactPoint, Office, Official, Tenure


def record_target(doc: Document, target: RecordTarget, seen: date) -> tuple[Official | None, Office | None]:
    """Resolve one extracted target to an official and an office, and note what it says."""
    official = _official(target) if target.name else None
    okey = office_key(target.title, target.organisation, target.country)
    office = None
    if okey:
        office, _ = Office.objects.get_or_create(
            key=okey,
            defaults={"title": target.title or "", "organisation": target.organisation or "",
                      "country": target.country or ""},
        )
    if official and office:
        _tenure(official, office, doc, seen)
    owner = f"official:{official.pk}" if official else f"office:{office.pk}" if office else None
    if owner:
        points = [("fax", v) for v in target.faxes] + [("phone", v) for v in target.phones]
        points += [("email", v) for v in target.emails]
        if target.address:
            points.append(("postal", "\n".join(target.address)))
        for kind, value in points:
            _contact(owner, official, office, kind, value, doc, seen)
    if official and office:
        _supersede(office)  # after the contacts: a holder seen late may be the older one
    return official, office


def _official(target: RecordTarget) -> Official:
    key = person_key(target.name or "", target.title)
    official, created = Official.objects.get_or_create(
        key=key, defaults={"name": target.name, "variants": [target.name], "country": target.country or ""}
    )
    if not created and target.name not in official.variants:
        official.variants = [*official.variants, target.name]
        official.save(update_fields=["variants"])
    return official


def _tenure(official: Official, office: Office, doc: Document, seen: date) -> Tenure:
    tenure, created = Tenure.objects.get_or_create(
        office=office, official=official, defaults={"first_seen": seen, "last_seen": seen}
    )
    if not created:
        tenure.first_seen = min(tenure.first_seen, seen)
        tenure.last_seen = max(tenure.last_seen, seen)
        tenure.save(update_fields=["first_seen", "last_seen"])
    tenure.sources.add(doc)
    return tenure


def _supersede(office: Office) -> None:
    """The most recently seen holder is the current one; earlier holders are superseded,
    and their contact points at this office go stale."""
    tenures = list(office.tenures.order_by("-last_seen", "-id"))
    if not tenures:
        return
    current = tenures[0]
    if current.superseded_by_id is not None:
        current.superseded_by = None
        current.save(update_fields=["superseded_by"])
        ContactPoint.objects.filter(official=current.official, office=office).update(stale=False)
    for older in tenures[1:]:
        if older.superseded_by_id != current.pk:
            older.superseded_by = current
            older.save(update_fields=["superseded_by"])
        ContactPoint.objects.filter(official=older.official, office=office, last_seen__lte=current.last_seen).update(
            stale=True
        )


def _contact(owner: str, official: Official | None, office: Office | None, kind: str, value: str,
             doc: Document, seen: date) -> None:
    point, created = ContactPoint.objects.get_or_create(
        owner=owner, kind=kind, value=value,
        defaults={"official": official, "office": office, "first_seen": seen, "last_seen": seen},
    )
    if not created:
        point.first_seen = min(point.first_seen, seen)
        point.last_seen = max(point.last_seen, seen)
        point.save(update_fields=["first_seen", "last_seen"])
    point.sources.add(doc)
