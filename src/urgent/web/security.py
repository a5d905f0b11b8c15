"""The Content-Security-Policy header (Django 5.2 has no setting for it).

Pages carry no inline script or style, so the policy can forbid them: an
injected ``<script>`` in a document's text, if escaping ever failed, would not run.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        # With DEBUG, only reported in the browser's console: Django's debug page is inline.
        header = "Content-Security-Policy-Report-Only" if settings.DEBUG else "Content-Security-Policy"
        if policy and header not in response:
            response[header] = policy
        return response
