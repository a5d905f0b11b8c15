"""The audit log: every campaigner edit (and automatic merge), newest first, filtered by
who, what was done and to what kind of record."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from urgent.web.campaign.access import campaigner_required
from urgent.web.cases.models import AuditLog

PER_PAGE = 50
SHOWN_CHARS = 300  # of an old or new value: a long text is cut, the log keeps it whole


class AuditFilter(forms.Form):
    user = forms.ChoiceField(required=False, label=_("Who"))
    action = forms.ChoiceField(required=False, label=_("Action"))
    model = forms.ChoiceField(required=False, label=_("Record"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = (
            get_user_model().objects.filter(pk__in=AuditLog.objects.values("user_id")).order_by("username")
        )
        self.fields["user"].choices = [
            ("", _("anyone")),
            ("-", _("automatic")),
            *((str(u.pk), u.username) for u in users),
        ]  # type: ignore[attr-defined]
        for name in ("action", "model"):
            values = AuditLog.objects.order_by(name).values_list(name, flat=True).distinct()
            self.fields[name].choices = [("", _("any")), *((v, v) for v in values)]  # type: ignore[attr-defined]


@campaigner_required
def audit(request: HttpRequest) -> HttpResponse:
    form = AuditFilter(request.GET or None)
    entries = AuditLog.objects.select_related("user")
    if form.is_valid():
        who, action, model = (form.cleaned_data[k] for k in ("user", "action", "model"))
        if who:
            entries = entries.filter(user__isnull=True) if who == "-" else entries.filter(user_id=who)
        if action:
            entries = entries.filter(action=action)
        if model:
            entries = entries.filter(model=model)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    rows = [(e, shown(e.old_value), shown(e.new_value)) for e in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "campaign/audit.html", {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    )


def shown(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"
