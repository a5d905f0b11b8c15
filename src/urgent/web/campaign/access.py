"""Who may reach campaigner pages: campaigners and admins. Others are sent to log in,
or refused when logged in without the role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from urgent.web.accounts.models import is_campaigner

View = Callable[..., HttpResponse]


def campaigner_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_campaigner(request.user):
            raise PermissionDenied(_("Campaigners only."))
        return view(request, *args, **kwargs)

    return wrapped
