"""E-mail alerts to supporters: a new case in the countries they follow, news of a case they acted on.

    notify_published(case)       # a campaigner published the case
    notify_update(case, what)    # on a published case: what = "document:<id>", "event:<id>" or "outcome"

Both only queue `send_alerts` (a django-tasks task: the web request does not wait
for a mail server). The task reads the case again when it runs, shows nothing but
what `public_case` lets out, and notes every alert it sends in `AlertSent`, so a
task run twice, or a case published again, e-mails no one twice.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from urgent.web.accounts.models import Alert, AlertSent
from urgent.web.actions.models import Action
from urgent.web.cases.models import Case, Event
from urgent.web.cases.public import Masker, PublicCase, public_case

NEW = "new"
log = logging.getLogger(__name__)


def notify_published(case: Case) -> None:
    if case.published and not case.merged_into_id:
        send_alerts.enqueue(case.pk, NEW)


def notify_update(case: Case, what: str) -> None:
    if case.published and not case.merged_into_id:
        send_alerts.enqueue(case.pk, what)


@task()
def send_alerts(case_id: int, what: str) -> int:
    """E-mail the subscribers of a published case's news; return how many were sent."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None or not case.published or case.merged_into_id:
        return 0  # unpublished or merged since the task was queued: nothing may go out
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "case": public_case(case),
            "new": what == NEW,
            "news": None if what == NEW else describe(case, what),
            "case_url": site_url(reverse("site:case", args=[case.pk])),
            "act_url": site_url(reverse("site:act", args=[case.pk])),
            "settings_url": site_url(reverse("accounts:me")),
        }
        key = f"{NEW}:{case.pk}" if what == NEW else f"update:{case.pk}:{what}"[:100]
        alerts = new_case_alerts(context["case"]) if what == NEW else update_alerts(case)
        return sum(send_once(alert, key, context) for alert in alerts)


def new_case_alerts(case: PublicCase) -> list[Alert]:
    """Alerts for new cases: all countries (an empty list), or one of the case's."""
    countries = set(case.countries)
    return [
        a for a in Alert.objects.filter(new_cases=True) if not a.countries or countries & set(a.countries)
    ]


def update_alerts(case: Case) -> list[Alert]:
    """Alerts for updates, of supporters who acted on the case (or on a case merged into it)."""
    acted_on = [case.pk, *case.merged.values_list("pk", flat=True)]
    users = Action.objects.filter(case_id__in=acted_on, user__isnull=False).values("user_id")
    return list(Alert.objects.filter(updates=True, user_id__in=users))


def describe(case: Case, what: str) -> dict[str, Any]:
    """The news, in public terms only: an event's note with non-public names withheld."""
    kind, _, pk = what.partition(":")
    if kind == "event":
        event = Event.objects.filter(pk=pk or 0, case=case).first()
        if event is not None:
            note = Masker(case)(event.note)
            return {
                "kind": "event",
                "event": event.kind,
                "date": event.date,
                "place": event.place,
                "note": note,
            }
    if kind == "outcome":
        return {"kind": "outcome", "status": case.status, "outcome": case.outcome}
    return {"kind": "document"}


def send_once(alert: Alert, key: str, context: dict[str, Any]) -> bool:
    """Send one alert unless it was sent before; a mail server's refusal leaves it unsent."""
    try:
        with transaction.atomic():
            AlertSent.objects.create(alert=alert, key=key)
            message("alert", alert.email, context).send()
            Alert.objects.filter(pk=alert.pk).update(last_sent=timezone.now())
    except IntegrityError:
        return False  # sent before
    except OSError:  # smtplib's errors included; the record rolled back, so a later run retries
        log.exception("alert %s to alert %s not sent", key, alert.pk)
        return False
    return True


def message(name: str, to: str, context: dict[str, Any]) -> EmailMultiAlternatives:
    """An e-mail from the template set accounts/email/{name}-subject.txt, -body.txt, -body.html;
    the HTML body is auto-escaped like every page."""
    subject = render_to_string(f"accounts/email/{name}-subject.txt", context)
    text = render_to_string(f"accounts/email/{name}-body.txt", context)
    html = render_to_string(f"accounts/email/{name}-body.html", context)
    email = EmailMultiAlternatives(" ".join(subject.split()), text, to=[to])
    email.attach_alternative(html, "text/html")
    return email


def site_url(path: str) -> str:
    """Links in e-mails need the site's address: SITE_URL when set, else the first allowed host."""
    base = getattr(settings, "SITE_URL", "") or (
        f"{'https' if getattr(settings, 'HTTPS', False) else 'http'}://{settings.ALLOWED_HOSTS[0]}"
    )
    return base.rstrip("/") + path
