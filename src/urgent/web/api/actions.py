"""Supporters' actions through the API: log one anonymously, read the totals.

Logging takes no token and no cookie: the action is tied to no account, even
when the caller happens to be logged in on the site, so a forged cross-site
request can at most add one more (de-duplicated, rate-limited) count.
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpRequest
from ninja import Status
from ninja.errors import HttpError

from urgent.web.actions.service import client_key, log_action
from urgent.web.api import schemas as s
from urgent.web.api.cases import published_case, router
from urgent.web.cases.models import Target


@router.post(
    "/cases/{id}/actions",
    response={200: s.Logged, 400: s.Error, 404: s.Error, 422: s.Error, 429: s.Logged},
    summary="Log a letter sent (anonymous; 429 when this client sent too many this minute)",
)
def log(request: HttpRequest, id: s.Id, action: s.ActionIn) -> Status:
    case = published_case(id)
    target = None
    if action.target is not None:
        target = Target.objects.filter(pk=action.target, case=case).first()
        if target is None:
            raise HttpError(422, "target: not a target of this case.")
    client = client_key(request.META.get("REMOTE_ADDR", ""), request.headers.get("User-Agent", ""))
    logged = log_action(case, target, action.language, action.channel, client, user=None)
    return Status(429 if logged.limited else 200, logged.__dict__)


@router.get(
    "/cases/{id}/actions",
    response={200: s.ActionStats, 404: s.Error, 422: s.Error},
    summary="How many letters were sent, by language, channel and day",
)
def stats(request: HttpRequest, id: s.Id) -> dict:
    actions = published_case(id).actions.order_by()
    by_day = (
        actions.annotate(day=TruncDate("created_at")).values("day").annotate(n=Count("id")).order_by("day")
    )
    return {
        "total": actions.count(),
        "by_language": _counts(actions, "language"),
        "by_channel": _counts(actions, "channel"),
        "by_day": [{"date": row["day"], "count": row["n"]} for row in by_day],
    }


def _counts(actions, field: str) -> dict[str, int]:
    return {row[field]: row["n"] for row in actions.values(field).annotate(n=Count("id")).order_by(field)}
