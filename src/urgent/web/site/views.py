"""Public pages: open cases by urgency, a case, taking action. No account needed.

Everything shown goes through `urgent.web.cases.public`, which lets only
published cases and public names out.
"""

from __future__ import annotations

import random
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Case as DbCase
from django.db.models import F, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from urgent.letters import LANGUAGES, Sender, compose
from urgent.letters.formats import TooLong, mailto
from urgent.web.actions.models import Action
from urgent.web.actions.service import client_key, log_action
from urgent.web.cases import search
from urgent.web.cases.letters import facts_for_case
from urgent.web.cases.models import Case, Target
from urgent.web.cases.public import annotated, public_case, published_cases
from urgent.web.site.pagecache import public_page

LETTER_LANGUAGE = {"en": "en", "zh-hans": "zh", "zh": "zh", "ko": "ko", "fr": "fr", "es": "es", "de": "de"}
RISK_CHOICES = [
    "refoulement",
    "torture",
    "death_penalty",
    "arbitrary_detention",
    "enforced_disappearance",
    "forced_labour",
    "sexual_violence",
    "health",
    "unfair_trial",
    "harassment",
]


def interface_letter_language() -> str:
    return LETTER_LANGUAGE.get((get_language() or "en").lower(), "en")


@public_page
def home(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    country = request.GET.get("country", "").strip().upper()[:2]
    risk = request.GET.get("risk", "").strip()
    today = date.today()
    cases = published_cases().exclude(status=Case.Status.CLOSED)
    if country.isalpha() and len(country) == 2:
        cases = cases.filter(countries__icontains=f'"{country}"')  # a JSON list: match the quoted code
    if risk in RISK_CHOICES:
        cases = cases.filter(risks__icontains=f'"{risk}"')
    if q:
        hits = search.search(q, country=country or None, risk=risk or None, published_only=True, limit=100)
        cases = cases.filter(pk__in=[h.case_id for h in hits])
    # the nearest deadline first, then the most people at risk; passed or no deadline last
    cases = cases.annotate(
        passed=DbCase(When(deadline__gte=today, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("passed", F("deadline").asc(nulls_last=True), F("people_count").desc(nulls_last=True), "id")
    page = Paginator(annotated(cases), 20).get_page(request.GET.get("page"))
    items = [public_case(c, detail=False) for c in page.object_list]
    countries = sorted(
        {c for row in published_cases().values_list("countries", flat=True) for c in row or ()}
    )
    return render(
        request,
        "site/home.html",
        {
            "page": page,
            "items": items,
            "q": q,
            "country": country,
            "risk": risk,
            "countries": countries,
            "risks": RISK_CHOICES,
            "today": today,
        },
    )


def _published(pk: int) -> Case:
    case = get_object_or_404(annotated(Case.objects.all()), pk=pk)
    if not case.published or case.merged_into_id:
        raise Http404(_("No such case."))
    return case


@public_page
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _published(pk)
    return render(request, "site/case.html", {"case": public_case(case), "today": date.today()})


def _letter_request(request: HttpRequest, case: Case) -> tuple[int, str, Sender | None, str, int]:
    facts = facts_for_case(case, public_only=True)
    try:
        index = max(0, min(int(request.GET.get("target", "0")), len(facts.targets) - 1))
    except ValueError:
        index = 0
    language = request.GET.get("lang") or (facts.language if facts.language in LANGUAGES else "en")
    if language not in LANGUAGES:
        language = "en"
    name, town, country = (request.GET.get(k, "")[:100].strip() for k in ("name", "town", "country"))
    occupation = request.GET.get("occupation", "")[:100].strip()
    sender = Sender(name, town, country, occupation) if (name or town) else None
    personal = request.GET.get("personal", "")[:400].strip()
    try:
        # each supporter gets their own wording, kept while they change options
        seed = int(request.GET.get("seed") or request.session.setdefault("seed", random.randrange(10**6)))
    except ValueError:
        seed = 0
    return index, language, sender, personal, seed


def act(request: HttpRequest, pk: int) -> HttpResponse:
    case = _published(pk)
    facts = facts_for_case(case, public_only=True)
    if not facts.targets:
        raise Http404(_("This case names no one to write to."))
    index, language, sender, personal, seed = _letter_request(request, case)
    gloss = interface_letter_language()
    letter = compose(
        facts, index, language, sender, personal, seed, gloss=gloss if gloss != language else None
    )
    try:
        link = mailto(
            letter, shorter=lambda: compose(facts, index, language, sender, personal, seed, short=True)
        )
    except TooLong:
        link = None
    offered = [x for x in (facts.language, *LANGUAGES) if x in LANGUAGES]
    pairs = list(zip(letter.sentences, letter.gloss.sentences, strict=False)) if letter.gloss else []
    target_rows = list(
        case.targets.filter(document_id__in=case.documents.values("id")).order_by("-document_id", "position")
    )
    return render(
        request,
        "site/act.html",
        {
            "case": public_case(case, detail=True),
            "letter": letter,
            "pairs": pairs,
            "mailto": link,
            "index": index,
            "language": language,
            "languages": list(dict.fromkeys(offered)),
            "targets": list(enumerate(facts.targets)),
            "channels": Action.Channel.choices,
            "target_row": _target_row(target_rows, facts.targets[index]),
            "seed": seed,
            "form": {
                k: request.GET.get(k, "") for k in ("name", "town", "country", "occupation", "personal")
            },
            "count": case.actions.count(),
        },
    )


def _target_row(rows: list[Target], target: object) -> Target | None:
    name = getattr(target, "name", None)
    organisation = getattr(target, "organisation", None)
    return next((r for r in rows if r.name == (name or "") and r.organisation == (organisation or "")), None)


def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from urgent.letters.pdf import render as render_pdf

    case = _published(pk)
    facts = facts_for_case(case, public_only=True)
    index, language, sender, personal, seed = _letter_request(request, case)
    letter = compose(facts, index, language, sender, personal, seed)
    data = render_pdf(
        [letter],
        size=request.GET.get("paper", "A4") if request.GET.get("paper") in ("A4", "Letter") else "A4",
        fax=request.GET.get("fax") == "1",
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="appeal-case-{case.pk}-{language}.pdf"'
    return response


@require_POST
def sent(request: HttpRequest, pk: int) -> HttpResponse:
    """ "I sent it": count the action (no personal data), show the new count."""
    case = _published(pk)
    channel = request.POST.get("channel", "email")
    if channel not in Action.Channel.values:
        channel = Action.Channel.EMAIL
    language = request.POST.get("lang", "en")
    language = language if language in LANGUAGES else "en"
    target = Target.objects.filter(pk=request.POST.get("target_row") or 0, case=case).first()
    client = client_key(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_USER_AGENT", ""))
    logged = log_action(case, target, language, channel, client, request.user)
    if request.headers.get("Accept", "").startswith("application/json"):
        status = 429 if logged.limited else 200
        return JsonResponse(
            {"count": logged.count, "new": logged.new, "limited": logged.limited}, status=status
        )
    request.session["last_action"] = {
        "case": case.pk,
        "count": logged.count,
        "new": logged.new,
        "limited": logged.limited,
    }
    return redirect(reverse("site:thanks", args=[case.pk]))


def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    case = _published(pk)
    last = request.session.get("last_action") or {}
    return render(
        request,
        "site/thanks.html",
        {
            "case": public_case(case, detail=False),
            "count": case.actions.count(),
            "new": last.get("new", True),
            "limited": last.get("limited", False),
        },
    )
