"""The forms of the campaigner's case page: filter the list, record an event, close with an
outcome, split, merge by hand. Every field has a label (they are read out by screen readers)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from urgent.web.cases.models import Case, Document, Event


class CaseFilter(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Title or UA number"))
    status = forms.ChoiceField(
        required=False, label=_("Status"), choices=[("", _("any status")), *Case.Status.choices]
    )
    published = forms.ChoiceField(
        required=False,
        label=_("Published"),
        choices=[("", _("published or not")), ("yes", _("published")), ("no", _("not published"))],
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["kind", "date", "place", "note"]
        labels = {"kind": _("What happened"), "date": _("Date"), "place": _("Place"), "note": _("Note")}
        help_texts = {"note": _("Shown on the public case page; names of people not public are withheld.")}
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "note": forms.Textarea(attrs={"rows": 3})}


# The timeline entry that goes with each outcome.
OUTCOME_EVENTS = {
    Case.Outcome.RELEASED: Event.Kind.RELEASED,
    Case.Outcome.RETURNED: Event.Kind.RETURNED,
    Case.Outcome.TRANSFERRED: Event.Kind.TRANSFERRED,
    Case.Outcome.UNKNOWN: Event.Kind.CLOSED,
}


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[c for c in Case.Outcome.choices if c[0] != Case.Outcome.NONE]
    )
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        required=False, label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class SplitForm(forms.Form):
    documents = forms.ModelMultipleChoiceField(
        queryset=Document.objects.none(),
        label=_("Documents to move into a new case"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["documents"]
        field.queryset = case.documents.order_by("issued", "id")  # type: ignore[attr-defined]
        field.label_from_instance = lambda d: f"{d.name or d.sha256[:12]} ({d.kind}, {d.issued or '—'})"  # type: ignore[attr-defined]


class MergeForm(forms.Form):
    into = forms.IntegerField(
        min_value=1,
        label=_("Number of the case to merge this case into"),
        help_text=_(
            "This case's documents move there; the merge can be undone on the possible duplicates page."
        ),
    )
