"""The JSON API at /api/: published cases, officials and action counts for anyone;
documents and case changes for campaigners with a token.

Schema at /api/openapi.json (OpenAPI 3.1), documentation at /api/docs. Every
error is JSON with a readable ``detail``; bad input is a 4xx, never a 500.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.parser import Parser

from urgent.web.api import actions, campaign, cases, officials  # noqa: F401  (actions: operations on the cases router)


class ObjectsOnly(Parser):
    """Every JSON body of this API is an object. Ninja's schemas read attributes from
    whatever they are given, so a list or a number would otherwise pass as "all defaults"."""

    def parse_body(self, request: HttpRequest) -> dict:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the body must be a JSON object")
        return data


api = NinjaAPI(
    parser=ObjectsOnly(),
    title="urgent",
    version="1",
    description=(
        "Urgent Actions: published cases, the officials to write to, and how many letters "
        "supporters sent. Reading needs no account. Campaigners write with a token "
        "(`urgent token create <username> <name>`) sent as `Authorization: Bearer <key>`."
    ),
    urls_namespace="api",
)
api.add_router("", cases.router)
api.add_router("", officials.router)
api.add_router("", campaign.documents)


def readable(errors: list[dict]) -> str:
    """Pydantic's errors as one line: "query.page: Input should be greater than or equal to 1"."""
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "change", "action", "filters"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return "; ".join(parts) or "Invalid input."


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": readable(exc.errors)}, status=422)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request, {"detail": _("A campaigner's token is needed: Authorization: Bearer <key>.")}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@csrf_exempt  # a POST to no path is a 404 like any other, not a CSRF refusal in HTML
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other path under /api/: JSON, like every other answer of the API."""
    return api.create_response(request, {"detail": _("No such API path.")}, status=404)
