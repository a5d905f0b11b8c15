"""Names shown on pages, in the interface language: countries, risks, languages, statuses."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel import Locale
from django import template
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

register = template.Library()

# Marked for the catalog here, translated when shown (the filters below).
RISK_NAMES = {
    "refoulement": gettext_noop("forcible return"),
    "torture": gettext_noop("torture"),
    "death_penalty": gettext_noop("death penalty"),
    "arbitrary_detention": gettext_noop("arbitrary detention"),
    "enforced_disappearance": gettext_noop("enforced disappearance"),
    "forced_labour": gettext_noop("forced labour"),
    "sexual_violence": gettext_noop("sexual violence"),
    "health": gettext_noop("health"),
    "unfair_trial": gettext_noop("unfair trial"),
    "harassment": gettext_noop("harassment"),
    "other": gettext_noop("other"),
}
EVENT_NAMES = {
    "detained": gettext_noop("detained"),
    "moved": gettext_noop("moved"),
    "update_issued": gettext_noop("update issued"),
    "returned": gettext_noop("returned"),
    "released": gettext_noop("released"),
    "transferred": gettext_noop("transferred"),
    "closed": gettext_noop("case closed"),
    "other": gettext_noop("other"),
}
STATUS_NAMES = {
    "open": gettext_noop("open"),
    "deadline_passed": gettext_noop("deadline passed"),
    "closed": gettext_noop("closed"),
}
CHANNEL_NAMES = {
    "email": gettext_noop("e-mail"),
    "post": gettext_noop("post"),
    "fax": gettext_noop("fax"),
    "online": gettext_noop("online form or social media"),
}


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
