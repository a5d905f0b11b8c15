"""Feeds of published cases: Atom for new and updated cases, iCalendar for deadlines.

Both read through `urgent.web.cases.public`, so they show what a case page shows:
published cases only, names of people not made public withheld.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from urgent.web.cases.models import Case
from urgent.web.cases.public import PublicCase, annotated, public_case, published_cases

ATOM_ENTRIES = 50


class CaseFeed(Feed):
    """The most recently changed published cases, newest first."""

    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Urgent Actions: new and updated cases")

    def subtitle(self) -> str:
        return _("Cases published for supporters to act on, with their public summaries.")

    def link(self) -> str:
        return reverse("site:home")

    def feed_url(self) -> str:
        return reverse("feeds:cases")

    def items(self) -> list[tuple[Case, PublicCase]]:
        cases = annotated(published_cases()).order_by("-updated_at", "-id")[:ATOM_ENTRIES]
        return [(c, public_case(c, detail=False)) for c in cases]

    def item_title(self, item: tuple[Case, PublicCase]) -> str:
        return item[1].title or _("Case %(id)s") % {"id": item[1].id}

    def item_description(self, item: tuple[Case, PublicCase]) -> str:
        # Atom summaries are HTML to feed readers: the plain-text summary is escaped
        return escape(item[1].summary)

    def item_link(self, item: tuple[Case, PublicCase]) -> str:
        return reverse("site:case", args=[item[1].id])

    def item_guid(self, item: tuple[Case, PublicCase]) -> str:
        return f"urn:urgent:case:{item[1].id}"  # stable whatever the host or the publishing date

    def item_pubdate(self, item: tuple[Case, PublicCase]) -> object:
        return item[0].published_at or item[0].created_at

    def item_updateddate(self, item: tuple[Case, PublicCase]) -> object:
        return item[0].updated_at


def deadlines(request: HttpRequest) -> HttpResponse:
    """Every published case not closed that has a deadline, as an all-day event on it.

    Passed deadlines stay: a subscribed calendar replaces its events with the
    feed's, and would otherwise lose them."""
    calendar = Calendar()
    calendar.add("prodid", "-//urgent//deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Urgent Action deadlines"))
    cases = (
        annotated(published_cases())
        .exclude(status=Case.Status.CLOSED)
        .filter(deadline__isnull=False)
        .order_by("deadline", "id")
    )
    for case in cases:
        calendar.add_component(_deadline(request, case, public_case(case, detail=False)))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response


def _deadline(request: HttpRequest, case: Case, shown: PublicCase) -> CalendarEvent:
    url = request.build_absolute_uri(reverse("site:case", args=[case.pk]))
    title = shown.title or _("Case %(id)s") % {"id": case.pk}
    event = CalendarEvent()
    event.add("uid", f"case-{case.pk}-deadline@urgent")  # one event per case, kept across changes
    event.add("dtstamp", case.updated_at)
    event.add("last-modified", case.updated_at)
    event.add("dtstart", case.deadline)
    event.add("dtend", case.deadline + timedelta(days=1))
    event.add("summary", _("Deadline: %(title)s") % {"title": title})
    event.add("description", f"{shown.summary}\n\n{url}".strip())
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event
