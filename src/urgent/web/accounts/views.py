"""Optional supporter accounts: sign up, log in, my actions, alerts."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from urgent.web.accounts.models import Alert
from urgent.web.actions.models import Action


class AlertForm(forms.ModelForm):
    countries = forms.CharField(
        required=False, label=gettext_lazy("Countries (ISO codes, comma-separated; empty for all)")
    )

    class Meta:
        model = Alert
        fields = ["email", "new_cases", "updates"]
        labels = {
            "email": gettext_lazy("E-mail address"),
            "new_cases": gettext_lazy("New cases"),
            "updates": gettext_lazy("Updates to cases I acted on"),
        }

    def clean_countries(self) -> list[str]:
        raw = self.cleaned_data.get("countries") or ""
        codes = [c.strip().upper() for c in raw.split(",") if c.strip()]
        if any(len(c) != 2 or not c.isalpha() for c in codes):
            raise forms.ValidationError(_("Use two-letter country codes, such as CN or IR."))
        return codes


def signup(request: HttpRequest) -> HttpResponse:
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        messages.success(request, _("Welcome. Your actions will now be listed under My actions."))
        return redirect("accounts:me")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def me(request: HttpRequest) -> HttpResponse:
    actions = Action.objects.filter(user=request.user).select_related("case")[:200]
    alert = Alert.objects.filter(user=request.user).first()
    form = AlertForm(
        request.POST or None,
        instance=alert,
        initial={"email": request.user.email, "countries": ", ".join(alert.countries) if alert else ""},
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.user = request.user
        saved.countries = form.cleaned_data["countries"]
        saved.save()
        messages.success(request, _("Your alerts are saved."))
        return redirect("accounts:me")
    return render(request, "accounts/me.html", {"actions": actions, "form": form})
