from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from urgent.web.accounts.models import is_campaigner


def roles(request: HttpRequest) -> dict[str, Any]:
    return {"is_campaigner": is_campaigner(request.user)}
