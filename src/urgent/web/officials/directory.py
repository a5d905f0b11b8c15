"""Keeping the directory of officials up to date from each document's targets.

Called once per target of every ingested document, so it works in a few
queries: contact points are looked up, created and dated in bulk.
"""

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
    office, new_office = None, False
    if okey:
        office, new_office = Office.objects.get_or_create(
            key=okey,
            defaults={
                "title": target.title or "",
                "organisation": target.organisation or "",
                "country": target.country or "",
            },
        )
    tenure, may_change = _tenure(official, office, doc, seen) if official and office else (None, False)
    owner = f"official:{official.pk}" if official else f"office:{office.pk}" if office else None
    if owner:
        # a former holder's newly seen contacts are already out of date
        stale = bool(tenure and tenure.superseded_by_id)
        _contacts(owner, official, office, _points(target), doc, seen, stale)
    if office and may_change and not new_office:  # a new office has one holder: nobody to supersede
        _supersede(office)  # after the contacts: a holder seen late may be the older one
    return official, office


def _points(target: RecordTarget) -> list[tuple[str, str]]:
    points = [("fax", v) for v in target.faxes] + [("phone", v) for v in target.phones]
    points += [("email", v) for v in target.emails]
    if target.address:
        points.append(("postal", "\n".join(target.address)))
    return points


def _official(target: RecordTarget) -> Official:
    key = person_key(target.name or "", target.title)
    official, created = Official.objects.get_or_create(
        key=key, defaults={"name": target.name, "variants": [target.name], "country": target.country or ""}
    )
    if not created and target.name not in official.variants:
        official.variants = [*official.variants, target.name]
        official.save(update_fields=["variants"])
    return official


def _tenure(official: Official, office: Office, doc: Document, seen: date) -> tuple[Tenure, bool]:
    """Note that ``official`` held ``office`` when ``doc`` was written. True when who holds
    the office now may have changed: a new holder, or a former one seen at a later date
    (the current holder seen again stays current, which is the common case)."""
    tenure, created = Tenure.objects.get_or_create(
        office=office, official=official, defaults={"first_seen": seen, "last_seen": seen}
    )
    later = not created and seen > tenure.last_seen
    if not created and (seen < tenure.first_seen or later):
        tenure.first_seen = min(tenure.first_seen, seen)
        tenure.last_seen = max(tenure.last_seen, seen)
        tenure.save(update_fields=["first_seen", "last_seen"])
    Tenure.sources.through.objects.bulk_create(
        [Tenure.sources.through(tenure_id=tenure.pk, document_id=doc.pk)], ignore_conflicts=True
    )
    return tenure, created or (later and tenure.superseded_by_id is not None)


def _supersede(office: Office) -> None:
    """The most recently seen holder is the current one; earlier holders are superseded,
    and their contact points at this office go stale."""
    current = office.tenures.order_by("-last_seen", "-id").first()
    if current is None:
        return
    Tenure.objects.filter(pk=current.pk).exclude(superseded_by=None).update(superseded_by=None)
    office.tenures.exclude(pk=current.pk).exclude(superseded_by=current).update(superseded_by=current)
    points = ContactPoint.objects.filter(office=office, official__isnull=False)
    points.exclude(official_id=current.official_id).filter(stale=False).update(stale=True)
    points.filter(official_id=current.official_id, stale=True).update(stale=False)


def _contacts(
    owner: str,
    official: Official | None,
    office: Office | None,
    points: list[tuple[str, str]],
    doc: Document,
    seen: date,
    stale: bool = False,
) -> None:
    if not points:
        return
    values = {v for _, v in points}
    existing = {(c.kind, c.value): c for c in ContactPoint.objects.filter(owner=owner, value__in=values)}
    missing = [(k, v) for k, v in dict.fromkeys(points) if (k, v) not in existing]
    if missing:
        ContactPoint.objects.bulk_create(
            [
                ContactPoint(
                    owner=owner,
                    official=official,
                    office=office,
                    kind=k,
                    value=v,
                    first_seen=seen,
                    last_seen=seen,
                    stale=stale,
                )
                for k, v in missing
            ],
            ignore_conflicts=True,
        )
        existing = {(c.kind, c.value): c for c in ContactPoint.objects.filter(owner=owner, value__in=values)}
    mine = [existing[p] for p in dict.fromkeys(points) if p in existing]
    later = [c.pk for c in mine if c.last_seen < seen]
    earlier = [c.pk for c in mine if c.first_seen > seen]
    if later:
        ContactPoint.objects.filter(pk__in=later).update(last_seen=seen)
    if earlier:
        ContactPoint.objects.filter(pk__in=earlier).update(first_seen=seen)
    ContactPoint.sources.through.objects.bulk_create(
        [ContactPoint.sources.through(contactpoint_id=c.pk, document_id=doc.pk) for c in mine],
        ignore_conflicts=True,
    )
