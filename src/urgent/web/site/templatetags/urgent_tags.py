"""Names shown on pages, in the interface language: countries, risks, languages, statuses."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel import Locale
from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

RISK_NAMES = {
    "refoulement": "forcible return",
    "torture": "torture",
    "death_penalty": "death penalty",
    "arbitrary_detention": "arbitrary detention",
    "enforced_disappearance": "enforced disappearance",
    "forced_labour": "forced labour",
    "sexual_violence": "sexual violence",
    "health": "health",
    "unfair_trial": "unfair trial",
    "harassment": "harassment",
    "other": "other",
}
EVENT_NAMES = {
    "detained": "detained",
    "moved": "moved",
    "update_issued": "update issued",
    "returned": "returned",
    "released": "released",
    "transferred": "transferred",
    "closed": "case closed",
    "other": "other",
}
STATUS_NAMES = {"open": "open", "deadline_passed": "deadline passed", "closed": "closed"}
CHANNEL_NAMES = {"email": "e-mail", "post": "post", "fax": "fax", "online": "online form or social media"}


def _locale() -> Locale:
    code = (get_language() or "en").replace("-", "_")
    try:
        return Locale.parse({"zh_hans": "zh_Hans"}.get(code.lower(), code))
    except (ValueError, TypeError):
        return Locale.parse("en")


@register.filter
def country_name(code: str) -> str:
    return str(_locale().territories.get(code, code))


@register.filter
def language_name(code: str) -> str:
    names = _locale().languages
    return str(names.get(code, code))


@register.filter
def risk_name(key: str) -> str:
    return _(RISK_NAMES.get(key, key))


@register.filter
def event_name(key: str) -> str:
    return _(EVENT_NAMES.get(key, key))


@register.filter
def status_name(key: str) -> str:
    return _(STATUS_NAMES.get(key, key))


@register.filter
def channel_name(key: str) -> str:
    return _(CHANNEL_NAMES.get(key, key))


@register.filter
def days_left(case: Any, today: date) -> int | None:
    return case.days_left(today)
