"""A demonstration store: seed documents as published cases, and accounts to log in with.

`urgent demo` runs this in a database of its own (``.demo/`` by default), never
in the configured store: publishing every case is right for a demo and wrong
for real case data. Running it again adds nothing and only re-sets the
passwords, which are printed because nobody else knows them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from urgent.web.accounts.models import CAMPAIGNER
from urgent.web.cases.ingest import Summary, ingest_paths
from urgent.web.cases.models import AuditLog, Case
from urgent.web.cases.public import published_cases

# The audit log names this (inactive) account as the one who published the demo's cases.
ACTOR = "urgent-demo"
CAMPAIGNER_USER = "campaigner"
ADMIN_USER = "admin"


@dataclass
class Account:
    role: str
    username: str
    password: str


@dataclass
class DemoResult:
    ingest: Summary
    published_now: int
    published: int
    accounts: list[Account] = field(default_factory=list)


def run_demo(
    files: list[Path], workers: int = 1, report: Callable[[Path, str], None] | None = None
) -> DemoResult:
    """Store ``files``, publish the cases never published before, (re)set the demo accounts."""
    summary = ingest_paths(files, workers, report=report)
    actor = _actor()
    published_now = sum(publish(case, actor) for case in _never_published())
    return DemoResult(summary, published_now, published_cases().count(), reset_accounts())


def _never_published() -> list[Case]:
    # A campaigner may have unpublished a demo case on purpose: that is a decision, not a gap.
    decided = AuditLog.objects.filter(model="case", action__in=("publish", "unpublish")).values("object_id")
    return list(
        Case.objects.filter(published=False, merged_into__isnull=True)
        .exclude(pk__in=[int(pk) for pk in decided.values_list("object_id", flat=True)])
        .order_by("id")
    )


@transaction.atomic
def publish(case: Case, actor: User) -> bool:
    """Publish ``case`` with a summary made of counts, countries and risks: no names."""
    if not case.public_summary:
        summary = public_summary(case)
        AuditLog.record(actor, "edit", case, "public_summary", case.public_summary, summary)
        case.public_summary = summary
    case.published = True
    case.published_at = timezone.now()
    case.save(update_fields=["public_summary", "published", "published_at", "updated_at"])
    AuditLog.record(actor, "publish", case, "published", False, True)
    return True


def public_summary(case: Case) -> str:
    """One sentence from the case's non-personal fields, such as
    "Two people at risk of torture and arbitrary detention in Egypt." """
    sentence = _people(case.people_count, case.people_at_least)
    risks = [RISKS.get(r, r.replace("_", " ")) for r in case.risks or () if r != "other"]
    sentence += f" at risk of {_and(risks)}" if risks else " at risk"
    countries = [_country(c) for c in case.countries or ()]
    if countries:
        sentence += f" in {_and(countries)}"
    return sentence + "."


# The record's risk taxonomy (spec/record.md) as the words of "at risk of …".
RISKS = {
    "refoulement": "forcible return",
    "torture": "torture",
    "death_penalty": "the death penalty",
    "arbitrary_detention": "arbitrary detention",
    "enforced_disappearance": "enforced disappearance",
    "forced_labour": "forced labour",
    "sexual_violence": "sexual violence",
    "health": "harm to their health",
    "unfair_trial": "an unfair trial",
    "harassment": "harassment",
}
NUMBERS = "zero one two three four five six seven eight nine ten".split()


def _people(count: int | None, at_least: bool) -> str:
    if not count:
        return "People"
    number = NUMBERS[count] if count < len(NUMBERS) else str(count)
    words = f"{number} person" if count == 1 else f"{number} people"
    return ("At least " + words) if at_least else words[0].upper() + words[1:]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _country(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) or code


def _actor() -> User:
    user, created = User.objects.get_or_create(username=ACTOR, defaults={"is_active": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def reset_accounts() -> list[Account]:
    """A campaigner and an administrator, each with a new random password."""
    group, _ = Group.objects.get_or_create(name=CAMPAIGNER)
    accounts = []
    for role, username, admin in (("campaigner", CAMPAIGNER_USER, False), ("admin", ADMIN_USER, True)):
        user, _ = User.objects.get_or_create(username=username)
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_active = True
        user.is_staff = user.is_superuser = admin
        user.save()
        if not admin:
            user.groups.add(group)
        accounts.append(Account(role, username, password))
    return accounts
