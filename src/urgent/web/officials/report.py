"""The directory as plain data, for the command line and the API."""

from __future__ import annotations

from typing import Any

from urgent.web.officials.models import Official


def directory_rows() -> list[dict[str, Any]]:
    rows = []
    for official in Official.objects.prefetch_related("tenures__office", "contacts__sources").order_by(
        "name"
    ):
        rows.append(
            {
                "name": official.name,
                "variants": official.variants,
                "country": official.country,
                "tenures": [
                    {
                        "office": str(t.office),
                        "first_seen": t.first_seen.isoformat(),
                        "last_seen": t.last_seen.isoformat(),
                        "superseded": t.superseded,
                    }
                    for t in official.tenures.all()
                ],
                "contacts": [
                    {
                        "kind": c.kind,
                        "value": c.value,
                        "first_seen": c.first_seen.isoformat(),
                        "last_seen": c.last_seen.isoformat(),
                        "stale": c.stale,
                        "sources": sorted(d.name for d in c.sources.all()),
                    }
                    for c in official.contacts.all()
                ],
            }
        )
    return rows
