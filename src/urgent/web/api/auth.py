"""Campaigners write through the API with a bearer token (`urgent token create`).

Only the key's hash is stored. The token travels in a header, never in a cookie,
so a page on another site cannot make a campaigner's browser use it: the API
needs no CSRF check, and a logged-in session counts for nothing here.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from urgent.web.accounts.models import ApiToken, is_campaigner

MAX_KEY = 200  # issued keys are 43 characters; a longer header is not worth hashing


class CampaignerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        if not token or len(token) > MAX_KEY:
            return None
        found = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.digest(token)).first()
        if found is None or not found.user.is_active:
            return None  # 401
        if not is_campaigner(found.user):
            # a valid key of someone who is no longer a campaigner
            raise HttpError(403, "This token's user is not a campaigner.")
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        return found.user


token = CampaignerToken()
