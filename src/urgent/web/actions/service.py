"""Logging a supporter's action: de-duplicated, rate-limited, no personal data kept."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from urgent.web.actions.models import Action
from urgent.web.cases.models import Case, Target

RATE_PER_MINUTE = 20


@dataclass
class Logged:
    count: int  # actions on this case, after this one
    new: bool  # False: the same action was already logged today
    limited: bool = False  # True: too many actions from this client this minute


def client_key(ip: str, user_agent: str, day: date | None = None) -> str:
    """A keyed hash of the browser that changes every day: enough to fold double clicks,
    useless to identify anyone."""
    day = day or timezone.now().date()
    msg = f"{ip}|{user_agent}|{day.isoformat()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), msg, hashlib.sha256).hexdigest()


def log_action(
    case: Case, target: Target | None, language: str, channel: str, client: str, user: object | None = None
) -> Logged:
    recent = Action.objects.filter(
        client=client, created_at__gte=timezone.now() - timedelta(minutes=1)
    ).count()
    if recent >= RATE_PER_MINUTE:
        return Logged(case.actions.count(), new=False, limited=True)
    fingerprint = hashlib.sha256(
        f"{client}|{case.pk}|{target.pk if target else ''}|{channel}".encode()
    ).hexdigest()
    new = True
    try:
        with transaction.atomic():
            Action.objects.create(
                case=case,
                target=target,
                language=language,
                channel=channel,
                fingerprint=fingerprint,
                client=client,
                user=user if getattr(user, "is_authenticated", False) else None,
            )
    except IntegrityError:
        new = False  # the same supporter pressed "I sent it" again today
    return Logged(case.actions.count(), new=new)
